#pragma once

#include "common/pairprofile.h"
#include "host/hostshell.h"
#include "host/ssh/sshsession.h"

#include <QCoreApplication>
#include <QMap>
#include <memory>

/** HostShell on a remote host over one reused libssh session; with "sudo": true every file access and
 *  command goes through `sudo -n` (never a prompt). No password ever appears on a command line. */
class SshShell : public HostShell
{
    Q_DECLARE_TR_FUNCTIONS(SshShell)
public:
    /** Connects, verifies the host key, authenticates and (with "sudo", unless @p checkSudoNow is false)
     *  checks sudo -n now, so that a refusal surfaces at once. Without the check now, the first remote call
     *  asks it: prefetch() on the way (its batch runs through sudo -n), any other call on its own first. */
    static Result<std::unique_ptr<SshShell>> open(const QString& serverName, const SshEndpoint& endpoint,
        int connectTimeoutMs = 15000, bool checkSudoNow = true);
    /** The server's host key and its known_hosts status, for the GUI's confirmation dialog. */
    static Result<SshHostKey> probeHostKey(const SshEndpoint& endpoint, int timeoutMs);

    QString describe() const override;
    Result<bool> exists(const QString& path) override;
    Result<QByteArray> readFile(const QString& path) override;
    Result<void> checkWritable(const QString& path) override;
    Result<void> checkWritable(const QStringList& paths) override;
    Result<void> writeFileAtomic(const QString& path, const QByteArray& content) override;
    Result<void> copyFile(const QString& path, const QString& backupPath) override;
    Result<void> removeFile(const QString& path) override;
    Result<void> copyThenWrite(const QList<QPair<QString, QString>>& copies,
        const QList<FileReplacement>& writes, int& copied, int& written) override;
    Result<void> copyThenWriteThenRun(const QList<QPair<QString, QString>>& copies,
        const QList<FileReplacement>& writes, int& copied, int& written, const QString& command,
        int timeoutMs, std::optional<Result<CommandResult>>& ran) override;
    Result<QStringList> listDir(const QString& dir, const QString& glob) override;
    Result<CommandResult> run(const QString& command, int timeoutMs) override;
    Result<CommandResult> stream(const QString& command, const CommandStream& ends) override;
    void prefetch(const QStringList& commands, int timeoutMs) override;
    /** The script prefetch() runs (exposed for tests): each command in a subshell of its own, all at once,
     *  then "S <index> <exit>" per command, the byte count of each one's output and error (one wc), a line
     *  "B", and all of them one after the other (one cat): two processes after the commands, whatever their
     *  number. */
    static QString batchScript(const QStringList& commands);
    /** Parses what batchScript() printed: index → result (exposed for tests). */
    static QMap<int, CommandResult> parseBatch(const QByteArray& printed);
    QList<HostNotice> takeNotices() override;

private:
    SshShell(QString serverName, const SshEndpoint& endpoint);
    /** Runs a /bin/sh script (through sudo -n when asked), reconnecting first if the session dropped; with
     *  @p checkSudoFirst, sudo -n is asked first when it has not been yet. */
    Result<CommandResult> script(const QString& step, const QString& body, const QByteArray& stdinData,
        int timeoutMs, bool checkSudoFirst = true);
    /** The command line that runs @p body with /bin/sh (through sudo -n when asked), once the session is
     *  open (reconnecting first if it dropped) and, with @p checkSudoFirst, sudo checked. */
    Result<QString> shellCommand(const QString& body, bool checkSudoFirst = true);
    Result<void> checkSudo();
    /** copyThenWrite(), and with @p then copyThenWriteThenRun(): one script. */
    Result<void> copyWriteRun(const QList<QPair<QString, QString>>& copies,
        const QList<FileReplacement>& writes, int& copied, int& written, const QString& then,
        int thenTimeoutMs, std::optional<Result<CommandResult>>& ran);
    /** Opens (or reopens) the session; notes a host key it added. */
    Result<void> openSession();
    StepError failure(const QString& step, const QString& text) const;
    /** The message for exit @p code of the writability check of @p path (resolved to @p file). */
    StepError writableProblem(const QString& path, const QString& file, int code, const QString& said) const;

    QString m_server;
    SshEndpoint m_endpoint;
    std::unique_ptr<SshSession> m_session;
    int m_connectTimeoutMs = 15000;
    int m_fileTimeoutMs = 30000;
    bool m_sudoChecked = false;
    QList<HostNotice> m_notices;
    QMap<QString, CommandResult> m_prefetched; ///< command → what it gave in prefetch(), handed over once
};
