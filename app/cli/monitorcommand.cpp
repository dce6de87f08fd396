#include "monitorcommand.h"

#include "cli.h"

#include "prometheusexposition.h"

#include "monitor/pairmonitor.h"
#include "monitor/statuspoller.h"
#include "platform/quitsignalwatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace {

/** What the command line asked for. */
struct MonitorOptions
{
    int intervalMs = StatusPoller::DefaultIntervalMs;
    int timeoutSec = StatusPoller::DefaultTimeoutSec;
    double lagThreshold = ReplicationEventDetector::DefaultLagThresholdSec;
    bool json = false;
    bool prometheus = false;
    QString output; ///< --output FILE: the Prometheus text goes there (atomically) instead of stdout
    bool once = false;
    bool events = false;
};

/** Largest interval and timeout accepted, in seconds: a day (beyond that a typo, and int milliseconds
 *  overflow at ~2.1e6 s). */
constexpr double kMaximumSeconds = 86400;

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
        auto takeValue = [&]() -> bool {
            if (value.isEmpty()) {
                if (i + 1 >= args.size())
                    return false;
                value = args.at(++i);
            }
            return true;
        };
        // nan, inf and absurd sizes are bad input, not a number to clamp
        auto takeNumber = [&](double& out, double min, double max) -> bool {
            if (!takeValue())
                return false;
            bool ok = false;
            out = value.toDouble(&ok);
            return ok && std::isfinite(out) && out >= min && out <= max;
        };
        double number = 0;
        if (arg == QLatin1String("--json")) {
            o.json = true;
        } else if (arg == QLatin1String("--once")) {
            o.once = true;
        } else if (arg == QLatin1String("--events")) {
            o.events = true;
        } else if (arg == QLatin1String("--format")) {
            if (!takeValue()
                || (value != QLatin1String("json") && value != QLatin1String("text")
                    && value != QLatin1String("prometheus")))
                return MonitorCommand::tr("--format needs one of json, text, prometheus");
            o.json = value == QLatin1String("json");
            o.prometheus = value == QLatin1String("prometheus");
        } else if (arg == QLatin1String("--output")) {
            if (!takeValue())
                return MonitorCommand::tr("--output needs a file name");
            o.output = value;
        } else if (arg == QLatin1String("--interval")) {
            const double min = StatusPoller::MinimumIntervalMs / 1000.0;
            if (!takeNumber(number, min - 0.0005, kMaximumSeconds))
                return MonitorCommand::tr("--interval needs a number of seconds from %1 to %2")
                    .arg(min)
                    .arg(kMaximumSeconds);
            o.intervalMs = int(number * 1000 + 0.5);
        } else if (arg == QLatin1String("--timeout")) {
            if (!takeNumber(number, 1, kMaximumSeconds))
                return MonitorCommand::tr("--timeout needs a whole number of seconds from 1 to %1")
                    .arg(kMaximumSeconds);
            o.timeoutSec = int(number);
        } else if (arg == QLatin1String("--lag-threshold")) {
            if (!takeNumber(number, 0, kMaximumSeconds))
                return MonitorCommand::tr("--lag-threshold needs a number of seconds from 0 to %1")
                    .arg(kMaximumSeconds);
            o.lagThreshold = number;
        } else if (arg.startsWith(QLatin1Char('-'))) {
            return MonitorCommand::tr("unknown option %1 for monitor").arg(arg);
        }
    }
    if (!o.output.isEmpty() && !o.prometheus)
        return MonitorCommand::tr("--output goes with --format prometheus");
    return std::nullopt;
}

QString seconds(const std::optional<double>& v, int decimals)
{
    return v ? QString::number(*v, 'f', decimals) + QStringLiteral(" s") : MonitorCommand::tr("n/a");
}

QString readableLine(const StatusSample& s)
{
    const QString head = QStringLiteral("%1  %2  ").arg(s.time.toUTC().toString(Qt::ISODateWithMs), s.server);
    const ReplicaStatus& r = s.replica;
    if (!s.reachable || !r.configured)
        return head + s.summary();
    QString line = head + MonitorCommand::tr("%1  heartbeat %2").arg(s.summary(), seconds(s.heartbeatLag, 3));
    // the role the profile gives it, and whether the server accepts writes (read_only)
    const QString role
        = s.role == QLatin1String("reader") ? MonitorCommand::tr("reader") : MonitorCommand::tr("writer");
    line += s.readOnly ? MonitorCommand::tr("  %1, read-only").arg(role)
                       : MonitorCommand::tr("  %1, writable").arg(role);
    const QString error = s.lastError();
    if (!error.isEmpty())
        line += QStringLiteral("  ") + error;
    return line;
}

} // namespace

std::optional<QString> MonitorCommand::loadProfiles(const QStringList& paths, QList<PairProfile>& profiles)
{
    QStringList files;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            const QStringList found = QDir(path).entryList(
                { QStringLiteral("*.replipair.json") }, QDir::Files | QDir::Readable, QDir::Name);
            if (found.isEmpty())
                return MonitorCommand::tr("no *.replipair.json profile in the folder %1").arg(path);
            for (const QString& f : found)
                files << QDir(path).filePath(f);
        } else {
            files << path;
        }
    }
    if (files.isEmpty())
        return MonitorCommand::tr("monitor needs at least one profile file or folder");
    QStringList names;
    for (const QString& file : std::as_const(files)) {
        auto profile = PairProfile::load(file);
        if (!profile)
            return profile.error().text;
        if (profile->name.isEmpty())
            profile->name = QFileInfo(file).completeBaseName();
        if (names.contains(profile->name))
            return MonitorCommand::tr("two profiles are named \"%1\"; every pair needs a name of its own")
                .arg(profile->name);
        names << profile->name;
        profiles << *profile;
    }
    return std::nullopt;
}

