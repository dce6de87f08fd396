#include "setup/pairverifier.h"

#include "common/owntables.h"
#include "common/sqlquote.h"
#include "common/stepid.h"
#include "host/serverworker.h"
#include "monitor/heartbeat.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QThread>
#include <QUuid>

#include <utility>

namespace {
const QString kTable = OwnTables::Probe;
} // namespace

PairVerifier::PairVerifier(
    const PairProfile& profile, ServerWorker* a, ServerWorker* b, const std::atomic_bool* cancel)
    : m_profile(profile)
    , m_workers { a, b }
    , m_cancel(cancel)
{ }

template<typename F> auto PairVerifier::onServer(int index, F fn) -> std::invoke_result_t<F, ServerContext&>
{
    const int window = m_reconnectWindowMs;
    const std::atomic_bool* cancel = m_cancel;
    std::atomic_int* reconnects = &m_reconnects[index];
    return m_workers[index]->run([fn, window, cancel, reconnects](ServerContext& ctx) {
        QElapsedTimer t;
        t.start();
        int backoff = 20; // a dropped connection is usually back at once; a server away for longer is
                          // asked less and less often
        while (true) {
            ctx.sql->setStep(StepId::Verify);
            auto r = fn(ctx);
            if (r || !Heartbeat::isConnectionError(r.error().code) || t.elapsed() > window
                || (cancel && *cancel))
                return r;
            if (ctx.connect(2)) {
                ++*reconnects;
                continue;
            }
            QThread::msleep(ulong(backoff));
            backoff = std::min(backoff * 2, 500);
        }
    });
}

Result<ReplicaStatus> PairVerifier::status(int index)
{
    return onServer(index, [](ServerContext& ctx) -> Result<ReplicaStatus> {
        return ReplicaStatus::read(*ctx.sql, ctx.dialect);
    });
}

Result<void> PairVerifier::exec(int index, const QString& sql)
{
    // the probe's database is the default one (statement-based filters go by it), also after a reconnect
    const QString use = QStringLiteral("USE %1").arg(SqlQuote::identifier(m_profile.probeDatabase()));
    const bool createsDatabase = sql.startsWith(QLatin1String("CREATE DATABASE"));
    return onServer(index, [sql, use, createsDatabase](ServerContext& ctx) -> Result<void> {
        if (!createsDatabase)
            if (auto r = ctx.sql->exec(use); !r)
                return r;
        return ctx.sql->exec(sql);
    });
}

Result<void> PairVerifier::writeProbe(int index, const QString& sql)
{
    const QString use = QStringLiteral("USE %1").arg(SqlQuote::identifier(m_profile.probeDatabase()));
    const QString name = m_profile.servers[index].name;
    return onServer(index, [sql, use, name](ServerContext& ctx) -> Result<void> {
        if (auto r = ctx.sql->exec(use); !r)
            return r;
        bool lifted = false;
        if (ctx.dialect.hasSuperReadOnly()) {
            const Result<QVariant> on = ctx.sql->scalar(QStringLiteral("SELECT @@GLOBAL.super_read_only"));
            if (!on)
                return std::unexpected(on.error());
            if (on->toInt() != 0) {
                if (auto r = ctx.sql->exec(QStringLiteral("SET GLOBAL super_read_only = OFF")); !r)
                    return r;
                lifted = true;
            }
        }
        Result<void> written = ctx.sql->exec(sql);
        if (lifted)
            if (auto r = ctx.sql->exec(QStringLiteral("SET GLOBAL super_read_only = ON")); !r && written)
                written = r;
        constexpr int readOnlyRefused = 1290; // ER_OPTION_PREVENTS_STATEMENT: running with --read-only
        if (!written && written.error().code == readOnlyRefused)
            return stepFailure(name, StepId::Verify,
                PairVerifier::tr("%1 is read-only and the admin account cannot write the test row there; "
                                 "the monitor's heartbeat needs the same: GRANT %2 ON *.* to the admin "
                                 "account (%3)")
                    .arg(name, ctx.dialect.readOnlyBypassPrivileges().first(), written.error().text),
                readOnlyRefused);
        return written;
    });
}

Result<bool> PairVerifier::waitFor(int index, const QString& countSql, bool present, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    int backoff = 5; // short first: the row is usually there within a few ms
    do {
        const Result<QVariant> r
            = onServer(index, [countSql](ServerContext& ctx) { return ctx.sql->scalar(countSql); });
        if (!r)
            return std::unexpected(r.error());
        if ((r->toLongLong() > 0) == present)
            return true;
        QThread::msleep(ulong(backoff));
        backoff = std::min(backoff * 2, 50);
    } while (t.elapsed() < timeoutMs && !(m_cancel && *m_cancel));
    return false;
}

