#include "host/ssh/sshsession.h"

#include "common/stepid.h"
#include "host/ssh/knownhosts.h"
#include "host/ssh/libsshhandles.h"
#include "host/ssh/sshauthenticator.h"
#include "host/ssh/sshcommandchannel.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>

#include <libssh/libssh.h>

#include <functional>
#include <memory>
#include <mutex>

namespace {

using namespace LibSsh;

Result<SessionPtr> connectSession(const SshEndpoint& ep, int timeoutMs, const QString& server)
{
    static std::once_flag initOnce;
    std::call_once(initOnce, [] { ssh_init(); });

    SessionPtr s(ssh_new());
    if (!s)
        return stepFailure(
            server, StepId::Ssh, SshSession::tr("cannot create an SSH session (out of memory?)"));
    const QByteArray host = ep.host.toUtf8();
    const QByteArray user = ep.user.toUtf8();
    const QByteArray known = QFile::encodeName(KnownHosts(ep, server).path());
    unsigned int port = unsigned(ep.port);
    long sec = timeoutMs / 1000;
    long usec = (timeoutMs % 1000) * 1000L;
    bool processConfig = false; // the profile is the whole truth: no ~/.ssh/config surprises
    ssh_options_set(s.get(), SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(s.get(), SSH_OPTIONS_PORT, &port);
    if (!user.isEmpty())
        ssh_options_set(s.get(), SSH_OPTIONS_USER, user.constData());
    ssh_options_set(s.get(), SSH_OPTIONS_TIMEOUT, &sec);
    ssh_options_set(s.get(), SSH_OPTIONS_TIMEOUT_USEC, &usec);
    ssh_options_set(s.get(), SSH_OPTIONS_KNOWNHOSTS, known.constData());
    ssh_options_set(s.get(), SSH_OPTIONS_PROCESS_CONFIG, &processConfig);
    // AES-GCM first: with the AES instructions every server CPU has, the cheapest cipher per byte, which a
    // stream of hundreds of GB (the physical copy) feels; the others stay for hosts that want them
    const char* ciphers = "aes128-gcm@openssh.com,aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,"
                          "aes128-ctr,aes192-ctr,aes256-ctr";
    ssh_options_set(s.get(), SSH_OPTIONS_CIPHERS_C_S, ciphers);
    ssh_options_set(s.get(), SSH_OPTIONS_CIPHERS_S_C, ciphers);
    int noDelay = 1; // many small request/answer packets: Nagle + delayed ACK would add ~40 ms to each
    ssh_options_set(s.get(), SSH_OPTIONS_NODELAY, &noDelay);

    QElapsedTimer clock;
    clock.start();
    if (ssh_connect(s.get()) != SSH_OK) {
        if (clock.elapsed() + 200 >= timeoutMs)
            return stepFailure(server, StepId::Ssh,
                SshSession::tr("no SSH answer from %1 within %2 s (%3)")
                    .arg(where(ep))
                    .arg(timeoutMs / 1000.0, 0, 'f', 1)
                    .arg(LibSsh::error(s.get())));
        return stepFailure(server, StepId::Ssh,
            SshSession::tr("cannot connect to %1: %2").arg(where(ep), LibSsh::error(s.get())));
    }
    return s;
}

/** How much of a streamed command's stderr is kept: its end. */
constexpr qsizetype StreamErrBytes = 64 * 1024;
} // namespace

SshSession::SshSession(QString serverName, SshEndpoint endpoint)
    : m_server(std::move(serverName))
    , m_endpoint(std::move(endpoint))
{ }

SshSession::~SshSession()
{
    close();
}

QString SshSession::describe() const
{
    return QStringLiteral("ssh %1").arg(where(m_endpoint));
}

bool SshSession::isOpen() const
{
    return m_session && !m_broken && ssh_is_connected(m_session);
}

void SshSession::close()
{
    if (m_session)
        SessionDeleter()(m_session);
    m_session = nullptr;
}

Result<void> SshSession::open(int timeoutMs)
{
    close();
    m_broken = false;
    m_timeoutMs = timeoutMs;
    auto s = connectSession(m_endpoint, timeoutMs, m_server);
    if (!s)
        return std::unexpected(s.error());
    m_addedHostKey.reset();
    SshHostKey added;
    if (auto known = KnownHosts(m_endpoint, m_server).verify(s->get(), &added); !known)
        return known;
    if (!added.fingerprint.isEmpty())
        m_addedHostKey = added;
    m_session = s->release();
    if (auto auth = SshAuthenticator(m_session, m_endpoint, m_server).authenticate(); !auth) {
        close();
        return auth;
    }
    return {};
}

StepError SshSession::lost(const QString& step, const char* what)
{
    m_broken = true; // the next call reconnects instead of trusting a dead socket
    return StepError { m_server, step, 0,
        SshSession::tr("the SSH connection to %1 failed while %2: %3")
            .arg(where(m_endpoint), SshSession::tr(what), LibSsh::error(m_session)) };
}

bool SshSession::awaitExitStatus(ssh_channel channel, int& status, bool& exited, qint64 maxMs)
{
    // libssh waits for the status with the session's timeout: lowered for this one wait
    long sec = 0;
    long usec = std::clamp<qint64>(maxMs, 1, 200) * 1000;
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &sec);
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT_USEC, &usec);
    const int st = ssh_channel_get_exit_status(channel);
    long fullSec = m_timeoutMs / 1000;
    long fullUsec = (m_timeoutMs % 1000) * 1000L;
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &fullSec);
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT_USEC, &fullUsec);
    if (st != -1 && !exited) {
        exited = true;
        status = st;
    }
    return ssh_is_connected(m_session);
}

