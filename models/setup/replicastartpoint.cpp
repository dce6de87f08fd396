#include "setup/replicastartpoint.h"

namespace {
Result<BinlogCoordinates> status(ServerContext& ctx)
{
    SqlSession& sql = *ctx.sql;
    auto rows = sql.query(ctx.dialect.showBinlogStatus());
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return stepFailure(ctx.profile.name, StepId::Coordinates,
            ReplicaStartPoint::tr("the binary log is off: %1 returned nothing")
                .arg(ctx.dialect.showBinlogStatus()));
    BinlogCoordinates c;
    c.file = rows->first().value(QStringLiteral("File")).toString();
    c.position = rows->first().value(QStringLiteral("Position")).toLongLong();
    // MySQL reports the executed GTID set in the same row, consistent with the position
    c.gtid = rows->first()
                 .value(QStringLiteral("Executed_Gtid_Set"))
                 .toString()
                 .simplified()
                 .remove(QLatin1Char(' '));
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

bool ReplicaStartPoint::reached(
    const QString& executedFile, qint64 executedPos, const BinlogCoordinates& target)
{
    // binary log file names of one server sort in the order they were written (fixed-width sequence)
    if (executedFile != target.file)
        return executedFile > target.file;
    return executedPos >= target.position;
}
