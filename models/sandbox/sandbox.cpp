#include "sandbox/sandbox.h"
#include "sandbox/sandboxcertificates.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "platform/platform.h"
#include "sandbox/sandboxscripts.h"
#include "sandbox/sandboxtools.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QThread>

namespace {

/** The first port of the kernel's range for outgoing connections (32768 when unknown). */
int ephemeralRangeStart()
{
    QFile f(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
    if (f.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> parts = f.readAll().simplified().split(' ');
        bool ok = false;
        const int first = parts.value(0).toInt(&ok);
        if (ok && first > 12000)
            return first;
    }
    return 32768;
}

/** The files of server @p s in its folder (the start/stop scripts use the same names). */
void placeFiles(SandboxServer& s)
{
    s.configFile = QDir(s.dir).filePath(QStringLiteral("my.cnf"));
    s.socket = QDir(s.dir).filePath(QStringLiteral("mysqld.sock"));
    s.pidFile = QDir(s.dir).filePath(QStringLiteral("mysqld.pid"));
    s.errorLog = QDir(s.dir).filePath(QStringLiteral("error.log"));
}

} // namespace

Sandbox::Sandbox(QString dir)
    : m_dir(QDir(dir).absolutePath())
{
    load();
}

int Sandbox::freeLoopbackPort()
{
    const int top = ephemeralRangeStart();
    const int bottom = 10000;
    for (int attempt = 0; attempt < 200; ++attempt) {
        const int port = bottom + int(QRandomGenerator::global()->bounded(top - bottom));
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost, quint16(port)))
            return port;
    }
    return 0;
}

QString Sandbox::serverBinary()
{
    return SandboxTools::firstExecutable({ QStringLiteral("mariadbd"), QStringLiteral("mysqld") });
}

QString Sandbox::adminPasswordFile() const
{
    return QDir(m_dir).filePath(QStringLiteral("admin-password"));
}

QString Sandbox::caFile() const
{
    return SandboxCertificates(QDir(m_dir).filePath(QStringLiteral("tls"))).caFile();
}

QString Sandbox::profilePath() const
{
    return QDir(m_dir).filePath(QStringLiteral("pair.replipair.json"));
}

