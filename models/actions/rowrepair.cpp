#include "actions/rowrepair.h"

#include "common/sqlquote.h"
#include "common/stepid.h"
#include "host/serverworker.h"
#include "setup/finaldatacheck.h"
#include "setup/snapshotchecksum.h"
#include "sql/replicastatus.h"

#include <QMap>
#include <QMutex>
#include <QScopeGuard>
#include <QWaitCondition>

namespace {
/** The source's rows of a range, handed to the target's side by the binary log point they were read at. */
struct RowExchange
{
    QMutex mutex;
    QWaitCondition arrived;
    QMap<QString, QList<QStringList>> byPoint; ///< "file:pos" → rows
};

Result<QList<QStringList>> readRows(ServerContext& ctx, const TableShape& t, const QString& where)
{
    QStringList select, order;
    for (int i = 0; i < t.columns.size(); ++i)
        select << QStringLiteral("%1 AS c%2")
                      .arg(TableShape::literalExpression(t.columns[i], t.types[i]))
                      .arg(i);
    for (const QString& k : t.key)
        order << SqlQuote::identifier(k);
    auto zone = SnapshotChecksum::inUtc(*ctx.sql);
    if (!zone)
        return std::unexpected(zone.error());
    const auto restore = qScopeGuard([&] { SnapshotChecksum::restoreTimeZone(*ctx.sql, *zone); });
    auto rows = ctx.sql->query(
        QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4")
            .arg(select.join(QStringLiteral(", ")), t.quotedName(), where, order.join(QStringLiteral(", "))));
    if (!rows)
        return std::unexpected(rows.error());
    QList<QStringList> out;
    for (const SqlRow& r : *rows) {
        QStringList values;
        for (int i = 0; i < t.columns.size(); ++i)
            values << r.value(QStringLiteral("c%1").arg(i)).toString();
        out << values;
    }
    return out;
}

/** Runs @p statements with sql_log_bin = 0 in transactions of at most 100, in a UTC session. */
Result<void> applyUnlogged(ServerContext& ctx, const QStringList& statements)
{
    SqlSession& sql = *ctx.sql;
    auto zone = SnapshotChecksum::inUtc(sql);
    if (!zone)
        return std::unexpected(zone.error());
    if (auto off = sql.exec(QStringLiteral("SET SESSION sql_log_bin = 0")); !off)
        return off;
    const auto restore = qScopeGuard([&] {
        sql.exec(QStringLiteral("ROLLBACK"));
        sql.exec(QStringLiteral("SET SESSION sql_log_bin = 1"));
        SnapshotChecksum::restoreTimeZone(sql, *zone);
    });
    for (qsizetype i = 0; i < statements.size(); i += 100) {
        if (auto b = sql.exec(QStringLiteral("START TRANSACTION")); !b)
            return b;
        for (qsizetype j = i; j < qMin(statements.size(), i + 100); ++j)
            if (auto r = sql.exec(statements[j]); !r)
                return r;
        if (auto c = sql.exec(QStringLiteral("COMMIT")); !c)
            return c;
    }
    return {};
}
} // namespace

QString RowDifference::kindId(Kind kind)
{
    switch (kind) {
    case Kind::MissingOnTarget:
        return QStringLiteral("missing");
    case Kind::ExtraOnTarget:
        return QStringLiteral("extra");
    case Kind::Different:
        break;
    }
    return QStringLiteral("different");
}

RowRepair::RowRepair(
    const PairProfile& profile, ServerWorker* a, ServerWorker* b, const std::atomic_bool* cancel)
    : m_profile(profile)
    , m_workers { a, b }
    , m_cancel(cancel)
{ }

QList<RowDifference> RowRepair::diff(
    const TableShape& t, const QList<QStringList>& source, const QList<QStringList>& target)
{
    auto keyOf = [&t](const QStringList& row) {
        QStringList k;
        for (const QString& c : t.key)
            k << row.value(t.columns.indexOf(c));
        return k;
    };
    QMap<QStringList, QStringList> onTarget;
    for (const QStringList& r : target)
        onTarget.insert(keyOf(r), r);
    QList<RowDifference> out;
    for (const QStringList& r : source) {
        const QStringList k = keyOf(r);
        const auto it = onTarget.constFind(k);
        if (it == onTarget.cend()) {
            out << RowDifference { RowDifference::Kind::MissingOnTarget, k, t.columns, r, {} };
            continue;
        }
        RowDifference d { RowDifference::Kind::Different, k, {}, {}, {} };
        for (int i = 0; i < t.columns.size(); ++i)
            if (r.value(i) != it->value(i)) {
                d.columns << t.columns[i];
                d.source << r.value(i);
                d.target << it->value(i);
            }
        if (!d.columns.isEmpty())
            out << d;
        onTarget.remove(k);
    }
    for (auto it = onTarget.cbegin(); it != onTarget.cend(); ++it)
        out << RowDifference { RowDifference::Kind::ExtraOnTarget, it.key(), t.columns, {}, it.value() };
    return out;
}

QStringList RowRepair::statementsFor(const TableShape& t, const RowDifference& d)
{
    QStringList ids;
    for (const QString& c : d.columns)
        ids << SqlQuote::identifier(c);
    switch (d.kind) {
    case RowDifference::Kind::MissingOnTarget:
        return { QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                     .arg(t.quotedName(), ids.join(QStringLiteral(", ")),
                         d.source.join(QStringLiteral(", "))) };
    case RowDifference::Kind::ExtraOnTarget:
        return { QStringLiteral("DELETE FROM %1 WHERE %2 LIMIT 1").arg(t.quotedName(), t.keyEquals(d.key)) };
    case RowDifference::Kind::Different:
        break;
    }
    QStringList sets;
    for (int i = 0; i < d.columns.size(); ++i)
        sets << QStringLiteral("%1 = %2").arg(ids[i], d.source[i]);
    return { QStringLiteral("UPDATE %1 SET %2 WHERE %3 LIMIT 1")
                 .arg(t.quotedName(), sets.join(QStringLiteral(", ")), t.keyEquals(d.key)) };
}

