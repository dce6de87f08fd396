#include "host/ssh/sshsession.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

#include <functional>
#include <memory>
#include <mutex>

namespace {

const QString kStep = QStringLiteral("ssh");

struct SessionDeleter
{
    void operator()(ssh_session s) const
    {
        if (ssh_is_connected(s))
            ssh_disconnect(s);
        ssh_free(s);
    }
};
using SessionPtr = std::unique_ptr<ssh_session_struct, SessionDeleter>;

struct ChannelDeleter
{
    void operator()(ssh_channel c) const
    {
        if (ssh_channel_is_open(c))
            ssh_channel_close(c);
        ssh_channel_free(c);
    }
};
using ChannelPtr = std::unique_ptr<ssh_channel_struct, ChannelDeleter>;

struct KeyDeleter
{
    void operator()(ssh_key k) const { ssh_key_free(k); }
};
using KeyPtr = std::unique_ptr<ssh_key_struct, KeyDeleter>;

QString where(const SshEndpoint& ep)
{
    return QStringLiteral("%1@%2:%3").arg(ep.user, ep.host).arg(ep.port);
}

QString knownHostsPath(const SshEndpoint& ep)
{
    return SshSession::expandHome(
        ep.knownHostsFile.isEmpty() ? QStringLiteral("~/.ssh/known_hosts") : ep.knownHostsFile);
}

/** How known_hosts names the host: "[host]:port" unless the port is 22. */
QString knownHostsName(const SshEndpoint& ep)
{
    return ep.port == 22 ? ep.host : QStringLiteral("[%1]:%2").arg(ep.host).arg(ep.port);
}

QString libsshError(ssh_session s)
{
    return QString::fromUtf8(ssh_get_error(s));
}

QString fingerprintOf(ssh_key key)
{
    unsigned char* hash = nullptr;
    size_t len = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &len) != SSH_OK)
        return {};
    char* text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, len);
    const QString fp = QString::fromLatin1(text);
    ssh_string_free_char(text);
    ssh_clean_pubkey_hash(&hash);
    return fp;
}

/** Fingerprints known_hosts holds for this host (plain, hashed and [host]:port entries). */
QStringList knownFingerprints(const SshEndpoint& ep)
{
    QStringList out;
    QFile f(knownHostsPath(ep));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QByteArray name = knownHostsName(ep).toUtf8();
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        ssh_knownhosts_entry* entry = nullptr;
        if (ssh_known_hosts_parse_line(name.constData(), line.constData(), &entry) == SSH_OK && entry) {
            if (entry->publickey)
                out << QStringLiteral("%1 (%2)").arg(fingerprintOf(entry->publickey),
                    QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(entry->publickey))));
        }
        SSH_KNOWNHOSTS_ENTRY_FREE(entry);
    }
    return out;
}

Result<SessionPtr> connectSession(const SshEndpoint& ep, int timeoutMs, const QString& server)
{
    static std::once_flag initOnce;
    std::call_once(initOnce, [] { ssh_init(); });

    SessionPtr s(ssh_new());
    if (!s)
        return stepFailure(server, kStep, SshSession::tr("cannot create an SSH session (out of memory?)"));
    const QByteArray host = ep.host.toUtf8();
    const QByteArray user = ep.user.toUtf8();
    const QByteArray known = QFile::encodeName(knownHostsPath(ep));
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
            return stepFailure(server, kStep,
                SshSession::tr("no SSH answer from %1 within %2 s (%3)")
                    .arg(where(ep))
                    .arg(timeoutMs / 1000.0, 0, 'f', 1)
                    .arg(libsshError(s.get())));
        return stepFailure(
            server, kStep, SshSession::tr("cannot connect to %1: %2").arg(where(ep), libsshError(s.get())));
    }
    return s;
}

