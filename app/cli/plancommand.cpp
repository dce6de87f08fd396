#include "plancommand.h"

#include "cli.h"
#include "setupcommand.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

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
        // the plan file: what setup --plan runs, with the fingerprint of what the plan was made from
        QJsonObject file = runner.plan().toJson();
        file.insert(QStringLiteral("pair"), profile.name);
        file.insert(QStringLiteral("made"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        QSaveFile f(options.output);
        const QByteArray bytes = QJsonDocument(file).toJson();
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
            return Cli::badInput(tr("cannot write %1: %2").arg(options.output, f.errorString()));
    }
    return runner.succeeded() ? Cli::Success : Cli::Failed;
}
