#pragma once

#include "common/steperror.h"
#include "sql/dialect.h"
#include "sql/sqlsession.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

/** The peer's newest heartbeat as this server has replicated it. */
struct PeerBeat
{
    qint64 serverId = 0;
    qint64 beatUs = 0; ///< the peer's clock when it wrote the row (µs since the epoch, UTC)
    qint64 readAtUs = 0; ///< the monitor's clock at the middle of the read
};

/** The pt-heartbeat idea: each server updates its own row of `replipair_heartbeat` (keyed by server_id)
 *  in a replicated database with its clock in µs; the row replicated from the peer tells how far behind
 *  this server is, with sub-second resolution. Every function here runs on the server's worker thread. */
class Heartbeat
{
    Q_DECLARE_TR_FUNCTIONS(Heartbeat)
public:
    static QString tableName();

    /** Creates the database (if missing) and the table; idempotent, safe on both servers. */
    static Result<void> createTable(SqlSession& session, const QString& database);
    /** Creates the table unless it is there; true when it was created. */
    static Result<bool> ensureTable(SqlSession& session, const QString& database);
    /** Drops the table; replicated to the peer, idempotent. */
    static Result<void> dropTable(SqlSession& session, const QString& database);

    /** A server-side expression: the server's clock in µs since the epoch (UTC), at the best resolution
     *  the server has. */
    static QString clockExpression(const Dialect& dialect);
    /** Writes this server's row with @p serverNowUs (from clockExpression). `USE db` first, so that
     *  statement-based do/ignore-db filters let it through. */
    static Result<void> beat(
        SqlSession& session, const QString& database, qint64 serverId, qint64 serverNowUs);
    /** The newest row written by another server; empty when there is none yet. */
    static Result<std::optional<PeerBeat>> readPeer(
        SqlSession& session, const QString& database, qint64 ownServerId);

    /** Lag of a replica behind its source, in seconds.
     *  @p applied the newest beat the replica holds, @p peerNowUs the source's clock at the moment of the
     *  read (read time + the source's clock offset), @p peerBeats beats the source is known to have written
     *  (its clock, ascending), @p beatIntervalUs how often the source writes.
     *  The replica lacks the first known beat after @p applied, so the lag lies between the age of that beat
     *  and the age of @p applied; the estimate is the middle of that interval, at most half a beat interval
     *  above the lower bound. With no newer beat known, the replica holds everything: 0; with no beat of the
     * source known at all, the age of @p applied. */
    static double estimateLag(
        qint64 appliedUs, qint64 peerNowUs, const QList<qint64>& peerBeats, qint64 beatIntervalUs);

    /** The monitor's clock in µs since the epoch (UTC). */
    static qint64 localClockUs();
    /** True for client errors that mean the connection is gone (reconnect next time). */
    static bool isConnectionError(int code);
};
