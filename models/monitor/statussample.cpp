#include "monitor/statussample.h"

#include <QCoreApplication>

#include <cmath>

qint64 StatusSample::backlogBytes() const
{
    if (!replicaConfigured)
        return 0;
    if (!sourceLogFile.isEmpty() && sourceLogFile == relaySourceLogFile
        && readSourceLogPos >= execSourceLogPos)
        return readSourceLogPos - execSourceLogPos;
    return relayLogSpace;
}

std::optional<double> StatusSample::effectiveLag() const
{
    if (heartbeatLag)
        return heartbeatLag;
    if (secondsBehind)
        return double(*secondsBehind);
    return std::nullopt;
}

QString StatusSample::lastError() const
{
    if (!reachable)
        return unreachableReason;
    if (lastSqlErrno != 0 || !lastSqlError.isEmpty())
        return StatusSample::tr("SQL thread error %1: %2").arg(lastSqlErrno).arg(lastSqlError);
    if (lastIoErrno != 0 || !lastIoError.isEmpty())
        return StatusSample::tr("IO thread error %1: %2").arg(lastIoErrno).arg(lastIoError);
    return statusError;
}

bool StatusSample::healthy() const
{
    return reachable && replicaConfigured && ioRunning && sqlRunning && lastIoErrno == 0 && lastSqlErrno == 0;
}

void StatusSample::setReplicaStatus(const ReplicaStatus& s)
{
    replicaConfigured = s.configured;
    sourceHost = s.sourceHost;
    sourcePort = s.sourcePort;
    ioRunning = s.ioRunning;
    sqlRunning = s.sqlRunning;
    ioState = s.ioState;
    sqlState = s.sqlState;
    secondsBehind = s.secondsBehind;
    sqlDelay = s.sqlDelay;
    sourceLogFile = s.sourceLogFile;
    readSourceLogPos = s.readSourceLogPos;
    relaySourceLogFile = s.relaySourceLogFile;
    execSourceLogPos = s.execSourceLogPos;
    relayLogSpace = s.relayLogSpace;
    lastIoErrno = s.lastIoErrno;
    lastIoError = s.lastIoError;
    lastIoErrorTime = s.lastIoErrorTime;
    lastSqlErrno = s.lastSqlErrno;
    lastSqlError = s.lastSqlError;
    lastSqlErrorTime = s.lastSqlErrorTime;
}

namespace {
QJsonValue optionalValue(const std::optional<qint64>& v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
} // namespace

QJsonObject StatusSample::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("server"), server);
    o.insert(QStringLiteral("reachable"), reachable);
    o.insert(QStringLiteral("readOnly"), reachable ? QJsonValue(readOnly) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("replicaConfigured"), replicaConfigured);
    o.insert(QStringLiteral("ioRunning"), ioRunning);
    o.insert(QStringLiteral("sqlRunning"), sqlRunning);
    o.insert(QStringLiteral("ioState"), textOrNull(ioState));
    o.insert(QStringLiteral("sqlState"), textOrNull(sqlState));
    o.insert(QStringLiteral("secondsBehind"), optionalValue(secondsBehind));
    o.insert(QStringLiteral("heartbeatLag"),
        heartbeatLag ? QJsonValue(std::round(*heartbeatLag * 1000.0) / 1000.0)
                     : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("sourceLogFile"), textOrNull(sourceLogFile));
    o.insert(QStringLiteral("readSourceLogPos"), double(readSourceLogPos));
    o.insert(QStringLiteral("relaySourceLogFile"), textOrNull(relaySourceLogFile));
    o.insert(QStringLiteral("execSourceLogPos"), double(execSourceLogPos));
    o.insert(QStringLiteral("relayLogSpace"), double(relayLogSpace));
    o.insert(QStringLiteral("lastIoErrno"), lastIoErrno);
    o.insert(QStringLiteral("lastIoError"), textOrNull(lastIoError));
    o.insert(QStringLiteral("lastSqlErrno"), lastSqlErrno);
    o.insert(QStringLiteral("lastSqlError"), textOrNull(lastSqlError));
    o.insert(QStringLiteral("lastError"), textOrNull(lastError()));
    if (!heartbeatError.isEmpty())
        o.insert(QStringLiteral("heartbeatError"), heartbeatError);
    return o;
}
