#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"

#include <QFuture>
#include <QObject>

/** Passwords in the operating system's keychain (Secret Service on Linux, Credential Manager on Windows,
 *  the Keychain on macOS) through QtKeychain. A profile names an entry (ServerProfile::adminPasswordKeychain,
 *  SshEndpoint::passwordKeychain), never the secret. Every call answers with a QFuture; nothing waits. */
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    enum class Secret { Sql, Ssh };

    explicit CredentialStore(QObject* parent = nullptr);

    /** The keychain service all of RepliPair's entries live under. */
    static QString service();
    /** A stable entry name for a server's account: "sql:user@host:port" or "ssh:user@host:port" (pairs
     *  that share a server share its entry). */
    static QString entryName(const ServerProfile& server, Secret secret);

    QFuture<Result<void>> store(const QString& entry, const QString& secret);
    QFuture<Result<QString>> read(const QString& entry);
    QFuture<Result<void>> forget(const QString& entry);

    /** Fills the passwords of @p profile from the keychain entries it names; an entry that cannot be read
     *  leaves its password empty (the caller then asks). */
    QFuture<PairProfile> fillFromKeychain(const PairProfile& profile);
    /** Stores the passwords @p profile holds in memory under the entries it names (empty ones skipped). */
    QFuture<Result<void>> storeFromProfile(const PairProfile& profile);
    /** Forgets every entry @p profile names. */
    QFuture<Result<void>> forgetProfile(const PairProfile& profile);
};
