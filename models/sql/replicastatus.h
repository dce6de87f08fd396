#pragma once

#include <QDateTime>
#include <QString>
#include <QVariantMap>
#include <optional>

/** A replica's state normalised across dialects (SHOW SLAVE STATUS / SHOW REPLICA STATUS). */
struct ReplicaStatus
{
    bool configured = false; ///< the statement returned a row
    QString sourceHost;
    int sourcePort = 0;
    QString sourceUser;
    QString ioState; ///< "Yes", "No", "Connecting" as the server says it
    bool ioRunning = false; ///< IO thread state is "Yes"
    bool sqlRunning = false;
    std::optional<qint64> secondsBehind; ///< NULL stays empty, distinct from 0
    QString sourceLogFile;
    qint64 readSourceLogPos = 0;
    QString relaySourceLogFile;
    qint64 execSourceLogPos = 0;
    qint64 relayLogSpace = 0;
    int lastIoErrno = 0;
    QString lastIoError;
    QString lastIoErrorTime;
    int lastSqlErrno = 0;
    QString lastSqlError;
    QString lastSqlErrorTime;
    bool usingGtid = false;
    std::optional<qint64> sqlDelay;
    QString sqlState; ///< Slave_SQL_Running_State / Replica_SQL_Running_State

    bool healthy() const
    {
        return configured && ioRunning && sqlRunning && lastIoErrno == 0 && lastSqlErrno == 0;
    }
    /** Reads a status row by column name, old (Slave_/Master_) or new (Replica_/Source_) names alike. */
    static ReplicaStatus fromRow(const QVariantMap& row);
};
