#include "actions/chunkedcompare.h"

#include "common/stepid.h"
#include "host/serverworker.h"
#include "operation/pairstate.h"
#include "setup/finaldatacheck.h"
#include "setup/snapshotchecksum.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QScopeGuard>
#include <QThread>
#include <cmath>

namespace {
QJsonValue literals(const QStringList& values)
{
    return values.isEmpty() ? QJsonValue() : QJsonValue(QJsonArray::fromStringList(values));
}

QStringList fromLiterals(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& x : v.toArray())
        out << x.toString();
    return out;
}
} // namespace

QJsonObject ChunkDifference::toJson(const QString& nameA, const QString& nameB) const
{
    return QJsonObject { { QStringLiteral("table"), table },
        { QStringLiteral("key"), QJsonArray::fromStringList(key) },
        { QStringLiteral("lower"), literals(lower) }, { QStringLiteral("upper"), literals(upper) },
        { QStringLiteral("rows"), QJsonObject { { nameA, rows[0] }, { nameB, rows[1] } } } };
}

ChunkDifference ChunkDifference::fromJson(const QJsonObject& o, const QString& nameA, const QString& nameB)
{
    ChunkDifference d;
    d.table = o.value(QStringLiteral("table")).toString();
    d.key = fromLiterals(o.value(QStringLiteral("key")));
    d.lower = fromLiterals(o.value(QStringLiteral("lower")));
    d.upper = fromLiterals(o.value(QStringLiteral("upper")));
    const QJsonObject rows = o.value(QStringLiteral("rows")).toObject();
    d.rows[0] = rows.value(nameA).toInteger(-1);
    d.rows[1] = rows.value(nameB).toInteger(-1);
    return d;
}

QString ChunkDifference::rangeText() const
{
    if (key.isEmpty())
        return ChunkedCompare::tr("whole table (no key)");
    const QString k = key.size() == 1 ? key.first()
                                      : QLatin1Char('(') + key.join(QStringLiteral(", ")) + QLatin1Char(')');
    auto tuple = [](const QStringList& v) {
        return v.size() == 1 ? v.first() : QLatin1Char('(') + v.join(QStringLiteral(", ")) + QLatin1Char(')');
    };
    if (lower.isEmpty() && upper.isEmpty())
        return ChunkedCompare::tr("all of %1").arg(k);
    if (lower.isEmpty())
        return QStringLiteral("%1 <= %2").arg(k, tuple(upper));
    if (upper.isEmpty())
        return QStringLiteral("%1 > %2").arg(k, tuple(lower));
    return QStringLiteral("%1 < %2 <= %3").arg(tuple(lower), k, tuple(upper));
}

QJsonObject CompareReport::toJson(const QString& nameA, const QString& nameB) const
{
    QJsonArray diffs;
    for (const ChunkDifference& d : differences)
        diffs << d.toJson(nameA, nameB);
    return QJsonObject {
        { QStringLiteral("equal"), differences.isEmpty() && notCompared.isEmpty() && !cancelled },
        { QStringLiteral("tablesCompared"), tablesCompared }, { QStringLiteral("chunks"), chunks },
        { QStringLiteral("rows"), rows }, { QStringLiteral("differences"), diffs },
        { QStringLiteral("wholeTables"), QJsonArray::fromStringList(wholeTables) },
        { QStringLiteral("skipped"), QJsonArray::fromStringList(skipped) },
        { QStringLiteral("notCompared"), QJsonArray::fromStringList(notCompared) },
        { QStringLiteral("doneTables"), QJsonArray::fromStringList(doneTables) },
        { QStringLiteral("currentTable"), currentTable },
        { QStringLiteral("currentLower"), literals(currentLower) }, { QStringLiteral("cancelled"), cancelled }
    };
}

