// The way back from a break, timed: on one sandbox pair set up by RepliPair, with MEGABYTES of data and a
// writer committing a row on A every few milliseconds the whole time, B's SQL thread is halted by a real
// 1062 conflict; then `replipair-cli rebuild --server B --yes` runs. Prints the time from the broken pair
// (SQL thread halted) to the verified pair, the copy's share of it and the machine's load.
// Usage: bench_rebuild [MEGABYTES=50] [ROUNDS=1]
#include "support/replicatedsandbox.h"
#include "support/rowwriter.h"
#include "support/setupdriver.h"
#include "support/testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>
#include <QThread>

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
        QProcess cli;
        cli.start(QStringLiteral(REPLIPAIR_CLI),
            { QStringLiteral("rebuild"), sb.profilePath(), QStringLiteral("--server"), QStringLiteral("B"),
                QStringLiteral("--yes"), QStringLiteral("--json") });
        cli.waitForFinished(-1);
        const qint64 totalMs = broken.elapsed();
        qint64 copyMs = -1;
        for (const QByteArray& line : cli.readAllStandardOutput().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("step")).toString() == QLatin1String("copy")
                && o.value(QStringLiteral("event")).toString() == QLatin1String("finished"))
                copyMs = qint64(o.value(QStringLiteral("elapsedMs")).toDouble());
        }
        const qint64 committed = writer.stop();
        next = writer.lastSeq() + 1000;
        out << QStringLiteral(
            "round %1: exit %2; broken → verified pair in %3 s (the copy step %4 s); writer "
            "committed %5 rows meanwhile (%6 rows/s); load avg before %7, after %8")
                   .arg(round)
                   .arg(cli.exitCode())
                   .arg(double(totalMs) / 1000.0, 0, 'f', 1)
                   .arg(copyMs < 0 ? QStringLiteral("?") : QString::number(double(copyMs) / 1000.0, 'f', 1))
                   .arg(committed)
                   .arg(totalMs > 0 ? double(committed) * 1000.0 / double(totalMs) : 0.0, 0, 'f', 0)
                   .arg(loadBefore, load())
            << Qt::endl;
        if (cli.exitCode() != 0)
            out << cli.readAllStandardError() << Qt::endl;
    }
    return 0;
}
