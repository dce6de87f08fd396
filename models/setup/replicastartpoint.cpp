#include "setup/replicastartpoint.h"

#include "common/stepid.h"
#include "sql/binlogstatus.h"

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
    auto g = ctx.sql->scalar(
        QStringLiteral("SELECT BINLOG_GTID_POS(%1, %2)").arg(ctx.dialect.literal(file)).arg(pos));
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