QString PairVerifier::refusedMessage(int replica, const ReplicaStatus& status) const
{
    const int source = 1 - replica;
    static const QRegularExpression seen(QStringLiteral("'[^']*'@'([^']*)'"));
    const auto m = seen.match(status.lastIoError);
    const QString address = m.hasMatch() ? m.captured(1) : PairVerifier::tr("(not in the message)");
    return PairVerifier::tr("%1 refused the replication account of %2: %3. %1 saw the connection come from "
                            "%4, and the account is "
                            "'%5'@'%6'. If %2 reaches %1 through NAT or another interface, set "
                            "\"replicationUserHost\" in the profile to "
                            "that address or a pattern such as '10.0.0.%'.")
        .arg(m_profile.servers[source].name, m_profile.servers[replica].name, status.lastIoError, address,
            m_profile.replicationUser, m_profile.replicationHostFor(source));
}

Result<void> PairVerifier::verify(int timeoutMs, const std::function<void(const SetupEvent&)>& onEvent)
{
    auto report = [&onEvent](SetupEvent::Kind kind, const QString& server, const QString& text, qint64 ms) {
        SetupEvent e;
        e.kind = kind;
        e.server = server;
        e.step = StepId::Verify;
        e.text = text;
        e.elapsedMs = ms;
        if (onEvent)
            onEvent(e);
    };
    QElapsedTimer t;
    t.start();
    // the servers that verification starts with must be the ones it ends with: a server lost (or
    // replaced by another) meanwhile makes every row that arrived prove nothing about the pair
    RunningServer before[2];
    for (int i = 0; i < 2; ++i) {
        auto seen = running(i);
        if (!seen) {
            report(SetupEvent::Kind::StepFailed, seen.error().server, seen.error().text, t.elapsed());
            return std::unexpected(seen.error());
        }
        before[i] = *seen;
        // the process that came back from setup's restart: still the same one (not restarted or replaced
        // since), so that the check at the end proves it stayed up from its restart to the last row
        if (m_restarted[i] && !m_restarted[i]->sameProcess(*seen)) {
            const StepError gone { m_profile.servers[i].name, StepId::Verify, 0,
                tr("%1 is not the server process that came back from its restart (then %2; now %3): it "
                   "restarted or was replaced since, so replication is NOT verified; look at why, then run "
                   "setup again")
                    .arg(m_profile.servers[i].name, m_restarted[i]->describe(), seen->describe()) };
            report(SetupEvent::Kind::StepFailed, gone.server, gone.text, t.elapsed());
            return std::unexpected(gone);
        }
    }
    report(SetupEvent::Kind::StepStarted, {}, tr("waiting for the IO and SQL threads on both servers"), -1);
    const Result<QString> threads = waitForThreads(timeoutMs);
    if (!threads) {
        report(SetupEvent::Kind::StepFailed, threads.error().server, threads.error().text, t.elapsed());
        return std::unexpected(threads.error());
    }
    report(SetupEvent::Kind::StepFinished, {}, *threads, t.elapsed());
    t.restart();
    report(SetupEvent::Kind::StepStarted, {}, tr("writing a test row on each side"), -1);
    const Result<QString> trip = roundTrip(timeoutMs);
    if (!trip) {
        report(SetupEvent::Kind::StepFailed, trip.error().server, trip.error().text, t.elapsed());
        return std::unexpected(trip.error());
    }
    if (auto same = stillTheSame(before); !same) {
        report(SetupEvent::Kind::StepFailed, same.error().server, same.error().text, t.elapsed());
        return same;
    }
    report(SetupEvent::Kind::StepFinished, {}, *trip, t.elapsed());
    return {};
}

Result<RunningServer> PairVerifier::running(int index)
{
    auto seen = onServer(index, [](ServerContext& ctx) { return RunningServer::read(*ctx.sql); });
    if (!seen)
        return stepFailure(m_profile.servers[index].name, StepId::Verify,
            PairVerifier::tr("cannot tell which server answers: %1").arg(seen.error().text),
            seen.error().code);
    return seen;
}

