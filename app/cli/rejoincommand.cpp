#include "rejoincommand.h"

#include "cli.h"
#include "operation/rejoin.h"
#include "setup/setupjournal.h"

#include <QJsonDocument>

int RejoinCommand::run(const PairProfile& profile, const CliOptions& options)
{
    const int server = profile.serverIndex(options.server);
    if (options.server.isEmpty() || server < 0)
        return Cli::badInput(tr("rejoin needs --server with the name of the fenced server (%1 or %2)")
                                 .arg(profile.servers[0].name, profile.servers[1].name));
    Rejoin::Options o;
    o.server = server;
    o.dryRun = options.dryRun;
    if (!options.timeout.isEmpty()) {
        bool ok = false;
        o.timeoutSec = options.timeout.toInt(&ok);
        if (!ok || o.timeoutSec < 1 || o.timeoutSec > 3600)
            return Cli::badInput(tr("--timeout needs a whole number of seconds from 1 to 3600"));
    }
    if (!o.dryRun && !options.yes)
        return Cli::badInput(tr("rejoin makes %1 the pair's reader again and lifts its fence; run it with "
                                "--dry-run to see the checks and the steps, then add --yes")
                                 .arg(profile.servers[server].name));
    const bool json = options.json;
    o.journalPath = options.journal.isEmpty() ? SetupJournal::defaultPath(profile) : options.journal;
    o.cancel = std::make_shared<std::atomic_bool>(false);
    Rejoin rejoin(profile, o, [json](const SetupEvent& e) {
        if (json)
            Cli::out() << QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) << Qt::endl;
        else
            Cli::out() << e.toLine() << Qt::endl;
    });
    QuitSignalWatcher quitSignals; // Ctrl-C, SIGTERM: stop before the next step, undo the steps taken
    const Rejoin::Outcome out = Cli::runCancellable([&rejoin] { return rejoin.run(); }, quitSignals, o.cancel,
        [](const QString& signal) {
            return tr("replipair-cli: %1 received: stopping before the next step…").arg(signal);
        });
    if (o.dryRun)
        Cli::printDryRun(out.checks, out.steps, out.refused, json);
    if (!out.ok && out.cancelled && quitSignals.signalReceived() != 0)
        return Cli::printInterrupted(out.error, quitSignals, tr("interrupted by %1: %2"), json);
    if (!out.ok) {
        Cli::printFailure(out.error, json);
        return Cli::Failed;
    }
    return Cli::Success;
}
