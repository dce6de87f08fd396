#include "clicommands.h"

#include "actions/datacomparison.h"
#include "actions/replicarepair.h"
#include "common/pairprofile.h"
#include "host/serverworker.h"
#include "sandbox/sandbox.h"
#include "setup/setuprunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#if __has_include("monitorcommand.h")
#include "monitorcommand.h"
#define REPLIPAIR_HAVE_MONITOR 1
#endif

namespace CliCommands {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("CliCommands", text);
}

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

int badInput(const QString& message)
{
    err() << tr("replipair-cli: %1").arg(message) << Qt::endl;
    err() << tr("Try 'replipair-cli --help'.") << Qt::endl;
    return BadInput;
}

QString usage()
{
    return tr(
        "Usage: replipair-cli COMMAND [ARGS] [OPTIONS]\n"
        "\n"
        "Commands:\n"
        "  sandbox up DIR            start two local MariaDB servers in DIR (writes "
        "DIR/pair.replipair.json)\n"
        "  sandbox down DIR          stop them\n"
        "  sandbox status DIR        show whether they run\n"
        "  inspect PROFILE           what both servers are and every problem found; changes nothing\n"
        "  plan PROFILE              the exact SQL and config diffs setup would apply (passwords redacted)\n"
        "  setup PROFILE --yes       set up master-master replication and verify it\n"
        "  status PROFILE            both sides' replication state\n"
        "  monitor PROFILE           sample both sides every --interval seconds\n"
        "  compare PROFILE           compare the replicated tables of both servers (CHECKSUM TABLE)\n"
        "  skip PROFILE --server N   show the event that halted N's SQL thread; with --confirm TOKEN skip\n"
        "                            exactly that event and start replication again\n"
        "\n"
        "Options:\n"
        "  --json                    one JSON object a line, for automation\n"
        "  --yes                     confirm that setup may change both servers\n"
        "  --output FILE             plan: also write the plan to FILE\n"
        "  --sequential              setup: one server after the other (for comparison)\n"
        "  --interval SECONDS        monitor: sampling interval (default 1, at least 0.2)\n"
        "  --once                    monitor: one round, then exit\n"
        "  --server NAME             skip: the server whose SQL thread halted\n"
        "  --confirm TOKEN           skip: the event shown before (relay log file:position)\n"
        "  --events                  monitor: also print state changes (thread stopped, error, lag, "
        "unreachable)\n"
        "  --lag-threshold SECONDS   monitor: lag that raises an event (default 10)\n"
        "  --timeout SECONDS         monitor: network timeout per poll (default 2)\n"
        "\n"
        "Exit codes: 0 success, 1 the operation failed, 2 bad input.\n");
}

void printFailure(const StepError& e, bool json)
{
    if (json)
        out() << QJsonDocument(QJsonObject { { QStringLiteral("event"), QStringLiteral("error") },
                                   { QStringLiteral("server"), e.server }, { QStringLiteral("step"), e.step },
                                   { QStringLiteral("code"), e.code }, { QStringLiteral("text"), e.text } })
                     .toJson(QJsonDocument::Compact)
              << Qt::endl;
    err() << tr("FAILED: %1").arg(e.toString()) << Qt::endl;
}

/** Runs the runner to its end, printing its events as they come. */
bool runAndWait(SetupRunner& runner, SetupRunner::Mode mode, bool json, bool printEvents)
{
    QEventLoop loop;
    QObject::connect(&runner, &SetupRunner::event, &loop, [&](const SetupEvent& e) {
        if (!printEvents)
            return;
        if (json)
            out() << QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) << Qt::endl;
        else
            out() << e.toLine() << Qt::endl;
    });
    QObject::connect(
        &runner, &SetupRunner::finished, &loop, [&] { loop.quit(); }, Qt::QueuedConnection);
    runner.start(mode);
    loop.exec();
    return runner.succeeded();
}

