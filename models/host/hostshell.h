#pragma once

#include "common/steperror.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

/** What a command printed and how it ended. */
struct CommandResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
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
    /** Copies to make (path → backup) and files to write (as writeFileAtomic), in one go: every copy first,
     *  then every write, stopping at the first failure; @p copied and @p written count what was done. A
     *  remote shell does it all in one call. */
    virtual Result<void> copyThenWrite(const QList<QPair<QString, QString>>& copies,
        const QList<QPair<QString, QByteArray>>& writes, int& copied, int& written)
    {
        copied = written = 0;
        for (const auto& c : copies) {
            if (auto r = copyFile(c.first, c.second); !r)
                return r;
            ++copied;
        }
        for (const auto& w : writes) {
            if (auto r = writeFileAtomic(w.first, w.second); !r)
                return r;
            ++written;
        }
        return {};
    }
    /** File names (not paths) in @p dir matching a glob like "*.cnf", sorted. */
    virtual Result<QStringList> listDir(const QString& dir, const QString& glob) = 0;
    /** Runs @p command with /bin/sh -c; fails only when it cannot be run or times out, not on a non-zero
     * exit. */
    virtual Result<CommandResult> run(const QString& command, int timeoutMs) = 0;
    /** What happened since the last call that the user should be told; empty for most shells. */
    virtual QList<HostNotice> takeNotices() { return {}; }
};
