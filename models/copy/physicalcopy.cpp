#include "copy/physicalcopy.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "copy/physicalcopyparts.h"
#include "copy/physicalscript.h"
#include "host/blockpipe.h"
#include "host/remotejob.h"
#include "host/serverworker.h"
#include "operation/intentjournal.h"
#include "replication/replicationsteps.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFuture>
#include <QThread>

#include <atomic>

#include <optional>

PhysicalCopy::PhysicalCopy(
    const PairProfile& profile, int source, ServerWorker* const (&workers)[2], const std::atomic_bool* cancel)
    : m_profile(profile)
    , m_source(source)
    , m_workers { workers[0], workers[1] }
    , m_cancel(cancel)
{ }

int PhysicalCopy::intent(int server, const QString& action, const QJsonObject& undo, bool lasting)
{
    return on(server, [action, undo, lasting](ServerContext& ctx) {
        return ctx.intent(StepId::Copy, action, undo, lasting);
    });
}

void PhysicalCopy::release(int server, int& id, bool done)
{
    if (id <= 0)
        return;
    on(server, [id, done](ServerContext& ctx) {
        if (done)
            ctx.intentDone(id);
        else
            ctx.intentReleased(id);
        return 0;
    });
    if (!done)
        id = 0;
}

void PhysicalCopy::recordWorkFolder(
    int server, const QString& dir, int& folderIntent, int& jobIntent, std::optional<RemoteJob>& job)
{
    folderIntent = intent(server, IntentJournal::Action::WorkFolder, { { QStringLiteral("path"), dir } });
    jobIntent = intent(server, IntentJournal::Action::DetachedJob,
        { { QStringLiteral("folder"), dir }, { QStringLiteral("pidFile"), QStringLiteral("job.pid") } });
    job.emplace(m_profile.servers[server].name, StepId::Copy, dir);
}

Result<QMap<QString, QString>> PhysicalCopy::pollHost(int server, const QString& script)
{
    return onShell(server, [script](HostShell& shell) -> Result<QMap<QString, QString>> {
        auto r = shell.run(script, 60000);
        if (!r)
            return std::unexpected(r.error());
        return physicalKeyValues(r->out);
    });
}

Result<void> PhysicalCopy::failIfCancelled() const
{
    if (m_cancel && m_cancel->load())
        return stepFailure(
            m_profile.servers[1 - m_source].name, StepId::Copy, PhysicalCopy::tr("cancelled by the user"));
    return {};
}

void PhysicalCopy::inform(int server, const QString& text) const
{
    if (m_info)
        m_info(m_profile.servers[server].name, text);
}

Result<CopyResult> PhysicalCopy::run(
    const PhysicalCopyCheck& check, const ProgressFn& progress, const InfoFn& info)
{
    m_progress = progress;
    m_info = info;
    for (const Finding& f : check.findings)
        if (f.severity == Finding::Severity::Error)
            return stepFailure(f.server, StepId::Copy,
                f.text + (f.fix.isEmpty() ? QString() : QStringLiteral(": ") + f.fix));
    Undo undo;
    undo.params.backupTool = check.servers[m_source].backupTool;
    undo.params.streamTool = check.servers[1 - m_source].streamTool;
    Result<CopyResult> result = steps(check, undo);
    QStringList problems;
    if (!result)
        putBack(check, undo, problems);
    cleanUp(undo, problems);
    if (!result) {
        StepError e = result.error();
        if (!problems.isEmpty())
            e.text += QLatin1Char('\n') + problems.join(QLatin1Char('\n'));
        return std::unexpected(e);
    }
    for (const QString& p : problems)
        inform(1 - m_source, p);
    return result;
}

