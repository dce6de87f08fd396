// Switchover under an application writing through a real HAProxy on 127.0.0.1 (backends A and B; the
// afterSwitch hook moves it over its admin socket): one committed row every 10 ms, its seq and commit time
// logged on commit. Prints, for one switchover and for ROUNDS switchovers back and forth in a row: the
// longest gap between two commits around each switch (target: at most 1 s with a lag under 0.1 s), the
// switchover's own time, and at the end the rows lost (committed, missing on either server: must be 0) and
// duplicated (must be 0), with the machine's load beside the figures.
// Usage: bench_switchover [ROUNDS]   (default 20)
#include "common/stepid.h"
#include "operation/switchover.h"
#include "setup/setuprunner.h"
#include "support/haproxyfixture.h"
#include "support/setupdriver.h"
#include "support/testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace {
QTextStream out(stdout);

qint64 nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromUtf8(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

/** The application: one row every 10 ms through HAProxy, its seq and commit time kept on commit; a failed
 *  statement reconnects and retries the same seq (as a pool does); a retried row whose first commit had in
 * fact gone through shows up as a duplicate. */
class Application
{
public:
    Application(int port)
        : m_port(port)
    { }
    ~Application() { stop(); }
    void start()
    {
        m_stop = false;
        m_thread = std::thread([this] { loop(); });
    }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    /** Commit times (µs) in [fromUs, toUs], with the last before and the first after. */
    qint64 longestGapMs(qint64 fromUs, qint64 toUs)
    {
        std::lock_guard lock(m_mutex);
        qint64 gap = 0;
        for (size_t i = 1; i < m_commits.size(); ++i)
            if (m_commits[i].second >= fromUs && m_commits[i - 1].second <= toUs)
                gap = std::max(gap, m_commits[i].second - m_commits[i - 1].second);
        return gap / 1000;
    }
    qint64 committed()
    {
        std::lock_guard lock(m_mutex);
        return qint64(m_commits.size());
    }
    QList<qint64> seqs()
    {
        std::lock_guard lock(m_mutex);
        QList<qint64> s;
        for (const auto& c : m_commits)
            s << c.first;
        return s;
    }

private:
    void loop()
    {
        const QString name = QStringLiteral("bench-app");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), name);
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(m_port);
            db.setUserName(QStringLiteral("app"));
            db.setPassword(QStringLiteral("app-pw"));
            db.setConnectOptions(QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=2;MYSQL_OPT_READ_TIMEOUT=5"));
            bool open = false;
            qint64 seq = 1;
            while (!m_stop) {
                if (!open && !(open = db.open())) {
                    QThread::msleep(5);
                    continue;
                }
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("INSERT INTO test.bench_rows (seq) VALUES (%1)").arg(seq))) {
                    std::lock_guard lock(m_mutex);
                    m_commits.emplace_back(seq++, nowUs());
                } else {
                    db.close();
                    open = false;
                    QThread::msleep(5);
                    continue;
                }
                QThread::msleep(10);
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    int m_port;
    std::atomic_bool m_stop { false };
    std::mutex m_mutex;
    std::vector<std::pair<qint64, qint64>> m_commits; ///< seq, commit time µs
    std::thread m_thread;
};

struct Switch
{
    bool ok = false;
    qint64 gapMs = 0;
    qint64 switchMs = 0;
    QString error;
};

Switch switchTo(const QString& profilePath, int to, Application& app)
{
    PairProfile p = *PairProfile::load(profilePath);
    Switchover::Options o;
    o.to = to;
    Switch s;
    const qint64 startUs = nowUs();
    QElapsedTimer t;
    t.start();
    const Switchover::Outcome r = Switchover(p, o).run();
    s.switchMs = t.elapsed();
    s.ok = r.ok;
    s.error = r.error.toString();
    QThread::msleep(1000); // the writes after the switch, through the new writer
    s.gapMs = app.longestGapMs(startUs, nowUs());
    return s;
}

