#include "operation/writercontrol.h"

#include "common/sqlquote.h"
#include "common/stepid.h"
#include "host/serverworker.h"
#include "monitor/heartbeat.h"
#include "sql/replicastatus.h"

#include <QDeadlineTimer>
#include <QMap>
#include <QThread>

namespace {
/** More than the 100 ms InnoDB keeps information_schema.innodb_trx's cache while it is read. */
constexpr qint64 kInnodbTrxRefreshMs = 110;
} // namespace

bool WriterControl::hasSuperReadOnly(const ServerContext& ctx)
{
    return !ctx.dialect.isMariaDb() && ctx.dialect.version().atLeast(5, 7, 8);
}

Result<void> WriterControl::setReadOnly(ServerContext& ctx, bool on, int lockWaitSec)
{
    ctx.sql->setStep(StepId::SetReadOnly);
    // SET GLOBAL read_only waits for running statements and commits: bounded, never a year
    if (auto r
        = ctx.sql->exec(QStringLiteral("SET SESSION lock_wait_timeout = %1").arg(std::max(1, lockWaitSec)));
        !r)
        return r;
    QStringList statements;
    if (on) {
        statements << QStringLiteral("SET GLOBAL read_only = ON");
        if (hasSuperReadOnly(ctx))
            statements << QStringLiteral("SET GLOBAL super_read_only = ON");
    } else {
        if (hasSuperReadOnly(ctx))
            statements << QStringLiteral("SET GLOBAL super_read_only = OFF");
        statements << QStringLiteral("SET GLOBAL read_only = OFF");
    }
    for (const QString& s : statements)
        if (auto r = ctx.sql->exec(s); !r)
            return r;
    return {};
}

Result<WriterControl::WriteState> WriterControl::writeState(ServerContext& ctx)
{
    auto rows = ctx.sql->query(hasSuperReadOnly(ctx)
            ? QStringLiteral("SELECT @@GLOBAL.read_only AS ro, @@GLOBAL.super_read_only AS sro")
            : QStringLiteral("SELECT @@GLOBAL.read_only AS ro, 0 AS sro"));
    if (!rows)
        return std::unexpected(rows.error());
    const SqlRow row = rows->value(0);
    return WriteState { row.value(QStringLiteral("ro")).toInt() != 0,
        row.value(QStringLiteral("sro")).toInt() != 0 };
}

Result<QList<WriterControl::WriteTransaction>> WriterControl::writeTransactions(
    ServerContext& ctx, int minAgeSec)
{
    // InnoDB serves information_schema.innodb_trx from a cache it refreshes only when nobody read the table
    // for 100 ms (each read restarts that clock): read every 20 ms, it kept showing a transaction that had
    // long ended, for as long as the reads went on: the switch waited for it until --timeout and rolled back,
    // and the guard then refused on it. Spaced by more than that, every read is refreshed.
    if (ctx.innodbTrxRead.isValid() && ctx.innodbTrxRead.elapsed() < kInnodbTrxRefreshMs)
        QThread::msleep(quint64(kInnodbTrxRefreshMs - ctx.innodbTrxRead.elapsed()));
    // information_schema.processlist hides a thread whose client connection is closed: a transaction
    // without a row there is held by a server thread whose client has gone
    auto rows = ctx.sql->query(QStringLiteral(
        "SELECT t.trx_mysql_thread_id AS thread, TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) AS age, "
        "t.trx_rows_modified AS modified, t.trx_query AS query, "
        "CONCAT_WS(' ', p.USER, t.trx_state, p.COMMAND, p.STATE) AS user, "
        "(p.ID IS NULL) AS gone, "
        "(p.USER = 'system user' OR p.COMMAND IN ('Slave_SQL', 'Slave_worker', 'Slave_IO')) AS applier "
        "FROM information_schema.innodb_trx t "
        "LEFT JOIN information_schema.processlist p ON p.ID = t.trx_mysql_thread_id "
        "WHERE (t.trx_rows_modified > 0 OR t.trx_lock_structs > 0) "
        "AND t.trx_mysql_thread_id <> CONNECTION_ID() "
        "AND TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) >= %1 ORDER BY t.trx_started")
                                   .arg(std::max(0, minAgeSec)));
    ctx.innodbTrxRead.start();
    if (!rows)
        return std::unexpected(rows.error());
    QList<WriteTransaction> out;
    for (const SqlRow& r : *rows) {
        WriteTransaction t { r.value(QStringLiteral("thread")).toLongLong(),
            r.value(QStringLiteral("age")).toLongLong(), r.value(QStringLiteral("modified")).toLongLong(),
            r.value(QStringLiteral("user")).toString(), r.value(QStringLiteral("query")).toString() };
        t.applier = r.value(QStringLiteral("applier")).toInt() != 0;
        t.disconnected = r.value(QStringLiteral("gone")).toInt() != 0 && t.thread != 0;
        if (t.disconnected)
            t.user = tr("%1, its client disconnected").arg(t.user);
        out << t;
    }
    return out;
}