Result<void> Sandbox::load()
{
    QFile f(QDir(m_dir).filePath(QStringLiteral("sandbox.json")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray arr
        = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("servers")).toArray();
    m_servers.clear();
    for (const QJsonValue& v : arr) {
        const QJsonObject o = v.toObject();
        SandboxServer s;
        s.name = o.value(QStringLiteral("name")).toString();
        s.dir = o.value(QStringLiteral("dir")).toString();
        s.port = o.value(QStringLiteral("port")).toInt();
        s.host = o.value(QStringLiteral("host")).toString(s.host);
        placeFiles(s);
        s.restartCommand = Shell::quote(QDir(s.dir).filePath(QStringLiteral("restart.sh")));
        m_servers << s;
    }
    // a sandbox made before TLS existed has none
    if (!arr.isEmpty())
        m_tls = QFile::exists(caFile());
    return {};
}

Result<void> Sandbox::save() const
{
    QJsonArray arr;
    for (const SandboxServer& s : m_servers)
        arr << QJsonObject { { QStringLiteral("name"), s.name }, { QStringLiteral("dir"), s.dir },
            { QStringLiteral("port"), s.port }, { QStringLiteral("host"), s.host } };
    if (!SandboxTools::writeFile(QDir(m_dir).filePath(QStringLiteral("sandbox.json")),
            QJsonDocument(QJsonObject { { QStringLiteral("servers"), arr } }).toJson()))
        return stepFailure({}, StepId::Sandbox, Sandbox::tr("cannot write %1/sandbox.json").arg(m_dir));
    return {};
}

Result<void> Sandbox::create(int index)
{
    const QString binary = serverBinary();
    if (binary.isEmpty())
        return stepFailure(
            {}, StepId::Sandbox, Sandbox::tr("no mariadbd or mysqld found; run scripts/install-deps.sh"));
    const QString installDb = SandboxTools::firstExecutable(
        { QStringLiteral("mariadb-install-db"), QStringLiteral("mysql_install_db") });
    if (installDb.isEmpty())
        return stepFailure(
            {}, StepId::Sandbox, Sandbox::tr("no mariadb-install-db found; run scripts/install-deps.sh"));

    SandboxServer s;
    s.name = QString(QChar(u'A' + index));
    s.dir = QDir(m_dir).filePath(s.name.toLower());
    s.port = freeLoopbackPort();
    if (s.port == 0)
        return stepFailure(s.name, StepId::Sandbox, Sandbox::tr("no free port on 127.0.0.1"));
    QDir().mkpath(s.dir + QStringLiteral("/data"));
    QDir().mkpath(s.dir + QStringLiteral("/conf.d"));
    QDir().mkpath(s.dir + QStringLiteral("/tmp"));
    placeFiles(s);
    const bool root = Platform::isSuperuser();

    // Both start with server-id 1 and no binary log, as a freshly installed server does.
    QString cnf = QStringLiteral("# RepliPair sandbox server %1\n"
                                 "[mysqld]\n"
                                 "datadir = %2/data\n"
                                 "tmpdir = %2/tmp\n"
                                 "port = %3\n"
                                 "bind-address = 127.0.0.1\n"
                                 "socket = %4\n"
                                 "pid-file = %5\n"
                                 "log-error = %6\n"
                                 "server-id = 1\n"
                                 "skip-name-resolve\n"
                                 "innodb_buffer_pool_size = 32M\n"
                                 "innodb_log_file_size = 16M\n"
                                 "performance_schema = OFF\n")
                      .arg(s.name, s.dir)
                      .arg(s.port)
                      .arg(s.socket, s.pidFile, s.errorLog);
    if (root)
        cnf += QStringLiteral("user = root\n");
    if (m_tls) {
        SandboxCertificates ca(QDir(m_dir).filePath(QStringLiteral("tls")));
        if (auto made = ca.ensureCa(); !made)
            return made;
        auto issued = ca.issue(QStringLiteral("sandbox-") + s.name.toLower());
        if (!issued)
            return std::unexpected(issued.error());
        cnf += QStringLiteral("ssl-ca = %1\nssl-cert = %2\nssl-key = %3\n")
                   .arg(ca.caFile(), issued->cert, issued->key);
    }
    cnf += QStringLiteral("\n!includedir %1/conf.d\n").arg(s.dir);
    if (!SandboxTools::writeFile(s.configFile, cnf.toUtf8()))
        return stepFailure(s.name, StepId::Sandbox, Sandbox::tr("cannot write %1").arg(s.configFile));

    QStringList args { QStringLiteral("--defaults-file=") + s.configFile,
        QStringLiteral("--auth-root-authentication-method=normal"), QStringLiteral("--skip-test-db") };
    if (root)
        args << QStringLiteral("--user=root");
    auto installed = SandboxTools::run(installDb, args, {}, 180000, s.name);
    if (!installed) {
        // seen once under heavy load: the bootstrap gave up; a second try in a clean folder is cheap
        QFile log(s.errorLog);
        const QByteArray firstLog = log.open(QIODevice::ReadOnly) ? log.readAll().right(1500) : QByteArray();
        log.close();
        QDir(s.dir + QStringLiteral("/data")).removeRecursively();
        QDir().mkpath(s.dir + QStringLiteral("/data"));
        installed = SandboxTools::run(installDb, args, {}, 180000, s.name);
        if (!installed) {
            StepError e = installed.error();
            e.text += QStringLiteral("\n") + QString::fromLocal8Bit(firstLog);
            return std::unexpected(e);
        }
    }

    const QString startSh = SandboxScripts::start(s.name, Shell::quote(s.dir), Shell::quote(binary));
    const QString stopSh = SandboxScripts::stop(s.name, Shell::quote(s.dir));
    const QString restartSh = SandboxScripts::restart(s.name);
    const auto exe = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
        | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
    if (!SandboxTools::writeFile(s.dir + QStringLiteral("/start.sh"), startSh.toUtf8(), exe)
        || !SandboxTools::writeFile(s.dir + QStringLiteral("/stop.sh"), stopSh.toUtf8(), exe)
        || !SandboxTools::writeFile(s.dir + QStringLiteral("/restart.sh"), restartSh.toUtf8(), exe))
        return stepFailure(
            s.name, StepId::Sandbox, Sandbox::tr("cannot write the start/stop scripts in %1").arg(s.dir));
    s.restartCommand = Shell::quote(s.dir + QStringLiteral("/restart.sh"));
    m_servers << s;
    return {};
}

Result<void> Sandbox::up(int count)
{
    if (!Platform::hasSandbox())
        return stepFailure({}, StepId::Sandbox, Platform::noSandboxReason());
    if (!QDir().mkpath(m_dir))
        return stepFailure({}, StepId::Sandbox, Sandbox::tr("cannot create %1").arg(m_dir));
    // the password file is made once and shared by the servers of this sandbox
    if (!QFile::exists(adminPasswordFile())) {
        QString pw;
        const QString chars = QStringLiteral("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
        for (int i = 0; i < 20; ++i)
            pw += chars.at(QRandomGenerator::system()->bounded(chars.size()));
        if (!SandboxTools::writeFile(adminPasswordFile(), pw.toUtf8(), QFile::ReadOwner | QFile::WriteOwner))
            return stepFailure({}, StepId::Sandbox, Sandbox::tr("cannot write %1").arg(adminPasswordFile()));
    }
    bool created[8] = {};
    for (int i = int(m_servers.size()); i < count && i < 8; ++i) {
        auto made = create(i);
        if (!made)
            return made;
        created[i] = true;
    }
    if (auto saved = save(); !saved)
        return saved;
    QFile pwFile(adminPasswordFile());
    pwFile.open(QIODevice::ReadOnly);
    const QString password = QString::fromUtf8(pwFile.readAll()).trimmed();
    for (int i = 0; i < count && i < m_servers.size(); ++i) {
        if (isRunning(i))
            continue;
        if (i < 8 && !created[i] && m_servers[i].port > 0) {
            // a port taken by someone else since last time: move to a free one
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, quint16(m_servers[i].port))) {
                const int old = m_servers[i].port;
                m_servers[i].port = freeLoopbackPort();
                QFile f(m_servers[i].configFile);
                f.open(QIODevice::ReadOnly);
                QString cnf = QString::fromUtf8(f.readAll());
                f.close();
                cnf.replace(QStringLiteral("port = %1\n").arg(old),
                    QStringLiteral("port = %1\n").arg(m_servers[i].port));
                SandboxTools::writeFile(m_servers[i].configFile, cnf.toUtf8());
                save();
            }
        }
        if (auto started = start(i); !started)
            return started;
        if (i < 8 && created[i]) {
            // root gets a password and an account for TCP from loopback
            const QString client
                = SandboxTools::firstExecutable({ QStringLiteral("mariadb"), QStringLiteral("mysql") });
            QString pwLiteral = password;
            pwLiteral.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
                .replace(QLatin1Char('\''), QLatin1String("\\'"));
            const QByteArray sql
                = QStringLiteral("CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '%1';\n"
                                 "ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '%1';\n"
                                 "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;\n"
                                 "ALTER USER 'root'@'localhost' IDENTIFIED BY '%1';\n"
                                 "CREATE DATABASE IF NOT EXISTS test;\n")
                      .arg(pwLiteral)
                      .toUtf8();
            // the password goes through standard input, never the command line
            auto done = SandboxTools::run(client,
                { QStringLiteral("--no-defaults"), QStringLiteral("--socket=") + m_servers[i].socket,
                    QStringLiteral("-uroot") },
                sql, 30000, m_servers[i].name);
            if (!done)
                return std::unexpected(done.error());
        }
    }
    const PairProfile pair = pairProfile();
    if (m_servers.size() >= 2) {
        auto saved = pair.save(profilePath());
        if (!saved)
            return saved;
    }
    return {};
}