QString sql(Sandbox& sb, int i, const QString& statement)
{
    return sandboxSql(sb, i, statement);
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 20;
    out << "load before: " << loadAverage() << Qt::endl;
    SandboxPair pair;
    if (!pair.up()) {
        out << "sandbox: " << pair.error() << Qt::endl;
        return 1;
    }
    Sandbox& sb = pair.sandbox();
    const QString profilePath = pair.dir() + QStringLiteral("/bench.replipair.json");
    PairProfile p = sb.pairProfile();
    p.writer = 0;
    p.save(profilePath);
    const SetupOutcome setup = runSetup(*PairProfile::load(profilePath));
    if (!setup.ok) {
        out << "setup: " << setup.error.toString() << Qt::endl;
        return 1;
    }
    sql(sb, 0, QStringLiteral("SET GLOBAL read_only = OFF"));
    sql(sb, 1, QStringLiteral("SET GLOBAL read_only = ON"));
    for (int i = 0; i < 2; ++i) // on each server: the pair replicates test.% only
        sql(sb, i,
            QStringLiteral("SET sql_log_bin = 0; CREATE USER IF NOT EXISTS 'app'@'127.0.0.1' IDENTIFIED BY "
                           "'app-pw'; GRANT SELECT, INSERT ON test.* TO 'app'@'127.0.0.1'"));
    sql(sb, 0,
        QStringLiteral("CREATE TABLE IF NOT EXISTS test.bench_rows (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                       "seq BIGINT NOT NULL, KEY (seq)) ENGINE=InnoDB"));

    HaproxyFixture haproxy(pair.dir());
    const QString names[2] = { sb.servers()[0].name, sb.servers()[1].name };
    const int ports[2] = { sb.servers()[0].port, sb.servers()[1].port };
    if (!haproxy.start(names, ports, 0)) {
        out << "haproxy: " << haproxy.error() << Qt::endl;
        return 1;
    }
    {
        QFile f(profilePath);
        f.open(QIODevice::ReadOnly);
        QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        json.insert(
            QStringLiteral("hooks"), QJsonObject { { QStringLiteral("afterSwitch"), haproxy.routeHook() } });
        f.open(QIODevice::WriteOnly);
        f.write(QJsonDocument(json).toJson());
    }

    Application application(haproxy.port());
    application.start();
    QThread::msleep(2000);
    // the lag before: a row written on A seen on B (the monitor's way, measured here by the client)
    out << "committed before the first switch: " << application.committed() << Qt::endl;

    const Switch first = switchTo(profilePath, 1, application);
    out << QStringLiteral(
        "one switchover A→B: %1, longest gap between two commits %2 ms, switchover %3 ms (load %4)")
               .arg(first.ok ? QStringLiteral("ok") : first.error)
               .arg(first.gapMs)
               .arg(first.switchMs)
               .arg(loadAverage())
        << Qt::endl;
    QList<qint64> gaps, times;
    int failed = 0;
    for (int i = 0; i < rounds; ++i) {
        const Switch s = switchTo(profilePath, i % 2 == 0 ? 0 : 1, application);
        if (!s.ok) {
            ++failed;
            out << "  round " << i + 1 << ": " << s.error << Qt::endl;
        }
        gaps << s.gapMs;
        times << s.switchMs;
    }
    application.stop();
    std::sort(gaps.begin(), gaps.end());
    std::sort(times.begin(), times.end());
    out << QStringLiteral(
        "%1 switchovers back and forth: %2 failed; longest gap median %3 ms, max %4 ms; switchover "
        "median %5 ms, max %6 ms (load %7)")
               .arg(rounds)
               .arg(failed)
               .arg(gaps.value(gaps.size() / 2))
               .arg(gaps.last())
               .arg(times.value(times.size() / 2))
               .arg(times.last())
               .arg(loadAverage())
        << Qt::endl;

    // lost and duplicated, once both servers have everything
    const QList<qint64> committed = application.seqs();
    const qint64 lastSeq = committed.isEmpty() ? 0 : committed.last();
    QString counts[2];
    for (int wait = 0; wait < 600; ++wait) {
        for (int i = 0; i < 2; ++i)
            counts[i]
                = sql(sb, i, QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT seq) FROM test.bench_rows"));
        if (counts[0] == counts[1] && counts[0].section(QLatin1Char('\t'), 1).toLongLong() >= lastSeq)
            break;
        QThread::msleep(100);
    }
    for (int i = 0; i < 2; ++i) {
        const qint64 rows = counts[i].section(QLatin1Char('\t'), 0, 0).toLongLong();
        const qint64 distinct = counts[i].section(QLatin1Char('\t'), 1).toLongLong();
        const qint64 present = sql(sb, i,
            QStringLiteral("SELECT COUNT(DISTINCT seq) FROM test.bench_rows WHERE seq <= %1").arg(lastSeq))
                                   .toLongLong();
        out << QStringLiteral("%1: %2 rows committed, %3 lost, %4 duplicated")
                   .arg(names[i])
                   .arg(committed.size())
                   .arg(committed.size() - present)
                   .arg(rows - distinct)
            << Qt::endl;
    }
    out << "load after: " << loadAverage() << Qt::endl;
    return 0;
}
