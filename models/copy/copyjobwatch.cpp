#include "copy/copyjobwatch.h"

#include "common/stepid.h"
#include "copy/copyreceiver.h"
#include "copy/copyscript.h"
#include "host/remotejob.h"

#include <QElapsedTimer>

CopyJobWatch::CopyJobWatch(
    CopyReceiver& receiver, RemoteJob& job, const std::atomic_bool* cancel, ProgressFn progress)
    : m_receiver(receiver)
    , m_job(job)
    , m_cancel(cancel)
    , m_progress(std::move(progress))
{ }

void CopyJobWatch::countLoaded(const QStringList& databases, const QString& since)
{
    m_databases = databases;
    m_since = since;
}

Result<CopyJobWatch::Outcome> CopyJobWatch::run(
    const QString& name, const QString& script, CopyProgress progress, bool cancellable)
{
    RemoteJob* job = &m_job;
    auto started = m_receiver.on([job, name, script](ServerContext& ctx) -> Result<void> {
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        // the state files of the previous job in the same folder go first
        return job->start(**shell, name, script,
            { QStringLiteral("dump.pid"), QStringLiteral("dump.rc"), QStringLiteral("load.rc"),
                QStringLiteral("finished"), QStringLiteral("poll.sleep"), QStringLiteral("dump.err"),
                QStringLiteral("load.err"), QStringLiteral("bytes.final") });
    });
    if (!started)
        return std::unexpected(started.error());
    m_running = true;
    // the poll itself waits on the host and returns as soon as the job ends; it waits at most a quarter
    // second so that a cancel is seen at once, while the progress (and the count on the receiver) goes out
    // once per interval
    const QString pollScript = CopyScript::poll(job->workDir(), qMin(m_pollMs, kCancelCheckMs));
    QElapsedTimer t, sinceReport;
    t.start();
    bool reported = false;
    for (;;) {
        if (cancellable && m_cancel && m_cancel->load())
            return stepFailure(m_receiver.name(), StepId::Copy, CopyJobWatch::tr("cancelled by the user"));
        auto polled = m_receiver.on([job, pollScript](ServerContext& ctx) -> Result<QMap<QString, QString>> {
            auto shell = ctx.hostShell();
            if (!shell)
                return std::unexpected(shell.error());
            return job->poll(**shell, pollScript);
        });
        if (!polled)
            return std::unexpected(polled.error());
        const bool finished = polled->contains(QStringLiteral("finished"));
        if (!finished && reported && sinceReport.elapsed() < m_pollMs)
            continue;
        reported = true;
        sinceReport.start();
        // the final count is the dump's own; the live one never goes backwards
        progress.bytes = qMax(progress.bytes, polled->value(QStringLiteral("bytes")).toLongLong());
        if (!m_since.isEmpty()) {
            // a lost answer here only makes one report less precise; the job's exit codes decide
            if (auto l = m_receiver.loaded(m_databases, m_since); l) {
                progress.tables = finished ? l->tables : qMax(0, l->tables - 1);
                progress.rows = qMax(progress.rows, l->rows);
            }
        }
        progress.elapsedMs = t.elapsed();
        progress.finished = finished;
        if (m_progress)
            m_progress(progress);
        if (finished) {
            // the runner writes the job's exit status right after the script's end: once it has, nothing of
            // the job writes into the work folder any more (which the caller may remove next)
            auto ended = m_receiver.on([job](ServerContext& ctx) -> Result<RemoteJob::State> {
                auto shell = ctx.hostShell();
                if (!shell)
                    return std::unexpected(shell.error());
                return job->state(**shell, 5000);
            });
            if (!ended)
                return std::unexpected(ended.error());
            m_running = false;
            return Outcome { *polled, progress.bytes, progress.tables, t.elapsed() };
        }
    }
}

Result<void> CopyJobWatch::stop()
{
    if (!m_running)
        return {};
    RemoteJob* job = &m_job;
    auto stopped = m_receiver.on([job](ServerContext& ctx) -> Result<void> {
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        return job->stop(**shell);
    });
    m_running = false;
    return stopped;
}
