#include "switchovercommand.h"

#include "cli.h"
#include "operation/switchover.h"

#include <QJsonArray>
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
    Switchover switchover(profile, o, [json](const SetupEvent& e) {
        if (json)
            Cli::out() << QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) << Qt::endl;
        else
            Cli::out() << e.toLine() << Qt::endl;
    });
    const Switchover::Outcome out = switchover.run();
    if (o.dryRun) {
        if (json) {
            QJsonArray checks, steps;
            for (const Finding& f : out.checks)
                checks << f.toJson();
            for (const QString& s : out.steps)
                steps << s;
            Cli::out() << QJsonDocument(
                QJsonObject { { QStringLiteral("event"), QStringLiteral("dry-run") },
                    { QStringLiteral("refused"), out.refused }, { QStringLiteral("checks"), checks },
                    { QStringLiteral("steps"), steps } })
                              .toJson(QJsonDocument::Compact)
                       << Qt::endl;
        } else {
            Cli::out() << tr("Dry run: nothing was changed. The checks:") << Qt::endl;
            for (const Finding& f : out.checks)
                Cli::out() << QStringLiteral("  [%1] %2%3")
                                  .arg(f.severity == Finding::Severity::Error ? tr("REFUSED") : tr("ok"),
                                      f.text, f.fix.isEmpty() ? QString() : QStringLiteral(" → ") + f.fix)
                           << Qt::endl;
            Cli::out() << tr("The steps a switch takes, in order:") << Qt::endl;
            for (int i = 0; i < out.steps.size(); ++i)
                Cli::out() << QStringLiteral("  %1. %2").arg(i + 1).arg(out.steps[i]) << Qt::endl;
        }
    }
    if (!out.ok) {
        Cli::printFailure(out.error, json);
        return Cli::Failed;
    }
    return Cli::Success;
}
