#pragma once

#include "host/restartedserver.h"
#include "host/serverworker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <functional>

class RemoteJob;

/** Restarts a server with its restart command and learns the true outcome. The command runs detached
 *  on the host (RemoteJob), so a dropped SSH connection cannot kill it between stop and start; the
 *  outcome is read back after reconnecting. The server is back only when the server of this configuration
 *  answers as a new process and stays up (RestartedServer): 2 s after the command ended with 0 (unless the
 * caller proves that itself, Options::settleAfterEndMs), 15 s while it still runs. Stops waiting as soon as
 * the command has failed or the server's error log shows that it aborted, and then quotes the server's own
 * words. A command still running at the timeout is stopped with its whole process group; when that cannot be
 * made sure of, mayStillRun() says so and nothing may restart the server meanwhile. Polls with a short
 * backoff (no fixed sleeps) and reports progress after 5 s, then every 5 s. */
class ServerRestart
{
    Q_DECLARE_TR_FUNCTIONS(ServerRestart)
public:
    /** After the command ended with 0: how long the same new process must answer. */
    static constexpr qint64 SettleMs = 2000;
    /** While the command still runs: longer than an init script's short diagnostic start (10 s). */
    static constexpr qint64 SettleWhileRunningMs = 15000;

    struct Options
    {
        QString command;
        QString errorLog; ///< the server's log_error (absolute), empty when it logs elsewhere
        int timeoutMs = 90000;
        std::function<void(const QString&)> progress;
        RestartedServer::Expected expected; ///< the server that must come back
        /** After the command ended with 0: how long the same new process must answer (SettleMs). 0 when the
         *  caller proves that it stays up itself: setup checks that the very process seen here is the one
         *  its verification starts and ends with (see backAs()). */
        qint64 settleAfterEndMs = SettleMs;
        /** After a success, the job's folder is removed on a thread of its own (ServerContext::
         *  onHostShellInBackground) instead of before run() returns: for a caller that does not hold on to
         *  the shell itself afterwards. */
        bool cleanUpInBackground = false;
    };

    ServerRestart(ServerContext& ctx, Options options);

    /** Runs the command and waits until the server of this configuration is back and stays up. The error
     *  text says what the server said, what answered instead, and where the full output is. */
    Result<void> run();
    /** run() in two halves, for a caller that sends the launch in a remote call of its own (with the option
     *  file writes, HostShell::copyThenWriteThenRun): the script that launches the restart (the clock of
     *  the restart starts now, the SQL session is closed), then follow() with what it gave. */
    QString beginLaunch();
    Result<void> follow(const Result<CommandResult>& launched);
    /** How long the launch's remote call may take. */
    static constexpr int LaunchTimeoutMs = 15000;
    /** After a failed run(): the restart command could not be stopped (or its end not learnt), so it may
     *  still be running on the host — nothing else may restart the server meanwhile. */
    bool mayStillRun() const { return m_mayStillRun; }
    /** After a successful run(): the server process that came back. */
    const std::optional<RunningServer>& backAs() const { return m_backAs; }

    /** The lines of @p text that say why a server did not start ("[ERROR]", "Errcode", "failed", …);
     *  else (unless @p tellingOnly) its last lines. At most @p max lines. */
    static QStringList relevantLines(const QString& text, int max = 8, bool tellingOnly = false);
    /** Whether an error log excerpt shows a start that ended ("[ERROR] Aborting", "[ERROR] mysqld: …"). */
    static bool showsAbortedStart(const QString& appendedLog);
    /** The systemd unit a "systemctl restart <unit>" command names, else empty. */
    static QString systemdUnitOf(const QString& command);

private:
    /** Waits until the server is back (see RestartedServer) or the timeout passes; the command has ended
     *  with 0. */
    Result<void> waitUntilBack(RestartedServer& server);
    /** The server is back, settled: fails when the configuration just written is not in effect. */
    Result<void> judgeSettled(RestartedServer& server);
    /** The command did not end within the timeout: stops its process group and says so. */
    StepError timedOut(HostShell& shell, const RemoteJob& job, const QString& lostConnection);
    /** What the service manager logged for the unit, when the command is a systemctl one. */
    QString serviceJournal();
    StepError failure(const QString& text) const;

    ServerContext& m_ctx;
    Options m_options;
    QElapsedTimer m_clock;
    bool m_mayStillRun = false;
    std::optional<RunningServer> m_backAs;
};
