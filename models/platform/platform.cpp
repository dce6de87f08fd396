#include "platform/platform.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <libssh/libssh.h>

#include <utility>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <csignal>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#include <windows.h>
#endif

bool Platform::hasPosixShell()
{
#if defined(Q_OS_UNIX)
    return true;
#else
    return false;
#endif
}

QString Platform::posixShell()
{
    return hasPosixShell() ? QStringLiteral("/bin/sh") : QString();
}

QString Platform::noPosixShellReason()
{
    if (hasPosixShell())
        return {};
    return tr(
        "commands on this computer need a POSIX shell (/bin/sh), which Windows does not have: reach the "
        "server over SSH instead");
}

bool Platform::hasSandbox()
{
#if defined(Q_OS_LINUX)
    return true;
#else
    return false;
#endif
}

QString Platform::noSandboxReason()
{
    if (hasSandbox())
        return {};
    return tr("the sandbox (two local MariaDB servers) works on Linux only");
}

bool Platform::isSuperuser()
{
#if defined(Q_OS_UNIX)
    return ::geteuid() == 0;
#else
    return false;
#endif
}

bool Platform::canCreateIn(const QString& folder)
{
#if defined(Q_OS_UNIX)
    return ::access(QFile::encodeName(folder).constData(), W_OK | X_OK) == 0;
#else
    return QFileInfo(folder).isWritable();
#endif
}

bool Platform::canWrite(const QString& path)
{
#if defined(Q_OS_UNIX)
    return ::access(QFile::encodeName(path).constData(), W_OK) == 0;
#else
    return QFileInfo(path).isWritable();
#endif
}

void Platform::syncToDisk(QFile& file)
{
    file.flush();
#if defined(Q_OS_UNIX)
    ::fsync(file.handle());
#elif defined(Q_OS_WIN)
    ::_commit(file.handle());
#endif
}

bool Platform::processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
#if defined(Q_OS_UNIX)
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#elif defined(Q_OS_WIN)
    HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (!h)
        return GetLastError() == ERROR_ACCESS_DENIED;
    DWORD code = 0;
    const bool running = GetExitCodeProcess(h, &code) && code == STILL_ACTIVE;
    CloseHandle(h);
    return running;
#else
    return false;
#endif
}

bool Platform::killProcess(qint64 pid)
{
    if (pid <= 0)
        return false;
#if defined(Q_OS_UNIX)
    return ::kill(pid_t(pid), SIGKILL) == 0;
#elif defined(Q_OS_WIN)
    HANDLE h = OpenProcess(PROCESS_TERMINATE, FALSE, DWORD(pid));
    if (!h)
        return false;
    const bool ended = TerminateProcess(h, 1);
    CloseHandle(h);
    return ended;
#else
    return false;
#endif
}

qint64 Platform::processStartTicks(qint64 pid)
{
#if defined(Q_OS_LINUX)
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // the command name is in parentheses and may hold spaces: count the fields after its ')'
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 19 ? fields.at(19).toLongLong() : 0; // field 22 of the whole line
#else
    Q_UNUSED(pid);
    return 0;
#endif
}

int Platform::sshAgentAuth(ssh_session_struct* session)
{
#if defined(Q_OS_WIN)
    Q_UNUSED(session);
    return SSH_AUTH_DENIED;
#else
    return ssh_userauth_agent(session, nullptr);
#endif
}

void Platform::startInOwnGroup(QProcess& process)
{
#if defined(Q_OS_UNIX)
    process.setChildProcessModifier([] { ::setsid(); });
#elif defined(Q_OS_WIN)
    process.setCreateProcessArgumentsModifier(
        [](QProcess::CreateProcessArguments* args) { args->flags |= CREATE_NEW_PROCESS_GROUP; });
#else
    Q_UNUSED(process);
#endif
}

void Platform::stopProcessGroup(qint64 pid, bool force)
{
    if (pid <= 0)
        return;
#if defined(Q_OS_UNIX)
    ::kill(-pid_t(pid), force ? SIGKILL : SIGTERM);
#elif defined(Q_OS_WIN)
    Q_UNUSED(force);
    // Windows has no polite signal for a console tree: taskkill ends the process and all it started
    QProcess::execute(QStringLiteral("taskkill"),
        { QStringLiteral("/T"), QStringLiteral("/F"), QStringLiteral("/PID"), QString::number(pid) });
#else
    Q_UNUSED(force);
#endif
}

QString Platform::signalName(int signal)
{
#if defined(Q_OS_UNIX)
    for (const auto& [number, name] : { std::pair { SIGPIPE, "PIPE" }, std::pair { SIGKILL, "KILL" },
             std::pair { SIGTERM, "TERM" }, std::pair { SIGINT, "INT" }, std::pair { SIGHUP, "HUP" } })
        if (signal == number)
            return QString::fromLatin1(name);
#endif
    return QString::number(signal);
}
