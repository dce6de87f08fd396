// The copy step against the same server tools piped by hand, on one sandbox pair, with a writer
// committing a row on A every few milliseconds the whole time. Prints figures; target: the orchestrated
// copy step takes at most 1.1x the hand-run `mariadb-dump | mariadb`.
// Usage: bench_copy [MEGABYTES=200] [ROUNDS=1] [setsid]   (setsid: the hand pipe in a session of its own)
#include "copy/datacopy.h"
#include "host/serverworker.h"
#include "sandbox/sandbox.h"
#include "support/rowwriter.h"
#include "support/testsupport.h"

#include "copybench.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

namespace {
QTextStream& out = CopyBench::out();
using CopyBench::load;
using CopyBench::mb;

QString cnf(const SandboxServer& s, const QString& password)
{
    return QStringLiteral("[client]\nhost=127.0.0.1\nport=%1\nuser=root\npassword=\"%2\"\n")
        .arg(s.port)
        .arg(password);
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int megabytes = args.size() > 1 ? args[1].toInt() : 200;
    const int rounds = args.size() > 2 ? args[2].toInt() : 1;
    // "setsid": the hand pipe in a session of its own too, as the copy step's job is (with the kernel's
    // autogroup scheduling, each session gets its own share of a loaded machine's CPU)
    const bool handInOwnSession = args.size() > 3 && args[3] == QLatin1String("setsid");

    QTemporaryDir dir(QStringLiteral("/tmp/rpc-XXXXXX"));
    Sandbox sb(dir.path() + QStringLiteral("/sb"));
    if (auto up = sb.up(2); !up) {
        out << "sandbox: " << up.error().toString() << Qt::endl;
        return 1;
    }
    const CopyBench::SandboxDown down { sb };
    CopyBench::enableBinlog(
        sb, [&sb](int i) { return QStringLiteral("tmpdir = %1\n").arg(sb.servers()[i].dir); });
    const QString password = CopyBench::adminPassword(sb);

    const QString cnfA = dir.path() + QStringLiteral("/a.cnf"), cnfB = dir.path() + QStringLiteral("/b.cnf");
    for (const auto& [path, text] : { std::pair { cnfA, cnf(sb.servers()[0], password) },
             std::pair { cnfB, cnf(sb.servers()[1], password) } }) {
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        f.write(text.toUtf8());
    }
    const auto big = CopyBench::makeBigTable(sb, cnfA, megabytes);
    if (!big)
        return 1;
    const qint64 rows = big->rows, dataBytes = big->bytes;
    out << QStringLiteral("data on A: %1 rows, %2 MB (data + indexes), generated in %3 s")
               .arg(rows)
               .arg(mb(dataBytes), 0, 'f', 0)
               .arg(big->elapsedMs / 1000)
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

    // what B holds after a copy must be A's data at one point: test.big whole (nobody writes it), and of
    // the writer's test.orders exactly the rows up to the highest seq B has (a snapshot never has holes)
    const QString ordersSum = QStringLiteral(
        "SELECT CONCAT(COUNT(*), ':', COALESCE(BIT_XOR(CRC32(CONCAT(seq, note))), 0)) FROM test.orders "
        "WHERE seq <= %1");
    auto sameAsA = [&](QString* why) {
        const QString bigA = sandboxSql(sb, 0, QStringLiteral("CHECKSUM TABLE test.big")),
                      bigB = sandboxSql(sb, 1, QStringLiteral("CHECKSUM TABLE test.big"));
        const QString upTo
            = sandboxSql(sb, 1, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM test.orders"));
        const QString ordA = sandboxSql(sb, 0, ordersSum.arg(upTo)),
                      ordB = sandboxSql(sb, 1, ordersSum.arg(upTo));
        *why = QStringLiteral("test.big %1 | %2; test.orders up to seq %3: %4 | %5")
                   .arg(bigA.section(QLatin1Char('\t'), 1), bigB.section(QLatin1Char('\t'), 1), upTo, ordA,
                       ordB);
        return !bigA.isEmpty() && bigA == bigB && ordA == ordB && upTo.toLongLong() > 0;
    };
    out << (handInOwnSession
            ? QStringLiteral("hand pipe: in a session of its own (setsid), as the copy step's job")
            : QStringLiteral("hand pipe: in the bench's session; the copy step's job in one of its own"))
        << Qt::endl;
    const qint64 copiedRows = rows; // test.big; the writer's few hundred rows are left out
    QList<double> ratios;

    for (int r = 0; r < rounds; ++r) {
        // the two in alternating order, so that neither always runs on warmer caches
        qint64 handMs = 0, stepMs = 0;
        auto byHand = [&]() -> bool {
            // by hand: the same tools and options, one pipe, the coordinates as a comment to read
            sandboxSql(sb, 1, QStringLiteral("DROP DATABASE IF EXISTS test; CREATE DATABASE test;"));
            const QString before = load();
            writer.start(seq);
            QElapsedTimer t;
            t.start();
            QProcess p;
            p.start(handInOwnSession ? QStringLiteral("setsid") : QStringLiteral("/bin/bash"),
                QStringList(handInOwnSession
                        ? QStringList { QStringLiteral("-w"), QStringLiteral("/bin/bash") }
                        : QStringList())
                    + QStringList { QStringLiteral("-c"),
                        QStringLiteral(
                            "set -o pipefail; "
                            "mariadb-dump --defaults-file=%1 --single-transaction --master-data=2 --routines "
                            "--events --triggers --hex-blob --add-drop-database --no-tablespaces "
                            "--max-allowed-packet=1G --databases test | mariadb --defaults-file=%2 "
                            "--init-command='SET SESSION sql_log_bin=0' --max-allowed-packet=1G --batch")
                            .arg(cnfA, cnfB) });
            p.waitForFinished(-1);
            handMs = t.elapsed();
            const qint64 handRows = writer.stop();
            seq = writer.lastSeq() + 1;
            QString why;
            const bool same = sameAsA(&why);
            out << QStringLiteral(
                "round %1 by hand   (mariadb-dump | mariadb): %2 s, exit %3, %4 rows/s copied; "
                "writer %5 rows/s; load avg %6; B = A: %7 (%8)")
                       .arg(r + 1)
                       .arg(handMs / 1000.0, 0, 'f', 1)
                       .arg(p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1)
                       .arg(copiedRows * 1000.0 / handMs, 0, 'f', 0)
                       .arg(handRows * 1000.0 / handMs, 0, 'f', 0)
                       .arg(before, same ? QStringLiteral("yes") : QStringLiteral("NO"), why)
                << Qt::endl;
            return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 && same;
        };
        auto orchestrated = [&]() -> bool {
            // orchestrated: the whole copy step (checks, account, read-only, job, coordinates, clean-up)
            sandboxSql(sb, 1, QStringLiteral("DROP DATABASE IF EXISTS test; CREATE DATABASE test;"));
            const QString before = load();
            writer.start(seq);
            QElapsedTimer t;
            t.start();
            auto check = CopyCheck::gather(profile, 0, workers, false);
            Result<CopyResult> copied = std::unexpected(StepError {});
            int reports = 0;
            qint64 longestGapMs = 0, lastMs = 0;
            if (check) {
                DataCopy copy(profile, 0, workers);
                copied = copy.run(*check,
                    [&](const CopyProgress&) {
                        ++reports;
                        longestGapMs = qMax(longestGapMs, t.elapsed() - lastMs);
                        lastMs = t.elapsed();
                    },
                    {});
            }
            stepMs = t.elapsed();
            const qint64 stepRows = writer.stop();
            seq = writer.lastSeq() + 1;
            if (!copied) {
                out << "copy failed: " << (check ? copied.error().toString() : check.error().toString())
                    << Qt::endl;
                return false;
            }
            QString why;
            const bool same = sameAsA(&why);
            out << QStringLiteral(
                "round %1 copy step (RepliPair):             %2 s (pipe alone %3 s), %4 MB dumped at %5 "
                "MB/s, "
                "%6 rows/s copied; writer %7 rows/s; %8 progress reports, longest gap %9 s; load avg %10; "
                "B = A: %11 (%12)")
                       .arg(r + 1)
                       .arg(stepMs / 1000.0, 0, 'f', 1)
                       .arg(copied->elapsedMs / 1000.0, 0, 'f', 1)
                       .arg(mb(copied->bytes), 0, 'f', 0)
                       .arg(mb(copied->bytes) * 1000.0 / copied->elapsedMs, 0, 'f', 1)
                       .arg(copiedRows * 1000.0 / stepMs, 0, 'f', 0)
                       .arg(stepRows * 1000.0 / stepMs, 0, 'f', 0)
                       .arg(reports)
                       .arg(longestGapMs / 1000.0, 0, 'f', 1)
                       .arg(before, same ? QStringLiteral("yes") : QStringLiteral("NO"), why)
                << Qt::endl;
            return same;
        };
        bool ok = true;
        if (r % 2 == 0)
            ok = byHand() && orchestrated();
        else
            ok = orchestrated() && byHand();
        if (!ok)
            return 1;
        ratios << double(stepMs) / double(handMs);
        out << QStringLiteral("round %1 ratio copy step / by hand: %2 (target <= 1.10)")
                   .arg(r + 1)
                   .arg(ratios.last(), 0, 'f', 3)
            << Qt::endl;
    }
    QStringList shown;
    double sum = 0;
    for (double x : ratios) {
        shown << QString::number(x, 'f', 3);
        sum += x;
    }
    if (!ratios.isEmpty())
        out << QStringLiteral("ratios: %1; mean %2")
                   .arg(shown.join(QStringLiteral(", ")))
                   .arg(sum / ratios.size(), 0, 'f', 3)
            << Qt::endl;
    return 0;
}
