#include "sql/runningserver.h"

#include "sql/sqlsession.h"

#include <QDir>

namespace {
QString cleanDir(const QString& dir)
{
    return dir.isEmpty() ? QString() : QDir::cleanPath(dir);
}
} // namespace

Result<RunningServer> RunningServer::read(SqlSession& sql)
{
    auto ids = sql.query(QStringLiteral("SELECT @@GLOBAL.datadir AS datadir, @@GLOBAL.port AS port, "
                                        "@@GLOBAL.server_id AS server_id, UNIX_TIMESTAMP() AS now"));
    if (!ids)
        return std::unexpected(ids.error());
    // Connections only grows within one process: a smaller count is a new process, even one started within
    // the second the uptime cannot tell apart
    auto status
        = sql.query(QStringLiteral("SHOW GLOBAL STATUS WHERE Variable_name IN ('Uptime', 'Connections')"));
    if (!status)
        return std::unexpected(status.error());
    const SqlRow row = ids->value(0);
    RunningServer s;
    s.dataDir = row.value(QStringLiteral("datadir")).toString();
    s.port = row.value(QStringLiteral("port")).toInt();
    s.serverId = row.value(QStringLiteral("server_id")).toLongLong();
    for (const SqlRow& r : *status) {
        const QString name = r.value(QStringLiteral("Variable_name")).toString();
        if (name.compare(QLatin1String("Uptime"), Qt::CaseInsensitive) == 0)
            s.uptime = r.value(QStringLiteral("Value")).toLongLong();
        else if (name.compare(QLatin1String("Connections"), Qt::CaseInsensitive) == 0)
            s.connections = r.value(QStringLiteral("Value")).toLongLong();
    }
    auto after = sql.query(QStringLiteral("SELECT UNIX_TIMESTAMP() AS now"));
    if (!after)
        return std::unexpected(after.error());
    const qint64 before = qint64(row.value(QStringLiteral("now")).toDouble());
    s.startedAt = before - s.uptime;
    s.startSpread = qMax<qint64>(0, qint64(after->value(0).value(QStringLiteral("now")).toDouble()) - before);
    return s;
}

bool RunningServer::isServer(const QString& expectedDataDir, int expectedPort, qint64 expectedServerId) const
{
    return (expectedDataDir.isEmpty() || cleanDir(dataDir) == cleanDir(expectedDataDir))
        && (expectedPort == 0 || port == expectedPort)
        && (expectedServerId == 0 || serverId == expectedServerId);
}

bool RunningServer::sameProcess(const RunningServer& later) const
{
    const bool startsOverlap = later.startedAt <= startedAt + startSpread + 1
        && startedAt <= later.startedAt + later.startSpread + 1;
    return later.isServer(dataDir, port, serverId) && startsOverlap && later.uptime >= uptime
        && later.connections >= connections;
}

QString RunningServer::describe() const
{
    return RunningServer::tr("datadir %1, port %2, server_id %3, up %4 s")
        .arg(dataDir, QString::number(port), QString::number(serverId), QString::number(uptime));
}
