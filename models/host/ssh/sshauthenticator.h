#pragma once

#include "common/pairprofile.h"

#include <QCoreApplication>
#include <QStringList>

struct ssh_session_struct;

/** Logs a connected SSH session in as the profile's user: the profile's key file (else the usual ones),
 *  ssh-agent, then the password from the environment variable the profile names; with "agent": true
 *  the agent's keys only, then the password. When every way fails
 *  it says what the server offers and what was tried, and why each failed. Never logs a secret. */
class SshAuthenticator
{
    Q_DECLARE_TR_FUNCTIONS(SshAuthenticator)
public:
    SshAuthenticator(ssh_session_struct* session, const SshEndpoint& endpoint, QString serverName);

    Result<void> authenticate();

private:
    /** The result of ssh_userauth_publickey with the key in @p file, or nothing when it cannot be loaded. */
    std::optional<int> tryKeyFile(const QString& file, bool explicitFile);
    /** SSH_AUTH_* of the password step, or nothing when there is no password to try. */
    std::optional<int> tryPassword(int offered);
    StepError lost() const;

    ssh_session_struct* m_session;
    const SshEndpoint& m_endpoint;
    QString m_server;
    QByteArray m_passphrase;
    QStringList m_tried;
};
