#include "monitor/heartbeat.h"

#include "common/owntables.h"
#include "common/sqlquote.h"
#include "common/stepid.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QSysInfo>

#include <chrono>

namespace {
QString useDatabase(const QString& database)
{
    return QStringLiteral("USE ") + SqlQuote::identifier(database);
}
} // namespace

QString Heartbeat::tableName()
{
    return OwnTables::Heartbeat;
}

Result<void> Heartbeat::createTable(SqlSession& session, const QString& database)
{
    session.setStep(StepId::Heartbeat);
    if (auto r
        = session.exec(QStringLiteral("CREATE DATABASE IF NOT EXISTS ") + SqlQuote::identifier(database));
        !r)
        return r;
    if (auto r = session.exec(useDatabase(database)); !r)
        return r;
    if (auto r = session.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 ("
                                             "server_id INT UNSIGNED NOT NULL, "
                                             "ts_us BIGINT NOT NULL, "
                                             "written_by VARCHAR(64) NOT NULL DEFAULT 'replipair', "
                                             "PRIMARY KEY (server_id, written_by)"
                                             ") ENGINE=InnoDB")
                                  .arg(tableName()));
        !r)
        return r;
    return upgradeTable(session, database);
}

Result<bool> Heartbeat::ensureTable(SqlSession& session, const QString& database)
{
    session.setStep(StepId::Heartbeat);
    auto n = session.scalar(QStringLiteral(
        "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = %2")
                                .arg(SqlQuote::literal(database), SqlQuote::literal(tableName())));
    if (!n)
        return std::unexpected(n.error());
    if (n->toInt() > 0) {
        if (auto r = upgradeTable(session, database); !r)
            return std::unexpected(r.error());
        return false;
    }
    if (auto r = createTable(session, database); !r)
        return std::unexpected(r.error());
    return true;
}

Result<void> Heartbeat::upgradeTable(SqlSession& session, const QString& database)
{
    session.setStep(StepId::Heartbeat);
    auto keyColumns = session.scalar(
        QStringLiteral("SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = %1 AND "
                       "TABLE_NAME = %2 AND INDEX_NAME = 'PRIMARY'")
            .arg(SqlQuote::literal(database), SqlQuote::literal(tableName())));
    if (!keyColumns)
        return std::unexpected(keyColumns.error());
    if (keyColumns->toInt() != 1)
        return {};
    return session.exec(
        QStringLiteral("ALTER TABLE %1.%2 DROP PRIMARY KEY, ADD PRIMARY KEY (server_id, written_by)")
            .arg(SqlQuote::identifier(database), tableName()));
}

Result<void> Heartbeat::dropTable(SqlSession& session, const QString& database)
{
    session.setStep(StepId::Heartbeat);
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

QString Heartbeat::beatStatement(const Dialect& dialect, qint64 serverId, const QString& monitorId)
{
    // the server id as a literal: @@server_id would be re-evaluated by a statement-based replica. The
    // update repeats the clock rather than VALUES(ts_us), deprecated since MySQL 8.0.20 (a warning on
    // every beat); the clock is the statement's, so both give the same value
    return QStringLiteral("INSERT INTO %1 (server_id, written_by, ts_us) VALUES (%2, %3, %4) "
                          "ON DUPLICATE KEY UPDATE ts_us = %4")
        .arg(tableName())
        .arg(serverId)
        .arg(SqlQuote::literal(monitorId), clockExpression(dialect));
}

Result<int> Heartbeat::removeStaleRows(SqlSession& session, qint64 serverId, const QString& monitorId)
{
    session.setStep(StepId::Heartbeat);
    auto stale = session.query(QStringLiteral(
        "SELECT written_by, ts_us FROM %1 WHERE server_id = %2 AND written_by <> %3 AND ts_us < "
        "TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP()) - %4 "
        "ORDER BY ts_us LIMIT %5")
                                   .arg(tableName())
                                   .arg(serverId)
                                   .arg(SqlQuote::literal(monitorId))
                                   .arg(StaleAfterUs)
                                   .arg(StaleRowsPerRemoval));
    if (!stale)
        return std::unexpected(stale.error());
    if (stale->isEmpty())
        return 0;
    QStringList writers;
    qint64 newest = 0;
    for (const SqlRow& r : *stale) {
        writers << SqlQuote::literal(r.value(QStringLiteral("written_by")).toString());
        newest = std::max(newest, r.value(QStringLiteral("ts_us")).toLongLong());
    }
    // a row written again since it was read is not stale any more: it stays
    if (auto r = session.exec(
            QStringLiteral("DELETE FROM %1 WHERE server_id = %2 AND written_by IN (%3) AND ts_us <= %4")
                .arg(tableName())
                .arg(serverId)
                .arg(writers.join(QLatin1Char(',')))
                .arg(newest));
        !r)
        return std::unexpected(r.error());
    return int(stale->size());
}

QString Heartbeat::newMonitorId()
{
    static QAtomicInt counter;
    const QString id = QStringLiteral("%1:%2:%3")
                           .arg(QSysInfo::machineHostName().left(40))
                           .arg(QCoreApplication::applicationPid())
                           .arg(counter.fetchAndAddRelaxed(1));
    return id.right(64);
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
