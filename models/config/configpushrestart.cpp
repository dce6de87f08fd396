#include "config/configpush.h"

#include "common/stepid.h"
#include "host/serverrestart.h"
#include "inspection/serverinspection.h"
#include "operation/intentjournal.h"
#include "sql/runningserver.h"

// ConfigPush's restart and verification: the server restarted (verified) on the new settings, what it runs
// with afterwards and which settings are not in effect; apart from the writes so that each file stays
// readable. The strings keep ConfigPush's translation context.

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
    // launched by write(), in the same remote call as the writes
    ServerRestart& first = *m_restart;
    auto back = first.follow(m_launched.value_or(std::unexpected(
        failure(StepId::Restart, ConfigPush::tr("the restart was not launched after the writes")))));
    if (back) {
        m_ctx.intentDone(m_restartIntent);
        m_applied.restarted = true;
        m_applied.restartedAs = first.backAs();
        m_verified = true; // the restart judged the settings just written in effect (notInEffect)
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
    ServerRestart::Options restart = restartOptions(m_before); // the old configuration: the server_id it
                                                               // had, nothing new in effect
    restart.settleAfterEndMs = ServerRestart::SettleMs; // nobody checks the old configuration's server later
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

ServerRestart::Options ConfigPush::restartOptions(RestartedServer::Expected expected) const
{
    // nothing here uses the shell after a successful restart: its folder is removed meanwhile
    return { m_plan.restartCommand, m_options.errorLog, m_options.restartTimeoutMs, m_options.progress,
        std::move(expected), m_options.settleAfterEndMs, true };
}

QString ConfigPush::serverState()
{
    return m_ctx.connect(2) ? ConfigPush::tr("answers on its port now")
                            : ConfigPush::tr("does NOT answer on its port now");
}

RestartedServer::Expected ConfigPush::runningNow()
{
    RestartedServer::Expected expected;
    if (m_ctx.sql && (m_ctx.sql->isOpen() || m_ctx.connect(2)))
        if (auto now = RunningServer::read(*m_ctx.sql)) {
            expected.dataDir = now->dataDir;
            expected.port = now->port;
            expected.serverId = now->serverId;
        }
    return expected;
}

RestartedServer::Expected ConfigPush::withNewSettings(RestartedServer::Expected expected) const
{
    for (const DesiredSetting& s : m_plan.settings)
        if (s.variable == QLatin1String("server_id") && !m_plan.pendingRestart.contains(s.variable))
            expected.serverId = s.value.toLongLong();
    const ConfigPlan& plan = m_plan;
    expected.settingsMissing = [&plan](ServerContext& ctx) {
        auto wrong = notInEffect(ctx, plan);
        return wrong ? wrong->join(QStringLiteral("; ")) : wrong.error().text;
    };
    return expected;
}

Result<QStringList> ConfigPush::notInEffect(ServerContext& ctx, const ConfigPlan& plan)
{
    if (!ctx.sql->isOpen())
        if (auto c = ctx.connect(); !c)
            return std::unexpected(c.error());
    auto inspected = ServerInspection::inspectSettings(ctx); // the settings alone, not a whole inspection
    if (!inspected)
        return std::unexpected(inspected.error());
    QStringList wrong;
    for (const DesiredSetting& s : plan.settings)
        // MySQL 5.7 shows its replication filters only while a replica is configured: set, not readable
        if (!(s.isList && !inspected->variables.contains(s.variable))
            && !plan.pendingRestart.contains(s.variable) && !s.writerRole // read_only: set live later
            && !ReplicationSettings::isEffective(s, inspected->variables))
            wrong << QStringLiteral("%1 is %2, expected %3")
                         .arg(s.variable, inspected->variables.value(s.variable), s.value);
    return wrong;
}

Result<void> ConfigPush::verify()
{
    if (m_verified) // the restart's last look just found every setting in effect
        return {};
    auto wrong = notInEffect(m_ctx, m_plan);
    if (!wrong)
        return std::unexpected(wrong.error());
    if (!wrong->isEmpty())
        return std::unexpected(failure(StepId::VerifyConfig,
            ConfigPush::tr("after the change: %1. Another option file may override ours.")
                .arg(wrong->join(QStringLiteral("; ")))));
    return {};
}
