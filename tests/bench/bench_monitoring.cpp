// Prints the monitoring figures of issues 6, 12 and 23: CPU per poll, the CPU of 50 pairs at 1 s (one line
// per run, then "50 pairs at 1 s: X % of one core" as the median and the spread of the runs), memory of a
// day of history, the time a chart query of that day takes, and the delay from stopping a thread to its
// event. Every CPU figure has the machine's load (/proc/loadavg) beside it: other processes on the machine
// slow this one down (caches, scheduling), so a figure compares only with one taken at a similar load.
// Usage: bench_monitoring [--runs N] [--window SECONDS]   (default 5 runs of 10 s)
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
int g_runs = 5; ///< measuring windows per figure
int g_windowSec = 10;

/** The machine's load averages as /proc/loadavg gives them ("1.20 0.90 0.75"). */
QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() >= 3 ? QString::fromLatin1(fields.at(0) + ' ' + fields.at(1) + ' ' + fields.at(2))
                              : QStringLiteral("?");
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/** "0.310 ms (spread 0.290-0.352, 5 runs)": the median and the smallest and largest of @p values. */
QString medianAndSpread(const QList<double>& values, const char* unit, int decimals)
{
    if (values.isEmpty())
        return QStringLiteral("-");
    const auto [low, high] = std::minmax_element(values.cbegin(), values.cend());
    return QStringLiteral("%1 %2 (spread %3-%4, %5 runs)")
        .arg(median(values), 0, 'f', decimals)
        .arg(QLatin1String(unit))
        .arg(*low, 0, 'f', decimals)
        .arg(*high, 0, 'f', decimals)
        .arg(values.size());
}

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

/** Issues 12 and 23: 50 pairs at the default 1 s interval, all pointing at the sandbox's two servers; what
 *  counts is this process's CPU (pollers, probes, monitors, histories), from getrusage over g_runs windows of
 *  g_windowSec each, once the monitors are steady. */
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
    std::printf(
        "fleet: %d pairs (%d servers) at 1 s, heartbeat on, against 2 local servers; %d runs of %d s\n",
        pairs, 2 * pairs, g_runs, g_windowSec);
    QList<double> perPoll, percent;
    QElapsedTimer total;
    total.start();
    for (int run = 0; run < g_runs; ++run) {
        samples = lags = 0;
        const QString loadBefore = loadAverage();
        const Usage usage0 = usage();
        QElapsedTimer wall;
        wall.start();
        QTest::qWait(g_windowSec * 1000);
        const Usage usage1 = usage();
        const double seconds = wall.elapsed() / 1000.0;
        const double cpu = (usage1.user + usage1.system) - (usage0.user + usage0.system);
        const double n = std::max(samples, 1);
        perPoll << cpu * 1000.0 / n;
        percent << cpu / seconds * 100.0;
        std::printf(
            "  run %d: %d samples in %.1f s (%d with heartbeat lag), CPU per server-poll %.3f ms (user "
            "%.3f, system %.3f; %.1f context switches), %.2f %% of one core; load %s -> %s\n",
            run + 1, samples, seconds, lags, perPoll.last(), (usage1.user - usage0.user) * 1000.0 / n,
            (usage1.system - usage0.system) * 1000.0 / n, double(usage1.switches - usage0.switches) / n,
            percent.last(), qPrintable(loadBefore), qPrintable(loadAverage()));
    }
    std::printf("CPU per server-poll: %s (target <= 0.300 ms) %s\n",
        qPrintable(medianAndSpread(perPoll, "ms", 3)), median(perPoll) <= 0.3 ? "MET" : "NOT MET");
    std::printf("50 pairs at 1 s: %s of one core (target <= 3 %%) %s; load now %s\n",
        qPrintable(medianAndSpread(percent, "%", 2)), median(percent) <= 3.0 ? "MET" : "NOT MET",
        qPrintable(loadAverage()));
    std::printf("  history after these %.0f s     %8.2f MB for 50 pairs (grows with the samples)\n",
        total.elapsed() / 1000.0, fleet.front()->history().memoryBytes() * double(pairs) / 1048576.0);
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
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs"))
            g_runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--window"))
            g_windowSec = std::max(2, args[i + 1].toInt());
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // each figure as soon as it is measured
    std::printf("load at start %s; nice %d\n", qPrintable(loadAverage()), getpriority(PRIO_PROCESS, 0));
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
    std::printf(
        "polling (one round trip per poll: health, replica status and, once a second, the beat and its "
        "binlog position; one wait per beat on the peer; loopback), one pair at 200 ms\n");
    QList<double> perPollOne;
    const int windowMs = std::max(2000, g_windowSec * 1000 / 2);
    for (int run = 0; run < g_runs; ++run) {
        const int startCount = int(samples.size());
        const QString loadBefore = loadAverage();
        const double cpu0 = cpuSeconds();
        QElapsedTimer wall;
        wall.start();
        QTest::qWait(windowMs);
        const double cpu = cpuSeconds() - cpu0;
        const int polls = int(samples.size()) - startCount;
        QList<qint64> pollUs;
        for (int i = startCount; i < samples.size(); ++i)
            pollUs << samples[i].pollMicros;
        std::sort(pollUs.begin(), pollUs.end());
        perPollOne << (polls ? cpu * 1000.0 / polls : 0.0);
        std::printf("  run %d: %d polls in %.1f s, CPU per poll %.3f ms, poll wall time median / p95 %.3f / "
                    "%.3f ms; load %s -> %s\n",
            run + 1, polls, wall.elapsed() / 1000.0, perPollOne.last(),
            pollUs.isEmpty() ? 0.0 : pollUs[pollUs.size() / 2] / 1000.0,
            pollUs.isEmpty() ? 0.0 : pollUs[pollUs.size() * 95 / 100] / 1000.0, qPrintable(loadBefore),
            qPrintable(loadAverage()));
    }
    std::printf("  CPU per poll (this process) %s\n", qPrintable(medianAndSpread(perPollOne, "ms", 3)));

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
