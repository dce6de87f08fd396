#pragma once

#include "config/configplan.h"
#include "host/restartedserver.h"
#include "host/serverrestart.h"
#include "host/serverworker.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMap>

#include <functional>
#include <optional>

/** Reads what a server's mysqld reads, and applies a ConfigPlan safely, in named pieces: check, back up,
 *  write (atomically), set the dynamic values, restart (detached, see ServerRestart) and verify; restore
 *  the backups and restart again when the server does not come back. Runs on the server's worker thread. */
class ConfigPush
{
    Q_DECLARE_TR_FUNCTIONS(ConfigPush)
public:
    /** What apply() did — also when it failed half-way — for the journal. */
    struct Applied
    {
        QStringList backups; ///< "path -> backup"
        QStringList created; ///< files that did not exist before
        QStringList written; ///< every file written, before any restart
        bool restarted = false;
        QStringList setGlobal;
        QStringList pendingRestart; ///< written to the file, in force from the next restart
        bool restored = false; ///< the files were put back as they were
        /** The server process that came back from the restart (with the new configuration in effect). */
        std::optional<RunningServer> restartedAs;
    };
    struct Options
    {
        int restartTimeoutMs = 90000;
        QString errorLog; ///< the server's log_error, quoted when a restart fails
        std::function<void(const QString&)> progress;
        bool prechecked = false; ///< precheck() already passed (setup checks both servers first)
        /** The server does not run (a failover fences it): write the files only, for its next start. */
        bool filesOnly = false;
        /** See ServerRestart::Options::settleAfterEndMs: 0 when the caller checks later that the process
         *  that came back (Applied::restartedAs) stays the one that answers. */
        qint64 settleAfterEndMs = ServerRestart::SettleMs;
    };

    ConfigPush(ServerContext& ctx, const ConfigPlan& plan, Options options);

    /** Every piece in order; stops at the first failure (restoring what it changed). */
    Result<void> apply();
    const Applied& applied() const { return m_applied; }

    /** The restart command: the profile's, or "auto" (the server's systemd unit, else its init script);
     *  @p how says what was found. */
    static Result<QString> restartCommand(
        ServerContext& ctx, const ServerInspection& inspection, QString* how = nullptr);

    /** Everything that could make apply() fail half-way, checked before anything is changed. */
    static Result<void> precheck(ServerContext& ctx, const ConfigPlan& plan);
    /** The command precheck() runs on the host to find the restart command's program. */
    static QString restartProgramCheck(const QString& restartCommand);
    /** The name of the backup of @p path taken at @p stamp (UTC, yyyyMMdd-HHmmss): beside the file. */
    static QString backupName(const QString& path, const QString& stamp);
    /** SET GLOBAL for a dynamic setting: numbers as they are, anything else quoted. */
    static QString setGlobalStatement(const Dialect& dialect, const DesiredSetting& setting);
    /** Whether a SET GLOBAL / CHANGE REPLICATION FILTER refused with @p errorCode goes through once the
     *  replica's applier is stopped. */
    static bool needsStoppedApplier(int errorCode);
    /** What it means for the pair that @p variable only takes effect at the next restart. */
    static QString pendingMeaning(const QString& variable);

private:
    /** Backs up every existing file, then writes every file (one remote call over SSH). */
    Result<void> write();
    Result<void> setDynamic();
    Result<void> restartAndVerify();
    /** Puts every touched file back as it was; says what it did. */
    QString restore();
    /** The server as it runs now (its datadir, port and server_id), before the restart. */
    RestartedServer::Expected runningNow();
    /** The server that must come back with the new configuration: @p before, with the planned server_id
     *  and the settings just written in effect. */
    RestartedServer::Expected withNewSettings(RestartedServer::Expected before) const;
    /** The settings of @p plan (but those left for the next restart) not in effect on the server. */
    static Result<QStringList> notInEffect(ServerContext& ctx, const ConfigPlan& plan);
    /** How the restart runs, bringing back the server @p expected. */
    ServerRestart::Options restartOptions(RestartedServer::Expected expected) const;
    /** Whether the server answers now, in words for a message. */
    QString serverState();
    /** The effective values are the planned ones (except those left for the next restart). */
    Result<void> verify();
    StepError failure(const QString& step, const QString& text, int code = 0) const;

    ServerContext& m_ctx;
    const ConfigPlan& m_plan;
    Options m_options;
    HostShell* m_shell = nullptr;
    Applied m_applied;
    QList<int> m_fileIntents; ///< the journal's intent of each edit, in the plan's order
    QMap<QString, QString> m_backupOf; ///< file → the backup this run took of it
    bool m_verified = false; ///< the restart already found every setting in effect
    /** The restart write() launched after the last write, in the same remote call, and what the launch
     *  gave; the server as it ran before. */
    std::optional<ServerRestart> m_restart;
    std::optional<Result<CommandResult>> m_launched;
    RestartedServer::Expected m_before;
    int m_restartIntent = 0;
};
