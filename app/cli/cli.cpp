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

void Cli::printDryRun(const QList<Finding>& checks, const QStringList& steps, bool refused, bool json)
{
    // a refused run would stop at its checks: the steps it would never take are not listed
    if (json) {
        QJsonArray c, s, by;
        for (const Finding& f : checks) {
            c << f.toJson();
            if (f.severity == Finding::Severity::Error)
                by << f.code;
        }
        if (!refused)
            for (const QString& step : steps)
                s << step;
        QJsonObject o { { QStringLiteral("event"), QStringLiteral("dry-run") },
            { QStringLiteral("refused"), refused }, { QStringLiteral("outcome"), dryRunOutcome(refused) },
            { QStringLiteral("checks"), c }, { QStringLiteral("steps"), s } };
        if (refused)
            o.insert(QStringLiteral("refusedBy"), by);
        out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
        return;
    }
    out() << (refused ? tr("Dry run: nothing was changed. The run would be refused by the checks marked "
                           "REFUSED:")
                      : tr("Dry run: nothing was changed. The checks:"))
          << Qt::endl;
    printChecks(checks);
    if (refused) {
        out() << tr("No step would run: the run stops at its checks.") << Qt::endl;
        return;
    }
    out() << tr("The steps it takes, in order:") << Qt::endl;
    for (int i = 0; i < steps.size(); ++i)
        out() << QStringLiteral("  %1. %2").arg(i + 1).arg(steps[i]) << Qt::endl;
}

void Cli::printChecks(const QList<Finding>& checks)
{
    for (const Finding& f : checks)
        out() << QStringLiteral("  [%1] %2%3")
                     .arg(f.severity == Finding::Severity::Error ? tr("REFUSED") : tr("ok"), f.text,
                         f.fix.isEmpty() ? QString() : QStringLiteral(" → ") + f.fix)
              << Qt::endl;
}

QString Cli::dryRunOutcome(bool refused)
{
    return refused ? QStringLiteral("refused") : QStringLiteral("would-run");
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
