// Setup wall time on a fresh sandbox pair: both servers at once against one after the other.
// Prints figures; target: the parallel run takes at most 0.7 of the sequential one (0.6 over SSH).
// Usage: bench_setup [ROUNDS] [--ssh]   (--ssh: both hosts reached through a real sshd on 127.0.0.1)
// BENCH_EVENTS=1 prints every setup event with its time on stderr.
// With --ssh it also prints the setup's overhead beyond its floor: both servers of a second fresh pair (the
// same state as the pair before setup: binary log off), given by hand the settings setup writes (the binary
// log turned on) and restarted at once through the same restart command over already open SSH sessions,
// measured before the setup in odd rounds and after it in even ones, so that a machine getting busier or
// quieter does not favour either (goal: at most 200 ms, every run). Each round prints its overhead with the
// machine's load (/proc/loadavg) beside it, and the end the median and spread of the rounds.
#include "common/stepid.h"
#include "host/ssh/sshshell.h"
#include "sandbox/sandbox.h"
#include "setup/setuprunner.h"
#include "support/sshdfixture.h"

#include <unistd.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <thread>

namespace {
struct Run
{
    qint64 totalMs = 0;
    QMap<QString, qint64> stepMs; ///< "server step" → elapsed
    bool ok = false;
    QString error;
    qint64 floorMs = -1; ///< both restarted at once by hand, over SSH (parallel runs with --ssh only)
    qint64 restartMs[2] = { -1, -1 }; ///< each of the two restarts by hand
    qint64 restartingAt[2] = { -1, -1 }; ///< setup's own restart of A, B began (ms since setup's start)
    qint64 backAt[2] = { -1, -1 }; ///< setup saw A, B back
};

SshdFixture* g_sshd = nullptr;

/** The machine's load averages as /proc/loadavg gives them ("1.20 0.90 0.75"). */
QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

SshEndpoint benchEndpoint()
{
    SshEndpoint ep = g_sshd->endpoint(g_sshd->dir() + QStringLiteral("/known_hosts_bench"));
    ep.acceptNewHostKey = true;
    ep.sudo = ::geteuid() == 0;
    return ep;
}

/** The floor: both servers restarted at once through their restart command, sessions already open. */
qint64 handRestartMs(const Sandbox& sandbox, qint64* each)
{
    std::unique_ptr<SshShell> shells[2];
    for (int i = 0; i < 2; ++i) {
        auto s = SshShell::open(sandbox.servers()[i].name, benchEndpoint());
        if (!s)
            return -1;
        shells[i] = std::move(*s);
        shells[i]->run(QStringLiteral("true"), 10000); // sudo checked, as a shell already in use
    }
    bool ok[2] = { false, false };
    QElapsedTimer t;
    t.start();
    std::thread restarts[2];
    for (int i = 0; i < 2; ++i)
        restarts[i] = std::thread([&, i] {
            QElapsedTimer own;
            own.start();
            auto r = shells[i]->run(sandbox.servers()[i].restartCommand, 120000);
            ok[i] = r && r->exitCode == 0;
            each[i] = own.elapsed();
        });
    for (auto& r : restarts)
        r.join();
    return ok[0] && ok[1] ? t.elapsed() : -1;
}

/** The floor on a fresh pair of its own, in the state setup finds its pair in, restarted with the settings
 *  setup writes (written by hand before the restart, not timed). */
bool measureFloor(Run& run)
{
    QTemporaryDir dir(QStringLiteral("/tmp/rpf-XXXXXX"));
    Sandbox floorPair(dir.path() + QStringLiteral("/sb"));
    if (auto up = floorPair.up(2); !up) {
        run.error = up.error().toString();
        return false;
    }
    // as by hand: the replication settings written first (what setup's drop-in turns on, the binary log
    // above all), so that the restart measured does the same work as setup's
    for (int i = 0; i < 2; ++i) {
        QFile cnf(floorPair.servers()[i].dir + QStringLiteral("/conf.d/90-byhand.cnf"));
        if (!cnf.open(QIODevice::WriteOnly)) {
            run.error = cnf.errorString();
            return false;
        }
        cnf.write(QStringLiteral("[mysqld]\nserver-id = %1\nlog-bin = mysql-bin\nlog-slave-updates = ON\n"
                                 "sync_binlog = 1\nbinlog_format = ROW\ngtid_domain_id = %1\n"
                                 "auto_increment_increment = 2\nauto_increment_offset = %1\n")
                      .arg(i + 1)
                      .toUtf8());
    }
    run.floorMs = handRestartMs(floorPair, run.restartMs);
    floorPair.down();
    return run.floorMs >= 0;
}

Run runOnce(bool sequential, bool floorFirst)
{
    Run run;
    const bool withFloor = g_sshd && !sequential;
    if (withFloor && floorFirst && !measureFloor(run))
        return run;
    QTemporaryDir dir(QStringLiteral("/tmp/rpb-XXXXXX"));
    Sandbox sandbox(dir.path() + QStringLiteral("/sb"));
    if (auto up = sandbox.up(2); !up) {
        run.error = up.error().toString();
        return run;
    }
    PairProfile profile = sandbox.pairProfile();
    if (g_sshd) {
        for (ServerProfile& s : profile.servers) {
            s.hasSsh = true;
            s.ssh = benchEndpoint();
            s.configFile = QStringLiteral("auto");
        }
    }
    SetupRunner runner(profile);
    runner.setSequential(sequential);
    QEventLoop loop;
    QObject ctx;
    const bool showEvents = qEnvironmentVariableIsSet("BENCH_EVENTS"); // every event line, to see where
    QElapsedTimer since;
    since.start();
    QObject::connect(&runner, &SetupRunner::event, &ctx, [&run, &since, showEvents](const SetupEvent& e) {
        const int server = e.server == QLatin1String("A") ? 0 : e.server == QLatin1String("B") ? 1 : -1;
        if (server >= 0 && e.kind == SetupEvent::Kind::Info && e.step == StepId::Config) {
            if (e.text.startsWith(QLatin1String("restarting the server")))
                run.restartingAt[server] = since.elapsed();
            else if (e.text == QLatin1String("the server is back"))
                run.backAt[server] = since.elapsed();
        }
        if (showEvents)
            QTextStream(stderr) << e.toLine() << Qt::endl;
        if (e.kind == SetupEvent::Kind::StepFinished && e.elapsedMs >= 0)
            run.stepMs[QStringLiteral("%1 %2").arg(
                e.step, e.server.isEmpty() ? QStringLiteral("A+B") : e.server)]
                += e.elapsedMs;
    });
    QObject::connect(&runner, &SetupRunner::finished, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    QElapsedTimer t;
    t.start();
    since.restart();
    runner.start(SetupRunner::Mode::Setup);
    loop.exec();
    run.totalMs = t.elapsed();
    run.ok = runner.succeeded();
    run.error = runner.error().toString();
    sandbox.down();
    if (run.ok && withFloor && !floorFirst && !measureFloor(run))
        run.ok = false;
    return run;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    int rounds = 2;
    bool ssh = false;
    for (int i = 1; i < argc; ++i) {
        if (QLatin1String(argv[i]) == QLatin1String("--ssh"))
            ssh = true;
        else
            rounds = qMax(1, QString::fromLocal8Bit(argv[i]).toInt());
    }
    SshdFixture sshd;
    if (ssh) {
        if (!sshd.start()) {
            out << "cannot start sshd: " << sshd.error() << Qt::endl;
            return 1;
        }
        sshd.allowSudo(); // the fixture's unprivileged login user sudoes like a DBA's account
        g_sshd = &sshd;
    }
    const double target = ssh ? 0.6 : 0.7;
    qint64 par = 0, seq = 0, floor = 0;
    QList<qint64> overheads;
    Run lastPar, lastSeq;
    out << QStringLiteral("load at start %1").arg(loadAverage()) << Qt::endl;
    for (int r = 0; r < rounds; ++r) {
        const QString loadBefore = loadAverage();
        lastPar = runOnce(false, r % 2 == 0);
        lastSeq = runOnce(true, false);
        if (!lastPar.ok || !lastSeq.ok) {
            out << "setup failed: " << lastPar.error << " / " << lastSeq.error << Qt::endl;
            return 1;
        }
        par += lastPar.totalMs;
        seq += lastSeq.totalMs;
        floor += lastPar.floorMs;
        overheads << lastPar.totalMs - lastPar.floorMs;
        if (ssh && lastPar.backAt[0] >= 0 && lastPar.backAt[1] >= 0) {
            // where the overhead is: before the restart, the restart as setup saw it, after both are back
            const qint64 lastBack = std::max(lastPar.backAt[0], lastPar.backAt[1]);
            out << QStringLiteral(
                "round %1: before the restart A %2 ms, B %3 ms; restart (begun to seen back) "
                "A %4 ms, B %5 ms; after both were back %6 ms")
                       .arg(r + 1)
                       .arg(lastPar.restartingAt[0])
                       .arg(lastPar.restartingAt[1])
                       .arg(lastPar.backAt[0] - lastPar.restartingAt[0])
                       .arg(lastPar.backAt[1] - lastPar.restartingAt[1])
                       .arg(lastPar.totalMs - lastBack)
                << Qt::endl;
        }
        if (ssh)
            out << QStringLiteral(
                "round %1: setup (both at once) %2 ms, both restarted at once by hand %3 ms (A %5 ms, B "
                "%6 ms, measured %7 the setup), overhead beyond the slower restart: %4 s; load %8 -> %9")
                       .arg(r + 1)
                       .arg(lastPar.totalMs)
                       .arg(lastPar.floorMs)
                       .arg((lastPar.totalMs - lastPar.floorMs) / 1000.0, 0, 'f', 2)
                       .arg(lastPar.restartMs[0])
                       .arg(lastPar.restartMs[1])
                       .arg(r % 2 == 0 ? QStringLiteral("before") : QStringLiteral("after"))
                       .arg(loadBefore, loadAverage())
                << Qt::endl;
        out << QStringLiteral("round %1: both at once %2 ms, one after the other %3 ms")
                   .arg(r + 1)
                   .arg(lastPar.totalMs)
                   .arg(lastSeq.totalMs)
            << Qt::endl;
    }
    out << Qt::endl
        << QStringLiteral("%1 %2 %3")
               .arg(QStringLiteral("step (last round)"), -28)
               .arg(QStringLiteral("parallel ms"), 12)
               .arg(QStringLiteral("sequential ms"), 14)
        << Qt::endl;
    for (auto it = lastSeq.stepMs.begin(); it != lastSeq.stepMs.end(); ++it)
        out << QStringLiteral("%1 %2 %3")
                   .arg(it.key(), -28)
                   .arg(lastPar.stepMs.value(it.key()), 12)
                   .arg(it.value(), 14)
            << Qt::endl;
    const double ratio = double(par) / double(seq);
    out << Qt::endl
        << QStringLiteral("setup wall time%6, mean of %1: both at once %2 ms, one after the other %3 ms, "
                          "ratio %4 (target <= %7) %5")
               .arg(rounds)
               .arg(par / rounds)
               .arg(seq / rounds)
               .arg(ratio, 0, 'f', 2)
               .arg(ratio <= target ? QStringLiteral("MET") : QStringLiteral("NOT MET"))
               .arg(ssh ? QStringLiteral(" over SSH") : QString())
               .arg(target, 0, 'f', 2)
        << Qt::endl;
    if (ssh) {
        const qint64 overhead = (par - floor) / rounds;
        out << QStringLiteral("overhead beyond the slower restart: %1 s (setup over SSH beyond restarting "
                              "both servers at once by hand, mean of %2; floor %3 ms; goal <= 0.20 s) %4")
                   .arg(overhead / 1000.0, 0, 'f', 2)
                   .arg(rounds)
                   .arg(floor / rounds)
                   .arg(overhead <= 200 ? QStringLiteral("MET") : QStringLiteral("NOT MET"))
            << Qt::endl;
        std::sort(overheads.begin(), overheads.end());
        const qint64 median = overheads.size() % 2
            ? overheads[overheads.size() / 2]
            : (overheads[overheads.size() / 2 - 1] + overheads[overheads.size() / 2]) / 2;
        out << QStringLiteral(
            "overhead per round: median %1 s, spread %2-%3 s over %4 rounds (goal <= 0.20 s every "
            "round: %5); load now %6")
                   .arg(median / 1000.0, 0, 'f', 2)
                   .arg(overheads.first() / 1000.0, 0, 'f', 2)
                   .arg(overheads.last() / 1000.0, 0, 'f', 2)
                   .arg(overheads.size())
                   .arg(overheads.last() <= 200 ? QStringLiteral("MET") : QStringLiteral("NOT MET"),
                       loadAverage())
            << Qt::endl;
    }
    return 0;
}
