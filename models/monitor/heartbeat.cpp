#include "monitor/heartbeat.h"

#include "common/sqlquote.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>

namespace {
QString useDatabase(const QString& database)
{
    return QStringLiteral("USE ") + SqlQuote::identifier(database);
}
} // namespace

QString Heartbeat::tableName()
{
    return QStringLiteral("replipair_heartbeat");
}

Result<void> Heartbeat::createTable(SqlSession& session, const QString& database)
{
    session.setStep(Heartbeat::tr("heartbeat"));
    if (auto r
        = session.exec(QStringLiteral("CREATE DATABASE IF NOT EXISTS ") + SqlQuote::identifier(database));
        !r)
        return r;
    if (auto r = session.exec(useDatabase(database)); !r)
        return r;
    return session.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 ("
                                       "server_id INT UNSIGNED NOT NULL PRIMARY KEY, "
                                       "ts_us BIGINT NOT NULL, "
                                       "written_by VARCHAR(64) NOT NULL DEFAULT 'replipair'"
                                       ") ENGINE=InnoDB")
                            .arg(tableName()));
}

Result<bool> Heartbeat::ensureTable(SqlSession& session, const QString& database)
{
    session.setStep(Heartbeat::tr("heartbeat"));
    auto n = session.scalar(QStringLiteral(
        "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = %2")
                                .arg(SqlQuote::literal(database), SqlQuote::literal(tableName())));
    if (!n)
        return std::unexpected(n.error());
    if (n->toInt() > 0)
        return false;
    if (auto r = createTable(session, database); !r)
        return std::unexpected(r.error());
    return true;
}

Result<void> Heartbeat::dropTable(SqlSession& session, const QString& database)
{
    session.setStep(Heartbeat::tr("heartbeat"));
    if (auto r = session.exec(useDatabase(database)); !r) {
        if (r.error().code == 1049) // unknown database: nothing to remove
            return {};
        return r;
    }
    return session.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(tableName()));
}

QString Heartbeat::clockExpression(const Dialect& dialect)
{
    // fractional seconds: MySQL 5.6.4+, MariaDB 5.3+; older servers tick in whole seconds
    const bool fractional
        = dialect.isMariaDb() || dialect.version().atLeast(5, 6, 4) || !dialect.version().isValid();
    return QStringLiteral("TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', %1)")
        .arg(fractional ? QStringLiteral("UTC_TIMESTAMP(6)") : QStringLiteral("UTC_TIMESTAMP()"));
}

Result<void> Heartbeat::beat(
    SqlSession& session, const QString& database, qint64 serverId, qint64 serverNowUs)
{
    session.setStep(Heartbeat::tr("heartbeat"));
    if (auto r = session.exec(useDatabase(database)); !r)
        return r;
    // literal values: @@server_id or NOW() would be re-evaluated by a statement-based replica
    return session.exec(QStringLiteral("INSERT INTO %1 (server_id, ts_us) VALUES (%2, %3) "
                                       "ON DUPLICATE KEY UPDATE ts_us = VALUES(ts_us)")
                            .arg(tableName())
                            .arg(serverId)
                            .arg(serverNowUs));
}

Result<std::optional<PeerBeat>> Heartbeat::readPeer(
    SqlSession& session, const QString& database, qint64 ownServerId)
{
    session.setStep(Heartbeat::tr("heartbeat"));
    const qint64 before = localClockUs();
    auto rows = session.query(QStringLiteral("SELECT server_id, ts_us FROM %1.%2 WHERE server_id <> %3 "
                                             "ORDER BY ts_us DESC LIMIT 1")
                                  .arg(SqlQuote::identifier(database), tableName())
                                  .arg(ownServerId));
    const qint64 after = localClockUs();
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::optional<PeerBeat>();
    PeerBeat b;
    b.serverId = rows->first().value(QStringLiteral("server_id")).toLongLong();
    b.beatUs = rows->first().value(QStringLiteral("ts_us")).toLongLong();
    b.readAtUs = (before + after) / 2;
    return std::optional<PeerBeat>(b);
}

double Heartbeat::estimateLag(
    qint64 appliedUs, qint64 peerNowUs, const QList<qint64>& peerBeats, qint64 beatIntervalUs)
{
    if (peerBeats
            .isEmpty()) // nothing known about the source's beats: the age of the row, as pt-heartbeat says
        return std::max<qint64>(0, peerNowUs - appliedUs) / 1e6;
    const auto next = std::upper_bound(peerBeats.cbegin(), peerBeats.cend(), appliedUs);
    if (next == peerBeats.cend() || *next > peerNowUs)
        return 0.0; // the replica holds the newest beat its source wrote before this read
    const double lower = double(peerNowUs - *next);
    const double upper = double(peerNowUs - appliedUs);
    const double width = std::min(upper - lower, double(std::max<qint64>(beatIntervalUs, 1)));
    return std::max(0.0, lower + width / 2.0) / 1e6;
}

qint64 Heartbeat::localClockUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

bool Heartbeat::isConnectionError(int code)
{
    // CR_CONNECTION_ERROR, CR_CONN_HOST_ERROR, CR_UNKNOWN_HOST, CR_SERVER_GONE_ERROR, CR_SERVER_LOST,
    // CR_SERVER_LOST_EXTENDED, ER_SERVER_SHUTDOWN, ER_CONNECTION_KILLED
    return code == 2002 || code == 2003 || code == 2005 || code == 2006 || code == 2013 || code == 2055
        || code == 1053 || code == 1927 || code == 0;
}
