#include "actions/replicarepair.h"

#include "operation/pairstate.h"

#include "common/stepid.h"
#include "sql/replicastatus.h"

#include <QCoreApplication>

Result<FailingEvent> ReplicaRepair::failingEvent(ServerContext& ctx)
{
    SqlSession& sql = *ctx.sql;
    sql.setStep(StepId::FailingEvent);
    auto status = ReplicaStatus::read(sql, ctx.dialect);
    if (!status)
        return std::unexpected(status.error());
    if (!status->configured)
        return stepFailure(
            ctx.profile.name, StepId::FailingEvent, ReplicaRepair::tr("this server is not a replica"));
    FailingEvent e;
    e.errorCode = status->lastSqlErrno;
    e.errorText = status->lastSqlError;
    if (e.errorCode == 0)
        return stepFailure(ctx.profile.name, StepId::FailingEvent,
            ReplicaRepair::tr("the SQL thread has no error: there is nothing to skip"));
    const QString file = status->relayLogFile;
    const qint64 pos = status->relayLogPos;
    e.token = QStringLiteral("%1:%2").arg(file).arg(pos);
    auto events = sql.query(QStringLiteral("SHOW RELAYLOG EVENTS IN %1 FROM %2 LIMIT 12")
                                .arg(ctx.dialect.literal(file))
                                .arg(pos));
    if (!events)
        return std::unexpected(events.error());
    for (const SqlRow& ev : *events) {
        const QString type = ev.value(QStringLiteral("Event_type")).toString();
        e.events << QStringLiteral("%1 %2 server_id %3: %4")
                        .arg(ev.value(QStringLiteral("Pos")).toString(), type,
                            ev.value(QStringLiteral("Server_id")).toString(),
                            ev.value(QStringLiteral("Info")).toString());
        if (type == QLatin1String("Xid")
            || (type == QLatin1String("Query")
                && ev.value(QStringLiteral("Info")).toString() == QLatin1String("COMMIT")))
            break; // the end of the group that failed
    }
    return e;
}

Result<QString> ReplicaRepair::skipConfirmedEvent(ServerContext& ctx, const QString& confirmedToken)
{
    auto current = failingEvent(ctx);
    if (!current)
        return std::unexpected(current.error());
    if (current->token != confirmedToken)
        return stepFailure(ctx.profile.name, StepId::SkipEvent,
            ReplicaRepair::tr("the failing event is now %1, not the %2 you confirmed: look at it again first")
                .arg(current->token, confirmedToken));
    const Dialect& d = ctx.dialect;
    SqlSession& sql = *ctx.sql;
    if (!d.isMariaDb()) {
        auto autoPos = ReplicaStatus::read(sql, d);
        if (autoPos && autoPos->usingGtid)
            return stepFailure(ctx.profile.name, StepId::SkipEvent,
                ReplicaRepair::tr(
                    "with GTID auto-positioning MySQL skips a transaction only by committing an empty one "
                    "with its GTID; "
                    "do that by hand (SET GTID_NEXT='<gtid>'; BEGIN; COMMIT; SET GTID_NEXT='AUTOMATIC')"));
    }
    sql.setStep(StepId::SkipEvent);
    const QString skipVar = (!d.isMariaDb() && d.version().atLeast(8, 0, 26))
        ? QStringLiteral("sql_replica_skip_counter")
        : QStringLiteral("sql_slave_skip_counter");
    if (auto r = sql.exec(d.stopReplica()); !r)
        return std::unexpected(r.error());
    if (auto r = sql.exec(QStringLiteral("SET GLOBAL %1 = 1").arg(skipVar)); !r)
        return std::unexpected(r.error());
    if (auto r = sql.exec(d.startReplica()); !r)
        return std::unexpected(r.error());
    return ReplicaRepair::tr("skipped the event group at %1 (error %2) and started replication again; the "
                             "data it would have changed "
                             "now differs between the servers: compare them")
        .arg(current->token)
        .arg(current->errorCode);
}

void ReplicaRepair::recordSkip(const PairProfile& profile, const QString& server, const QString& token)
{
    const QString text = ReplicaRepair::tr("an event was skipped on %1 (%2)").arg(server, token);
    // the skip is done; a state file that cannot be written is said by the next status, not here
    (void)PairState::update(profile, [&](PairState& s) { s.markUnverified(QStringLiteral("skip"), text); });
}
