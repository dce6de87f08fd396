#include "setup/setuprun.h"

#include "common/profilerules.h"
#include "common/stepid.h"
#include "config/configpush.h"
#include "config/optionfiles.h"
#include "host/serverworker.h"
#include "monitor/heartbeat.h"
#include "operation/intentjournal.h"
#include "replication/replicationsteps.h"
#include "setup/pairdatasteps.h"
#include "setup/pairinspection.h"
#include "setup/pairverifier.h"
#include "setup/planbuilder.h"
#include "setup/planfingerprint.h"

#include <QCoreApplication>
#include <QElapsedTimer>

SetupRun::SetupRun(PairProfile profile, SetupOptions options, CancelFlag cancel, EventSink onEvent)
    : m_profile(std::move(profile))
    , m_options(std::move(options))
    , m_cancel(cancel ? std::move(cancel) : std::make_shared<std::atomic_bool>(false))
    , m_onEvent(std::move(onEvent))
    , m_pair(m_profile, m_options, m_onEvent)
    , m_data(std::make_unique<PairDataSteps>(m_profile, m_pair.worker(0), m_pair.worker(1), m_onEvent))
{ }

SetupRun::~SetupRun() = default;

void SetupRun::report(SetupEvent::Kind kind, const QString& server, const QString& stepId,
    const QString& text, qint64 ms, const QString& code)
{
    SetupEvent e;
    e.kind = kind;
    e.server = server;
    e.step = stepId;
    e.code = code;
    e.text = text;
    e.elapsedMs = ms;
    if (m_onEvent)
        m_onEvent(e);
}

bool SetupRun::fail(const StepError& error)
{
    if (!m_failed) {
        m_failed = true;
        m_result.error = error;
    }
    return false;
}

bool SetupRun::cancelled()
{
    if (!*m_cancel)
        return false;
    report(SetupEvent::Kind::StepFailed, {}, StepId::Cancel,
        tr("cancelled between two steps; nothing is half-done"));
    return !fail(StepError { {}, StepId::Cancel, 0, tr("cancelled by the user") });
}

void SetupRun::afterStep(const QString& stepId)
{
    if (m_options.afterStep)
        m_options.afterStep(stepId);
}

bool SetupRun::perServer(const QString& stepId, const ServerStep& forA, const ServerStep& forB,
    bool stopOnError, bool oneAfterTheOther)
{
    const Result<void> done = m_pair.run(stepId, forA, forB, stopOnError, oneAfterTheOther);
    if (done)
        m_journal.add(stepId);
    else if (stopOnError)
        fail(done.error());
    return bool(done);
}

bool SetupRun::perServerWhere(const QString& stepId, const ServerStep& fn,
    const std::function<bool(int)>& wanted, bool oneAfterTheOther)
{
    const ServerStep none;
    if (!wanted(0) && !wanted(1))
        return true;
    return perServer(stepId, wanted(0) ? fn : none, wanted(1) ? fn : none, true, oneAfterTheOther);
}

bool SetupRun::beginJournal(const QString& path)
{
    // a run killed outright left its intents without an end: its changes are put back by recover first
    auto journal = IntentJournal::beginIfFree(path, m_profile.filePath, StepId::Setup);
    if (!journal)
        return fail(journal.error());
    m_intents = *journal;
    for (int i = 0; i < 2; ++i)
        m_pair.worker(i)->run([j = m_intents](ServerContext& ctx) {
            ctx.journal = j;
            return 0;
        });
    return true;
}

SetupResult SetupRun::run(SetupMode mode)
{
    const QString path
        = m_options.journalPath.isEmpty() ? SetupJournal::defaultPath(m_profile) : m_options.journalPath;
    // a profile made in code (the wizard) gets the same checks as one loaded from a file
    const QString problems = ProfileRules::describe(ProfileRules::check(m_profile));
    if (!problems.isEmpty())
        fail(StepError { {}, StepId::Profile, 0, problems });
    m_result.ok = problems.isEmpty() && (mode != SetupMode::Setup || beginJournal(path)) && runSteps(mode);
    for (int i = 0; i < 2; ++i)
        m_result.inspection[i] = m_in[i];
    if (m_intents) {
        const bool cancelled = !m_result.ok && (m_result.error.step == StepId::Cancel || *m_cancel);
        m_intents->end(m_result.ok ? QStringLiteral("ok")
                : cancelled        ? QStringLiteral("cancelled")
                                   : QStringLiteral("failed"));
        if (!m_result.ok && m_intents->hasIntents())
            report(SetupEvent::Kind::Info, {}, StepId::Setup,
                tr("what this run changed and did not put back is in the journal %1: run setup again to go "
                   "on from there, or 'replipair-cli recover' to put it back")
                    .arg(path));
        if (!m_intents->writeError().isEmpty())
            report(SetupEvent::Kind::Warning, {}, StepId::Journal,
                tr("the journal %1 could not be written in full: %2").arg(path, m_intents->writeError()));
    }
    // every setup run leaves a line in the journal: also one that changed nothing or stopped at pre-flight
    if (mode == SetupMode::Setup) {
        m_result.journal = m_journal.finish(m_result.ok, m_result.error, path);
        if (!m_result.journal.contains(QStringLiteral("path")))
            report(SetupEvent::Kind::Warning, {}, StepId::Setup,
                tr("could not append to the journal %1").arg(path));
    }
    return m_result;
}

