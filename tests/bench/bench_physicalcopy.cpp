// The physical copy step against the logical one and against the same tools piped by hand, on one sandbox
// pair, with a writer committing a row on A every few milliseconds the whole time. Prints figures and the
// machine's load; targets: the physical step within 1.2x of the hand-typed
// `mariadb-backup --backup --stream=xbstream | mbstream -x` + `mariadb-backup --prepare` between the two
// hosts (`ssh A '…' | ssh B '…'` from RepliPair's machine, as root through the same sshd; the same pipe on
// one host, without the network, is printed beside it), and at least 3x faster than the logical step
// (mariadb-dump | mariadb) at 1 GB.
// Usage: bench_physicalcopy            (REPLIPAIR_BENCH_MB=1000 by default: the size of test.big on A)
//        REPLIPAIR_BENCH_ROUNDS=N       the physical step and the hand pipeline N times each, alternating
//                                       which goes first (1 by default); REPLIPAIR_BENCH_LOGICAL=0 skips
//                                       the logical step
// As root both hosts are reached through a real sshd on 127.0.0.1 (with sudo), as in production; otherwise
// through this machine's shell.
#include "copy/datacopy.h"
#include "copy/physicalcopy.h"
#include "host/serverworker.h"
#include "sandbox/sandbox.h"
#include "support/rowwriter.h"
#include "support/sshdfixture.h"
#include "support/testsupport.h"

#include "copybench.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <unistd.h>

namespace {
QTextStream& out = CopyBench::out();
using CopyBench::load;
using CopyBench::mb;
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int megabytes = qEnvironmentVariableIntValue("REPLIPAIR_BENCH_MB") > 0
        ? qEnvironmentVariableIntValue("REPLIPAIR_BENCH_MB")
        : 1000;
    QTemporaryDir dir(QStringLiteral("/tmp/rpp-XXXXXX"));
    Sandbox sb(dir.path() + QStringLiteral("/sb"));
    if (auto up = sb.up(2); !up) {
        out << "sandbox: " << up.error().toString() << Qt::endl;
        return 1;
    }
    const CopyBench::SandboxDown down { sb };
    CopyBench::enableBinlog(sb, [](int) { return QString(); });
    const QString password = CopyBench::adminPassword(sb);
    const QString cnfA = dir.path() + QStringLiteral("/a.cnf");
    {
        QFile f(cnfA);
        f.open(QIODevice::WriteOnly);
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        f.write(QStringLiteral("[client]\nsocket=%1\nuser=root\npassword=\"%2\"\n")
                    .arg(sb.servers()[0].socket, password)
                    .toUtf8());
    }
    const auto big = CopyBench::makeBigTable(sb, cnfA, megabytes);
    if (!big)
        return 1;
    const qint64 rows = big->rows, dataBytes = big->bytes;
    out << QStringLiteral("data on A: %1 rows, %2 MB (data + indexes), generated in %3 s; load avg %4")
               .arg(rows)
               .arg(mb(dataBytes), 0, 'f', 0)
               .arg(big->elapsedMs / 1000)
               .arg(load())
        << Qt::endl;

    PairProfile profile = sb.pairProfile();
    SshdFixture sshd;
    if (::geteuid() == 0) {
        if (!sshd.start() || !sshd.allowSudo()) {
            out << "sshd: " << sshd.error() << Qt::endl;
            return 1;
        }
        for (int i = 0; i < 2; ++i) {
            profile.servers[i].hasSsh = true;
            profile.servers[i].ssh = sshd.endpoint(sshd.dir() + QStringLiteral("/known_hosts_bench"));
            profile.servers[i].ssh.acceptNewHostKey = true;
            profile.servers[i].ssh.sudo = true;
        }
        out << "both hosts through sshd on 127.0.0.1 (sudo)" << Qt::endl;
    } else {
        out << "both hosts through this machine's shell (not root: no test sshd)" << Qt::endl;
    }
    ServerWorker a(0, profile.servers[0]), b(1, profile.servers[1]);
    ServerWorker* const workers[2] = { &a, &b };
    RowWriter writer(QStringLiteral("127.0.0.1"), sb.servers()[0].port, QStringLiteral("root"), password,
        QStringLiteral("test.orders"), 3);
    qint64 seq = 1;

    const int rounds = qMax(1, qEnvironmentVariableIntValue("REPLIPAIR_BENCH_ROUNDS"));
    const bool logical = qEnvironmentVariable("REPLIPAIR_BENCH_LOGICAL") != QLatin1String("0");

