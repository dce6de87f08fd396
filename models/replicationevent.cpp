#include "replicationevent.h"

#include <QCoreApplication>

ReplicationEvent::Severity ReplicationEvent::severity() const
{
    switch (kind) {
    case Kind::ServerUnreachable:
    case Kind::IoError:
    case Kind::SqlError:
        return Severity::Error;
    case Kind::IoThreadStopped:
    case Kind::SqlThreadStopped:
    case Kind::LagHigh:
    case Kind::ReplicaRemoved:
        return Severity::Warning;
    case Kind::ServerReachable:
    case Kind::Recovered:
        break;
    }
    return Severity::Info;
}

QString ReplicationEvent::kindName(Kind kind)
{
    switch (kind) {
    case Kind::ServerUnreachable: return QStringLiteral("serverUnreachable");
    case Kind::ServerReachable: return QStringLiteral("serverReachable");
    case Kind::IoThreadStopped: return QStringLiteral("ioThreadStopped");
    case Kind::SqlThreadStopped: return QStringLiteral("sqlThreadStopped");
    case Kind::IoError: return QStringLiteral("ioError");
    case Kind::SqlError: return QStringLiteral("sqlError");
    case Kind::LagHigh: return QStringLiteral("lagHigh");
    case Kind::ReplicaRemoved: return QStringLiteral("replicaRemoved");
    case Kind::Recovered: return QStringLiteral("recovered");
    }
    return {};
}

QString ReplicationEvent::kindTitle(Kind kind)
{
    switch (kind) {
    case Kind::ServerUnreachable: return QCoreApplication::translate("ReplicationEvent", "Server unreachable");
    case Kind::ServerReachable: return QCoreApplication::translate("ReplicationEvent", "Server reachable again");
    case Kind::IoThreadStopped: return QCoreApplication::translate("ReplicationEvent", "IO thread stopped");
    case Kind::SqlThreadStopped: return QCoreApplication::translate("ReplicationEvent", "SQL thread stopped");
    case Kind::IoError: return QCoreApplication::translate("ReplicationEvent", "IO thread error");
    case Kind::SqlError: return QCoreApplication::translate("ReplicationEvent", "SQL thread error");
    case Kind::LagHigh: return QCoreApplication::translate("ReplicationEvent", "Replication lag high");
    case Kind::ReplicaRemoved: return QCoreApplication::translate("ReplicationEvent", "Replication not configured");
    case Kind::Recovered: return QCoreApplication::translate("ReplicationEvent", "Recovered");
    }
    return {};
}

QJsonObject ReplicationEvent::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), QStringLiteral("event"));
    o.insert(QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("server"), server);
    o.insert(QStringLiteral("kind"), kindName(kind));
    if (code != 0)
        o.insert(QStringLiteral("code"), code);
    o.insert(QStringLiteral("text"), text);
    return o;
}
