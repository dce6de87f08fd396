#include "monitor/statussample.h"

#include <QJsonArray>

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
    auto textOrNull
        = [](const QString& t) { return t.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(t); };
    o.insert(QStringLiteral("tlsSessionCipher"), reachable ? textOrNull(sessionCipher) : QJsonValue());
    o.insert(QStringLiteral("tlsReplicationCipher"), textOrNull(replicationCipher));
    o.insert(QStringLiteral("tlsCertificateNotAfter"),
        certificateNotAfter.isValid() ? QJsonValue(certificateNotAfter.toUTC().toString(Qt::ISODate))
                                      : QJsonValue());
    o.insert(QStringLiteral("tlsCertificateState"), textOrNull(certificateState()));
    return o;
}

QString StatusSample::certificateState(const QDateTime& now) const
{
    if (!certificateNotAfter.isValid())
        return {};
    if (now >= certificateNotAfter)
        return QStringLiteral("error");
    return now.secsTo(certificateNotAfter) < 30LL * 86400 ? QStringLiteral("warning") : QStringLiteral("ok");
}

QString StatusSample::certificateText(const QDateTime& now) const
{
    const QString state = certificateState(now);
    if (state.isEmpty())
        return {};
    const QString date = certificateNotAfter.toUTC().toString(Qt::ISODate);
    const int days = int(now.secsTo(certificateNotAfter) / 86400);
    if (state == QLatin1String("error"))
        return tr("ERROR: the TLS certificate expired on %1").arg(date);
    if (state == QLatin1String("warning"))
        return tr("WARNING: the TLS certificate expires in %n day(s), on %1", nullptr, days).arg(date);
    return tr("TLS certificate valid until %1").arg(date);
}
