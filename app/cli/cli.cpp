#include "cli.h"

#include "host/serverworker.h"

#include "clioptions.h"
#include "comparecommand.h"
#include "inspectcommand.h"
#include "monitorcommand.h"
#include "plancommand.h"
#include "rebuildcommand.h"
#include "recovercommand.h"
#include "rejoincommand.h"
#include "repaircommand.h"
#include "sandboxcommand.h"
#include "setupcommand.h"
#include "skipcommand.h"
#include "statuscommand.h"
#include "switchovercommand.h"

#include "common/manualpage.h"
#include "common/pairprofile.h"
#include "common/stepid.h"

#include <QCommandLineParser>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <cmath>

namespace {
bool jsonWanted = false; ///< --json on the command line, known before the options are parsed

QString utcNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
} // namespace

QTextStream& Cli::out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream& Cli::err()
{
    static QTextStream s(stderr);
    return s;
}

int Cli::badInput(const QString& message)
{
    printBadInputJson(message);
    err() << tr("replipair-cli: %1").arg(message) << Qt::endl;
    err() << tr("Try 'replipair-cli --help'.") << Qt::endl;
    return BadInput;
}

void Cli::printBadInputJson(const QString& message)
{
    if (jsonWanted)
        out() << QJsonDocument(
            QJsonObject { { QStringLiteral("time"), utcNow() },
                { QStringLiteral("event"), QStringLiteral("error") }, { QStringLiteral("server"), QString() },
                { QStringLiteral("step"), StepId::Profile },
                { QStringLiteral("stepTitle"), StepId::title(StepId::Profile) },
                { QStringLiteral("code"), 0 }, { QStringLiteral("text"), message } })
                     .toJson(QJsonDocument::Compact)
              << Qt::endl;
}

void Cli::printFailure(const StepError& e, bool json)
{
    if (json)
        out() << QJsonDocument(
            QJsonObject { { QStringLiteral("time"), utcNow() },
                { QStringLiteral("event"), QStringLiteral("error") }, { QStringLiteral("server"), e.server },
                { QStringLiteral("step"), e.step }, { QStringLiteral("stepTitle"), StepId::title(e.step) },
                { QStringLiteral("code"), e.code }, { QStringLiteral("text"), e.text } })
                     .toJson(QJsonDocument::Compact)
              << Qt::endl;
    err() << tr("FAILED: %1").arg(e.toString()) << Qt::endl;
}

