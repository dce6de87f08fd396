#include "setup/pairverifier.h"

#include "common/sqlquote.h"
#include "host/serverworker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QThread>
#include <QUuid>

namespace {
const QString kTable = QStringLiteral("replipair_probe");
} // namespace

PairVerifier::PairVerifier(
    const PairProfile& profile, ServerWorker* a, ServerWorker* b, const std::atomic_bool* cancel)
    : m_profile(profile)
    , m_workers { a, b }
    , m_cancel(cancel)
{ }

Result<ReplicaStatus> PairVerifier::status(int index)
{
    auto f = m_workers[index]->submit([](ServerContext& ctx) -> Result<ReplicaStatus> {
        ctx.sql->setStep(PairVerifier::tr("verify"));
        return ReplicaStatus::read(*ctx.sql, ctx.dialect);
    });
    f.waitForFinished();
    return f.result();
}

Result<void> PairVerifier::exec(int index, const QString& sql)
{
    auto f = m_workers[index]->submit([sql](ServerContext& ctx) { return ctx.sql->exec(sql); });
    f.waitForFinished();
    return f.result();
}

Result<bool> PairVerifier::waitFor(int index, const QString& countSql, bool present, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    int backoff = 5; // short first: the row is usually there within a few ms
    do {
        auto f
            = m_workers[index]->submit([countSql](ServerContext& ctx) { return ctx.sql->scalar(countSql); });
        f.waitForFinished();
        const Result<QVariant> r = f.result();
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
                return stepFailure(name, PairVerifier::tr("verify"),
                    PairVerifier::tr("replication is not configured on this server"));
            if (s->lastSqlErrno != 0)
                return stepFailure(name, PairVerifier::tr("verify"),
                    PairVerifier::tr("the SQL thread stopped: %1").arg(s->lastSqlError), s->lastSqlErrno);
            if (!s->ioRunning && s->lastIoErrno == 1045)
                return stepFailure(name, PairVerifier::tr("verify"), refusedMessage(i, *s), 1045);
            if (!s->ioRunning && (s->lastIoErrno == 1236 || s->lastIoErrno == 13114))
                return stepFailure(name, PairVerifier::tr("verify"),
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
            return stepFailure(m_profile.servers[i].name, PairVerifier::tr("verify"),
                PairVerifier::tr(
                    "replication from %1 is not running after %2 s: IO thread %3, SQL thread %4%5")
                    .arg(m_profile.servers[1 - i].name)
                    .arg(timeoutMs / 1000)
                    .arg(last[i].ioState,
                        last[i].sqlRunning ? PairVerifier::tr("Yes") : PairVerifier::tr("No"),
                        last[i].lastIoError.isEmpty() ? QString()
                                                      : QStringLiteral(" — ") + last[i].lastIoError),
                last[i].lastIoErrno);
    return stepFailure({}, PairVerifier::tr("verify"), PairVerifier::tr("replication did not start"));
}

Result<QString> PairVerifier::roundTrip(int timeoutMs)
{
    const QString db = m_profile.probeDatabase();
    const QString qdb = SqlQuote::identifier(db);
    const QString exists = QStringLiteral(
        "SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = %2")
                               .arg(SqlQuote::literal(db), SqlQuote::literal(kTable));
    // the table is made on A and must itself arrive on B
    if (auto r = exec(0, QStringLiteral("CREATE DATABASE IF NOT EXISTS %1").arg(qdb)); !r)
        return std::unexpected(r.error());
    if (auto r = exec(0, QStringLiteral("USE %1").arg(qdb)); !r)
        return std::unexpected(r.error());
    if (auto r = exec(0,
            QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (token VARCHAR(64) NOT NULL PRIMARY KEY, origin "
                           "VARCHAR(64) NOT NULL) "
                           "ENGINE=InnoDB")
                .arg(kTable));
        !r)
        return std::unexpected(r.error());
    auto arrived = waitFor(1, exists, true, timeoutMs);
    if (!arrived)
        return std::unexpected(arrived.error());
    if (!*arrived)
        return stepFailure(m_profile.servers[1].name, PairVerifier::tr("verify"),
            PairVerifier::tr("the test table %1.%2 created on %3 did not arrive within %4 s")
                .arg(db, kTable, m_profile.servers[0].name)
                .arg(timeoutMs / 1000));
    QStringList timings;
    for (int from = 0; from < 2; ++from) {
        const int to = 1 - from;
        const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (auto r = exec(from, QStringLiteral("USE %1").arg(qdb)); !r)
            return std::unexpected(r.error());
        QElapsedTimer t;
        t.start();
        if (auto r = exec(from,
                QStringLiteral("INSERT INTO %1 (token, origin) VALUES (%2, %3)")
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
            return stepFailure(m_profile.servers[to].name, PairVerifier::tr("verify"),
                PairVerifier::tr("a test row written on %1 did not arrive on %2 within %3 s")
                    .arg(m_profile.servers[from].name, m_profile.servers[to].name)
                    .arg(timeoutMs / 1000));
        timings << PairVerifier::tr("%1 → %2 in %3 ms")
                       .arg(m_profile.servers[from].name, m_profile.servers[to].name)
                       .arg(t.elapsed());
    }
    // clean up: the drop replicates too
    if (auto r = exec(0, QStringLiteral("DROP TABLE IF EXISTS %1").arg(kTable)); !r)
        return std::unexpected(r.error());
    auto gone = waitFor(1, exists, false, timeoutMs);
    if (!gone)
        return std::unexpected(gone.error());
    return PairVerifier::tr("test rows arrived: %1").arg(timings.join(QStringLiteral(", ")));
}