CompareReport CompareReport::fromJson(const QJsonObject& o, const QString& nameA, const QString& nameB)
{
    CompareReport r;
    r.tablesCompared = o.value(QStringLiteral("tablesCompared")).toInt();
    r.chunks = o.value(QStringLiteral("chunks")).toInteger();
    r.rows = o.value(QStringLiteral("rows")).toInteger();
    for (const QJsonValue& d : o.value(QStringLiteral("differences")).toArray())
        r.differences << ChunkDifference::fromJson(d.toObject(), nameA, nameB);
    r.wholeTables = fromLiterals(o.value(QStringLiteral("wholeTables")));
    r.skipped = fromLiterals(o.value(QStringLiteral("skipped")));
    r.notCompared = fromLiterals(o.value(QStringLiteral("notCompared")));
    r.doneTables = fromLiterals(o.value(QStringLiteral("doneTables")));
    r.currentTable = o.value(QStringLiteral("currentTable")).toString();
    r.currentLower = fromLiterals(o.value(QStringLiteral("currentLower")));
    return r;
}

ChunkedCompare::ChunkedCompare(
    const PairProfile& profile, ServerWorker* a, ServerWorker* b, const std::atomic_bool* cancel)
    : m_profile(profile)
    , m_workers { a, b }
    , m_cancel(cancel)
{ }

QString ChunkedCompare::sinceWhere() const
{
    if (m_options.sinceColumn.isEmpty())
        return {};
    QString v = m_options.sinceValue;
    v.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("''"));
    return QStringLiteral("`%1` >= '%2'")
        .arg(QString(m_options.sinceColumn).replace(QLatin1Char('`'), QLatin1String("``")), v);
}

Result<void> ChunkedCompare::throttle()
{
    for (int s = 0; s < 2; ++s) {
        for (;;) {
            if (cancelled())
                return {};
            auto busy = m_workers[s]->run([](ServerContext& ctx) -> Result<qint64> {
                auto rows = ctx.sql->query(QStringLiteral("SHOW GLOBAL STATUS LIKE 'Threads_running'"));
                if (!rows)
                    return std::unexpected(rows.error());
                return rows->value(0).value(QStringLiteral("Value")).toLongLong();
            });
            if (!busy)
                return std::unexpected(busy.error());
            // the replica applies, within the limit, everything its source had written: lag below it
            auto pos = m_workers[s]->run(
                [](ServerContext& ctx) { return ctx.sql->query(ctx.dialect.showBinlogStatus()); });
            if (!pos)
                return std::unexpected(pos.error());
            bool behind = false;
            if (!pos->isEmpty()) {
                const QString file = pos->first().value(QStringLiteral("File")).toString();
                const qint64 at = pos->first().value(QStringLiteral("Position")).toLongLong();
                const int limit = qMax(1, int(std::ceil(m_options.maxLagSeconds)));
                auto waited = m_workers[1 - s]->run([&](ServerContext& ctx) {
                    return ctx.sql->scalar(ctx.dialect.sourcePosWait(file, at, limit));
                });
                if (!waited)
                    return std::unexpected(waited.error());
                behind = !waited->isNull() && waited->toLongLong() < 0;
            }
            if (!behind && *busy <= m_options.maxThreadsRunning)
                break;
            m_now.throttled = true;
            if (m_progress)
                m_progress(m_now);
            if (!behind)
                QThread::msleep(200);
        }
    }
    m_now.throttled = false;
    return {};
}

