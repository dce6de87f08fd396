#pragma once

#include "common/steperror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

/** What a command printed and how it ended. */
struct CommandResult
{
    int exitCode = -1; ///< -1: it ended on a signal (or its end was not seen)
    QByteArray out;
    QByteArray err;
    QString signal; ///< the signal that ended it, as "KILL", "PIPE", when known
};

/** A file to write atomically, and what it must still hold right before it is replaced. */
struct FileReplacement
{
    /** StepError::code of a write refused because the file changed since it was read. */
    static constexpr int ChangedSinceRead = 1001;

    QString path;
    QByteArray content;
    enum class Expect { Anything, Content, Absent };
    Expect expect = Expect::Anything;
    QByteArray expected; ///< with Expect::Content: the bytes it was read with (compared by SHA-256)

    /** Replace @p path only while it still holds @p before (or, when !@p existed, while it does not
     *  exist). */
    static FileReplacement ifUnchanged(
        const QString& path, const QByteArray& content, bool existed, const QByteArray& before)
    {
        return { path, content, existed ? Expect::Content : Expect::Absent, before };
    }
};

/** The two ends of a command run by HostShell::stream(): its standard input handed over in pieces and its
 *  standard output taken in pieces as they come, for data too large to hold (a backup on its way from one
 *  host to another). The functions are called on the shell's thread and may wait a little. */
struct CommandStream
{
    enum class Next {
        Data, ///< the piece holds bytes for the command's stdin
        Later, ///< none yet: asked again soon
        End, ///< no more: the command's stdin is closed
    };
    /** The next bytes for the command's stdin. Null: stdin is closed at once. */
    std::function<Next(QByteArray& piece)> input;
    /** Each piece of the command's stdout, in order; false stops the command. Null: stdout is kept in the
     *  result, as run() does. */
    std::function<bool(QByteArrayView piece)> output;
    /** Asked between pieces: true stops the command. */
    std::function<bool()> stopped;
    /** Nothing moved either way for this long: the command is stopped and the call fails. 0: no limit. */
    int idleTimeoutMs = 600000;
};

/** Something the shell did on its own that the user should be told (e.g. a host key it trusted). */
struct HostNotice
{
    QString id; ///< stable, e.g. "host-key-added"
    QString text; ///< translated
};

/** Read a file, write a file, run a command on a server's host: locally or over SSH.
 *  Used only from the owning server's worker thread. No method ever takes a password. */
class HostShell
{
    Q_DECLARE_TR_FUNCTIONS(HostShell)
public:
    virtual ~HostShell() = default;

    /** "local" or "ssh user@host:port": for messages. */
    virtual QString describe() const = 0;
    virtual Result<bool> exists(const QString& path) = 0;
    virtual Result<QByteArray> readFile(const QString& path) = 0;
    /** Whether @p path (or, when it does not exist, a new file in its folder) could be written, changing
     * nothing. */
    virtual Result<void> checkWritable(const QString& path) = 0;
    /** checkWritable() for each of @p paths, stopping at the first problem; a remote shell asks in one
     *  call. */
    virtual Result<void> checkWritable(const QStringList& paths)
    {
        for (const QString& p : paths)
            if (auto w = checkWritable(p); !w)
                return w;
        return {};
    }
    /** Temporary file in the same folder + rename; an existing file keeps its owner and mode. */
    virtual Result<void> writeFileAtomic(const QString& path, const QByteArray& content) = 0;
    /** Copies @p path to @p backupPath, keeping mode. */
    virtual Result<void> copyFile(const QString& path, const QString& backupPath) = 0;
    virtual Result<void> removeFile(const QString& path) = 0;
    /** Copies to make (path → backup) and files to replace, in one go: every expectation checked first
     *  (nothing is done when one fails), then every copy, then every write (each checking its expectation
     *  again right before its rename), stopping at the first failure; @p copied and @p written count what
     *  was done. A remote shell does it all in one call. A file that no longer holds what was read fails
     *  with code FileReplacement::ChangedSinceRead and is left as it is. */
    virtual Result<void> copyThenWrite(const QList<QPair<QString, QString>>& copies,
        const QList<FileReplacement>& writes, int& copied, int& written);
    /** copyThenWrite(), then, only once every copy and write is done, @p command as run() runs it: over SSH
     *  all in the same remote call (the option file writes and the restart's launch in one round trip).
     *  @p ran stays empty when the command did not run (the writes failed), else holds what it gave, or
     *  why it could not be run. */
    virtual Result<void> copyThenWriteThenRun(const QList<QPair<QString, QString>>& copies,
        const QList<FileReplacement>& writes, int& copied, int& written, const QString& command,
        int timeoutMs, std::optional<Result<CommandResult>>& ran);
    /** writeFileAtomic() of @p w once its file is found as it was read (see FileReplacement); a local shell
     *  checks between writing the temporary file and renaming it. */
    virtual Result<void> replaceFile(const FileReplacement& w);
    /** File names (not paths) in @p dir matching a glob like "*.cnf", sorted. */
    virtual Result<QStringList> listDir(const QString& dir, const QString& glob) = 0;
    /** Runs @p command with /bin/sh -c; fails only when it cannot be run or times out, not on a non-zero
     * exit. */
    virtual Result<CommandResult> run(const QString& command, int timeoutMs) = 0;
    /** Runs @p command with /bin/sh -c like run(), its stdin and stdout streamed through @p ends; its stderr
     *  is kept in the result (its last 64 kB). Fails when it cannot be run, goes idle, or is stopped (by
     *  @p ends: its stdin and stdout are closed then, so a command still writing gets SIGPIPE, and a
     *  command reading its stdin sees its end); a command that ends with a non-zero exit, or on a signal
     *  (exit -1), is a result. */
    virtual Result<CommandResult> stream(const QString& command, const CommandStream& ends) = 0;
    /** Runs every one of @p commands at once on the host in ONE remote call and keeps what each gave: the
     *  next run() of exactly that command hands it over (once) instead of running it again. For commands a
     *  later step will run anyway, asked while the shell waits for nothing else. A local shell does
     *  nothing (a command costs no round trip there). */
    virtual void prefetch(const QStringList& commands, int timeoutMs)
    {
        Q_UNUSED(commands);
        Q_UNUSED(timeoutMs);
    }
    /** What happened since the last call that the user should be told; empty for most shells. */
    virtual QList<HostNotice> takeNotices() { return {}; }

protected:
    /** Whether the file of @p w is as it was read: nothing when it is, else the error to report. */
    Result<void> stillAsRead(const FileReplacement& w);
};
