#include "comparecommand.h"

#include "actions/datacomparison.h"
#include "cli.h"
#include "host/serverworker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

int CompareCommand::run(const PairProfile& profile, const CliOptions& options)
{
    ServerWorker a(0, profile.servers[0]), b(1, profile.servers[1]);
    for (ServerWorker* w : { &a, &b }) {
        auto c = w->submit([](ServerContext& ctx) { return ctx.connect(); });
        c.waitForFinished();
        if (!c.result()) {
            Cli::printFailure(c.result().error(), options.json);
            return Cli::Failed;
        }
    }
    int compared = 0;
    auto diffs = DataComparison::compare(profile, &a, &b, &compared);
    if (!diffs) {
        Cli::printFailure(diffs.error(), options.json);
        return Cli::Failed;
    }
    const QString nameA = profile.servers[0].name, nameB = profile.servers[1].name;
    if (options.json) {
        QJsonArray arr;
        for (const TableDifference& d : *diffs)
            arr << QJsonObject { { QStringLiteral("database"), d.database },
                { QStringLiteral("table"), d.table },
                { nameA, d.checksumA.isEmpty() ? QJsonValue() : QJsonValue(d.checksumA) },
                { nameB, d.checksumB.isEmpty() ? QJsonValue() : QJsonValue(d.checksumB) } };
        Cli::out() << QJsonDocument(QJsonObject { { QStringLiteral("tablesCompared"), compared },
                                        { QStringLiteral("differences"), arr } })
                          .toJson(QJsonDocument::Compact)
                   << Qt::endl;
    } else {
        Cli::out() << tr("%1 table(s) compared, %2 differ").arg(compared).arg(diffs->size()) << Qt::endl;
        for (const TableDifference& d : *diffs)
            Cli::out() << tr("  %1.%2: %3 %4, %5 %6")
                              .arg(d.database, d.table, nameA,
                                  d.checksumA.isEmpty() ? tr("(missing)") : d.checksumA, nameB,
                                  d.checksumB.isEmpty() ? tr("(missing)") : d.checksumB)
                       << Qt::endl;
    }
    return diffs->isEmpty() ? Cli::Success : Cli::Failed;
}
