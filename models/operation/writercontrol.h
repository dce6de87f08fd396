#pragma once

#include "common/steperror.h"
#include "sql/binlogstatus.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

struct ServerContext;

/** The SQL a move of the writer role is made of, one server at a time: each function runs on that server's
 *  worker thread with its open admin session (ServerContext), and is the "do" or the "undo" of a named step
 *  of a switchover or a failover. */
class WriterControl
{
    Q_DECLARE_TR_FUNCTIONS(WriterControl)
public:
    /** A transaction of InnoDB that changed rows or holds row locks. */
    struct WriteTransaction
    {
        qint64 thread = 0; ///< the connection's id (KILL it to end it)
        qint64 ageSec = 0;
        qint64 rowsModified = 0;
        QString user;
        QString query; ///< what it runs now, may be empty (idle in the transaction)
        /** The replication SQL thread or a parallel worker: read_only does not hold it back, and what it
         *  applies comes from the peer, which has it already. */
        bool applier = false;
        /** No connection of the process list owns it: its client disconnected and the server has not ended
         *  it yet (or it is an XA transaction left prepared). */
        bool disconnected = false;
    };
    /** Where a beat written on a source ended, to wait for on its replica. */
    struct BeatPosition
    {
        QString gtid;
        QString file;
        qint64 pos = 0;
    };
    /** What a server says about its writability. */
    struct WriteState
    {
        bool readOnly = false;
        bool superReadOnly = false; ///< MySQL 5.7.8+ only; false elsewhere
    };

    /** read_only ON/OFF now, and super_read_only with it where the server has it (MySQL 5.7.8+), so that
     *  accounts with SUPER cannot write either. Waits at most @p lockWaitSec for running statements. */
    static Result<void> setReadOnly(ServerContext& ctx, bool on, int lockWaitSec = 30);
    static Result<WriteState> writeState(ServerContext& ctx);
    /** Whether the server has super_read_only (MySQL 5.7.8+). */
    static bool hasSuperReadOnly(const ServerContext& ctx);

    /** InnoDB transactions of other connections that changed rows or lock them, older than @p minAgeSec. */
    static Result<QList<WriteTransaction>> writeTransactions(ServerContext& ctx, int minAgeSec = 0);
    /** Waits, after read_only went ON, until no application connection has a transaction open that changed
     *  rows, at most @p timeoutSec. The replication applier and transactions that changed nothing are not
     *  waited for (read_only stops their writes, or does not concern them). A transaction left behind by a
     *  client that has disconnected is waited for too (nothing can end it: no server thread runs it, and it
     *  commits when the server is writable again), and named so in the failure. Returns an empty text. */
    static Result<QString> waitForWriteTransactions(ServerContext& ctx, int timeoutSec);

    /** Where this server's binary log ends now. */
    static Result<BinlogStatus> binlogEnd(ServerContext& ctx);
    /** Waits until this replica has applied its source's binary log up to @p end, at most @p timeoutSec. */
    static Result<void> waitForApplied(ServerContext& ctx, const BinlogStatus& end, int timeoutSec);
    /** Waits until the SQL thread has applied everything the IO thread received (the relay log is drained),
     *  at most @p timeoutSec; the IO thread may be stopped or failing (its source is gone). */
    static Result<void> waitForRelayLogDrained(ServerContext& ctx, int timeoutSec);

    /** Writes a heartbeat row in @p database (creating the table when missing) and says where it ended. */
    static Result<BeatPosition> writeBeat(ServerContext& ctx, const QString& database);
    /** Waits on this replica for @p beat of its source; false when it did not arrive in @p timeoutSec. */
    static Result<bool> waitForBeat(ServerContext& ctx, const BeatPosition& beat, int timeoutSec);

    /** The transactions this server wrote itself (its own GTIDs, in the domain it writes in on MariaDB)
     *  that @p peerState does not hold; empty when none. GTID pairs only. */
    static QStringList ownTransactionsMissing(
        const QString& ownState, const QString& self, const QString& domain, const QString& peerState);
};
