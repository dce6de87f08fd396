#include "setup/setuprun.h"

#include "config/configpush.h"
#include "config/optionfiles.h"
#include "host/serverworker.h"
#include "monitor/heartbeat.h"
#include "setup/pairverifier.h"
#include "setup/planbuilder.h"
#include "setup/replicationsteps.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace {
struct Timed
{
    Result<QString> result;
    qint64 ms = 0;
    QList<HostNotice> notices; ///< e.g. a host key the SSH shell trusted on the way
};
} // namespace

SetupRun::SetupRun(SetupRunner& runner, const PairProfile& profile)
    : m_runner(runner)
    , m_profile(profile)
{
    for (int i = 0; i < 2; ++i)
        m_workers[i] = std::make_unique<ServerWorker>(i, m_profile.servers[i]);
    if (m_runner.m_shellFactory)
        for (auto& w : m_workers)
            w->setShellFactory(m_runner.m_shellFactory);
}

SetupRun::~SetupRun() = default;

void SetupRun::report(
    SetupEvent::Kind kind, const QString& server, const QString& step, const QString& text, qint64 ms)
{
    SetupEvent e;
    e.kind = kind;
    e.server = server;
    e.step = step;
    e.text = text;
    e.elapsedMs = ms;
    Q_EMIT m_runner.event(e);
}

bool SetupRun::fail(const StepError& error)
{
    if (!m_failed) {
        m_failed = true;
        m_runner.m_error = error;
    }
    return false;
}

bool SetupRun::cancelled()
{
    if (!m_runner.m_cancel)
        return false;
    report(SetupEvent::Kind::StepFailed, {}, SetupRun::tr("cancel"),
        SetupRun::tr("cancelled between two steps; nothing is half-done"));
    return !fail(StepError { {}, SetupRun::tr("cancel"), 0, SetupRun::tr("cancelled by the user") });
}

void SetupRun::afterStep(const QString& step)
{
    if (m_runner.m_afterStep)
        m_runner.m_afterStep(step);
}

bool SetupRun::perServer(const QString& step, const ServerStep& forA, const ServerStep& forB,
    bool stopOnError, bool oneAfterTheOther)
{
    const ServerStep* fns[2] = { &forA, &forB };
    QFuture<Timed> futures[2];
    auto launch = [&](int i) {
        report(SetupEvent::Kind::StepStarted, m_profile.servers[i].name, step, SetupRun::tr("started"));
        const ServerStep fn = *fns[i];
        futures[i] = m_workers[i]->submit([fn](ServerContext& ctx) {
            QElapsedTimer t;
            t.start();
            Timed r { fn(ctx), 0 };
            r.ms = t.elapsed();
            r.notices = ctx.takeNotices();
            return r;
        });
    };
    auto collect = [&](int i) -> bool {
        futures[i].waitForFinished();
        const Timed r = futures[i].result();
        for (const HostNotice& n : r.notices)
            report(SetupEvent::Kind::Info, m_profile.servers[i].name, n.id, n.text);
        if (r.result) {
            report(SetupEvent::Kind::StepFinished, m_profile.servers[i].name, step, *r.result, r.ms);
            return true;
        }
        report(SetupEvent::Kind::StepFailed, m_profile.servers[i].name, step, r.result.error().text, r.ms);
        if (stopOnError) {
            StepError e = r.result.error();
            if (e.server.isEmpty())
                e.server = m_profile.servers[i].name;
            e.step = step;
            fail(e);
        }
        return false;
    };
    bool ok = true;
    if (m_runner.m_sequential || oneAfterTheOther) {
        for (int i = 0; i < 2; ++i)
            if (*fns[i] && (ok || !stopOnError)) {
                launch(i);
                ok = collect(i) && ok;
            }
    } else {
        for (int i = 0; i < 2; ++i)
            if (*fns[i])
                launch(i);
        for (int i = 0; i < 2; ++i)
            if (*fns[i])
                ok = collect(i) && ok;
    }
    if (ok)
        m_journal.add(step);
    return ok;
}

