// Prints the monitoring figures of issues 6 and 12: CPU per poll, the CPU of 50 pairs at 1 s (one line
// "50 pairs at 1 s: X % of one core"), memory of a day of history, the time a chart query of that day
// takes, and the delay from stopping a thread to its event.
// Not a test: it starts a sandbox pair of its own (127.0.0.1 only) and always stops it.
#include "monitor/pairmonitor.h"
#include "monitor/statuspoller.h"
#include "sandbox/sandbox.h"
#include "support/replicatedsandbox.h"
#include "support/testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>

namespace {
double cpuSeconds()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
        + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/** User and system CPU seconds and context switches of this process. */
struct Usage
{
    double user = 0;
    double system = 0;
    long switches = 0;
};

Usage usage()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return { double(u.ru_utime.tv_sec) + double(u.ru_utime.tv_usec) / 1e6,
        double(u.ru_stime.tv_sec) + double(u.ru_stime.tv_usec) / 1e6, u.ru_nvcsw + u.ru_nivcsw };
}

qint64 residentBytes()
{
    QFile f("/proc/self/statm");
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * 4096 : 0;
}

qint64 dayOfHistoryBytes = 0; ///< one pair's history after a day of 1 Hz samples

void historyFigures()
{
    const qint64 before = residentBytes();
    auto history = std::make_unique<StatusHistory>();
    const qint64 t0 = 1'700'000'000'000;
    QElapsedTimer fill;
    fill.start();
    for (int server = 0; server < 2; ++server)
        for (int i = 0; i < 86400; ++i) {
            HistoryPoint p;
            p.timeMs = t0 + qint64(i) * 1000;
            p.heartbeatLag = float(i % 37) / 10.0f;
            p.secondsBehind = float(i % 37 / 10);
            p.backlogBytes = float(i % 1000);
            p.flags = HistoryPoint::Reachable | HistoryPoint::IoRunning | HistoryPoint::SqlRunning;
            history->append(server, p);
        }
    const qint64 fillMs = fill.elapsed();
    dayOfHistoryBytes = history->memoryBytes();
    const qint64 after = residentBytes();
    std::printf("history: a day of 1 Hz samples, both directions (172800 samples)\n");
    std::printf(
        "  memory (buffers)            %8.2f MB   (target <= 8 MB)\n", history->memoryBytes() / 1048576.0);
    std::printf("  memory (resident growth)    %8.2f MB\n", (after - before) / 1048576.0);
    std::printf("  append                      %8.3f us per sample\n", fillMs * 1000.0 / 172800.0);
    for (const auto& [name, range] : { std::pair { "5 min", 300'000LL }, std::pair { "1 h", 3'600'000LL },
             std::pair { "24 h", 86'400'000LL } }) {
        QElapsedTimer q;
        q.start();
        int points = 0;
        const int reps = 20;
        for (int r = 0; r < reps; ++r)
            points = int(history->query(0, t0 + 86'400'000 - range, t0 + 86'400'000, 2000).size());
        std::printf(
            "  query %-6s                %8.3f ms, %d points\n", name, q.nsecsElapsed() / 1e6 / reps, points);
    }
}

bool waitFor(const std::function<bool()>& pred, int timeoutMs)
{
    return QTest::qWaitFor(pred, timeoutMs);
}

/** Issue 12: 50 pairs at the default 1 s interval, all pointing at the sandbox's two servers; what counts is
 *  this process's CPU (pollers, probes, monitors, histories), from getrusage over a steady 20 s. */
void fleetFigures(SandboxPair& pair)
{
    constexpr int pairs = 50;
    std::vector<std::unique_ptr<PairMonitor>> fleet;
    int samples = 0;
    int lags = 0;
    for (int p = 0; p < pairs; ++p) {
        PairProfile profile = pair.sandbox().pairProfile();
        profile.name = QStringLiteral("pair%1").arg(p);
        fleet.push_back(std::make_unique<PairMonitor>(profile));
        QObject::connect(
            fleet.back().get(), &PairMonitor::sample, fleet.back().get(), [&](const StatusSample& s) {
                ++samples;
                lags += s.heartbeatLag ? 1 : 0;
            });
    }
    for (auto& m : fleet) {
        m->start();
        QTest::qWait(1000 / pairs); // spread over the interval, as monitors started at different times are
    }
    QTest::qWait(5000); // connections open, first beats measured
    samples = lags = 0;
    const Usage usage0 = usage();
    const double cpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    QTest::qWait(20000);
    const double cpu = cpuSeconds() - cpu0;
    const Usage usage1 = usage();
    const double seconds = wall.elapsed() / 1000.0;
    std::printf(
        "fleet: %d pairs (%d servers) at 1 s, heartbeat on, against 2 local servers\n", pairs, 2 * pairs);
    std::printf(
        "  samples                     %8d in %.1f s (%d with heartbeat lag)\n", samples, seconds, lags);
    std::printf("  CPU per server-poll         %8.3f ms (user %.3f, system %.3f; %.1f context switches)\n",
        samples ? cpu * 1000.0 / samples : 0.0,
        samples ? (usage1.user - usage0.user) * 1000.0 / samples : 0.0,
        samples ? (usage1.system - usage0.system) * 1000.0 / samples : 0.0,
        samples ? double(usage1.switches - usage0.switches) / samples : 0.0);
    std::printf("50 pairs at 1 s: %.2f %% of one core\n", cpu / seconds * 100.0);
    double load[3] = { 0, 0, 0 };
    if (getloadavg(load, 3) == 3)
        std::printf("  load average                %8.2f %.2f %.2f (the machine's, during the figure)\n",
            load[0], load[1], load[2]);
    std::printf("  history after these %.0f s     %8.2f MB for 50 pairs (grows with the samples)\n", seconds,
        fleet.front()->history().memoryBytes() * double(pairs) / 1048576.0);
    std::printf("  history of a day, 50 pairs  %8.1f MB (%.2f MB per pair)\n",
        dayOfHistoryBytes * double(pairs) / 1048576.0, dayOfHistoryBytes / 1048576.0);
    for (auto& m : fleet)
        m->stop();
    fleet.clear();
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    historyFigures();

    if (Sandbox::serverBinary().isEmpty()) {
        std::printf("no mariadbd/mysqld: the live figures are skipped\n");
        return 0;
    }
    SandboxPair pair; // stops its servers when it goes away
    if (!pair.up()) {
        std::printf("sandbox failed: %s\n", qPrintable(pair.error()));
        return 1;
    }
    QString error;
    if (!startSandboxReplication(pair.sandbox(), &error)) {
        std::printf("replication failed: %s\n", qPrintable(error));
        return 1;
    }
    PairMonitor monitor(pair.sandbox().pairProfile());
    auto created = monitor.createHeartbeatTable(0);
    waitFor([&] { return created.isFinished(); }, 10000);
    QList<StatusSample> samples;
    QList<ReplicationEvent> events;
    QObject::connect(&monitor, &PairMonitor::sample, &app, [&](const StatusSample& s) { samples.append(s); });
    QObject::connect(
        &monitor, &PairMonitor::event, &app, [&](const ReplicationEvent& e) { events.append(e); });

    // CPU per poll: the whole process (both pollers, the monitor, the history) over many polls
    monitor.setIntervalMs(StatusPoller::MinimumIntervalMs);
    monitor.start();
    waitFor([&] { return samples.size() >= 10; }, 10000);
    const int startCount = int(samples.size());
    const double cpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    QTest::qWait(10000);
    const double cpu = cpuSeconds() - cpu0;
    const int polls = int(samples.size()) - startCount;
    QList<qint64> pollUs;
    for (int i = startCount; i < samples.size(); ++i)
        pollUs << samples[i].pollMicros;
    std::sort(pollUs.begin(), pollUs.end());
    std::printf(
        "polling (one round trip per poll: health, replica status and, once a second, the beat and its "
        "binlog position; one wait per beat on the peer; loopback)\n");
    std::printf("  polls                       %8d in %.1f s\n", polls, wall.elapsed() / 1000.0);
    std::printf("  CPU per poll (this process) %8.3f ms\n", polls ? cpu * 1000.0 / polls : 0.0);
    std::printf("  CPU at 1 s interval, 2 srv  %8.3f %%\n", polls ? cpu / polls * 2 * 100.0 : 0.0);
    if (!pollUs.isEmpty())
        std::printf("  poll wall time median / p95 %8.3f / %.3f ms\n", pollUs[pollUs.size() / 2] / 1000.0,
            pollUs[pollUs.size() * 95 / 100] / 1000.0);

    // the fleet's figure is the fleet's alone: this monitor (at 5x the rate) is stopped meanwhile
    monitor.stop();
    QTest::qWait(500);
    fleetFigures(pair);

    // the delay from STOP SLAVE SQL_THREAD to the event, at the default interval
    monitor.setIntervalMs(StatusPoller::DefaultIntervalMs);
    monitor.start();
    QTest::qWait(1500);
    QList<qint64> delays;
    for (int round = 0; round < 5; ++round) {
        const int from = int(events.size());
        QElapsedTimer t;
        t.start();
        sandboxSql(pair.sandbox(), 1, "STOP SLAVE SQL_THREAD");
        const bool seen = waitFor(
            [&] {
                for (int i = from; i < events.size(); ++i)
                    if (events[i].kind == ReplicationEvent::Kind::SqlThreadStopped)
                        return true;
                return false;
            },
            5000);
        delays << (seen ? t.elapsed() : -1);
        sandboxSql(pair.sandbox(), 1, "START SLAVE SQL_THREAD");
        waitFor(
            [&] {
                for (int i = from; i < events.size(); ++i)
                    if (events[i].kind == ReplicationEvent::Kind::Recovered)
                        return true;
                return false;
            },
            5000);
        QTest::qWait(300 + round * 170); // a different phase against the poll timer each round
    }
    std::printf("stop SQL thread -> event, interval 1 s (target < 1500 ms)\n  ");
    for (qint64 d : delays)
        std::printf("%lld ms  ", static_cast<long long>(d));
    std::printf(
        "\n  max %lld ms\n", static_cast<long long>(*std::max_element(delays.cbegin(), delays.cend())));
    monitor.stop();
    return 0;
}
