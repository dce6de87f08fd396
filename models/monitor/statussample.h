#pragma once

#include "sql/replicastatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <optional>

/** One server's state at one poll: whether it answers, its replica status as the server says it, and the
 *  heartbeat lag the pair monitor adds. */
struct StatusSample
{
    Q_DECLARE_TR_FUNCTIONS(StatusSample)
public:
    QDateTime time; ///< when the poll started (UTC, local clock of the monitor)
    int serverIndex = 0; ///< 0 or 1 in the pair
    QString server; ///< profile name ("A")

    bool reachable = false;
    QString unreachableReason; ///< the client's text when the server did not answer, in words (no SQL)
    QString unreachableDetail; ///< the same with the statement that failed, for the log's detail
    bool readOnly = false; ///< @@global.read_only: the application cannot write here
    /** The server's part in the writer role, "writer" or "reader" (WriterCheck::roleId), set by the pair
     *  monitor from the profile; empty when not known. */
    QString role;
    std::optional<qint64> serverId;

    /** What the server holds (MariaDB: @@gtid_binlog_state; MySQL: @@gtid_executed), empty where GTIDs are
     *  not known, and its own id in it (MariaDB: its server_id; MySQL: its server_uuid). */
    QString gtidState;
    QString gtidSelf;
    /** Set by the pair monitor: transactions that started on the peer, that this server holds and the peer
     *  lacks, confirmed by a look at the peer made after this server's (GtidSet::heldNotIn ranges). A write
     *  made here under the peer's id, or transactions the peer lost: the data are in doubt. */
    QStringList errantGtids;
    /** Set by the pair monitor: this server's own transactions its peer lacks, at the peer's last look,
     *  that this server held before that look began (a look made at the same time is no proof: the
     *  monitor's own beat just written was reported). In flight on a running pair; on a server left
     *  behind by a failover, what only it holds. */
    QStringList notOnPeer;

    ReplicaStatus replica; ///< SHOW SLAVE/REPLICA STATUS; not configured when unreachable
    QString statusError; ///< why the replica status could not be read (e.g. a missing privilege)

    /** Heartbeat lag of this server behind its source, in seconds (sub-second); empty when unknown. */
    std::optional<double> heartbeatLag;
    QString heartbeatError; ///< why the heartbeat could not be written or measured, empty when fine

    /** The beat this poll wrote, if any: its own GTID (MariaDB: the session's @@last_gtid) or where the
     *  binary log ended just after it (MySQL), and when it was committed in the monitor's clock (µs). The
     *  pair monitor measures the peer's apply of it (Dialect::replicaWaitForBeat). */
    QString beatGtid;
    QString beatLogFile;
    qint64 beatLogPos = 0;
    std::optional<qint64> beatWrittenUs;
    qint64 pollMicros = 0; ///< how long the poll took
    qint64 pollStartUs = 0; ///< when the poll started, in the monitor's local clock (Heartbeat::localClockUs)

    /** TLS as this server shows it: its certificate's end (Ssl_server_not_after, UTC; invalid without
     *  TLS), the cipher of the monitor's own session and of the peer's replication session here (the
     *  source's view of the link; empty when clear text or when performance_schema cannot tell). */
    QDateTime certificateNotAfter;
    QString sessionCipher;
    QString replicationCipher;
    /** "ok", "warning" (ends within 30 days), "error" (ended), or empty when the server has no certificate.
     */
    QString certificateState(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;
    /** "certificate expires 2027-12-04 (in 365 days)", with a warning or error word; empty without TLS. */
    QString certificateText(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;

    /** The lag the charts and alerts use (ReplicaStatus::lag). */
    std::optional<double> effectiveLag() const { return replica.lag(heartbeatLag); }
    /** The error text an admin should read first: unreachable, then SQL, then IO, then the status read's. */
    QString lastError() const;
    /** One line for people: unreachable and why, why the replica status could not be read, "not a
     *  replica", or the replica's summary (ReplicaStatus::summary). */
    QString summary() const;
    /** Reachable, replicating with both threads and without errors. */
    bool healthy() const { return reachable && replica.healthy(); }

    /** One object for the CLI and exports: time, server, reachable, readOnly, writable, role, serverId, the
     * replica status (ReplicaStatus::toJson), heartbeatLag, lag and lastError. */
    QJsonObject toJson() const;
};

Q_DECLARE_METATYPE(StatusSample)