bool SetupRun::refuseOnPreflightErrors()
{
    const QStringList errors = m_result.plan.errorLines();
    if (errors.isEmpty())
        return true;
    return fail(StepError { {}, StepId::Preflight, 0,
        tr("%n problem(s) must be solved first; nothing was changed:\n", nullptr, int(errors.size()))
            + errors.join(QLatin1Char('\n')) });
}

bool SetupRun::runSteps(SetupMode mode)
{
    QElapsedTimer total;
    total.start();
    if (!inspect())
        return false;
    if (mode == SetupMode::Inspect)
        return !m_result.plan.hasErrors()
            || fail(StepError { {}, StepId::Preflight, 0, tr("pre-flight found errors") });
    if (!planChanges())
        return false;
    if (mode == SetupMode::Setup && !approvedPlanHolds())
        return false;
    if (mode == SetupMode::Plan)
        return !m_result.plan.hasErrors()
            || fail(StepError { {}, StepId::Preflight, 0, tr("pre-flight found errors") });
    if (!refuseOnPreflightErrors())
        return false;
    if (m_result.plan.nothingToDo) {
        report(SetupEvent::Kind::Info, {}, StepId::Setup,
            tr("both directions already replicate and every setting is in place: nothing changed"));
        // a healthy look is not a proof: the row test and the data comparison run again
        return verify() && compareData(total.elapsed());
    }
    afterStep(StepId::Preflight);
    return !cancelled() && applyConfig() && !cancelled() && createUsers() && !cancelled() && copyData()
        && (!m_data->physical() || createUsers()) && !cancelled() && readCoordinates() && !cancelled()
        && changeSources() && verify() && applyWriterRole() && compareData(total.elapsed());
}

bool SetupRun::applyConfig()
{
    ServerStep apply = [this](ServerContext& ctx) -> Result<QString> {
        const ConfigPlan& plan = m_config[ctx.index];
        QString errorLog = m_in[ctx.index].variables.value(QStringLiteral("log_error"));
        if (!errorLog.isEmpty() && !errorLog.startsWith(QLatin1Char('/')))
            errorLog = m_in[ctx.index].datadir + QLatin1Char('/') + errorLog;
        ConfigPush push(ctx, plan,
            { m_options.restartTimeoutMs > 0 ? m_options.restartTimeoutMs
                                             : ctx.profile.restartTimeoutSeconds * 1000,
                errorLog,
                [this, &ctx](const QString& text) {
                    report(SetupEvent::Kind::Info, ctx.profile.name, StepId::Config, text);
                },
                true, // "check config" ran precheck on both servers just before
                false,
                // no settle after a restart command that ended with 0: the verification checks that the
                // very process that came back is the one it starts and ends with (a physical copy restarts
                // the receiving server again, so there the settle stays)
                m_data->physical() ? ServerRestart::SettleMs : 0 });
        const auto applied = push.apply();
        m_applied[ctx.index] = push.applied(); // recorded in the journal whether or not it worked
        if (!applied)
            return std::unexpected(applied.error());
        if (!push.applied().pendingRestart.isEmpty())
            return tr("settings in place; no restart (%1 in force from the next restart)")
                .arg(push.applied().pendingRestart.join(QStringLiteral(", ")));
        return push.applied().restarted ? tr("settings in place; server restarted")
                                        : tr("settings in place; no restart needed");
    };
    ServerStep check = [this](ServerContext& ctx) -> Result<QString> {
        auto ok = ConfigPush::precheck(ctx, m_config[ctx.index]);
        if (!ok)
            return std::unexpected(ok.error());
        return m_config[ctx.index].restartNeeded() ? tr("files writable, restart command found")
                                                   : tr("files writable");
    };
    const auto changed = [this](int i) { return !m_config[i].isEmpty(); };
    if (!changed(0) && !changed(1)) {
        report(SetupEvent::Kind::Info, {}, StepId::Config,
            tr("every setting already in place on both servers: no change, no restart"));
        return true;
    }
    // both servers are checked before either is changed: a refusal on one leaves the other untouched too
    if (!perServerWhere(StepId::CheckConfig, check, changed))
        return false;
    // rollingRestart: B is changed only once A is back and verified, so one server serves throughout
    const bool ok = perServerWhere(StepId::Config, apply, changed, m_profile.rollingRestart);
    for (int i = 0; i < 2; ++i) {
        const ConfigPush::Applied& a = m_applied[i];
        if (a.written.isEmpty() && a.setGlobal.isEmpty() && a.backups.isEmpty())
            continue;
        m_journal.add(QJsonObject { { QStringLiteral("server"), m_profile.servers[i].name },
            { QStringLiteral("backups"), QJsonArray::fromStringList(a.backups) },
            { QStringLiteral("created"), QJsonArray::fromStringList(a.created) },
            { QStringLiteral("written"), QJsonArray::fromStringList(a.written) },
            { QStringLiteral("pendingRestart"), QJsonArray::fromStringList(a.pendingRestart) },
            { QStringLiteral("restored"), a.restored }, { QStringLiteral("restarted"), a.restarted } });
    }
    if (ok)
        m_data->afterConfig(m_in);
    afterStep(StepId::Config);
    return ok;
}

