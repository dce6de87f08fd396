#pragma once

#include "common/steperror.h"
#include "host/hostshell.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

/** A job detached on a server's host (a restart, a copy): it outlives the command that starts it and a
 *  dropped SSH connection. It runs under setsid as the leader of a session and process group of its own,
 *  stdin from /dev/null, its script, output ("output") and exit status ("status") in a private (0700)
 *  work folder. It is watched by short polls, and stopped by signalling its whole process group (no
 *  "kill --": dash rejects it), waiting until no process of the group is left, SIGKILL after a grace
 *  period; a group that survives even that is reported as a failure. Works the same through a
 *  LocalShell and an SshShell. */
class RemoteJob
{
    Q_DECLARE_TR_FUNCTIONS(RemoteJob)
public:
    enum class Phase {
        Running,
        Finished, ///< exitCode holds its exit status
        Vanished, ///< no exit status and no process: killed from outside (or the host rebooted)
    };
    struct State
    {
        Phase phase = Phase::Running;
        int exitCode = -1;
        QByteArray output; ///< stdout and stderr of the job (its last 16 kB)
        QByteArray appended; ///< what the watched file gained since start() (up to 64 kB)
    };

    /** @p step: the step id its errors carry (StepId::Restart, StepId::Copy). */
    RemoteJob(QString server, QString step, QString workDir);

    /** mktemp -d "${TMPDIR:-/tmp}/replipair-@p kind.XXXXXX" (mode 0700) on the host. */
    static Result<QString> makeWorkDir(
        HostShell& shell, const QString& server, const QString& step, const QString& kind);
    /** Removes a work folder and everything in it (option files included). */
    static Result<void> removeWorkDir(
        HostShell& shell, const QString& server, const QString& step, const QString& workDir);
    /** Writes an empty file of mode 0600, then its content (never through a command line). */
    static Result<void> writePrivateFile(HostShell& shell, const QString& server, const QString& step,
        const QString& path, const QByteArray& content);

    /** A new work folder of @p kind and @p script started in it, in one remote call. */
    static Result<RemoteJob> launch(HostShell& shell, const QString& server, const QString& step,
        const QString& kind, const QString& script, const QString& watchFile = {});
    /** launch() in two halves, for a caller that sends the launch in a remote call of its own (with the
     *  option file writes, HostShell::copyThenWriteThenRun): the script to run, and the job from what it
     *  gave. */
    static QString launchScript(const QString& kind, const QString& script, const QString& watchFile = {});
    static Result<RemoteJob> launched(const HostShell& shell, const QString& server, const QString& step,
        const Result<CommandResult>& ran, const QString& watchFile = {});
    /** Starts @p script (saved as NAME.sh in the work folder) after removing the previous job's state and
     *  the files @p clearFirst (names in the work folder); @p watchFile (may be empty): a file whose
     *  growth state() reports. One remote call. */
    Result<void> start(HostShell& shell, const QString& name, const QString& script,
        const QStringList& clearFirst = {}, const QString& watchFile = {});
    /** Where the job stands now. One remote call, which waits on the host up to @p waitMs for the end. */
    Result<State> state(HostShell& shell, int waitMs = 400) const;
    /** Runs @p pollScript (a job's own) and returns its key=value lines. */
    Result<QMap<QString, QString>> poll(HostShell& shell, const QString& pollScript) const;
    /** TERM to the whole process group, KILL after @p graceMs; returns once no process of the group is
     *  left, fails when one survives the KILL too (or when the host cannot be asked). Then every FIFO in
     *  the work folder (NAME.fifo) is opened once read-write, so that a process outside the group waiting
     *  to open one (a command streaming into or out of the job) is let go. */
    Result<void> stop(HostShell& shell, int graceMs = DefaultGraceMs) const;
    /** Nobody watches the job any more: it removes its work folder itself when it ends with 0 (a failure
     *  keeps it for the admin to read). Done at once when it has already ended with 0. */
    Result<void> release(HostShell& shell) const;
    /** Removes the work folder. */
    Result<void> remove(HostShell& shell) const;
    /** The last lines of a file in the work folder, for an error message. */
    QString tail(HostShell& shell, const QString& file, int lines = 5) const;

    QString workDir() const { return m_workDir; }

    static constexpr int DefaultGraceMs = 10000;

    /** The script stop() runs on the host (exposed for tests): prints "stopped" (with "killed" before it
     *  when SIGKILL was needed) and exits 0, or prints "survived" and exits 1. */
    static QString stopScript(const QString& workDir, int graceMs);
    /** The script that starts a job (exposed for tests); @p workDir empty: makes a new one of @p kind. */
    static QString startScript(const QString& workDir, const QString& kind, const QString& name,
        const QString& script, const QStringList& clearFirst, const QString& watchFile);
    /** Parses what the state script printed (exposed for tests). */
    static std::optional<State> parseState(const QByteArray& printed);

private:
    StepError failure(const QString& text) const;

    QString m_server;
    QString m_step;
    QString m_workDir;
    QString m_watchFile;
    qint64 m_watchFrom = 0;
};
