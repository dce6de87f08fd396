#include "host/localshell.h"

#include "common/stepid.h"
#include "host/childenvironment.h"
#include "platform/platform.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSaveFile>

#include <utility>

LocalShell::LocalShell(QString serverName)
    : m_server(std::move(serverName))
{ }

QString LocalShell::describe() const
{
    return LocalShell::tr("local");
}

Result<bool> LocalShell::exists(const QString& path)
{
    return QFileInfo::exists(path);
}

Result<QByteArray> LocalShell::readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return stepFailure(
            m_server, StepId::ReadFile, LocalShell::tr("cannot read %1: %2").arg(path, f.errorString()));
    return f.readAll();
}

Result<void> LocalShell::checkWritable(const QString& path)
{
    const QFileInfo info(path);
    // The atomic write needs a new file in the folder; an existing file must itself be writable too,
    // since its replacement keeps its owner and mode.
    if (!Platform::canCreateIn(info.absolutePath()))
        return stepFailure(m_server, StepId::CheckConfig,
            LocalShell::tr("the folder %1 is not writable by this user, so %2 cannot be replaced")
                .arg(info.absolutePath(), path));
    if (info.exists() && !Platform::canWrite(path))
        return stepFailure(
            m_server, StepId::CheckConfig, LocalShell::tr("%1 is not writable by this user").arg(path));
    return {};
}

Result<void> LocalShell::writeFileAtomic(const QString& path, const QByteArray& content)
{
    QSaveFile f(path); // temporary file in the same folder, renamed over the target; keeps permissions
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size() || !f.commit())
        return stepFailure(
            m_server, StepId::WriteFile, LocalShell::tr("cannot write %1: %2").arg(path, f.errorString()));
    return {};
}

Result<void> LocalShell::replaceFile(const FileReplacement& w)
{
    // the temporary file first, then the check, then the rename: the gap is as short as it can be
    QSaveFile f(w.path);
    if (!f.open(QIODevice::WriteOnly) || f.write(w.content) != w.content.size())
        return stepFailure(
            m_server, StepId::WriteFile, LocalShell::tr("cannot write %1: %2").arg(w.path, f.errorString()));
    if (auto same = stillAsRead(w); !same) {
        f.cancelWriting();
        f.commit(); // only removes the temporary file
        StepError e = same.error();
        e.server = m_server;
        return std::unexpected(e);
    }
    if (!f.commit())
        return stepFailure(m_server, StepId::WriteFile,
            LocalShell::tr("cannot write %1 (left unchanged): %2").arg(w.path, f.errorString()));
    return {};
}

Result<void> LocalShell::copyFile(const QString& path, const QString& backupPath)
{
    QFile::remove(backupPath);
    if (!QFile::copy(path, backupPath))
        return stepFailure(
            m_server, StepId::Backup, LocalShell::tr("cannot copy %1 to %2").arg(path, backupPath));
    return {};
}

Result<void> LocalShell::removeFile(const QString& path)
{
    if (QFileInfo::exists(path) && !QFile::remove(path))
        return stepFailure(m_server, StepId::RemoveFile, LocalShell::tr("cannot remove %1").arg(path));
    return {};
}

Result<QStringList> LocalShell::listDir(const QString& dir, const QString& glob)
{
    QDir d(dir);
    if (!d.exists())
        return stepFailure(m_server, StepId::ListFolder, LocalShell::tr("folder %1 does not exist").arg(dir));
    return d.entryList({ glob }, QDir::Files, QDir::Name);
}

Result<CommandResult> LocalShell::run(const QString& command, int timeoutMs)
{
    if (!Platform::hasPosixShell())
        return stepFailure(m_server, StepId::RunCommand, Platform::noPosixShellReason());
    QProcess p;
    p.setProcessEnvironment(ChildEnvironment::make()); // no profile's secret reaches a command (or a server)
    p.start(Platform::posixShell(), { QStringLiteral("-c"), command });
    if (!p.waitForStarted(5000))
        return stepFailure(
            m_server, StepId::RunCommand, LocalShell::tr("cannot start /bin/sh: %1").arg(p.errorString()));
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        return stepFailure(m_server, StepId::RunCommand,
            LocalShell::tr("\"%1\" did not finish within %2 s").arg(command).arg(timeoutMs / 1000));
    }
    CommandResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

Result<CommandResult> LocalShell::stream(const QString& command, const CommandStream& ends)
{
    if (!Platform::hasPosixShell())
        return stepFailure(m_server, StepId::RunCommand, Platform::noPosixShellReason());
    constexpr qint64 MaxPending = 4 * 1024 * 1024; // what waits for the command's stdin, at most
    constexpr qsizetype MaxErr = 64 * 1024;
    QProcess p;
    p.setProcessEnvironment(ChildEnvironment::make());
    p.start(Platform::posixShell(), { QStringLiteral("-c"), command });
    if (!p.waitForStarted(5000))
        return stepFailure(
            m_server, StepId::RunCommand, LocalShell::tr("cannot start /bin/sh: %1").arg(p.errorString()));
    const auto stop = [&](const QString& why) {
        p.kill();
        p.waitForFinished(5000);
        return stepFailure(m_server, StepId::RunCommand, why);
    };
    bool inputOpen = bool(ends.input);
    if (!inputOpen)
        p.closeWriteChannel();
    CommandResult r;
    QByteArray piece;
    QDeadlineTimer idle(ends.idleTimeoutMs > 0 ? ends.idleTimeoutMs : -1);
    for (;;) {
        if (ends.stopped && ends.stopped())
            return stop(LocalShell::tr("\"%1\" was stopped").arg(command));
        bool moved = false;
        if (inputOpen && p.bytesToWrite() < MaxPending && p.state() == QProcess::Running) {
            piece.clear();
            switch (ends.input(piece)) {
            case CommandStream::Next::Data:
                p.write(piece);
                moved = true;
                break;
            case CommandStream::Next::Later:
                break;
            case CommandStream::Next::End:
                p.closeWriteChannel(); // once what waits is written
                inputOpen = false;
                moved = true;
                break;
            }
        }
        const qint64 pending = p.bytesToWrite();
        if (pending > 0 && p.waitForBytesWritten(moved ? 0 : 20))
            moved = moved || p.bytesToWrite() < pending;
        const QByteArray out = p.readAllStandardOutput();
        if (!out.isEmpty()) {
            moved = true;
            if (!ends.output)
                r.out += out;
            else if (!ends.output(out))
                return stop(LocalShell::tr("\"%1\" was stopped").arg(command));
        }
        r.err += p.readAllStandardError();
        if (r.err.size() > MaxErr)
            r.err.remove(0, r.err.size() - MaxErr);
        if (p.state() == QProcess::NotRunning && p.bytesAvailable() == 0)
            break;
        if (moved) {
            if (ends.idleTimeoutMs > 0)
                idle.setRemainingTime(ends.idleTimeoutMs);
        } else if (idle.hasExpired()) {
            return stop(LocalShell::tr("nothing moved through \"%1\" for %2 s")
                            .arg(command)
                            .arg(ends.idleTimeoutMs / 1000));
        }
        // reads what came and notices the end (the input waits on its own)
        if (p.state() != QProcess::NotRunning)
            p.waitForReadyRead(moved || inputOpen ? 0 : 20);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    if (p.exitStatus() == QProcess::CrashExit)
        r.signal = Platform::signalName(p.exitCode()); // QProcess keeps the signal there
    return r;
}
