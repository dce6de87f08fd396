#include "setup/setuprun.h"

#include "common/stepid.h"
#include "config/configpush.h"
#include "config/optionfiles.h"
#include "config/replicationsettings.h"
#include "host/serverworker.h"
#include "setup/pairdatasteps.h"
#include "setup/pairinspection.h"
#include "setup/planbuilder.h"
#include "setup/planfingerprint.h"

// SetupRun's inspection and plan (the approved plan's check, pre-flight, the option files read, the steps),
// apart from the rest of the run so that each file stays readable; the strings keep SetupRun's translation
// context.

bool SetupRun::approvedPlanHolds()
{
    const QJsonObject& approved = m_options.approvedFingerprint;
    if (approved.isEmpty())
        return true;
    const QStringList changed = PlanFingerprint::differences(approved, m_result.plan.fingerprint);
    m_journal.add(QJsonObject { { QStringLiteral("approvedPlan"), PlanFingerprint::digest(approved) },
        { QStringLiteral("holds"), changed.isEmpty() } });
    if (changed.isEmpty()) {
        report(SetupEvent::Kind::Info, {}, StepId::PlanChanged,
            tr("the servers are as they were when the approved plan was made: it is run as shown"));
        return true;
    }
    const QString text
        = tr("the servers changed since the plan was approved, so it is not run; nothing was changed:\n%1\n"
             "Make the plan again, check it, and run that one.")
              .arg(changed.join(QLatin1Char('\n')));
    report(SetupEvent::Kind::StepFailed, {}, StepId::PlanChanged, text);
    return fail(StepError { {}, StepId::PlanChanged, 0, text });
}

bool SetupRun::inspect()
{
    PairInspection look(m_profile, m_pair, *m_data);
    const Result<void> inspected = look.run();
    for (const QString& id : look.stepsDone)
        m_journal.add(id);
    for (int i = 0; i < 2; ++i)
        m_in[i] = look.in[i];
    m_gtid = look.gtid;
    m_result.plan.findings = look.findings;
    for (const Finding& f : m_result.plan.findings)
        report(
            f.severity == Finding::Severity::Error ? SetupEvent::Kind::StepFailed : SetupEvent::Kind::Warning,
            f.server, StepId::Preflight,
            f.fix.isEmpty() ? f.text : QStringLiteral("%1 → %2").arg(f.text, f.fix), -1, f.code);
    return inspected || fail(inspected.error());
}

bool SetupRun::planChanges()
{
    for (int j = 0; j < 2; ++j)
        m_direction[j] = Preflight::direction(m_profile, m_in, j);
    ServerStep read = [this](ServerContext& ctx) -> Result<QString> {
        const int i = ctx.index;
        QString how;
        auto main = OptionFiles::locateMain(ctx, m_in[i], &how);
        if (!main)
            return std::unexpected(main.error());
        if (!how.isEmpty())
            report(SetupEvent::Kind::Info, ctx.profile.name, StepId::ReadConfig,
                tr("option file %1: %2").arg(*main, how));
        auto files = OptionFiles::read(ctx, *main);
        if (!files)
            return std::unexpected(files.error());
        m_optionFiles[i].clear();
        for (const ConfigPlanner::SourceFile& f : files->files)
            if (f.exists)
                m_optionFiles[i].insert(f.path, f.content);
        const auto settings = ReplicationSettings::compute(m_profile, i, m_in[i], m_in[1 - i], m_gtid);
        m_config[i] = ConfigPlanner::plan(ctx.profile.name, m_profile.name, settings, m_in[i].variables,
            files->files, files->includeDirs, m_profile.mayRestart(m_in[i].logBin));
        if (m_config[i].restartNeeded()) {
            QString restartHow;
            auto restart = ConfigPush::restartCommand(ctx, m_in[i], &restartHow);
            if (!restart)
                return std::unexpected(restart.error());
            m_config[i].restartCommand = *restart;
            if (!restartHow.isEmpty())
                report(SetupEvent::Kind::Info, ctx.profile.name, StepId::ReadConfig,
                    tr("restart with %1: %2").arg(*restart, restartHow));
        }
        return tr("reads %n option file(s) from %1; ours: %2", nullptr, int(files->files.size()))
            .arg(*main, m_config[i].target);
    };
    if (!perServer(StepId::ReadConfig, read, read))
        return false;
    // two servers on one host that read the same option file cannot both get their own settings there
    const ServerProfile &a = m_profile.servers[0], &b = m_profile.servers[1];
    const bool sameHost = (!a.hasSsh && !b.hasSsh)
        || (a.hasSsh && b.hasSsh && a.ssh.host == b.ssh.host && a.ssh.port == b.ssh.port);
    if (sameHost && !m_config[0].target.isEmpty() && m_config[0].target == m_config[1].target)
        return fail(StepError { {}, StepId::ReadConfig, 0,
            tr("both servers would take their settings from %1, which both read: give each server an "
               "option file of its own (\"configFile\") — nothing was changed")
                .arg(m_config[0].target) });
    buildPlanSteps();
    return true;
}

void SetupRun::buildPlanSteps()
{
    SetupPlan& plan = m_result.plan;
    m_data->decideStartPoints(m_in, m_config);
    plan.steps = PlanBuilder::steps(m_profile, m_in, m_config, m_direction, m_gtid, m_data->plannedStarts());
    plan.nothingToDo = plan.steps.isEmpty();
    if (!plan.nothingToDo)
        m_data->adjustPlan(plan.steps);
    plan.fingerprint = PlanFingerprint::make(m_profile, m_in, m_optionFiles, plan.steps);
}
