#include "operation/switchoverguards.h"

#include "common/stepid.h"
#include "host/serverworker.h"
#include "operation/pairstate.h"
#include "operation/writercontrol.h"
#include "sql/replicastatus.h"

namespace {
/** The column names of SHOW SLAVE/REPLICA STATUS that hold the replica's filters (the same in all
 *  dialects), and the binary log's own. */
const QStringList kFilterColumns { QStringLiteral("Replicate_Do_DB"), QStringLiteral("Replicate_Ignore_DB"),
    QStringLiteral("Replicate_Do_Table"), QStringLiteral("Replicate_Ignore_Table"),
    QStringLiteral("Replicate_Wild_Do_Table"), QStringLiteral("Replicate_Wild_Ignore_Table") };

QString normalisedList(const QString& value)
{
    QStringList parts;
    for (const QString& p : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
        parts << p.trimmed();
    parts.sort();
    return parts.join(QLatin1Char(','));
}

/** Whether a failed connection says that nothing answers at the server's address (refused, timed out,
 *  unknown host, lost before the greeting). A refused login, an unreadable password file or a failed TLS
 *  handshake say nothing of the kind: the server may well be running and taking writes. */
bool nothingAnswers(const StepError& e)
{
    static const QList<int> network { 2002, 2003, 2005, 2006, 2013 };
    return e.step == StepId::Connect && network.contains(e.code);
}

template<typename F> auto onWorker(ServerWorker* worker, F fn)
{
    return worker->submit(std::move(fn)).result();
}
} // namespace

SwitchoverGuards::SwitchoverGuards(
    const PairProfile& profile, ServerWorker* a, ServerWorker* b, int from, int to)
    : m_profile(profile)
    , m_workers { a, b }
    , m_from(from)
    , m_to(to)
{ }

bool SwitchoverGuards::refused(const QList<Finding>& findings)
{
    return std::any_of(findings.begin(), findings.end(),
        [](const Finding& f) { return f.severity == Finding::Severity::Error; });
}

Finding SwitchoverGuards::ok(const QString& code, const QString& server, const QString& text) const
{
    return Finding { Finding::Severity::Ok, server, code, text, {} };
}

Finding SwitchoverGuards::error(
    const QString& code, const QString& server, const QString& text, const QString& fix) const
{
    return Finding { Finding::Severity::Error, server, code, text, fix };
}

Finding SwitchoverGuards::reachable(int index)
{
    const QString name = m_profile.servers[index].name;
    const Result<void> c = onWorker(m_workers[index], [](ServerContext& ctx) { return ctx.connect(5); });
    if (c)
        return ok(QStringLiteral("server-reachable"), name, tr("%1 answers").arg(name));
    if (!nothingAnswers(c.error()))
        return error(QStringLiteral("server-unreachable"), name,
            tr("%1 cannot be logged into: %2").arg(name, c.error().text),
            tr("fix how the profile logs into %1 (the admin account, its password, the TLS files), then try "
               "again")
                .arg(name));
    return error(QStringLiteral("server-unreachable"), name,
        tr("%1 cannot be reached: %2").arg(name, c.error().text),
        index == m_from ? tr("when %1 is gone for good, force the failover: --force (it fences %1)").arg(name)
                        : tr("start %1 or fix the network, then try again").arg(name));
}

Finding SwitchoverGuards::threads(QList<Finding>& out)
{
    bool all = true;
    for (int i = 0; i < 2; ++i) {
        const auto status = onWorker(
            m_workers[i], [](ServerContext& ctx) { return ReplicaStatus::read(*ctx.sql, ctx.dialect); });
        const QString name = m_profile.servers[i].name;
        const QString from = m_profile.servers[1 - i].name;
        if (!status) {
            out << error(QStringLiteral("replication-unreadable"), name,
                tr("the replication of %1 cannot be read: %2").arg(name, status.error().text),
                tr("grant the admin account REPLICATION CLIENT (or SLAVE MONITOR) and try again"));
            all = false;
        } else if (!status->healthy()) {
            out << error(QStringLiteral("replication-not-running"), name,
                tr("%1 → %2 does not run: %3%4")
                    .arg(from, name, status->summary(),
                        status->lastError().isEmpty() ? QString()
                                                      : QStringLiteral(" — ") + status->lastError()),
                tr("start replication on %1 (the canvas's Start replication, or START SLAVE) and clear its "
                   "error "
                   "first; a switch needs both directions")
                    .arg(name));
            all = false;
        }
    }
    return all ? ok(QStringLiteral("replication-running"), {}, tr("both directions replicate")) : Finding {};
}

Finding SwitchoverGuards::lag(const Limits& limits)
{
    const QString to = m_profile.servers[m_to].name, from = m_profile.servers[m_from].name;
    const auto delay = onWorker(
        m_workers[m_to], [](ServerContext& ctx) { return ReplicaStatus::read(*ctx.sql, ctx.dialect); });
    if (delay && delay->sqlDelay.value_or(0) > limits.maxLagSec)
        return error(QStringLiteral("replica-delayed"), to,
            tr("%1 applies %2's writes %3 s late on purpose (MASTER_DELAY)")
                .arg(to, from)
                .arg(*delay->sqlDelay),
            tr("remove the delay on %1 (STOP SLAVE; CHANGE MASTER TO MASTER_DELAY = 0; START SLAVE) and try "
               "again")
                .arg(to));
    const QString db = m_profile.probeDatabase();
    const auto beat
        = onWorker(m_workers[m_from], [db](ServerContext& ctx) { return WriterControl::writeBeat(ctx, db); });
    if (!beat)
        return error(QStringLiteral("lag-unknown"), from,
            tr("a heartbeat could not be written on %1: %2").arg(from, beat.error().text),
            tr("let the admin account write %1.%2, then try again")
                .arg(db, QStringLiteral("replipair_heartbeat")));
    const int wait = limits.maxLagSec;
    const auto arrived = onWorker(m_workers[m_to],
        [b = *beat, wait](ServerContext& ctx) { return WriterControl::waitForBeat(ctx, b, wait); });
    if (!arrived)
        return error(QStringLiteral("lag-unknown"), to,
            tr("the lag of %1 cannot be read: %2").arg(to, arrived.error().text),
            tr("check the replication of %1 and try again").arg(to));
    if (!*arrived)
        return error(QStringLiteral("replica-lagging"), to,
            tr("%1 is %2 s or more behind %3 (a heartbeat written on %3 did not arrive in time)")
                .arg(to)
                .arg(wait)
                .arg(from),
            tr("wait until %1 catches up (see its lag in status or on the canvas), then try again").arg(to));
    return ok(QStringLiteral("lag-ok"), to, tr("%1 applies %2's writes within %3 s").arg(to, from).arg(wait));
}

Finding SwitchoverGuards::longTransactions(const Limits& limits)
{
    const QString from = m_profile.servers[m_from].name;
    const int age = limits.maxTransactionSec;
    auto open = onWorker(
        m_workers[m_from], [age](ServerContext& ctx) { return WriterControl::writeTransactions(ctx, age); });
    if (!open)
        return error(QStringLiteral("transactions-unreadable"), from,
            tr("the transactions of %1 cannot be read: %2").arg(from, open.error().text),
            tr("grant the admin account PROCESS and try again"));
    // the replication applier: read_only does not stop it, and it applies what the peer has already
    open->removeIf([](const WriterControl::WriteTransaction& t) { return t.applier; });
    if (open->isEmpty())
        return ok(QStringLiteral("no-long-transaction"), from,
            tr("no write transaction on %1 is older than %2 s").arg(from).arg(age));
    QStringList list, kills;
    for (const WriterControl::WriteTransaction& t : *open) {
        list << tr("connection %1 of %2, open %3 s, %4 rows changed")
                    .arg(t.thread)
                    .arg(t.user)
                    .arg(t.ageSec)
                    .arg(t.rowsModified);
        kills << QStringLiteral("KILL %1").arg(t.thread);
    }
    return error(QStringLiteral("long-write-transaction"), from,
        tr("%1 has write transactions open longer than %2 s: %3")
            .arg(from)
            .arg(age)
            .arg(list.join(QStringLiteral("; "))),
        tr("let them commit, or end them on %1 (%2), then try again")
            .arg(from, kills.join(QStringLiteral("; "))));
}

Finding SwitchoverGuards::errantTransactions()
{
    const QString to = m_profile.servers[m_to].name, from = m_profile.servers[m_from].name;
    struct Own
    {
        QString state, self, domain;
        bool gtid = false;
        BinlogStatus end;
    };
    auto readOwn = [](ServerContext& ctx) -> Result<Own> {
        Own o;
        auto status = ReplicaStatus::read(*ctx.sql, ctx.dialect);
        if (!status)
            return std::unexpected(status.error());
        o.gtid = status->usingGtid;
        auto rows = ctx.sql->query(ctx.dialect.ownTransactionsQuery());
        if (!rows)
            return std::unexpected(rows.error());
        o.state = rows->value(0).value(QStringLiteral("state")).toString().remove(QLatin1Char('\n'));
        o.self = rows->value(0).value(QStringLiteral("self")).toString();
        if (ctx.dialect.isMariaDb())
            if (auto d = ctx.sql->scalar(QStringLiteral("SELECT @@GLOBAL.gtid_domain_id")))
                o.domain = d->toString();
        auto end = WriterControl::binlogEnd(ctx);
        if (!end)
            return std::unexpected(end.error());
        o.end = *end;
        return o;
    };
    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto target = onWorker(m_workers[m_to], readOwn);
        const auto source = onWorker(m_workers[m_from], readOwn);
        if (!target || !source)
            return error(QStringLiteral("errant-unknown"), to,
                tr("the transactions of %1 cannot be compared: %2")
                    .arg(to, (!target ? target.error() : source.error()).text),
                tr("check both servers and try again"));
        QStringList missing;
        QString how;
        const bool gtid = source->gtid && target->gtid && !target->state.isEmpty();
        if (gtid) {
            how = tr("by GTID");
            const Own t = *target;
            if (t.state.contains(QLatin1Char(':'))) { // MySQL: subtract on the old writer
                const auto left = onWorker(m_workers[m_from], [t](ServerContext& ctx) {
                    return ctx.sql->scalar(ctx.dialect.gtidMissingQuery(t.state));
                });
                if (left)
                    missing = WriterControl::ownTransactionsMissing(
                        left->toString().remove(QLatin1Char('\n')), t.self, {}, {});
            } else {
                missing = WriterControl::ownTransactionsMissing(t.state, t.self, t.domain, source->state);
            }
        } else {
            how = tr("by file and position: %1 has applied %2's binary log up to its end, %3:%4")
                      .arg(from, to, target->end.file)
                      .arg(target->end.position);
            const BinlogStatus end = target->end;
            const auto applied = onWorker(m_workers[m_from],
                [end](ServerContext& ctx) { return WriterControl::waitForApplied(ctx, end, 2); });
            if (!applied)
                missing << QStringLiteral("%1:%2").arg(end.file).arg(end.position);
        }
        if (missing.isEmpty())
            return ok(QStringLiteral("no-errant-transaction"), to,
                tr("%1 holds no transaction that %2 lacks (%3)").arg(to, from, how));
        if (attempt == 0 && gtid) {
            // a transaction of its own may be on its way (a monitor's heartbeat): give it a moment to arrive
            const BinlogStatus end = target->end;
            onWorker(m_workers[m_from],
                [end](ServerContext& ctx) { return WriterControl::waitForApplied(ctx, end, 2); });
            continue;
        }
        return error(QStringLiteral("errant-transaction"), to,
            tr("%1 holds transactions that %2 lacks (%3): %4")
                .arg(to, from, how, missing.join(QStringLiteral(", "))),
            tr("find what was written on %1 outside replication (mysqlbinlog of its binary log) and apply it "
               "on "
               "%2, or rebuild %1 from %2; a switch now would lose it or make the servers differ")
                .arg(to, from));
    }
    return Finding {};
}

