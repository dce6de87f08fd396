#include "host/localshell.h"

#include "common/stepid.h"
#include "host/childenvironment.h"
#include "platform/platform.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSaveFile>

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