    // 1. the logical step
    qint64 logicalMs = 0;
    if (logical) {
        sandboxSql(sb, 1, QStringLiteral("DROP DATABASE IF EXISTS test; CREATE DATABASE test;"));
        const QString before = load();
        writer.start(seq);
        QElapsedTimer t;
        t.start();
        auto check = CopyCheck::gather(profile, 0, workers, true);
        Result<CopyResult> copied = std::unexpected(StepError {});
        if (check)
            copied = DataCopy(profile, 0, workers).run(*check, {}, {});
        logicalMs = t.elapsed();
        const qint64 written = writer.stop();
        seq = writer.lastSeq() + 1;
        if (!copied) {
            out << "logical copy failed: " << (check ? copied.error().toString() : check.error().toString())
                << Qt::endl;
            return 1;
        }
        out << QStringLiteral(
            "logical step  (mariadb-dump | mariadb):       %1 s, %2 MB/s of data; writer %3 "
            "rows/s; load avg before %4, after %5")
                   .arg(logicalMs / 1000.0, 0, 'f', 1)
                   .arg(mb(dataBytes) * 1000.0 / logicalMs, 0, 'f', 1)
                   .arg(written * 1000.0 / logicalMs, 0, 'f', 0)
                   .arg(before, load())
            << Qt::endl;
    }

    // 2. the physical step: the whole of it (checks, account, stream, prepare, swap, verified restart)
    qint64 physicalMs = 0, physicalStreamMs = 0;
    const auto physicalStep = [&]() -> bool {
        const QString before = load();
        writer.start(seq);
        QElapsedTimer t;
        t.start();
        auto check = PhysicalCopyCheck::gather(profile, 0, workers);
        Result<CopyResult> copied = std::unexpected(StepError {});
        int reports = 0;
        if (check)
            copied
                = PhysicalCopy(profile, 0, workers).run(*check, [&](const CopyProgress&) { ++reports; }, {});
        physicalMs = t.elapsed();
        const qint64 written = writer.stop();
        seq = writer.lastSeq() + 1;
        if (!copied) {
            out << "physical copy failed: " << (check ? copied.error().toString() : check.error().toString())
                << Qt::endl;
            return false;
        }
        physicalStreamMs = copied->elapsedMs;
        const QString bigA = sandboxSql(sb, 0, QStringLiteral("CHECKSUM TABLE test.big")),
                      bigB = sandboxSql(sb, 1, QStringLiteral("CHECKSUM TABLE test.big"));
        out << QStringLiteral(
            "physical step (mariadb-backup, RepliPair):   %1 s (stream + prepare %2 s), %3 MB "
            "streamed at %4 MB/s; %5 progress reports; writer %6 rows/s; load avg before %7, "
            "after %8; test.big on B = A: %9")
                   .arg(physicalMs / 1000.0, 0, 'f', 1)
                   .arg(physicalStreamMs / 1000.0, 0, 'f', 1)
                   .arg(mb(copied->bytes), 0, 'f', 0)
                   .arg(mb(copied->bytes) * 1000.0 / qMax<qint64>(1, physicalStreamMs), 0, 'f', 1)
                   .arg(reports)
                   .arg(written * 1000.0 / physicalMs, 0, 'f', 0)
                   .arg(before, load(),
                       bigA == bigB && !bigA.isEmpty() ? QStringLiteral("yes") : QStringLiteral("NO"))
            << Qt::endl;
        QDir(copied->savedCopy).removeRecursively();
        return true;
    };

