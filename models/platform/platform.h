#pragma once

#include <QCoreApplication>
#include <QString>

class QFile;
class QProcess;
struct ssh_session_struct;

/** What this operating system offers RepliPair, and the few POSIX calls behind it. Together with
 *  QuitSignalWatcher this folder is the only place that calls POSIX or Windows APIs: everything else in the
 *  engine, the CLI and the GUI is portable Qt (scripts/check-windows.sh compiles the tree for Windows to keep
 *  it so). Commands on a remote server run in its /bin/sh over SSH and are not this layer's concern. */
class Platform
{
    Q_DECLARE_TR_FUNCTIONS(Platform)

public:
    /** Whether this machine has a POSIX shell: a server without SSH (the local shell), the switch hooks and
     *  the sandbox run commands through it. */
    static bool hasPosixShell();
    /** The shell's path ("/bin/sh"); empty where there is none. */
    static QString posixShell();
    /** Why a command cannot run on this machine, for messages and the UI; empty where it can. */
    static QString noPosixShellReason();

    /** Whether the sandbox (local mariadbd servers started by shell scripts that read /proc) works here:
     *  Linux only. */
    static bool hasSandbox();
    /** Why the sandbox is not offered, for messages and the UI; empty where it is. */
    static QString noSandboxReason();

    /** Whether this process runs as root (the sandbox's servers then run as root too); false on Windows. */
    static bool isSuperuser();
    /** Whether this user may create and rename files in @p folder (an atomic write's needs). */
    static bool canCreateIn(const QString& folder);
    /** Whether this user may write the existing file @p path. */
    static bool canWrite(const QString& path);

    /** Flushes @p file's data to the disk itself (fsync), not only to the operating system. */
    static void syncToDisk(QFile& file);

    /** Whether process @p pid exists (one of another user counts: it exists, it may not be signalled). */
    static bool processAlive(qint64 pid);
    /** "PIPE" for SIGPIPE, "KILL", "TERM", "INT", "HUP": the name of a signal a local command ended on;
     *  others (and everything on Windows, which has no such signals) by number. */
    static QString signalName(int signal);
    /** Ends process @p pid at once (SIGKILL, TerminateProcess); false when it could not be. */
    static bool killProcess(qint64 pid);
    /** When process @p pid started, in the kernel's clock ticks (Linux), so that a reused pid is not taken
     *  for the old process; 0 where it cannot be known. */
    static qint64 processStartTicks(qint64 pid);

    /** libssh's ssh-agent authentication (ssh_userauth_agent, SSH_AUTH_SOCK): libssh has none on Windows,
     *  where this answers SSH_AUTH_DENIED. */
    static int sshAgentAuth(ssh_session_struct* session);

    /** Lets @p process start in a process group of its own, so that stopProcessGroup() reaches what it
     *  starts too. Call before QProcess::start(). */
    static void startInOwnGroup(QProcess& process);
    /** Asks the group started by startInOwnGroup() to stop (SIGTERM), or ends it (@p force: SIGKILL; on
     *  Windows the process tree is always ended). */
    static void stopProcessGroup(qint64 pid, bool force);
};
