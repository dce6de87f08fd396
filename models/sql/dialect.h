#pragma once

#include "sql/replicastatuscolumns.h"
#include "sql/serverversion.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

/** What CHANGE MASTER / CHANGE REPLICATION SOURCE is told. */
struct ChangeSourceParams
{
    QString host;
    int port = 3306;
    QString user;
    QString password;
    QString logFile; ///< file/position mode
    qint64 logPos = 0;
    bool gtid = false; ///< auto-position (MySQL) / MASTER_USE_GTID=slave_pos (MariaDB)
    bool ssl = false; ///< MASTER_SSL = 1: the link is encrypted (the replica refuses a clear-text source)
    bool sslVerify = false; ///< MASTER_SSL_VERIFY_SERVER_CERT = 1: the source's certificate is checked
    QString sslCa; ///< files on the replica's host
    QString sslCert;
    QString sslKey;
    int connectRetry = 10;
    int delay = -1; ///< MASTER_DELAY seconds, -1 leaves it unset
    bool onlyCredentials = false; ///< change user/password only, keep the coordinates (resume)
};

/** The SQL a server of one flavor and version speaks for replication. */
class Dialect
{
public:
    Dialect() = default;
    explicit Dialect(ServerVersion version, bool noBackslashEscapes = false);

    const ServerVersion& version() const { return m_version; }
    bool isMariaDb() const { return m_version.flavor == Flavor::MariaDB; }
    bool noBackslashEscapes() const { return m_noBackslashEscapes; }

    QString literal(const QString& value) const;
    /** The body of an IN (...) list: each of @p values through literal(), comma separated; '' when
     *  @p values is empty, so that the list stays valid SQL and matches nothing. */
    QString literalList(const QStringList& values) const;
    /** The server's own schemas (mysql, information_schema, performance_schema, sys): never user data. */
    static const QStringList& systemSchemas();
    /** A condition on @p column (a schema name) that holds for the user's schemas: those of @p only when it
     *  is not empty, else every schema but the system schemas and @p ignored. */
    QString userSchemas(
        const QString& column, const QStringList& only = {}, const QStringList& ignored = {}) const;
    QString account(const QString& user, const QString& host) const;

    QString showReplicaStatus() const;
    /** The column names showReplicaStatus() answers with. */
    const ReplicaStatusColumns& replicaStatusColumns() const;
    /** Waits until the replica has executed the source's binlog up to @p file:@p pos; one row, column
     *  "waited": the number of events waited for, -1 after @p timeoutSec, NULL when the SQL thread is not
     *  running or this server is not a replica. */
    QString sourcePosWait(const QString& file, qint64 pos, int timeoutSec) const;
    QString showBinlogStatus() const;
    /** Whether a heartbeat beat is known by its own GTID (MariaDB 10.0.9+: the session's @@last_gtid and
     *  MASTER_GTID_WAIT, exact whatever else commits meanwhile) rather than by where the binary log ended
     *  just after it (SHOW MASTER STATUS, which another writer committing in between moves past the beat). */
    bool beatsByGtid() const;
    /** Run right after the beat's INSERT on the same connection: beatsByGtid(): one row, column
     *  "beat_gtid", the GTID of that INSERT (empty when the binary log is off); else showBinlogStatus(). */
    QString beatPositionQuery() const;
    /** Waits on this replica for a beat of its source, by @p gtid when beatsByGtid() and @p gtid is known,
     *  else by @p file:@p pos (sourcePosWait()). One row: "waited" as sourcePosWait() answers it, and with
     *  the GTID also "already": 0 when the beat was applied before the wait began, -1 when not (then
     *  "waited" is 0 for applied meanwhile, -1 after @p timeoutSec; it is never NULL: a stopped SQL thread
     *  just makes the wait time out). */
    QString replicaWaitForBeat(const QString& gtid, const QString& file, qint64 pos, int timeoutSec) const;
    QString startReplica() const;
    QString stopReplica() const;
    QString resetReplicaAll() const;
    /** Stops / starts only the replica's SQL (applier) thread; the IO thread keeps receiving. */
    QString stopReplicaSqlThread() const;
    QString startReplicaSqlThread() const;
    /** Starts the SQL thread so that it stops by itself once it has executed the source's binary log up to
     *  @p file:@p pos (works with GTID auto-positioning too: the source's coordinates are kept there). */
    QString startReplicaSqlThreadUntil(const QString& file, qint64 pos) const;
    /** Whether a consistent snapshot reports the binary log position it matches without any lock
     *  (MariaDB: status Binlog_snapshot_file / Binlog_snapshot_position). */
    bool hasBinlogSnapshotStatus() const;
    /** Rows Variable_name, Value: the snapshot's binary log file and position (hasBinlogSnapshotStatus()). */
    QString binlogSnapshotStatus() const;
    /** One row: "state", the GTIDs this server's binary log holds, and "self", what names this server's
     *  own transactions in it (MariaDB: @@server_id in gtid_binlog_state; MySQL: @@server_uuid in
     *  gtid_executed). */
    QString ownTransactionsQuery() const;
    /** The full statement; @p redact replaces the password with '***' for display. A resume
     *  (onlyCredentials) keeps the coordinates but still names TLS or, on MySQL 8.0.4+, the source's
     *  public key: caching_sha2_password's full authentication needs one of them. */
    QString changeSource(const ChangeSourceParams& p, bool redact) const;
    /** "STOP REPLICA; RESET REPLICA ALL" in this server's words, for hints shown to the user. */
    QString removeReplicaHint() const;

