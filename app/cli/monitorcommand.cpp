#include "monitorcommand.h"

#include "monitor/pairmonitor.h"
#include "monitor/statuspoller.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

/** What the command line asked for. */
struct MonitorOptions
{
    int intervalMs = StatusPoller::DefaultIntervalMs;
    int timeoutSec = StatusPoller::DefaultTimeoutSec;
    double lagThreshold = ReplicationEventDetector::DefaultLagThresholdSec;
    bool json = false;
    bool once = false;
    bool events = false;
};

void writeLine(FILE* to, const QString& line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), to);
    std::fflush(to);
}

/** Parses the options; an error message when they are wrong. */
std::optional<QString> parse(const QStringList& args, MonitorOptions& o)
{
    for (int i = 0; i < args.size(); ++i) {
        QString arg = args.at(i);
        QString value;
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        if (arg.startsWith(QLatin1String("--")) && eq > 0) {
            value = arg.mid(eq + 1);
            arg = arg.left(eq);
        }
        auto takeNumber = [&](double& out) -> bool {
            if (value.isEmpty()) {
                if (i + 1 >= args.size())
                    return false;
                value = args.at(++i);
            }
            bool ok = false;
            out = value.toDouble(&ok);
            return ok;
        };
        double number = 0;
        if (arg == QLatin1String("--json")) {
            o.json = true;
        } else if (arg == QLatin1String("--once")) {
            o.once = true;
        } else if (arg == QLatin1String("--events")) {
            o.events = true;
        } else if (arg == QLatin1String("--interval")) {
            if (!takeNumber(number) || number * 1000 < StatusPoller::MinimumIntervalMs - 0.5)
                return MonitorCommand::tr("--interval needs a number of seconds, at least %1")
                    .arg(StatusPoller::MinimumIntervalMs / 1000.0);
            o.intervalMs = int(number * 1000 + 0.5);
        } else if (arg == QLatin1String("--timeout")) {
            if (!takeNumber(number) || number < 1)
                return MonitorCommand::tr("--timeout needs a whole number of seconds, at least 1");
            o.timeoutSec = int(number);
        } else if (arg == QLatin1String("--lag-threshold")) {
            if (!takeNumber(number) || number < 0)
                return MonitorCommand::tr("--lag-threshold needs a number of seconds");
            o.lagThreshold = number;
        } else if (arg.startsWith(QLatin1Char('-'))) {
            return MonitorCommand::tr("unknown option %1 for monitor").arg(arg);
        }
    }
    return std::nullopt;
}

QString seconds(const std::optional<double>& v, int decimals)
{
    return v ? QString::number(*v, 'f', decimals) + QStringLiteral(" s") : MonitorCommand::tr("n/a");
}

QString readableLine(const StatusSample& s)
{
    const QString head = QStringLiteral("%1  %2  ").arg(s.time.toUTC().toString(Qt::ISODateWithMs), s.server);
    if (!s.reachable)
        return head + MonitorCommand::tr("UNREACHABLE: %1").arg(s.unreachableReason);
    if (!s.replicaConfigured)
        return head
            + MonitorCommand::tr("no replication configured%1")
                  .arg(s.statusError.isEmpty() ? QString() : QStringLiteral(": ") + s.statusError);
    QString line = head
        + MonitorCommand::tr("IO %1  SQL %2  behind %3  heartbeat %4")
              .arg(s.ioState.isEmpty() ? MonitorCommand::tr("No") : s.ioState,
                  s.sqlRunning ? MonitorCommand::tr("Yes") : MonitorCommand::tr("No"),
                  s.secondsBehind ? QString::number(*s.secondsBehind) + QStringLiteral(" s")
                                  : MonitorCommand::tr("NULL"),
                  seconds(s.heartbeatLag, 3));
    if (s.readOnly)
        line += MonitorCommand::tr("  read-only");
    const QString error = s.lastError();
    if (!error.isEmpty())
        line += QStringLiteral("  ") + error;
    return line;
}

int g_signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}
} // namespace

int MonitorCommand::run(const PairProfile& profile, const QStringList& args)
{
    MonitorOptions options;
    if (const auto error = parse(args, options)) {
        writeLine(stderr, MonitorCommand::tr("replipair-cli monitor: %1").arg(*error));
        writeLine(stderr,
            MonitorCommand::tr(
                "usage: replipair-cli monitor PROFILE [--interval SECONDS] [--json] [--once] [--events] "
                "[--lag-threshold SECONDS] [--timeout SECONDS]"));
        return 2;
    }

    PairMonitor monitor(profile);
    monitor.setIntervalMs(options.intervalMs);
    monitor.setTimeoutSec(options.timeoutSec);
    monitor.setLagThreshold(options.lagThreshold);

    QEventLoop loop;
    int rounds = 0;
    bool allHealthy = true;
    // --once: the first round measures clocks and writes a heartbeat; the second, an interval later, is
    // printed
    const int printFrom = options.once ? 1 : 0;
    QObject::connect(&monitor, &PairMonitor::sample, &loop, [&](const StatusSample& s) {
        if (rounds < printFrom)
            return;
        allHealthy = allHealthy && s.healthy();
        writeLine(stdout,
            options.json ? QString::fromUtf8(QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact))
                         : readableLine(s));
    });
    QObject::connect(&monitor, &PairMonitor::event, &loop, [&](const ReplicationEvent& e) {
        if (options.once)
            return;
        if (options.json) {
            if (options.events)
                writeLine(
                    stdout, QString::fromUtf8(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact)));
        } else {
            writeLine(stdout,
                QStringLiteral("%1  %2  ** %3: %4")
                    .arg(e.time.toUTC().toString(Qt::ISODateWithMs), e.server,
                        ReplicationEvent::kindTitle(e.kind), e.text));
        }
    });
    QObject::connect(&monitor, &PairMonitor::roundFinished, &loop, [&] {
        ++rounds;
        if (options.once && rounds > printFrom)
            loop.exit(allHealthy ? 0 : 1);
    });

    // Ctrl-C / SIGTERM end the loop so that the connections are closed properly
    std::unique_ptr<QSocketNotifier> notifier;
    struct sigaction oldInt = {}, oldTerm = {};
    const bool handleSignals = !options.once && ::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) == 0;
    if (handleSignals) {
        notifier = std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
        QObject::connect(notifier.get(), &QSocketNotifier::activated, &loop, [&] { loop.exit(0); });
        struct sigaction sa = {};
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &sa, &oldInt);
        ::sigaction(SIGTERM, &sa, &oldTerm);
    }

    monitor.start();
    const int code = loop.exec();
    monitor.stop();

    if (handleSignals) {
        ::sigaction(SIGINT, &oldInt, nullptr);
        ::sigaction(SIGTERM, &oldTerm, nullptr);
        notifier.reset();
        ::close(g_signalPipe[0]);
        ::close(g_signalPipe[1]);
        g_signalPipe[0] = g_signalPipe[1] = -1;
    }
    return code;
}
