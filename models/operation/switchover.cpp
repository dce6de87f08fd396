#include "operation/switchover.h"

#include "common/stepid.h"
#include "host/serverworker.h"
#include "operation/failover.h"
#include "operation/hookrunner.h"
#include "operation/intentjournal.h"
#include "operation/operationrun.h"
#include "operation/writercontrol.h"
#include "operation/writeroptionfile.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <memory>

Switchover::Switchover(PairProfile profile, Options options, EventSink onEvent)
    : m_profile(std::move(profile))
    , m_options(std::move(options))
    , m_onEvent(std::move(onEvent))
    , m_from(1 - m_options.to)
    , m_to(m_options.to)
{ }

Switchover::~Switchover() = default;

Result<void> Switchover::saveWriter(const QString& path, const PairProfile& profile, int writer)
{
    if (path.isEmpty())
        return stepFailure(
            {}, StepId::WriterRole, tr("the profile is not saved in a file: its \"writer\" stays as it was"));
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return stepFailure({}, StepId::WriterRole, tr("cannot read %1: %2").arg(path, in.errorString()));
    QJsonObject json = QJsonDocument::fromJson(in.readAll()).object();
    in.close();
    json.insert(QStringLiteral("writer"), writer < 0 ? QStringLiteral("both") : profile.servers[writer].name);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return stepFailure({}, StepId::WriterRole, tr("cannot write %1: %2").arg(path, out.errorString()));
    out.write(QJsonDocument(json).toJson(QJsonDocument::Indented));
    if (!out.commit())
        return stepFailure({}, StepId::WriterRole, tr("cannot write %1: %2").arg(path, out.errorString()));
    return {};
}

Switchover::Outcome Switchover::run()
{
    OperationRun run(m_profile, m_options.shellFactory, m_onEvent);
    if (m_options.force)
        return Failover(m_profile, m_options, run).run();
    return planned(run);
}

QList<OperationStep> Switchover::beforeOpening(OperationRun& run)
{
    const QString from = m_profile.servers[m_from].name, to = m_profile.servers[m_to].name;
    const HookRunner hooks(m_profile, m_from, m_to);
    const int timeout = m_options.timeoutSec;
    auto deadline = std::make_shared<QDeadlineTimer>(QDeadlineTimer::Forever);
    auto final = std::make_shared<BinlogStatus>();
    auto intent = std::make_shared<int>(0); ///< the journal's id of the old writer's read_only change
    auto remaining
        = [deadline] { return int(std::max<qint64>(1, (deadline->remainingTime() + 999) / 1000)); };
    QList<OperationStep> steps;
    steps << OperationStep { StepId::RunHook, -1, hooks.intent(HookRunner::BeforeSwitch),
        [hooks]() -> Result<QString> {
            auto done = hooks.run(HookRunner::BeforeSwitch);
            if (!done)
                return std::unexpected(done.error());
            if (!done->ok())
                return stepFailure({}, StepId::RunHook, done->summary());
            return done->summary();
        },
        {} };
    steps << OperationStep { StepId::SetReadOnly, m_from,
        tr("make %1 read-only: new writes there fail at once").arg(from),
        [&run, this, deadline, timeout, intent]() -> Result<QString> {
            *deadline = QDeadlineTimer(qint64(timeout) * 1000);
            // lasting: on success the old writer stays read-only; recover puts it back only when the run
            // did not end
            if (m_journal)
                *intent = m_journal->intent(m_profile.servers[m_from].name, StepId::SetReadOnly,
                    IntentJournal::Action::ReadOnly, QJsonObject { { QStringLiteral("was"), 0 } }, true);
            auto r = run.onServer(m_from, [timeout](ServerContext& ctx) -> Result<QString> {
                if (auto r = WriterControl::setReadOnly(ctx, true, timeout); !r)
                    return std::unexpected(r.error());
                return tr("read_only = ON");
            });
            if (r && m_journal)
                m_journal->done(*intent);
            return r;
        },
        [&run, this, intent]() -> Result<QString> {
            auto r = run.onServer(m_from, [](ServerContext& ctx) -> Result<QString> {
                if (auto r = WriterControl::setReadOnly(ctx, false); !r)
                    return std::unexpected(r.error());
                return tr("read_only = OFF: %1 takes writes again").arg(ctx.profile.name);
            });
            if (r && m_journal && *intent > 0)
                m_journal->released(*intent);
            return r;
        } };
    steps << OperationStep { StepId::WaitTransactions, m_from,
        tr("wait until the write transactions running on %1 end (at most %2 s)").arg(from).arg(timeout),
        [&run, this, remaining]() -> Result<QString> {
            const int left = remaining();
            return run.onServer(m_from, [left](ServerContext& ctx) -> Result<QString> {
                auto r = WriterControl::waitForWriteTransactions(ctx, left);
                if (!r)
                    return std::unexpected(r.error());
                return r->isEmpty() ? tr("no write transaction open")
                                    : tr("no write transaction open; %1").arg(*r);
            });
        },
        {} };
    steps << OperationStep { StepId::FinalPosition, m_from, tr("read where %1's binary log ends").arg(from),
        [&run, this, final]() -> Result<QString> {
            return run.onServer(m_from, [final](ServerContext& ctx) -> Result<QString> {
                auto end = WriterControl::binlogEnd(ctx);
                if (!end)
                    return std::unexpected(end.error());
                *final = *end;
                return QStringLiteral("%1:%2").arg(end->file).arg(end->position);
            });
        },
        {} };
    steps << OperationStep { StepId::WaitApplied, m_to, tr("wait until %1 has applied exactly that").arg(to),
        [&run, this, final, remaining]() -> Result<QString> {
            const int left = remaining();
            const BinlogStatus end = *final;
            return run.onServer(m_to, [end, left](ServerContext& ctx) -> Result<QString> {
                if (auto r = WriterControl::waitForApplied(ctx, end, left); !r)
                    return std::unexpected(r.error());
                return tr("applied up to %1:%2").arg(end.file).arg(end.position);
            });
        },
        {} };
    steps << OperationStep { StepId::OpenWriter, m_to, tr("make %1 writable").arg(to),
        [&run, this]() -> Result<QString> {
            const int id = m_journal
                ? m_journal->intent(m_profile.servers[m_to].name, StepId::OpenWriter,
                    IntentJournal::Action::ReadOnly, QJsonObject { { QStringLiteral("was"), 1 } }, true)
                : 0;
            auto r = run.onServer(m_to, [](ServerContext& ctx) -> Result<QString> {
                if (auto r = WriterControl::setReadOnly(ctx, false); !r)
                    return std::unexpected(r.error());
                return tr("read_only = OFF: %1 takes the writes").arg(ctx.profile.name);
            });
            if (r && m_journal)
                m_journal->done(id);
            return r;
        },
        {} };
    return steps;
}

