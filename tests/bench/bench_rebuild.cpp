// The way back from a break, timed: on one sandbox pair set up by RepliPair, with MEGABYTES of data and a
// writer committing a row on A every few milliseconds the whole time, B's SQL thread is halted by a real
// 1062 conflict; then `replipair-cli rebuild --server B --method M --yes` runs, once with the logical copy
// and once with the physical one (mariadb-backup, both hosts through the test sshd with sudo; needs root).
// Prints, for each, the time from the broken pair (SQL thread halted) to the verified pair, the copy's share
// of it and the machine's load, then the ratio logical / physical.
// Usage: bench_rebuild [MEGABYTES=50] [ROUNDS=1] [METHODS=logical,physical]
#include "support/replicatedsandbox.h"
#include "support/rowwriter.h"
#include "support/setupdriver.h"
#include "support/sshdfixture.h"
#include "support/testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>
#include <QThread>

#include <unistd.h>

namespace {
QTextStream out(stdout);

QString load()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromUtf8(f.readAll()).section(QLatin1Char(' '), 0, 2);
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int megabytes = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 50;
    const int rounds = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 1;
    const QStringList methods
        = (argc > 3 ? QString::fromLocal8Bit(argv[3]) : QStringLiteral("logical,physical"))
              .split(QLatin1Char(','), Qt::SkipEmptyParts);
    SandboxPair pair;
    if (!pair.up()) {
        out << "sandbox: " << pair.error() << Qt::endl;
        return 1;
    }
    Sandbox& sb = pair.sandbox();
    PairProfile p = sb.pairProfile();
    p.writer = 0;
    p.save(sb.profilePath());
    const SetupOutcome setup = runSetup(*PairProfile::load(sb.profilePath()));
    if (!setup.ok) {
        out << "setup: " << setup.error.toString() << Qt::endl;
        return 1;
    }
    // the physical copy stops B and swaps its data folder: through a real sshd, with sudo (as root)
    SshdFixture sshd;
    const bool ssh = ::geteuid() == 0 && sshd.start() && sshd.allowSudo();
    const auto useSsh = [&](bool on) {
        PairProfile q = *PairProfile::load(sb.profilePath());
        for (int i = 0; i < 2; ++i) {
            q.servers[i].hasSsh = on;
            if (!on)
                continue;
            q.servers[i].ssh = sshd.endpoint(sshd.dir() + QStringLiteral("/known_hosts_bench"));
            q.servers[i].ssh.acceptNewHostKey = true;
            q.servers[i].ssh.sudo = true;
        }
        q.save(sb.profilePath());
    };
    QMap<QString, QList<double>> seconds;
    QFile pw(sb.adminPasswordFile());
    pw.open(QIODevice::ReadOnly);
    const QString password = QString::fromUtf8(pw.readAll()).trimmed();
    // MEGABYTES in test.big (rows of ~250 bytes), doubled up to the size
    QString seed = RowWriter::createTableSql(QStringLiteral("test.orders"))
        + QStringLiteral(";CREATE TABLE test.big (seq BIGINT PRIMARY KEY, note VARCHAR(40), pad CHAR(200));"
                         "INSERT INTO test.big VALUES (1, 'seed', REPEAT('x', 200));");
    const qint64 rows = qint64(megabytes) * 1024 * 1024 / 250;
    for (qint64 n = 1; n < rows; n *= 2)
        seed += QStringLiteral("INSERT INTO test.big SELECT seq + %1, note, pad FROM test.big;").arg(n);
    sandboxSql(sb, 0, seed);
    QString error;
    waitForSandboxReplication(sb, 600000, &error);
    out << "data: " << sandboxSql(sb, 0, QStringLiteral("SELECT COUNT(*) FROM test.big")) << " rows, about "
        << megabytes << " MB; load avg before: " << load() << Qt::endl;
    RowWriter writer(QStringLiteral("127.0.0.1"), sb.servers().at(0).port, QStringLiteral("root"), password,
        QStringLiteral("test.orders"), 5);
    qint64 next = 1;
    for (int round = 1; round <= rounds; ++round) {
        for (const QString& method : methods) {
            if (method == QLatin1String("physical") && !ssh) {
                out << "physical: skipped (needs root and the test sshd: " << sshd.error() << ")" << Qt::endl;
                continue;
            }
            writer.start(next);
            while (writer.committed() < 50)
                QThread::msleep(20);
            // a real conflict: a row B has of its own, which A's writer is about to write
            const qint64 clash = writer.lastSeq() + 200;
            sandboxSql(sb, 1,
                QStringLiteral(
                    "SET sql_log_bin = 0; SET GLOBAL read_only = 0; INSERT INTO test.orders (seq, note) "
                    "VALUES (%1, 'b-only'); SET GLOBAL read_only = 1")
                    .arg(clash));
            QElapsedTimer broken;
            while (sandboxReplicaField(sb, 1, QStringLiteral("Last_SQL_Errno")) != QLatin1String("1062"))
                QThread::msleep(50);
            broken.start(); // the pair is broken from here
            const QString loadBefore = load();
            useSsh(method == QLatin1String("physical"));
            QProcess cli;
            cli.start(QStringLiteral(REPLIPAIR_CLI),
                { QStringLiteral("rebuild"), sb.profilePath(), QStringLiteral("--server"),
                    QStringLiteral("B"), QStringLiteral("--method"), method, QStringLiteral("--yes"),
                    QStringLiteral("--json") });
            cli.waitForFinished(-1);
            const qint64 totalMs = broken.elapsed();
            useSsh(false);
            qint64 copyMs = -1;
            QString saved;
            for (const QByteArray& line : cli.readAllStandardOutput().split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o.value(QStringLiteral("step")).toString() == QLatin1String("copy")
                    && o.value(QStringLiteral("event")).toString() == QLatin1String("finished"))
                    copyMs = qint64(o.value(QStringLiteral("elapsedMs")).toDouble());
                if (o.value(QStringLiteral("event")).toString() == QLatin1String("rebuilt"))
                    saved = o.value(QStringLiteral("savedCopy")).toString();
            }
            // B's old data folder, kept by the physical copy: not needed here
            if (method == QLatin1String("physical") && !saved.isEmpty() && QFileInfo(saved).isDir())
                QDir(saved).removeRecursively();
            const qint64 committed = writer.stop();
            next = writer.lastSeq() + 1000;
            if (cli.exitCode() == 0)
                seconds[method] << double(totalMs) / 1000.0;
            out << QStringLiteral(
                "round %1, %2: exit %3; broken → verified pair in %4 s (the copy step %5 s); writer "
                "committed %6 rows meanwhile (%7 rows/s); load avg before %8, after %9")
                       .arg(round)
                       .arg(method)
                       .arg(cli.exitCode())
                       .arg(double(totalMs) / 1000.0, 0, 'f', 1)
                       .arg(copyMs < 0 ? QStringLiteral("?")
                                       : QString::number(double(copyMs) / 1000.0, 'f', 1))
                       .arg(committed)
                       .arg(totalMs > 0 ? double(committed) * 1000.0 / double(totalMs) : 0.0, 0, 'f', 0)
                       .arg(loadBefore, load())
                << Qt::endl;
            if (cli.exitCode() != 0)
                out << cli.readAllStandardError() << Qt::endl;
        }
    }
    const auto mean = [&](const QString& m) {
        const QList<double>& v = seconds[m];
        double sum = 0;
        for (double x : v)
            sum += x;
        return v.isEmpty() ? -1.0 : sum / double(v.size());
    };
    const double logical = mean(QStringLiteral("logical")), physical = mean(QStringLiteral("physical"));
    if (logical > 0 && physical > 0)
        out << QStringLiteral(
            "broken → verified, %1 MB: logical %2 s, physical %3 s (logical / physical %4×); "
            "load avg %5")
                   .arg(megabytes)
                   .arg(logical, 0, 'f', 1)
                   .arg(physical, 0, 'f', 1)
                   .arg(logical / physical, 0, 'f', 2)
                   .arg(load())
            << Qt::endl;
    return 0;
}
