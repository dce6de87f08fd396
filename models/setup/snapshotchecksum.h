#pragma once

#include "common/pairprofile.h"
#include "replication/replicationsteps.h"

#include <QCoreApplication>
#include <QMap>

/** The per-server reads of the final data check: a table checksum that reads the current transaction's
 *  snapshot (CHECKSUM TABLE does not), the binary log position a consistent snapshot matches, and a mark
 *  that moves only when the server takes writes of its own. Each runs on the server's worker thread. */
class SnapshotChecksum
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotChecksum)
public:
    /** Where the binary log ends, and the server's own transactions in it (GTIDs it originated). */
    struct Mark
    {
        QString file;
        qint64 position = 0;
        QString own; ///< empty without GTIDs
        bool samePosition(const Mark& o) const { return file == o.file && position == o.position; }
    };
    static Result<Mark> mark(ServerContext& ctx);
    /** Of a GTID state (@@gtid_binlog_state / @@gtid_executed), the part that @p self (server_id or
     *  server_uuid) originated. */
    static QString ownPart(const QString& state, const QString& self, bool mariaDb);

    /** Opens a consistent snapshot and returns the binary log position it matches: MariaDB from the
     *  snapshot's own status, without a lock; elsewhere under a read lock held for milliseconds (never taken
     *  while a long statement runs, always released). The transaction stays open: see closeSnapshot(). */
    static Result<BinlogCoordinates> openSnapshot(ServerContext& ctx);
    /** Whether this server holds every transaction of the GTID position @p gtid (its own included):
     *  MariaDB per domain from gtid_slave_pos and gtid_binlog_pos, MySQL GTID_SUBSET of gtid_executed. */
    static Result<bool> holdsGtids(ServerContext& ctx, const QString& gtid);
    /** MariaDB "domain-server-seq" lists: whether @p have reaches @p want's seq in each of its domains. */
    static bool reachesEveryDomain(const QStringList& have, const QString& want);
    static void closeSnapshot(ServerContext& ctx);

    using Sums = QMap<QString, QString>; ///< "db.table" → "rows:xor:sum" of the rows' CRC32
    /** Checksums of the replicated tables (the profile's databases, or all but the system ones and the
     *  ignored ones; the probe and heartbeat tables left out), read in the current transaction if any. */
    static Result<Sums> tables(ServerContext& ctx, const PairProfile& profile);
    /** Whether two rows of the table can be the same: without a primary or NOT NULL unique key they can,
     *  and BIT_XOR cancels a pair of equal rows out, so their SUM is read too; with one, BIT_XOR and
     *  COUNT tell every difference apart and the SUM (DECIMAL arithmetic, half the statement's cost on
     *  a 1-million-row table) is left out (read as 0 on both servers). */
    enum class RowIdentity { MayRepeat, Unique };
    /** The SELECT for one table: COUNT(*), BIT_XOR and SUM of CRC32 over every column (NULL marked), over
     *  the rows @p where selects (all when empty). @p types (information_schema DATA_TYPE, parallel to
     *  @p columns) makes FLOAT/DOUBLE read as the same decimal text on every server. This is the one
     *  definition of "equal" of the product: pre-flight, setup's final comparison and compare use it, each
     *  in a session whose time zone is UTC (inUtc()), so TIMESTAMP values read the same on both. */
    static QString checksumSql(const QString& db, const QString& table, const QStringList& columns,
        const QStringList& types = {}, const QString& where = {}, RowIdentity rows = RowIdentity::MayRepeat);
    /** The text one column's value is checksummed as. */
    static QString columnValue(const QString& column, const QString& type);
    /** Sets the session's time zone to UTC ('+00:00') and returns the one it had, to put back with
     *  restoreTimeZone(). TIMESTAMP columns are rendered in the session's time zone: without this, two
     *  servers whose time_zone differ "differ". */
    static Result<QString> inUtc(SqlSession& sql);
    static void restoreTimeZone(SqlSession& sql, const QString& zone);
};
