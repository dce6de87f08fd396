#include "support/sshdfixture.h"

#include "sandbox/sandbox.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace {
// one user per test process: test runs of several work trees at once never share (or delete) it
QString testUser()
{
    return QStringLiteral("rpssh%1").arg(QCoreApplication::applicationPid());
}

bool writeFile(const QString& path, const QByteArray& content, QFile::Permissions perms)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
        return false;
    f.close();
    return f.setPermissions(perms);
}
} // namespace

SshdFixture::SshdFixture()
    : m_dir(QStringLiteral("/tmp/rpssh-XXXXXX"))
{
    m_dir.setAutoRemove(qEnvironmentVariableIsEmpty("REPLIPAIR_KEEP_SANDBOX"));
}

SshdFixture::~SshdFixture()
{
    stop();
    if (!m_sudoersRule.isEmpty())
        QFile::remove(m_sudoersRule);
    if (m_createdUser)
        runLocal(QStringLiteral("userdel"), { QStringLiteral("-f"), m_user });
}

bool SshdFixture::allowSudo()
{
    if (::geteuid() != 0)
        return true;
    const QString path = QStringLiteral("/etc/sudoers.d/replipair-test-%1").arg(m_user);
    QFile rule(path);
    if (!rule.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    m_sudoersRule = path; // from here on removed by the destructor
    rule.write(QStringLiteral("%1 ALL=(root) NOPASSWD: ALL\n").arg(m_user).toUtf8());
    rule.close();
    return QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup);
}

void SshdFixture::removeLeftovers()
{
    if (::geteuid() != 0)
        return;
    // a test user is named after its process; the process gone, the user (and its rules) are leftovers
    static const QRegularExpression testUserName(QStringLiteral("\\brpssh([0-9]+)\\b"));
    auto gone = [](const QString& pid) { return ::kill(pid_t(pid.toLongLong()), 0) != 0 && errno == ESRCH; };
    const QDir rules(QStringLiteral("/etc/sudoers.d"));
    for (const QString& name : rules.entryList({ QStringLiteral("replipair-*") }, QDir::Files)) {
        QFile f(rules.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const auto m = testUserName.match(QString::fromUtf8(f.readAll()));
        f.close();
        if (m.hasMatch() && gone(m.captured(1)))
            QFile::remove(f.fileName());
    }
    QFile passwd(QStringLiteral("/etc/passwd"));
    if (!passwd.open(QIODevice::ReadOnly))
        return;
    for (const QByteArray& line : passwd.readAll().split('\n')) {
        const QString user = QString::fromUtf8(line.left(line.indexOf(':')));
        const auto m = testUserName.match(user);
        if (m.hasMatch() && m.capturedLength() == user.size() && gone(m.captured(1)))
            runLocal(QStringLiteral("userdel"), { QStringLiteral("-f"), user });
    }
}

QString SshdFixture::runLocal(
    const QString& program, const QStringList& args, bool* ok, const QByteArray& stdinData)
{
    QProcess p;
    p.start(program, args);
    p.write(stdinData);
    p.closeWriteChannel();
    const bool finished = p.waitForFinished(30000);
    const bool good = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!finished)
        p.kill();
    if (ok)
        *ok = good;
    return QString::fromUtf8(good ? p.readAllStandardOutput() : p.readAllStandardError()).trimmed();
}

QString SshdFixture::clientKey() const
{
    return m_dir.filePath(QStringLiteral("client_ed25519"));
}

QString SshdFixture::encryptedClientKey() const
{
    return m_dir.filePath(QStringLiteral("client_encrypted"));
}

QString SshdFixture::userDir() const
{
    return m_dir.filePath(QStringLiteral("home"));
}

QString SshdFixture::hostKeyFingerprint() const
{
    // "256 SHA256:abc… comment (ED25519)"
    return runLocal(QStringLiteral("ssh-keygen"),
        { QStringLiteral("-lf"), m_dir.filePath(QStringLiteral("host_ed25519.pub")) })
        .section(QLatin1Char(' '), 1, 1);
}

SshEndpoint SshdFixture::endpoint(const QString& knownHostsFile) const
{
    SshEndpoint ep;
    ep.host = QStringLiteral("127.0.0.1");
    ep.port = m_port;
    ep.user = m_user;
    ep.keyFile = clientKey();
    ep.knownHostsFile
        = knownHostsFile.isEmpty() ? m_dir.filePath(QStringLiteral("known_hosts")) : knownHostsFile;
    return ep;
}

bool SshdFixture::setUpUser()
{
    const QString home = userDir();
    QDir().mkpath(home);
    if (::geteuid() != 0) {
        m_user = qEnvironmentVariable("USER", runLocal(QStringLiteral("id"), { QStringLiteral("-un") }));
        return true;
    }
    // root: a dedicated unprivileged user, so that "cannot write" and "sudo refuses" are real
    removeLeftovers();
    m_user = testUser();
    bool ok = false;
    runLocal(QStringLiteral("id"), { m_user }, &ok);
    if (!ok) {
        const QString err = runLocal(QStringLiteral("useradd"),
            { QStringLiteral("-M"), QStringLiteral("-d"), home, QStringLiteral("-s"),
                QStringLiteral("/bin/sh"), m_user },
            &ok);
        if (!ok) {
            m_error = QStringLiteral("useradd %1 failed: %2").arg(m_user, err);
            return false;
        }
    } else {
        runLocal(QStringLiteral("usermod"), { QStringLiteral("-d"), home, m_user });
    }
    m_createdUser = true;
    m_password = QString::number(QRandomGenerator::system()->generate64(), 36) + QStringLiteral("Aa1!");
    const QString err = runLocal(QStringLiteral("chpasswd"), {}, &ok,
        (m_user + QLatin1Char(':') + m_password + QLatin1Char('\n')).toUtf8());
    if (!ok) {
        m_error = QStringLiteral("chpasswd failed: %1").arg(err);
        return false;
    }
    runLocal(QStringLiteral("chown"), { m_user, home }, &ok);
    // sshd reads authorized_keys as the user: the fixture folder must be traversable
    QFile::setPermissions(m_dir.path(),
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
            | QFile::ReadOther | QFile::ExeOther);
    return true;
}

