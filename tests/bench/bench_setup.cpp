// Setup wall time on a fresh sandbox pair: both servers at once against one after the other.
// Prints figures; target: the parallel run takes at most 0.7 of the sequential one (0.6 over SSH).
// Usage: bench_setup [ROUNDS] [--ssh]   (--ssh: both hosts reached through a real sshd on 127.0.0.1)
#include "sandbox/sandbox.h"
#include "setup/setuprunner.h"
#include "support/sshdfixture.h"

#include <QFile>
#include <unistd.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QMap>
#include <QTemporaryDir>
#include <QTextStream>

namespace {
struct Run
{
    qint64 totalMs = 0;
    QMap<QString, qint64> stepMs; ///< "server step" → elapsed
    bool ok = false;
    QString error;
};

SshdFixture* g_sshd = nullptr;

Run runOnce(bool sequential)
{
    Run run;
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
            s.ssh = g_sshd->endpoint(g_sshd->dir() + QStringLiteral("/known_hosts_bench"));
            s.ssh.acceptNewHostKey = true;
            s.ssh.sudo = ::geteuid() == 0;
            s.configFile = QStringLiteral("auto");
        }
    }
    SetupRunner runner(profile);
    runner.setSequential(sequential);
    QEventLoop loop;
    QObject ctx;
    QObject::connect(&runner, &SetupRunner::event, &ctx, [&run](const SetupEvent& e) {
        if (e.kind == SetupEvent::Kind::StepFinished && e.elapsedMs >= 0)
            run.stepMs[QStringLiteral("%1 %2").arg(
                e.step, e.server.isEmpty() ? QStringLiteral("A+B") : e.server)]
                += e.elapsedMs;
    });
    QObject::connect(&runner, &SetupRunner::finished, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    QElapsedTimer t;
    t.start();
    runner.start(SetupRunner::Mode::Setup);
    loop.exec();
    run.totalMs = t.elapsed();
    run.ok = runner.succeeded();
    run.error = runner.error().toString();
    sandbox.down();
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
        if (::geteuid() == 0) { // the fixture's unprivileged login user sudoes like a DBA's account
            QFile rule(QStringLiteral("/etc/sudoers.d/replipair-bench"));
            rule.open(QIODevice::WriteOnly);
            rule.write(QStringLiteral("%1 ALL=(root) NOPASSWD: ALL\n").arg(sshd.user()).toUtf8());
            rule.close();
            QFile::setPermissions(rule.fileName(), QFile::ReadOwner | QFile::ReadGroup);
        }
        g_sshd = &sshd;
    }
    const double target = ssh ? 0.6 : 0.7;
    qint64 par = 0, seq = 0;
    Run lastPar, lastSeq;
    for (int r = 0; r < rounds; ++r) {
        lastPar = runOnce(false);
        lastSeq = runOnce(true);
        if (!lastPar.ok || !lastSeq.ok) {
            out << "setup failed: " << lastPar.error << " / " << lastSeq.error << Qt::endl;
            return 1;
        }
        par += lastPar.totalMs;
        seq += lastSeq.totalMs;
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
    QFile::remove(QStringLiteral("/etc/sudoers.d/replipair-bench"));
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
    return 0;
}
