#include "common/serverprofile.h"

#include "common/pairprofile.h"
#include "common/profilefields.h"
#include "common/shellquote.h"
#include "common/stepid.h"

#include <QFile>

// The messages keep PairProfile's translation context: they are the profile's, wherever they are read.

namespace {

SshEndpoint parseSsh(const QJsonObject& o, const QString& defaultHost, const QString& where, ProfileFields& p)
{
    p.unknownKeys(o,
        { QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("user"), QStringLiteral("keyFile"),
            QStringLiteral("keyPassphraseEnv"), QStringLiteral("passwordEnv"),
            QStringLiteral("passwordKeychain"), QStringLiteral("knownHostsFile"),
            QStringLiteral("acceptNewHostKey"), QStringLiteral("sudo"), QStringLiteral("agent") },
        where);
    SshEndpoint s;
    s.host = p.string(o, QStringLiteral("host"), where, defaultHost);
    s.port = p.port(o, QStringLiteral("port"), where, 22);
    s.user = p.string(o, QStringLiteral("user"), where, {}, true);
    s.keyFile = p.string(o, QStringLiteral("keyFile"), where, {});
    s.agent = p.boolean(o, QStringLiteral("agent"), where, false);
    if (s.agent && !s.keyFile.isEmpty())
        p.add(where,
            PairProfile::tr(
                "\"agent\": true logs in with the ssh-agent's keys; it cannot go with \"keyFile\""));
    s.keyPassphraseEnv = p.string(o, QStringLiteral("keyPassphraseEnv"), where, {});
    s.passwordEnv = p.string(o, QStringLiteral("passwordEnv"), where, {});
    s.passwordKeychain = p.string(o, QStringLiteral("passwordKeychain"), where, {});
    s.knownHostsFile = p.string(o, QStringLiteral("knownHostsFile"), where, s.knownHostsFile);
    s.acceptNewHostKey = p.boolean(o, QStringLiteral("acceptNewHostKey"), where, false);
    s.sudo = p.boolean(o, QStringLiteral("sudo"), where, false);
    return s;
}

} // namespace

ServerProfile ServerProfile::fromJson(const QJsonObject& o, const QString& where, ProfileFields& p)
{
    p.unknownKeys(o,
        { QStringLiteral("name"), QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("adminUser"),
            QStringLiteral("adminPasswordEnv"), QStringLiteral("adminPasswordFile"),
            QStringLiteral("adminPasswordKeychain"), QStringLiteral("peerHost"), QStringLiteral("ssh"),
            QStringLiteral("configFile"), QStringLiteral("restartCommand"),
            QStringLiteral("restartTimeoutSeconds"), QStringLiteral("tls") },
        where);
    ServerProfile s;
    s.name = p.string(o, QStringLiteral("name"), where, {}, true);
    s.host = p.string(o, QStringLiteral("host"), where, {}, true);
    s.port = p.port(o, QStringLiteral("port"), where, 3306);
    s.adminUser = p.string(o, QStringLiteral("adminUser"), where, s.adminUser);
    s.adminPasswordEnv = p.string(o, QStringLiteral("adminPasswordEnv"), where, {});
    s.adminPasswordFile = p.string(o, QStringLiteral("adminPasswordFile"), where, {});
    s.adminPasswordKeychain = p.string(o, QStringLiteral("adminPasswordKeychain"), where, {});
    s.peerHost = p.string(o, QStringLiteral("peerHost"), where, {});
    s.configFile = p.string(o, QStringLiteral("configFile"), where, s.configFile);
    s.restartCommand = p.string(o, QStringLiteral("restartCommand"), where, s.restartCommand);
    s.restartTimeoutSeconds
        = p.integer(o, QStringLiteral("restartTimeoutSeconds"), where, s.restartTimeoutSeconds);
    if (s.configFile.isEmpty())
        p.add(where, PairProfile::tr("\"configFile\" must be a path or \"auto\""));
    if (s.restartCommand.isEmpty())
        p.add(where, PairProfile::tr("\"restartCommand\" must be a command or \"auto\""));
    const QJsonValue tls = o.value(QStringLiteral("tls"));
    if (tls.isObject()) {
        const QString at = where + QStringLiteral(".tls");
        p.unknownKeys(
            tls.toObject(), { QStringLiteral("ca"), QStringLiteral("cert"), QStringLiteral("key") }, at);
        s.hostTls = TlsSettings::filesFromJson(tls.toObject(), at, p);
    } else if (!tls.isUndefined() && !tls.isNull()) {
        p.add(where, PairProfile::tr("\"tls\" must be an object with \"ca\", \"cert\" and \"key\", or null"));
    }
    const QJsonValue ssh = o.value(QStringLiteral("ssh"));
    if (ssh.isObject()) {
        s.hasSsh = true;
        s.ssh = parseSsh(ssh.toObject(), s.host, where + QStringLiteral(".ssh"), p);
    } else if (!ssh.isUndefined() && !ssh.isNull()) {
        p.add(where, PairProfile::tr("\"ssh\" must be an object or null"));
    }
    return s;
}

