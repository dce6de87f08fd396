#pragma once

#include "host/hostshell.h"

#include <QCoreApplication>
#include <QString>

/** A command that runs on a server's host on its own: started with setsid/nohup, stdin from /dev/null and
 *  its output in a file, so that a dropped SSH connection (or a killed RepliPair) cannot stop it half-way.
 *  Its output and exit status stay in a private (0700) folder on the host, read back by poll() — after
 *  a reconnect too. Optionally watches a file (the server's error log) for what is appended meanwhile. */
class DetachedCommand
{
    Q_DECLARE_TR_FUNCTIONS(DetachedCommand)
public:
    enum class Phase {
        Running,
        Finished, ///< exitCode holds its exit status
        Vanished, ///< no exit status and no process: killed from outside (or the host rebooted)
    };
    struct State
    {
        Phase phase = Phase::Running;
        int exitCode = -1;
        QByteArray output; ///< stdout and stderr of the command (its last 16 kB)
        QByteArray appended; ///< what the watched file gained since start() (up to 64 kB)
    };

    /** Starts @p command with /bin/sh on the host of @p shell; @p watchFile may be empty. One remote call. */
    static Result<DetachedCommand> start(
        HostShell& shell, const QString& command, const QString& watchFile, const QString& serverName);
    /** Where it stands now. One remote call, which waits on the host up to ~0.4 s for the command to end;
     *  once it has ended with 0, the folder is removed (a failure keeps it for the admin to read). */
    Result<State> poll(HostShell& shell) const;
    /** Stops the command and everything it started (its process group). */
    Result<void> stop(HostShell& shell) const;

    /** The folder on the host holding "output", "status" and "pid". */
    QString folder() const { return m_dir; }

    /** Parses what the poll script printed (exposed for tests). */
    static std::optional<State> parsePoll(const QByteArray& printed);

private:
    QString m_dir;
    QString m_watchFile;
    qint64 m_watchFrom = 0;
    QString m_server;
};