int sandboxCommand(const QStringList& args)
{
    if (args.size() != 2)
        return badInput(tr("sandbox needs an action (up, down, status) and a folder"));
    Sandbox sandbox(args[1]);
    const QString action = args[0];
    if (action != QLatin1String("up") && sandbox.servers().isEmpty())
        return badInput(tr("%1 holds no sandbox").arg(args[1]));
    if (action == QLatin1String("up")) {
        auto r = sandbox.up(2);
        if (!r) {
            printFailure(r.error(), false);
            return Failed;
        }
        for (const SandboxServer& s : sandbox.servers())
            out() << tr("server %1: 127.0.0.1:%2, config %3").arg(s.name).arg(s.port).arg(s.configFile)
                  << Qt::endl;
        out() << tr("profile: %1").arg(sandbox.profilePath()) << Qt::endl;
        return Success;
    }
    if (action == QLatin1String("down")) {
        auto r = sandbox.down();
        if (!r) {
            printFailure(r.error(), false);
            return Failed;
        }
        out() << tr("stopped") << Qt::endl;
        return Success;
    }
    if (action == QLatin1String("status")) {
        if (sandbox.servers().isEmpty())
            return badInput(tr("%1 holds no sandbox").arg(args[1]));
        for (int i = 0; i < sandbox.servers().size(); ++i)
            out() << tr("server %1: 127.0.0.1:%2 %3")
                         .arg(sandbox.servers()[i].name)
                         .arg(sandbox.servers()[i].port)
                         .arg(sandbox.isRunning(i) ? tr("running") : tr("stopped"))
                  << Qt::endl;
        return Success;
    }
    return badInput(tr("unknown sandbox action \"%1\"").arg(action));
}

void printInspection(const SetupRunner& runner, bool json)
{
    if (json) {
        QJsonArray servers, findings;
        for (int i = 0; i < 2; ++i)
            servers << runner.inspection(i).toJson();
        for (const Finding& f : runner.plan().findings)
            findings << f.toJson();
        out() << QJsonDocument(
            QJsonObject { { QStringLiteral("servers"), servers }, { QStringLiteral("findings"), findings } })
                     .toJson(QJsonDocument::Compact)
              << Qt::endl;
        return;
    }
    for (int i = 0; i < 2; ++i) {
        const ServerInspection& in = runner.inspection(i);
        if (!in.reachable) {
            out() << tr("%1: unreachable: %2").arg(in.server, in.error.text) << Qt::endl;
            continue;
        }
        out() << tr("%1: %2 on %3, server_id %4, binary log %5, binlog_format %6, read_only %7")
                     .arg(in.server, in.versionString, in.hostname)
                     .arg(in.serverId)
                     .arg(in.logBin ? tr("on") : tr("off"), in.binlogFormat,
                         in.readOnly ? tr("on") : tr("off"))
              << Qt::endl;
        if (in.replica.configured)
            out() << tr("   replicates from %1:%2, IO %3, SQL %4")
                         .arg(in.replica.sourceHost)
                         .arg(in.replica.sourcePort)
                         .arg(in.replica.ioState, in.replica.sqlRunning ? tr("Yes") : tr("No"))
                  << Qt::endl;
    }
    if (runner.plan().findings.isEmpty())
        out() << tr("pre-flight: all checks passed") << Qt::endl;
    for (const Finding& f : runner.plan().findings) {
        out() << QStringLiteral("%1 %2%3").arg(f.severityName().toUpper(),
            f.server.isEmpty() ? QString() : QStringLiteral("[%1] ").arg(f.server), f.text)
              << Qt::endl;
        if (!f.fix.isEmpty())
            out() << QStringLiteral("    → %1").arg(f.fix) << Qt::endl;
    }
}

