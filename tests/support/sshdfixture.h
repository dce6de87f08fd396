#pragma once

#include "common/pairprofile.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

/** A real sshd on 127.0.0.1 only, with its own host key, port, authorized_keys and sshd_config in a
 *  temporary folder; always stopped (and its test user and sudoers rule removed) when the fixture goes
 *  away, and what a killed run left is removed when the next one starts.
 *  As root it logs in a dedicated local user with a random password; otherwise only the current user
 *  with a key (no password auth possible). */
class SshdFixture
{
public:
    SshdFixture();
    ~SshdFixture();
    SshdFixture(const SshdFixture&) = delete;
    SshdFixture& operator=(const SshdFixture&) = delete;

    /** Creates keys, user and config and starts sshd; false with error() when impossible. First removes
     *  what killed runs left (removeLeftovers). */
    bool start();
    /** As root: lets the test user sudo without a password (a rule in /etc/sudoers.d named after the
     *  user), removed again by the destructor. Without root: nothing to do (true). */
    bool allowSudo();
    QString sudoersRule() const { return m_sudoersRule; }
    /** As root: the test users (rpssh<pid>) and sudoers rules (/etc/sudoers.d/replipair-*) of test
     *  processes that are gone (killed before their destructor ran) are removed. */
    static void removeLeftovers();
    void stop();
    /** New host key, sshd restarted on the same port: what a reinstalled (or impostor) host looks like. */
    bool replaceHostKey();

    QString error() const { return m_error; }
    QString dir() const { return m_dir.path(); }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    /** Empty when password auth cannot be tested (not root). Only for qputenv in tests. */
    QString password() const { return m_password; }
    QString clientKey() const; ///< ed25519 private key, no passphrase
    QString encryptedClientKey() const; ///< ed25519 private key protected by passphrase()
    static QString passphrase() { return QStringLiteral("correct horse battery"); }
    /** SHA256 fingerprint of the current host key, as ssh-keygen prints it. */
    QString hostKeyFingerprint() const;
    /** A folder the login user owns (writable over SSH). */
    QString userDir() const;
    /** Endpoint for key auth with a known_hosts file of its own in the fixture folder. */
    SshEndpoint endpoint(const QString& knownHostsFile = {}) const;
    /** Runs a local command (as the test's own user), returns stdout; ok false on failure. */
    static QString runLocal(const QString& program, const QStringList& args, bool* ok = nullptr,
        const QByteArray& stdinData = {});

private:
    bool generateHostKey();
    bool startSshd();
    bool setUpUser();

    QTemporaryDir m_dir;
    QProcess m_sshd;
    int m_port = 0;
    QString m_user;
    QString m_password;
    bool m_createdUser = false;
    QString m_sudoersRule;
    QString m_error;
};