Result<void> Sandbox::start(int index)
{
    const SandboxServer& s = m_servers.at(index);
    auto r = SandboxTools::run(
        Platform::posixShell(), { s.dir + QStringLiteral("/start.sh") }, {}, 90000, s.name);
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<void> Sandbox::stop(int index)
{
    const SandboxServer& s = m_servers.at(index);
    auto r = SandboxTools::run(
        Platform::posixShell(), { s.dir + QStringLiteral("/stop.sh") }, {}, 90000, s.name);
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<void> Sandbox::kill(int index)
{
    const SandboxServer& s = m_servers.at(index);
    QFile f(s.pidFile);
    if (!f.open(QIODevice::ReadOnly))
        return stepFailure(s.name, StepId::Sandbox, Sandbox::tr("server %1 is not running").arg(s.name));
    const qint64 pid = f.readAll().trimmed().toLongLong();
    if (!Platform::killProcess(pid))
        return stepFailure(s.name, StepId::Sandbox, Sandbox::tr("cannot kill server %1").arg(s.name));
    for (int i = 0; i < 100 && Platform::processAlive(pid); ++i)
        QThread::msleep(50);
    QFile::remove(s.pidFile);
    return {};
}

bool Sandbox::isRunning(int index) const
{
    if (index < 0 || index >= m_servers.size())
        return false;
    QFile f(m_servers.at(index).pidFile);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return Platform::processAlive(f.readAll().trimmed().toLongLong());
}

Result<void> Sandbox::down()
{
    StepError first;
    bool failed = false;
    for (int i = 0; i < m_servers.size(); ++i) {
        auto r = stop(i);
        if (!r && !failed) {
            failed = true;
            first = r.error();
        }
    }
    if (failed)
        return std::unexpected(first);
    return {};
}

PairProfile Sandbox::pairProfile(const QStringList& databases) const
{
    PairProfile pair;
    pair.name = QStringLiteral("sandbox");
    pair.databases = databases;
    pair.ignoreDatabases = { QStringLiteral("mysql") };
    pair.binlogFormat = QStringLiteral("ROW"); // filters by database are only safe with row logging
    for (int i = 0; i < 2 && i < m_servers.size(); ++i) {
        ServerProfile& p = pair.servers[i];
        const SandboxServer& s = m_servers.at(i);
        p.name = s.name;
        p.host = s.host;
        p.port = s.port;
        p.adminUser = QStringLiteral("root");
        p.adminPasswordFile = adminPasswordFile();
        p.configFile = s.configFile;
        p.restartCommand = s.restartCommand;
    }
    if (m_tls) {
        TlsSettings tls;
        tls.mode = TlsMode::VerifyCa;
        tls.files.ca = caFile();
        pair.setTls(tls);
    }
    return pair;
}
