#include "config/configpush.h"

#include "operation/intentjournal.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "host/restartdetector.h"
#include "host/serverrestart.h"
#include "inspection/serverinspection.h"
#include "sql/runningserver.h"

#include <QCoreApplication>
#include <QDateTime>

namespace {
QString firstWord(const QString& command)
{
    QString c = command.trimmed();
    if (c.startsWith(QLatin1Char('\''))) {
        const int end = c.indexOf(QLatin1Char('\''), 1);
        return c.mid(1, end - 1);
    }
    return c.section(QLatin1Char(' '), 0, 0);
}

} // namespace

Result<QString> ConfigPush::restartCommand(
    ServerContext& ctx, const ServerInspection& inspection, QString* how)
{
    if (ctx.profile.restartCommand != QLatin1String("auto"))
        return ctx.profile.restartCommand;
    auto shell = ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    auto method = RestartDetector(**shell, ctx.profile.name).detect(inspection.processHint());
    if (!method)
        return std::unexpected(method.error());
    if (how) {
        *how = method->description;
        if (!method->warnings.isEmpty())
            *how += QStringLiteral(" (") + method->warnings.join(QStringLiteral("; ")) + QLatin1Char(')');
    }
    return method->command;
}

Result<void> ConfigPush::precheck(ServerContext& ctx, const ConfigPlan& plan)
{
    auto shell = ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    QStringList paths;
    for (const FileEdit& e : plan.edits)
        paths << e.path;
    if (auto w = (*shell)->checkWritable(paths); !w) // all in one go (one remote call over SSH)
        return stepFailure(ctx.profile.name, StepId::CheckConfig,
            ConfigPush::tr("%1 — nothing was changed").arg(w.error().text));
    if (plan.restartNeeded()) {
        if (plan.restartCommand.isEmpty())
            return stepFailure(ctx.profile.name, StepId::CheckConfig,
                ConfigPush::tr("a restart is needed but no restart command is known; set \"restartCommand\" "
                               "— nothing was changed"));
        const QString program = firstWord(plan.restartCommand);
        auto found = (*shell)->run(restartProgramCheck(plan.restartCommand), 10000);
        if (!found || found->exitCode != 0)
            return stepFailure(ctx.profile.name, StepId::CheckConfig,
                ConfigPush::tr(
                    "the restart command \"%1\" cannot be run here (%2 not found) — nothing was changed")
                    .arg(plan.restartCommand, program));
    }
    return {};
}

QString ConfigPush::restartProgramCheck(const QString& restartCommand)
{
    return QStringLiteral("command -v %1").arg(Shell::quote(firstWord(restartCommand)));
}

QString ConfigPush::setGlobalStatement(const Dialect& dialect, const DesiredSetting& setting)
{
    // replication filters: MySQL has no variables for them, but CHANGE REPLICATION FILTER
    if (const QString filter = dialect.setReplicationFilter(
            setting.variable, setting.value.split(QLatin1Char(','), Qt::SkipEmptyParts));
        !filter.isEmpty())
        return filter;
    bool numeric = false;
    setting.value.toLongLong(&numeric);
    return QStringLiteral("SET GLOBAL %1 = %2")
        .arg(setting.variable, numeric ? setting.value : dialect.literal(setting.value));
}

bool ConfigPush::needsStoppedApplier(int errorCode)
{
    // 1198 ER_SLAVE_MUST_STOP (MariaDB's filters, binlog_format before 8.0); 3017
    // ER_SLAVE_SQL_THREAD_MUST_STOP (CHANGE REPLICATION FILTER); 3747 a running applier prevents
    // changing binlog_format (MySQL 8.0+)
    return errorCode == 1198 || errorCode == 3017 || errorCode == 3747;
}

QString ConfigPush::pendingMeaning(const QString& variable)
{
    if (variable == QLatin1String("log_slave_updates") || variable == QLatin1String("log_replica_updates"))
        return ConfigPush::tr(
            "until then, what this server applies from its peer is not written to its own "
            "binary log: the pair replicates both ways, but a third server replicating from "
            "this one (or a point-in-time recovery from its binary log) would miss those "
            "changes");
    if (variable.startsWith(QLatin1String("replicate_")))
        return ConfigPush::tr("until then, this server's replica applies every database its peer logs");
    if (variable.startsWith(QLatin1String("binlog_")))
        return ConfigPush::tr("until then, this server's binary log keeps its present filters");
    if (variable == QLatin1String("gtid_mode") || variable == QLatin1String("enforce_gtid_consistency"))
        return ConfigPush::tr("until then, replication uses file and position instead of GTIDs");
    return ConfigPush::tr("until then, the server keeps its present value");
}