Result<SshHostKey> readHostKey(ssh_session s, const SshEndpoint& ep, const QString& server)
{
    ssh_key raw = nullptr;
    if (ssh_get_server_publickey(s, &raw) != SSH_OK || !raw)
        return stepFailure(
            server, kStep, SshSession::tr("%1 sent no host key: %2").arg(where(ep), libsshError(s)));
    KeyPtr key(raw);
    SshHostKey hk;
    hk.type = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.get())));
    hk.fingerprint = fingerprintOf(key.get());
    switch (ssh_session_is_known_server(s)) {
    case SSH_KNOWN_HOSTS_OK:
        hk.status = SshHostKey::Status::Known;
        break;
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
        hk.status = SshHostKey::Status::Changed;
        hk.knownFingerprints = knownFingerprints(ep);
        break;
    case SSH_KNOWN_HOSTS_NOT_FOUND:
    case SSH_KNOWN_HOSTS_UNKNOWN:
        hk.status = SshHostKey::Status::Unknown;
        break;
    case SSH_KNOWN_HOSTS_ERROR:
        return stepFailure(server, kStep,
            SshSession::tr("cannot check the host key of %1 against %2: %3")
                .arg(where(ep), knownHostsPath(ep), libsshError(s)));
    }
    return hk;
}

QString changedKeyMessage(const SshEndpoint& ep, const SshHostKey& hk)
{
    return SshSession::tr(
        "the host key of %1 has CHANGED: it now presents %2 (%3), but %4 holds %5 for %6. "
        "This may be an attack (someone between you and the host), or the host was reinstalled. "
        "If you know why, remove the old entry (ssh-keygen -R '%6' -f %4) and try again.")
        .arg(where(ep), hk.fingerprint, hk.type, knownHostsPath(ep),
            hk.knownFingerprints.isEmpty() ? SshSession::tr("another key")
                                           : hk.knownFingerprints.join(QLatin1String(", ")),
            knownHostsName(ep));
}

Result<void> addToKnownHosts(ssh_session s, const SshEndpoint& ep, const QString& server)
{
    const QString file = knownHostsPath(ep);
    const QString dir = QFileInfo(file).absolutePath();
    if (!QDir().mkpath(dir))
        return stepFailure(
            server, kStep, SshSession::tr("cannot create the folder %1 for %2").arg(dir, file));
    if (ssh_session_update_known_hosts(s) != SSH_OK)
        return stepFailure(server, kStep,
            SshSession::tr("cannot add the host key of %1 to %2: %3").arg(where(ep), file, libsshError(s)));
    return {};
}

QString methodNames(int methods)
{
    QStringList names;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY)
        names << QStringLiteral("publickey");
    if (methods & SSH_AUTH_METHOD_PASSWORD)
        names << QStringLiteral("password");
    if (methods & SSH_AUTH_METHOD_INTERACTIVE)
        names << QStringLiteral("keyboard-interactive");
    if (methods & SSH_AUTH_METHOD_HOSTBASED)
        names << QStringLiteral("hostbased");
    if (methods & SSH_AUTH_METHOD_GSSAPI_MIC)
        names << QStringLiteral("gssapi-with-mic");
    return names.isEmpty() ? SshSession::tr("none") : names.join(QLatin1String(", "));
}

