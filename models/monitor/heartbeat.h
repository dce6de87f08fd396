#pragma once

#include "common/steperror.h"
#include "sql/dialect.h"
#include "sql/sqlsession.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

/** The pt-heartbeat idea, made exact: each monitor writes its own row of `replipair_heartbeat` (keyed by
 *  server_id and the monitor's id) on each server, with the server's clock in µs, and learns where the
 *  write ended in the binary log. Waiting on the peer for that position (Dialect::sourcePosWait) tells
 *  when the peer applied the beat, in the monitor's own clock: the lag, whatever the timing of the polls
 *  and whatever other monitors write. Every function here runs on a server's worker thread. */
class Heartbeat
{
    Q_DECLARE_TR_FUNCTIONS(Heartbeat)
public:
    static QString tableName();

    /** Creates the database (if missing) and the table in its current layout; idempotent, safe on both
     *  servers. */
    static Result<void> createTable(SqlSession& session, const QString& database);
    /** Creates the table unless it is there; true when it was created. */
    static Result<bool> ensureTable(SqlSession& session, const QString& database);
    /** A table of the one-row-per-server layout (before monitors had rows of their own) gets the
     *  (server_id, written_by) key; idempotent, replicated to the peer. */
    static Result<void> upgradeTable(SqlSession& session, const QString& database);
    /** Drops the table; replicated to the peer, idempotent. */
    static Result<void> dropTable(SqlSession& session, const QString& database);

    /** A server-side expression: the server's clock in µs since the epoch (UTC), at the best resolution
     *  the server has. */
    static QString clockExpression(const Dialect& dialect);
    /** The statement that writes the row (@p serverId, @p monitorId) with the server's clock
     * (clockExpression, replicated as a value: a statement-based replica reuses the event's time); the
     * session's default database must be the table's (`USE`, so that statement-based do/ignore-db filters let
     * it through). */
    static QString beatStatement(const Dialect& dialect, qint64 serverId, const QString& monitorId);
    /** Rows of other monitors not written for this long are of monitors that are gone (a `monitor --once`
     *  run from cron leaves one row per run and server). */
    static constexpr qint64 StaleAfterUs = 3600LL * 1'000'000;
    /** At most this many rows are removed at once: a long backlog goes in several small transactions. */
    static constexpr int StaleRowsPerRemoval = 500;
    /** Removes up to StaleRowsPerRemoval rows of server @p serverId (on that server: the deletion replicates
     *  to the peer as the rows did) that no monitor but @p monitorId has written for StaleAfterUs; the
     *  statement names the rows, so a statement-based replica removes the same ones. Returns how many. */
    static Result<int> removeStaleRows(SqlSession& session, qint64 serverId, const QString& monitorId);

    /** An id for one monitor, unique among the monitors of a pair: host name, process id, a counter. */
    static QString newMonitorId();
    /** The monitor's clock in µs since the epoch (UTC). */
    static qint64 localClockUs();
    /** True for client errors that mean the connection is gone (reconnect next time). */
    static bool isConnectionError(int code);
};