int statusCommand(const PairProfile& profile, bool json)
{
    std::unique_ptr<ServerWorker> workers[2];
    QFuture<Result<ReplicaStatus>> futures[2];
    for (int i = 0; i < 2; ++i) {
        workers[i] = std::make_unique<ServerWorker>(i, profile.servers[i]);
        futures[i] = workers[i]->submit([](ServerContext& ctx) -> Result<ReplicaStatus> {
            if (auto c = ctx.connect(); !c)
                return std::unexpected(c.error());
            auto rows = ctx.sql->query(ctx.dialect.showReplicaStatus());
            if (!rows)
                return std::unexpected(rows.error());
            return ReplicaStatus::fromRow(rows->value(0));
        });
    }
    bool allHealthy = true;
    for (int i = 0; i < 2; ++i) {
        futures[i].waitForFinished();
        const Result<ReplicaStatus> r = futures[i].result();
        const QString name = profile.servers[i].name;
        QJsonObject o { { QStringLiteral("server"), name }, { QStringLiteral("reachable"), bool(r) } };
        if (!r) {
            allHealthy = false;
            o.insert(QStringLiteral("error"), r.error().text);
            if (json)
                out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
            else
                out() << tr("%1: unreachable: %2").arg(name, r.error().text) << Qt::endl;
            continue;
        }
        const ReplicaStatus& s = *r;
        allHealthy = allHealthy && s.healthy();
        o.insert(QStringLiteral("configured"), s.configured);
        o.insert(QStringLiteral("source"),
            s.configured ? QStringLiteral("%1:%2").arg(s.sourceHost).arg(s.sourcePort) : QString());
        o.insert(QStringLiteral("ioRunning"), s.ioRunning);
        o.insert(QStringLiteral("ioState"), s.ioState);
        o.insert(QStringLiteral("sqlRunning"), s.sqlRunning);
        o.insert(QStringLiteral("secondsBehind"),
            s.secondsBehind ? QJsonValue(qint64(*s.secondsBehind)) : QJsonValue());
        o.insert(QStringLiteral("lastIoErrno"), s.lastIoErrno);
        o.insert(QStringLiteral("lastIoError"), s.lastIoError);
        o.insert(QStringLiteral("lastSqlErrno"), s.lastSqlErrno);
        o.insert(QStringLiteral("lastSqlError"), s.lastSqlError);
        o.insert(QStringLiteral("usingGtid"), s.usingGtid);
        o.insert(QStringLiteral("readPosition"),
            QStringLiteral("%1:%2").arg(s.sourceLogFile).arg(s.readSourceLogPos));
        o.insert(QStringLiteral("execPosition"),
            QStringLiteral("%1:%2").arg(s.relaySourceLogFile).arg(s.execSourceLogPos));
        if (json) {
            out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
        } else if (!s.configured) {
            out() << tr("%1: not a replica").arg(name) << Qt::endl;
        } else {
            out() << tr("%1: from %2:%3  IO %4  SQL %5  behind %6  exec %7:%8")
                         .arg(name, s.sourceHost)
                         .arg(s.sourcePort)
                         .arg(s.ioState, s.sqlRunning ? tr("Yes") : tr("No"),
                             s.secondsBehind ? tr("%1 s").arg(*s.secondsBehind) : QStringLiteral("NULL"),
                             s.relaySourceLogFile)
                         .arg(s.execSourceLogPos)
                  << Qt::endl;
            if (s.lastIoErrno)
                out() << tr("   IO error %1: %2").arg(s.lastIoErrno).arg(s.lastIoError) << Qt::endl;
            if (s.lastSqlErrno)
                out() << tr("   SQL error %1: %2").arg(s.lastSqlErrno).arg(s.lastSqlError) << Qt::endl;
        }
    }
    return allHealthy ? Success : Failed;
}
int compareCommand(const PairProfile& profile, bool json)
{
    ServerWorker a(0, profile.servers[0]), b(1, profile.servers[1]);
    for (ServerWorker* w : { &a, &b }) {
        auto c = w->submit([](ServerContext& ctx) { return ctx.connect(); });
        c.waitForFinished();
        if (!c.result()) {
            printFailure(c.result().error(), json);
            return Failed;
        }
    }
    int compared = 0;
    auto diffs = DataComparison::compare(profile, &a, &b, &compared);
    if (!diffs) {
        printFailure(diffs.error(), json);
        return Failed;
    }
    if (json) {
        QJsonArray arr;
        for (const TableDifference& d : *diffs)
            arr << QJsonObject { { QStringLiteral("database"), d.database },
                { QStringLiteral("table"), d.table },
                { profile.servers[0].name, d.checksumA.isEmpty() ? QJsonValue() : QJsonValue(d.checksumA) },
                { profile.servers[1].name, d.checksumB.isEmpty() ? QJsonValue() : QJsonValue(d.checksumB) } };
        out() << QJsonDocument(QJsonObject { { QStringLiteral("tablesCompared"), compared },
                                   { QStringLiteral("differences"), arr } })
                     .toJson(QJsonDocument::Compact)
              << Qt::endl;
    } else {
        out() << tr("%1 table(s) compared, %2 differ").arg(compared).arg(diffs->size()) << Qt::endl;
        for (const TableDifference& d : *diffs)
            out() << tr("  %1.%2: %3 %4, %5 %6")
                         .arg(d.database, d.table, profile.servers[0].name,
                             d.checksumA.isEmpty() ? tr("(missing)") : d.checksumA, profile.servers[1].name,
                             d.checksumB.isEmpty() ? tr("(missing)") : d.checksumB)
                  << Qt::endl;
    }
    return diffs->isEmpty() ? Success : Failed;
}

