#pragma once

#include "common/steperror.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QVariantMap>
#include <optional>

class Dialect;
class SqlSession;
struct ReplicaStatusColumns;

/** What SHOW SLAVE STATUS / SHOW REPLICA STATUS says about a replica, normalised across dialects (NULL
 *  kept apart from 0). The one place that reads the statement, judges health and picks the lag to show. */
struct ReplicaStatus
{
    Q_DECLARE_TR_FUNCTIONS(ReplicaStatus)
public:
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
    QString relayLogFile; ///< the replica's own relay log, where the SQL thread stands
    qint64 relayLogPos = 0;
    qint64 relayLogSpace = 0;
    int lastIoErrno = 0;
    QString lastIoError;
    QString lastIoErrorTime;
    int lastSqlErrno = 0;
    QString lastSqlError;
    QString lastSqlErrorTime;
    bool usingGtid = false;
    std::optional<qint64> sqlDelay; ///< MASTER_DELAY in seconds
    QString sqlState; ///< Slave_SQL_Running_State / Replica_SQL_Running_State
    QString replicateDoDb;
    QString replicateIgnoreDb;
    QString replicateWildDoTable;
    QString replicateWildIgnoreTable;
    /** Master_SSL_Allowed / Source_SSL_Allowed: the link is encrypted (the replica refuses a source
     *  without TLS); empty when the column is absent. */
    std::optional<bool> tlsEncrypted;
    /** Master_SSL_Verify_Server_Cert: the replica checks the source's certificate. */
    std::optional<bool> tlsVerified;
    QString tlsCa; ///< Master_SSL_CA_File

    /** Configured, both threads running, no error. */
    bool healthy() const
    {
        return configured && ioRunning && sqlRunning && lastIoErrno == 0 && lastSqlErrno == 0;
    }
    /** The lag to show: the heartbeat's (sub-second) when known, else Seconds_Behind_Master; empty when
     *  neither is known (a stopped SQL thread reports NULL, which is not "0 s behind"). */
    std::optional<double> lag(std::optional<double> heartbeatLag = {}) const;
    /** Binlog bytes received but not yet executed when the positions tell it, else the relay log space;
     *  0 when not a replica. */
    qint64 backlogBytes() const;
    /** "IO thread error 2003: …", empty without an IO error; likewise for the SQL thread. */
    QString ioErrorText() const;
    QString sqlErrorText() const;
    /** The error an admin should read first (SQL before IO), empty when none. */
    QString lastError() const;
    /** Seconds_Behind_Master as people read it: "12 s", or "NULL" when the server says NULL. */
    QString secondsBehindText() const;
    /** One line for people: "from HOST:PORT  IO Yes  SQL No  behind NULL" in the server's own words for
     *  the threads, or "not a replica". */
    QString summary() const;
    /** The threads' states as people read them, translated the same way: "yes", "no", "connecting". */
    QString ioThreadText() const;
    QString sqlThreadText() const;
    /** The link's protection for people: "encrypted, certificate verified", "encrypted, certificate not
     *  checked", "clear text"; empty when not a replica or unknown. */
    QString tlsText() const;
    /** The same as a stable id: "verified", "encrypted", "clear", or empty. */
    QString tlsId() const;

    /** The fields every machine output uses (status --json, monitor --json): configured, source, threads,
     *  seconds behind, positions, backlog, errors. Stable English keys; NULL stays null. */
    QJsonObject toJson() const;

    /** Reads the statement's first row by the column names of @p dialect. */
    static ReplicaStatus fromRow(const QVariantMap& row, const Dialect& dialect);
    /** Reads a row whose column names tell their dialect (old Slave_/Master_ or new Replica_/Source_). */
    static ReplicaStatus fromRow(const QVariantMap& row);
    static ReplicaStatus fromRow(const QVariantMap& row, const ReplicaStatusColumns& columns);
    /** Runs the dialect's SHOW … STATUS on @p session and reads it. */
    static Result<ReplicaStatus> read(SqlSession& session, const Dialect& dialect);
};