Result<QString> WriterControl::waitForWriteTransactions(ServerContext& ctx, int timeoutSec)
{
    ctx.sql->setStep(StepId::WaitTransactions);
    const QDeadlineTimer deadline(qint64(timeoutSec) * 1000);
    for (;;) {
        auto all = writeTransactions(ctx);
        if (!all)
            return std::unexpected(all.error());
        QList<WriteTransaction> open;
        for (const WriteTransaction& t : *all) {
            // a transaction that changed nothing cannot write under read_only: only its locks are held
            if (t.applier || t.rowsModified == 0)
                continue;
            open << t;
        }
        if (open.isEmpty())
            return QString();
        if (deadline.hasExpired()) {
            QStringList threads;
            for (const WriteTransaction& t : open)
                threads << tr("connection %1 (%2, open %3 s, %4 rows changed)")
                               .arg(t.thread)
                               .arg(t.user)
                               .arg(t.ageSec)
                               .arg(t.rowsModified);
            return stepFailure(ctx.profile.name, StepId::WaitTransactions,
                tr("write transactions still open after %1 s: %2")
                    .arg(timeoutSec)
                    .arg(threads.join(QStringLiteral("; "))));
        }
        QThread::msleep(20);
    }
}

Result<BinlogStatus> WriterControl::binlogEnd(ServerContext& ctx)
{
    ctx.sql->setStep(StepId::FinalPosition);
    return BinlogStatus::read(*ctx.sql, ctx.dialect);
}

Result<void> WriterControl::waitForApplied(ServerContext& ctx, const BinlogStatus& end, int timeoutSec)
{
    ctx.sql->setStep(StepId::WaitApplied);
    auto rows = ctx.sql->query(ctx.dialect.sourcePosWait(end.file, end.position, std::max(1, timeoutSec)));
    if (!rows)
        return std::unexpected(rows.error());
    const QVariant waited = rows->value(0).value(QStringLiteral("waited"));
    if (waited.isNull())
        return stepFailure(ctx.profile.name, StepId::WaitApplied,
            tr("its SQL thread is not running: it cannot apply %1:%2").arg(end.file).arg(end.position));
    if (waited.toLongLong() < 0)
        return stepFailure(ctx.profile.name, StepId::WaitApplied,
            tr("it did not apply its source's binary log up to %1:%2 within %3 s")
                .arg(end.file)
                .arg(end.position)
                .arg(timeoutSec));
    return {};
}

Result<void> WriterControl::waitForRelayLogDrained(ServerContext& ctx, int timeoutSec)
{
    ctx.sql->setStep(StepId::WaitApplied);
    const QDeadlineTimer deadline(qint64(timeoutSec) * 1000);
    for (;;) {
        auto status = ReplicaStatus::read(*ctx.sql, ctx.dialect);
        if (!status)
            return std::unexpected(status.error());
        if (!status->configured)
            return {};
        const bool drained = status->relaySourceLogFile == status->sourceLogFile
            && status->execSourceLogPos >= status->readSourceLogPos;
        if (drained)
            return {};
        if (!status->sqlRunning)
            return stepFailure(ctx.profile.name, StepId::WaitApplied,
                tr("its SQL thread is stopped with received transactions not applied (%1:%2 of %3:%4): %5")
                    .arg(status->relaySourceLogFile)
                    .arg(status->execSourceLogPos)
                    .arg(status->sourceLogFile)
                    .arg(status->readSourceLogPos)
                    .arg(status->lastError()));
        if (deadline.hasExpired())
            return stepFailure(ctx.profile.name, StepId::WaitApplied,
                tr("it did not apply what it received within %1 s (at %2:%3 of %4:%5)")
                    .arg(timeoutSec)
                    .arg(status->relaySourceLogFile)
                    .arg(status->execSourceLogPos)
                    .arg(status->sourceLogFile)
                    .arg(status->readSourceLogPos));
        QThread::msleep(50);
    }
}

