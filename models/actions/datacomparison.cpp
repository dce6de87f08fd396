#include "actions/datacomparison.h"

#include "common/sqlquote.h"
#include "common/stepid.h"
#include "host/serverworker.h"

#include <QCoreApplication>
#include <QMap>

namespace {

using Checksums = QMap<QString, QString>; ///< "db\x1ftable" → checksum (a separator no name holds)

Result<Checksums> checksums(ServerContext& ctx, const PairProfile& profile)
{
    SqlSession& sql = *ctx.sql;
    sql.setStep(StepId::CompareData);
    QStringList dbs = profile.databases;
    if (dbs.isEmpty()) {
        auto all = sql.query(QStringLiteral(
            "SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN "
            "('mysql','information_schema','performance_schema','sys')"));
        if (!all)
            return std::unexpected(all.error());
        for (const SqlRow& r : *all)
            if (!profile.ignoreDatabases.contains(r.value(QStringLiteral("name")).toString()))
                dbs << r.value(QStringLiteral("name")).toString();
    }
    Checksums out;
    for (const QString& db : dbs) {
        auto tables = sql.query(QStringLiteral(
            "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 "
            "AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME NOT IN ('replipair_heartbeat', 'replipair_probe')")
                                    .arg(ctx.dialect.literal(db)));
        if (!tables)
            return std::unexpected(tables.error());
        for (const SqlRow& t : *tables) {
            const QString name = t.value(QStringLiteral("name")).toString();
            auto sum = sql.query(QStringLiteral("CHECKSUM TABLE %1.%2")
                                     .arg(SqlQuote::identifier(db), SqlQuote::identifier(name)));
            if (!sum)
                return std::unexpected(sum.error());
            out.insert(db + QChar(0x1f) + name, sum->value(0).value(QStringLiteral("Checksum")).toString());
        }
    }
    return out;
}
} // namespace

Result<QList<TableDifference>> DataComparison::compare(
    const PairProfile& profile, ServerWorker* a, ServerWorker* b, int* tablesCompared)
{
    auto fa = a->submit([profile](ServerContext& ctx) { return checksums(ctx, profile); });
    auto fb = b->submit([profile](ServerContext& ctx) { return checksums(ctx, profile); });
    fa.waitForFinished();
    fb.waitForFinished();
    const Result<Checksums> ra = fa.result(), rb = fb.result();
    if (!ra)
        return std::unexpected(ra.error());
    if (!rb)
        return std::unexpected(rb.error());
    QStringList keys = ra->keys() + rb->keys();
    keys.removeDuplicates();
    keys.sort();
    QList<TableDifference> diffs;
    for (const QString& k : keys) {
        const QString ca = ra->value(k), cb = rb->value(k);
        if (ca != cb || !ra->contains(k) || !rb->contains(k))
            diffs << TableDifference { k.section(QChar(0x1f), 0, 0), k.section(QChar(0x1f), 1), ca, cb };
    }
    if (tablesCompared)
        *tablesCompared = int(keys.size());
    return diffs;
}
