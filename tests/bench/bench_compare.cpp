// RepliPair's live compare beside pt-table-checksum on the same replicating sandbox pair and table, one
// after the other, with a writer committing a row on A every 5 ms the whole time. For each: total time,
// the replica lag it adds (peak and median over the run, against the writer-only baseline, sampled every
// 100 ms as the time B takes to apply what A had written), and whether it found a planted difference of 3
// rows (one changed, one deleted, one added on B with sql_log_bin = 0).
// Usage: bench_compare [ROWS=1000000] [RUNS=1]   (pt-table-checksum: tests/bench/install-percona-toolkit.sh)
#include "support/replicatedsandbox.h"
#include "support/rowwriter.h"
#include "support/testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>

namespace {
QTextStream out(stdout);

/** Samples, every 100 ms, how long B takes to apply what A had written at that moment (MASTER_POS_WAIT). */
class LagSampler
{
public:
    LagSampler(int portA, int portB, QString password)
        : m_ports { portA, portB }
        , m_password(std::move(password))
    { }
    void start()
    {
        m_stop = false;
        m_thread = std::thread([this] { loop(); });
    }
    QList<double> stop()
    {
        m_stop = true;
        m_thread.join();
        const QMutexLocker lock(&m_mutex);
        return std::exchange(m_samples, {});
    }

private:
    void loop()
    {
        static std::atomic_int round { 0 };
        const int r = ++round;
        QSqlDatabase dbs[2];
        for (int i = 0; i < 2; ++i) {
            dbs[i] = QSqlDatabase::addDatabase(
                QStringLiteral("QMYSQL"), QStringLiteral("lag%1-%2").arg(r).arg(i));
            dbs[i].setHostName(QStringLiteral("127.0.0.1"));
            dbs[i].setPort(m_ports[i]);
            dbs[i].setUserName(QStringLiteral("root"));
            dbs[i].setPassword(m_password);
            dbs[i].open();
        }
        while (!m_stop) {
            QSqlQuery st(dbs[0]);
            st.exec(QStringLiteral("SHOW MASTER STATUS"));
            if (st.next()) {
                const QString file = st.value(0).toString();
                const qint64 pos = st.value(1).toLongLong();
                QElapsedTimer t;
                t.start();
                QSqlQuery w(dbs[1]);
                w.exec(QStringLiteral("SELECT MASTER_POS_WAIT('%1', %2, 60)").arg(file).arg(pos));
                const QMutexLocker lock(&m_mutex);
                m_samples << double(t.nsecsElapsed()) / 1e9;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        for (auto& db : dbs)
            db.close();
    }
    int m_ports[2];
    QString m_password;
    std::atomic_bool m_stop { false };
    QMutex m_mutex;
    QList<double> m_samples;
    std::thread m_thread;
};

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double peak(const QList<double>& v)
{
    return v.isEmpty() ? 0 : *std::max_element(v.begin(), v.end());
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    f.open(QIODevice::ReadOnly);
    return QString::fromUtf8(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

/** The client on sandbox server @p i without the test helper's 60 s limit: loading a million rows takes
 * longer. */
bool longSql(Sandbox& sb, int i, const QString& password, const QString& sql, QString* output)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MYSQL_PWD"), password);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("mariadb"),
        { QStringLiteral("--no-defaults"), QStringLiteral("-h127.0.0.1"),
            QStringLiteral("-P%1").arg(sb.servers()[i].port), QStringLiteral("-uroot") });
    p.write(sql.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(-1);
    *output = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

struct Run
{
    double seconds = 0;
    QList<double> lag;
    bool found = false;
    QString detail;
};
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 rows = args.size() > 1 ? args[1].toLongLong() : 1000000;
    const int runs = args.size() > 2 ? args[2].toInt() : 1;
    const QString cli = QStringLiteral(REPLIPAIR_CLI);
    const QString pt = QStandardPaths::findExecutable(QStringLiteral("pt-table-checksum"));
    out << "bench_compare: " << rows << " rows, " << runs << " run(s) each, writer on A every 5 ms; load "
        << loadAverage() << " on " << std::thread::hardware_concurrency() << " cores" << Qt::endl;

    SandboxPair pair;
    if (!pair.up()) {
        out << "sandbox: " << pair.error() << Qt::endl;
        return 1;
    }
    Sandbox& sb = pair.sandbox();
    QString error;
    if (!startSandboxReplication(sb, &error)) {
        out << error << Qt::endl;
        return 1;
    }
    QFile pw(sb.adminPasswordFile());
    pw.open(QIODevice::ReadOnly);
    const QString password = QString::fromUtf8(pw.readAll()).trimmed();
    // the same rows on both, loaded on each with sql_log_bin = 0 (faster than replicating them)
    const QString seed = QStringLiteral(
        "SET sql_log_bin = 0; CREATE DATABASE IF NOT EXISTS test;"
        "CREATE TABLE test.big (seq BIGINT PRIMARY KEY, note VARCHAR(40), pad CHAR(60) NOT NULL DEFAULT '',"
        " at TIMESTAMP NOT NULL DEFAULT '2026-01-01 00:00:00') ENGINE=InnoDB;"
        "INSERT INTO test.big (seq, note, pad) SELECT 10000000 + seq, CONCAT('row ', seq), "
        "REPEAT(CHAR(65 + MOD(seq, 26)), 60) FROM test.seq_1_to_%1;")
                             .arg(rows);
    QElapsedTimer load;
    load.start();
    for (int i = 0; i < 2; ++i) {
        QString o;
        if (!longSql(sb, i, password, seed, &o)) {
            out << "seed: " << o << Qt::endl;
            return 1;
        }
    }
    out << "loaded in " << load.elapsed() / 1000 << " s" << Qt::endl;
    RowWriter writer(QStringLiteral("127.0.0.1"), sb.servers()[0].port, QStringLiteral("root"), password,
        QStringLiteral("test.big"), 5);
    writer.start(1);
    LagSampler sampler(sb.servers()[0].port, sb.servers()[1].port, password);
    sampler.start();
    QThread::sleep(5);
    const QList<double> baseline = sampler.stop();
    out << QStringLiteral("baseline (writer only): lag peak %1 s, median %2 s")
               .arg(peak(baseline), 0, 'f', 3)
               .arg(median(baseline), 0, 'f', 3)
        << Qt::endl;
    // the planted difference: changed, deleted, added on B behind replication's back
    sandboxSql(sb, 1,
        QStringLiteral(
            "SET sql_log_bin = 0; UPDATE test.big SET note = 'drift' WHERE seq = %1;"
            "DELETE FROM test.big WHERE seq = %2; INSERT INTO test.big (seq, note) VALUES (%3, 'extra');")
            .arg(10000000 + rows / 3)
            .arg(10000000 + 2 * rows / 3)
            .arg(10000000 + rows + 5));
    const QString cnfPath = pair.dir() + QStringLiteral("/pt.cnf");
    {
        QFile cnf(cnfPath);
        cnf.open(QIODevice::WriteOnly);
        cnf.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        cnf.write(QStringLiteral("[client]\nuser=root\npassword=\"%1\"\n").arg(password).toUtf8());
    }
    sandboxSql(sb, 0,
        QStringLiteral(
            "CREATE DATABASE IF NOT EXISTS percona; CREATE TABLE IF NOT EXISTS percona.dsns (id INT "
            "PRIMARY KEY, parent_id INT, dsn VARCHAR(255)); REPLACE INTO percona.dsns VALUES (1, NULL, "
            "'h=127.0.0.1,P=%1');")
            .arg(sb.servers()[1].port));

    auto replipair = [&]() {
        Run r;
        sampler.start();
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.start(cli,
            { QStringLiteral("compare"), sb.profilePath(), QStringLiteral("--json"),
                QStringLiteral("--tables"), QStringLiteral("test.big") });
        p.waitForFinished(-1);
        r.seconds = t.nsecsElapsed() / 1e9;
        r.lag = sampler.stop();
        const QJsonObject json = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        int covered = 0;
        for (qint64 key : { 10000000 + rows / 3, 10000000 + 2 * rows / 3, 10000000 + rows + 5 })
            for (const QJsonValue& d : json.value(QStringLiteral("differences")).toArray()) {
                auto bound = [](const QJsonValue& v) {
                    return v.toArray().first().toString().remove(QLatin1Char('\'')).toLongLong();
                };
                const QJsonObject o = d.toObject();
                if ((o.value(QStringLiteral("lower")).isNull()
                        || key > bound(o.value(QStringLiteral("lower"))))
                    && (o.value(QStringLiteral("upper")).isNull()
                        || key <= bound(o.value(QStringLiteral("upper"))))) {
                    ++covered;
                    break;
                }
            }
        r.found = covered == 3;
        r.detail = QStringLiteral("exit %1, %2 chunks, %3 differing ranges holding %4 of the 3 rows")
                       .arg(p.exitCode())
                       .arg(json.value(QStringLiteral("chunks")).toInteger())
                       .arg(json.value(QStringLiteral("differences")).toArray().size())
                       .arg(covered);
        return r;
    };
    auto percona = [&]() {
        Run r;
        if (pt.isEmpty()) {
            r.detail
                = QStringLiteral("pt-table-checksum not installed (tests/bench/install-percona-toolkit.sh)");
            return r;
        }
        sampler.start();
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(pt,
            { QStringLiteral("h=127.0.0.1,P=%1,F=%2").arg(sb.servers()[0].port).arg(cnfPath),
                QStringLiteral("--databases=test"), QStringLiteral("--tables=big"),
                QStringLiteral("--replicate=percona.checksums"),
                QStringLiteral("--recursion-method=dsn=h=127.0.0.1,P=%1,F=%2,D=percona,t=dsns")
                    .arg(sb.servers()[0].port)
                    .arg(cnfPath),
                QStringLiteral("--no-check-binlog-format"), QStringLiteral("--chunk-time=0.5"),
                QStringLiteral("--max-lag=1"), QStringLiteral("--no-version-check") });
        p.waitForFinished(-1);
        r.seconds = t.nsecsElapsed() / 1e9;
        r.lag = sampler.stop();
        const QString o = QString::fromUtf8(p.readAll());
        // the differing chunks, read on the replica as pt-table-checksum's documentation says
        const QString diff = sandboxSql(sb, 1,
            QStringLiteral("SELECT COUNT(*), GROUP_CONCAT(CONCAT(lower_boundary, '..', upper_boundary)) FROM "
                           "percona.checksums WHERE master_cnt <> this_cnt OR master_crc <> this_crc OR "
                           "ISNULL(master_crc) <> ISNULL(this_crc)"));
        r.found = diff.section(QLatin1Char('\t'), 0, 0).toInt() > 0;
        r.detail = QStringLiteral("exit %1, differing chunks on B: %2; output: %3")
                       .arg(p.exitCode())
                       .arg(diff, o.simplified().right(300));
        return r;
    };
    for (int i = 0; i < runs; ++i)
        for (const auto& [name, fn] :
            { std::pair { QStringLiteral("replipair compare"), std::function<Run()>(replipair) },
                std::pair { QStringLiteral("pt-table-checksum"), std::function<Run()>(percona) } }) {
            const QString before = loadAverage();
            const Run r = fn();
            out << QStringLiteral(
                "%1: %2 s; lag peak %3 s (added %4), median %5 s (added %6); planted 3 rows "
                "found: %7; load %8 → %9")
                       .arg(name)
                       .arg(r.seconds, 0, 'f', 1)
                       .arg(peak(r.lag), 0, 'f', 3)
                       .arg(peak(r.lag) - peak(baseline), 0, 'f', 3)
                       .arg(median(r.lag), 0, 'f', 3)
                       .arg(median(r.lag) - median(baseline), 0, 'f', 3)
                       .arg(r.found ? QStringLiteral("yes") : QStringLiteral("no"), before, loadAverage())
                << Qt::endl
                << "  " << r.detail << Qt::endl;
        }
    writer.stop();
    return 0;
}
