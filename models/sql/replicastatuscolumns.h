#pragma once

#include <QLatin1StringView>
#include <QVariantMap>

/** The column names of SHOW SLAVE STATUS / SHOW REPLICA STATUS in one dialect (only the ones that differ
 *  between dialects are listed; Last_IO_Errno, Relay_Log_Space, SQL_Delay, … are the same everywhere). */
struct ReplicaStatusColumns
{
    QLatin1StringView sourceHost;
    QLatin1StringView sourcePort;
    QLatin1StringView sourceUser;
    QLatin1StringView ioRunning;
    QLatin1StringView sqlRunning;
    QLatin1StringView secondsBehind;
    QLatin1StringView sourceLogFile;
    QLatin1StringView readSourceLogPos;
    QLatin1StringView relaySourceLogFile;
    QLatin1StringView execSourceLogPos;
    QLatin1StringView sqlState;
    QLatin1StringView usingGtid; ///< Using_Gtid (MariaDB) or Auto_Position (MySQL)

    static const ReplicaStatusColumns& mariaDb(); ///< Slave_/Master_ names, Using_Gtid
    static const ReplicaStatusColumns& mySqlLegacy(); ///< SHOW SLAVE STATUS: Slave_/Master_, Auto_Position
    static const ReplicaStatusColumns& mySqlModern(); ///< SHOW REPLICA STATUS: Replica_/Source_
    /** The set whose names the row carries (for rows whose dialect is not known). */
    static const ReplicaStatusColumns& forRow(const QVariantMap& row);
};
