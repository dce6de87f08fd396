#include "plancommand.h"

#include "cli.h"
#include "setupcommand.h"

#include <QFile>
#include <QJsonDocument>

int PlanCommand::run(const PairProfile& profile, const CliOptions& options)
{
    SetupRunner runner(profile);
    SetupCommand::runAndWait(runner, SetupRunner::Mode::Plan, options.json, false);
    const QString text = options.json
        ? QString::fromUtf8(QJsonDocument(runner.plan().toJson()).toJson(QJsonDocument::Compact))
        : runner.plan().toText();
    Cli::out() << text << Qt::endl;
    if (!runner.succeeded())
        Cli::printFailure(runner.error(), options.json);
    if (!options.output.isEmpty()) {
        QFile f(options.output);
        if (!f.open(QIODevice::WriteOnly))
            return Cli::badInput(tr("cannot write %1: %2").arg(f.fileName(), f.errorString()));
        f.write(text.toUtf8());
    }
    return runner.succeeded() ? Cli::Success : Cli::Failed;
}