Finding SwitchoverGuards::filters()
{
    auto read = [](ServerContext& ctx) -> Result<QString> {
        auto rows = ctx.sql->query(ctx.dialect.showReplicaStatus());
        if (!rows)
            return std::unexpected(rows.error());
        QStringList parts;
        for (const QString& c : kFilterColumns)
            parts << c + QLatin1Char('=') + normalisedList(rows->value(0).value(c).toString());
        auto end = BinlogStatus::read(*ctx.sql, ctx.dialect);
        if (end)
            parts << QStringLiteral("Binlog_Do_DB=") + normalisedList(end->doDb)
                  << QStringLiteral("Binlog_Ignore_DB=") + normalisedList(end->ignoreDb);
        return parts.join(QLatin1Char('\n'));
    };
    const auto a = onWorker(m_workers[0], read);
    const auto b = onWorker(m_workers[1], read);
    if (!a || !b)
        return error(QStringLiteral("filters-unknown"), {},
            tr("the replication filters cannot be read: %1").arg((!a ? a.error() : b.error()).text),
            tr("check both servers and try again"));
    if (*a == *b)
        return ok(QStringLiteral("filters-same"), {}, tr("both servers have the same replication filters"));
    QStringList diff;
    const QStringList la = a->split(QLatin1Char('\n')), lb = b->split(QLatin1Char('\n'));
    for (int i = 0; i < std::min(la.size(), lb.size()); ++i)
        if (la[i] != lb[i])
            diff << tr("%1: %2 on %3, %4 on %5")
                        .arg(la[i].section(QLatin1Char('='), 0, 0), la[i].section(QLatin1Char('='), 1),
                            m_profile.servers[0].name, lb[i].section(QLatin1Char('='), 1),
                            m_profile.servers[1].name);
    return error(QStringLiteral("filters-differ"), {},
        tr("the servers filter replication differently: %1").arg(diff.join(QStringLiteral("; "))),
        tr("run setup again so both get the pair's filters, then try again"));
}

