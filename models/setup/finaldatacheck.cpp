#include "setup/finaldatacheck.h"

#include "actions/datacomparison.h"
#include "host/serverworker.h"
#include "setup/replicastartpoint.h"
#include "sql/replicastatus.h"

#include <QDateTime>
#include <QThread>

namespace {
template<typename F> auto onWorker(ServerWorker* w, F fn)
{
    auto f = w->submit(std::move(fn));
    f.waitForFinished();
    return f.result();
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

FinalDataCheck::FinalDataCheck(
    const PairProfile& profile, ServerWorker* a, ServerWorker* b, const std::atomic_bool* cancel)
    : m_profile(profile)
    , m_workers { a, b }
    , m_cancel(cancel)
{ }

bool FinalDataCheck::waitCaughtUp(int j, const QString& file, qint64 pos, qint64 deadline, QString* why)
{
    BinlogCoordinates target;
    target.file = file;
    target.position = pos;
    for (;;) {
        auto st = onWorker(m_workers[j], [](ServerContext& ctx) -> Result<ReplicaStatus> {
            auto rows = ctx.sql->query(ctx.dialect.showReplicaStatus());
            if (!rows)
                return std::unexpected(rows.error());
            return ReplicaStatus::fromRow(rows->value(0));
        });
        if (!st) {
            *why = st.error().text;
            return false;
        }
        if (!st->sqlRunning) {
            *why = FinalDataCheck::tr("the SQL thread of %1 is not running%2")
                       .arg(m_profile.servers[j].name,
                           st->lastSqlError.isEmpty() ? QString() : QStringLiteral(": ") + st->lastSqlError);
            return false;
        }
        if (ReplicaStartPoint::reached(st->relaySourceLogFile, st->execSourceLogPos, target))
            return true;
        if (nowMs() > deadline || (m_cancel && m_cancel->load())) {
            *why = FinalDataCheck::tr("%1 had not caught up with %2 (executed %3:%4 of %5:%6)")
                       .arg(m_profile.servers[j].name, m_profile.servers[1 - j].name, st->relaySourceLogFile)
                       .arg(st->execSourceLogPos)
                       .arg(file)
                       .arg(pos);
            return false;
        }
        QThread::msleep(100);
    }
}

FinalDataCheck::Outcome FinalDataCheck::run(int timeoutMs, int rounds)
{
    Outcome out;
    const qint64 deadline = nowMs() + timeoutMs;
    QString moved;
    for (int round = 0; round < rounds; ++round) {
        BinlogCoordinates before[2];
        for (int i = 0; i < 2; ++i) {
            auto c = onWorker(m_workers[i], [](ServerContext& ctx) { return ReplicaStartPoint::now(ctx); });
            if (!c) {
                out.text = FinalDataCheck::tr("the data could not be compared: %1").arg(c.error().text);
                return out;
            }
            before[i] = *c;
        }
        for (int j = 0; j < 2; ++j) {
            QString why;
            if (!waitCaughtUp(j, before[1 - j].file, before[1 - j].position, deadline, &why)) {
                out.text = FinalDataCheck::tr("the data could not be compared: %1").arg(why);
                return out;
            }
        }
        auto diffs = DataComparison::compare(m_profile, m_workers[0], m_workers[1], &out.compared);
        if (!diffs) {
            out.text = FinalDataCheck::tr("the data could not be compared: %1").arg(diffs.error().text);
            return out;
        }
        // a table found equal in any round was equal at that moment: only tables that differed in every
        // round stay in question
        QStringList differing;
        for (const TableDifference& d : *diffs)
            differing << d.database + QLatin1Char('.') + d.table;
        if (round == 0)
            out.tables = differing;
        else
            out.tables.removeIf([&](const QString& t) { return !differing.contains(t); });
        if (out.compared == 0) {
            out.verdict = Verdict::Equal; // nothing differs because there is nothing: said as such
            out.text = FinalDataCheck::tr("no table in the replicated databases yet: no data to compare");
            return out;
        }
        if (out.tables.isEmpty()) {
            out.verdict = Verdict::Equal;
            out.text = FinalDataCheck::tr("the replicated data is the same on both: %n table(s) compared "
                                          "(CHECKSUM TABLE) once both had caught up",
                nullptr, out.compared);
            return out;
        }
        // differences count only when nothing was written while the tables were read
        moved.clear();
        for (int i = 0; i < 2; ++i) {
            auto c = onWorker(m_workers[i], [](ServerContext& ctx) { return ReplicaStartPoint::now(ctx); });
            if (c && (c->file != before[i].file || c->position != before[i].position))
                moved += (moved.isEmpty() ? QString() : QStringLiteral(", ")) + m_profile.servers[i].name;
        }
        if (moved.isEmpty()) {
            out.verdict = Verdict::Differs;
            out.text = FinalDataCheck::tr(
                "the replicated data differs in %n table(s) although both had caught up: %1", nullptr,
                int(out.tables.size()))
                           .arg(out.tables.join(QStringLiteral(", ")));
            return out;
        }
        if (nowMs() > deadline || (m_cancel && m_cancel->load()))
            break;
        QThread::msleep(300);
    }
    out.verdict = Verdict::Inconclusive;
    out.text
        = FinalDataCheck::tr("the data could not be compared: writes kept arriving on %1 while the tables "
                             "were read (%2 differed at the last try); compare later with "
                             "\"replipair-cli compare\"")
              .arg(moved, out.tables.join(QStringLiteral(", ")));
    return out;
}
