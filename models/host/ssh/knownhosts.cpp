#include "host/ssh/knownhosts.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "host/ssh/libsshhandles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {
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
} // namespace

KnownHosts::KnownHosts(const SshEndpoint& endpoint, QString serverName)
    : m_endpoint(endpoint)
    , m_server(std::move(serverName))
{ }

QString KnownHosts::path() const
{
    return Shell::expandHome(m_endpoint.knownHostsFile.isEmpty() ? QStringLiteral("~/.ssh/known_hosts")
                                                                 : m_endpoint.knownHostsFile);
}

QString KnownHosts::hostName() const
{
    return m_endpoint.port == 22 ? m_endpoint.host
                                 : QStringLiteral("[%1]:%2").arg(m_endpoint.host).arg(m_endpoint.port);
}

QStringList KnownHosts::fingerprintsInFile() const
{
    QStringList out;
    QFile f(path());
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QByteArray name = hostName().toUtf8();
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

Result<SshHostKey> KnownHosts::read(ssh_session s) const
{
    ssh_key raw = nullptr;
    if (ssh_get_server_publickey(s, &raw) != SSH_OK || !raw)
        return stepFailure(m_server, StepId::Ssh,
            KnownHosts::tr("%1 sent no host key: %2").arg(LibSsh::where(m_endpoint), LibSsh::error(s)));
    LibSsh::KeyPtr key(raw);
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
        hk.knownFingerprints = fingerprintsInFile();
        break;
    case SSH_KNOWN_HOSTS_NOT_FOUND:
    case SSH_KNOWN_HOSTS_UNKNOWN:
        hk.status = SshHostKey::Status::Unknown;
        break;
    case SSH_KNOWN_HOSTS_ERROR:
        return stepFailure(m_server, StepId::Ssh,
            KnownHosts::tr("cannot check the host key of %1 against %2: %3")
                .arg(LibSsh::where(m_endpoint), path(), LibSsh::error(s)));
    }
    return hk;
}

QString KnownHosts::changedKeyMessage(const SshHostKey& hk) const
{
    return KnownHosts::tr(
        "the host key of %1 has CHANGED: it now presents %2 (%3), but %4 holds %5 for %6. "
        "This may be an attack (someone between you and the host), or the host was reinstalled. "
        "If you know why, remove the old entry (ssh-keygen -R '%6' -f %4) and try again.")
        .arg(LibSsh::where(m_endpoint), hk.fingerprint, hk.type, path(),
            hk.knownFingerprints.isEmpty() ? KnownHosts::tr("another key")
                                           : hk.knownFingerprints.join(QLatin1String(", ")),
            hostName());
}

Result<void> KnownHosts::add(ssh_session s) const
{
    const QString file = path();
    const QString dir = QFileInfo(file).absolutePath();
    if (!QDir().mkpath(dir))
        return stepFailure(
            m_server, StepId::Ssh, KnownHosts::tr("cannot create the folder %1 for %2").arg(dir, file));
    if (ssh_session_update_known_hosts(s) != SSH_OK)
        return stepFailure(m_server, StepId::Ssh,
            KnownHosts::tr("cannot add the host key of %1 to %2: %3")
                .arg(LibSsh::where(m_endpoint), file, LibSsh::error(s)));
    return {};
}

Result<void> KnownHosts::verify(ssh_session s, SshHostKey* added) const
{
    auto hk = read(s);
    if (!hk)
        return std::unexpected(hk.error());
    switch (hk->status) {
    case SshHostKey::Status::Known:
        return {};
    case SshHostKey::Status::Changed:
        return stepFailure(m_server, StepId::Ssh, changedKeyMessage(*hk));
    case SshHostKey::Status::Unknown:
        break;
    }
    if (!m_endpoint.acceptNewHostKey)
        return stepFailure(m_server, StepId::Ssh,
            KnownHosts::tr("%1 is not a known host: its key %2 (%3) is not in %4. Compare it with the "
                           "fingerprint shown on the host (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), then "
                           "accept it (\"acceptNewHostKey\": true) or add it to %4 yourself.")
                .arg(LibSsh::where(m_endpoint), hk->fingerprint, hk->type, path()));
    if (auto ok = add(s); !ok)
        return ok;
    if (added)
        *added = *hk;
    return {};
}