Result<RepairReport> RowRepair::run(const QString& table, int from, bool apply)
{
    const int to = 1 - from;
    const auto shapes = m_workers[from]->run([profile = m_profile, table](ServerContext& ctx) {
        ctx.sql->setStep(StepId::CompareData);
        return TableShape::list(ctx, profile, { table });
    });
    if (!shapes)
        return std::unexpected(shapes.error());
    if (shapes->isEmpty())
        return stepFailure(m_profile.servers[from].name, StepId::CompareData,
            tr("%1 is not a replicated table of %2").arg(table, m_profile.servers[from].name));
    const TableShape t = shapes->first();
    if (t.key.isEmpty())
        return stepFailure(m_profile.servers[from].name, StepId::CompareData,
            tr("%1 has no primary key and no unique key on NOT NULL columns: its rows cannot be told apart. "
               "Rebuild %2 from %3 instead (replipair-cli rebuild).")
                .arg(table, m_profile.servers[to].name, m_profile.servers[from].name));
    RepairReport report;
    report.table = t.name();
    report.key = t.key;
    ChunkedCompare compare(m_profile, m_workers[0], m_workers[1], m_cancel);
    CompareOptions options;
    options.tables = { t.name() };
    compare.setOptions(options);
    auto found = compare.run();
    if (!found)
        return std::unexpected(found.error());
    report.chunks = found->differences;
    report.notCompared = found->notCompared;
    auto exchange = std::make_shared<RowExchange>();
    for (const ChunkDifference& chunk : std::as_const(report.chunks)) {
        if (m_cancel && m_cancel->load())
            return report;
        const QString where = t.rangeWhere(chunk.lower, chunk.upper);
        auto sourceRead = [t, where, exchange](ServerContext& ctx) -> Result<SnapshotChecksum::Sums> {
            auto point = ctx.sql->query(ctx.dialect.binlogSnapshotStatus());
            if (!point)
                return std::unexpected(point.error());
            QString file, pos;
            for (const SqlRow& r : *point) {
                const QString name = r.value(QStringLiteral("Variable_name")).toString().toLower();
                (name == QLatin1String("binlog_snapshot_file") ? file : pos)
                    = r.value(QStringLiteral("Value")).toString();
            }
            auto rows = readRows(ctx, t, where);
            if (!rows)
                return std::unexpected(rows.error());
            const QMutexLocker lock(&exchange->mutex);
            exchange->byPoint.insert(file + QLatin1Char(':') + pos, *rows);
            exchange->arrived.wakeAll();
            return SnapshotChecksum::Sums { { QStringLiteral("read"), QStringLiteral("1") } };
        };
        QList<RowDifference> rowsHere;
        QStringList statementsHere;
        auto targetRead = [&, t, where, exchange](ServerContext& ctx) -> Result<SnapshotChecksum::Sums> {
            auto st = ReplicaStatus::read(*ctx.sql, ctx.dialect);
            if (!st)
                return std::unexpected(st.error());
            const QString point
                = st->relaySourceLogFile + QLatin1Char(':') + QString::number(st->execSourceLogPos);
            auto mine = readRows(ctx, t, where);
            if (!mine)
                return std::unexpected(mine.error());
            QList<QStringList> theirs;
            {
                QMutexLocker lock(&exchange->mutex);
                for (int i = 0; i < 300 && !exchange->byPoint.contains(point); ++i)
                    exchange->arrived.wait(&exchange->mutex, 100);
                if (!exchange->byPoint.contains(point))
                    return stepFailure(ctx.profile.name, StepId::CompareData,
                        RowRepair::tr("the rows of %1 at %2 were not read in time").arg(t.name(), point));
                theirs = exchange->byPoint.take(point);
            }
            rowsHere = diff(t, theirs, *mine);
            statementsHere.clear();
            for (const RowDifference& d : std::as_const(rowsHere))
                statementsHere << statementsFor(t, d);
            if (apply && !statementsHere.isEmpty())
                if (auto done = applyUnlogged(ctx, statementsHere); !done)
                    return std::unexpected(done.error());
            return SnapshotChecksum::Sums { { QStringLiteral("read"), QStringLiteral("1") } };
        };
        FinalDataCheck check(m_profile, m_workers[0], m_workers[1], m_cancel);
        check.setReads(sourceRead, targetRead);
        check.setFirstSource(from, true);
        const FinalDataCheck::Outcome o = check.run(60000);
        if (o.restartFailed)
            return std::unexpected(*o.restartFailed);
        if (o.verdict == FinalDataCheck::Verdict::Inconclusive) {
            report.notCompared << QStringLiteral("%1 %2: %3").arg(t.name(), chunk.rangeText(), o.text);
            continue;
        }
        report.rows << rowsHere;
        report.statements << statementsHere;
    }
    if (!apply || report.statements.isEmpty()) {
        report.equalAfter = report.chunks.isEmpty() && report.notCompared.isEmpty();
        return report;
    }
    report.applied = true;
    auto again = compare.run();
    if (!again)
        return std::unexpected(again.error());
    report.equalAfter = again->differences.isEmpty() && again->notCompared.isEmpty();
    return report;
}
