#pragma once

#include "common/pairprofile.h"
#include "inspection/serverinspection.h"
#include "monitor/statussample.h"
#include "monitor/writercheck.h"
#include "operation/pairstate.h"
#include "sql/replicastatus.h"

#include <QDateTime>
#include <QObject>

#include <optional>

/** What the topology canvas shows about a pair: both servers and both replication directions,
 *  fed by SetupRunner inspections and monitoring samples. The canvas observes it and owns no state. */
class TopologyModel : public QObject
{
    Q_OBJECT
public:
    enum class LinkState { Unknown, Running, Lagging, Stopped, Error };
    Q_ENUM(LinkState)

    /** One server node: what it is and whether it answers. */
    struct Server
    {
        QString name;
        QString endpoint;
        QString flavorVersion;
        std::optional<qint64> serverId;
        std::optional<bool> readOnly;
        bool reachable = false;
        bool known = false; ///< inspected or sampled at least once
        bool sampled = false; ///< the live monitor has reported on it: inspections no longer say how it is
        QString error; ///< why it is unreachable, the server's own text
        QStringList errantGtids; ///< the peer's transactions only this server holds (StatusSample)
        QStringList notOnPeer; ///< its own transactions the peer lacks (StatusSample)
        bool gtidKnown = false; ///< the monitor read its GTID state
    };

    /** One replication direction: the source's changes applied by the replica, as the replica's status
     *  says (no copy of its fields: the status itself). */
    struct Link
    {
        int source = 0;
        int replica = 1;
        LinkState state = LinkState::Unknown;
        ReplicaStatus status; ///< the replica's SHOW SLAVE/REPLICA STATUS
        std::optional<double> heartbeatLag; ///< seconds, from the monitor's heartbeat
        QDateTime updated; ///< when the status was read: the sample's own time, or the inspection's
        bool fromMonitor = false; ///< the status is the live monitor's (else an inspection's, or none)

        /** The lag worth showing (ReplicaStatus::lag). */
        std::optional<double> lag() const { return status.lag(heartbeatLag); }
        /** Both threads' errors, one a line; empty when none. */
        QString errorText() const;
    };

    explicit TopologyModel(QObject* parent = nullptr);

    /** Starts over for @p profile: names and endpoints known, every state unknown. */
    void setProfile(const PairProfile& profile);
    void clear();
    bool hasPair() const { return m_hasPair; }
    QString pairName() const { return m_pairName; }
    /** The profile's writer (0 or 1), -1 when both servers take writes. */
    int writerIndex() const { return m_writerIndex; }
    /** Whether the servers take writes as the writer role says, from what the model last heard. */
    WriterCheck::Verdict writerVerdict() const;
    /** Why server @p index is fenced (a forced failover left it behind: stale, kept read-only until it is
     *  rejoined or rebuilt), as the pair's state file says; empty when it is not. */
    QString fencedReason(int index) const { return m_fenced[index]; }
    QDateTime fencedSince() const { return m_fencedSince; }
    /** Reads the pair's state file again (PairState) when it changed since the last read; called on each
     *  sample, so that a fence set or lifted by another process shows. */
    void reloadPairState();

    /** A server as SetupRunner inspected it at @p time (now when invalid). What it is (version, server id)
     *  is taken; how it is (reachable, read_only, its replica status) only until the live monitor reports
     *  on it: the monitor's samples are newer than an inspection that finishes after them. */
    void applyInspection(int index, const ServerInspection& inspection, const QDateTime& time = {});
    /** A fresh replica status of server @p replica (the link from the other server into it), read by the
     *  live monitor at @p time (now when invalid). */
    void applyReplicaStatus(int replica, const ReplicaStatus& status, std::optional<double> heartbeatLag = {},
        const QDateTime& time = {});
    /** A monitoring sample of one server: its health and the link into it, as of the sample's time. */
    void applySample(const StatusSample& sample);
    void setServerReachable(int index, bool reachable, const QString& error = {});
    void setReadOnly(int index, bool readOnly);
    /** What the pair's state file says of the data's agreement (equal, differs, unverified since a skip). */
    void setPairState(const PairState& state);
    const PairState& pairState() const { return m_pairState; }
    /** The data may differ (PairState::dataInDoubt): the canvas, banner and tray say so over green arrows. */
    bool dataInDoubt() const { return m_pairState.dataInDoubt(); }
    /** Lag above this (seconds) turns a running link into a lagging one. */
    void setLagThreshold(double seconds);
    double lagThreshold() const { return m_lagThreshold; }

    const Server& server(int index) const { return m_servers[index]; }
    /** Direction 0 is A → B (status read on B), direction 1 is B → A. */
    const Link& link(int direction) const { return m_links[direction]; }
    bool hasInspection(int index) const { return m_hasInspection[index]; }
    const ServerInspection& inspection(int index) const { return m_inspections[index]; }

    static int directionInto(int replica) { return 1 - replica; }
    static QString stateName(LinkState state);

Q_SIGNALS:
    void modelReset();
    void serverChanged(int index);
    void linkChanged(int direction);
    /** The data's agreement changed (setPairState). */
    void pairStateChanged();

private:
    void updateLinkState(Link& link) const;
    void setLinkStatus(int replica, const ReplicaStatus& status, std::optional<double> heartbeatLag,
        const QDateTime& time, bool fromMonitor);

    bool m_hasPair = false;
    QString m_pairName;
    PairProfile m_profile;
    QDateTime m_stateRead; ///< the state file's modification time when last read
    bool m_stateExisted = false;
    QString m_fenced[2];
    QDateTime m_fencedSince;
    int m_writerIndex = -1;
    double m_lagThreshold = 5.0;
    Server m_servers[2];
    Link m_links[2];
    bool m_hasInspection[2] = { false, false };
    ServerInspection m_inspections[2];
    PairState m_pairState;
};