QList<Finding> SwitchoverGuards::planned(const Limits& limits)
{
    QList<Finding> out;
    const QString to = m_profile.servers[m_to].name;
    if (m_profile.writerIndex() == m_to)
        out << error(QStringLiteral("already-writer"), to, tr("%1 is the writer already").arg(to),
            tr("nothing to do"));
    if (const auto state = PairState::load(m_profile); state && state->isFenced(m_to))
        out << error(QStringLiteral("target-fenced"), to,
            tr("%1 is fenced since %2: %3").arg(to, state->since.toString(Qt::ISODate), state->reason),
            tr("rebuild or rejoin %1 before it takes writes").arg(to));
    for (int i : { m_from, m_to })
        out << reachable(i);
    if (refused(out))
        return out;
    if (Finding f = threads(out); !f.code.isEmpty())
        out << f;
    if (refused(out))
        return out; // the other checks read replication that does not run
    out << lag(limits) << longTransactions(limits) << errantTransactions() << filters();
    return out;
}

QList<Finding> SwitchoverGuards::forced()
{
    QList<Finding> out;
    const QString from = m_profile.servers[m_from].name, to = m_profile.servers[m_to].name;
    if (const auto state = PairState::load(m_profile); state && state->isFenced(m_to))
        out << error(QStringLiteral("target-fenced"), to,
            tr("%1 is fenced since %2: %3").arg(to, state->since.toString(Qt::ISODate), state->reason),
            tr("rebuild or rejoin %1 before it takes writes").arg(to));
    const Result<void> old = onWorker(m_workers[m_from], [](ServerContext& ctx) { return ctx.connect(3); });
    if (old)
        out << error(QStringLiteral("writer-answers"), from,
            tr("%1 answers: a forced failover would leave two writers").arg(from),
            tr("use the planned switchover (without --force), which waits until %1 has applied everything")
                .arg(to));
    else if (!nothingAnswers(old.error()))
        // something answered at A's address, or A's login could not even be tried: A may be running
        out << error(QStringLiteral("writer-answers"), from,
            tr("%1 cannot be logged into, which does not mean it is gone: %2").arg(from, old.error().text),
            tr("fix how the profile logs into %1 (the admin account, its password, the TLS files); a forced "
               "failover is only for a writer whose address does not answer at all: it would leave two "
               "writers")
                .arg(from));
    else
        out << ok(
            QStringLiteral("writer-gone"), from, tr("%1 cannot be reached (%2)").arg(from, old.error().text));
    out << reachable(m_to);
    if (refused(out))
        return out;
    const auto status = onWorker(
        m_workers[m_to], [](ServerContext& ctx) { return ReplicaStatus::read(*ctx.sql, ctx.dialect); });
    if (!status || !status->configured)
        out << error(QStringLiteral("not-a-replica"), to, tr("%1 does not replicate from %2").arg(to, from),
            tr("nothing to drain: check the pair with status"));
    else
        out << ok(QStringLiteral("replica-configured"), to,
            tr("%1 replicates from %2: %3").arg(to, from, status->summary()));
    return out;
}

QList<Finding> SwitchoverGuards::rejoin()
{
    QList<Finding> out;
    const QString from = m_profile.servers[m_from].name, to = m_profile.servers[m_to].name;
    const auto state = PairState::load(m_profile);
    if (!state || !state->isFenced(m_to))
        out << error(QStringLiteral("not-fenced"), to, tr("%1 is not fenced").arg(to),
            tr("nothing to rejoin: look at the pair with status"));
    if (m_profile.writerIndex() != m_from)
        out << error(QStringLiteral("not-the-writer"), from, tr("%1 is not the pair's writer").arg(from),
            tr("rejoin the fenced server to the writer"));
    for (int i : { m_from, m_to })
        out << reachable(i);
    if (refused(out))
        return out;
    Finding errant = errantTransactions();
    if (errant.code == QLatin1String("errant-transaction"))
        errant.fix = tr("rebuild %1 from %2 (replipair-cli rebuild PROFILE --server %1 --from %2): a rejoin "
                        "would keep what only %1 has")
                         .arg(to, from);
    out << errant;
    return out;
}
