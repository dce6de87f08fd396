#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"
#include "monitor/errantwatch.h"
#include "monitor/replicationevent.h"
#include "monitor/replicationeventdetector.h"
#include "monitor/statushistory.h"
#include "monitor/statussample.h"

#include <QFuture>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QThreadPool>

#include <memory>

class ServerWorker;
class StatusPoller;

/** Watches a replicating pair: a worker and a poller per server, the heartbeat, the history and the
 *  events. Faces create one, connect sample() and event(), and read history().
 *  Heartbeat lag: each poll that writes a beat on a server reports the beat's own position (MariaDB: the
 *  GTID its session committed; MySQL: where that server's binary log ended right after it); a second worker
 *  per server (the "probe") waits on the peer for it (Dialect::replicaWaitForBeat) and times the apply in
 *  the monitor's clock. Each beat's delay is thus measured exactly, whatever the poll phase, the clocks and
 *  other monitors of the same pair (on MySQL a write committed between the beat and the position read makes
 *  the wait for a later event); between beats the lag shown is the last beat's delay, or the age of the
 *  oldest beat not applied yet when that is larger. */
class PairMonitor : public QObject
{
    Q_OBJECT
public:
    explicit PairMonitor(const PairProfile& profile, QObject* parent = nullptr);
    ~PairMonitor() override;

    const PairProfile& profile() const { return m_profile; }

    /** Poll interval for both servers, default 1000 ms, at least 200 ms. Heartbeats are written at this
     *  interval too, but at most once a second (StatusPoller::beatIntervalMs()). */
    void setIntervalMs(int ms);
    int intervalMs() const { return m_intervalMs; }
    /** Connect/read timeout of the monitoring connections, default 2 s. */
    void setTimeoutSec(int seconds);
    /** Lag above which a LagHigh event fires, default 10 s. */
    void setLagThreshold(double seconds);
    double lagThreshold() const { return m_detector.lagThreshold(); }
    /** Write heartbeats (default on, when the table exists); off means no heartbeat lag. */
    void setHeartbeatWrites(bool on);
    /** The database holding the heartbeat table; default PairProfile::probeDatabase(), empty turns it off. */
    void setHeartbeatDatabase(const QString& database);
    QString heartbeatDatabase() const { return m_heartbeatDatabase; }
    /** This monitor's id in the heartbeat table (column written_by). */
    QString monitorId() const { return m_monitorId; }

    void start();
    void stop();
    /** stop(), then wait for a heartbeat wait still running on a probe (at most a second) and close every
     *  connection; the monitor is done after it. For callers that may block, like the CLI before it exits: a
     * probe left running when the process ends would use the client library while it is torn down. */
    void finish();
    bool isRunning() const { return m_running; }
    /** One poll of both servers now; roundFinished() follows when both have answered. */
    void pollNow();

    /** Creates the heartbeat table through server @p index (it replicates to the peer); idempotent.
     *  Setup calls this once replication runs. */
    QFuture<Result<void>> createHeartbeatTable(int index = 0);
    /** Drops the heartbeat table through server @p index (it replicates to the peer); idempotent. */
    QFuture<Result<void>> removeHeartbeatTable(int index = 0);

    const StatusHistory& history() const { return m_history; }
    /** The newest sample of server @p index (a default one before the first poll). */
    const StatusSample& latest(int index) const { return m_latest[index]; }
    /** Whether what a server seems to hold of its peer's transactions waits for a later look at the peer
     *  (ErrantWatch::pending): a one-shot status polls once more before it answers. */
    bool errantPending() const { return m_errant.pending(); }
    ServerWorker* worker(int index) const { return m_workers[index].get(); }
    StatusPoller* poller(int index) const { return m_pollers[index].get(); }

Q_SIGNALS:
    void sample(const StatusSample& sample);
    void event(const ReplicationEvent& event);
    /** Both servers have reported since the last roundFinished(). */
    void roundFinished();

private:
    /** A beat of the peer that server `replica` has not yet been seen to apply. */
    struct PendingBeat
    {
        QString gtid; ///< the beat's own GTID (MariaDB); empty: by file and position
        QString file;
        qint64 pos = 0;
        qint64 writtenUs = 0; ///< monitor clock
    };
    /** What a wait on the replica answered. */
    struct ApplyWait
    {
        /** > 0 applied while we waited, 0 applied before the wait began, -1 timed out; empty: SQL thread
         *  not running (MASTER_POS_WAIT only: the GTID wait just times out then) */
        std::optional<qint64> waited;
        qint64 issuedUs = 0;
        qint64 returnedUs = 0;
    };

    void onSample(StatusSample sample);
    /** Waits on server @p replica for its oldest pending beat, unless a wait is under way. */
    void waitForApply(int replica);
    void onApplyWait(int replica, const PendingBeat& beat, const Result<ApplyWait>& result);
    std::optional<double> heartbeatLag(int replica, qint64 nowUs) const;
    void forgetBeats(int replica);

    /** The way back from the probes' waits: cleared (under its mutex) when the monitor goes, so that a wait
     *  still running then posts its answer nowhere. */
    struct ProbeReturn
    {
        QMutex mutex;
        PairMonitor* monitor = nullptr;
    };

    std::shared_ptr<ProbeReturn> m_probeReturn = std::make_shared<ProbeReturn>();
    PairProfile m_profile;
    // workers first: pollers post their last work to them while being destroyed
    std::unique_ptr<ServerWorker> m_workers[2];
    std::unique_ptr<ServerWorker> m_probeWorkers[2]; ///< wait on server i for the peer's beats
    std::unique_ptr<StatusPoller> m_pollers[2];
    StatusHistory m_history;
    ReplicationEventDetector m_detector;
    ErrantWatch m_errant;
    StatusSample m_latest[2];
    QList<PendingBeat> m_pending[2]; ///< the peer's beats server i has not applied yet, oldest first
    bool m_waiting[2] = { false, false };
    std::optional<qint64> m_delayUs[2]; ///< the newest measured apply delay of server i's beats from its peer
    qint64 m_lastReturnUs[2] = { 0, 0 }; ///< when server i's last wait returned (a beat applied or not yet)
    qint64 m_measuredAtUs[2] = { 0, 0 }; ///< when server i's last beat was seen applied
    QString m_probeError[2];
    QString m_monitorId;
    int m_timeoutSec;
    bool m_reported[2] = { false, false };
    int m_intervalMs;
    QString m_heartbeatDatabase;
    bool m_running = false;
    /** Writes the pair's state file off this (the GUI's) thread, one write after the other; waits for a
     *  pending write when the monitor goes. */
    QThreadPool m_stateFile;
};