ConfigPush::ConfigPush(ServerContext& ctx, const ConfigPlan& plan, Options options)
    : m_ctx(ctx)
    , m_plan(plan)
    , m_options(std::move(options))
{
    if (!m_options.progress)
        m_options.progress = [](const QString&) {};
}

StepError ConfigPush::failure(const QString& step, const QString& text, int code) const
{
    return StepError { m_ctx.profile.name, step, code, text };
}

Result<void> ConfigPush::apply()
{
    auto shell = m_ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    m_shell = *shell;
    if (!m_options.prechecked)
        if (auto ok = precheck(m_ctx, m_plan); !ok)
            return ok;
    if (m_options.filesOnly)
        return write();
    for (auto piece :
        { &ConfigPush::write, &ConfigPush::setDynamic, &ConfigPush::restartAndVerify, &ConfigPush::verify })
        if (auto ok = (this->*piece)(); !ok)
            return ok;
    return {};
}

Result<void> ConfigPush::write()
{
    // every backup first, then every file; over SSH all in one remote call. Each file is replaced only
    // while it still holds what the plan was made from: an edit made meanwhile is never overwritten.
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QList<QPair<QString, QString>> copies;
    QList<FileReplacement> writes;
    for (const FileEdit& e : m_plan.edits) {
        if (e.existed)
            copies << qMakePair(e.path, backupName(e.path, stamp));
        writes << FileReplacement::ifUnchanged(e.path, e.after, e.existed, e.before);
    }
    // each file's intent goes to the journal before anything is written: recover puts back what a killed
    // run left (from the backup, or by removing a file the run created)
    for (const FileEdit& e : m_plan.edits) {
        QJsonObject undo { { QStringLiteral("path"), e.path } };
        if (e.existed)
            undo.insert(QStringLiteral("backup"), backupName(e.path, stamp));
        else
            undo.insert(QStringLiteral("created"), true);
        m_fileIntents << m_ctx.intent(StepId::Config, IntentJournal::Action::OptionFile, undo, true);
    }
    // with a restart to follow, its launch rides on the same remote call, after the last write: its intent
    // is journaled first and released when the writes fail (then nothing was launched)
    const bool launchAfter = m_plan.restartNeeded() && !m_options.filesOnly;
    QString launch;
    if (launchAfter) {
        m_before = runningNow(); // the server as it runs now, while the SQL session is still open
        m_restart.emplace(m_ctx, restartOptions(withNewSettings(m_before)));
        m_restartIntent = m_ctx.intent(StepId::Restart, IntentJournal::Action::Restart,
            { { QStringLiteral("command"), m_plan.restartCommand } }, true);
        launch = m_restart->beginLaunch();
    }
    int copied = 0, written = 0;
    const Result<void> done = launchAfter ? m_shell->copyThenWriteThenRun(copies, writes, copied, written,
                                  launch, ServerRestart::LaunchTimeoutMs, m_launched)
                                          : m_shell->copyThenWrite(copies, writes, copied, written);
    for (int i = 0; i < written && i < m_fileIntents.size(); ++i)
        m_ctx.intentDone(m_fileIntents.at(i));
    for (int i = 0; i < copied; ++i) {
        m_backupOf.insert(copies.at(i).first, copies.at(i).second);
        m_applied.backups << QStringLiteral("%1 -> %2").arg(copies.at(i).first, copies.at(i).second);
        m_options.progress(ConfigPush::tr("backed up %1 to %2").arg(copies.at(i).first, copies.at(i).second));
    }
    for (int i = 0; i < written; ++i) {
        if (!m_plan.edits.at(i).existed)
            m_applied.created << writes.at(i).path;
        m_applied.written << writes.at(i).path;
        m_options.progress(ConfigPush::tr("wrote %1").arg(writes.at(i).path));
    }
    if (done)
        return {};
    m_ctx.intentReleased(m_restartIntent); // the launch comes only after every write
    m_restart.reset();
    const bool changed = done.error().code == FileReplacement::ChangedSinceRead;
    const QString why = changed
        ? ConfigPush::tr("%1. Run plan again to see the plan for the file as it is now.")
              .arg(done.error().text)
        : done.error().text;
    if (written == 0) { // nothing was written: nothing for recover to put back
        for (int id : m_fileIntents)
            m_ctx.intentReleased(id);
        return std::unexpected(failure(done.error().step, why, done.error().code));
    }
    const QString restored = restore();
    return std::unexpected(
        failure(StepId::Config, ConfigPush::tr("%1 (%2)").arg(why, restored), done.error().code));
}