int skipCommand(const PairProfile& profile, const QString& serverName, const QString& token, bool json)
{
    int index = -1;
    for (int i = 0; i < 2; ++i)
        if (profile.servers[i].name == serverName)
            index = i;
    if (index < 0)
        return badInput(tr("skip needs --server with the name of one of the two servers"));
    ServerWorker worker(index, profile.servers[index]);
    auto f = worker.submit([token](ServerContext& ctx) -> Result<QString> {
        if (auto c = ctx.connect(); !c)
            return std::unexpected(c.error());
        if (!token.isEmpty())
            return ReplicaRepair::skipConfirmedEvent(ctx, token);
        auto e = ReplicaRepair::failingEvent(ctx);
        if (!e)
            return std::unexpected(e.error());
        return tr("The SQL thread stopped on error %1: %2\nThe event group it could not apply:\n  %3\n"
                  "Skipping it leaves the servers different. To skip exactly this event: --confirm %4")
            .arg(e->errorCode)
            .arg(e->errorText, e->events.join(QStringLiteral("\n  ")), e->token);
    });
    f.waitForFinished();
    const Result<QString> r = f.result();
    if (!r) {
        printFailure(r.error(), json);
        return Failed;
    }
    if (json)
        out() << QJsonDocument(
            QJsonObject { { QStringLiteral("server"), serverName },
                { QStringLiteral("skipped"), !token.isEmpty() }, { QStringLiteral("text"), *r } })
                     .toJson(QJsonDocument::Compact)
              << Qt::endl;
    else
        out() << *r << Qt::endl;
    return token.isEmpty() ? Failed : Success; // shown, not skipped: not done yet
}
} // namespace

