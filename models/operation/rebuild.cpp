#include "operation/rebuild.h"

#include "common/sqlquote.h"
#include "common/stepid.h"
#include "host/serverworker.h"
#include "operation/intentjournal.h"
#include "operation/operationrun.h"
#include "operation/rebuildguards.h"
#include "operation/rebuildids.h"
#include "replication/replicationsteps.h"
#include "setup/finaldatacheck.h"
#include "setup/pairverifier.h"
#include "sql/replicastatus.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLocale>
#include <QScopeGuard>

namespace {
QString size(qint64 bytes)
{
    return QLocale::c().formattedDataSize(qMax<qint64>(0, bytes), 1, QLocale::DataSizeTraditionalFormat);
}

QString shown(const BinlogCoordinates& c)
{
    return c.gtid.isEmpty() ? QStringLiteral("%1:%2").arg(c.file).arg(c.position)
                            : QStringLiteral("%1:%2, GTID %3").arg(c.file).arg(c.position).arg(c.gtid);
}
} // namespace

QJsonObject Rebuild::Preview::toJson() const
{
    return QJsonObject { { QStringLiteral("source"), source }, { QStringLiteral("target"), target },
        { QStringLiteral("method"), method },
        { QStringLiteral("databases"), QJsonArray::fromStringList(databases) },
        { QStringLiteral("sourceBytes"), sourceBytes }, { QStringLiteral("targetBytes"), targetBytes },
        { QStringLiteral("saveOld"), saveOld }, { QStringLiteral("saveFolder"), saveFolder },
        { QStringLiteral("saveFreeBytes"), saveFreeBytes } };
}

Rebuild::Rebuild(PairProfile profile, Options options, EventSink onEvent)
    : m_profile(std::move(profile))
    , m_options(std::move(options))
    , m_onEvent(std::move(onEvent))
    , m_source(1 - m_options.target)
    , m_target(m_options.target)
{ }

Rebuild::~Rebuild() = default;

void Rebuild::emitEvent(const SetupEvent& e) const
{
    if (m_onEvent)
        m_onEvent(e);
}

Rebuild::Preview Rebuild::preview(const RebuildGuards& guards) const
{
    Preview p;
    p.source = m_profile.servers[m_source].name;
    p.target = m_profile.servers[m_target].name;
    p.saveOld = m_options.saveOld;
    if (!guards.copyCheck())
        return p;
    const CopyCheck& c = *guards.copyCheck();
    p.method = RebuildCopy::id(RebuildCopy::resolve(m_options.method, c));
    p.databases = c.databases;
    p.sourceBytes = c.sourceBytes;
    p.targetBytes = c.targetBytes;
    p.saveFolder = c.saveFolder();
    p.saveFreeBytes = c.saveFreeBytes;
    p.lines << tr("%1 is rebuilt from %2: %3.")
                   .arg(p.target, p.source, RebuildCopy::replaces(m_options.method, c, p.target));
    if (c.targetTables.isEmpty())
        p.lines << tr("%1 holds nothing in them: there is nothing to save.").arg(p.target);
    else if (m_options.saveOld)
        p.lines << tr("%1's old data (%2, %n table(s)) is saved first in %3 on its host (%4 free there) and "
                      "loaded back if the rebuild fails or is cancelled before the copy ends.",
            nullptr, int(c.targetTables.size()))
                       .arg(p.target, size(c.targetBytes), p.saveFolder,
                           c.saveFreeBytes < 0 ? tr("unknown") : size(c.saveFreeBytes));
    else
        p.lines << tr("%1's old data (%2) is NOT saved: if the rebuild fails, %1 stays read-only, fenced and "
                      "without it until it is rebuilt.")
                       .arg(p.target, size(c.targetBytes));
    p.lines << tr("Replication stops both ways for the time of the copy (%1 from %2, %3 copy); %2 keeps "
                  "serving reads and writes, %4 stays read-only throughout.")
                   .arg(size(c.sourceBytes), p.source, p.method, p.target);
    p.lines << tr("Then %1 replicates from %2 at the copy's exact point, %2 from %1 at %1's position after "
                  "the copy; both directions and the data are verified.")
                   .arg(p.target, p.source);
    return p;
}