bool SetupRun::perServerWhere(
    const QString& step, const ServerStep& fn, const std::function<bool(int)>& wanted, bool oneAfterTheOther)
{
    const ServerStep none;
    if (!wanted(0) && !wanted(1))
        return true;
    return perServer(step, wanted(0) ? fn : none, wanted(1) ? fn : none, true, oneAfterTheOther);
}

bool SetupRun::run(SetupRunner::Mode mode)
{
    QElapsedTimer total;
    total.start();
    if (!inspect())
        return false;
    if (mode == SetupRunner::Mode::Inspect)
        return !m_runner.m_plan.hasErrors()
            || fail(StepError { {}, SetupRun::tr("pre-flight"), 0, SetupRun::tr("pre-flight found errors") });
    if (!planChanges())
        return false;
    if (mode == SetupRunner::Mode::Plan)
        return !m_runner.m_plan.hasErrors()
            || fail(StepError { {}, SetupRun::tr("pre-flight"), 0, SetupRun::tr("pre-flight found errors") });

    if (m_runner.m_plan.hasErrors()) {
        QStringList errors;
        for (const Finding& f : m_runner.m_plan.findings)
            if (f.severity == Finding::Severity::Error)
                errors << (f.server.isEmpty() ? f.text : QStringLiteral("[%1] %2").arg(f.server, f.text));
        return fail(StepError { {}, SetupRun::tr("pre-flight"), 0,
            SetupRun::tr(
                "%n problem(s) must be solved first; nothing was changed:\n", nullptr, int(errors.size()))
                + errors.join(QLatin1Char('\n')) });
    }
    if (m_runner.m_plan.nothingToDo) {
        report(SetupEvent::Kind::Info, {}, SetupRun::tr("setup"),
            SetupRun::tr("both directions already replicate and every setting is in place: nothing changed"));
        ensureHeartbeatTable();
        return true;
    }
    const bool ok = !cancelled() && applyConfig() && !cancelled() && createUsers() && !cancelled()
        && readCoordinates() && !cancelled() && changeSources() && verify();
    writeJournal();
    if (ok)
        report(SetupEvent::Kind::Info, {}, SetupRun::tr("setup"),
            SetupRun::tr("master-master replication verified in both directions"), total.elapsed());
    return ok;
}

