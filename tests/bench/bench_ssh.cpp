// SSH round trip per HostShell call: a real sshd on loopback (the test fixture), one reused session.
// Prints the median and mean time of each kind of call. Not a test; run by hand.
#include "host/blockpipe.h"
#include "host/remotejob.h"
#include "host/ssh/sshshell.h"
#include "support/sshdfixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <QThread>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>

static QByteArray loadNow()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().left(14).trimmed() : QByteArray("?");
}

static void measure(const char* what, int n, const std::function<bool()>& call)
{
    QList<double> ms;
    for (int i = 0; i < n; ++i) {
        QElapsedTimer t;
        t.start();
        if (!call()) {
            std::printf("%-34s failed\n", what);
            return;
        }
        ms << t.nsecsElapsed() / 1e6;
    }
    std::sort(ms.begin(), ms.end());
    double sum = 0;
    for (double v : ms)
        sum += v;
    std::printf("%-34s median %7.2f ms   mean %7.2f ms   (%d calls)\n", what, ms.at(ms.size() / 2),
        sum / ms.size(), n);
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    SshdFixture sshd;
    if (!sshd.start()) {
        std::fprintf(stderr, "cannot start sshd: %s\n", qPrintable(sshd.error()));
        return 1;
    }
    SshEndpoint ep = sshd.endpoint();
    ep.acceptNewHostKey = true;
    QElapsedTimer t;
    t.start();
    auto shell = SshShell::open(QStringLiteral("A"), ep, 5000);
    if (!shell) {
        std::fprintf(stderr, "%s\n", qPrintable(shell.error().toString()));
        return 1;
    }
    std::printf("%-34s %7.2f ms\n", "connect + host key + key auth", t.nsecsElapsed() / 1e6);
    const QString file = sshd.userDir() + QStringLiteral("/bench.cnf");
    const QByteArray content = QByteArray("[mysqld]\nserver-id = 1\n").repeated(200);
    (*shell)->writeFileAtomic(file, content);
    const int n = 50;
    measure("run(\"true\")", n, [&] { return bool((*shell)->run(QStringLiteral("true"), 5000)); });
    measure("exists()", n, [&] { return bool((*shell)->exists(file)); });
    measure("readFile() 5 KB", n, [&] { return bool((*shell)->readFile(file)); });
    measure("checkWritable()", n, [&] { return bool((*shell)->checkWritable(file)); });
    measure("writeFileAtomic() 5 KB", n, [&] { return bool((*shell)->writeFileAtomic(file, content)); });
    measure("listDir()", n, [&] { return bool((*shell)->listDir(sshd.userDir(), QStringLiteral("*.cnf"))); });

    // setup's two files and the restart's launch (a job running "true"), through sudo as setup runs them:
    // in two calls (before) and in one (now), alternately at the same load
    if (::geteuid() == 0) {
        sshd.allowSudo();
        SshEndpoint root = ep;
        root.sudo = true;
        auto sudoShell = SshShell::open(QStringLiteral("S"), root, 5000);
        if (!sudoShell)
            return 1;
        const QString drop = sshd.userDir() + QStringLiteral("/90-replipair.cnf");
        const QString launch = RemoteJob::launchScript(QStringLiteral("run"), QStringLiteral("true"));
        const QList<FileReplacement> writes { { file, content }, { drop, content } };
        QList<double> two, one;
        for (int i = 0; i < n; ++i) {
            int copied = 0, written = 0;
            QElapsedTimer w;
            w.start();
            if (!(*sudoShell)->copyThenWrite({}, writes, copied, written)
                || !(*sudoShell)->run(launch, 15000))
                return 1;
            two << w.nsecsElapsed() / 1e6;
            std::optional<Result<CommandResult>> ran;
            w.restart();
            if (!(*sudoShell)->copyThenWriteThenRun({}, writes, copied, written, launch, 15000, ran) || !ran)
                return 1;
            one << w.nsecsElapsed() / 1e6;
        }
        (*sudoShell)->run(QStringLiteral("rm -rf /tmp/replipair-run.*"), 15000);
        std::sort(two.begin(), two.end());
        std::sort(one.begin(), one.end());
        std::printf("%-34s median %7.2f ms\n%-34s median %7.2f ms   (%d each, sudo, load %s)\n",
            "2 writes, then launch: two calls", two.at(n / 2), "2 writes + launch: one call", one.at(n / 2),
            n, qPrintable(QString::fromLatin1(loadNow())));
    }

    // the physical copy's relay: one session's stdout into another's stdin, through memory (two threads)
    auto other = SshShell::open(QStringLiteral("B"), ep, 5000);
    if (!other)
        return 1;
    const int mb = 512;
    for (int round = 0; round < 6; ++round) {
        BlockPipe pipe;
        bool ok = true;
        QElapsedTimer relay;
        relay.start();
        std::unique_ptr<QThread> a(QThread::create([&] {
            auto r = (*shell)->stream(QStringLiteral("head -c %1M /dev/zero").arg(mb), pipe.sourceEnd(30000));
            if (!r || r->exitCode != 0)
                std::printf("A: %s\n",
                    r ? qPrintable(QString::number(r->exitCode) + r->signal + QString::fromUtf8(r->err))
                      : qPrintable(r.error().toString()));
            ok = ok && r && r->exitCode == 0;
            if (ok)
                pipe.finish();
            else
                pipe.breakOff();
        }));
        std::unique_ptr<QThread> b(QThread::create([&] {
            auto r = (*other)->stream(QStringLiteral("cat > /dev/null"), pipe.targetEnd(30000));
            if (!r || r->exitCode != 0)
                std::printf("B: %s\n",
                    r ? qPrintable(QString::number(r->exitCode) + r->signal + QString::fromUtf8(r->err))
                      : qPrintable(r.error().toString()));
            if (!r || r->exitCode != 0) {
                ok = false;
                pipe.breakOff();
            }
        }));
        a->start();
        b->start();
        a->wait();
        b->wait();
        std::printf("%-34s %7.1f MB/s   (%d MB, %lld bytes, %s)\n", "stream relay A -> B",
            mb * 1000.0 / relay.elapsed(), mb, pipe.bytesOut(),
            ok && pipe.bytesOut() == qint64(mb) * 1024 * 1024 ? "all bytes" : "FAILED");
    }
    return 0;
}
