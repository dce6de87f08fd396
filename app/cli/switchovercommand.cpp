#include "switchovercommand.h"

#include "cli.h"
#include "operation/switchover.h"
#include "setup/setupjournal.h"

#include <QJsonDocument>

int SwitchoverCommand::run(const PairProfile& profile, const CliOptions& options)
{
    const int to = profile.serverIndex(options.to);
    if (options.to.isEmpty() || to < 0)
        return Cli::badInput(tr("switchover needs --to with the name of the new writer (%1 or %2)")
                                 .arg(profile.servers[0].name, profile.servers[1].name));
    Switchover::Options o;
    o.to = to;
    o.dryRun = options.dryRun;
    o.force = options.force;
    if (!options.timeout.isEmpty()) {
        bool ok = false;
        o.timeoutSec = options.timeout.toInt(&ok);
        if (!ok || o.timeoutSec < 1 || o.timeoutSec > 3600)
            return Cli::badInput(tr("--timeout needs a whole number of seconds from 1 to 3600"));
    }
    if (!o.dryRun && !options.yes)
        return Cli::badInput(
            tr("switchover moves the writes to %1; run it with --dry-run to see the checks and "
               "the steps, then add --yes")
                .arg(profile.servers[to].name));
    const bool json = options.json;
    // each change written before it is made, for recover; a dry run reads it (a run not ended refuses)
    o.journalPath = options.journal.isEmpty() ? SetupJournal::defaultPath(profile) : options.journal;
    o.cancel = std::make_shared<std::atomic_bool>(false);
    Switchover switchover(profile, o, [json](const SetupEvent& e) {
        if (json)
            Cli::out() << QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) << Qt::endl;
        else
            Cli::out() << e.toLine() << Qt::endl;
    });
    // Ctrl-C and SIGTERM cancel: the switch stops before its next step and puts the old writer back (once
    // the new writer is open there is nothing to put back: the switch ends)
    QuitSignalWatcher quitSignals;
    const QString oldWriter = profile.servers[1 - to].name;
    const Switchover::Outcome out = Cli::runCancellable([&switchover] { return switchover.run(); },
        quitSignals, o.cancel,
        [oldWriter](const QString& signal) {
            return tr("replipair-cli: %1 received: stopping before the next step and putting %2 back as the "
                      "writer…")
                .arg(signal, oldWriter);
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
