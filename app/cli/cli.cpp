#include "cli.h"

#include "clioptions.h"
#include "comparecommand.h"
#include "inspectcommand.h"
#include "monitorcommand.h"
#include "plancommand.h"
#include "sandboxcommand.h"
#include "setupcommand.h"
#include "skipcommand.h"
#include "statuscommand.h"

#include "common/pairprofile.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

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
    err() << tr("replipair-cli: %1").arg(message) << Qt::endl;
    err() << tr("Try 'replipair-cli --help'.") << Qt::endl;
    return BadInput;
}

void Cli::printFailure(const StepError& e, bool json)
{
    if (json)
        out() << QJsonDocument(QJsonObject { { QStringLiteral("event"), QStringLiteral("error") },
                                   { QStringLiteral("server"), e.server }, { QStringLiteral("step"), e.step },
                                   { QStringLiteral("code"), e.code }, { QStringLiteral("text"), e.text } })
                     .toJson(QJsonDocument::Compact)
              << Qt::endl;
    err() << tr("FAILED: %1").arg(e.toString()) << Qt::endl;
}

QString Cli::usage()
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
        "  --copy-from NAME          inspect/plan/setup: first copy the replicated databases from server "
        "NAME\n"
        "                            to the other, online (profile: \"initialCopy\")\n"
        "  --replace-target          with a copy: the receiver's non-empty databases may be replaced (saved\n"
        "                            first as a dump on its host; profile: \"replaceTarget\")\n"
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
    parser.addOptions({ help, json, yes, output, sequential, interval, once, version, events, lagThreshold,
        timeout, server, confirm, copyFrom, replaceTarget });
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
        return SandboxCommand::run(args);

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
    if (options.json)
        options.monitorArgs << QStringLiteral("--json");
    if (parser.isSet(once))
        options.monitorArgs << QStringLiteral("--once");
    if (parser.isSet(events))
        options.monitorArgs << QStringLiteral("--events");
    for (const QCommandLineOption* o : { &interval, &lagThreshold, &timeout })
        if (parser.isSet(*o))
            options.monitorArgs << QStringLiteral("--") + o->names().first() << parser.value(*o);

    if (command == QLatin1String("status"))
        return StatusCommand::run(*profile, options);
    if (command == QLatin1String("compare"))
        return CompareCommand::run(*profile, options);
    if (command == QLatin1String("skip"))
        return SkipCommand::run(*profile, options);
    if (command == QLatin1String("monitor"))
        return MonitorCommand::run(*profile, options.monitorArgs);
    if (command == QLatin1String("inspect"))
        return InspectCommand::run(*profile, options);
    if (command == QLatin1String("plan"))
        return PlanCommand::run(*profile, options);
    return SetupCommand::run(*profile, options);
}
