#include "sql/replicastatus.h"

namespace {

QVariant pick(const QVariantMap& row, std::initializer_list<const char*> names)
{
    for (const char* n : names) {
        const auto it = row.constFind(QLatin1String(n));
        if (it != row.constEnd())
            return *it;
    }
    return {};
}

std::optional<qint64> optionalInt(const QVariant& v)
{
    if (!v.isValid() || v.isNull() || v.toString().isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

} // namespace

ReplicaStatus ReplicaStatus::fromRow(const QVariantMap& row)
{
    ReplicaStatus s;
    if (row.isEmpty())
        return s;
    s.configured = true;
    s.sourceHost = pick(row, { "Source_Host", "Master_Host" }).toString();
    s.sourcePort = pick(row, { "Source_Port", "Master_Port" }).toInt();
    s.sourceUser = pick(row, { "Source_User", "Master_User" }).toString();
    s.ioState = pick(row, { "Replica_IO_Running", "Slave_IO_Running" }).toString();
    s.ioRunning = s.ioState.compare(QLatin1String("Yes"), Qt::CaseInsensitive) == 0;
    s.sqlRunning = pick(row, { "Replica_SQL_Running", "Slave_SQL_Running" })
                       .toString()
                       .compare(QLatin1String("Yes"), Qt::CaseInsensitive)
        == 0;
    s.secondsBehind = optionalInt(pick(row, { "Seconds_Behind_Source", "Seconds_Behind_Master" }));
    s.sourceLogFile = pick(row, { "Source_Log_File", "Master_Log_File" }).toString();
    s.readSourceLogPos = pick(row, { "Read_Source_Log_Pos", "Read_Master_Log_Pos" }).toLongLong();
    s.relaySourceLogFile = pick(row, { "Relay_Source_Log_File", "Relay_Master_Log_File" }).toString();
    s.execSourceLogPos = pick(row, { "Exec_Source_Log_Pos", "Exec_Master_Log_Pos" }).toLongLong();
    s.relayLogSpace = pick(row, { "Relay_Log_Space" }).toLongLong();
    s.lastIoErrno = pick(row, { "Last_IO_Errno" }).toInt();
    s.lastIoError = pick(row, { "Last_IO_Error" }).toString();
    s.lastIoErrorTime = pick(row, { "Last_IO_Error_Timestamp" }).toString();
    s.lastSqlErrno = pick(row, { "Last_SQL_Errno" }).toInt();
    s.lastSqlError = pick(row, { "Last_SQL_Error" }).toString();
    s.lastSqlErrorTime = pick(row, { "Last_SQL_Error_Timestamp" }).toString();
    const QString gtid = pick(row, { "Using_Gtid", "Auto_Position" }).toString();
    s.usingGtid = !gtid.isEmpty() && gtid != QLatin1String("No") && gtid != QLatin1String("0");
    s.sqlDelay = optionalInt(pick(row, { "SQL_Delay" }));
    s.sqlState = pick(row, { "Replica_SQL_Running_State", "Slave_SQL_Running_State" }).toString();
    return s;
}
