#include "sql/replicastatuscolumns.h"

const ReplicaStatusColumns& ReplicaStatusColumns::mariaDb()
{
    static const ReplicaStatusColumns c { QLatin1StringView("Master_Host"), QLatin1StringView("Master_Port"),
        QLatin1StringView("Master_User"), QLatin1StringView("Slave_IO_Running"),
        QLatin1StringView("Slave_SQL_Running"), QLatin1StringView("Seconds_Behind_Master"),
        QLatin1StringView("Master_Log_File"), QLatin1StringView("Read_Master_Log_Pos"),
        QLatin1StringView("Relay_Master_Log_File"), QLatin1StringView("Exec_Master_Log_Pos"),
        QLatin1StringView("Slave_SQL_Running_State"), QLatin1StringView("Using_Gtid") };
    return c;
}

const ReplicaStatusColumns& ReplicaStatusColumns::mySqlLegacy()
{
    static const ReplicaStatusColumns c = [] {
        ReplicaStatusColumns m = mariaDb();
        m.usingGtid = QLatin1StringView("Auto_Position");
        return m;
    }();
    return c;
}

const ReplicaStatusColumns& ReplicaStatusColumns::mySqlModern()
{
    static const ReplicaStatusColumns c { QLatin1StringView("Source_Host"), QLatin1StringView("Source_Port"),
        QLatin1StringView("Source_User"), QLatin1StringView("Replica_IO_Running"),
        QLatin1StringView("Replica_SQL_Running"), QLatin1StringView("Seconds_Behind_Source"),
        QLatin1StringView("Source_Log_File"), QLatin1StringView("Read_Source_Log_Pos"),
        QLatin1StringView("Relay_Source_Log_File"), QLatin1StringView("Exec_Source_Log_Pos"),
        QLatin1StringView("Replica_SQL_Running_State"), QLatin1StringView("Auto_Position") };
    return c;
}

const ReplicaStatusColumns& ReplicaStatusColumns::forRow(const QVariantMap& row)
{
    if (row.contains(mySqlModern().ioRunning) || row.contains(mySqlModern().sourceHost))
        return mySqlModern();
    return row.contains(mariaDb().usingGtid) ? mariaDb() : mySqlLegacy();
}
