#include "config/configpush.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "host/restartdetector.h"
#include "host/serverrestart.h"
#include "setup/serverinspection.h"

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
        auto found = (*shell)->run(QStringLiteral("command -v %1").arg(Shell::quote(program)), 10000);
        if (!found || found->exitCode != 0)
            return stepFailure(ctx.profile.name, StepId::CheckConfig,
                ConfigPush::tr(
                    "the restart command \"%1\" cannot be run here (%2 not found) — nothing was changed")
                    .arg(plan.restartCommand, program));
    }
    return {};
}

QString ConfigPush::setGlobalStatement(const Dialect& dialect, const DesiredSetting& setting)
{
    bool numeric = false;
    setting.value.toLongLong(&numeric);
    return QStringLiteral("SET GLOBAL %1 = %2")
        .arg(setting.variable, numeric ? setting.value : dialect.literal(setting.value));
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
    // every backup first, then every file; over SSH all in one remote call
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QList<QPair<QString, QString>> copies;
    QList<QPair<QString, QByteArray>> writes;
    for (const FileEdit& e : m_plan.edits) {
        if (e.existed)
            copies << qMakePair(e.path, QStringLiteral("%1.replipair-%2.bak").arg(e.path, stamp));
        writes << qMakePair(e.path, e.after);
    }
    int copied = 0, written = 0;
    const Result<void> done = m_shell->copyThenWrite(copies, writes, copied, written);
    for (int i = 0; i < copied; ++i) {
        m_applied.backups << QStringLiteral("%1 -> %2").arg(copies.at(i).first, copies.at(i).second);
        m_options.progress(ConfigPush::tr("backed up %1 to %2").arg(copies.at(i).first, copies.at(i).second));
    }
    for (int i = 0; i < written; ++i) {
        if (!m_plan.edits.at(i).existed)
            m_applied.created << writes.at(i).first;
        m_applied.written << writes.at(i).first;
        m_options.progress(ConfigPush::tr("wrote %1").arg(writes.at(i).first));
    }
    if (done)
        return {};
    if (copied < copies.size())
        return done; // a backup failed: nothing was written
    const QString restored = restore();
    return std::unexpected(
        failure(StepId::Config, ConfigPush::tr("%1 (%2)").arg(done.error().text, restored)));
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
        if (!r && r.error().code == 1198) { // a running replica: stop it around the change
            m_ctx.sql->exec(m_ctx.dialect.stopReplica());
            r = m_ctx.sql->exec(sql);
            m_ctx.sql->exec(m_ctx.dialect.startReplica());
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

Result<void> ConfigPush::restartAndVerify()
{
    if (!m_plan.restartNeeded()) {
        if (!m_plan.edits.isEmpty() && m_plan.pendingRestart.isEmpty())
            m_options.progress(ConfigPush::tr("no restart needed: every changed setting is dynamic"));
        return {};
    }
    const QString& cmd = m_plan.restartCommand;
    m_options.progress(ConfigPush::tr("restarting the server (%1 changed): %2")
                           .arg(m_plan.restartFor.join(QStringLiteral(", ")), cmd));
    ServerRestart::Options restart { cmd, m_options.errorLog, m_options.restartTimeoutMs,
        m_options.progress };
    ServerRestart first(m_ctx, restart);
    auto back = first.run();
    if (back) {
        m_applied.restarted = true;
        m_options.progress(ConfigPush::tr("the server is back"));
        return {};
    }
    const QString files = m_applied.written.join(QStringLiteral(", "));
    if (first.mayStillRun()) {
        // restoring and restarting now would race the restart that may still run: report and stop here
        return std::unexpected(failure(StepId::Restart,
            ConfigPush::tr("the server did not come back with the new configuration: %1\nThe restart "
                           "command may still be running on the host, so the old configuration was NOT "
                           "restored and the server NOT restarted again (two restarts must not overlap); "
                           "the new configuration is in place (%2) and the server %3. Next step: on the "
                           "host, let the restart command end (or stop it), check that the server runs, "
                           "and run setup again; to go back instead, put the backups back (%4) and restart "
                           "the server by hand.")
                .arg(back.error().text, files, serverState(),
                    m_applied.backups.isEmpty() ? ConfigPush::tr("remove the files RepliPair created")
                                                : m_applied.backups.join(QStringLiteral(", ")))));
    }
    // the server did not come back with the new configuration: put the old one back and restart again
    m_options.progress(ConfigPush::tr("the server did not come back with the new configuration: restoring "
                                      "the old one and restarting again"));
    const QString restored = restore();
    if (!m_applied.restored)
        // neither the old configuration nor the new one: a restart with a mix of both proves nothing
        return std::unexpected(failure(StepId::Restart,
            ConfigPush::tr("the server did not come back with the new configuration: %1\nRestoring the "
                           "old configuration failed: %2. The server was NOT restarted again, as its files "
                           "are now neither the old nor the new configuration; the server %3. Next step: "
                           "on the host, put back by hand what could not be restored (backups: %4), start "
                           "the server and run setup again.")
                .arg(back.error().text, restored, serverState(),
                    m_applied.backups.isEmpty() ? ConfigPush::tr("none, the files were new")
                                                : m_applied.backups.join(QStringLiteral(", ")))));
    ServerRestart second(m_ctx, restart);
    auto again = second.run();
    return std::unexpected(failure(StepId::Restart,
        ConfigPush::tr("the server did not come back with the new configuration: %1\n%2; restarted with the "
                       "old configuration: %3")
            .arg(back.error().text, restored,
                again ? ConfigPush::tr("server is back up")
                      : ConfigPush::tr("server is STILL DOWN: %1. Next step: look at the output above on the "
                                       "host, start the server by hand and run setup again")
                            .arg(again.error().text))));
}

QString ConfigPush::serverState()
{
    return m_ctx.connect(2) ? ConfigPush::tr("answers on its port now")
                            : ConfigPush::tr("does NOT answer on its port now");
}

QString ConfigPush::restore()
{
    QStringList notes;
    bool all = true;
    for (const FileEdit& e : m_plan.edits) {
        if (e.existed) {
            auto w = m_shell->writeFileAtomic(e.path, e.before);
            all = all && w.has_value();
            notes << (w ? ConfigPush::tr("restored %1").arg(e.path)
                        : ConfigPush::tr("could NOT restore %1: %2").arg(e.path, w.error().text));
        } else {
            auto r = m_shell->removeFile(e.path);
            all = all && r.has_value();
            notes << (r ? ConfigPush::tr("removed %1").arg(e.path)
                        : ConfigPush::tr("could NOT remove %1").arg(e.path));
        }
    }
    m_applied.restored = all;
    return notes.join(QStringLiteral("; "));
}

Result<void> ConfigPush::verify()
{
    if (!m_ctx.sql->isOpen())
        if (auto c = m_ctx.connect(); !c)
            return c;
    auto inspected = ServerInspection::inspect(m_ctx);
    if (!inspected)
        return std::unexpected(inspected.error());
    QStringList wrong;
    for (const DesiredSetting& s : m_plan.settings)
        if (!m_plan.pendingRestart.contains(s.variable)
            && !ReplicationSettings::isEffective(s, inspected->variables))
            wrong << QStringLiteral("%1 is %2, expected %3")
                         .arg(s.variable, inspected->variables.value(s.variable), s.value);
    if (!wrong.isEmpty())
        return std::unexpected(failure(StepId::VerifyConfig,
            ConfigPush::tr("after the change: %1. Another option file may override ours.")
                .arg(wrong.join(QStringLiteral("; ")))));
    return {};
}