Result<void> PairVerifier::stillTheSame(const RunningServer (&before)[2])
{
    for (int i = 0; i < 2; ++i) {
        const QString name = m_profile.servers[i].name;
        auto now = running(i);
        if (!now)
            return stepFailure(name, StepId::Verify,
                PairVerifier::tr("%1 was lost during the verification (%2): replication is NOT verified")
                    .arg(name, now.error().text));
        if (!now->isServer(before[i].dataDir, before[i].port, before[i].serverId))
            return stepFailure(name, StepId::Verify,
                PairVerifier::tr(
                    "another server answers for %1 than at the start of the verification (now %2; "
                    "before %3): replication is NOT verified")
                    .arg(name, now->describe(), before[i].describe()));
        if (!before[i].sameProcess(*now))
            return stepFailure(name, StepId::Verify,
                PairVerifier::tr(
                    "%1 restarted during the verification (up %2 s now, %3 s at its start): "
                    "replication is NOT verified; look at why it restarted, then run setup again")
                    .arg(name)
                    .arg(now->uptime)
                    .arg(before[i].uptime));
    }
    return {};
}

Result<QString> PairVerifier::waitForThreads(int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    ReplicaStatus last[2];
    int backoff = 10; // the threads usually start within tens of ms: poll soon, then less often
    while (true) {
        bool healthy = true;
        for (int i = 0; i < 2; ++i) {
            auto s = status(i);
            if (!s)
                return std::unexpected(s.error());
            last[i] = *s;
            const QString name = m_profile.servers[i].name;
            if (!s->configured)
                return stepFailure(
                    name, StepId::Verify, PairVerifier::tr("replication is not configured on this server"));
            if (s->lastSqlErrno != 0)
                return stepFailure(name, StepId::Verify,
                    PairVerifier::tr("the SQL thread stopped: %1").arg(s->lastSqlError), s->lastSqlErrno);
            if (!s->ioRunning && s->lastIoErrno == 1045)
                return stepFailure(name, StepId::Verify, refusedMessage(i, *s), 1045);
            if (!s->ioRunning && (s->lastIoErrno == 1236 || s->lastIoErrno == 13114))
                return stepFailure(name, StepId::Verify,
                    PairVerifier::tr("the source refused the binlog position: %1").arg(s->lastIoError), 1236);
            healthy = healthy && s->healthy();
        }
        if (healthy)
            return PairVerifier::tr("IO and SQL threads running on both servers");
        if (t.elapsed() > timeoutMs || (m_cancel && *m_cancel))
            break;
        QThread::msleep(ulong(backoff));
        backoff = std::min(backoff * 2, 100);
    }
    for (int i = 0; i < 2; ++i)
        if (!last[i].healthy())
            return stepFailure(m_profile.servers[i].name, StepId::Verify,
                PairVerifier::tr(
                    "replication from %1 is not running after %2 s: IO thread %3, SQL thread %4%5")
                    .arg(m_profile.servers[1 - i].name)
                    .arg(timeoutMs / 1000)
                    .arg(last[i].ioState,
                        last[i].sqlRunning ? PairVerifier::tr("Yes") : PairVerifier::tr("No"),
                        last[i].lastIoError.isEmpty() ? QString()
                                                      : QStringLiteral(" — ") + last[i].lastIoError),
                last[i].lastIoErrno);
    return stepFailure({}, StepId::Verify, PairVerifier::tr("replication did not start"));
}

Result<QString> PairVerifier::roundTrip(int timeoutMs)
{
    QString tokenFromB;
    bool tableMade = false;
    Result<QString> r = testRows(timeoutMs, tableMade, tokenFromB);
    if (r || !tableMade)
        return r;
    StepError e = r.error();
    e.text += QLatin1Char(' ') + dropAfterFailure(tokenFromB);
    return std::unexpected(e);
}

QString PairVerifier::dropAfterFailure(const QString& tokenFromB)
{
    const QString table = m_profile.probeDatabase() + QLatin1Char('.') + kTable;
    const QString a = m_profile.servers[0].name, b = m_profile.servers[1].name;
    // a short try: the server may be the one that was lost
    const int window = std::exchange(m_reconnectWindowMs, 3000);
    const auto restore = qScopeGuard([&] { m_reconnectWindowMs = window; });
    // dropped on A, the drop reaches B after A's own test events; a row B wrote that A has not applied
    // yet would then stop A's SQL thread (no such table): then the table stays for the next run
    if (!tokenFromB.isEmpty()) {
        const Result<QVariant> arrived = onServer(0, [this, tokenFromB](ServerContext& ctx) {
            return ctx.sql->scalar(QStringLiteral("SELECT COUNT(*) FROM %1.%2 WHERE token = %3")
                                       .arg(SqlQuote::identifier(m_profile.probeDatabase()), kTable,
                                           SqlQuote::literal(tokenFromB)));
        });
        if (!arrived || arrived->toLongLong() == 0)
            return PairVerifier::tr(
                "The test table %1 stays until the next run (a test row from %2 may still "
                "be on its way to %3).")
                .arg(table, b, a);
    }
    if (auto r = exec(0, QStringLiteral("DROP TABLE IF EXISTS %1").arg(kTable)); !r)
        return PairVerifier::tr("The test table %1 stays until the next run (%2).")
            .arg(table, r.error().text);
    return PairVerifier::tr("The test table %1 was dropped on %2 (the drop replicates to %3).")
        .arg(table, a, b);
}

