#include "repaircommand.h"

#include "actions/rowrepair.h"
#include "cli.h"
#include "host/serverworker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

int RepairCommand::run(const PairProfile& profile, const CliOptions& options)
{
    static const QRegularExpression tableName(QStringLiteral("^[^.\\s]+\\.[^.\\s]+$"));
    if (!tableName.match(options.table).hasMatch())
        return Cli::badInput(tr("repair needs --table DATABASE.TABLE"));
    const int from = options.from.isEmpty() ? -1 : profile.serverIndex(options.from);
    if (from < 0)
        return Cli::badInput(tr("repair needs --from %1 or --from %2: the server whose rows are right")
                                 .arg(profile.servers[0].name, profile.servers[1].name));
    if (options.yes && options.dryRun)
        return Cli::badInput(tr("--yes and --dry-run exclude each other"));
    ServerWorker a(0, profile.servers[0]), b(1, profile.servers[1]);
    if (!Cli::connectBoth(a, b, options.json))
        return Cli::Failed;
    const std::atomic_bool cancel { false };
    RowRepair repair(profile, &a, &b, &cancel);
    auto report = repair.run(options.table, from, options.yes);
    if (!report) {
        Cli::printFailure(report.error(), options.json);
        return Cli::Failed;
    }
    const QString source = profile.servers[from].name, target = profile.servers[1 - from].name;
    if (options.json) {
        QJsonArray rows;
        for (const RowDifference& d : report->rows)
            rows << QJsonObject { { QStringLiteral("kind"), RowDifference::kindId(d.kind) },
                { QStringLiteral("key"), QJsonArray::fromStringList(d.key) },
                { QStringLiteral("columns"), QJsonArray::fromStringList(d.columns) },
                { source, QJsonArray::fromStringList(d.source) },
                { target, QJsonArray::fromStringList(d.target) } };
        QJsonArray chunks;
        for (const ChunkDifference& c : report->chunks)
            chunks << c.toJson(profile.servers[0].name, profile.servers[1].name);
        Cli::out() << QJsonDocument(
            QJsonObject { { QStringLiteral("table"), report->table }, { QStringLiteral("from"), source },
                { QStringLiteral("differences"), chunks }, { QStringLiteral("rows"), rows },
                { QStringLiteral("statements"), QJsonArray::fromStringList(report->statements) },
                { QStringLiteral("applied"), report->applied },
                { QStringLiteral("equal"), report->equalAfter },
                { QStringLiteral("notCompared"), QJsonArray::fromStringList(report->notCompared) } })
                          .toJson(QJsonDocument::Compact)
                   << Qt::endl;
    } else {
        // what could not be compared, and why, comes first: counts of a comparison that did not happen
        // ("0 range(s) differ") would read as "equal"
        if (!report->notCompared.isEmpty())
            Cli::out() << (report->chunks.isEmpty()
                    ? tr("%1: not compared, nothing is known of its differences:").arg(report->table)
                    : tr("%1: %n range(s) differ, not all of their rows compared:", nullptr,
                        int(report->chunks.size()))
                          .arg(report->table))
                       << Qt::endl;
        for (const QString& n : report->notCompared)
            Cli::out() << tr("  not compared: %1").arg(n) << Qt::endl;
        if (report->notCompared.isEmpty() || !report->rows.isEmpty())
            Cli::out() << tr("%1: %2 range(s) differ, %3 row(s) (%4 is right, %5 is changed)")
                              .arg(report->table)
                              .arg(report->chunks.size())
                              .arg(report->rows.size())
                              .arg(source, target)
                       << Qt::endl;
        for (const RowDifference& d : report->rows) {
            const QString key = d.key.join(QStringLiteral(", "));
            if (d.kind == RowDifference::Kind::MissingOnTarget)
                Cli::out() << tr("  missing on %1: (%2)").arg(target, key) << Qt::endl;
            else if (d.kind == RowDifference::Kind::ExtraOnTarget)
                Cli::out() << tr("  extra on %1: (%2)").arg(target, key) << Qt::endl;
            else
                for (int i = 0; i < d.columns.size(); ++i)
                    Cli::out() << tr("  (%1) %2: %3 %4, %5 %6")
                                      .arg(key, d.columns[i], source, d.source[i], target, d.target[i])
                               << Qt::endl;
        }
        if (options.dryRun) {
            Cli::out()
                << tr("-- on %1, with SET SESSION sql_log_bin = 0 and time_zone = '+00:00':").arg(target)
                << Qt::endl;
            for (const QString& s : report->statements)
                Cli::out() << s << QLatin1Char(';') << Qt::endl;
        } else if (!options.yes && !report->rows.isEmpty())
            Cli::out()
                << tr("nothing changed: --yes applies the fix on %1, --dry-run shows its SQL").arg(target)
                << Qt::endl;
        if (report->applied)
            Cli::out() << (report->equalAfter ? tr("repaired: %1 is now the same on both").arg(report->table)
                                              : tr("repaired, but the table still differs: compare again"))
                       << Qt::endl;
    }
    if (!report->notCompared.isEmpty())
        return Cli::Failed;
    return report->applied
        ? (report->equalAfter ? Cli::Success : Cli::Failed)
        : (report->rows.isEmpty() && report->chunks.isEmpty() ? Cli::Success : Cli::Failed);
}
