#pragma once

#include "common/pairprofile.h"
#include "host/hostshell.h"
#include "host/ssh/knownhosts.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

struct ssh_session_struct;
struct ssh_channel_struct;
namespace LibSsh {
class CommandChannel;
}

/** One libssh session to a host: host key verified, user authenticated, reused for every command.
 *  Not thread-safe: used only from the owning server's worker thread. Every call has a deadline. */
class SshSession
{
    Q_DECLARE_TR_FUNCTIONS(SshSession)
public:
    SshSession(QString serverName, SshEndpoint endpoint);
    ~SshSession();
    SshSession(const SshSession&) = delete;
    SshSession& operator=(const SshSession&) = delete;

    /** Connects, checks the host key against knownHostsFile and authenticates; @p timeoutMs bounds each
     *  network wait of the session from now on. */
    Result<void> open(int timeoutMs);
    bool isOpen() const;
    void close();
    /** Runs @p command (given verbatim to the remote user's shell) with @p stdinData on its stdin. */
    Result<CommandResult> exec(
        const QString& command, const QByteArray& stdinData, int timeoutMs, const QString& step);
    /** Runs @p command with its stdin and stdout streamed through @p ends (HostShell::stream); a stopped
     *  command is sent SIGTERM and its channel closed. */
    Result<CommandResult> stream(const QString& command, const CommandStream& ends, const QString& step);
    /** "ssh user@host:port" */
    QString describe() const;

    /** Connects without authenticating and reports the host key: for a confirmation dialog. */
    static Result<SshHostKey> probeHostKey(
        const SshEndpoint& endpoint, int timeoutMs, const QString& serverName = {});
    /** Adds the host's key to knownHostsFile if it is still the one with @p fingerprint the user confirmed
     *  (refuses a changed key). */
    static Result<void> trustHostKey(const SshEndpoint& endpoint, const QString& fingerprint, int timeoutMs,
        const QString& serverName = {});
    /** The host key open() added to known_hosts ("acceptNewHostKey"), if it added one. */
    const std::optional<SshHostKey>& addedHostKey() const { return m_addedHostKey; }

private:
    /** The error of a call that found the connection dead while doing @p what; the next call reconnects. */
    StepError lost(const QString& step, const char* what);
    /** Starts @p command in @p channel on this open session (exec() and stream() both begin so). */
    Result<void> start(LibSsh::CommandChannel& channel, const QString& command, const QString& step);
    /** Waits up to @p maxMs for the exit status of @p channel once its output is closed; false when the
     *  connection died meanwhile. */
    bool awaitExitStatus(ssh_channel_struct* channel, int& status, bool& exited, qint64 maxMs);

    QString m_server;
    SshEndpoint m_endpoint;
    ssh_session_struct* m_session = nullptr;
    int m_timeoutMs = 15000;
    std::optional<SshHostKey> m_addedHostKey;
    bool m_broken = false; ///< a call found the connection dead
};
