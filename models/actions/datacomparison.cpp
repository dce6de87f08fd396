#include "actions/datacomparison.h"

#include "common/stepid.h"
#include "host/serverworker.h"
#include "setup/snapshotchecksum.h"

#include <QCoreApplication>
#include <QMap>

namespace {

using Checksums = QMap<QString, QString>; ///< "db\x1ftable" → checksum (a separator no name holds)

Result<Checksums> checksums(ServerContext& ctx, const PairProfile& profile)
{
    // the product's one checksum (TIMESTAMP in UTC, floats as decimals), not CHECKSUM TABLE: the same
    // expression as setup's final comparison and the live compare
    ctx.sql->setStep(StepId::CompareData);
    auto sums = SnapshotChecksum::tables(ctx, profile);
    if (!sums)
        return std::unexpected(sums.error());
    Checksums out;
    for (auto it = sums->cbegin(); it != sums->cend(); ++it) {
        const qsizetype dot = it.key().indexOf(QLatin1Char('.'));
        out.insert(it.key().left(dot) + QChar(0x1f) + it.key().mid(dot + 1), it.value());
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
