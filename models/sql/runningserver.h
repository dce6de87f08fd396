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
    qint64 startedAt = 0; ///< seconds since the epoch, on the server's clock
    qint64 uptime = 0; ///< seconds
    qint64 connections = 0; ///< connection attempts since the process started (grows within one process)

    /** Two statements on the open session. */
    static Result<RunningServer> read(SqlSession& sql);
    /** Same datadir and port (and server_id where @p serverId is not 0). */
    bool isServer(const QString& dataDir, int port, qint64 serverId) const;
    /** @p later is this very process: the same server, started at the same second (±1), up since. */
    bool sameProcess(const RunningServer& later) const;
    /** "datadir /var/lib/mysql/, port 3306, server_id 2, up 12 s": for messages. */
    QString describe() const;
};