    // 3. by hand: the same tools, one pipe into a folder beside B's data folder, then the prepare; typed on
    // the host itself (one machine, no network) and, as root, typed on RepliPair's machine between the two
    // hosts (`ssh A 'mariadb-backup --stream' | ssh B 'mbstream -x'`, through the same sshd and sudo as the
    // step): what a copy from one host to another costs by hand
    const bool overSsh = ::geteuid() == 0;
    const QString ssh
        = QStringLiteral("ssh -F /dev/null -i %1 -p %2 -o BatchMode=yes -o StrictHostKeyChecking=no "
                         "-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR %3@127.0.0.1 ")
              .arg(sshd.clientKey())
              .arg(sshd.port())
              .arg(sshd.user());
    qint64 handMs = 0, handSshMs = 0;
    const auto handStep = [&](bool remote) -> bool {
        const QString target = sb.servers()[1].dir + QStringLiteral("/hand-copy");
        QDir(target).removeRecursively();
        QDir().mkpath(target);
        const QString before = load();
        writer.start(seq);
        QElapsedTimer t;
        t.start();
        const QString backup = QStringLiteral("mariadb-backup --defaults-file=%1 --backup --stream=xbstream "
                                              "--datadir=%2 --target-dir=%3/tmp --tmpdir=%3/tmp")
                                   .arg(cnfA, sb.servers()[0].dir + QStringLiteral("/data"), dir.path());
        const QString extract = QStringLiteral("mbstream -x -C %1").arg(target);
        const QString prepare
            = QStringLiteral("mariadb-backup --prepare --target-dir=%1 --use-memory=256M").arg(target);
        const auto on = [&](const QString& command) {
            return remote ? ssh + QStringLiteral("'sudo -n %1'").arg(command) : command;
        };
        QProcess p;
        p.start(QStringLiteral("/bin/bash"),
            { QStringLiteral("-c"),
                QStringLiteral(
                    "set -o pipefail; mkdir -p %1/tmp && %2 2>%1/backup.err | %3 && %4 2>%1/prepare.err")
                    .arg(dir.path(), on(backup), on(extract), on(prepare)) });
        p.waitForFinished(-1);
        const qint64 ms = t.elapsed();
        (remote ? handSshMs : handMs) = ms;
        const qint64 written = writer.stop();
        seq = writer.lastSeq() + 1;
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            QFile e(dir.path() + QStringLiteral("/backup.err"));
            e.open(QIODevice::ReadOnly);
            out << "hand pipeline failed: " << e.readAll().right(2000) << Qt::endl;
            return false;
        }
        out << (remote ? QStringLiteral("by hand, host to host (ssh A 'mariadb-backup --stream' | ssh B "
                                        "'mbstream -x'; ssh B '--prepare'): %1 s; writer %2 rows/s; load avg "
                                        "before %3, after %4")
                       : QStringLiteral("by hand, on one host (mariadb-backup --stream | mbstream -x; "
                                        "--prepare): %1 s; writer %2 rows/s; load avg before %3, after %4"))
                   .arg(ms / 1000.0, 0, 'f', 1)
                   .arg(written * 1000.0 / ms, 0, 'f', 0)
                   .arg(before, load())
            << Qt::endl;
        QDir(target).removeRecursively();
        return true;
    };
    const auto handSteps = [&]() { return handStep(false) && (!overSsh || handStep(true)); };

    QList<double> ratios, streamRatios, sshRatios, sshStreamRatios;
    const auto mean = [](const QList<double>& l) {
        double sum = 0;
        for (double d : l)
            sum += d;
        return l.isEmpty() ? 0.0 : sum / l.size();
    };
    for (int round = 1; round <= rounds; ++round) {
        out << QStringLiteral("round %1 of %2 (%3 first)")
                   .arg(round)
                   .arg(rounds)
                   .arg(round % 2 ? QStringLiteral("physical step") : QStringLiteral("by hand"))
            << Qt::endl;
        const bool ok = round % 2 ? physicalStep() && handSteps() : handSteps() && physicalStep();
        if (!ok)
            return 1;
        ratios << double(physicalMs) / double(handMs);
        streamRatios << double(physicalStreamMs) / double(handMs);
        out << QStringLiteral("ratio physical step / by hand on one host: %1 (stream + prepare alone: %2)")
                   .arg(ratios.last(), 0, 'f', 2)
                   .arg(streamRatios.last(), 0, 'f', 2)
            << Qt::endl;
        if (overSsh) {
            sshRatios << double(physicalMs) / double(handSshMs);
            sshStreamRatios << double(physicalStreamMs) / double(handSshMs);
            out << QStringLiteral(
                "ratio physical step / by hand host to host: %1 (stream + prepare alone: %2; "
                "target <= 1.20)")
                       .arg(sshRatios.last(), 0, 'f', 2)
                       .arg(sshStreamRatios.last(), 0, 'f', 2)
                << Qt::endl;
        }
        if (logical)
            out << QStringLiteral("ratio logical step / physical step: %1 (target >= 3.0)")
                       .arg(double(logicalMs) / double(physicalMs), 0, 'f', 2)
                << Qt::endl;
    }
    if (rounds > 1) {
        out << QStringLiteral("mean ratio physical step / by hand on one host over %1 rounds: %2 (stream + "
                              "prepare alone: %3)")
                   .arg(rounds)
                   .arg(mean(ratios), 0, 'f', 2)
                   .arg(mean(streamRatios), 0, 'f', 2)
            << Qt::endl;
        if (overSsh)
            out << QStringLiteral(
                "mean ratio physical step / by hand host to host over %1 rounds: %2 (stream "
                "+ prepare alone: %3)")
                       .arg(rounds)
                       .arg(mean(sshRatios), 0, 'f', 2)
                       .arg(mean(sshStreamRatios), 0, 'f', 2)
                << Qt::endl;
    }
    return 0;
}
