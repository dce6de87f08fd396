#include "setup/preflightdata.h"

#include "actions/datacomparison.h"
#include "common/owntables.h"
#include "copy/copycheck.h"

bool PreflightData::bothHoldData(const PairProfile& profile, const ServerInspection (&in)[2])
{
    auto holds = [&](const ServerInspection& s) {
        for (auto it = s.tables.cbegin(); it != s.tables.cend(); ++it) {
            if (!profile.databases.isEmpty() && !profile.databases.contains(it.key()))
                continue;
            if (profile.ignoreDatabases.contains(it.key()))
                continue;
            for (const QString& t : it.value())
                if (!OwnTables::All.contains(t))
                    return true;
        }
        return false;
    };
    return holds(in[0]) && holds(in[1]);
}

QList<Finding> PreflightData::compare(const PairProfile& profile, ServerWorker* a, ServerWorker* b)
{
    int compared = 0;
    auto diffs = DataComparison::compare(profile, a, b, &compared);
    if (!diffs)
        return { Finding { Finding::Severity::Warning, diffs.error().server,
            QStringLiteral("data-compare-failed"),
            PreflightData::tr("could not compare the data of both servers: %1").arg(diffs.error().text),
            PreflightData::tr("make sure both hold the same data before pairing") } };
    if (diffs->isEmpty())
        return {};
    QStringList names;
    for (const TableDifference& d : *diffs)
        names << d.database + QLatin1Char('.') + d.table;
    const QString a0 = profile.servers[0].name, b0 = profile.servers[1].name;
    return { Finding { Finding::Severity::Error, {}, QStringLiteral("data-differs"),
        PreflightData::tr("the data differs between %1 and %2 in %n of %3 table(s): %4 (row checksums)",
            nullptr, int(names.size()))
            .arg(a0, b0)
            .arg(compared)
            .arg(names.join(QStringLiteral(", "))),
        PreflightData::tr(
            "let setup copy one server's databases to the other (--copy-from %1, profile "
            "\"initialCopy\": \"%1\"), or make both the same first: replication does not reconcile "
            "existing data")
            .arg(a0) } };
}

QList<Finding> PreflightData::withCopy(const QList<Finding>& findings, const CopyCheck& check)
{
    QList<Finding> out;
    for (const Finding& f : findings)
        if (f.code != QLatin1String("database-missing") && f.code != QLatin1String("databases-differ")
            && f.code != QLatin1String("data-differs"))
            out << f;
    out << check.findings;
    return out;
}