bool SetupRun::inspect()
{
    ServerStep step = [this](ServerContext& ctx) -> Result<QString> {
        ServerInspection& in = m_in[ctx.index];
        in.server = ctx.profile.name;
        ctx.prepareHostShell(); // SSH handshake while the SQL inspection runs
        auto c = ctx.connect();
        if (!c) {
            in.error = c.error();
            return std::unexpected(c.error());
        }
        auto inspected = ServerInspection::inspect(ctx);
        if (!inspected) {
            in.error = inspected.error();
            return std::unexpected(inspected.error());
        }
        in = *inspected;
        return SetupRun::tr("%1, server_id %2, binary log %3")
            .arg(in.versionString)
            .arg(in.serverId)
            .arg(in.logBin ? SetupRun::tr("on") : SetupRun::tr("off"));
    };
    perServer(SetupRun::tr("inspect"), step, step, false);
    for (int i = 0; i < 2; ++i)
        m_runner.m_inspection[i] = m_in[i];

    if (m_in[0].reachable && m_in[1].reachable) {
        ServerStep reach = [this](ServerContext& ctx) -> Result<QString> {
            const ServerProfile& peer = m_profile.servers[1 - ctx.index];
            auto shell = ctx.hostShell();
            if (!shell)
                return std::unexpected(shell.error());
            auto r = (*shell)->run(QStringLiteral("timeout 5 bash -c 'exec 3<>/dev/tcp/%1/%2' 2>/dev/null")
                                       .arg(peer.effectivePeerHost())
                                       .arg(peer.port),
                8000);
            if (!r)
                return std::unexpected(r.error());
            m_peerReachable[ctx.index] = r->exitCode == 0 ? 1 : (r->exitCode == 127 ? -1 : 0);
            return m_peerReachable[ctx.index] == 1
                ? SetupRun::tr("%1:%2 answers").arg(peer.effectivePeerHost()).arg(peer.port)
                : m_peerReachable[ctx.index] == 0
                ? SetupRun::tr("%1:%2 does not answer").arg(peer.effectivePeerHost()).arg(peer.port)
                : SetupRun::tr("cannot check (no bash or timeout on the host)");
        };
        perServer(SetupRun::tr("reach peer"), reach, reach, false);
        m_gtid = ReplicationSettings::useGtid(m_profile, m_in[0], m_in[1]);
    }
    m_runner.m_plan.findings = Preflight::check(m_profile, m_in, m_gtid, m_peerReachable);
    for (const Finding& f : m_runner.m_plan.findings)
        report(
            f.severity == Finding::Severity::Error ? SetupEvent::Kind::StepFailed : SetupEvent::Kind::Warning,
            f.server, SetupRun::tr("pre-flight"),
            f.fix.isEmpty() ? f.text : QStringLiteral("%1 → %2").arg(f.text, f.fix));
    Q_EMIT m_runner.inspected();
    if (!m_in[0].reachable || !m_in[1].reachable)
        return fail(m_in[0].reachable ? m_in[1].error : m_in[0].error);
    return true;
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
            report(SetupEvent::Kind::Info, ctx.profile.name, SetupRun::tr("read config"),
                SetupRun::tr("option file %1: %2").arg(*main, how));
        auto files = OptionFiles::read(ctx, *main);
        if (!files)
            return std::unexpected(files.error());
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
                report(SetupEvent::Kind::Info, ctx.profile.name, SetupRun::tr("read config"),
                    SetupRun::tr("restart with %1: %2").arg(*restart, restartHow));
        }
        return SetupRun::tr("reads %n option file(s) from %1; ours: %2", nullptr, int(files->files.size()))
            .arg(*main, m_config[i].target);
    };
    if (!perServer(SetupRun::tr("read config"), read, read))
        return false;
    // two servers on one host that read the same option file cannot both get their own settings there
    const ServerProfile &a = m_profile.servers[0], &b = m_profile.servers[1];
    const bool sameHost = (!a.hasSsh && !b.hasSsh)
        || (a.hasSsh && b.hasSsh && a.ssh.host == b.ssh.host && a.ssh.port == b.ssh.port);
    if (sameHost && !m_config[0].target.isEmpty() && m_config[0].target == m_config[1].target)
        return fail(StepError { {}, SetupRun::tr("read config"), 0,
            SetupRun::tr(
                "both servers would take their settings from %1, which both read: give each server an "
                "option file of its own (\"configFile\") — nothing was changed")
                .arg(m_config[0].target) });
    buildPlanSteps();
    Q_EMIT m_runner.planReady();
    return true;
}

