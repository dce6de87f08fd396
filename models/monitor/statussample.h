#pragma once

#include "sql/replicastatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <optional>

/** One server's state at one poll, normalised across dialects: health, replica threads, lag, errors. */
struct StatusSample
{
    Q_DECLARE_TR_FUNCTIONS(StatusSample)
public:
    QDateTime time; ///< when the poll started (UTC, local clock of the monitor)
    int serverIndex = 0; ///< 0 or 1 in the pair
    QString server; ///< profile name ("A")

    bool reachable = false;
    QString unreachableReason; ///< the client's text when the server did not answer
    bool readOnly = false;
    std::optional<qint64> serverId;

    bool replicaConfigured = false; ///< SHOW SLAVE/REPLICA STATUS returned a row
    QString sourceHost;
    int sourcePort = 0;
    bool ioRunning = false;
    bool sqlRunning = false;
    QString ioState; ///< "Yes", "No", "Connecting", as the server says it
    QString sqlState; ///< Slave_SQL_Running_State, as the server says it
    std::optional<qint64> secondsBehind; ///< NULL stays empty, distinct from 0
    std::optional<qint64> sqlDelay; ///< MASTER_DELAY in seconds
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
    QString statusError; ///< why the replica status could not be read (e.g. a missing privilege)

    /** Heartbeat lag of this server behind its source, in seconds (sub-second); empty when unknown. */
    std::optional<double> heartbeatLag;
    QString heartbeatError; ///< why the heartbeat could not be written or read, empty when fine

    // Raw heartbeat and clock readings the pair monitor combines into heartbeatLag (microseconds).
    std::optional<qint64> clockOffsetUs; ///< this server's clock minus the monitor's clock
    std::optional<qint64> beatWrittenUs; ///< the heartbeat this poll wrote, in this server's clock
    std::optional<qint64> peerBeatUs; ///< the newest heartbeat replicated from the peer (peer's clock)
    std::optional<qint64> peerBeatReadAtUs; ///< when that row was read, in the monitor's clock
    qint64 pollMicros = 0; ///< how long the poll took

    /** The binlog bytes received but not yet executed, when the positions tell it; else the relay log space.
     */
    qint64 backlogBytes() const;
    /** The lag the charts and alerts use: heartbeat when known, else Seconds_Behind_Master. */
    std::optional<double> effectiveLag() const;
    /** The error text an admin should read first (IO or SQL, with its number), empty when none. */
    QString lastError() const;
    int lastErrno() const { return lastSqlErrno != 0 ? lastSqlErrno : lastIoErrno; }
    /** Reachable, replicating with both threads and without errors. */
    bool healthy() const;

    void setReplicaStatus(const ReplicaStatus& status);
    /** One object for the CLI and exports; includes time, server, ioRunning, sqlRunning, secondsBehind,
     *  heartbeatLag and lastError at least. */
    QJsonObject toJson() const;
};

Q_DECLARE_METATYPE(StatusSample)
