#pragma once

#include "host/serverworker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <functional>

/** Restarts a server with its restart command and learns the true outcome. The command runs detached
 *  from the session (DetachedCommand), so a dropped SSH connection cannot kill it between stop and start;
 *  the outcome is read back after reconnecting. Stops waiting as soon as the command has failed or the
 *  server's error log shows that it aborted, and then quotes the server's own words. Polls with a short
 *  backoff (no fixed sleeps) and reports progress after 5 s, then every 5 s. */
class ServerRestart
{
    Q_DECLARE_TR_FUNCTIONS(ServerRestart)
public:
    struct Options
    {
        QString command;
        QString errorLog; ///< the server's log_error (absolute), empty when it logs elsewhere
        int timeoutMs = 120000;
        std::function<void(const QString&)> progress;
    };

    ServerRestart(ServerContext& ctx, Options options);

    /** Runs the command and waits until the server accepts connections again as a new process. The error
     *  text says what the server said, whether it is up, and where the full output is. */
    Result<void> run();
    /** After a failed run(): the restart command could not be stopped (or its end not learnt), so it may
     *  still be running on the host — nothing else may restart the server meanwhile. */
    bool mayStillRun() const { return m_mayStillRun; }

    /** The lines of @p text that say why a server did not start ("[ERROR]", "Errcode", "failed", …);
     *  else (unless @p tellingOnly) its last lines. At most @p max lines. */
    static QStringList relevantLines(const QString& text, int max = 8, bool tellingOnly = false);
    /** Whether an error log excerpt shows a start that ended ("[ERROR] Aborting", "[ERROR] mysqld: …"). */
    static bool showsAbortedStart(const QString& appendedLog);
    /** The systemd unit a "systemctl restart <unit>" command names, else empty. */
    static QString systemdUnitOf(const QString& command);

private:
    /** Reconnects until the server accepts connections or @p deadlineMs (on the restart clock) passes. */
    Result<void> waitForConnections(qint64 deadlineMs);
    /** Whether the server accepts connections now as a process started after the restart began. */
    bool upAsNewProcess();
    /** What the service manager logged for the unit, when the command is a systemctl one. */
    QString serviceJournal();
    StepError failure(const QString& text) const;

    ServerContext& m_ctx;
    Options m_options;
    QElapsedTimer m_clock;
    bool m_mayStillRun = false;
};