QString Cli::usage()
{
    const QString commands = tr(
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
        "  setup PROFILE --plan FILE --yes\n"
        "                            run the plan written by plan --output FILE, only while the servers\n"
        "                            and option files are as they were when it was made\n"
        "  status PROFILE            both sides' replication state\n"
        "  monitor PROFILE|FOLDER... sample both sides of every pair every --interval seconds\n"
        "  compare PROFILE           compare the replicated tables of both servers while the application\n"
        "                            writes: in chunks, each at one point of the binary log (exit 1: they\n"
        "                            differ, 3: some chunks could not be compared, 130/143: cancelled)\n"
        "  repair PROFILE --table DB.T --from NAME [--yes|--dry-run]\n"
        "                            show the rows of DB.T that differ; with --yes bring the other server's\n"
        "                            rows to NAME's (sql_log_bin = 0, nothing flows back to NAME)\n"
        "  skip PROFILE --server N   show the event that halted N's SQL thread; with --confirm TOKEN skip\n"
        "                            exactly that event and start replication again\n"
        "  recover PROFILE           put back what an interrupted run (killed, machine down) changed, from\n"
        "                            the journal; --dry-run shows what it would do\n"
        "  switchover PROFILE --to N move the writes to server N after checking that nothing is lost\n"
        "                            (--yes to do it, --dry-run to see the checks and steps); --force\n"
        "                            when the writer is gone: N takes the writes, the old writer is fenced\n"
        "  rebuild PROFILE --server B [--from A]\n"
        "                            rebuild server B from its peer: B's replicated databases replaced\n"
        "                            by an online copy of A's (B's old data saved first), both\n"
        "                            directions set up again and verified (--yes to do it, --dry-run)\n"
        "  rejoin PROFILE --server N bring the fenced server N back as the reader, when it holds nothing "
        "the\n"
        "                            writer lacks (else rebuild it); --yes or --dry-run as for switchover\n"
        "\n"
        "Options:\n"
        "  --json                    one JSON object a line, for automation\n"
        "  --yes                     confirm that setup may change both servers\n"
        "  --output FILE             plan: also write the plan, with its fingerprint, to FILE (JSON, for\n"
        "                            setup --plan); monitor --format prometheus: write the metrics to FILE\n"
        "                            (atomically, for node_exporter's textfile collector)\n"
        "  --plan FILE               setup: run only the plan in FILE, and only while it still holds\n"
        "  --format FORMAT           monitor: text, json or prometheus\n"
        "  --nagios                  status: Nagios/Icinga exit codes (0 OK, 1 WARNING, 2 CRITICAL, 3 "
        "UNKNOWN)\n"
        "                            and one line with performance data\n"
        "  --warning SECONDS         status --nagios: lag that is a warning (default 10)\n"
        "  --critical SECONDS        status --nagios: lag that is critical (default 60)\n"
        "  --sequential              setup: one server after the other (for comparison)\n"
        "  --journal FILE            setup: append the run's journal line to FILE (default: "
        "PROFILE.journal,\n"
        "                            or ~/.local/share/replipair/journals/NAME-ID.journal when PROFILE is "
        "not "
        "a\n"
        "                            regular file)\n"
        "  --copy-from NAME          inspect/plan/setup: first copy the replicated databases from server "
        "NAME\n"
        "                            to the other, online (profile: \"initialCopy\")\n"
        "  --replace-target          with a copy: the receiver's non-empty databases may be replaced (saved\n"
        "                            first as a dump on its host; profile: \"replaceTarget\")\n"
        "  --interval SECONDS        monitor: sampling interval (default 1, at least 0.2)\n"
        "  --once                    monitor: one round, then exit\n"
        "  --server NAME             skip: the server whose SQL thread halted; rebuild: the server rebuilt\n"
        "  --confirm TOKEN           skip: the event shown before (relay log file:position)\n"
        "  --events                  monitor: also print state changes (thread stopped, error, lag, "
        "unreachable)\n"
        "  --lag-threshold SECONDS   monitor: lag that raises an event (default 10)\n"
        "  --timeout SECONDS         monitor: network timeout per poll (default 2); switchover: how long\n"
        "                            writes may pause before the switch rolls back (default 10)\n"
        "  --to NAME                 switchover: the new writer\n"
        "  --dry-run                 switchover: print the checks and the steps; recover: what would be put\n"
        "                            back; repair: the SQL it would run; none changes anything\n"
        "  --force                   switchover: the writer is gone; fence it and open N (see docs)\n"
        "  --tables DB.T1,DB.T2      compare: only these tables\n"
        "  --since COLUMN=TIME       compare: only rows whose COLUMN is at or after TIME (UTC, or 2h, 30m, "
        "1d)\n"
        "  --resume                  compare: go on from where a cancelled or failed run stopped\n"
        "  --chunk-time SECONDS      compare: the time one chunk's checksum should take (default 0.5)\n"
        "  --max-lag SECONDS         compare: pause while a replica is further behind (default 1)\n"
        "  --table DB.T              repair: the table to repair\n"
        "  --from NAME               repair: the server whose rows are right; rebuild: the server copied\n"
        "  --method METHOD           rebuild: logical (default), physical or auto\n"
        "  --no-save                 rebuild: do not save B's old data first (when there is no room)\n"
        "\n"
        "Exit codes: 0 success, 1 the operation failed (switchover: refused, the old writer kept), 2 bad\n"
        "input, 130/143 setup stopped by SIGINT/SIGTERM (what it changed put back as far as it could; see\n"
        "recover); setup: 3 replication verified but the "
        "data\n"
        "could not be compared (run compare when writes pause).\n");
    // the last line: where the manual is, in the reader's language
    return commands + tr("\nManual: %1\n").arg(ManualPage::path(QLocale().name()));
}

void Cli::printDryRun(const QList<Finding>& checks, const QStringList& steps, bool refused, bool json)
{
    if (json) {
        QJsonArray c, s;
        for (const Finding& f : checks)
            c << f.toJson();
        for (const QString& step : steps)
            s << step;
        out() << QJsonDocument(QJsonObject { { QStringLiteral("event"), QStringLiteral("dry-run") },
                                   { QStringLiteral("refused"), refused }, { QStringLiteral("checks"), c },
                                   { QStringLiteral("steps"), s } })
                     .toJson(QJsonDocument::Compact)
              << Qt::endl;
        return;
    }
    out() << tr("Dry run: nothing was changed. The checks:") << Qt::endl;
    for (const Finding& f : checks)
        out() << QStringLiteral("  [%1] %2%3")
                     .arg(f.severity == Finding::Severity::Error ? tr("REFUSED") : tr("ok"), f.text,
                         f.fix.isEmpty() ? QString() : QStringLiteral(" → ") + f.fix)
              << Qt::endl;
    out() << tr("The steps it takes, in order:") << Qt::endl;
    for (int i = 0; i < steps.size(); ++i)
        out() << QStringLiteral("  %1. %2").arg(i + 1).arg(steps[i]) << Qt::endl;
}

