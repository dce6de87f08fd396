#include "setupcommand.h"

#include "cli.h"

#include <QEventLoop>
#include <QJsonDocument>

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

int SetupCommand::run(const PairProfile& profile, const CliOptions& options)
{
    if (!options.yes)
        return Cli::badInput(
            tr("setup changes both servers; run 'replipair-cli plan' to see how, then add --yes"));
    SetupRunner runner(profile);
    runner.setSequential(options.sequential);
    if (!runAndWait(runner, SetupRunner::Mode::Setup, options.json, true)) {
        Cli::printFailure(runner.error(), options.json);
        return Cli::Failed;
    }
    return Cli::Success;
}
