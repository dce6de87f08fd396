#include "operation/rejoin.h"

#include "common/stepid.h"
#include "host/serverworker.h"
#include "operation/intentjournal.h"
#include "operation/operationrun.h"
#include "operation/pairstate.h"
#include "operation/switchoverguards.h"
#include "operation/writercontrol.h"
#include "operation/writeroptionfile.h"
#include "sql/binlogstatus.h"
#include "sql/replicastatus.h"

#include <QDeadlineTimer>
#include <QThread>

Rejoin::Rejoin(PairProfile profile, Options options, std::function<void(const SetupEvent&)> onEvent)
    : m_profile(std::move(profile))
    , m_options(std::move(options))
    , m_onEvent(std::move(onEvent))
{ }

Rejoin::~Rejoin() = default;

namespace {
/** Waits until both of @p ctx's replication threads run without an error, at most @p timeoutSec. */
Result<QString> waitForThreads(ServerContext& ctx, int timeoutSec)
{
    const QDeadlineTimer deadline(qint64(timeoutSec) * 1000);
    for (;;) {
        auto status = ReplicaStatus::read(*ctx.sql, ctx.dialect);
        if (!status)
            return std::unexpected(status.error());
        if (status->healthy())
            return status->summary();
        if (deadline.hasExpired())
            return stepFailure(ctx.profile.name, StepId::Rejoin,
                Rejoin::tr("replication does not run within %1 s: %2")
                    .arg(timeoutSec)
                    .arg(status->summary()));
        QThread::msleep(100); // the server's own threads: no event to wait on
    }
}
} // namespace

QList<OperationStep> Rejoin::steps(OperationRun& run)
{
    const int fenced = m_options.server, writer = 1 - fenced;
    const QString f = m_profile.servers[fenced].name, w = m_profile.servers[writer].name;
    const int timeout = m_options.timeoutSec;
    const PairProfile profile = m_profile;
    QList<OperationStep> steps;
    steps << OperationStep { StepId::SetReadOnly, fenced,
        tr("keep %1 read-only: read_only = ON now and in its option file").arg(f),
        [&run, fenced, profile]() -> Result<QString> {
            return run.onServer(fenced, [profile](ServerContext& ctx) -> Result<QString> {
                if (auto r = WriterControl::setReadOnly(ctx, true); !r)
                    return std::unexpected(r.error());
                return WriterOptionFile::apply(ctx, profile, true, true);
            });
        },
        {} };
    steps << OperationStep { StepId::StartReplica, fenced,
        tr("start %1's replication from %2 and wait until it has applied %2's binary log (at most %3 s)")
            .arg(f, w)
            .arg(timeout),
        [&run, fenced, writer, timeout]() -> Result<QString> {
            auto end = std::make_shared<BinlogStatus>();
            if (auto r = run.onServer(writer,
                    [end](ServerContext& ctx) -> Result<QString> {
                        auto e = WriterControl::binlogEnd(ctx);
                        if (!e)
                            return std::unexpected(e.error());
                        *end = *e;
                        return QString();
                    });
                !r)
                return r;
            return run.onServer(fenced, [end, timeout](ServerContext& ctx) -> Result<QString> {
                ctx.sql->setStep(StepId::StartReplica);
                if (auto r = ctx.sql->exec(ctx.dialect.startReplica()); !r)
                    return std::unexpected(r.error());
                if (auto r = WriterControl::waitForApplied(ctx, *end, timeout); !r)
                    return std::unexpected(r.error());
                return Rejoin::tr("caught up with %1:%2").arg(end->file).arg(end->position);
            });
        },
        {} };
    steps << OperationStep { StepId::StartReplica, writer,
        tr("start %1's replication from %2 again").arg(w, f),
        [&run, writer]() -> Result<QString> {
            // nothing for recover to put back if killed here: the writer replicating from a read-only peer
            return run.onServer(writer, [](ServerContext& ctx) -> Result<QString> {
                ctx.sql->setStep(StepId::StartReplica);
                if (auto r = ctx.sql->exec(ctx.dialect.startReplica()); !r)
                    return std::unexpected(r.error());
                return Rejoin::tr("replication started");
            });
        },
        [&run, writer]() -> Result<QString> {
            return run.onServer(writer, [](ServerContext& ctx) -> Result<QString> {
                if (auto r = ctx.sql->exec(ctx.dialect.stopReplica()); !r)
                    return std::unexpected(r.error());
                return Rejoin::tr("replication stopped again");
            });
        } };
    steps << OperationStep { StepId::Verify, -1,
        tr("check that both directions run (at most %1 s)").arg(timeout),
        [&run, timeout]() -> Result<QString> {
            QStringList said;
            for (int i : { 0, 1 }) {
                auto r
                    = run.onServer(i, [timeout](ServerContext& ctx) { return waitForThreads(ctx, timeout); });
                if (!r)
                    return r;
                said << run.profile().servers[i].name + QStringLiteral(": ") + *r;
            }
            return said.join(QStringLiteral("; "));
        },
        {} };
    steps << OperationStep { StepId::Fence, fenced, tr("lift %1's fence").arg(f),
        [this, fenced, f]() -> Result<QString> {
            auto state = PairState::load(m_profile);
            if (!state)
                return std::unexpected(state.error());
            state->unfence(fenced);
            if (auto saved = state->save(m_profile); !saved)
                return std::unexpected(saved.error());
            return tr("%1 is no longer fenced; it stays read-only, the reader of the pair").arg(f);
        },
        {} };
    return steps;
}

