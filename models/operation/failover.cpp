#include "operation/failover.h"

#include "common/stepid.h"
#include "host/serverworker.h"
#include "operation/hookrunner.h"
#include "operation/intentjournal.h"
#include "operation/operationrun.h"
#include "operation/pairstate.h"
#include "operation/writercontrol.h"
#include "operation/writeroptionfile.h"

Failover::Failover(const PairProfile& profile, const Switchover::Options& options, OperationRun& run)
    : m_profile(profile)
    , m_options(options)
    , m_run(run)
    , m_from(1 - options.to)
    , m_to(options.to)
{ }

QList<OperationStep> Failover::steps()
{
    const QString from = m_profile.servers[m_from].name, to = m_profile.servers[m_to].name;
    const HookRunner hooks(m_profile, m_from, m_to);
    const int timeout = m_options.timeoutSec;
    auto runHook = [hooks](const QString& name) {
        return [hooks, name]() -> Result<QString> {
            auto done = hooks.run(name);
            if (!done)
                return std::unexpected(done.error());
            if (!done->ok())
                return stepFailure({}, StepId::RunHook, done->summary());
            return done->summary();
        };
    };
    auto stopped = std::make_shared<int>(0); ///< the journal's id of the replication stop
    QList<OperationStep> steps;
    steps << OperationStep { StepId::RunHook, -1, hooks.intent(HookRunner::BeforeSwitch),
        runHook(HookRunner::BeforeSwitch), {} };
    steps << OperationStep { StepId::WaitApplied, m_to,
        tr("wait until %1 has applied everything it received from %2 (at most %3 s)")
            .arg(to, from)
            .arg(timeout),
        [this, timeout]() -> Result<QString> {
            return m_run.onServer(m_to, [timeout](ServerContext& ctx) -> Result<QString> {
                if (auto r = WriterControl::waitForRelayLogDrained(ctx, timeout); !r)
                    return std::unexpected(r.error());
                return tr("the relay log is applied");
            });
        },
        {} };
    steps << OperationStep { StepId::StopReplica, m_to, tr("stop %1's replication from %2").arg(to, from),
        [this, stopped]() -> Result<QString> {
            if (m_journal)
                *stopped = m_journal->intent(m_profile.servers[m_to].name, StepId::StopReplica,
                    IntentJournal::Action::ReplicaStopped, {}, true);
            auto r = m_run.onServer(m_to, [](ServerContext& ctx) -> Result<QString> {
                ctx.sql->setStep(StepId::StopReplica);
                if (auto r = ctx.sql->exec(ctx.dialect.stopReplica()); !r)
                    return std::unexpected(r.error());
                return tr("replication from the old writer stopped");
            });
            if (r && m_journal)
                m_journal->done(*stopped);
            return r;
        },
        [this, stopped]() -> Result<QString> {
            auto r = m_run.onServer(m_to, [](ServerContext& ctx) -> Result<QString> {
                ctx.sql->setStep(StepId::StartReplica);
                if (auto r = ctx.sql->exec(ctx.dialect.startReplica()); !r)
                    return std::unexpected(r.error());
                return tr("replication started again");
            });
            if (r && m_journal && *stopped > 0)
                m_journal->released(*stopped);
            return r;
        } };
    steps << OperationStep { StepId::OpenWriter, m_to, tr("make %1 writable").arg(to),
        [this]() -> Result<QString> {
            // a run killed here, before it ended, is put back by recover: the new writer read-only again
            const int id = m_journal
                ? m_journal->intent(m_profile.servers[m_to].name, StepId::OpenWriter,
                    IntentJournal::Action::ReadOnly, QJsonObject { { QStringLiteral("was"), 1 } }, true)
                : 0;
            auto r = m_run.onServer(m_to, [](ServerContext& ctx) -> Result<QString> {
                if (auto r = WriterControl::setReadOnly(ctx, false); !r)
                    return std::unexpected(r.error());
                return tr("read_only = OFF: %1 takes the writes").arg(ctx.profile.name);
            });
            if (r && m_journal)
                m_journal->done(id);
            return r;
        },
        {} };
    steps << OperationStep { StepId::Fence, m_from,
        tr("fence %1: recorded beside the profile, and read_only = ON in its option file where its host "
           "answers")
            .arg(from),
        [this, from, to]() -> Result<QString> {
            QStringList done, failed;
            auto state = PairState::load(m_profile);
            PairState s = state ? *state : PairState();
            s.fence(m_from,
                tr("forced failover to %1 while %2 was unreachable: %2 may hold transactions %1 never "
                   "received; "
                   "rebuild or rejoin it before it takes writes")
                    .arg(to, from));
            s.markUnverified(QStringLiteral("failover"),
                tr("forced failover to %1 while %2 was unreachable").arg(to, from));
            if (auto saved = s.save(m_profile); saved)
                done << tr("%1 fenced in %2").arg(from, PairState::pathFor(m_profile));
            else
                failed << saved.error().text;
            if (auto saved = Switchover::saveWriter(m_profile.filePath, m_profile, m_to))
                done << tr("profile: writer %1").arg(to);
            else
                failed << saved.error().text;
            const PairProfile profile = m_profile;
            auto newWriter = m_run.onServer(m_to,
                [profile](ServerContext& ctx) { return WriterOptionFile::apply(ctx, profile, false, true); });
            (newWriter ? done : failed) << (newWriter ? *newWriter : newWriter.error().toString());
            // the old writer's mysqld is gone; its host may still answer (a crash, a kill): its files then
            // say read-only
            auto oldWriter = m_run.worker(m_from)
                                 ->submit([profile](ServerContext& ctx) {
                                     return WriterOptionFile::apply(ctx, profile, true, false);
                                 })
                                 .result();
            if (oldWriter)
                done << *oldWriter;
            else
                failed << tr(
                    "%1's option file could not be written (%2): before it starts again, set read_only = ON "
                    "in it by hand")
                              .arg(from, oldWriter.error().text);
            if (!failed.isEmpty())
                return stepFailure({}, StepId::Fence,
                    tr("%1 is the writer, but: %2").arg(to, failed.join(QStringLiteral("; "))));
            return done.join(QStringLiteral("; "));
        },
        {} };
    steps << OperationStep { StepId::RunHook, -1, hooks.intent(HookRunner::AfterSwitch),
        runHook(HookRunner::AfterSwitch), {} };
    return steps;
}