Result<void> SshSession::start(LibSsh::CommandChannel& channel, const QString& command, const QString& step)
{
    if (!isOpen())
        return stepFailure(
            m_server, step, SshSession::tr("the SSH connection to %1 is closed").arg(where(m_endpoint)));
    if (const char* failed = channel.start(m_session, command))
        return std::unexpected(lost(step, failed));
    return {};
}

Result<CommandResult> SshSession::exec(
    const QString& command, const QByteArray& stdinData, int timeoutMs, const QString& step)
{
    const QDeadlineTimer deadline(timeoutMs);
    const auto lost = [&](const char* what) { return std::unexpected(this->lost(step, what)); };
    CommandChannel ch;
    if (auto started = start(ch, command, step); !started)
        return std::unexpected(started.error());
    ssh_channel channel = ch.get();
    ExitState& state = ch.state;
    for (qsizetype done = 0; done < stdinData.size();) {
        const int n = ssh_channel_write(channel, stdinData.constData() + done,
            uint32_t(std::min<qsizetype>(stdinData.size() - done, 32768)));
        if (n == SSH_ERROR)
            return lost(QT_TRANSLATE_NOOP("SshSession", "sending data"));
        done += n;
        if (deadline.hasExpired())
            break;
    }
    ssh_channel_send_eof(channel);

    CommandResult result;
    char buf[16384];
    QDeadlineTimer afterExit; // a daemon started by the command may keep its output open: stop waiting soon
    bool timedOut = false;
    for (;;) {
        bool received = false;
        for (int stream : { 0, 1 }) {
            int n;
            while ((n = ssh_channel_read_nonblocking(channel, buf, sizeof buf, stream)) > 0) {
                (stream ? result.err : result.out).append(buf, n);
                received = true;
            }
            if (n == SSH_ERROR)
                return lost(QT_TRANSLATE_NOOP("SshSession", "reading output"));
        }
        if (ssh_channel_is_closed(channel) || (ssh_channel_is_eof(channel) && state.exited))
            break;
        if (state.exited) {
            // the exit status may arrive while a large output is still on its way: only silence ends the wait
            if (afterExit.isForever() || received)
                afterExit.setRemainingTime(300);
            else if (afterExit.hasExpired())
                break;
        }
        if (deadline.hasExpired()) {
            timedOut = true;
            break;
        }
        if (ssh_channel_is_eof(channel)) {
            // output is closed but the exit status has not come yet: wait for it, within the deadline
            if (!awaitExitStatus(channel, state.status, state.exited, deadline.remainingTime()))
                return lost(QT_TRANSLATE_NOOP("SshSession", "waiting for a command"));
            continue;
        }
        const int wait = int(std::clamp<qint64>(deadline.remainingTime(), 1, state.exited ? 50 : 100));
        if (ssh_channel_poll_timeout(channel, wait, 0) == SSH_ERROR)
            return lost(QT_TRANSLATE_NOOP("SshSession", "waiting for a command"));
    }
    if (timedOut) {
        ssh_channel_request_send_signal(channel, "KILL");
        return stepFailure(m_server, step,
            SshSession::tr("\"%1\" did not finish within %2 s on %3")
                .arg(command)
                .arg(timeoutMs / 1000.0, 0, 'f', 1)
                .arg(where(m_endpoint)));
    }
    result.exitCode = state.exited ? state.status : -1;
    result.signal = state.signal;
    return result;
}

