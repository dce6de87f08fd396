#pragma once

#include "common/steperror.h"

#include <QCoreApplication>
#include <QString>

class SqlSession;

/** Which server process answers on a connection: its datadir, port and server_id, and when it started
 *  (the server's clock less its Uptime). Two readings of one process agree on the start; a restart, or
 *  another server answering on the port, does not. */
struct RunningServer
{
    Q_DECLARE_TR_FUNCTIONS(RunningServer)
public:
    QString dataDir;
    int port = 0;
    qint64 serverId = 0;
    /** The start, seconds since the epoch on the server's clock: the clock read before the Uptime less
     *  the Uptime; the start lies in [startedAt, startedAt + startSpread]. */
    qint64 startedAt = 0;
    /** Seconds between the clock reads around the Uptime's (a server paused between the statements, a
     *  VM stopped, a SIGSTOP, widens it; a fixed pairing of clock and Uptime would then see another start).
     */
    qint64 startSpread = 0;
    qint64 uptime = 0; ///< seconds
    qint64 connections = 0; ///< connection attempts since the process started (grows within one process)

    /** Three statements on the open session: the identity with the clock, the Uptime, the clock again. */
    static Result<RunningServer> read(SqlSession& sql);
    /** Same datadir and port (and server_id where @p serverId is not 0). */
    bool isServer(const QString& dataDir, int port, qint64 serverId) const;
    /** @p later is this very process: the same server, started at the same second (±1, each reading's
     *  spread allowed), up since, its connection count not lower. */
    bool sameProcess(const RunningServer& later) const;
    /** "datadir /var/lib/mysql/, port 3306, server_id 2, up 12 s": for messages. */
    QString describe() const;
};