Result<QString> PairVerifier::testRows(int timeoutMs, bool& tableMade, QString& tokenFromB)
{
    const QString db = m_profile.probeDatabase();
    const QString qdb = SqlQuote::identifier(db);
    const QString exists = QStringLiteral(
        "SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = %2")
                               .arg(SqlQuote::literal(db), SqlQuote::literal(kTable));
    // the table is made on the writer (A when both write) and must itself arrive on the other
    const int maker = std::max(m_profile.writerIndex(), 0);
    const int other = 1 - maker;
    if (auto r = exec(maker, QStringLiteral("CREATE DATABASE IF NOT EXISTS %1").arg(qdb)); !r)
        return std::unexpected(r.error());
    tableMade = true; // (or may have been, when the statement's answer is lost)
    if (auto r = exec(maker,
            QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (token VARCHAR(64) NOT NULL PRIMARY KEY, origin "
                           "VARCHAR(64) NOT NULL) "
                           "ENGINE=InnoDB")
                .arg(kTable));
        !r)
        return std::unexpected(r.error());
    auto arrived = waitFor(other, exists, true, timeoutMs);
    if (!arrived)
        return std::unexpected(arrived.error());
    if (!*arrived)
        return stepFailure(m_profile.servers[other].name, StepId::Verify,
            PairVerifier::tr("the test table %1.%2 created on %3 did not arrive within %4 s")
                .arg(db, kTable, m_profile.servers[maker].name)
                .arg(timeoutMs / 1000));
    qint64 took[2] = { 0, 0 }; // ms for A → B, B → A
    for (int from = 0; from < 2; ++from) {
        const int to = 1 - from;
        const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (from == 1)
            tokenFromB = token; // whether its INSERT ends well or not: it may have been written
        QElapsedTimer t;
        t.start();
        if (auto r = writeProbe(from,
                QStringLiteral("INSERT IGNORE INTO %1 (token, origin) VALUES (%2, %3)")
                    .arg(kTable, SqlQuote::literal(token), SqlQuote::literal(m_profile.servers[from].name)));
            !r)
            return std::unexpected(r.error());
        auto there = waitFor(to,
            QStringLiteral("SELECT COUNT(*) AS n FROM %1.%2 WHERE token = %3")
                .arg(qdb, kTable, SqlQuote::literal(token)),
            true, timeoutMs);
        if (!there)
            return std::unexpected(there.error());
        if (!*there)
            return stepFailure(m_profile.servers[to].name, StepId::Verify,
                PairVerifier::tr("a test row written on %1 did not arrive on %2 within %3 s")
                    .arg(m_profile.servers[from].name, m_profile.servers[to].name)
                    .arg(timeoutMs / 1000));
        took[from] = t.elapsed();
    }
    // clean up: the drop replicates too
    if (auto r = exec(maker, QStringLiteral("DROP TABLE IF EXISTS %1").arg(kTable)); !r)
        return std::unexpected(r.error());
    auto gone = waitFor(other, exists, false, timeoutMs);
    if (!gone)
        return std::unexpected(gone.error());
    // one phrase for both directions: its punctuation is the translator's
    QString text = PairVerifier::tr("test rows arrived: %1 → %2 in %3 ms, %2 → %1 in %4 ms")
                       .arg(m_profile.servers[0].name, m_profile.servers[1].name)
                       .arg(took[0])
                       .arg(took[1]);
    for (int i = 0; i < 2; ++i)
        if (m_reconnects[i] > 0)
            text += PairVerifier::tr(
                " (the connection to %1 was lost and reopened %n time(s))", nullptr, int(m_reconnects[i]))
                        .arg(m_profile.servers[i].name);
    return text;
}
