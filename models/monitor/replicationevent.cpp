#include "monitor/replicationevent.h"

#include <QCoreApplication>

ReplicationEvent::Severity ReplicationEvent::severity() const
{
    switch (kind) {
    case Kind::ServerUnreachable:
    case Kind::IoError:
    case Kind::SqlError:
        return Severity::Error;
    case Kind::UserAction:
        return failed ? Severity::Error : Severity::Info;
    case Kind::IoThreadStopped:
    case Kind::SqlThreadStopped:
    case Kind::DataInDoubt:
    case Kind::LagHigh:
    case Kind::ReplicaRemoved:
    case Kind::TwoWriters:
    case Kind::NoWriter:
    case Kind::DataDiffers:
        return Severity::Warning;
    case Kind::ServerReachable:
    case Kind::Recovered:
    case Kind::OneWriter:
        break;
    }
    return Severity::Info;
}

QString ReplicationEvent::kindName(Kind kind)
{
    switch (kind) {
    case Kind::ServerUnreachable:
        return QStringLiteral("serverUnreachable");
    case Kind::ServerReachable:
        return QStringLiteral("serverReachable");
    case Kind::IoThreadStopped:
        return QStringLiteral("ioThreadStopped");
    case Kind::SqlThreadStopped:
        return QStringLiteral("sqlThreadStopped");
    case Kind::IoError:
        return QStringLiteral("ioError");
    case Kind::SqlError:
        return QStringLiteral("sqlError");
    case Kind::LagHigh:
        return QStringLiteral("lagHigh");
    case Kind::ReplicaRemoved:
        return QStringLiteral("replicaRemoved");
    case Kind::Recovered:
        return QStringLiteral("recovered");
    case Kind::TwoWriters:
        return QStringLiteral("twoWriters");
    case Kind::NoWriter:
        return QStringLiteral("noWriter");
    case Kind::OneWriter:
        return QStringLiteral("oneWriter");
    case Kind::DataDiffers:
        return QStringLiteral("dataDiffers");
    case Kind::DataInDoubt:
        return QStringLiteral("dataInDoubt");
    case Kind::UserAction:
        return QStringLiteral("userAction");
    }
    return {};
}

QString ReplicationEvent::headline() const
{
    // news of a server reads as a sentence about it ("B recovered"), not as a title placed on it
    if (kind == Kind::Recovered && code == 0 && !server.isEmpty())
        return tr("%1 recovered", "server").arg(server);
    if (kind == Kind::ServerReachable && code == 0 && !server.isEmpty())
        return tr("%1 answers again", "server").arg(server);
    return code != 0 ? tr("%1 %2 on %3", "error title, the server's error number, server")
                           .arg(kindTitle(kind), QString::number(code), server)
        : server.isEmpty() ? kindTitle(kind)
                           : tr("%1 on %2", "event title, server").arg(kindTitle(kind), server);
}

QString ReplicationEvent::kindTitle(Kind kind)
{
    switch (kind) {
    case Kind::ServerUnreachable:
        return ReplicationEvent::tr("Server unreachable");
    case Kind::ServerReachable:
        return ReplicationEvent::tr("Server reachable again");
    case Kind::IoThreadStopped:
        return ReplicationEvent::tr("IO thread stopped");
    case Kind::SqlThreadStopped:
        return ReplicationEvent::tr("SQL thread stopped");
    case Kind::IoError:
        return ReplicationEvent::tr("IO thread error");
    case Kind::SqlError:
        return ReplicationEvent::tr("SQL thread error");
    case Kind::LagHigh:
        return ReplicationEvent::tr("Replication lag high");
    case Kind::ReplicaRemoved:
        return ReplicationEvent::tr("Replication not configured");
    case Kind::Recovered:
        return ReplicationEvent::tr("Recovered");
    case Kind::TwoWriters:
        return ReplicationEvent::tr("Two writers");
    case Kind::NoWriter:
        return ReplicationEvent::tr("No writer");
    case Kind::OneWriter:
        return ReplicationEvent::tr("One writer again");
    case Kind::DataDiffers:
        return ReplicationEvent::tr("Data differs");
    case Kind::DataInDoubt:
        return ReplicationEvent::tr("Data not known to agree");
    case Kind::UserAction:
        return ReplicationEvent::tr("Action");
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
    if (!detail.isEmpty())
        o.insert(QStringLiteral("detail"), detail);
    return o;
}