Result<CommandResult> SshSession::stream(
    const QString& command, const CommandStream& ends, const QString& step)
{
    const auto lost = [&](const char* what) { return std::unexpected(this->lost(step, what)); };
    CommandChannel ch;
    if (auto started = start(ch, command, step); !started)
        return std::unexpected(started.error());
    ssh_channel channel = ch.get();
    ExitState& state = ch.state;
    const auto stop = [&](const QString& why) {
        // TERM reaches the command through sudo too; closing the channel ends its stdin and stdout
        ssh_channel_request_send_signal(channel, "TERM");
        ssh_channel_close(channel);
        return stepFailure(m_server, step, why);
    };
    bool inputOpen = bool(ends.input);
    if (!inputOpen)
        ssh_channel_send_eof(channel);
    QByteArray piece;
    qsizetype written = 0;
    CommandResult result;
    QByteArray buf(1024 * 1024, Qt::Uninitialized);
    QDeadlineTimer idle(ends.idleTimeoutMs > 0 ? ends.idleTimeoutMs : -1);
    QDeadlineTimer afterExit;
    for (;;) {
        if (ends.stopped && ends.stopped())
            return stop(SshSession::tr("\"%1\" was stopped on %2").arg(command, where(m_endpoint)));
        bool moved = false;
        if (inputOpen && written == piece.size()) {
            piece.clear();
            written = 0;
            switch (ends.input(piece)) {
            case CommandStream::Next::Data:
                break;
            case CommandStream::Next::Later:
                break;
            case CommandStream::Next::End:
                inputOpen = false;
                ssh_channel_send_eof(channel);
                moved = true;
                break;
            }
        }
        if (inputOpen && written < piece.size()) {
            // blocks until the host's window takes it all, or for the session's timeout at most
            const int n
                = ssh_channel_write(channel, piece.constData() + written, uint32_t(piece.size() - written));
            if (n == SSH_ERROR) {
                if (!ssh_is_connected(m_session))
                    return lost(QT_TRANSLATE_NOOP("SshSession", "sending data"));
                inputOpen = false; // the command closed its end: how it ended is the result
            } else if (n > 0) {
                written += n;
                moved = true;
            }
        }
        for (int stream : { 0, 1 }) {
            int n;
            while (
                (n = ssh_channel_read_nonblocking(channel, buf.data(), uint32_t(buf.size()), stream)) > 0) {
                moved = true;
                if (stream == 1) {
                    result.err.append(buf.constData(), n);
                    if (result.err.size() > StreamErrBytes)
                        result.err.remove(0, result.err.size() - StreamErrBytes);
                } else if (!ends.output) {
                    result.out.append(buf.constData(), n);
                } else if (!ends.output(QByteArrayView(buf.constData(), n))) {
                    return stop(SshSession::tr("\"%1\" was stopped on %2").arg(command, where(m_endpoint)));
                }
            }
            if (n == SSH_ERROR)
                return lost(QT_TRANSLATE_NOOP("SshSession", "reading output"));
        }
        if (ssh_channel_is_closed(channel) || (ssh_channel_is_eof(channel) && state.exited))
            break;
        if (moved) {
            if (ends.idleTimeoutMs > 0)
                idle.setRemainingTime(ends.idleTimeoutMs);
        } else if (idle.hasExpired()) {
            return stop(SshSession::tr("nothing moved through \"%1\" on %2 for %3 s")
                            .arg(command, where(m_endpoint))
                            .arg(ends.idleTimeoutMs / 1000));
        }
        if (state.exited) {
            // the host may send the exit status before the last of the output: only its end (EOF) ends the
            // stream, or a long silence (a child of the command keeping its output open)
            if (afterExit.isForever() || moved)
                afterExit.setRemainingTime(30000);
            else if (afterExit.hasExpired())
                break;
        }
        if (ssh_channel_is_eof(channel)) {
            if (!awaitExitStatus(channel, state.status, state.exited, 200))
                return lost(QT_TRANSLATE_NOOP("SshSession", "waiting for a command"));
            continue;
        }
        if (!moved && !inputOpen) // (the input waits on its own)
            if (ssh_channel_poll_timeout(channel, 20, 0) == SSH_ERROR)
                return lost(QT_TRANSLATE_NOOP("SshSession", "waiting for a command"));
    }
    result.exitCode = state.exited ? state.status : -1;
    result.signal = state.signal;
    return result;
}

Result<SshHostKey> SshSession::probeHostKey(
    const SshEndpoint& endpoint, int timeoutMs, const QString& serverName)
{
    auto s = connectSession(endpoint, timeoutMs, serverName);
    if (!s)
        return std::unexpected(s.error());
    return KnownHosts(endpoint, serverName).read(s->get());
}

Result<void> SshSession::trustHostKey(
    const SshEndpoint& endpoint, const QString& fingerprint, int timeoutMs, const QString& serverName)
{
    auto s = connectSession(endpoint, timeoutMs, serverName);
    if (!s)
        return std::unexpected(s.error());
    const KnownHosts known(endpoint, serverName);
    auto hk = known.read(s->get());
    if (!hk)
        return std::unexpected(hk.error());
    if (hk->fingerprint != fingerprint)
        return stepFailure(serverName, StepId::Ssh,
            SshSession::tr(
                "%1 now presents the host key %2, not the %3 that was confirmed; nothing was added to %4")
                .arg(where(endpoint), hk->fingerprint, fingerprint, known.path()));
    switch (hk->status) {
    case SshHostKey::Status::Known:
        return {};
    case SshHostKey::Status::Changed:
        return stepFailure(serverName, StepId::Ssh, known.changedKeyMessage(*hk));
    case SshHostKey::Status::Unknown:
        break;
    }
    return known.add(s->get());
}