QList<OperationStep> Switchover::afterOpening(OperationRun& run)
{
    const QString from = m_profile.servers[m_from].name, to = m_profile.servers[m_to].name;
    const HookRunner hooks(m_profile, m_from, m_to);
    QList<OperationStep> steps;
    steps << OperationStep { StepId::WriterRole, -1,
        tr("record %1 as the writer: the profile, and read_only in both option files (%1 OFF, %2 ON)")
            .arg(to, from),
        [&run, this]() -> Result<QString> {
            QStringList done, failed;
            if (auto saved = saveWriter(m_profile.filePath, m_profile, m_to))
                done << tr("profile: writer %1").arg(m_profile.servers[m_to].name);
            else
                failed << saved.error().text;
            // both servers' files at once, each on its own worker
            QFuture<Result<QString>> files[2];
            for (int i : { m_to, m_from }) {
                const PairProfile profile = m_profile;
                const bool readOnly = i == m_from;
                files[i] = run.worker(i)->submit([profile, readOnly](ServerContext& ctx) {
                    return WriterOptionFile::apply(ctx, profile, readOnly, true);
                });
            }
            for (int i : { m_to, m_from }) {
                const Result<QString> file = files[i].result();
                (file ? done : failed) << (file ? *file : file.error().toString());
            }
            if (!failed.isEmpty())
                return stepFailure({}, StepId::WriterRole,
                    tr("%1 is the writer, but: %2 — fix this by hand")
                        .arg(m_profile.servers[m_to].name, failed.join(QStringLiteral("; "))));
            return done.join(QStringLiteral("; "));
        },
        {} };
    steps << OperationStep { StepId::RunHook, -1, hooks.intent(HookRunner::AfterSwitch),
        [hooks]() -> Result<QString> {
            auto done = hooks.run(HookRunner::AfterSwitch);
            if (!done)
                return std::unexpected(done.error());
            if (!done->ok())
                return stepFailure({}, StepId::RunHook, done->summary());
            return done->summary();
        },
        {} };
    const int timeout = m_options.timeoutSec;
    steps << OperationStep { StepId::VerifyWriter, m_to,
        tr("verify: a row written on %1 arrives on %2").arg(to, from),
        [&run, this, timeout]() -> Result<QString> {
            const QString db = m_profile.probeDatabase();
            auto beat = std::make_shared<WriterControl::BeatPosition>();
            auto written = run.onServer(m_to, [db, beat](ServerContext& ctx) -> Result<QString> {
                auto b = WriterControl::writeBeat(ctx, db);
                if (!b)
                    return std::unexpected(b.error());
                *beat = *b;
                return QString();
            });
            if (!written)
                return std::unexpected(written.error());
            const WriterControl::BeatPosition b = *beat;
            return run.onServer(m_from, [b, timeout](ServerContext& ctx) -> Result<QString> {
                auto arrived = WriterControl::waitForBeat(ctx, b, timeout);
                if (!arrived)
                    return std::unexpected(arrived.error());
                if (!*arrived)
                    return stepFailure(ctx.profile.name, StepId::VerifyWriter,
                        tr("a row written on the new writer did not arrive here within %1 s").arg(timeout));
                return tr("a row written on the new writer arrived");
            });
        },
        {} };
    return steps;
}

