#pragma once

#include "config/configplan.h"
#include "host/serverworker.h"

#include <QCoreApplication>
#include <QJsonArray>

/** Reads what a server's mysqld reads, and applies a ConfigPlan safely: checks first, backup,
 *  atomic write, SET GLOBAL, restart only when needed, wait, verify; restores the backup if the
 *  server does not come back. Runs on the server's worker thread. */
class ConfigPush
{
    Q_DECLARE_TR_FUNCTIONS(ConfigPush)
public:
    struct Files
    {
        QList<ConfigPlanner::SourceFile> files;
        QStringList includeDirs;
        QString mainFile;
    };
    /** What apply() did, for the journal. */
    struct Applied
    {
        QStringList backups; ///< "path -> backup"
        QStringList created; ///< files that did not exist before
        bool restarted = false;
        QStringList setGlobal;
    };

    /** The main option file: the profile's, or "auto" (mysqld's --defaults-file, then the usual places). */
    static Result<QString> locateMainFile(
        ServerContext& ctx, const ServerInspection& inspection, QString* how = nullptr);
    static Result<Files> readFiles(ServerContext& ctx, const QString& mainFile);
    /** The restart command: the profile's, or "auto" (the server's systemd unit, else its init script);
     *  @p how says what was found. */
    static Result<QString> restartCommand(
        ServerContext& ctx, const ServerInspection& inspection, QString* how = nullptr);

    /** Everything that could make apply() fail half-way, checked before anything is changed. */
    static Result<void> precheck(ServerContext& ctx, const ConfigPlan& plan);
    static Result<Applied> apply(ServerContext& ctx, const ConfigPlan& plan, int restartTimeoutMs,
        const std::function<void(const QString&)>& progress);
    /** SET GLOBAL for a dynamic setting: numbers as they are, anything else quoted. */
    static QString setGlobalStatement(const Dialect& dialect, const DesiredSetting& setting);
    /** Reconnects until the server accepts connections, up to @p timeoutMs. */
    static Result<void> waitForServer(ServerContext& ctx, int timeoutMs);
};
