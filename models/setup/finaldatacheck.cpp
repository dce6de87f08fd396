#include "setup/finaldatacheck.h"

#include "common/stepid.h"
#include "host/serverworker.h"
#include "replication/replicastartpoint.h"
#include "setup/snapshotchecksum.h"
#include "sql/replicastatus.h"

#include <QDateTime>
#include <QScopeGuard>
#include <QThread>
#include <algorithm>

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/** What the replica saw of one comparison. */
struct ReplicaSide
{
    SnapshotChecksum::Mark beforeUntil, stopped, afterSums;
    SnapshotChecksum::Sums sums;
    QString execFile;
    qint64 execPos = 0;
    bool equivalent = false; ///< stopped short of the point, but holding every transaction up to it
    QString failure; ///< why it did not get there (the marks say whether its own writes were the cause)
};

/** Waits (MASTER_POS_WAIT) until this replica has executed its source's binary log up to @p file:@p pos:
 *  true when it has, false with @p why when its SQL thread stopped or time ran out. */
Result<bool> waitExecuted(ServerContext& ctx, const QString& file, qint64 pos, int seconds, QString* why)
{
    auto waited = ctx.sql->scalar(ctx.dialect.sourcePosWait(file, pos, seconds));
    if (!waited)
        return std::unexpected(waited.error());
    if (!waited->isNull() && waited->toLongLong() >= 0)
        return true;
    auto st = ReplicaStatus::read(*ctx.sql, ctx.dialect);
    if (!st)
        return std::unexpected(st.error());
    BinlogCoordinates target;
    target.file = file;
    target.position = pos;
    // the SQL thread may have stopped by itself at exactly that point (START … UNTIL)
    if (ReplicaStartPoint::reached(st->relaySourceLogFile, st->execSourceLogPos, target))
        return true;
    *why = waited->isNull()
        ? FinalDataCheck::tr("its SQL thread is not running%1")
              .arg(st->lastSqlError.isEmpty() ? QString() : QStringLiteral(": ") + st->lastSqlError)
        : FinalDataCheck::tr("it had executed %1:%2 of %3:%4 after %5 s")
              .arg(st->relaySourceLogFile)
              .arg(st->execSourceLogPos)
              .arg(file)
              .arg(pos)
              .arg(seconds);
    return false;
}
} // namespace

FinalDataCheck::FinalDataCheck(
    const PairProfile& profile, ServerWorker* a, ServerWorker* b, const std::atomic_bool* cancel)
    : m_profile(profile)
    , m_workers { a, b }
    , m_cancel(cancel)
{
    m_sourceRead = m_replicaRead
        = [profile](ServerContext& ctx) { return SnapshotChecksum::tables(ctx, profile); };
}

void FinalDataCheck::setReads(Read source, Read replica)
{
    m_sourceRead = std::move(source);
    m_replicaRead = std::move(replica);
}

void FinalDataCheck::setFirstSource(int source, bool only)
{
    m_firstSource = source;
    m_onlyFirst = only;
}

int FinalDataCheck::secondsLeft(qint64 deadline)
{
    // below the admin session's 30 s read timeout: a wait never looks like a lost connection
    return int(std::clamp<qint64>((deadline - nowMs() + 999) / 1000, 1, 20));
}

bool FinalDataCheck::stopped() const
{
    return m_cancel && m_cancel->load();
}