int MonitorCommand::run(const QStringList& profilePaths, const QStringList& args)
{
    MonitorOptions options;
    QList<PairProfile> profiles;
    std::optional<QString> error = parse(args, options);
    if (!error)
        error = loadProfiles(profilePaths, profiles);
    if (error) {
        Cli::printBadInputJson(*error);
        writeLine(stderr, MonitorCommand::tr("replipair-cli monitor: %1").arg(*error));
        writeLine(stderr,
            MonitorCommand::tr(
                "usage: replipair-cli monitor PROFILE|FOLDER... [--interval SECONDS] [--json | "
                "--format json|text|prometheus [--output FILE]] [--once] [--events] "
                "[--lag-threshold SECONDS] [--timeout SECONDS]"));
        return 2;
    }

    /** One pair under watch. */
    struct Watched
    {
        QString name;
        std::unique_ptr<PairMonitor> monitor;
        int rounds = 0;
        bool fresh = false; ///< a round finished since the last Prometheus write
    };
    std::vector<Watched> pairs(size_t(profiles.size()));
    QEventLoop loop;
    bool allHealthy = true;
    int code = 0;
    // --once: the first round writes a heartbeat; the second, an interval later, is printed
    const int printFrom = options.once ? 1 : 0;
    const bool tagText = profiles.size() > 1;

    auto writePrometheus = [&] {
        QList<PrometheusExposition::Entry> entries;
        for (const Watched& w : pairs)
            for (int i = 0; i < 2; ++i)
                entries.append({ w.name, w.monitor->latest(i) });
        const QByteArray text = PrometheusExposition::render(entries);
        if (options.output.isEmpty()) {
            std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
            std::fflush(stdout);
        } else if (const auto failed = PrometheusExposition::writeFile(options.output, text)) {
            writeLine(stderr, MonitorCommand::tr("cannot write %1: %2").arg(options.output, *failed));
            code = 1;
            loop.exit(1);
        }
    };

    for (qsizetype p = 0; p < profiles.size(); ++p) {
        Watched& w = pairs[size_t(p)];
        w.name = profiles.at(p).name;
        w.monitor = std::make_unique<PairMonitor>(profiles.at(p));
        PairMonitor* monitor = w.monitor.get();
        monitor->setIntervalMs(options.intervalMs);
        monitor->setTimeoutSec(options.timeoutSec);
        monitor->setLagThreshold(options.lagThreshold);
        QObject::connect(monitor, &PairMonitor::sample, &loop, [&, p](const StatusSample& s) {
            const Watched& w = pairs[size_t(p)];
            if (w.rounds < printFrom || (options.once && w.rounds > printFrom))
                return;
            allHealthy = allHealthy && s.healthy();
            if (options.prometheus)
                return;
            if (options.json) {
                QJsonObject o = s.toJson();
                o.insert(QStringLiteral("pair"), w.name);
                writeLine(stdout, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
            } else {
                writeLine(stdout, (tagText ? w.name + QStringLiteral("  ") : QString()) + readableLine(s));
            }
        });
        QObject::connect(monitor, &PairMonitor::event, &loop, [&, p](const ReplicationEvent& e) {
            if (options.once || options.prometheus)
                return;
            const QString& pair = pairs[size_t(p)].name;
            if (options.json) {
                if (options.events) {
                    QJsonObject o = e.toJson();
                    o.insert(QStringLiteral("pair"), pair);
                    writeLine(stdout, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
                }
            } else {
                writeLine(stdout,
                    QStringLiteral("%1%2  %3  ** %4: %5")
                        .arg(tagText ? pair + QStringLiteral("  ") : QString(),
                            e.time.toUTC().toString(Qt::ISODateWithMs), e.server, e.headline(), e.text));
            }
        });
        QObject::connect(monitor, &PairMonitor::roundFinished, &loop, [&, p] {
            Watched& w = pairs[size_t(p)];
            ++w.rounds;
            w.fresh = w.rounds > printFrom;
            const bool everyPairFresh
                = std::all_of(pairs.cbegin(), pairs.cend(), [](const Watched& x) { return x.fresh; });
            if (!everyPairFresh)
                return;
            if (options.prometheus) {
                writePrometheus();
                for (Watched& x : pairs)
                    x.fresh = false;
            }
            if (options.once)
                loop.exit(code != 0 ? code : (allHealthy ? 0 : 1));
        });
    }

    // Ctrl-C / SIGTERM (SIGHUP; Windows: the console's Ctrl-C, break, close) end the loop so that the
    // connections are closed properly
    std::unique_ptr<QuitSignalWatcher> quitSignals;
    if (!options.once) {
        quitSignals = std::make_unique<QuitSignalWatcher>();
        QObject::connect(quitSignals.get(), &QuitSignalWatcher::quitRequested, &loop, [&] { loop.exit(0); });
    }

    for (Watched& w : pairs)
        w.monitor->start();
    const int result = loop.exec();
    for (Watched& w : pairs)
        w.monitor->finish(); // no heartbeat wait may outlive the command
    return result;
}