ChunkedCompare::Verdict ChunkedCompare::compareRange(const TableShape& t, const QStringList& lower,
    const QStringList& upper, qint64 rows[2], QString* why, qint64* sourceMs)
{
    QString where = t.key.isEmpty() ? QString() : t.rangeWhere(lower, upper);
    if (const QString since = sinceWhere(); !since.isEmpty())
        where = where.isEmpty() ? since : QStringLiteral("(%1) AND %2").arg(where, since);
    const QString sql = SnapshotChecksum::checksumSql(t.database, t.table, t.columns, t.types, where,
        t.key.isEmpty() ? SnapshotChecksum::RowIdentity::MayRepeat : SnapshotChecksum::RowIdentity::Unique);
    auto timed = std::make_shared<std::atomic<qint64>>(0);
    auto read = [sql, timed](ServerContext& ctx) -> Result<SnapshotChecksum::Sums> {
        QElapsedTimer clock;
        clock.start();
        auto zone = SnapshotChecksum::inUtc(*ctx.sql);
        if (!zone)
            return std::unexpected(zone.error());
        auto sum = ctx.sql->query(sql);
        SnapshotChecksum::restoreTimeZone(*ctx.sql, *zone);
        if (!sum)
            return std::unexpected(sum.error());
        const SqlRow& r = sum->value(0);
        timed->store(clock.elapsed());
        return SnapshotChecksum::Sums { { QStringLiteral("chunk"),
            QStringLiteral("%1:%2:%3")
                .arg(r.value(QStringLiteral("n")).toString(), r.value(QStringLiteral("x")).toString(),
                    r.value(QStringLiteral("s")).toString()) } };
    };
    FinalDataCheck check(m_profile, m_workers[0], m_workers[1], m_cancel);
    check.setReads(read, read);
    const FinalDataCheck::Outcome o = check.run(m_options.chunkTimeoutMs);
    if (sourceMs)
        *sourceMs = timed->load();
    if (o.restartFailed) {
        *why = o.restartFailed->text;
        return Verdict::Inconclusive;
    }
    if (o.verdict == FinalDataCheck::Verdict::Inconclusive) {
        *why = o.text;
        return Verdict::Inconclusive;
    }
    const int s = o.source;
    rows[s] = o.sourceSums.value(QStringLiteral("chunk")).section(QLatin1Char(':'), 0, 0).toLongLong();
    rows[1 - s] = o.replicaSums.value(QStringLiteral("chunk")).section(QLatin1Char(':'), 0, 0).toLongLong();
    return o.verdict == FinalDataCheck::Verdict::Equal ? Verdict::Equal : Verdict::Differs;
}

Result<CompareReport> ChunkedCompare::run(const CompareReport& resumeFrom)
{
    for (ServerWorker* w : m_workers)
        w->run([](ServerContext& ctx) {
            ctx.sql->setStep(StepId::CompareData);
            return true;
        });
    auto shapes = m_workers[0]->run([profile = m_profile, only = m_options.tables](ServerContext& ctx) {
        ctx.sql->setStep(StepId::CompareData);
        return TableShape::list(ctx, profile, only);
    });
    if (!shapes)
        return std::unexpected(shapes.error());
    CompareReport report = resumeFrom;
    report.cancelled = false;
    m_now = {};
    m_now.tables = int(shapes->size());
    for (const TableShape& t : *shapes)
        m_now.estimatedRows += t.estimatedRows;
    QElapsedTimer clock;
    clock.start();
    qint64 rowsThisRun = 0;
    for (const TableShape& t : *shapes) {
        if (report.doneTables.contains(t.name())) {
            ++m_now.tablesDone;
            m_now.estimatedRows -= t.estimatedRows;
            continue;
        }
        m_now.table = t.name();
        if (!m_options.sinceColumn.isEmpty() && !t.columns.contains(m_options.sinceColumn)) {
            report.skipped << t.name();
            report.doneTables << t.name();
            ++m_now.tablesDone;
            continue;
        }
        if (t.key.isEmpty())
            report.wholeTables << t.name();
        QStringList lower = report.currentTable == t.name() ? report.currentLower : QStringList();
        qint64 size = m_options.firstChunkRows;
        for (bool last = false; !last;) {
            if (cancelled()) {
                report.cancelled = true;
                return report;
            }
            if (auto th = throttle(); !th)
                return std::unexpected(th.error());
            QStringList upper;
            if (!t.key.isEmpty()) {
                auto b = m_workers[0]->run([&](ServerContext& ctx) -> Result<QStringList> {
                    auto zone = SnapshotChecksum::inUtc(*ctx.sql);
                    if (!zone)
                        return std::unexpected(zone.error());
                    const auto restore
                        = qScopeGuard([&] { SnapshotChecksum::restoreTimeZone(*ctx.sql, *zone); });
                    return t.boundaryAfter(ctx, lower, size);
                });
                if (!b)
                    return std::unexpected(b.error());
                upper = *b;
            }
            last = upper.isEmpty();
            qint64 rows[2] = { -1, -1 };
            QString why;
            qint64 ms = 0;
            const Verdict v = compareRange(t, lower, upper, rows, &why, &ms);
            if (cancelled()) {
                report.cancelled = true;
                return report;
            }
            ++report.chunks;
            if (v == Verdict::Inconclusive)
                report.notCompared
                    << QStringLiteral("%1 %2: %3")
                           .arg(t.name(), ChunkDifference { t.name(), t.key, lower, upper, {} }.rangeText(),
                               why);
            if (v == Verdict::Differs)
                report.differences << ChunkDifference { t.name(), t.key, lower, upper, { rows[0], rows[1] } };
            const qint64 n = qMax<qint64>(0, qMax(rows[0], rows[1]));
            report.rows += n;
            rowsThisRun += n;
            // the next chunk's size: the target time at this chunk's rate, never more than 4 times bigger
            if (ms > 0 && n > 0)
                size = qBound<qint64>(qMax<qint64>(100, size / 4),
                    qint64(double(size) * m_options.chunkSeconds * 1000.0 / double(ms)),
                    qMin<qint64>(1000000, size * 4));
            else
                size = qMin<qint64>(1000000, size * 4);
            lower = upper;
            report.currentTable = t.name();
            report.currentLower = lower;
            m_now.chunks = report.chunks;
            m_now.rows = report.rows;
            const double rate = double(rowsThisRun) / qMax<qint64>(1, clock.elapsed());
            m_now.secondsLeft
                = rate > 0 ? qMax<qint64>(0, m_now.estimatedRows - m_now.rows) / rate / 1000.0 : -1;
            if (m_progress)
                m_progress(m_now);
            if (!last && m_checkpoint)
                m_checkpoint(report);
        }
        report.doneTables << t.name();
        report.currentTable.clear();
        report.currentLower.clear();
        ++report.tablesCompared;
        ++m_now.tablesDone;
        if (m_checkpoint)
            m_checkpoint(report);
    }
    recordAgreement(report);
    return report;
}