int run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(usage());
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, tr("Show this help."));
    const QCommandLineOption json(QStringLiteral("json"), tr("JSON output."));
    const QCommandLineOption yes(QStringLiteral("yes"), tr("Confirm changes."));
    const QCommandLineOption output(QStringLiteral("output"), tr("Write the plan to a file."), tr("file"));
    const QCommandLineOption sequential(QStringLiteral("sequential"), tr("One server after the other."));
    const QCommandLineOption interval(QStringLiteral("interval"), tr("Sampling interval."), tr("seconds"));
    const QCommandLineOption once(QStringLiteral("once"), tr("One round."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    const QCommandLineOption events(QStringLiteral("events"), tr("Print state-change events."));
    const QCommandLineOption lagThreshold(
        QStringLiteral("lag-threshold"), tr("Lag alert threshold."), tr("seconds"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), tr("Network timeout."), tr("seconds"));
    const QCommandLineOption server(QStringLiteral("server"), tr("Server name."), tr("name"));
    const QCommandLineOption confirm(QStringLiteral("confirm"), tr("Confirmed event."), tr("token"));
    parser.addOptions({ help, json, yes, output, sequential, interval, once, version, events, lagThreshold,
        timeout, server, confirm });
    if (!parser.parse(arguments))
        return badInput(parser.errorText());
    if (parser.isSet(help)) {
        out() << usage();
        return Success;
    }
    if (parser.isSet(version)) {
        out() << QCoreApplication::applicationVersion() << Qt::endl;
        return Success;
    }
    QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return badInput(tr("no command given"));
    const QString command = args.takeFirst();
    if (command == QLatin1String("sandbox"))
        return sandboxCommand(args);

    static const QStringList profileCommands { QStringLiteral("inspect"), QStringLiteral("plan"),
        QStringLiteral("setup"), QStringLiteral("status"), QStringLiteral("monitor"),
        QStringLiteral("compare"), QStringLiteral("skip") };
    if (!profileCommands.contains(command))
        return badInput(tr("unknown command \"%1\"").arg(command));
    if (args.size() != 1)
        return badInput(tr("%1 needs exactly one profile file").arg(command));
    auto profile = PairProfile::load(args.first());
    if (!profile)
        return badInput(profile.error().text);
    const bool asJson = parser.isSet(json);

    if (command == QLatin1String("status"))
        return statusCommand(*profile, asJson);
    if (command == QLatin1String("compare"))
        return compareCommand(*profile, asJson);
    if (command == QLatin1String("skip"))
        return skipCommand(*profile, parser.value(server), parser.value(confirm), asJson);
    if (command == QLatin1String("monitor")) {
#ifdef REPLIPAIR_HAVE_MONITOR
        QStringList rest;
        if (asJson)
            rest << QStringLiteral("--json");
        if (parser.isSet(once))
            rest << QStringLiteral("--once");
        if (parser.isSet(events))
            rest << QStringLiteral("--events");
        for (const QCommandLineOption* o : { &interval, &lagThreshold, &timeout })
            if (parser.isSet(*o))
                rest << QStringLiteral("--") + o->names().first() << parser.value(*o);
        return runMonitorCommand(*profile, rest);
#else
        return badInput(tr("monitor is not available in this build"));
#endif
    }
    if (command == QLatin1String("setup") && !parser.isSet(yes))
        return badInput(
            tr("setup changes both servers; run 'replipair-cli plan' to see how, then add --yes"));

    SetupRunner runner(*profile);
    runner.setSequential(parser.isSet(sequential));
    if (command == QLatin1String("inspect")) {
        runAndWait(runner, SetupRunner::Mode::Inspect, asJson, false);
        printInspection(runner, asJson);
        return runner.succeeded() ? Success : Failed;
    }
    if (command == QLatin1String("plan")) {
        runAndWait(runner, SetupRunner::Mode::Plan, asJson, false);
        const QString text = asJson
            ? QString::fromUtf8(QJsonDocument(runner.plan().toJson()).toJson(QJsonDocument::Compact))
            : runner.plan().toText();
        out() << text << Qt::endl;
        if (!runner.succeeded())
            printFailure(runner.error(), asJson);
        if (parser.isSet(output)) {
            QFile f(parser.value(output));
            if (!f.open(QIODevice::WriteOnly))
                return badInput(tr("cannot write %1: %2").arg(f.fileName(), f.errorString()));
            f.write(text.toUtf8());
        }
        return runner.succeeded() ? Success : Failed;
    }
    // setup
    if (!runAndWait(runner, SetupRunner::Mode::Setup, asJson, true)) {
        printFailure(runner.error(), asJson);
        return Failed;
    }
    return Success;
}

} // namespace CliCommands