    bool supportsGtid() const;
    /** Columns to add to a SELECT of global variables: `gtid_state`, what the server holds (MariaDB: its
     *  binary log state; MySQL: gtid_executed) and on MySQL `gtid_self`, its server_uuid (on MariaDB a
     *  transaction's origin is its server_id). Empty where GTIDs are not known. */
    QString gtidStateColumns() const;
    QString gtidPositionQuery() const; ///< one row, one column: this server's binlog GTID position
    /** MariaDB only: one row, one column, the GTID position at @p file:@p position of the binary log. */
    QString gtidPositionAt(const QString& file, qint64 position) const;
    QString setGtidReplicaPos(const QString& pos) const; ///< MariaDB only: SET GLOBAL gtid_slave_pos
    /** MySQL: the GTIDs of @p sourceSet this server has not executed (one row, column "missing"). */
    QString gtidMissingQuery(const QString& sourceSet) const;
    /** Records @p gtids as already applied here, so auto-positioning starts at the source's present
     *  instead of replaying its whole history (the data is already the same on both). MySQL 8.0+ adds
     *  them ('+'); 5.7 can only set gtid_purged while gtid_executed is empty (canMarkGtidsApplied()). */
    QString markGtidsApplied(const QString& gtids) const;
    /** After a physical copy: this server's binary log emptied and its GTID state set to the copy's
     *  @p gtids, so that its peer replicates from there (MariaDB: RESET MASTER, gtid_binlog_state; MySQL:
     *  RESET MASTER, from 8.2 RESET BINARY LOGS AND GTIDS, then gtid_purged). */
    QStringList startBinlogAtGtidState(const QString& gtids) const;
    /** Whether markGtidsApplied() works on a server whose gtid_executed is @p executed. */
    bool canMarkGtidsApplied(const QString& executed) const;
    /** Run on a MySQL source: its binary log events from @p from on (to find the GTIDs up to a
     *  position); columns Log_name, Pos, Event_type, End_log_pos, Info. */
    QString binlogEvents(const QString& file, qint64 from, int limit) const;

    /** The authentication plugin the replication account on this server is made with, for a replica
     *  of @p replica's version: MySQL 8.0.4+ caching_sha2_password (a MySQL 8 replica), else
     *  mysql_native_password (a 5.7 or MariaDB replica cannot do caching_sha2_password); empty on
     *  MariaDB (its default). Empty too where no plugin fits (native password on MySQL 9.0+). */
    QString replicationAuthPlugin(const ServerVersion& replica) const;
    /** Whether a replica of @p replica's version can log in to an account on this server at all. */
    bool acceptsReplicaOf(const ServerVersion& replica) const;
    /** CREATE USER (if not there) + set password + GRANT REPLICATION SLAVE, in order; @p plugin (from
     *  replicationAuthPlugin()) is named in CREATE and ALTER so an older account is converted too. */
    QStringList createReplicationUser(const QString& user, const QString& host, const QString& password,
        bool redact, const QString& plugin = {}) const;
    QString dropUser(const QString& user, const QString& host) const;
    /** ALTER USER … REQUIRE SSL (or REQUIRE X509 when the replica presents a certificate): the source itself
     *  refuses the account over clear text. */
    QString requireTls(const QString& user, const QString& host, bool x509) const;
    /** MariaDB 11.3+: a replica turns TLS and the source's certificate check on unless told otherwise. */
    bool verifiesSourceByDefault() const;
    /** CREATE USER IF NOT EXISTS / DROP USER IF EXISTS: MySQL 5.7.8+, MariaDB 10.1.3+. */
    bool supportsCreateUserIfNotExists() const;
    /** MySQL 5.7.8+ has super_read_only (which refuses even an administrator's writes). */
    bool hasSuperReadOnly() const;

    /** Sets the replication filter @p variable (replicate_do_db, replicate_wild_do_table, …) to
     *  @p values without a restart: MySQL 5.7.3+ CHANGE REPLICATION FILTER (the replica's SQL thread
     *  stopped); MariaDB SET GLOBAL (the replica stopped). Empty where neither exists. */
    QString setReplicationFilter(const QString& variable, const QStringList& values) const;
    /** MySQL 8.0.11+: rows "name" (REPLICATE_WILD_DO_TABLE, …) and "rule" (comma separated), the
     *  global filters in effect now; empty where the filters are read otherwise (MariaDB: variables;
     *  MySQL 5.7: SHOW SLAVE STATUS, only while a replica is configured). */
    QString replicationFiltersQuery() const;

    QString logReplicaUpdatesVariable() const; ///< log_slave_updates or log_replica_updates
    bool hasServerUuid() const; ///< MySQL 5.6+ has @@server_uuid; MariaDB has none
    /** The privileges of which an account needs one to write into a read_only server (MariaDB 10.11+:
     *  READ_ONLY ADMIN, which SUPER no longer implies; older MariaDB and MySQL: SUPER; MySQL 8.0:
     *  CONNECTION_ADMIN too). Nothing writes under MySQL's super_read_only. */
    QStringList readOnlyBypassPrivileges() const;
    /** Variables whose SET GLOBAL takes effect without a restart. */
    bool isDynamic(const QString& variable) const;

private:
    bool newReplicaStatements() const; ///< START/STOP/SHOW REPLICA (MySQL 8.0.22+)
    bool newChangeSource() const; ///< CHANGE REPLICATION SOURCE TO (MySQL 8.0.23+)

    ServerVersion m_version;
    bool m_noBackslashEscapes = false;
};