bool SshdFixture::generateHostKey()
{
    const QString key = m_dir.filePath(QStringLiteral("host_ed25519"));
    QFile::remove(key);
    QFile::remove(key + QStringLiteral(".pub"));
    bool ok = false;
    const QString err = runLocal(QStringLiteral("ssh-keygen"),
        { QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
            QString(), QStringLiteral("-C"), QStringLiteral("replipair-test-host"), QStringLiteral("-f"),
            key },
        &ok);
    if (!ok)
        m_error = QStringLiteral("ssh-keygen (host key) failed: %1").arg(err);
    return ok;
}

bool SshdFixture::start()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder");
        return false;
    }
    if (!QFile::exists(QStringLiteral("/usr/sbin/sshd"))) {
        m_error
            = QStringLiteral("/usr/sbin/sshd is not installed (openssh-server; run scripts/install-deps.sh)");
        return false;
    }
    if (!setUpUser() || !generateHostKey())
        return false;
    bool ok = false;
    QString err = runLocal(QStringLiteral("ssh-keygen"),
        { QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
            QString(), QStringLiteral("-f"), clientKey() },
        &ok);
    if (ok)
        err = runLocal(QStringLiteral("ssh-keygen"),
            { QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                passphrase(), QStringLiteral("-f"), encryptedClientKey() },
            &ok);
    if (!ok) {
        m_error = QStringLiteral("ssh-keygen (client key) failed: %1").arg(err);
        return false;
    }
    QByteArray authorized;
    for (const QString& k : { clientKey(), encryptedClientKey() }) {
        QFile pub(k + QStringLiteral(".pub"));
        pub.open(QIODevice::ReadOnly);
        authorized += pub.readAll();
    }
    const auto readable = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    m_port = Sandbox::freeLoopbackPort();
    const QByteArray config = QStringLiteral("Port %1\n"
                                             "ListenAddress 127.0.0.1\n"
                                             "HostKey %2/host_ed25519\n"
                                             "PidFile %2/sshd.pid\n"
                                             "AuthorizedKeysFile %2/authorized_keys\n"
                                             "UsePAM no\n"
                                             "StrictModes no\n"
                                             "PubkeyAuthentication yes\n"
                                             "PasswordAuthentication yes\n"
                                             "KbdInteractiveAuthentication no\n"
                                             "PermitRootLogin prohibit-password\n"
                                             "AllowUsers %3\n"
                                             "Subsystem sftp internal-sftp\n"
                                             "LogLevel VERBOSE\n")
                                  .arg(m_port)
                                  .arg(m_dir.path(), m_user)
                                  .toUtf8();
    if (m_port == 0 || !writeFile(m_dir.filePath(QStringLiteral("authorized_keys")), authorized, readable)
        || !writeFile(m_dir.filePath(QStringLiteral("sshd_config")), config, readable)) {
        m_error = QStringLiteral("cannot write the sshd files or find a free port");
        return false;
    }
    if (::geteuid() == 0)
        QDir().mkpath(QStringLiteral("/run/sshd")); // privilege separation folder
    return startSshd();
}

bool SshdFixture::startSshd()
{
    m_sshd.setProcessChannelMode(QProcess::MergedChannels);
    // stopped by the destructor; and should this test process crash, the kernel stops sshd too
    m_sshd.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_sshd.setStandardOutputFile(m_dir.filePath(QStringLiteral("sshd.log")), QIODevice::Append);
    m_sshd.start(QStringLiteral("/usr/sbin/sshd"),
        { QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
            m_dir.filePath(QStringLiteral("sshd_config")) });
    if (!m_sshd.waitForStarted(5000)) {
        m_error = QStringLiteral("cannot start sshd: %1").arg(m_sshd.errorString());
        return false;
    }
    for (int i = 0; i < 100; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (probe.waitForConnected(200) && probe.waitForReadyRead(1000) && probe.readAll().startsWith("SSH-"))
            return true;
        if (m_sshd.state() != QProcess::Running)
            break;
        QThread::msleep(100);
    }
    QFile log(m_dir.filePath(QStringLiteral("sshd.log")));
    log.open(QIODevice::ReadOnly);
    m_error = QStringLiteral("sshd did not come up on 127.0.0.1:%1: %2")
                  .arg(m_port)
                  .arg(QString::fromUtf8(log.readAll().right(2000)));
    stop();
    return false;
}

void SshdFixture::stop()
{
    if (m_sshd.state() == QProcess::NotRunning)
        return;
    m_sshd.terminate();
    if (!m_sshd.waitForFinished(5000)) {
        m_sshd.kill();
        m_sshd.waitForFinished(2000);
    }
}

bool SshdFixture::replaceHostKey()
{
    stop();
    return generateHostKey() && startSshd();
}