/** Answers keyboard-interactive password prompts; gives up on any other question. */
int keyboardInteractive(ssh_session s, const QByteArray& password)
{
    int rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    for (int round = 0; rc == SSH_AUTH_INFO && round < 4; ++round) {
        const int prompts = ssh_userauth_kbdint_getnprompts(s);
        for (int i = 0; i < prompts; ++i) {
            char echo = 0;
            const QByteArray prompt
                = QByteArray(ssh_userauth_kbdint_getprompt(s, unsigned(i), &echo)).toLower();
            if (echo || !prompt.contains("password"))
                return SSH_AUTH_DENIED;
            ssh_userauth_kbdint_setanswer(s, unsigned(i), password.constData());
        }
        rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    }
    return rc;
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

QString SshSession::expandHome(const QString& path)
{
    if (path == QLatin1String("~"))
        return QDir::homePath();
    if (path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

QString SshSession::describe() const
{
    return QStringLiteral("ssh %1").arg(where(m_endpoint));
}

bool SshSession::isOpen() const
{
    return m_session && ssh_is_connected(m_session);
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
    m_timeoutMs = timeoutMs;
    auto s = connectSession(m_endpoint, timeoutMs, m_server);
    if (!s)
        return std::unexpected(s.error());
    auto hk = readHostKey(s->get(), m_endpoint, m_server);
    if (!hk)
        return std::unexpected(hk.error());
    switch (hk->status) {
    case SshHostKey::Status::Known:
        break;
    case SshHostKey::Status::Changed:
        return stepFailure(m_server, kStep, changedKeyMessage(m_endpoint, *hk));
    case SshHostKey::Status::Unknown:
        if (!m_endpoint.acceptNewHostKey)
            return stepFailure(m_server, kStep,
                SshSession::tr(
                    "%1 is not a known host: its key %2 (%3) is not in %4. Compare it with the "
                    "fingerprint shown on the host (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), then "
                    "accept it (\"acceptNewHostKey\": true) or add it to %4 yourself.")
                    .arg(where(m_endpoint), hk->fingerprint, hk->type, knownHostsPath(m_endpoint)));
        if (auto added = addToKnownHosts(s->get(), m_endpoint, m_server); !added)
            return added;
        break;
    }
    m_session = s->release();
    if (auto auth = authenticate(); !auth) {
        close();
        return auth;
    }
    return {};
}

Result<void> SshSession::authenticate()
{
    ssh_session s = m_session;
    int rc = ssh_userauth_none(s, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return stepFailure(m_server, kStep,
            SshSession::tr("%1 dropped the connection: %2").arg(where(m_endpoint), libsshError(s)));
    const int offered = ssh_userauth_list(s, nullptr);
    QStringList tried;
    const auto lost = [&] {
        return stepFailure(m_server, kStep,
            SshSession::tr("%1 dropped the connection during authentication: %2")
                .arg(where(m_endpoint), libsshError(s)));
    };

    // 1. the key file of the profile (else the usual ones), 2. ssh-agent, 3. the password.
    const QByteArray passphrase = m_endpoint.keyPassphraseEnv.isEmpty()
        ? QByteArray()
        : qgetenv(m_endpoint.keyPassphraseEnv.toLocal8Bit().constData());
    const auto tryKeyFile = [&](const QString& file, bool explicitFile) -> std::optional<int> {
        if (!QFileInfo::exists(file)) {
            if (explicitFile)
                tried << SshSession::tr("key file %1 (not found)").arg(file);
            return std::nullopt;
        }
        ssh_key raw = nullptr;
        if (ssh_pki_import_privkey_file(QFile::encodeName(file).constData(),
                passphrase.isEmpty() ? nullptr : passphrase.constData(), nullptr, nullptr, &raw)
                != SSH_OK
            || !raw) {
            tried << (passphrase.isEmpty()
                    ? SshSession::tr(
                        "key file %1 (cannot be loaded: protected by a passphrase? name its environment "
                        "variable in \"keyPassphraseEnv\")")
                          .arg(file)
                    : SshSession::tr(
                        "key file %1 (cannot be loaded: wrong passphrase in $%2, or not a private key)")
                          .arg(file, m_endpoint.keyPassphraseEnv));
            return std::nullopt;
        }
        KeyPtr key(raw);
        const int r = ssh_userauth_publickey(s, nullptr, key.get());
        if (r != SSH_AUTH_SUCCESS)
            tried << (r == SSH_AUTH_PARTIAL
                    ? SshSession::tr("key file %1 (accepted; the server wants a further method)").arg(file)
                    : SshSession::tr("key file %1 (refused)").arg(file));
        return r;
    };

    if (offered & SSH_AUTH_METHOD_PUBLICKEY) {
        if (!m_endpoint.keyFile.isEmpty()) {
            const auto r = tryKeyFile(expandHome(m_endpoint.keyFile), true);
            if (r == SSH_AUTH_SUCCESS)
                return {};
            if (r == SSH_AUTH_ERROR)
                return lost();
        }
        if (qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
            tried << SshSession::tr("ssh-agent (not running: SSH_AUTH_SOCK is not set)");
        } else {
            const int r = ssh_userauth_agent(s, nullptr);
            if (r == SSH_AUTH_SUCCESS)
                return {};
            if (r == SSH_AUTH_ERROR && !ssh_is_connected(s))
                return lost();
            tried << (r == SSH_AUTH_ERROR ? SshSession::tr("ssh-agent (failed: %1)").arg(libsshError(s))
                                          : SshSession::tr("ssh-agent (no key of the agent was accepted)"));
        }
        if (m_endpoint.keyFile.isEmpty()) {
            for (const char* name : { "id_ed25519", "id_ecdsa", "id_rsa" }) {
                const auto r
                    = tryKeyFile(QDir::homePath() + QStringLiteral("/.ssh/") + QLatin1String(name), false);
                if (r == SSH_AUTH_SUCCESS)
                    return {};
                if (r == SSH_AUTH_ERROR)
                    return lost();
            }
        }
    } else {
        tried << SshSession::tr("public keys (not offered by the server)");
    }

    if (offered & (SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_INTERACTIVE)) {
        const bool typed = !m_endpoint.passwordOverride.isEmpty(); // typed in the GUI or from the keychain
        if (!typed && m_endpoint.passwordEnv.isEmpty()) {
            tried << SshSession::tr("password (none given: the profile names no \"passwordEnv\")");
        } else if (!typed && qEnvironmentVariableIsEmpty(m_endpoint.passwordEnv.toLocal8Bit().constData())) {
            tried << SshSession::tr("password (the environment variable %1 is not set)")
                         .arg(m_endpoint.passwordEnv);
        } else {
            QByteArray password = typed ? m_endpoint.passwordOverride.toUtf8()
                                        : qgetenv(m_endpoint.passwordEnv.toLocal8Bit().constData());
            const int r = (offered & SSH_AUTH_METHOD_PASSWORD)
                ? ssh_userauth_password(s, nullptr, password.constData())
                : keyboardInteractive(s, password);
            password.fill('\0');
            if (r == SSH_AUTH_SUCCESS)
                return {};
            if (r == SSH_AUTH_ERROR)
                return lost();
            tried << (typed ? SshSession::tr("the SSH password given (refused)")
                            : SshSession::tr("password from %1 (refused)").arg(m_endpoint.passwordEnv));
        }
    } else if (!m_endpoint.passwordEnv.isEmpty() || !m_endpoint.passwordOverride.isEmpty()) {
        tried << SshSession::tr("password (not offered by the server)");
    }

    return stepFailure(m_server, kStep,
        SshSession::tr("authentication as %1 failed. The server offers: %2. Tried: %3.")
            .arg(where(m_endpoint), methodNames(offered), tried.join(QLatin1String("; "))));
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
        return stepFailure(m_server, step,
            SshSession::tr("the SSH connection to %1 failed while %2: %3")
                .arg(where(m_endpoint), SshSession::tr(what), libsshError(s)));
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
    return readHostKey(s->get(), endpoint, serverName);
}

Result<void> SshSession::trustHostKey(
    const SshEndpoint& endpoint, const QString& fingerprint, int timeoutMs, const QString& serverName)
{
    auto s = connectSession(endpoint, timeoutMs, serverName);
    if (!s)
        return std::unexpected(s.error());
    auto hk = readHostKey(s->get(), endpoint, serverName);
    if (!hk)
        return std::unexpected(hk.error());
    if (hk->fingerprint != fingerprint)
        return stepFailure(serverName, kStep,
            SshSession::tr(
                "%1 now presents the host key %2, not the %3 that was confirmed; nothing was added to %4")
                .arg(where(endpoint), hk->fingerprint, fingerprint, knownHostsPath(endpoint)));
    switch (hk->status) {
    case SshHostKey::Status::Known:
        return {};
    case SshHostKey::Status::Changed:
        return stepFailure(serverName, kStep, changedKeyMessage(endpoint, *hk));
    case SshHostKey::Status::Unknown:
        break;
    }
    return addToKnownHosts(s->get(), endpoint, serverName);
}