Result<WriterControl::BeatPosition> WriterControl::writeBeat(ServerContext& ctx, const QString& database)
{
    if (auto made = Heartbeat::ensureTable(*ctx.sql, database); !made)
        return std::unexpected(made.error());
    auto id = ctx.sql->scalar(QStringLiteral("SELECT @@server_id"));
    if (!id)
        return std::unexpected(id.error());
    const SqlSession::Results r
        = ctx.sql->queryResults(QStringLiteral("USE ") + SqlQuote::identifier(database) + QStringLiteral("; ")
            + Heartbeat::beatStatement(ctx.dialect, id->toLongLong(), QStringLiteral("switchover"))
            + QStringLiteral("; ") + ctx.dialect.beatPositionQuery());
    if (r.error)
        return std::unexpected(*r.error);
    BeatPosition beat;
    const QList<SqlRow> position = r.rows.value(2);
    if (ctx.dialect.beatsByGtid()) {
        beat.gtid = position.value(0).value(QStringLiteral("beat_gtid")).toString();
    } else if (const std::optional<BinlogStatus> end = BinlogStatus::fromRows(position)) {
        beat.file = end->file;
        beat.pos = end->position;
    }
    if (beat.gtid.isEmpty() && beat.file.isEmpty())
        return stepFailure(
            ctx.profile.name, StepId::Heartbeat, tr("the binary log is off: a beat cannot be followed"));
    return beat;
}

Result<bool> WriterControl::waitForBeat(ServerContext& ctx, const BeatPosition& beat, int timeoutSec)
{
    auto rows = ctx.sql->query(
        ctx.dialect.replicaWaitForBeat(beat.gtid, beat.file, beat.pos, std::max(1, timeoutSec)));
    if (!rows)
        return std::unexpected(rows.error());
    const SqlRow row = rows->value(0);
    if (row.value(QStringLiteral("already")).toLongLong() == 0 && row.contains(QStringLiteral("already")))
        return true;
    const QVariant waited = row.value(QStringLiteral("waited"));
    return !waited.isNull() && waited.toLongLong() >= 0;
}

QStringList WriterControl::ownTransactionsMissing(
    const QString& ownState, const QString& self, const QString& domain, const QString& peerState)
{
    QStringList missing;
    if (ownState.contains(QLatin1Char(':'))) {
        // MySQL: uuid:1-5 sets; the caller subtracts on the server (GTID_SUBTRACT), this only keeps ours
        for (const QString& part : ownState.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (part.trimmed().startsWith(self, Qt::CaseInsensitive))
                missing << part.trimmed();
        return missing;
    }
    // MariaDB: domain-server-seq, the last of each (domain, server) pair
    QMap<QString, qint64> peer;
    for (const QString& g : peerState.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList f = g.trimmed().split(QLatin1Char('-'));
        if (f.size() == 3)
            peer[f[0] + QLatin1Char('-') + f[1]]
                = std::max(peer.value(f[0] + QLatin1Char('-') + f[1]), f[2].toLongLong());
    }
    for (const QString& g : ownState.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList f = g.trimmed().split(QLatin1Char('-'));
        if (f.size() != 3 || f[1] != self || (!domain.isEmpty() && f[0] != domain))
            continue;
        if (peer.value(f[0] + QLatin1Char('-') + f[1], -1) < f[2].toLongLong())
            missing << g.trimmed();
    }
    return missing;
}
