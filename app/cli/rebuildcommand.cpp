#include "rebuildcommand.h"

#include "cli.h"
#include "operation/rebuild.h"
#include "setup/setupjournal.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
void printPreview(const Rebuild::Outcome& out, bool json)
{
    if (json) {
        QJsonArray checks, steps;
        for (const Finding& f : out.checks)
            checks << f.toJson();
        if (!out.refused) // a refused run stops at its checks: no step is taken
            for (const QString& s : out.steps)
                steps << s;
        Cli::out() << QJsonDocument(
            QJsonObject { { QStringLiteral("event"), QStringLiteral("dry-run") },
                { QStringLiteral("refused"), out.refused },
                { QStringLiteral("outcome"), Cli::dryRunOutcome(out.refused) },
                { QStringLiteral("preview"), out.preview.toJson() }, { QStringLiteral("checks"), checks },
                { QStringLiteral("steps"), steps } })
                          .toJson(QJsonDocument::Compact)
                   << Qt::endl;
        return;
    }
    Cli::out() << RebuildCommand::tr("What happens to %1:").arg(out.preview.target) << Qt::endl;
    for (const QString& line : out.preview.lines)
        Cli::out() << QStringLiteral("  ") << line << Qt::endl;
    Cli::out() << RebuildCommand::tr("The checks:") << Qt::endl;
    Cli::printChecks(out.checks);
    if (out.refused)
        Cli::out() << RebuildCommand::tr("No step would run: the rebuild stops at its checks.") << Qt::endl;
    else if (!out.steps.isEmpty()) {
        Cli::out() << RebuildCommand::tr("The steps, in order:") << Qt::endl;
        for (int i = 0; i < out.steps.size(); ++i)
            Cli::out() << QStringLiteral("  %1. %2").arg(i + 1).arg(out.steps[i]) << Qt::endl;
    }
}
} // namespace

int RebuildCommand::run(const PairProfile& profile, const CliOptions& options)
{
    const int target = profile.serverIndex(options.server);
    if (options.server.isEmpty() || target < 0)
        return Cli::badInput(tr("rebuild needs --server with the name of the server to rebuild (%1 or %2)")
                                 .arg(profile.servers[0].name, profile.servers[1].name));
    if (!options.from.isEmpty()) {
        const int from = profile.serverIndex(options.from);
        if (from < 0)
            return Cli::badInput(
                tr("--from must name %1 or %2").arg(profile.servers[0].name, profile.servers[1].name));
        if (from == target)
            return Cli::badInput(tr("--from must name the other server: %1 cannot be rebuilt from itself")
                                     .arg(profile.servers[target].name));
    }
    Rebuild::Options o;
    o.target = target;
    if (!options.method.isEmpty()) {
        const auto method = RebuildCopy::fromId(options.method);
        if (!method)
            return Cli::badInput(tr("--method must be logical, physical or auto"));
        o.method = *method;
    }
    o.saveOld = !options.noSave;
    const bool confirmed = options.yes && !options.dryRun;
    o.dryRun = !confirmed;
    const bool json = options.json;
    o.journalPath = options.journal.isEmpty() ? SetupJournal::defaultPath(profile) : options.journal;
    o.cancel = std::make_shared<std::atomic_bool>(false);
    Rebuild rebuild(profile, o, [json, confirmed](const SetupEvent& e) {
        if (!confirmed && e.kind != SetupEvent::Kind::StepFailed)
            return; // the dry run prints its summary at the end
        if (json)
            Cli::out() << QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) << Qt::endl;
        else
            Cli::out() << e.toLine() << Qt::endl;
    });
    // Ctrl-C and SIGTERM cancel: the copy stops and B is put back (its old data, its replica settings)
    QuitSignalWatcher quitSignals;
    const QString rebuilt = profile.servers[target].name;
    const Rebuild::Outcome out
        = Cli::runCancellable([&rebuild] { return rebuild.run(); }, quitSignals, o.cancel,
            [rebuilt](const QString& signal) {
                return tr("replipair-cli: %1 received: stopping the rebuild and putting %2 back…")
                    .arg(signal, rebuilt);
            });
    if (!confirmed) {
        printPreview(out, json);
        if (out.refused) {
            Cli::printFailure(out.error, json);
            return Cli::Failed;
        }
        if (options.dryRun)
            return Cli::Success;
        return Cli::badInput(tr("nothing was changed: to rebuild %1 as said above, add --yes").arg(rebuilt));
    }
    if (!out.ok && out.cancelled && quitSignals.signalReceived() != 0)
        return Cli::printInterrupted(out.error, quitSignals, tr("interrupted by %1: %2"), json);
    if (!out.ok) {
        if (out.refused && !json)
            printPreview(out, false);
        Cli::printFailure(out.error, json);
        return Cli::Failed;
    }
    if (json)
        Cli::out() << QJsonDocument(
            QJsonObject { { QStringLiteral("event"), QStringLiteral("rebuilt") },
                { QStringLiteral("server"), rebuilt }, { QStringLiteral("elapsedMs"), out.elapsedMs },
                { QStringLiteral("dataEqual"), out.dataEqual },
                { QStringLiteral("savedCopy"), out.savedCopy } })
                          .toJson(QJsonDocument::Compact)
                   << Qt::endl;
    return Cli::Success;
}
