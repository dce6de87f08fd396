#include "replication/replicastartpoint.h"

#include "common/stepid.h"
#include "sql/binlogstatus.h"

#include <QRegularExpression>

namespace {
Result<BinlogCoordinates> status(ServerContext& ctx)
{
    auto status = BinlogStatus::read(*ctx.sql, ctx.dialect);
    if (!status)
        return std::unexpected(status.error());
    BinlogCoordinates c;
    c.file = status->file;
    c.position = status->position;
    c.gtid = status->executedGtidSet; // MySQL's, in the same row: consistent with the position
    return c;
}

Result<QString> mariaDbGtidAt(ServerContext& ctx, const QString& file, qint64 pos)
{
    auto g = ctx.sql->scalar(ctx.dialect.gtidPositionAt(file, pos));
    if (!g)
        return std::unexpected(g.error());
    return g->toString();
}
} // namespace

Result<BinlogCoordinates> ReplicaStartPoint::now(ServerContext& ctx)
{
    ctx.sql->setStep(StepId::Coordinates);
    auto c = status(ctx);
    if (!c || !ctx.dialect.isMariaDb())
        return c;
    auto gtid = mariaDbGtidAt(ctx, c->file, c->position);
    if (!gtid)
        return std::unexpected(gtid.error());
    c->gtid = *gtid;
    return c;
}

Result<BinlogCoordinates> ReplicaStartPoint::startOfCurrentFile(ServerContext& ctx)
{
    ctx.sql->setStep(StepId::Coordinates);
    auto c = status(ctx);
    if (!c)
        return c;
    c->position = 4;
    c->gtid.clear();
    if (ctx.dialect.isMariaDb()) {
        auto gtid = mariaDbGtidAt(ctx, c->file, 4);
        if (!gtid)
            return std::unexpected(gtid.error());
        c->gtid = *gtid;
    } else if (ctx.dialect.supportsGtid()) {
        // the file's Previous_gtids event: everything executed before it began
        auto events = ctx.sql->query(
            QStringLiteral("SHOW BINLOG EVENTS IN %1 LIMIT 3").arg(ctx.dialect.literal(c->file)));
        if (!events)
            return std::unexpected(events.error());
        for (const SqlRow& e : *events)
            if (e.value(QStringLiteral("Event_type")).toString() == QLatin1String("Previous_gtids"))
                c->gtid = e.value(QStringLiteral("Info")).toString().simplified().remove(QLatin1Char(' '));
    }
    return c;
}

QString ReplicaStartPoint::gtidsBefore(
    const QString& previous, const QList<QVariantMap>& events, qint64 upTo, bool* reachedEnd)
{
    // intervals per source (uuid, or uuid:tag on 8.3+), in the order the events came
    QStringList order;
    QMap<QString, QList<QPair<qint64, qint64>>> intervals;
    QString prev = previous.simplified().remove(QLatin1Char(' '));
    static const QRegularExpression gtidNext(QStringLiteral("GTID_NEXT\\s*=\\s*'([^']+):(\\d+)'"));
    for (const QVariantMap& e : events) {
        if (e.value(QStringLiteral("Pos")).toLongLong() >= upTo) {
            if (reachedEnd)
                *reachedEnd = true;
            break;
        }
        const QString type = e.value(QStringLiteral("Event_type")).toString();
        const QString info = e.value(QStringLiteral("Info")).toString();
        if (type == QLatin1String("Previous_gtids")) {
            prev = info.simplified().remove(QLatin1Char(' '));
            continue;
        }
        if (type != QLatin1String("Gtid"))
            continue;
        const auto m = gtidNext.match(info);
        if (!m.hasMatch())
            continue;
        const QString source = m.captured(1);
        const qint64 n = m.captured(2).toLongLong();
        auto& list = intervals[source];
        if (list.isEmpty())
            order << source;
        if (!list.isEmpty() && list.last().second + 1 == n)
            list.last().second = n;
        else
            list.append({ n, n });
    }
    QStringList parts;
    if (!prev.isEmpty())
        parts << prev;
    for (const QString& source : order) {
        QString part = source;
        for (const auto& [a, b] : intervals.value(source))
            part += a == b ? QStringLiteral(":%1").arg(a) : QStringLiteral(":%1-%2").arg(a).arg(b);
        parts << part;
    }
    return parts.join(QLatin1Char(','));
}

Result<QString> ReplicaStartPoint::gtidSetAt(ServerContext& ctx, const BinlogCoordinates& at)
{
    ctx.sql->setStep(StepId::Coordinates);
    const Dialect& d = ctx.dialect;
    if (d.isMariaDb() || !d.supportsGtid())
        return QString();
    auto mode = ctx.sql->scalar(QStringLiteral("SELECT @@GLOBAL.gtid_mode"));
    if (!mode)
        return std::unexpected(mode.error());
    if (mode->toString().compare(QLatin1String("ON"), Qt::CaseInsensitive) != 0)
        return QString();
    // the file from its start up to the position, a page at a time (each from the end of the last)
    constexpr int page = 5000;
    QString set;
    qint64 from = 4;
    for (;;) {
        auto events = ctx.sql->query(d.binlogEvents(at.file, from, page));
        if (!events)
            return std::unexpected(events.error());
        bool end = false;
        set = gtidsBefore(set, *events, at.position, &end);
        if (end || events->size() < page)
            break;
        from = events->last().value(QStringLiteral("End_log_pos")).toLongLong();
    }
    if (set.isEmpty())
        return set;
    // the server merges the set into its canonical form
    auto merged = ctx.sql->scalar(QStringLiteral("SELECT GTID_SUBTRACT(%1, '') AS g").arg(d.literal(set)));
    if (!merged)
        return std::unexpected(merged.error());
    return merged->toString().simplified().remove(QLatin1Char(' '));
}

PlannedStart::Rule ReplicaStartPoint::rule(bool copy, bool readAtInspection, bool restartTurnsLogOn)
{
    if (copy)
        return PlannedStart::Rule::Copy;
    if (readAtInspection)
        return PlannedStart::Rule::Inspection;
    if (restartTurnsLogOn)
        return PlannedStart::Rule::RestartedLog;
    return PlannedStart::Rule::ReadLock;
}

bool ReplicaStartPoint::reached(
    const QString& executedFile, qint64 executedPos, const BinlogCoordinates& target)
{
    // binary log file names of one server sort in the order they were written (fixed-width sequence)
    if (executedFile != target.file)
        return executedFile > target.file;
    return executedPos >= target.position;
}
