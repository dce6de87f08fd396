#include "host/ssh/sshauthenticator.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "host/ssh/libsshhandles.h"
#include "platform/platform.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <optional>

namespace {
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
    return names.isEmpty() ? SshAuthenticator::tr("none") : names.join(QLatin1String(", "));
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
} // namespace

SshAuthenticator::SshAuthenticator(ssh_session session, const SshEndpoint& endpoint, QString serverName)
    : m_session(session)
    , m_endpoint(endpoint)
    , m_server(std::move(serverName))
{ }

StepError SshAuthenticator::lost() const
{
    return StepError { m_server, StepId::Ssh, 0,
        SshAuthenticator::tr("%1 dropped the connection during authentication: %2")
            .arg(LibSsh::where(m_endpoint), LibSsh::error(m_session)) };
}

std::optional<int> SshAuthenticator::tryKeyFile(const QString& file, bool explicitFile)
{
    if (!QFileInfo::exists(file)) {
        if (explicitFile)
            m_tried << SshAuthenticator::tr("key file %1 (not found)").arg(file);
        return std::nullopt;
    }
    ssh_key raw = nullptr;
    if (ssh_pki_import_privkey_file(QFile::encodeName(file).constData(),
            m_passphrase.isEmpty() ? nullptr : m_passphrase.constData(), nullptr, nullptr, &raw)
            != SSH_OK
        || !raw) {
        m_tried << (m_passphrase.isEmpty()
                ? SshAuthenticator::tr(
                    "key file %1 (cannot be loaded: protected by a passphrase? name its environment "
                    "variable in \"keyPassphraseEnv\")")
                      .arg(file)
                : SshAuthenticator::tr(
                    "key file %1 (cannot be loaded: wrong passphrase in $%2, or not a private key)")
                      .arg(file, m_endpoint.keyPassphraseEnv));
        return std::nullopt;
    }
    LibSsh::KeyPtr key(raw);
    const int r = ssh_userauth_publickey(m_session, nullptr, key.get());
    if (r != SSH_AUTH_SUCCESS)
        m_tried << (r == SSH_AUTH_PARTIAL
                ? SshAuthenticator::tr("key file %1 (accepted; the server wants a further method)").arg(file)
                : SshAuthenticator::tr("key file %1 (refused)").arg(file));
    return r;
}

std::optional<int> SshAuthenticator::tryPassword(int offered)
{
    const bool typed = !m_endpoint.passwordOverride.isEmpty(); // typed in the GUI or from the keychain
    if (!(offered & (SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_INTERACTIVE))) {
        if (!m_endpoint.passwordEnv.isEmpty() || typed)
            m_tried << SshAuthenticator::tr("password (not offered by the server)");
        return std::nullopt;
    }
    if (!typed && m_endpoint.passwordEnv.isEmpty()) {
        m_tried << SshAuthenticator::tr("password (none given: the profile names no \"passwordEnv\")");
        return std::nullopt;
    }
    if (!typed && qEnvironmentVariableIsEmpty(m_endpoint.passwordEnv.toLocal8Bit().constData())) {
        m_tried << SshAuthenticator::tr("password (the environment variable %1 is not set)")
                       .arg(m_endpoint.passwordEnv);
        return std::nullopt;
    }
    QByteArray password = typed ? m_endpoint.passwordOverride.toUtf8()
                                : qgetenv(m_endpoint.passwordEnv.toLocal8Bit().constData());
    const int r = (offered & SSH_AUTH_METHOD_PASSWORD)
        ? ssh_userauth_password(m_session, nullptr, password.constData())
        : keyboardInteractive(m_session, password);
    password.fill('\0');
    if (r != SSH_AUTH_SUCCESS && r != SSH_AUTH_ERROR)
        m_tried << (typed ? SshAuthenticator::tr("the SSH password given (refused)")
                          : SshAuthenticator::tr("password from %1 (refused)").arg(m_endpoint.passwordEnv));
    return r;
}

Result<void> SshAuthenticator::authenticate()
{
    ssh_session s = m_session;
    m_tried.clear();
    int rc = ssh_userauth_none(s, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return stepFailure(m_server, StepId::Ssh,
            SshAuthenticator::tr("%1 dropped the connection: %2")
                .arg(LibSsh::where(m_endpoint), LibSsh::error(s)));
    const int offered = ssh_userauth_list(s, nullptr);

    // 1. the key file of the profile (else the usual ones), 2. ssh-agent, 3. the password. With "agent": true
    // only the agent's keys, then the password.
    m_passphrase = m_endpoint.keyPassphraseEnv.isEmpty()
        ? QByteArray()
        : qgetenv(m_endpoint.keyPassphraseEnv.toLocal8Bit().constData());
    const auto cleanUp = qScopeGuard([this] { m_passphrase.fill('\0'); });
    if (offered & SSH_AUTH_METHOD_PUBLICKEY) {
        if (!m_endpoint.agent && !m_endpoint.keyFile.isEmpty()) {
            const auto r = tryKeyFile(Shell::expandHome(m_endpoint.keyFile), true);
            if (r == SSH_AUTH_SUCCESS)
                return {};
            if (r == SSH_AUTH_ERROR)
                return std::unexpected(lost());
        }
        if (qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
            m_tried << (m_endpoint.agent
                    ? SshAuthenticator::tr("ssh-agent, as the profile says (\"agent\": true), but none "
                                           "is running: SSH_AUTH_SOCK is not set")
                    : SshAuthenticator::tr("ssh-agent (not running: SSH_AUTH_SOCK is not set)"));
        } else {
            const int r = Platform::sshAgentAuth(s);
            if (r == SSH_AUTH_SUCCESS)
                return {};
            if (r == SSH_AUTH_ERROR && !ssh_is_connected(s))
                return std::unexpected(lost());
            m_tried << (r == SSH_AUTH_ERROR
                    ? SshAuthenticator::tr("ssh-agent (failed: %1)").arg(LibSsh::error(s))
                    : SshAuthenticator::tr("ssh-agent (no key of the agent was accepted)"));
        }
        if (!m_endpoint.agent && m_endpoint.keyFile.isEmpty()) {
            for (const char* name : { "id_ed25519", "id_ecdsa", "id_rsa" }) {
                const auto r
                    = tryKeyFile(Shell::expandHome(QStringLiteral("~/.ssh/")) + QLatin1String(name), false);
                if (r == SSH_AUTH_SUCCESS)
                    return {};
                if (r == SSH_AUTH_ERROR)
                    return std::unexpected(lost());
            }
        }
    } else {
        m_tried << SshAuthenticator::tr("public keys (not offered by the server)");
    }

    const auto pw = tryPassword(offered);
    if (pw == SSH_AUTH_SUCCESS)
        return {};
    if (pw == SSH_AUTH_ERROR)
        return std::unexpected(lost());

    return stepFailure(m_server, StepId::Ssh,
        SshAuthenticator::tr("authentication as %1 failed. The server offers: %2. Tried: %3.")
            .arg(LibSsh::where(m_endpoint), methodNames(offered), m_tried.join(QLatin1String("; "))));
}