Result<CompareReport> ChunkedCompare::runOnPair(const PairProfile& profile, const std::atomic_bool* cancel,
    std::function<void(const CompareProgress&)> progress)
{
    ServerWorker a(0, profile.servers[0]), b(1, profile.servers[1]);
    for (ServerWorker* w : { &a, &b })
        if (const auto c = w->run([](ServerContext& ctx) { return ctx.connect(); }); !c)
            return std::unexpected(c.error());
    ChunkedCompare compare(profile, &a, &b, cancel);
    if (progress)
        compare.setProgress(std::move(progress));
    return compare.run();
}

void ChunkedCompare::recordAgreement(const CompareReport& report) const
{
    // only a comparison of every replicated table, all of it, says the data are equal; any comparison that
    // found a difference says they differ
    const bool whole = m_options.tables.isEmpty() && m_options.sinceColumn.isEmpty()
        && report.notCompared.isEmpty() && report.skipped.isEmpty();
    if (report.differences.isEmpty() && !whole) {
        // some tables, each found equal all through: a table recorded as differing is the same now
        if (m_options.sinceColumn.isEmpty() && report.notCompared.isEmpty() && report.skipped.isEmpty()
            && !report.cancelled)
            (void)PairState::update(m_profile, [&](PairState& s) {
                for (const QString& t : report.doneTables)
                    s.markTableEqual(t, QStringLiteral("compare"));
            });
        return;
    }
    QStringList tables;
    for (const ChunkDifference& d : report.differences)
        if (!tables.contains(d.table))
            tables << d.table;
    const QString text = report.differences.isEmpty()
        ? ChunkedCompare::tr("%n table(s) compared, all equal", nullptr, report.tablesCompared)
        : ChunkedCompare::tr("%n range(s) differ", nullptr, int(report.differences.size()));
    const int differences = int(report.differences.size());
    // the state file is the pair's memory; a comparison that cannot write it still reports its result
    (void)PairState::update(
        m_profile, [&](PairState& s) { s.markCompared(differences, text, tables, whole); });
}