Switchover::Outcome Switchover::planned(OperationRun& run)
{
    Outcome out;
    const QString from = m_profile.servers[m_from].name, to = m_profile.servers[m_to].name;
    SwitchoverGuards guards(m_profile, run.worker(0), run.worker(1), m_from, m_to);
    run.report(SetupEvent::Kind::StepStarted, -1, StepId::SwitchGuards,
        tr("check that %1 can take the writes from %2").arg(to, from));
    out.checks = guards.planned(m_options.limits);
    for (const Finding& f : out.checks)
        run.report(
            f.severity == Finding::Severity::Error ? SetupEvent::Kind::Warning : SetupEvent::Kind::Info,
            m_profile.serverIndex(f.server), StepId::SwitchGuards,
            f.fix.isEmpty() ? f.text : QStringLiteral("%1 → %2").arg(f.text, f.fix), f.code);
    const QList<OperationStep> before = beforeOpening(run), after = afterOpening(run);
    for (const OperationStep& s : before + after)
        out.steps << s.intent;
    if (m_options.dryRun) // what the run itself would refuse first: a run of the pair not ended
        run.addJournalCheck(m_options.journalPath, StepId::SwitchGuards, out.checks);
    if (SwitchoverGuards::refused(out.checks)) {
        out.refused = true;
        // the writer as it is (the target itself when it is the writer already)
        const int writer = m_profile.writerIndex() >= 0 ? m_profile.writerIndex() : m_from;
        out.error = StepError { {}, StepId::SwitchGuards, 0,
            tr("refused: %1 stays the writer, nothing was changed").arg(m_profile.servers[writer].name) };
        run.report(SetupEvent::Kind::StepFailed, -1, StepId::SwitchGuards, out.error.text);
        return out;
    }
    run.report(SetupEvent::Kind::StepFinished, -1, StepId::SwitchGuards, tr("every check passed"));
    if (m_options.dryRun) {
        out.ok = true;
        return out;
    }
    auto journal = run.beginJournal(m_options.journalPath, StepId::Switchover);
    if (!journal) {
        out.error = journal.error();
        out.refused = true;
        return out;
    }
    m_journal = *journal;
    const auto ended = [this, &out, &run] {
        if (!m_journal)
            return;
        // past the opening of the new writer nothing is put back: a step after it that fails is reported
        m_journal->end(out.switched ? QStringLiteral("ok")
                : out.cancelled     ? QStringLiteral("cancelled")
                                    : QStringLiteral("failed"));
        if (!m_journal->writeError().isEmpty())
            run.report(SetupEvent::Kind::Warning, -1, StepId::Journal,
                tr("the journal %1 could not be written in full: %2")
                    .arg(m_journal->path(), m_journal->writeError()));
    };
    QElapsedTimer t;
    t.start();
    for (const OperationStep& s : before) {
        const bool cancelled = m_options.cancel && m_options.cancel->load();
        if (!cancelled && run.take(s))
            continue;
        out.cancelled = cancelled;
        out.error = cancelled ? StepError { {}, StepId::Cancel, 0, tr("cancelled before: %1").arg(s.intent) }
                              : run.error();
        const bool undone = run.undoTaken();
        const HookRunner hooks(m_profile, m_from, m_to);
        if (!hooks.command(HookRunner::Rollback).isEmpty()) {
            run.report(SetupEvent::Kind::StepStarted, -1, StepId::RunHook,
                tr("run the rollback hook: %1").arg(hooks.command(HookRunner::Rollback)));
            const auto hook = hooks.run(HookRunner::Rollback);
            run.report(hook && hook->ok() ? SetupEvent::Kind::StepFinished : SetupEvent::Kind::StepFailed, -1,
                StepId::RunHook, hook ? hook->summary() : hook.error().text);
        }
        out.rolledBack = true;
        out.error.text = undone
            ? tr("%1 — rolled back: %2 is the writer again").arg(out.error.text, from)
            : tr("%1 — the roll back failed: look at %2 (read_only) now").arg(out.error.text, from);
        run.report(SetupEvent::Kind::StepFailed, -1, StepId::Switchover, out.error.text);
        ended();
        return out;
    }
    out.elapsedMs = t.elapsed();
    out.switched = true;
    run.commitTaken(); // past the point of no return: the new writer took writes
    ended(); // and for recover: nothing of this run is to be put back from here on
    out.ok = true;
    for (const OperationStep& s : after)
        if (!run.take(s) && out.ok) {
            out.ok = false;
            out.error = run.error();
        }
    run.report(out.ok ? SetupEvent::Kind::StepFinished : SetupEvent::Kind::Warning, -1, StepId::Switchover,
        out.ok ? tr("%1 is the writer (writes paused %2 ms)").arg(to).arg(out.elapsedMs)
               : tr("%1 is the writer, but a step after the switch failed: %2").arg(to, out.error.text));
    return out;
}
