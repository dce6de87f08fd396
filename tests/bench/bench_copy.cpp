// The copy step against the same server tools piped by hand, on one sandbox pair, with a writer
// committing a row on A every few milliseconds the whole time. Prints figures; target: the orchestrated
// copy step takes at most 1.1x the hand-run `mariadb-dump | mariadb`.
// Usage: bench_copy [MEGABYTES=200] [ROUNDS=1]   (generating the data takes a few minutes on 2 cores)
#include "copy/datacopy.h"
#include "host/serverworker.h"
#include "sandbox/sandbox.h"
#include "support/rowwriter.h"
#include "support/testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

namespace {
QTextStream out(stdout);

QString cnf(const SandboxServer& s, const QString& password)
{
    return QStringLiteral("[client]\nhost=127.0.0.1\nport=%1\nuser=root\npassword=\"%2\"\n")
        .arg(s.port)
        .arg(password);
}

/** The client on server @p s, without the test helper's 60 s limit: a doubling step can take minutes. */
bool longSql(const QString& cnfFile, const QString& sql)
{
    QProcess p;
    p.start(QStringLiteral("mariadb"),
        { QStringLiteral("--defaults-file=") + cnfFile, QStringLiteral("-N"), QStringLiteral("-B") });
    p.write(sql.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(-1);
    if (p.exitCode() != 0)
        out << "SQL failed: " << p.readAllStandardError() << Qt::endl;
    return p.exitCode() == 0;
}

double mb(qint64 bytes)
{
    return double(bytes) / 1e6;
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int megabytes = args.size() > 1 ? args[1].toInt() : 200;
    const int rounds = args.size() > 2 ? args[2].toInt() : 1;

    QTemporaryDir dir(QStringLiteral("/tmp/rpc-XXXXXX"));
    Sandbox sb(dir.path() + QStringLiteral("/sb"));
    if (auto up = sb.up(2); !up) {
        out << "sandbox: " << up.error().toString() << Qt::endl;
        return 1;
    }
    struct Down
    {
        Sandbox& sb;
        ~Down() { sb.down(); }
    } down { sb };
    for (int i = 0; i < 2; ++i) {
        QFile f(sb.servers()[i].dir + QStringLiteral("/conf.d/10-binlog.cnf"));
        f.open(QIODevice::WriteOnly);
        f.write(QStringLiteral(
            "[mysqld]\nlog-bin = mysql-bin\nserver-id = %1\nbinlog_format = ROW\n"
            "innodb_buffer_pool_size = 256M\ninnodb_flush_log_at_trx_commit = 2\ntmpdir = %2\n")
                    .arg(i + 1)
                    .arg(sb.servers()[i].dir)
                    .toUtf8());
        f.close();
        sb.stop(i);
        sb.start(i);
    }
    QFile pwf(sb.adminPasswordFile());
    pwf.open(QIODevice::ReadOnly);
    const QString password = QString::fromUtf8(pwf.readAll()).trimmed();

    const QString cnfA = dir.path() + QStringLiteral("/a.cnf"), cnfB = dir.path() + QStringLiteral("/b.cnf");
    for (const auto& [path, text] : { std::pair { cnfA, cnf(sb.servers()[0], password) },
             std::pair { cnfB, cnf(sb.servers()[1], password) } }) {
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        f.write(text.toUtf8());
    }
    // ~250 bytes a row, doubled until the data reaches the size asked for
    QElapsedTimer gen;
    gen.start();
    sandboxSql(sb, 0,
        RowWriter::createTableSql(QStringLiteral("test.orders"))
            + QStringLiteral(
                ";CREATE TABLE test.big (id BIGINT PRIMARY KEY, n INT, pad CHAR(230)) ENGINE=InnoDB;"
                "INSERT INTO test.big VALUES (1, 1, REPEAT('b', 230));"));
    qint64 rows = 1;
    while (rows * 250 < qint64(megabytes) * 1000 * 1000) {
        if (!longSql(
                cnfA, QStringLiteral("INSERT INTO test.big SELECT id + %1, n, pad FROM test.big;").arg(rows)))
            return 1;
        rows *= 2;
    }
    const QString sizeSql
        = QStringLiteral("SELECT SUM(DATA_LENGTH + INDEX_LENGTH) FROM information_schema.TABLES "
                         "WHERE TABLE_SCHEMA='test'");
    const qint64 dataBytes = sandboxSql(sb, 0, QStringLiteral("ANALYZE TABLE test.big;") + sizeSql)
                                 .section(QLatin1Char('\n'), -1)
                                 .toLongLong();
    out << QStringLiteral("data on A: %1 rows, %2 MB (data + indexes), generated in %3 s")
               .arg(rows)
               .arg(mb(dataBytes), 0, 'f', 0)
               .arg(gen.elapsed() / 1000)
        << Qt::endl;

    const PairProfile profile = sb.pairProfile();
    ServerWorker a(0, profile.servers[0]), b(1, profile.servers[1]);
    for (ServerWorker* w : { &a, &b }) {
        auto c = w->submit([](ServerContext& ctx) { return ctx.connect(); });
        c.waitForFinished();
    }
    ServerWorker* const workers[2] = { &a, &b };
    RowWriter writer(QStringLiteral("127.0.0.1"), sb.servers()[0].port, QStringLiteral("root"), password,
        QStringLiteral("test.orders"), 3);
    qint64 seq = 1;

    for (int r = 0; r < rounds; ++r) {
        // the two in alternating order, so that neither always runs on warmer caches
        qint64 handMs = 0, stepMs = 0;
        auto byHand = [&] {
            // by hand: the same tools and options, one pipe
            sandboxSql(sb, 1, QStringLiteral("DROP DATABASE IF EXISTS test; CREATE DATABASE test;"));
            writer.start(seq);
            QElapsedTimer t;
            t.start();
            QProcess p;
            p.start(QStringLiteral("/bin/sh"),
                { QStringLiteral("-c"),
                    QStringLiteral(
                        "mariadb-dump --defaults-file=%1 --single-transaction --master-data=2 --routines "
                        "--events --triggers --hex-blob --add-drop-database --no-tablespaces "
                        "--max-allowed-packet=1G --databases test | mariadb --defaults-file=%2 "
                        "--init-command='SET SESSION sql_log_bin=0' --max-allowed-packet=1G --batch")
                        .arg(cnfA, cnfB) });
            p.waitForFinished(-1);
            handMs = t.elapsed();
            const qint64 handRows = writer.stop();
            seq = writer.lastSeq() + 1;
            out << QStringLiteral(
                "round %1 by hand   (mariadb-dump | mariadb): %2 s, exit %3, writer %4 rows/s")
                       .arg(r + 1)
                       .arg(handMs / 1000.0, 0, 'f', 1)
                       .arg(p.exitCode())
                       .arg(handRows * 1000.0 / handMs, 0, 'f', 0)
                << Qt::endl;
        };
        auto orchestrated = [&]() -> bool {
            // orchestrated: the whole copy step (checks, account, read-only, job, coordinates, clean-up)
            sandboxSql(sb, 1, QStringLiteral("DROP DATABASE IF EXISTS test; CREATE DATABASE test;"));
            writer.start(seq);
            QElapsedTimer t;
            t.start();
            auto check = CopyCheck::gather(profile, 0, workers, false);
            Result<CopyResult> copied = std::unexpected(StepError {});
            if (check) {
                DataCopy copy(profile, 0, workers);
                copied = copy.run(*check, {}, {});
            }
            stepMs = t.elapsed();
            const qint64 stepRows = writer.stop();
            seq = writer.lastSeq() + 1;
            if (!copied) {
                out << "copy failed: " << (check ? copied.error().toString() : check.error().toString())
                    << Qt::endl;
                return false;
            }
            out << QStringLiteral(
                "round %1 copy step (RepliPair):             %2 s (pipe alone %3 s), %4 MB at %5 MB/s, "
                "writer %6 rows/s")
                       .arg(r + 1)
                       .arg(stepMs / 1000.0, 0, 'f', 1)
                       .arg(copied->elapsedMs / 1000.0, 0, 'f', 1)
                       .arg(mb(copied->bytes), 0, 'f', 0)
                       .arg(mb(copied->bytes) * 1000.0 / copied->elapsedMs, 0, 'f', 1)
                       .arg(stepRows * 1000.0 / stepMs, 0, 'f', 0)
                << Qt::endl;
            return true;
        };
        if (r % 2 == 0) {
            byHand();
            if (!orchestrated())
                return 1;
        } else {
            if (!orchestrated())
                return 1;
            byHand();
        }
        out << QStringLiteral("round %1 ratio copy step / by hand: %2 (target <= 1.10)")
                   .arg(r + 1)
                   .arg(double(stepMs) / double(handMs), 0, 'f', 3)
            << Qt::endl;
    }
    return 0;
}
