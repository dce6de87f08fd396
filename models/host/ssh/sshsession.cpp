#include "host/ssh/sshsession.h"

#include "common/stepid.h"
#include "host/ssh/knownhosts.h"
#include "host/ssh/libsshhandles.h"
#include "host/ssh/sshauthenticator.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>

#include <libssh/callbacks.h>
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

struct ExitState
{
    bool exited = false;
    int status = -1;
};
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

Result<CommandResult> SshSession::exec(
    const QString& command, const QByteArray& stdinData, int timeoutMs, const QString& step)
{
    if (!isOpen())
        return stepFailure(
            m_server, step, SshSession::tr("the SSH connection to %1 is closed").arg(where(m_endpoint)));
    const QDeadlineTimer deadline(timeoutMs);
    ssh_session s = m_session;
    const auto lost = [&](const char* what) {
        m_broken = true; // the next call reconnects instead of trusting a dead socket
        return stepFailure(m_server, step,
            SshSession::tr("the SSH connection to %1 failed while %2: %3")
                .arg(where(m_endpoint), SshSession::tr(what), LibSsh::error(s)));
    };

    ExitState state;
    ssh_channel_callbacks_struct callbacks {};
    callbacks.userdata = &state;
    callbacks.channel_exit_status_function = [](ssh_session, ssh_channel, int status, void* user) {
        auto* st = static_cast<ExitState*>(user);
        st->exited = true;
        st->status = status;
    };
    callbacks.channel_exit_signal_function
        = [](ssh_session, ssh_channel, const char*, int, const char*, const char*, void* user) {
              auto* st = static_cast<ExitState*>(user);
              st->exited = true;
              st->status = -1;
          };
    ssh_callbacks_init(&callbacks);

    ChannelPtr channel(ssh_channel_new(s));
    if (!channel)
        return lost(QT_TRANSLATE_NOOP("SshSession", "opening a channel"));
    if (ssh_channel_open_session(channel.get()) != SSH_OK)
        return lost(QT_TRANSLATE_NOOP("SshSession", "opening a channel"));
    // libssh keeps a channel it was told to free until the host closes it too: it must not call back
    // into this stack frame afterwards
    ssh_set_channel_callbacks(channel.get(), &callbacks);
    const std::unique_ptr<ssh_channel_struct, std::function<void(ssh_channel)>> unhook(
        channel.get(), [&callbacks](ssh_channel c) { ssh_remove_channel_callbacks(c, &callbacks); });
    const QByteArray cmd = command.toUtf8();
    if (ssh_channel_request_exec(channel.get(), cmd.constData()) != SSH_OK)
        return lost(QT_TRANSLATE_NOOP("SshSession", "starting a command"));
    for (qsizetype done = 0; done < stdinData.size();) {
        const int n = ssh_channel_write(channel.get(), stdinData.constData() + done,
            uint32_t(std::min<qsizetype>(stdinData.size() - done, 32768)));
        if (n == SSH_ERROR)
            return lost(QT_TRANSLATE_NOOP("SshSession", "sending data"));
        done += n;
        if (deadline.hasExpired())
            break;
    }
    ssh_channel_send_eof(channel.get());

    CommandResult result;
    char buf[16384];
    QDeadlineTimer afterExit; // a daemon started by the command may keep its output open: stop waiting soon
    bool timedOut = false;
    for (;;) {
        bool received = false;
        for (int stream : { 0, 1 }) {
            int n;
            while ((n = ssh_channel_read_nonblocking(channel.get(), buf, sizeof buf, stream)) > 0) {
                (stream ? result.err : result.out).append(buf, n);
                received = true;
            }
            if (n == SSH_ERROR)
                return lost(QT_TRANSLATE_NOOP("SshSession", "reading output"));
        }
        if (ssh_channel_is_closed(channel.get()) || (ssh_channel_is_eof(channel.get()) && state.exited))
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
        if (ssh_channel_is_eof(channel.get())) {
            // output is closed but the exit status has not come yet: wait for it, within the deadline
            long sec = 0;
            long usec = std::clamp<qint64>(deadline.remainingTime(), 1, 200) * 1000;
            ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &sec);
            ssh_options_set(s, SSH_OPTIONS_TIMEOUT_USEC, &usec);
            const int st = ssh_channel_get_exit_status(channel.get());
            long fullSec = m_timeoutMs / 1000;
            long fullUsec = (m_timeoutMs % 1000) * 1000L;
            ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &fullSec);
            ssh_options_set(s, SSH_OPTIONS_TIMEOUT_USEC, &fullUsec);
            if (st != -1 && !state.exited) {
                state.exited = true;
                state.status = st;
            }
            if (!ssh_is_connected(s))
                return lost(QT_TRANSLATE_NOOP("SshSession", "waiting for a command"));
            continue;
        }
        const int wait = int(std::clamp<qint64>(deadline.remainingTime(), 1, state.exited ? 50 : 100));
        if (ssh_channel_poll_timeout(channel.get(), wait, 0) == SSH_ERROR)
            return lost(QT_TRANSLATE_NOOP("SshSession", "waiting for a command"));
    }
    if (timedOut) {
        ssh_channel_request_send_signal(channel.get(), "KILL");
        return stepFailure(m_server, step,
            SshSession::tr("\"%1\" did not finish within %2 s on %3")
                .arg(command)
                .arg(timeoutMs / 1000.0, 0, 'f', 1)
                .arg(where(m_endpoint)));
    }
    result.exitCode = state.exited ? state.status : -1;
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
