#include "monitor/statussample.h"

#include <cmath>

QString StatusSample::lastError() const
{
    if (!reachable)
        return unreachableReason;
    const QString replicaError = replica.lastError();
    return replicaError.isEmpty() ? statusError : replicaError;
}

QString StatusSample::summary() const
{
    if (!reachable)
        return StatusSample::tr("unreachable: %1").arg(unreachableReason);
    if (!replica.configured && !statusError.isEmpty())
        return StatusSample::tr("replica status unknown: %1").arg(statusError);
    return replica.summary();
}

namespace {
QJsonValue secondsOrNull(const std::optional<double>& v)
{
    return v ? QJsonValue(std::round(*v * 1000.0) / 1000.0) : QJsonValue(QJsonValue::Null);
}
} // namespace

QJsonObject StatusSample::toJson() const
{
    QJsonObject o = replica.toJson();
    o.insert(QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("server"), server);
    o.insert(QStringLiteral("reachable"), reachable);
    o.insert(QStringLiteral("readOnly"), reachable ? QJsonValue(readOnly) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("writable"), reachable ? QJsonValue(!readOnly) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("role"), role.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(role));
    o.insert(
        QStringLiteral("serverId"), serverId ? QJsonValue(double(*serverId)) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("heartbeatLag"), secondsOrNull(heartbeatLag));
    o.insert(QStringLiteral("lag"), secondsOrNull(effectiveLag()));
    const QString error = lastError();
    o.insert(QStringLiteral("lastError"), error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(error));
    if (!heartbeatError.isEmpty())
        o.insert(QStringLiteral("heartbeatError"), heartbeatError);
    if (!gtidState.isEmpty()) {
        // what only this server holds: of the peer's transactions (errant), of its own (not yet or never
        // on the peer)
        o.insert(QStringLiteral("errantGtids"), QJsonArray::fromStringList(errantGtids));
        o.insert(QStringLiteral("notOnPeer"), QJsonArray::fromStringList(notOnPeer));
    }
    return o;
}
