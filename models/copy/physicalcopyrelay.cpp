#include "copy/physicalcopyparts.h"

#include "common/stepid.h"
#include "host/blockpipe.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QThread>

#include <atomic>

// The stream from the source's host to the receiver's: one long-lived command on each, the bytes carried
// between the two SSH sessions through memory.

namespace {
/** What the relay holds in memory between the two hosts, at most. */
constexpr qint64 RelayBufferBytes = 16 * 1024 * 1024;
/** Nothing moved through one of the relay's commands for this long: the copy fails. */
constexpr int RelayIdleMs = 600000;

/** The signal one of the relay's commands ended on: as reported, or as the shell (sudo) between passed
 *  it on, exit 128 + its number. Empty when it ended otherwise. */
QString endSignal(const CommandResult& r)
{
    if (!r.signal.isEmpty())
        return r.signal;
    switch (r.exitCode) {
    case 128 + 1:
        return QStringLiteral("HUP");
    case 128 + 2:
        return QStringLiteral("INT");
    case 128 + 9:
        return QStringLiteral("KILL");
    case 128 + 13:
        return QStringLiteral("PIPE");
    case 128 + 15:
        return QStringLiteral("TERM");
    }
    return {};
}

/** How one of the relay's commands ended, for an error; empty when it ended well. */
QString streamProblem(const Result<CommandResult>& r)
{
    if (!r)
        return r.error().text;
    if (r->exitCode == 0)
        return {};
    if (const QString signal = endSignal(*r); !signal.isEmpty())
        return PhysicalCopy::tr("ended by SIG%1").arg(signal);
    if (r->exitCode < 0)
        return PhysicalCopy::tr("ended without an exit status");
    return PhysicalCopy::tr("exit %1: %2")
        .arg(r->exitCode)
        .arg(QString::fromUtf8(r->err).trimmed().section(QLatin1Char('\n'), -3));
}
} // namespace

