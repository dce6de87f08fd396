#include "support/testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>

SandboxPair::SandboxPair()
    : m_dir(QStringLiteral("/tmp/rpt-XXXXXX")) // short: socket paths have a length limit
{
    m_dir.setAutoRemove(qEnvironmentVariableIsEmpty("REPLIPAIR_KEEP_SANDBOX"));
    m_sandbox = std::make_unique<Sandbox>(m_dir.path() + QStringLiteral("/sb"));
}

SandboxPair::~SandboxPair()
{
    m_sandbox->down();
}

bool SandboxPair::up()
{
    auto r = m_sandbox->up(2);
    if (!r)
        m_error = r.error().toString();
    return bool(r);
}

QString sandboxSql(Sandbox& sandbox, int index, const QString& sql, bool* ok)
{
    const SandboxServer& s = sandbox.servers().at(index);
    QFile pw(sandbox.adminPasswordFile());
    pw.open(QIODevice::ReadOnly);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MYSQL_PWD"), QString::fromUtf8(pw.readAll()).trimmed());
    p.setProcessEnvironment(env);
    p.start(QStandardPaths::findExecutable(QStringLiteral("mariadb")),
        { QStringLiteral("--no-defaults"), QStringLiteral("-h127.0.0.1"), QStringLiteral("-P%1").arg(s.port),
            QStringLiteral("-uroot"), QStringLiteral("-N"), QStringLiteral("-B"),
            QStringLiteral("--default-character-set=utf8mb4") });
    p.write(sql.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(60000);
    const bool good = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (ok)
        *ok = good;
    const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    return good ? out : QString::fromUtf8(p.readAllStandardError()).trimmed();
}

bool appendKilledSwitchover(const QString& path)
{
    QFile j(path);
    if (!j.open(QIODevice::Append))
        return false;
    const QJsonObject begin { { QStringLiteral("kind"), QStringLiteral("begin") },
        { QStringLiteral("run"), QStringLiteral("k1") },
        { QStringLiteral("operation"), QStringLiteral("switchover") }, { QStringLiteral("pid"), 0 },
        { QStringLiteral("host"), QSysInfo::machineHostName() },
        { QStringLiteral("time"), QStringLiteral("2026-12-05T12:00:00.000Z") } };
    const QJsonObject intent { { QStringLiteral("kind"), QStringLiteral("intent") },
        { QStringLiteral("run"), QStringLiteral("k1") }, { QStringLiteral("id"), 1 },
        { QStringLiteral("server"), QStringLiteral("A") },
        { QStringLiteral("step"), QStringLiteral("set-read-only") },
        { QStringLiteral("action"), QStringLiteral("read-only") },
        { QStringLiteral("undo"), QJsonObject { { QStringLiteral("was"), 0 } } },
        { QStringLiteral("lasting"), true },
        { QStringLiteral("time"), QStringLiteral("2026-12-05T12:00:00.100Z") } };
    const QByteArray lines = QJsonDocument(begin).toJson(QJsonDocument::Compact) + '\n'
        + QJsonDocument(intent).toJson(QJsonDocument::Compact) + '\n';
    return j.write(lines) == lines.size();
}
