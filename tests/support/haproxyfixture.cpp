#include "support/haproxyfixture.h"

#include "sandbox/sandbox.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QThread>

HaproxyFixture::HaproxyFixture(QString dir)
    : m_dir(std::move(dir))
{ }

HaproxyFixture::~HaproxyFixture()
{
    stop();
}

bool HaproxyFixture::start(const QString names[2], const int ports[2], int writer)
{
    const QString haproxy = QStandardPaths::findExecutable(
        QStringLiteral("haproxy"), { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin") });
    if (haproxy.isEmpty() || QStandardPaths::findExecutable(QStringLiteral("socat")).isEmpty()) {
        m_error = QStringLiteral("haproxy and socat are needed (scripts/install-deps.sh installs them)");
        return false;
    }
    m_port = Sandbox::freeLoopbackPort();
    QString cfg = QStringLiteral("global\n"
                                 "  stats socket %1 mode 600 level admin\n"
                                 "defaults\n"
                                 "  mode tcp\n"
                                 "  timeout connect 2s\n"
                                 "  timeout client 120s\n"
                                 "  timeout server 120s\n"
                                 "listen pair\n"
                                 "  bind 127.0.0.1:%2\n")
                      .arg(adminSocket())
                      .arg(m_port);
    for (int i = 0; i < 2; ++i)
        cfg += QStringLiteral("  server %1 127.0.0.1:%2\n").arg(names[i]).arg(ports[i]);
    QFile f(m_dir + QStringLiteral("/haproxy.cfg"));
    if (!f.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot write ") + f.fileName();
        return false;
    }
    f.write(cfg.toUtf8());
    f.close();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(haproxy, { QStringLiteral("-db"), QStringLiteral("-f"), f.fileName() });
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("haproxy did not start: ") + m_process.errorString();
        return false;
    }
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (s.waitForConnected(200) && QFile::exists(adminSocket())) {
            // the other server in maintenance through the runtime API, as the hooks will move it (a server
            // "disabled" in the file stays so until "enable server", which "state ready" does not undo)
            command(QStringLiteral("set server pair/%1 state maint").arg(names[1 - writer]));
            return isReady(names[writer]) && !isReady(names[1 - writer]);
        }
        if (m_process.state() != QProcess::Running)
            break;
        QThread::msleep(50);
    }
    m_error = QStringLiteral("haproxy does not listen: ") + QString::fromUtf8(m_process.readAll());
    return false;
}

void HaproxyFixture::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString HaproxyFixture::command(const QString& line) const
{
    QProcess p;
    p.start(QStandardPaths::findExecutable(QStringLiteral("socat")),
        { QStringLiteral("stdio"), QStringLiteral("unix-connect:") + adminSocket() });
    p.write(line.toUtf8() + '\n');
    p.closeWriteChannel();
    p.waitForFinished(10000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

bool HaproxyFixture::isReady(const QString& name) const
{
    // "show servers state pair": one line a server; column 6 is srv_admin_state (0: ready, 1: maint)
    const QStringList lines = command(QStringLiteral("show servers state pair")).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QStringList f = line.split(QLatin1Char(' '));
        if (f.size() > 6 && f.at(3) == name)
            return f.at(6) == QLatin1String("0");
    }
    return false;
}

QString HaproxyFixture::routeHook() const
{
    // the runtime API runs the commands of one line separated by ';' (a second line would be ignored)
    return QStringLiteral(
        "printf 'set server pair/%s state ready; set server pair/%s state maint; shutdown sessions "
        "server pair/%s\\n' \"$REPLIPAIR_NEW_WRITER\" \"$REPLIPAIR_OLD_WRITER\" "
        "\"$REPLIPAIR_OLD_WRITER\" | socat stdio unix-connect:%1")
        .arg(adminSocket());
}
