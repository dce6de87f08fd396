#pragma once

#include "common/pairprofile.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

/** How RepliPair reaches a server's host over SSH (a checkable group on the server page): host, port,
 *  user, and the authentication — a key file (empty tries ~/.ssh/id_ed25519, id_ecdsa, id_rsa), ssh-agent,
 *  or a password typed here (kept in memory, or in the keychain when the page says so) or named by an
 *  environment variable. Object names start with @p prefix ("serverA" → "serverASshGroup"). */
class SshAccessBox : public QGroupBox
{
    Q_OBJECT
public:
    enum class Auth { KeyFile, Agent, Password };

    SshAccessBox(const QString& prefix, QWidget* parent = nullptr);

    void load(const ServerProfile& server);
    /** Writes the fields into @p server's SSH settings (the SQL host is the default SSH host). */
    void apply(ServerProfile& server) const;
    /** Why the fields cannot be used, empty when they can. */
    QString validationProblem() const;
    Auth auth() const;
    /** Whether a password was typed (as opposed to taken from a variable). */
    bool hasTypedPassword() const;

    /** The first and last widgets, for the page's tab order. */
    QWidget* firstField() const;
    QWidget* lastField() const;

Q_SIGNALS:
    void changed();
    /** A field that decides which host key is expected changed. */
    void endpointChanged();

private:
    void updateAuthFields();

    QString m_prefix;
    SshEndpoint m_extra; ///< settings the box does not show (key passphrase variable)
    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_user;
    QComboBox* m_auth;
    QLineEdit* m_keyFile;
    QToolButton* m_browseKey;
    QLineEdit* m_password;
    QLineEdit* m_passwordEnv;
    QLineEdit* m_knownHosts;
    QCheckBox* m_sudo;
};