Rejoin::Outcome Rejoin::run()
{
    Outcome out;
    OperationRun run(m_profile, m_options.shellFactory, m_onEvent);
    const int fenced = m_options.server, writer = 1 - fenced;
    const QString f = m_profile.servers[fenced].name, w = m_profile.servers[writer].name;
    run.report(SetupEvent::Kind::StepStarted, -1, StepId::SwitchGuards,
        tr("check that %1 can rejoin %2 without a copy").arg(f, w));
    SwitchoverGuards guards(m_profile, run.worker(0), run.worker(1), writer, fenced);
    out.checks = guards.rejoin();
    for (const Finding& c : out.checks)
        run.report(
            c.severity == Finding::Severity::Error ? SetupEvent::Kind::Warning : SetupEvent::Kind::Info,
            m_profile.serverIndex(c.server), StepId::SwitchGuards,
            c.fix.isEmpty() ? c.text : QStringLiteral("%1 → %2").arg(c.text, c.fix), c.code);
    const QList<OperationStep> all = steps(run);
    for (const OperationStep& s : all)
        out.steps << s.intent;
    if (m_options.dryRun) // what the run itself would refuse first: a run of the pair not ended
        run.addJournalCheck(m_options.journalPath, StepId::SwitchGuards, out.checks);
    if (SwitchoverGuards::refused(out.checks)) {
        out.refused = true;
        out.error = StepError { {}, StepId::SwitchGuards, 0, tr("refused: nothing was changed") };
        run.report(SetupEvent::Kind::StepFailed, -1, StepId::SwitchGuards, out.error.text);
        return out;
    }
    run.report(SetupEvent::Kind::StepFinished, -1, StepId::SwitchGuards, tr("every check passed"));
    if (m_options.dryRun) {
        out.ok = true;
        return out;
    }
    auto journal = run.beginJournal(m_options.journalPath, StepId::Rejoin);
    if (!journal) {
        out.error = journal.error();
        out.refused = true;
        return out;
    }
    m_journal = *journal;
    for (const OperationStep& s : all) {
        out.cancelled = m_options.cancel && m_options.cancel->load();
        if (!out.cancelled && run.take(s))
            continue;
        out.error = out.cancelled
            ? StepError { {}, StepId::Cancel, 0, tr("cancelled before: %1").arg(s.intent) }
            : run.error();
        run.undoTaken();
        out.error.text = tr("%1 — %2 stays fenced").arg(out.error.text, f);
        run.report(SetupEvent::Kind::StepFailed, -1, StepId::Rejoin, out.error.text);
        if (m_journal)
            m_journal->end(out.cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed"));
        return out;
    }
    if (m_journal)
        m_journal->end(QStringLiteral("ok"));
    out.ok = true;
    run.report(SetupEvent::Kind::StepFinished, -1, StepId::Rejoin,
        tr("%1 rejoined: both directions run, %2 is the writer").arg(f, w));
    return out;
}