bool Cli::connectBoth(ServerWorker& a, ServerWorker& b, bool json)
{
    for (ServerWorker* w : { &a, &b }) {
        if (const auto c = w->run([](ServerContext& ctx) { return ctx.connect(); }); !c) {
            printFailure(c.error(), json);
            return false;
        }
    }
    return true;
}

int Cli::run(const QStringList& arguments)
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
    const QCommandLineOption copyFrom(
        QStringLiteral("copy-from"), tr("Copy from this server first."), tr("name"));
    const QCommandLineOption replaceTarget(
        QStringLiteral("replace-target"), tr("The copy may replace data."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), tr("Change nothing."));
    const QCommandLineOption journal(QStringLiteral("journal"), tr("Journal file."), tr("file"));
    const QCommandLineOption planFile(QStringLiteral("plan"), tr("The approved plan."), tr("file"));
    const QCommandLineOption format(QStringLiteral("format"), tr("Output format."), tr("format"));
    const QCommandLineOption nagios(QStringLiteral("nagios"), tr("Nagios exit codes."));
    const QCommandLineOption warning(QStringLiteral("warning"), tr("Warning lag."), tr("seconds"));
    const QCommandLineOption critical(QStringLiteral("critical"), tr("Critical lag."), tr("seconds"));
    const QCommandLineOption to(QStringLiteral("to"), tr("The new writer."), tr("name"));
    const QCommandLineOption force(QStringLiteral("force"), tr("The writer is gone."));
    const QCommandLineOption resume(QStringLiteral("resume"), tr("Resume the comparison."));
    const QCommandLineOption tables(QStringLiteral("tables"), tr("Tables to compare."), tr("list"));
    const QCommandLineOption since(QStringLiteral("since"), tr("Only recent rows."), tr("column=time"));
    const QCommandLineOption table(QStringLiteral("table"), tr("Table to repair."), tr("db.table"));
    const QCommandLineOption chunkTime(QStringLiteral("chunk-time"), tr("Chunk time."), tr("seconds"));
    const QCommandLineOption maxLag(QStringLiteral("max-lag"), tr("Lag that pauses."), tr("seconds"));
    const QCommandLineOption from(QStringLiteral("from"), tr("The server that is right."), tr("name"));
    const QCommandLineOption method(QStringLiteral("method"), tr("How to copy."), tr("method"));
    const QCommandLineOption noSave(QStringLiteral("no-save"), tr("Do not save the old data."));
    parser.addOptions({ help, json, yes, output, sequential, interval, once, version, events, lagThreshold,
        timeout, server, confirm, format, nagios, warning, critical, journal, copyFrom, replaceTarget, to,
        dryRun, force, planFile, resume, tables, since, table, from, chunkTime, maxLag, method, noSave });
    const bool nagiosWanted = arguments.contains(QStringLiteral("--nagios"));
    jsonWanted = arguments.contains(QStringLiteral("--json"));
    if (!parser.parse(arguments))
        return nagiosWanted ? StatusCommand::nagiosUnknown(parser.errorText()) : badInput(parser.errorText());
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
        return SandboxCommand::run(args);

    if (command == QLatin1String("monitor")) {
        QStringList monitorArgs;
        if (parser.isSet(json))
            monitorArgs << QStringLiteral("--json");
        if (parser.isSet(once))
            monitorArgs << QStringLiteral("--once");
        if (parser.isSet(events))
            monitorArgs << QStringLiteral("--events");
        for (const QCommandLineOption* o : { &interval, &lagThreshold, &timeout, &format, &output })
            if (parser.isSet(*o))
                monitorArgs << QStringLiteral("--") + o->names().first() << parser.value(*o);
        return MonitorCommand::run(args, monitorArgs);
    }

    static const QStringList profileCommands { QStringLiteral("inspect"), QStringLiteral("plan"),
        QStringLiteral("setup"), QStringLiteral("status"), QStringLiteral("monitor"),
        QStringLiteral("compare"), QStringLiteral("skip"), QStringLiteral("recover"),
        QStringLiteral("switchover"), QStringLiteral("repair"), QStringLiteral("rebuild"),
        QStringLiteral("rejoin") };
    if (!profileCommands.contains(command))
        return badInput(tr("unknown command \"%1\"").arg(command));
    if (parser.isSet(planFile) && command != QLatin1String("setup"))
        return badInput(tr("--plan FILE only goes with setup (write the file with plan --output FILE)"));
    const bool nagiosStatus = command == QLatin1String("status") && parser.isSet(nagios);
    if (args.size() != 1)
        return nagiosStatus
            ? StatusCommand::nagiosUnknown(tr("%1 needs exactly one profile file").arg(command))
            : badInput(tr("%1 needs exactly one profile file").arg(command));
    auto profile = PairProfile::load(args.first());
    if (!profile)
        return nagiosStatus ? StatusCommand::nagiosUnknown(profile.error().text)
                            : badInput(profile.error().text);
    if (!nagiosStatus)
        for (const QString& note : profile->notes)
            Cli::err() << tr("note: %1").arg(note) << Qt::endl;
    if (parser.isSet(copyFrom)) {
        profile->initialCopy = profile->serverIndex(parser.value(copyFrom));
        if (profile->initialCopy < 0)
            return badInput(
                tr("--copy-from must name %1 or %2").arg(profile->servers[0].name, profile->servers[1].name));
    }
    if (parser.isSet(replaceTarget)) {
        if (profile->initialCopy < 0)
            return badInput(
                tr("--replace-target only goes with a copy (--copy-from NAME, or \"initialCopy\" in "
                   "the profile)"));
        profile->replaceTarget = true;
    }

    CliOptions options;
    options.json = parser.isSet(json);
    options.yes = parser.isSet(yes);
    options.sequential = parser.isSet(sequential);
    options.output = parser.value(output);
    options.server = parser.value(server);
    options.confirm = parser.value(confirm);
    options.journal = parser.value(journal);
    options.dryRun = parser.isSet(dryRun);
    if (options.dryRun && command != QLatin1String("recover") && command != QLatin1String("switchover")
        && command != QLatin1String("repair") && command != QLatin1String("rebuild")
        && command != QLatin1String("rejoin"))
        return badInput(tr("--dry-run only goes with recover, switchover, repair, rebuild and rejoin"));
    options.planFile = parser.value(planFile);
    options.to = parser.value(to);
    options.timeout = parser.value(timeout);
    options.force = parser.isSet(force);
    options.resume = parser.isSet(resume);
    options.tables = parser.value(tables);
    options.since = parser.value(since);
    options.chunkTime = parser.value(chunkTime);
    options.maxLag = parser.value(maxLag);
    options.table = parser.value(table);
    options.from = parser.value(from);
    options.method = parser.value(method);
    options.noSave = parser.isSet(noSave);
    if ((parser.isSet(method) || options.noSave) && command != QLatin1String("rebuild"))
        return badInput(tr("--method and --no-save only go with rebuild"));
    if (command == QLatin1String("status")) {
        if (nagiosStatus) {
            StatusCommand::NagiosThresholds t;
            for (auto [o, into] :
                { std::pair { &warning, &t.warningSec }, std::pair { &critical, &t.criticalSec } }) {
                if (!parser.isSet(*o))
                    continue;
                bool ok = false;
                *into = parser.value(*o).toDouble(&ok);
                if (!ok || !std::isfinite(*into) || *into < 0)
                    return StatusCommand::nagiosUnknown(
                        tr("--%1 needs a number of seconds").arg(o->names().first()));
            }
            return StatusCommand::runNagios(*profile, t);
        }
        return StatusCommand::run(*profile, options);
    }
    if (command == QLatin1String("compare"))
        return CompareCommand::run(*profile, options);
    if (command == QLatin1String("recover"))
        return RecoverCommand::run(*profile, options);
    if (command == QLatin1String("repair"))
        return RepairCommand::run(*profile, options);
    if (command == QLatin1String("skip"))
        return SkipCommand::run(*profile, options);
    if (command == QLatin1String("switchover"))
        return SwitchoverCommand::run(*profile, options);
    if (command == QLatin1String("rejoin"))
        return RejoinCommand::run(*profile, options);
    if (command == QLatin1String("rebuild"))
        return RebuildCommand::run(*profile, options);
    if (command == QLatin1String("inspect"))
        return InspectCommand::run(*profile, options);
    if (command == QLatin1String("plan"))
        return PlanCommand::run(*profile, options);
    return SetupCommand::run(*profile, options);
}

int Cli::printInterrupted(
    StepError error, const QuitSignalWatcher& quitSignals, const QString& interrupted, bool json)
{
    error.text = interrupted.arg(quitSignals.signalName(), error.text);
    printFailure(error, json);
    return quitSignals.exitCode();
}