bool SetupRun::applyConfig()
{
    ServerStep apply = [this](ServerContext& ctx) -> Result<QString> {
        const ConfigPlan& plan = m_config[ctx.index];
        QString errorLog = m_in[ctx.index].variables.value(QStringLiteral("log_error"));
        if (!errorLog.isEmpty() && !errorLog.startsWith(QLatin1Char('/')))
            errorLog = m_in[ctx.index].datadir + QLatin1Char('/') + errorLog;
        ConfigPush push(ctx, plan,
            { m_runner.m_restartTimeoutMs, errorLog,
                [this, &ctx](const QString& text) {
                    report(SetupEvent::Kind::Info, ctx.profile.name, SetupRun::tr("config"), text);
                },
                true }); // "check config" ran precheck on both servers just before
        const auto applied = push.apply();
        m_applied[ctx.index] = push.applied(); // recorded in the journal whether or not it worked
        if (!applied)
            return std::unexpected(applied.error());
        if (!push.applied().pendingRestart.isEmpty())
            return SetupRun::tr("settings in place; no restart (%1 in force from the next restart)")
                .arg(push.applied().pendingRestart.join(QStringLiteral(", ")));
        return push.applied().restarted ? SetupRun::tr("settings in place; server restarted")
                                        : SetupRun::tr("settings in place; no restart needed");
    };
    ServerStep check = [this](ServerContext& ctx) -> Result<QString> {
        auto ok = ConfigPush::precheck(ctx, m_config[ctx.index]);
        if (!ok)
            return std::unexpected(ok.error());
        return m_config[ctx.index].restartNeeded() ? SetupRun::tr("files writable, restart command found")
                                                   : SetupRun::tr("files writable");
    };
    const auto changed = [this](int i) { return !m_config[i].isEmpty(); };
    if (!changed(0) && !changed(1)) {
        report(SetupEvent::Kind::Info, {}, SetupRun::tr("config"),
            SetupRun::tr("every setting already in place on both servers: no change, no restart"));
        return true;
    }
    // both servers are checked before either is changed: a refusal on one leaves the other untouched too
    if (!perServerWhere(SetupRun::tr("check config"), check, changed))
        return false;
    // rollingRestart: B is changed only once A is back and verified, so one server serves throughout
    const bool ok = perServerWhere(SetupRun::tr("config"), apply, changed, m_profile.rollingRestart);
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
    afterStep(QStringLiteral("config"));
    return ok;
}

bool SetupRun::createUsers()
{
    // the account on server i is for its peer's IO thread: needed where the direction into the peer is set up
    ServerStep step = [this](ServerContext& ctx) -> Result<QString> {
        const int i = ctx.index;
        const QString host = m_profile.replicationHostFor(i);
        m_password[i] = ReplicationSteps::generatePassword();
        auto r = ReplicationSteps::createReplicationUser(ctx, m_profile.replicationUser, host, m_password[i]);
        if (!r)
            return std::unexpected(r.error());
        m_journal.add(QJsonObject { { QStringLiteral("server"), ctx.profile.name },
            { QStringLiteral("user"), QStringLiteral("%1@%2").arg(m_profile.replicationUser, host) } });
        return SetupRun::tr(
            "%1 may replicate from here with REPLICATION SLAVE only; new generated password (kept in memory)")
            .arg(ctx.dialect.account(m_profile.replicationUser, host));
    };
    const bool ok = perServerWhere(SetupRun::tr("replication user"), step, [this](int i) {
        return m_direction[1 - i] == DirectionState::Fresh || m_direction[1 - i] == DirectionState::Resumable;
    });
    afterStep(QStringLiteral("user"));
    return ok;
}

bool SetupRun::readCoordinates()
{
    ServerStep step = [this](ServerContext& ctx) -> Result<QString> {
        auto c = ReplicationSteps::readCoordinates(ctx);
        if (!c)
            return std::unexpected(c.error());
        m_coordinates[ctx.index] = *c;
        return SetupRun::tr("%1:%2%3 (read lock held %4 ms, released)")
            .arg(c->file)
            .arg(c->position)
            .arg(c->gtid.isEmpty() ? QString() : SetupRun::tr(", GTID %1").arg(c->gtid))
            .arg(c->lockHeldMs);
    };
    const bool ok = perServerWhere(SetupRun::tr("coordinates"), step,
        [this](int i) { return m_direction[1 - i] == DirectionState::Fresh; });
    afterStep(QStringLiteral("coordinates"));
    return ok;
}

