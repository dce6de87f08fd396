#include "copy/physicalcopyparts.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "copy/backuptool.h"
#include "host/serverrestart.h"
#include "operation/intentjournal.h"
#include "replication/replicationsteps.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>

// The copy's end on the receiver: the prepared backup, the point it holds, the data folder swap.

Result<void> PhysicalCopy::finishTarget(Undo& undo, qint64 bytes)
{
    Q_UNUSED(bytes);
    const int target = 1 - m_source;
    const QString to = m_profile.servers[target].name;
    const QString tdir = undo.params.targetDir;
    CopyProgress p;
    p.phase = CopyProgress::Phase::Prepare;
    QElapsedTimer t;
    t.start();
    for (;;) {
        if (auto c = failIfCancelled(); !c)
            return c;
        const QString poll = PhysicalScript::poll(tdir, m_pollMs);
        auto state = pollHost(target, poll);
        if (!state)
            return std::unexpected(state.error());
        p.elapsedMs = t.elapsed();
        p.finished = state->contains(QStringLiteral("finished"));
        if (m_progress)
            m_progress(p);
        if (!p.finished)
            continue;
        undo.targetJobRunning = false;
        const auto tail = [&](const QString& file) {
            return on(target, [&undo, file](ServerContext& ctx) {
                auto shell = ctx.hostShell();
                return shell ? undo.targetJob->tail(**shell, file) : QString();
            });
        };
        const QString extract = state->value(QStringLiteral("extract.rc"));
        if (extract != QLatin1String("0"))
            return stepFailure(to, StepId::Copy,
                PhysicalCopy::tr("%4 -x on %1's host failed (exit %2): %3")
                    .arg(to, extract.isEmpty() ? PhysicalCopy::tr("none") : extract,
                        tail(QStringLiteral("extract.err")), QFileInfo(undo.params.streamTool).fileName()));
        const QString prepare = state->value(QStringLiteral("prepare.rc"));
        if (prepare != QLatin1String("0"))
            return stepFailure(to, StepId::Copy,
                PhysicalCopy::tr("%4 --prepare on %1's host failed (exit %2): %3")
                    .arg(to, prepare.isEmpty() ? PhysicalCopy::tr("none") : prepare,
                        tail(QStringLiteral("prepare.err")), QFileInfo(undo.params.backupTool).fileName()));
        inform(
            target, PhysicalCopy::tr("the copy is prepared in %1 (%2 s)").arg(tdir).arg(t.elapsed() / 1000));
        return {};
    }
}

Result<BinlogCoordinates> PhysicalCopy::backupCoordinates(Undo& undo)
{
    const int target = 1 - m_source;
    const QString from = m_profile.servers[m_source].name;
    const QString data = undo.params.targetDir + QStringLiteral("/data");
    auto text = on(target, [data](ServerContext& ctx) -> Result<QString> {
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        auto r = (*shell)->run(QStringLiteral("d=%1\ncat \"$d/mariadb_backup_binlog_info\" 2>/dev/null || "
                                              "cat \"$d/xtrabackup_binlog_info\" 2>/dev/null\nexit 0\n")
                                   .arg(Shell::quote(data)),
            15000);
        if (!r)
            return std::unexpected(r.error());
        return QString::fromUtf8(r->out).trimmed();
    });
    if (!text)
        return std::unexpected(text.error());
    // "file<TAB>position<TAB>gtid", MySQL's GTID set possibly over several lines
    const BinlogCoordinates c = BackupTool::parseBinlogInfo(*text);
    if (c.file.isEmpty())
        return stepFailure(from, StepId::Copy,
            PhysicalCopy::tr("the backup carries no binary log coordinates (is the binary log of %1 on?)")
                .arg(from));
    inform(m_source,
        PhysicalCopy::tr("the backup's point on %1: %2:%3%4")
            .arg(from, c.file)
            .arg(c.position)
            .arg(c.gtid.isEmpty() ? QString() : PhysicalCopy::tr(", GTID %1").arg(c.gtid)));
    return c;
}

Result<void> PhysicalCopy::swapIn(const PhysicalCopyCheck& check, Undo& undo)
{
    const int target = 1 - m_source;
    const PhysicalServerFacts& t = check.servers[target];
    const QString to = m_profile.servers[target].name;
    undo.oldDir = t.dataDir + QStringLiteral("-before-copy-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString script = undo.params.targetDir + QStringLiteral("/swap.sh");
    auto written = onShell(target,
        [script, to,
            body = PhysicalScript::swap(t.dataDir, undo.oldDir,
                undo.params.targetDir + QStringLiteral("/data"), t.pidFile, t.restartCommand)](
            HostShell& shell) -> Result<void> {
            return RemoteJob::writePrivateFile(shell, to, StepId::Copy, script, body.toUtf8());
        });
    if (!written)
        return written;
    // written down before the server is stopped: recover puts the old data folder back
    undo.swapIntent = intent(target, IntentJournal::Action::DataFolderSwap,
        { { QStringLiteral("dataDir"), t.dataDir }, { QStringLiteral("oldDir"), undo.oldDir },
            { QStringLiteral("parkDir"), undo.params.targetDir }, { QStringLiteral("pidFile"), t.pidFile },
            { QStringLiteral("command"), t.restartCommand } },
        true);
    undo.swapStarted = true;
    if (m_progress) {
        CopyProgress p;
        p.phase = CopyProgress::Phase::Swap;
        m_progress(p);
    }
    inform(target,
        PhysicalCopy::tr("stopping %1, moving its data folder to %2, the copy in, starting it")
            .arg(to, undo.oldDir));
    auto back = restartWithScript(t, script, true);
    if (!back)
        return back;
    undo.swapped = true;
    release(target, undo.swapIntent, true);
    inform(target,
        PhysicalCopy::tr("%1 runs on the copy; its old data folder is kept as %2").arg(to, undo.oldDir));
    return {};
}

Result<void> PhysicalCopy::restartWithScript(
    const PhysicalServerFacts& receiver, const QString& script, bool showProgress)
{
    return restartWith(receiver, QStringLiteral("sh ") + Shell::quote(script), showProgress);
}

Result<void> PhysicalCopy::restartWith(
    const PhysicalServerFacts& receiver, const QString& command, bool showProgress)
{
    const int target = 1 - m_source;
    ServerRestart::Options o;
    o.command = command;
    o.errorLog = receiver.errorLog;
    o.timeoutMs = m_profile.servers[target].restartTimeoutSeconds * 1000;
    if (showProgress)
        o.progress = [this, target](const QString& text) { inform(target, text); };
    o.expected.dataDir = receiver.dataDir;
    o.expected.port = receiver.port;
    o.expected.serverId = receiver.serverId;
    return on(target, [o](ServerContext& ctx) -> Result<void> {
        ServerRestart restart(ctx, o);
        return restart.run();
    });
}