FinalDataCheck::Outcome FinalDataCheck::compareDirection(int s, int r, qint64 deadline)
{
    const QString sName = m_profile.servers[s].name, rName = m_profile.servers[r].name;
    Outcome out;
    out.source = s;
    auto notCompared = [&](const QString& why) {
        out.verdict = Verdict::Inconclusive;
        out.text = FinalDataCheck::tr("%1 → %2: %3").arg(sName, rName, why);
        return out;
    };
    // (a) the replica's SQL thread stops; from here its binary log moves only with writes of its own
    bool stoppedByUs = false;
    auto q = m_workers[r]->run([&stoppedByUs](ServerContext& ctx) -> Result<SnapshotChecksum::Mark> {
        ctx.sql->setStep(StepId::VerifyData);
        auto st = ReplicaStatus::read(*ctx.sql, ctx.dialect);
        if (!st)
            return std::unexpected(st.error());
        if (!st->sqlRunning)
            return stepFailure(ctx.profile.name, StepId::VerifyData,
                FinalDataCheck::tr("the SQL thread of %1 is not running%2")
                    .arg(ctx.profile.name,
                        st->lastSqlError.isEmpty() ? QString() : QStringLiteral(": ") + st->lastSqlError));
        if (auto stop = ctx.sql->exec(ctx.dialect.stopReplicaSqlThread()); !stop)
            return std::unexpected(stop.error());
        stoppedByUs = true;
        return SnapshotChecksum::mark(ctx);
    });
    // (d) whatever happens below, the replica's SQL thread runs again (an UNTIL still pending is dropped)
    const auto restart = qScopeGuard([&] {
        if (!stoppedByUs)
            return;
        QString statement;
        const Result<void> started = m_workers[r]->run([&statement](ServerContext& ctx) {
            statement = ctx.dialect.startReplicaSqlThread();
            auto once = [&ctx] {
                ctx.sql->exec(ctx.dialect.stopReplicaSqlThread());
                return ctx.sql->exec(ctx.dialect.startReplicaSqlThread());
            };
            Result<void> r = once();
            if (!r && ctx.connect()) // a lost session: a new one, once
                r = once();
            return r;
        });
        if (!started)
            m_restartFailed = StepError { rName, StepId::VerifyData, started.error().code,
                FinalDataCheck::tr(
                    "the SQL thread of %1 could not be started again after the data check: %2. "
                    "Start it by hand: %3")
                    .arg(rName, started.error().text, statement) };
    });
    if (!q)
        return notCompared(q.error().text);
    // (b) the source applies everything the replica has written, so its snapshot holds all of it
    QString why;
    auto caughtUp = m_workers[s]->run([&](ServerContext& ctx) {
        return waitExecuted(ctx, q->file, q->position, secondsLeft(deadline), &why);
    });
    if (!caughtUp)
        return notCompared(caughtUp.error().text);
    if (!*caughtUp)
        return notCompared(
            FinalDataCheck::tr("%1 had not applied what %2 had written: %3").arg(sName, rName, why));
    if (stopped())
        return notCompared(FinalDataCheck::tr("cancelled"));
    // (c) the source's snapshot and the position it matches
    auto at = m_workers[s]->run([](ServerContext& ctx) { return SnapshotChecksum::openSnapshot(ctx); });
    if (!at)
        return notCompared(at.error().text);
    // the source's tables inside its snapshot, while the replica runs up to exactly that point
    auto sourceSums = m_workers[s]->submit([read = m_sourceRead](ServerContext& ctx) {
        auto sums = read(ctx);
        SnapshotChecksum::closeSnapshot(ctx);
        return sums;
    });
    const BinlogCoordinates p = *at;
    auto replica = m_workers[r]->run([&](ServerContext& ctx) -> Result<ReplicaSide> {
        ReplicaSide side;
        auto before = SnapshotChecksum::mark(ctx);
        if (!before)
            return std::unexpected(before.error());
        side.beforeUntil = *before;
        if (auto until = ctx.sql->exec(ctx.dialect.startReplicaSqlThreadUntil(p.file, p.position)); !until)
            return std::unexpected(until.error());
        auto reached = waitExecuted(ctx, p.file, p.position, secondsLeft(deadline), &why);
        if (!reached)
            return std::unexpected(reached.error());
        if (!*reached) {
            // its IO thread leaves the replica's own transactions out, so its SQL thread may stop before
            // them: short of the point by positions, and yet holding every transaction up to it
            auto st = ReplicaStatus::read(*ctx.sql, ctx.dialect);
            if (st && !st->sqlRunning && st->lastSqlErrno == 0 && !p.gtid.isEmpty()) {
                auto holds = SnapshotChecksum::holdsGtids(ctx, p.gtid);
                side.equivalent = holds && *holds;
            }
            if (!side.equivalent) {
                side.failure = FinalDataCheck::tr("%1 did not reach %2:%3: %4")
                                   .arg(ctx.profile.name, p.file)
                                   .arg(p.position)
                                   .arg(why);
                if (auto now = SnapshotChecksum::mark(ctx))
                    side.afterSums = *now;
                return side;
            }
        }
        // START … UNTIL stops the thread by itself once there, within a millisecond or two of the position:
        // wait for that, polling soon at first (each chunk of compare waits here once)
        for (int i = 0, pauseMs = 1; i < 100; ++i, pauseMs = qMin(20, pauseMs * 2)) {
            auto st = ReplicaStatus::read(*ctx.sql, ctx.dialect);
            if (!st)
                return std::unexpected(st.error());
            side.execFile = st->relaySourceLogFile;
            side.execPos = st->execSourceLogPos;
            if (!st->sqlRunning)
                break;
            QThread::msleep(pauseMs);
        }
        auto stoppedMark = SnapshotChecksum::mark(ctx);
        if (!stoppedMark)
            return std::unexpected(stoppedMark.error());
        side.stopped = *stoppedMark;
        auto sums = m_replicaRead(ctx);
        if (!sums)
            return std::unexpected(sums.error());
        side.sums = *sums;
        auto after = SnapshotChecksum::mark(ctx);
        if (!after)
            return std::unexpected(after.error());
        side.afterSums = *after;
        return side;
    });
    sourceSums.waitForFinished();
    const Result<SnapshotChecksum::Sums> sSums = sourceSums.result();
    if (!sSums)
        return notCompared(sSums.error().text);
    if (!replica)
        return notCompared(replica.error().text);
    const ReplicaSide& rs = *replica;
    const bool ownWrites = !rs.afterSums.file.isEmpty() && rs.afterSums.own != q->own;
    if (!rs.failure.isEmpty())
        return notCompared(ownWrites
                ? FinalDataCheck::tr("%1 took writes of its own during the check").arg(rName)
                : rs.failure);
    if (!rs.equivalent && (rs.execFile != p.file || rs.execPos != p.position))
        return notCompared(FinalDataCheck::tr("%1 stopped at %2:%3, not at the snapshot's %4:%5")
                               .arg(rName, rs.execFile)
                               .arg(rs.execPos)
                               .arg(p.file)
                               .arg(p.position));
    // writes of the replica's own would make the two sides differ without any fault: no verdict then
    if (!rs.beforeUntil.samePosition(*q) || !rs.stopped.samePosition(rs.afterSums) || ownWrites)
        return notCompared(FinalDataCheck::tr("%1 took writes of its own during the check").arg(rName));
    out.sourceSums = *sSums;
    out.replicaSums = rs.sums;
    QStringList keys = sSums->keys() + rs.sums.keys();
    keys.removeDuplicates();
    keys.sort();
    out.compared = int(keys.size());
    QStringList details;
    int more[2] = { 0, 0 };
    for (const QString& k : keys) {
        if (sSums->contains(k) && rs.sums.contains(k) && sSums->value(k) == rs.sums.value(k))
            continue;
        out.tables << k;
        const qint64 sRows = sSums->value(k).section(QLatin1Char(':'), 0, 0).toLongLong(),
                     rRows = rs.sums.value(k).section(QLatin1Char(':'), 0, 0).toLongLong();
        more[0] += sRows > rRows;
        more[1] += rRows > sRows;
        // "rows: A 1, B 0" reads right for any count, with no plural form to choose
        if (!sSums->contains(k) || !rs.sums.contains(k)) {
            const bool onSource = sSums->contains(k);
            details << FinalDataCheck::tr("%1 (only on %2, rows: %3)")
                           .arg(k, onSource ? sName : rName)
                           .arg(onSource ? sRows : rRows);
        } else
            details << FinalDataCheck::tr("%1 (rows: %2 %3, %4 %5)")
                           .arg(k, sName)
                           .arg(sRows)
                           .arg(rName)
                           .arg(rRows);
    }
    if (more[0] == out.tables.size() && more[0] > 0)
        out.moreRows = s;
    else if (more[1] == out.tables.size() && more[1] > 0)
        out.moreRows = r;
    out.verdict = out.tables.isEmpty() ? Verdict::Equal : Verdict::Differs;
    out.text = details.join(QStringLiteral(", "));
    return out;
}

