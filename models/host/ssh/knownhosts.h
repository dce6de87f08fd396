#pragma once

#include "common/pairprofile.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

struct ssh_session_struct;

/** A server's SSH host key as it presented it, and what the known_hosts file says about it. */
struct SshHostKey
{
    enum class Status { Known, Unknown, Changed };
    QString type; ///< e.g. "ssh-ed25519"
    QString fingerprint; ///< "SHA256:…", as `ssh-keygen -lf` prints it
    Status status = Status::Unknown;
    QStringList knownFingerprints; ///< what known_hosts holds for this host when the key changed
};

/** The known_hosts file of an endpoint: reads the key a connected (not yet authenticated) session
 *  presents, compares it with the file, and adds it when the profile or the user accepted it. */
class KnownHosts
{
    Q_DECLARE_TR_FUNCTIONS(KnownHosts)
public:
    KnownHosts(const SshEndpoint& endpoint, QString serverName);

    /** The file (profile's, else ~/.ssh/known_hosts), "~" expanded. */
    QString path() const;
    /** How the file names the host: "[host]:port" unless the port is 22. */
    QString hostName() const;

    /** The key @p session presents and whether the file knows it. */
    Result<SshHostKey> read(ssh_session_struct* session) const;
    /** Accepts a known key; refuses a changed one; adds an unknown one only when the profile says
     *  "acceptNewHostKey" (then @p added holds it). */
    Result<void> verify(ssh_session_struct* session, SshHostKey* added = nullptr) const;
    /** Adds the key @p session presents to the file (creating its folder). */
    Result<void> add(ssh_session_struct* session) const;
    /** Why a changed key is refused, with both fingerprints and the command that removes the old entry. */
    QString changedKeyMessage(const SshHostKey& key) const;

private:
    /** Fingerprints the file holds for this host (plain, hashed and [host]:port entries). */
    QStringList fingerprintsInFile() const;

    const SshEndpoint& m_endpoint;
    QString m_server;
};