Switchover::Outcome Failover::run()
{
    Switchover::Outcome out;
    const QString from = m_profile.servers[m_from].name, to = m_profile.servers[m_to].name;
    SwitchoverGuards guards(m_profile, m_run.worker(0), m_run.worker(1), m_from, m_to);
    m_run.report(SetupEvent::Kind::StepStarted, -1, StepId::SwitchGuards,
        tr("check that %1 is gone and %2 can take the writes").arg(from, to));
    out.checks = guards.forced();
    for (const Finding& f : out.checks)
        m_run.report(
            f.severity == Finding::Severity::Error ? SetupEvent::Kind::Warning : SetupEvent::Kind::Info,
            m_profile.serverIndex(f.server), StepId::SwitchGuards,
            f.fix.isEmpty() ? f.text : QStringLiteral("%1 → %2").arg(f.text, f.fix), f.code);
    const QList<OperationStep> all = steps();
    for (const OperationStep& s : all)
        out.steps << s.intent;
    if (m_options.dryRun) // what the run itself would refuse first: a run of the pair not ended
        m_run.addJournalCheck(m_options.journalPath, StepId::SwitchGuards, out.checks);
    if (SwitchoverGuards::refused(out.checks)) {
        out.refused = true;
        out.error = StepError { {}, StepId::SwitchGuards, 0, tr("refused: nothing was changed") };
        m_run.report(SetupEvent::Kind::StepFailed, -1, StepId::SwitchGuards, out.error.text);
        return out;
    }
    m_run.report(SetupEvent::Kind::StepFinished, -1, StepId::SwitchGuards, tr("every check passed"));
    if (m_options.dryRun) {
        out.ok = true;
        return out;
    }
    auto journal = m_run.beginJournal(m_options.journalPath, StepId::Failover);
    if (!journal) {
        out.error = journal.error();
        out.refused = true;
        return out;
    }
    m_journal = *journal;
    const auto ended = [this](const QString& outcome) {
        if (!m_journal)
            return;
        m_journal->end(outcome);
        if (!m_journal->writeError().isEmpty())
            m_run.report(SetupEvent::Kind::Warning, -1, StepId::Journal,
                tr("the journal %1 could not be written in full: %2")
                    .arg(m_journal->path(), m_journal->writeError()));
        m_journal.reset();
    };
    const int opening
        = 3; // steps before it can be undone; from "make writable" on, the new writer has the role
    for (int i = 0; i < all.size(); ++i) {
        const bool cancelled = i <= opening && m_options.cancel && m_options.cancel->load();
        if (!cancelled && m_run.take(all[i])) {
            if (i == opening) {
                m_run.commitTaken();
                ended(QStringLiteral("ok")); // the new writer took the role: nothing to put back from here
            }
            continue;
        }
        if (i <= opening) {
            out.cancelled = cancelled;
            out.error = cancelled
                ? StepError { {}, StepId::Cancel, 0, tr("cancelled before: %1").arg(all[i].intent) }
                : m_run.error();
            m_run.undoTaken();
            const HookRunner hooks(m_profile, m_from, m_to);
            if (!hooks.command(HookRunner::Rollback).isEmpty()) {
                const auto hook = hooks.run(HookRunner::Rollback);
                m_run.report(
                    hook && hook->ok() ? SetupEvent::Kind::StepFinished : SetupEvent::Kind::StepFailed, -1,
                    StepId::RunHook, hook ? hook->summary() : hook.error().text);
            }
            out.rolledBack = true;
            out.error.text = tr("%1 — failover abandoned: %2 was not opened").arg(out.error.text, to);
            m_run.report(SetupEvent::Kind::StepFailed, -1, StepId::Failover, out.error.text);
            ended(cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed"));
            return out;
        }
        if (out.error.text.isEmpty())
            out.error = m_run.error();
    }
    out.switched = true;
    out.ok = out.error.text.isEmpty();
    m_run.report(out.ok ? SetupEvent::Kind::StepFinished : SetupEvent::Kind::Warning, -1, StepId::Failover,
        out.ok ? tr("%1 is the writer; %2 is fenced until it is rebuilt or rejoined").arg(to, from)
               : tr("%1 is the writer, but: %2").arg(to, out.error.text));
    return out;
}