QList<OperationStep> Rebuild::beforeCopy(OperationRun& run)
{
    const QString a = m_profile.servers[m_source].name, b = m_profile.servers[m_target].name;
    QList<OperationStep> steps;
    steps << OperationStep { StepId::Fence, m_target,
        tr("mark %1 fenced while it is rebuilt (the pair's state file)").arg(b),
        [this, a]() -> Result<QString> {
            auto state = PairState::load(m_profile);
            if (!state)
                return std::unexpected(state.error());
            m_stateBefore = *state;
            PairState marked = *state;
            marked.fence(m_target, tr("being rebuilt from %1").arg(a));
            if (auto saved = marked.save(m_profile); !saved)
                return std::unexpected(saved.error());
            return tr("fenced: being rebuilt from %1").arg(a);
        },
        [this]() -> Result<QString> {
            if (!m_stateBefore)
                return QString();
            if (auto saved = m_stateBefore->save(m_profile); !saved)
                return std::unexpected(saved.error());
            return m_stateBefore->isFenced(m_target) ? tr("still fenced, as before") : tr("mark cleared");
        } };
    auto readOnly = std::make_shared<QPair<int, int>>(0, 0); // was, intent
    steps << OperationStep { StepId::SetReadOnly, m_target, tr("make %1 read-only").arg(b),
        [&run, this, readOnly]() -> Result<QString> {
            return run.onServer(m_target, [readOnly](ServerContext& ctx) -> Result<QString> {
                auto was = ctx.sql->scalar(QStringLiteral("SELECT @@GLOBAL.read_only"));
                if (!was)
                    return std::unexpected(was.error());
                readOnly->first = was->toInt() ? 1 : 0;
                readOnly->second = ctx.intent(StepId::SetReadOnly, IntentJournal::Action::ReadOnly,
                    { { QStringLiteral("was"), readOnly->first } });
                if (auto r = ctx.sql->exec(QStringLiteral("SET GLOBAL read_only = 1")); !r)
                    return std::unexpected(r.error());
                ctx.intentDone(readOnly->second);
                return tr("read_only = ON (was %1)").arg(readOnly->first);
            });
        },
        [&run, this, readOnly]() -> Result<QString> {
            return run.onServer(m_target, [readOnly](ServerContext& ctx) -> Result<QString> {
                if (auto r = ctx.sql->exec(QStringLiteral("SET GLOBAL read_only = %1").arg(readOnly->first));
                    !r)
                    return std::unexpected(r.error());
                ctx.intentReleased(readOnly->second);
                return tr("read_only = %1 again").arg(readOnly->first);
            });
        } };
    m_releaseAfterCopy.clear();
    m_releaseAfterCopy << std::make_pair(m_target, readOnly);
    auto stopped = std::make_shared<QPair<int, int>>(0, 0); // was running, intent
    steps << OperationStep { StepId::StopReplica, m_source,
        tr("stop %1's replication from %2 (%1 keeps taking reads and writes)").arg(a, b),
        [&run, this, stopped]() -> Result<QString> {
            return run.onServer(m_source, [stopped](ServerContext& ctx) -> Result<QString> {
                auto status = ReplicaStatus::read(*ctx.sql, ctx.dialect);
                if (!status)
                    return std::unexpected(status.error());
                if (!status->configured)
                    return tr("no replica settings: nothing to stop");
                stopped->first = status->ioRunning || status->sqlRunning;
                stopped->second = ctx.intent(StepId::StopReplica, RebuildIds::ReplicaStopped,
                    { { QStringLiteral("wasRunning"), bool(stopped->first) } });
                if (auto r = ctx.sql->exec(ctx.dialect.stopReplica()); !r)
                    return std::unexpected(r.error());
                ctx.intentDone(stopped->second);
                return tr("replication stopped (it was %1)")
                    .arg(stopped->first ? tr("running") : tr("stopped"));
            });
        },
        [&run, this, stopped]() -> Result<QString> {
            return run.onServer(m_source, [stopped](ServerContext& ctx) -> Result<QString> {
                if (stopped->first)
                    if (auto r = ctx.sql->exec(ctx.dialect.startReplica()); !r)
                        return std::unexpected(r.error());
                ctx.intentReleased(stopped->second);
                return stopped->first ? tr("replication started again")
                                      : tr("replication left stopped, as it was");
            });
        } };
    m_releaseAfterCopy << std::make_pair(m_source, stopped);
    steps << OperationStep { StepId::ReplicationUser, m_source,
        tr("give the replication account on %1 (for %2's IO thread) a new generated password").arg(a, b),
        [&run, this]() -> Result<QString> {
            auto replica = run.worker(m_target)->run([](ServerContext& ctx) { return ctx.dialect; });
            m_password[m_source] = ReplicationSteps::generatePassword();
            const QString pw = m_password[m_source], user = m_profile.replicationUser,
                          host = m_profile.replicationHostFor(m_source);
            const AccountTls tls = ReplicationSteps::accountTlsFor(m_profile, m_source); // REQUIRE SSL / X509
            return run.onServer(m_source, [=](ServerContext& ctx) -> Result<QString> {
                const int id = ctx.intent(StepId::ReplicationUser, IntentJournal::Action::ReplicationAccount,
                    { { QStringLiteral("user"), user }, { QStringLiteral("host"), host },
                        { QStringLiteral("existed"), true } },
                    true);
                if (auto r = ReplicationSteps::createReplicationUser(
                        ctx, user, host, pw, ctx.dialect.replicationAuthPlugin(replica.version()), tls);
                    !r)
                    return std::unexpected(r.error());
                ctx.intentDone(id);
                return tr("%1: new generated password (kept in memory)").arg(ctx.dialect.account(user, host));
            });
        },
        {} };
    auto reset = std::make_shared<ReplicaStatus>();
    auto resetGtid = std::make_shared<QPair<QString, int>>(); // gtid_slave_pos, intent
    steps << OperationStep { RebuildIds::ResetReplica, m_target,
        tr("remove %1's replica settings (their position, on failure, comes back)").arg(b),
        [&run, this, reset, resetGtid]() -> Result<QString> {
            return run.onServer(m_target, [reset, resetGtid](ServerContext& ctx) -> Result<QString> {
                auto status = ReplicaStatus::read(*ctx.sql, ctx.dialect);
                if (!status)
                    return std::unexpected(status.error());
                *reset = *status;
                if (!status->configured)
                    return tr("no replica settings: nothing to remove");
                if (ctx.dialect.isMariaDb()) {
                    auto pos = ctx.sql->scalar(QStringLiteral("SELECT @@GLOBAL.gtid_slave_pos"));
                    if (!pos)
                        return std::unexpected(pos.error());
                    resetGtid->first = pos->toString();
                }
                resetGtid->second = ctx.intent(RebuildIds::ResetReplica, RebuildIds::ReplicaReset,
                    { { QStringLiteral("host"), status->sourceHost },
                        { QStringLiteral("port"), status->sourcePort },
                        { QStringLiteral("user"), status->sourceUser },
                        { QStringLiteral("file"), status->relaySourceLogFile },
                        { QStringLiteral("position"), status->execSourceLogPos },
                        { QStringLiteral("gtidSlavePos"), resetGtid->first } });
                ctx.sql->exec(ctx.dialect.stopReplica());
                if (auto r = ctx.sql->exec(ctx.dialect.resetReplicaAll()); !r)
                    return std::unexpected(r.error());
                ctx.intentDone(resetGtid->second);
                return tr("replica settings removed (it stood at %1:%2%3)")
                    .arg(status->relaySourceLogFile)
                    .arg(status->execSourceLogPos)
                    .arg(status->lastSqlErrno
                            ? tr(", its SQL thread halted on error %1").arg(status->lastSqlErrno)
                            : QString());
            });
        },
        [&run, this, reset, resetGtid]() -> Result<QString> {
            if (!reset->configured)
                return QString();
            ChangeSourceParams p;
            p.host = reset->sourceHost;
            p.port = reset->sourcePort;
            p.user = reset->sourceUser;
            p.password = m_password[m_source];
            ReplicationSteps::applyTls(p, m_profile, m_target);
            p.gtid = reset->usingGtid;
            p.logFile = reset->relaySourceLogFile;
            p.logPos = reset->execSourceLogPos;
            const ReplicaStatus was = *reset;
            return run.onServer(m_target, [p, was, resetGtid](ServerContext& ctx) -> Result<QString> {
                if (auto r = ReplicationSteps::changeSource(ctx, p, resetGtid->first); !r)
                    return std::unexpected(r.error());
                if (!was.ioRunning && !was.sqlRunning)
                    ctx.sql->exec(ctx.dialect.stopReplica());
                ctx.intentReleased(resetGtid->second);
                return tr("replicating from %1:%2 again from %3:%4, where it stood")
                    .arg(p.host)
                    .arg(p.port)
                    .arg(p.logFile)
                    .arg(p.logPos);
            });
        } };
    m_resetIntent = resetGtid;
    return steps;
}