Result<CopyResult> PhysicalCopy::steps(const PhysicalCopyCheck& check, Undo& undo)
{
    if (auto r = openSource(check, undo); !r)
        return std::unexpected(r.error());
    if (auto r = failIfCancelled(); !r)
        return std::unexpected(r.error());
    if (auto r = openTarget(check, undo); !r)
        return std::unexpected(r.error());
    QElapsedTimer t;
    t.start();
    auto bytes = relay(check, undo);
    if (!bytes)
        return std::unexpected(bytes.error());
    if (auto r = finishTarget(undo, *bytes); !r)
        return std::unexpected(r.error());
    const qint64 streamedMs = t.elapsed();
    auto coords = backupCoordinates(undo);
    if (!coords)
        return std::unexpected(coords.error());
    if (auto r = failIfCancelled(); !r)
        return std::unexpected(r.error());
    if (auto r = swapIn(check, undo); !r)
        return std::unexpected(r.error());
    // a cancel that came while the server was being swapped (the swap is not cut half-way: the server
    // must come back) is acted on now: run() swaps the old data folder back in
    if (auto r = failIfCancelled(); !r)
        return std::unexpected(r.error());
    const int target = 1 - m_source;
    // the receiver runs on the copy: the backup's account came with it, and goes (not replicated)
    auto own = on(target, [](ServerContext& ctx) -> Result<BinlogCoordinates> {
        if (!ctx.sql || !ctx.sql->isOpen())
            if (auto c = ctx.connect(); !c)
                return std::unexpected(c.error());
        if (auto r = ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 0")); !r)
            return std::unexpected(r.error());
        ctx.sql->exec(ctx.dialect.dropUser(accountName(), QStringLiteral("localhost")));
        ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 1"));
        return ReplicationSteps::readCoordinates(ctx);
    });
    if (!own)
        return std::unexpected(own.error());
    CopyResult result;
    result.source = *coords;
    result.target = *own;
    result.bytes = *bytes;
    result.elapsedMs = streamedMs;
    result.savedCopy = undo.oldDir;
    return result;
}

Result<void> PhysicalCopy::openSource(const PhysicalCopyCheck& check, Undo& undo)
{
    const QString name = m_profile.servers[m_source].name;
    auto dir = onShell(m_source, [name](HostShell& shell) -> Result<QString> {
        return RemoteJob::makeWorkDir(shell, name, StepId::Copy, QStringLiteral("copy"));
    });
    if (!dir)
        return std::unexpected(dir.error());
    undo.params.sourceDir = *dir;
    recordWorkFolder(m_source, *dir, undo.sourceFolderIntent, undo.sourceJobIntent, undo.sourceJob);
    // the backup's own account, on the source's socket alone, made outside the binary log
    const QString password = ReplicationSteps::generatePassword();
    undo.accountMade = true;
    undo.accountIntent = intent(m_source, IntentJournal::Action::CopyAccount,
        { { QStringLiteral("user"), accountName() },
            { QStringLiteral("host"), QStringLiteral("localhost") } });
    const QString cnf = *dir + QStringLiteral("/backup.cnf");
    const QByteArray options = PhysicalScript::optionFile(
        check.servers[m_source].socket, accountName(), password, check.servers[m_source].layout);
    return on(m_source, [password, cnf, options, name](ServerContext& ctx) -> Result<void> {
        const Dialect& d = ctx.dialect;
        const QString account = d.account(accountName(), QStringLiteral("localhost"));
        const bool monitor = d.version().atLeast(10, 5, 2);
        ctx.sql->setStep(StepId::Copy);
        if (auto r = ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 0")); !r)
            return r;
        Result<void> made = ctx.sql->exec(d.dropUser(accountName(), QStringLiteral("localhost")));
        if (made)
            made = ctx.sql->exec(
                QStringLiteral("CREATE USER %1 IDENTIFIED BY %2").arg(account, d.literal(password)),
                QStringLiteral("CREATE USER %1 IDENTIFIED BY '***'").arg(account));
        if (made)
            made = ctx.sql->exec(QStringLiteral("GRANT RELOAD, PROCESS, LOCK TABLES, %1 ON *.* TO %2")
                                     .arg(monitor ? QStringLiteral("BINLOG MONITOR, SLAVE MONITOR")
                                                  : QStringLiteral("REPLICATION CLIENT"),
                                         account));
        ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 1"));
        if (!made)
            return made;
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        return RemoteJob::writePrivateFile(**shell, name, StepId::Copy, cnf, options);
    });
}

Result<void> PhysicalCopy::openTarget(const PhysicalCopyCheck& check, Undo& undo)
{
    const int target = 1 - m_source;
    const QString name = m_profile.servers[target].name;
    const QString parent = QFileInfo(check.servers[target].dataDir).absolutePath();
    // next to the data folder, on its filesystem: the swap is two renames
    auto dir = on(target, [name, parent](ServerContext& ctx) -> Result<QString> {
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        auto r
            = (*shell)->run(QStringLiteral("umask 077; d=$(mktemp -d %1/replipair-copy.XXXXXX) && chmod 700 "
                                           "\"$d\" && echo \"$d\"")
                                .arg(Shell::quote(parent)),
                15000);
        if (!r)
            return std::unexpected(r.error());
        const QString d = QString::fromUtf8(r->out).trimmed();
        if (r->exitCode != 0 || !d.startsWith(QLatin1Char('/')))
            return stepFailure(name, StepId::Copy,
                PhysicalCopy::tr("cannot make a work folder in %1 on %2's host: %3")
                    .arg(parent, name, QString::fromUtf8(r->err).trimmed()));
        return d;
    });
    if (!dir)
        return std::unexpected(dir.error());
    undo.params.targetDir = *dir;
    recordWorkFolder(target, *dir, undo.targetFolderIntent, undo.targetJobIntent, undo.targetJob);
    RemoteJob* tj = &*undo.targetJob;
    RemoteJob* sj = &*undo.sourceJob;
    const QString receive = PhysicalScript::receive(undo.params),
                  backup = PhysicalScript::backup(undo.params);
    auto started = onShell(target, [tj, receive](HostShell& shell) -> Result<void> {
        return tj->start(shell, QStringLiteral("receive"), receive);
    });
    if (!started)
        return started;
    undo.targetJobRunning = true;
    started = onShell(m_source, [sj, backup](HostShell& shell) -> Result<void> {
        return sj->start(shell, QStringLiteral("backup"), backup);
    });
    if (!started)
        return started;
    undo.sourceJobRunning = true;
    inform(m_source,
        PhysicalCopy::tr("%1 --backup --stream=xbstream started on %2's host")
            .arg(undo.params.backupTool, m_profile.servers[m_source].name));
    return {};
}

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
            if (r && r->exitCode == 0 && side == 0)
                pipe.finish();
            else if ((!r || r->exitCode != 0) && pipe.breakOff())
                firstToFail = side;
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
                    .arg(inProblem.isEmpty() ? outProblem : inProblem));
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
