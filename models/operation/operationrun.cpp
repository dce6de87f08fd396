#include "operation/operationrun.h"

#include "host/serverworker.h"
#include "operation/intentjournal.h"
#include "setup/pairworkers.h"

#include <QElapsedTimer>

OperationRun::OperationRun(
    const PairProfile& profile, SetupOptions::ShellFactory shellFactory, EventSink onEvent)
    : m_profile(profile)
    , m_onEvent(std::move(onEvent))
{
    SetupOptions options;
    options.shellFactory = std::move(shellFactory);
    m_workers = std::make_unique<PairWorkers>(m_profile, options, PairWorkers::EventSink());
}

OperationRun::~OperationRun() = default;

ServerWorker* OperationRun::worker(int index) const
{
    return m_workers->worker(index);
}

Result<QString> OperationRun::onServer(int index, std::function<Result<QString>(ServerContext&)> fn) const
{
    return worker(index)
        ->submit([fn](ServerContext& ctx) -> Result<QString> {
            if (!ctx.sql || !ctx.sql->isOpen())
                if (auto c = ctx.connect(5); !c)
                    return std::unexpected(c.error());
            return fn(ctx);
        })
        .result();
}

void OperationRun::report(
    SetupEvent::Kind kind, int server, const QString& step, const QString& text, const QString& code) const
{
    if (!m_onEvent)
        return;
    SetupEvent e;
    e.kind = kind;
    e.server = server >= 0 ? m_profile.servers[server].name : QString();
    e.step = step;
    e.text = text;
    e.code = code;
    m_onEvent(e);
}

bool OperationRun::take(const OperationStep& step)
{
    report(SetupEvent::Kind::StepStarted, step.server, step.id, step.intent);
    QElapsedTimer t;
    t.start();
    const Result<QString> done = step.apply();
    SetupEvent e;
    e.kind = done ? SetupEvent::Kind::StepFinished : SetupEvent::Kind::StepFailed;
    e.server = step.server >= 0 ? m_profile.servers[step.server].name : QString();
    e.step = step.id;
    e.text = done ? *done : done.error().text;
    e.elapsedMs = t.elapsed();
    if (m_onEvent)
        m_onEvent(e);
    if (!done) {
        m_error = done.error();
        if (m_error.server.isEmpty() && step.server >= 0)
            m_error.server = m_profile.servers[step.server].name;
        m_error.step = step.id;
        return false;
    }
    m_taken << step;
    return true;
}

bool OperationRun::undoTaken()
{
    bool all = true;
    while (!m_taken.isEmpty()) {
        const OperationStep step = m_taken.takeLast();
        if (!step.undo)
            continue;
        report(SetupEvent::Kind::StepStarted, step.server, StepId::Rollback, tr("undo: %1").arg(step.intent));
        const Result<QString> undone = step.undo();
        report(undone ? SetupEvent::Kind::StepFinished : SetupEvent::Kind::StepFailed, step.server,
            StepId::Rollback,
            undone ? *undone : tr("could NOT undo \"%1\": %2").arg(step.intent, undone.error().text));
        all = all && undone.has_value();
    }
    return all;
}

Result<std::shared_ptr<IntentJournal>> OperationRun::beginJournal(
    const QString& path, const QString& operation) const
{
    if (path.isEmpty())
        return std::shared_ptr<IntentJournal>();
    auto journal = IntentJournal::beginIfFree(path, m_profile.filePath, operation);
    if (!journal)
        report(SetupEvent::Kind::StepFailed, -1, StepId::Journal, journal.error().text);
    return journal;
}

void OperationRun::addJournalCheck(const QString& path, const QString& step, QList<Finding>& checks) const
{
    if (path.isEmpty())
        return;
    if (auto may = IntentJournal::mayBegin(path, m_profile.filePath); !may) {
        const Finding f { Finding::Severity::Error, {}, QStringLiteral("run-not-ended"), may.error().text,
            {} };
        report(SetupEvent::Kind::Warning, -1, step, f.text, f.code);
        checks << f;
    }
}