OperationStep Rebuild::copyStep(OperationRun& run, const RebuildGuards& guards)
{
    const QString a = m_profile.servers[m_source].name, b = m_profile.servers[m_target].name;
    const CopyCheck& check = *guards.copyCheck();
    const QString method = RebuildCopy::id(RebuildCopy::resolve(m_options.method, check));
    return OperationStep { StepId::Copy, m_target,
        tr("copy %1 (%2) from %3 to %4 online (%5 copy)")
            .arg(check.databases.join(QStringLiteral(", ")), size(check.sourceBytes), a, b, method),
        [&run, this, check, b]() -> Result<QString> {
            if (!m_options.saveOld && !check.existingOnTarget.isEmpty()) {
                // the admin said not to save them: gone before the copy, which then has nothing to save
                const QStringList dbs = check.existingOnTarget;
                auto dropped = run.onServer(m_target, [dbs](ServerContext& ctx) -> Result<QString> {
                    const int id = ctx.intent(StepId::Copy, IntentJournal::Action::CopyLoad,
                        { { QStringLiteral("databases"), QJsonArray::fromStringList(dbs) },
                            { QStringLiteral("savedCopy"), QString() } });
                    if (auto r = ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 0")); !r)
                        return std::unexpected(r.error());
                    for (const QString& db : dbs)
                        if (auto r = ctx.sql->exec(
                                QStringLiteral("DROP DATABASE IF EXISTS %1").arg(SqlQuote::identifier(db)));
                            !r)
                            return std::unexpected(r.error());
                    ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 1"));
                    ctx.intentDone(id);
                    return QString();
                });
                if (!dropped)
                    return std::unexpected(dropped.error());
                SetupEvent e;
                e.kind = SetupEvent::Kind::Warning;
                e.server = b;
                e.step = StepId::Copy;
                e.text = tr("%1's old %2 removed without saving them (--no-save)")
                             .arg(b, dbs.join(QStringLiteral(", ")));
                emitEvent(e);
            }
            ServerWorker* const workers[2] = { run.worker(0), run.worker(1) };
            auto done = RebuildCopy::run(
                m_options.method, m_profile, m_source, workers, check, m_options.cancel.get(),
                [this, b](const CopyProgress& p) {
                    SetupEvent e;
                    e.kind = SetupEvent::Kind::Progress;
                    e.server = b;
                    e.step = StepId::Copy;
                    e.text = p.toText();
                    e.elapsedMs = p.elapsedMs;
                    e.data = p.toJson();
                    emitEvent(e);
                },
                [this](const QString& server, const QString& text) {
                    SetupEvent e;
                    e.kind = SetupEvent::Kind::Info;
                    e.server = server;
                    e.step = StepId::Copy;
                    e.text = text;
                    emitEvent(e);
                });
            if (!done)
                return std::unexpected(done.error());
            m_copied = *done;
            return tr("%1 copied (%n table(s)) in %2 s; the copy's point on %3: %4", nullptr, done->tables)
                .arg(size(done->bytes))
                .arg(double(done->elapsedMs) / 1000.0, 0, 'f', 1)
                .arg(m_profile.servers[m_source].name, shown(done->source));
        },
        {} };
}

QList<OperationStep> Rebuild::afterCopy(OperationRun& run, RebuildGuards& guards)
{
    const QString a = m_profile.servers[m_source].name, b = m_profile.servers[m_target].name;
    QList<OperationStep> steps;
    steps << OperationStep { StepId::ReplicationUser, m_target,
        tr("give the replication account on %1 (for %2's IO thread) a new generated password").arg(b, a),
        [&run, this]() -> Result<QString> {
            auto replica = run.worker(m_source)->run([](ServerContext& ctx) { return ctx.dialect; });
            m_password[m_target] = ReplicationSteps::generatePassword();
            const QString pw = m_password[m_target], user = m_profile.replicationUser,
                          host = m_profile.replicationHostFor(m_target);
            const AccountTls tls = ReplicationSteps::accountTlsFor(m_profile, m_target); // REQUIRE SSL / X509
            return run.onServer(m_target, [=](ServerContext& ctx) -> Result<QString> {
                const int id = ctx.intent(StepId::ReplicationUser, IntentJournal::Action::ReplicationAccount,
                    { { QStringLiteral("user"), user }, { QStringLiteral("host"), host },
                        { QStringLiteral("existed"), true } },
                    true);
                if (auto r = ReplicationSteps::createReplicationUser(
                        ctx, user, host, pw, ctx.dialect.replicationAuthPlugin(replica.version()), tls);
                    !r)
                    return std::unexpected(r.error());
                ctx.intentDone(id);
                return tr("%1: new generated password (kept in memory)").arg(ctx.dialect.account(user, host));
            });
        },
        {} };
    // B from A at the copy's exact point, then A from B at B's own position read at the end of the copy
    for (const int replica : { m_target, m_source }) {
        const int source = 1 - replica;
        steps << OperationStep { StepId::ChangeSource, replica,
            replica == m_target ? tr("start %1 from %2 at the copy's exact point").arg(b, a)
                                : tr("start %1 from %2 at %2's position after the copy").arg(a, b),
            [&run, this, replica, source]() -> Result<QString> {
                const BinlogCoordinates at = source == m_source ? m_copied->source : m_copied->target;
                const ServerProfile& from = m_profile.servers[source];
                ChangeSourceParams p;
                p.host = from.effectivePeerHost();
                p.port = from.port;
                p.user = m_profile.replicationUser;
                p.password = m_password[source];
                ReplicationSteps::applyTls(p, m_profile, replica);
                p.gtid = m_gtid;
                p.logFile = at.file;
                p.logPos = at.position;
                return run.onServer(
                    replica, [p, at, name = from.name](ServerContext& ctx) -> Result<QString> {
                        const int id = ctx.intent(StepId::ChangeSource, IntentJournal::Action::ChangeSource,
                            { { QStringLiteral("wasFresh"), false } }, true);
                        if (auto r = ReplicationSteps::changeSource(ctx, p, at.gtid); !r)
                            return std::unexpected(r.error());
                        ctx.intentDone(id);
                        return p.gtid
                            ? tr("replicating from %1 by GTID from %2").arg(name, at.gtid)
                            : tr("replicating from %1 from %2:%3").arg(name, at.file).arg(at.position);
                    });
            },
            {} };
    }
    steps << OperationStep { StepId::Verify, -1,
        tr("verify: both threads run on both servers, and a test row crosses each way"),
        [&run, this]() -> Result<QString> {
            PairVerifier verifier(m_profile, run.worker(0), run.worker(1));
            if (auto r = verifier.verify(m_options.verifyTimeoutMs,
                    [this](const SetupEvent& e) {
                        if (e.kind != SetupEvent::Kind::StepStarted
                            && e.kind != SetupEvent::Kind::StepFinished)
                            emitEvent(e);
                    });
                !r)
                return std::unexpected(r.error());
            return tr("both directions replicate");
        },
        {} };
    steps << OperationStep { StepId::VerifyData, -1,
        tr("compare the replicated tables of both servers at one exact point of a binary log"),
        [&run, this]() -> Result<QString> {
            FinalDataCheck check(m_profile, run.worker(0), run.worker(1), nullptr);
            check.setFirstSource(m_source);
            const FinalDataCheck::Outcome o = check.run(m_options.verifyTimeoutMs);
            if (o.restartFailed)
                return std::unexpected(*o.restartFailed);
            if (o.verdict == FinalDataCheck::Verdict::Differs)
                return stepFailure({}, StepId::VerifyData,
                    tr("the tables differ after the copy: %1").arg(o.tables.join(QStringLiteral(", "))));
            m_out.dataEqual = o.verdict == FinalDataCheck::Verdict::Equal;
            if (!m_out.dataEqual) {
                SetupEvent e;
                e.kind = SetupEvent::Kind::Warning;
                e.step = StepId::VerifyData;
                e.text = tr("%1 — run compare when writes pause").arg(o.text);
                emitEvent(e);
            }
            return o.text;
        },
        {} };
    steps << OperationStep { RebuildIds::CheckRebuilt, m_target,
        tr("check %1: its own server_id, server_uuid and gtid_domain_id, a relay log from the copy's point")
            .arg(b),
        [this, &guards, b]() -> Result<QString> {
            const QList<Finding> found = guards.after(m_copied->source.file);
            m_out.checks += found;
            QStringList wrong, right;
            for (const Finding& f : found)
                (f.severity == Finding::Severity::Error ? wrong : right)
                    << (f.fix.isEmpty() ? f.text : QStringLiteral("%1 → %2").arg(f.text, f.fix));
            if (!wrong.isEmpty())
                return stepFailure(b, RebuildIds::CheckRebuilt, wrong.join(QStringLiteral("; ")));
            return right.join(QStringLiteral("; "));
        },
        {} };
    const int writer = m_profile.writerIndex();
    steps << OperationStep { StepId::Fence, m_target,
        writer == m_source ? tr("clear %1's mark; %1 stays read-only (%2 takes the writes)").arg(b, a)
                           : tr("clear %1's mark; %1 takes writes again (both servers do)").arg(b),
        [&run, this, writer, b]() -> Result<QString> {
            const bool readOnly = writer == m_source;
            auto set = run.onServer(m_target, [readOnly](ServerContext& ctx) -> Result<QString> {
                if (auto r = ctx.sql->exec(QStringLiteral("SET GLOBAL read_only = %1").arg(readOnly ? 1 : 0));
                    !r)
                    return std::unexpected(r.error());
                return QString();
            });
            if (!set)
                return std::unexpected(set.error());
            auto state = PairState::load(m_profile);
            if (!state)
                return std::unexpected(state.error());
            state->unfence(m_target);
            if (auto saved = state->save(m_profile); !saved)
                return std::unexpected(saved.error());
            return tr("%1 is rebuilt: not fenced, read_only = %2").arg(b).arg(readOnly ? 1 : 0);
        },
        {} };
    return steps;
}

Rebuild::Outcome Rebuild::run()
{
    m_out = Outcome();
    // the generated passwords live no longer than the run
    const auto wipe = qScopeGuard([this] {
        for (QString& pw : m_password)
            pw.fill(QLatin1Char('0')), pw.clear();
    });
    const QString a = m_profile.servers[m_source].name, b = m_profile.servers[m_target].name;
    OperationRun run(m_profile, m_options.shellFactory, m_onEvent);
    ServerWorker* const workers[2] = { run.worker(0), run.worker(1) };
    RebuildGuards guards(m_profile, workers, m_target);
    run.report(SetupEvent::Kind::StepStarted, -1, RebuildIds::Guards,
        tr("check that %1 can be rebuilt from %2").arg(b, a));
    m_out.checks = guards.before(m_options.method, m_options.saveOld);
    m_gtid = guards.usesGtid();
    for (const Finding& f : m_out.checks)
        run.report(
            f.severity == Finding::Severity::Error ? SetupEvent::Kind::Warning : SetupEvent::Kind::Info,
            m_profile.serverIndex(f.server), RebuildIds::Guards,
            f.fix.isEmpty() ? f.text : QStringLiteral("%1 → %2").arg(f.text, f.fix), f.code);
    m_out.preview = preview(guards);
    for (const QString& line : m_out.preview.lines)
        run.report(SetupEvent::Kind::Info, m_target, RebuildIds::Guards, line);
    if (RebuildGuards::refused(m_out.checks) || !guards.copyCheck()) {
        m_out.refused = true;
        m_out.error = StepError { {}, RebuildIds::Guards, 0, tr("refused: nothing was changed") };
        run.report(SetupEvent::Kind::StepFailed, -1, RebuildIds::Guards, m_out.error.text);
        return m_out;
    }
    run.report(SetupEvent::Kind::StepFinished, -1, RebuildIds::Guards, tr("every check passed"));
    const QList<OperationStep> before = beforeCopy(run);
    const OperationStep copy = copyStep(run, guards);
    const QList<OperationStep> after = afterCopy(run, guards);
    for (const OperationStep& s : before + QList<OperationStep> { copy } + after)
        m_out.steps << s.intent;
    if (m_options.dryRun) {
        m_out.ok = true;
        return m_out;
    }
    if (!m_options.journalPath.isEmpty()) {
        auto journal
            = IntentJournal::beginIfFree(m_options.journalPath, m_profile.filePath, RebuildIds::Rebuild);
        if (!journal) {
            m_out.error = journal.error();
            m_out.refused = true;
            run.report(SetupEvent::Kind::StepFailed, -1, StepId::Journal, m_out.error.text);
            return m_out;
        }
        m_journal = *journal;
        for (ServerWorker* w : workers)
            w->run([j = m_journal](ServerContext& ctx) {
                ctx.journal = j;
                return 0;
            });
    }
    const auto ended = [this, &run](const QString& outcome) {
        if (!m_journal)
            return;
        m_journal->end(outcome);
        if (!m_journal->writeError().isEmpty())
            run.report(SetupEvent::Kind::Warning, -1, StepId::Journal,
                tr("the journal %1 could not be written in full: %2")
                    .arg(m_journal->path(), m_journal->writeError()));
        for (ServerWorker* w : { run.worker(0), run.worker(1) })
            w->run([](ServerContext& ctx) {
                ctx.journal.reset();
                return 0;
            });
    };
    QElapsedTimer t;
    t.start();
    // until the copy has ended, every step is undone on failure or cancel: B as it was, A replicating again
    for (const OperationStep& s : before + QList<OperationStep> { copy }) {
        if (!cancelled() && run.take(s))
            continue;
        m_out.cancelled = cancelled();
        m_out.error = m_out.cancelled ? StepError { b, StepId::Cancel, 0, tr("cancelled: %1").arg(s.intent) }
                                      : run.error();
        const bool undone = run.undoTaken();
        m_out.putBack = undone;
        m_out.error.text = undone
            ? tr("%1 — put back: %2 has its old data and replica settings, %3 replicates as before")
                  .arg(m_out.error.text, b, a)
            : tr("%1 — putting back failed: %2 may be left read-only and fenced; see the lines above, then "
                 "run recover or rebuild again")
                  .arg(m_out.error.text, b);
        run.report(SetupEvent::Kind::StepFailed, -1, RebuildIds::Rebuild, m_out.error.text);
        ended(m_out.cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed"));
        m_out.elapsedMs = t.elapsed();
        return m_out;
    }
    // the copy is in: B's old settings and read_only are not to be put back any more (recover leaves them)
    m_out.copied = true;
    m_out.savedCopy = m_copied->savedCopy;
    run.commitTaken();
    if (m_journal) {
        for (const auto& [server, ids] : m_releaseAfterCopy)
            run.worker(server)->run([id = ids->second](ServerContext& ctx) {
                ctx.intentReleased(id);
                return 0;
            });
        run.worker(m_target)->run([id = m_resetIntent ? m_resetIntent->second : 0](ServerContext& ctx) {
            ctx.intentReleased(id);
            return 0;
        });
    }
    for (const OperationStep& s : after) {
        if (run.take(s))
            continue;
        m_out.error = run.error();
        m_out.error.text
            = tr("%1 — %2 holds %3's data but the rebuild did not finish: it stays read-only and "
                 "fenced; run rebuild again")
                  .arg(m_out.error.text, b, a);
        if (auto state = PairState::load(m_profile)) {
            state->fence(m_target, tr("the rebuild from %1 did not finish: rebuild again").arg(a));
            state->save(m_profile);
        }
        run.report(SetupEvent::Kind::StepFailed, -1, RebuildIds::Rebuild, m_out.error.text);
        ended(QStringLiteral("failed"));
        m_out.elapsedMs = t.elapsed();
        return m_out;
    }
    m_out.ok = true;
    m_out.elapsedMs = t.elapsed();
    ended(QStringLiteral("ok"));
    run.report(SetupEvent::Kind::StepFinished, -1, RebuildIds::Rebuild,
        tr("%1 rebuilt from %2 and verified in %3 s%4")
            .arg(b, a)
            .arg(double(m_out.elapsedMs) / 1000.0, 0, 'f', 1)
            .arg(m_out.savedCopy.isEmpty()
                    ? QString()
                    : tr("; its old data is kept in %1 on its host").arg(m_out.savedCopy)));
    return m_out;
}