bool SetupRun::changeSources()
{
    ServerStep step = [this](ServerContext& ctx) -> Result<QString> {
        const int j = ctx.index, i = 1 - j;
        const ServerProfile& source = m_profile.servers[i];
        ChangeSourceParams p;
        p.host = source.effectivePeerHost();
        p.port = source.port;
        p.user = m_profile.replicationUser;
        p.password = m_password[i];
        p.ssl = m_profile.ssl;
        p.gtid = m_gtid;
        p.logFile = m_coordinates[i].file;
        p.logPos = m_coordinates[i].position;
        p.onlyCredentials = m_direction[j] == DirectionState::Resumable;
        auto r = ReplicationSteps::changeSource(ctx, p, m_coordinates[i].gtid);
        if (!r)
            return std::unexpected(r.error());
        if (p.onlyCredentials)
            return SetupRun::tr("replication from %1 restarted with new credentials, at its own position")
                .arg(source.name);
        return m_gtid ? SetupRun::tr("replicating from %1 (%2:%3) by GTID from %4")
                            .arg(source.name, p.host)
                            .arg(p.port)
                            .arg(m_coordinates[i].gtid.isEmpty()
                                    ? SetupRun::tr("the start (its GTID position is empty)")
                                    : m_coordinates[i].gtid)
                      : SetupRun::tr("replicating from %1 (%2:%3) from %4:%5")
                            .arg(source.name, p.host)
                            .arg(p.port)
                            .arg(p.logFile)
                            .arg(p.logPos);
    };
    const bool ok = perServerWhere(SetupRun::tr("change source"), step, [this](int j) {
        return m_direction[j] == DirectionState::Fresh || m_direction[j] == DirectionState::Resumable;
    });
    for (QString& pw : m_password)
        pw.fill(QLatin1Char('0')), pw.clear();
    afterStep(QStringLiteral("change-source"));
    return ok;
}

bool SetupRun::verify()
{
    PairVerifier verifier(m_profile, m_workers[0].get(), m_workers[1].get(), &m_runner.m_cancel);
    const QString step = SetupRun::tr("verify");
    QElapsedTimer t;
    t.start();
    report(SetupEvent::Kind::StepStarted, {}, step,
        SetupRun::tr("waiting for the IO and SQL threads on both servers"));
    auto threads = verifier.waitForThreads(m_runner.m_verifyTimeoutMs);
    if (!threads) {
        report(SetupEvent::Kind::StepFailed, threads.error().server, step, threads.error().text, t.elapsed());
        return fail(threads.error());
    }
    report(SetupEvent::Kind::StepFinished, {}, step, *threads, t.elapsed());
    t.restart();
    report(SetupEvent::Kind::StepStarted, {}, step, SetupRun::tr("writing a test row on each side"));
    auto trip = verifier.roundTrip(m_runner.m_verifyTimeoutMs);
    if (!trip) {
        report(SetupEvent::Kind::StepFailed, trip.error().server, step, trip.error().text, t.elapsed());
        return fail(trip.error());
    }
    report(SetupEvent::Kind::StepFinished, {}, step, *trip, t.elapsed());
    m_journal.add(QStringLiteral("verify"));

    ensureHeartbeatTable();
    afterStep(QStringLiteral("verify"));
    return true;
}

void SetupRun::ensureHeartbeatTable()
{
    // the monitor's heartbeat table: made on A, it replicates to B like any table
    const QString db = m_profile.probeDatabase();
    auto made
        = m_workers[0]->submit([db](ServerContext& ctx) { return Heartbeat::ensureTable(*ctx.sql, db); });
    made.waitForFinished();
    const Result<bool> r = made.result();
    if (!r)
        report(SetupEvent::Kind::Warning, m_profile.servers[0].name, SetupRun::tr("heartbeat"),
            SetupRun::tr("could not create the heartbeat table for monitoring: %1").arg(r.error().text));
    else if (*r)
        report(SetupEvent::Kind::Info, m_profile.servers[0].name, SetupRun::tr("heartbeat"),
            SetupRun::tr("heartbeat table %1.%2 created for monitoring").arg(db, Heartbeat::tableName()));
}

void SetupRun::writeJournal()
{
    m_runner.m_journal = m_journal.finish(!m_failed, m_runner.m_error.toString(), m_profile.filePath);
}

void SetupRun::buildPlanSteps()
{
    SetupPlan& plan = m_runner.m_plan;
    plan.steps = PlanBuilder::steps(m_profile, m_in, m_config, m_direction, m_gtid);
    plan.nothingToDo = plan.steps.isEmpty();
}