bool SetupRun::verify()
{
    PairVerifier verifier(m_profile, m_pair.worker(0), m_pair.worker(1), m_cancel.get());
    if (!m_data->physical())
        for (int i = 0; i < 2; ++i)
            if (m_applied[i].restartedAs)
                verifier.expectProcess(i, *m_applied[i].restartedAs);
    if (auto verified = verifier.verify(m_options.verifyTimeoutMs, m_onEvent); !verified)
        return fail(verified.error());
    m_journal.add(StepId::Verify);
    ensureHeartbeatTable();
    afterStep(StepId::Verify);
    return true;
}

bool SetupRun::applyWriterRole()
{
    const int writer = m_profile.writerIndex();
    if (writer < 0)
        return true;
    for (const int i : { 1 - writer, writer }) { // the reader first: never two writers on our account
        // a server whose read_only is as its role wants already is not set again, but its line is still
        // said: the log names both servers' parts (the writer's read_only is usually OFF from the start)
        if (const QList<DesiredSetting> role = m_config[i].writerRole; !role.isEmpty()) {
            const Result<void> set = m_pair.worker(i)->run([role](ServerContext& ctx) -> Result<void> {
                for (const DesiredSetting& s : role)
                    if (auto r = ctx.sql->exec(ConfigPush::setGlobalStatement(ctx.dialect, s)); !r)
                        return r;
                return {};
            });
            if (!set)
                return fail(StepError { m_profile.servers[i].name, StepId::WriterRole, set.error().code,
                    tr("could not set read_only = %1: %2").arg(role.first().value, set.error().text) });
            m_journal.add(QJsonObject { { QStringLiteral("server"), m_profile.servers[i].name },
                { QStringLiteral("step"), StepId::WriterRole },
                { QStringLiteral("readOnly"), i != writer } });
        }
        report(SetupEvent::Kind::Info, m_profile.servers[i].name, StepId::WriterRole,
            i == writer
                ? tr("%1 takes the application's writes (read_only = OFF)").arg(m_profile.servers[i].name)
                : tr("%1 is read-only (read_only = ON): replication still applies there, the "
                     "application writes to %2")
                      .arg(m_profile.servers[i].name, m_profile.servers[writer].name));
    }
    return true;
}

bool SetupRun::copyData()
{
    StepError error;
    if (!m_data->copy(m_cancel.get(), &error))
        return fail(error);
    if (const QJsonObject entry = m_data->journalEntry(); !entry.isEmpty())
        m_journal.add(entry);
    afterStep(StepId::Copy);
    return true;
}

bool SetupRun::compareData(qint64 sinceStartMs)
{
    QElapsedTimer t;
    t.start();
    // the replicated tables at one exact point, also under writes: never "verified" while they differ
    auto compared = m_data->compareAtEnd(m_options.verifyTimeoutMs, m_cancel.get());
    if (!compared)
        return fail(compared.error());
    if (cancelled())
        return false;
    const qint64 ms = sinceStartMs + t.elapsed();
    if (compared->verdict != FinalDataCheck::Verdict::Equal)
        report(SetupEvent::Kind::Info, {}, StepId::Setup,
            tr("replication runs in both directions (both threads running on each side, a test row arrived "
               "each way), but %1. Compare it when writes pause: replipair-cli compare")
                .arg(compared->text),
            ms);
    else if (compared->compared == 0)
        report(SetupEvent::Kind::Info, {}, StepId::Setup,
            tr("master-master replication verified in both directions; no table in the replicated "
               "databases yet, so no data to compare"),
            ms);
    else
        report(SetupEvent::Kind::Info, {}, StepId::Setup,
            tr("master-master replication verified in both directions, and the replicated data is the "
               "same on both (%n table(s) compared)",
                nullptr, compared->compared),
            ms);
    return true;
}

void SetupRun::ensureHeartbeatTable()
{
    // the monitor's heartbeat table: made on the writer (A when both write), it replicates like any table
    const QString db = m_profile.probeDatabase();
    const int maker = std::max(m_profile.writerIndex(), 0);
    const Result<bool> r = m_pair.worker(maker)->run(
        [db](ServerContext& ctx) { return Heartbeat::ensureTable(*ctx.sql, db); });
    if (!r)
        report(SetupEvent::Kind::Warning, m_profile.servers[maker].name, StepId::Heartbeat,
            tr("could not create the heartbeat table for monitoring: %1").arg(r.error().text));
    else if (*r)
        report(SetupEvent::Kind::Info, m_profile.servers[maker].name, StepId::Heartbeat,
            tr("heartbeat table %1.%2 created for monitoring").arg(db, Heartbeat::tableName()));
}