Result<QString> ServerProfile::adminPassword() const
{
    if (!adminPasswordOverride.isEmpty())
        return adminPasswordOverride;
    if (!adminPasswordEnv.isEmpty()) {
        if (!qEnvironmentVariableIsSet(adminPasswordEnv.toLocal8Bit().constData()))
            return stepFailure(name, StepId::Credentials,
                PairProfile::tr("environment variable %1 (admin password) is not set").arg(adminPasswordEnv));
        return qEnvironmentVariable(adminPasswordEnv.toLocal8Bit().constData());
    }
    if (!adminPasswordFile.isEmpty()) {
        QFile f(Shell::expandHome(adminPasswordFile));
        // like ~/.my.cnf: a password file others can read is refused rather than used
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther;
        if (f.exists() && f.permissions().testAnyFlags(others))
            return stepFailure(name, StepId::Credentials,
                PairProfile::tr("the admin password file %1 can be read by other users: make it private "
                                "with chmod 600 %1")
                    .arg(f.fileName()));
        if (!f.open(QIODevice::ReadOnly))
            return stepFailure(name, StepId::Credentials,
                PairProfile::tr("cannot read the admin password file %1: %2")
                    .arg(f.fileName(), f.errorString()));
        return QString::fromUtf8(f.readAll()).trimmed();
    }
    return QString(); // no password configured: try an empty one
}

QJsonObject SshEndpoint::toJson() const
{
    QJsonObject o { { QStringLiteral("host"), host }, { QStringLiteral("port"), port },
        { QStringLiteral("user"), user }, { QStringLiteral("knownHostsFile"), knownHostsFile },
        { QStringLiteral("acceptNewHostKey"), acceptNewHostKey }, { QStringLiteral("sudo"), sudo } };
    o.insert(QStringLiteral("keyFile"), keyFile.isEmpty() ? QJsonValue() : QJsonValue(keyFile));
    o.insert(QStringLiteral("passwordEnv"), passwordEnv.isEmpty() ? QJsonValue() : QJsonValue(passwordEnv));
    if (agent)
        o.insert(QStringLiteral("agent"), true);
    if (!keyPassphraseEnv.isEmpty())
        o.insert(QStringLiteral("keyPassphraseEnv"), keyPassphraseEnv);
    if (!passwordKeychain.isEmpty())
        o.insert(QStringLiteral("passwordKeychain"), passwordKeychain);
    return o;
}

QJsonObject ServerProfile::toJson() const
{
    QJsonObject o { { QStringLiteral("name"), name }, { QStringLiteral("host"), host },
        { QStringLiteral("port"), port }, { QStringLiteral("adminUser"), adminUser },
        { QStringLiteral("configFile"), configFile }, { QStringLiteral("restartCommand"), restartCommand } };
    if (!adminPasswordEnv.isEmpty())
        o.insert(QStringLiteral("adminPasswordEnv"), adminPasswordEnv);
    if (!adminPasswordKeychain.isEmpty())
        o.insert(QStringLiteral("adminPasswordKeychain"), adminPasswordKeychain);
    if (!adminPasswordFile.isEmpty())
        o.insert(QStringLiteral("adminPasswordFile"), adminPasswordFile);
    if (!peerHost.isEmpty())
        o.insert(QStringLiteral("peerHost"), peerHost);
    if (restartTimeoutSeconds != DefaultRestartTimeoutSeconds)
        o.insert(QStringLiteral("restartTimeoutSeconds"), restartTimeoutSeconds);
    o.insert(QStringLiteral("ssh"), hasSsh ? QJsonValue(ssh.toJson()) : QJsonValue());
    if (!hostTls.isEmpty())
        o.insert(QStringLiteral("tls"), hostTls.toJson());
    return o;
}