FinalDataCheck::Outcome FinalDataCheck::run(int timeoutMs, int rounds)
{
    const qint64 deadline = nowMs() + timeoutMs;
    QStringList why;
    for (int round = 0; round < rounds; ++round) {
        for (int k = 0; k < (m_onlyFirst ? 1 : 2); ++k) {
            const int s = k ^ m_firstSource;
            Outcome o = compareDirection(s, 1 - s, deadline);
            if (m_restartFailed) {
                o.verdict = Verdict::Inconclusive;
                o.restartFailed = m_restartFailed;
                o.text = m_restartFailed->text;
                return o;
            }
            const QString sName = m_profile.servers[s].name, rName = m_profile.servers[1 - s].name;
            if (o.verdict == Verdict::Equal) {
                o.text = o.compared == 0
                    ? FinalDataCheck::tr("no table in the replicated databases yet: no data to compare")
                    : FinalDataCheck::tr("the replicated data is the same on both: %n table(s) compared at "
                                         "one point of %1's binary log (%2 stopped at that point, %1 read "
                                         "in a consistent snapshot)",
                        nullptr, o.compared)
                          .arg(sName, rName);
                return o;
            }
            if (o.verdict == Verdict::Differs) {
                o.text = FinalDataCheck::tr("the replicated data differs in %n table(s): %1 (at one point of "
                                            "%2's binary log, %3 stopped at that point)",
                    nullptr, int(o.tables.size()))
                             .arg(o.text, sName, rName);
                return o;
            }
            if (!why.contains(o.text))
                why << o.text;
            if (nowMs() > deadline || stopped())
                break;
        }
        if (nowMs() > deadline || stopped())
            break;
    }
    Outcome out;
    out.text = FinalDataCheck::tr("the data could not be compared: %1").arg(why.join(QStringLiteral("; ")));
    return out;
}
