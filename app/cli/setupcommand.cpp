#include "setupcommand.h"

#include "cli.h"
#include "common/stepid.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>

namespace {
/** Exit code: replication set up and its row test passed both ways, but the data could not be compared. */
constexpr int DataNotCompared = 3;
} // namespace

bool SetupCommand::runAndWait(SetupRunner& runner, SetupRunner::Mode mode, bool json, bool printEvents)
{
    QEventLoop loop;
    QObject::connect(&runner, &SetupRunner::event, &loop, [&](const SetupEvent& e) {
        if (!printEvents)
            return;
        if (json)
            Cli::out() << QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) << Qt::endl;
        else
            Cli::out() << e.toLine() << Qt::endl;
    });
    QObject::connect(
        &runner, &SetupRunner::finished, &loop, [&] { loop.quit(); }, Qt::QueuedConnection);
    runner.start(mode);
    loop.exec();
    return runner.succeeded();
}

std::expected<QJsonObject, QString> SetupCommand::approvedFingerprint(
    const PairProfile& profile, const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::unexpected(tr("cannot read the plan %1: %2").arg(path, f.errorString()));
    QJsonParseError error;
    const QJsonObject plan = QJsonDocument::fromJson(f.readAll(), &error).object();
    const QJsonObject fingerprint = plan.value(QStringLiteral("fingerprint")).toObject();
    if (error.error != QJsonParseError::NoError || fingerprint.isEmpty())
        return std::unexpected(
            tr("%1 is not a plan written by 'replipair-cli plan PROFILE --output FILE'").arg(path));
    const QString pair = plan.value(QStringLiteral("pair")).toString();
    if (pair != profile.name)
        return std::unexpected(
            tr("%1 is the plan of pair \"%2\", not of \"%3\"").arg(path, pair, profile.name));
    return fingerprint;
}

int SetupCommand::run(const PairProfile& profile, const CliOptions& options)
{
    if (!options.yes)
        return Cli::badInput(
            tr("setup changes both servers; run 'replipair-cli plan' to see how, then add --yes"));
    SetupRunner runner(profile);
    if (!options.planFile.isEmpty()) {
        auto approved = approvedFingerprint(profile, options.planFile);
        if (!approved)
            return Cli::badInput(approved.error());
        runner.options().approvedFingerprint = *approved;
    }
    runner.setSequential(options.sequential);
    runner.options().journalPath = options.journal;
    // the data could not be compared at the end (writes on both servers, a replica that did not catch up):
    // replication runs and its row test passed, but setup cannot vouch for the data
    bool dataNotCompared = false;
    QObject::connect(&runner, &SetupRunner::event, &runner, [&dataNotCompared](const SetupEvent& e) {
        if (e.step == StepId::VerifyData)
            dataNotCompared
                = e.data.value(QStringLiteral("verdict")).toString() == QLatin1String("not-compared");
    });
    // Ctrl-C and SIGTERM cancel: the run stops at its next safe point and puts back what it changed
    QuitSignalWatcher quitSignals;
    QObject::connect(&quitSignals, &QuitSignalWatcher::quitRequested, &runner, [&quitSignals, &runner] {
        Cli::err() << tr("replipair-cli: %1 received: stopping at the next safe point and putting back what "
                         "this run changed (a restart under way is finished first)…")
                          .arg(quitSignals.signalName())
                   << Qt::endl;
        runner.cancel();
    });
    QObject::connect(&quitSignals, &QuitSignalWatcher::repeated, &runner, [] {
        Cli::err() << tr("replipair-cli: still putting things back; please wait. (Killing it now leaves "
                         "changes for 'replipair-cli recover'.)")
                   << Qt::endl;
    });
    const bool ok = runAndWait(runner, SetupRunner::Mode::Setup, options.json, true);
    const QString journal = runner.journal().value(QStringLiteral("path")).toString();
    if (!options.json && !journal.isEmpty())
        Cli::out() << tr("journal: %1").arg(journal) << Qt::endl;
    if (!ok && quitSignals.signalReceived() != 0)
        return Cli::printInterrupted(runner.error(), quitSignals, tr("interrupted by %1: %2"), options.json);
    if (!ok) {
        Cli::printFailure(runner.error(), options.json);
        return Cli::Failed;
    }
    return dataNotCompared ? DataNotCompared : Cli::Success;
}
