#pragma once

#include "common/steperror.h"
#include "common/tlssettings.h"

#include <QJsonObject>
#include <QString>

class ProfileFields;

/** How to reach a server's host over SSH; absent (`"ssh": null`) means the host is this machine. */
struct SshEndpoint
{
    QString host;
    int port = 22;
    QString user;
    QString keyFile; ///< may start with "~/"
    bool agent = false; ///< log in with the keys of the running ssh-agent (SSH_AUTH_SOCK) only, no key file
    QString keyPassphraseEnv; ///< environment variable holding the key's passphrase
    QString passwordEnv; ///< environment variable holding the SSH password
    QString passwordKeychain; ///< name of the OS keychain entry holding the SSH password (never the secret)
    QString knownHostsFile = QStringLiteral("~/.ssh/known_hosts");
    bool acceptNewHostKey = false;
    bool sudo = false;

    /** Transient: an SSH password typed into the GUI or read from the keychain. Never serialised. */
    QString passwordOverride;

    QJsonObject toJson() const;
};

/** One server of the pair as the profile describes it. Secrets are references, never values. */
struct ServerProfile
{
    QString name;
    QString host;
    int port = 3306;
    QString adminUser = QStringLiteral("root");
    QString adminPasswordEnv; ///< environment variable holding the admin password
    QString adminPasswordFile; ///< or a file (mode 0600) holding it, like a ~/.my.cnf
    QString adminPasswordKeychain; ///< or the name of the OS keychain entry holding it (never the secret)
    QString peerHost; ///< address the *other* server uses to reach this one
    bool hasSsh = false;
    SshEndpoint ssh;
    QString configFile = QStringLiteral("auto");
    QString restartCommand = QStringLiteral("auto");
    /** How long a restart may take before it is stopped (large buffer pools need minutes). */
    int restartTimeoutSeconds = DefaultRestartTimeoutSeconds;
    static constexpr int DefaultRestartTimeoutSeconds = 90;
    /** How RepliPair connects to this server: the pair's mode and the files on the machine running
     *  RepliPair (PairProfile::setTls keeps it equal to the pair's "tls"). */
    TlsSettings tls;
    /** The server's own "tls" override: the files as they are on this server's host (its replication
     *  link uses them); empty fields fall back to the pair's. */
    TlsFiles hostTls;
    /** The CA, certificate and key this server's replica thread reads on its host. */
    TlsFiles hostTlsFiles() const { return hostTls.over(tls.files); }

    /** Transient: a password typed into the GUI or read from the keychain. Never serialised. */
    QString adminPasswordOverride;
    /** Transient: the user answered the GUI's prompt for it (an empty answer is an answer, not a gap). */
    bool adminPasswordAnswered = false;
    /** Whether the profile names no place for the admin password (no variable, file or keychain entry) and
     *  none was typed: the GUI asks rather than trying an empty one. */
    bool adminPasswordUnsourced() const
    {
        return adminPasswordOverride.isEmpty() && !adminPasswordAnswered && adminPasswordEnv.isEmpty()
            && adminPasswordFile.isEmpty() && adminPasswordKeychain.isEmpty();
    }

    QString effectivePeerHost() const { return peerHost.isEmpty() ? host : peerHost; }
    QString endpoint() const { return QStringLiteral("%1:%2").arg(host).arg(port); }
    /** Reads the admin password from the override, the environment variable or the file. */
    Result<QString> adminPassword() const;
    /** Reads the profile's entry at @p where ("servers[0]"); problems go into @p p. */
    static ServerProfile fromJson(const QJsonObject& o, const QString& where, ProfileFields& p);
    QJsonObject toJson() const;
};