QString ConfigPush::backupName(const QString& path, const QString& stamp)
{
    return QStringLiteral("%1.replipair-%2.bak").arg(path, stamp);
}

Result<void> ConfigPush::setDynamic()
{
    // with a restart coming, the files carry every setting; SET GLOBAL now could only leave the server
    // with values its files no longer say, should the restart fail and the files be restored
    if (m_plan.restartNeeded())
        return {};
    m_ctx.sql->setStep(StepId::Config);
    for (const DesiredSetting& s : m_plan.setGlobal) {
        const QString sql = setGlobalStatement(m_ctx.dialect, s);
        auto r = m_ctx.sql->exec(sql);
        if (!r && needsStoppedApplier(r.error().code)) {
            // a running replica: stop it around the change (MySQL: the applier (SQL) thread is enough)
            const Dialect& d = m_ctx.dialect;
            m_ctx.sql->exec(d.isMariaDb() ? d.stopReplica() : d.stopReplicaSqlThread());
            r = m_ctx.sql->exec(sql);
            m_ctx.sql->exec(d.isMariaDb() ? d.startReplica() : d.startReplicaSqlThread());
        }
        if (!r) {
            const QString restored = restore();
            return std::unexpected(failure(
                StepId::Config, ConfigPush::tr("%1 (%2)").arg(r.error().text, restored), r.error().code));
        }
        m_applied.setGlobal << sql;
        m_options.progress(sql);
        if (s.variable.startsWith(QLatin1String("auto_increment"))
            || s.variable == QLatin1String("binlog_format"))
            m_options.progress(ConfigPush::tr("%1 applies to new connections only: reconnect application "
                                              "connection pools before they write on both servers")
                                   .arg(s.variable));
    }
    for (const QString& v : m_plan.pendingRestart) {
        m_applied.pendingRestart << v;
        m_options.progress(ConfigPush::tr("%1 is written to the option file and takes effect at the next "
                                          "restart, which is left to you (the server keeps running): %2")
                               .arg(v, pendingMeaning(v)));
    }
    return {};
}

QString ConfigPush::restore()
{
    // only the files written are put back: from the backup just taken (its bytes, not what was read
    // earlier), and only while each still holds what this run wrote
    QStringList notes;
    bool all = true;
    for (const FileEdit& e : m_plan.edits) {
        if (!m_applied.written.contains(e.path))
            continue;
        if (e.existed) {
            const QString backup = m_backupOf.value(e.path);
            auto saved = backup.isEmpty() ? Result<QByteArray>(std::unexpected(StepError {
                             m_ctx.profile.name, StepId::Backup, 0, ConfigPush::tr("no backup") }))
                                          : m_shell->readFile(backup);
            Result<void> w = saved ? Result<void>() : std::unexpected(saved.error());
            if (saved) {
                int copied = 0, written = 0;
                w = m_shell->copyThenWrite(
                    {}, { FileReplacement::ifUnchanged(e.path, *saved, true, e.after) }, copied, written);
            }
            all = all && w.has_value();
            notes << (w
                    ? ConfigPush::tr("restored %1 from %2").arg(e.path, backup)
                    : ConfigPush::tr("could NOT restore %1 from %2: %3").arg(e.path, backup, w.error().text));
        } else {
            auto r = m_shell->removeFile(e.path);
            all = all && r.has_value();
            notes << (r ? ConfigPush::tr("removed %1").arg(e.path)
                        : ConfigPush::tr("could NOT remove %1").arg(e.path));
        }
    }
    m_applied.restored = all;
    if (all) // put back by the run itself: nothing left for recover
        for (int id : m_fileIntents)
            m_ctx.intentReleased(id);
    return notes.join(QStringLiteral("; "));
}