Result<qint64> PhysicalCopy::relay(const PhysicalCopyCheck& check, Undo& undo)
{
    const int target = 1 - m_source;
    const QString from = m_profile.servers[m_source].name, to = m_profile.servers[target].name;
    const QString sdir = undo.params.sourceDir, tdir = undo.params.targetDir;
    CopyProgress p;
    p.phase = CopyProgress::Phase::Copy;
    p.byBytes = true;
    p.estimatedBytes = check.sourceBytes;
    QElapsedTimer t, lastReport;
    t.start();
    lastReport.start();
    // One long-lived command on each host, each on its worker's session: the backup's FIFO read out on
    // the source's host, the receiving job's FIFO fed on the receiver's; the bytes go from one to the other
    // through a bounded pipe in memory. Whichever end fails first breaks the pipe, which stops the other.
    BlockPipe pipe(RelayBufferBytes);
    std::atomic_int firstToFail { -1 };
    const auto runEnd = [&pipe, &firstToFail](int side, const QString& command, const CommandStream& ends) {
        return [&pipe, &firstToFail, side, command, ends](ServerContext& ctx) -> Result<CommandResult> {
            auto shell = ctx.hostShell();
            Result<CommandResult> r = shell ? (*shell)->stream(command, ends)
                                            : Result<CommandResult>(std::unexpected(shell.error()));
            const bool ok = r && r->exitCode == 0;
            if (side == 0 && ok) {
                pipe.finish();
            } else if (side == 0) {
                if (pipe.breakOff())
                    firstToFail = 0;
            } else {
                // the receiving end is over: a source still sending (it ended early) must not wait on it
                const bool early = !ok || !pipe.finished() || pipe.bytesOut() != pipe.bytesIn();
                if (pipe.breakOff() && early)
                    firstToFail = 1;
            }
            return r;
        };
    };
    QFuture<Result<CommandResult>> sent = m_workers[m_source]->submit(
        runEnd(0, PhysicalScript::streamOut(sdir), pipe.sourceEnd(RelayIdleMs)));
    QFuture<Result<CommandResult>> received
        = m_workers[target]->submit(runEnd(1, PhysicalScript::streamIn(tdir), pipe.targetEnd(RelayIdleMs)));
    bool cancelled = false;
    while (!sent.isFinished() || !received.isFinished()) {
        if (!cancelled && m_cancel && m_cancel->load()) {
            cancelled = true;
            pipe.breakOff();
        }
        QThread::msleep(20);
        if (lastReport.elapsed() >= m_pollMs) {
            lastReport.restart();
            p.bytes = pipe.bytesOut();
            p.elapsedMs = t.elapsed();
            if (m_progress)
                m_progress(p);
        }
    }
    if (auto c = failIfCancelled(); !c)
        return std::unexpected(c.error());
    const Result<CommandResult> out = sent.result(), in = received.result();
    const qint64 bytes = pipe.bytesOut();
    // the backup's own failure (a killed mariadb-backup) explains a stream that ended early
    const auto backupState
        = [&](int waitMs) { return pollHost(m_source, PhysicalScript::poll(sdir, waitMs)); };
    const auto backupFailure = [&](const QMap<QString, QString>& st) -> std::optional<StepError> {
        const QString rc = st.value(QStringLiteral("backup.rc"));
        if (rc.isEmpty() || rc == QLatin1String("0"))
            return std::nullopt;
        const QString why = on(m_source, [&undo](ServerContext& ctx) {
            auto shell = ctx.hostShell();
            return shell ? undo.sourceJob->tail(**shell, QStringLiteral("backup.err")) : QString();
        });
        return StepError {
            from, StepId::Copy, 0,
            PhysicalCopy::tr("mariadb-backup --backup on %1's host failed (exit %2): %3").arg(from, rc, why)
        };
    };
    const QString outProblem = streamProblem(out), inProblem = streamProblem(in);
    if (!outProblem.isEmpty() || !inProblem.isEmpty()) {
        // the end that failed first is the cause; the receiving job's extraction, or the backup, may explain
        // it
        if (firstToFail == 1 || outProblem.isEmpty()) {
            // fed into a FIFO nobody reads any more (SIGPIPE, or a write error): the extraction failed
            const bool readerGone = in
                && (endSignal(*in) == QLatin1String("PIPE")
                    || (in->exitCode > 0 && endSignal(*in).isEmpty()));
            auto st = readerGone ? pollHost(target, PhysicalScript::poll(tdir, 0))
                                 : Result<QMap<QString, QString>>(QMap<QString, QString>());
            const QString rc = st ? st->value(QStringLiteral("extract.rc")) : QString();
            if (!rc.isEmpty() && rc != QLatin1String("0")) {
                const QString why = on(target, [&undo](ServerContext& ctx) {
                    auto shell = ctx.hostShell();
                    return shell ? undo.targetJob->tail(**shell, QStringLiteral("extract.err")) : QString();
                });
                return stepFailure(to, StepId::Copy,
                    PhysicalCopy::tr("mbstream -x on %1's host failed (exit %2): %3").arg(to, rc, why));
            }
            return stepFailure(to, StepId::Copy,
                PhysicalCopy::tr("the stream into %1's host was cut after %2 bytes (%3)")
                    .arg(to)
                    .arg(bytes)
                    .arg(inProblem.isEmpty() ? PhysicalCopy::tr("its command ended before the stream did")
                                             : inProblem));
        }
        if (auto st = backupState(0); st)
            if (auto b = backupFailure(*st); b && out && out->exitCode == 3)
                return std::unexpected(*b); // the backup ended before its stream was opened
        return stepFailure(from, StepId::Copy,
            PhysicalCopy::tr("the stream from %1's host was cut after %2 bytes (%3)")
                .arg(from)
                .arg(pipe.bytesIn())
                .arg(outProblem));
    }
    // the stream's end: the backup has ended, and ended well
    auto st = backupState(30000);
    if (!st)
        return std::unexpected(st.error());
    if (auto b = backupFailure(*st))
        return std::unexpected(*b);
    if (st->value(QStringLiteral("backup.rc")) != QLatin1String("0"))
        return stepFailure(from, StepId::Copy,
            PhysicalCopy::tr("mariadb-backup --backup on %1's host ended without an exit status").arg(from));
    undo.sourceJobRunning = false;
    // every byte once, in order: what left the FIFO on the source's host is what went into the other
    const qint64 readOut = PhysicalScript::ddBytes(out->err), wroteIn = PhysicalScript::ddBytes(in->err);
    if (readOut != pipe.bytesIn() || wroteIn != bytes || bytes != pipe.bytesIn())
        return stepFailure(to, StepId::Copy,
            PhysicalCopy::tr("the stream lost bytes on its way: %1 read on %2's host, %3 relayed, %4 written "
                             "on %5's host")
                .arg(readOut)
                .arg(from)
                .arg(bytes)
                .arg(wroteIn)
                .arg(to));
    // everything is there: the receiving job prepares the copy
    auto ended = onShell(target, [tdir, bytes](HostShell& shell) -> Result<void> {
        return shell.writeFileAtomic(tdir + QStringLiteral("/end"), QByteArray::number(bytes) + '\n');
    });
    if (!ended)
        return std::unexpected(ended.error());
    p.bytes = bytes;
    p.elapsedMs = t.elapsed();
    p.finished = true;
    if (m_progress)
        m_progress(p);
    return bytes;
}
