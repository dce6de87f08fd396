#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"
#include "monitor/heartbeatlagestimator.h"
#include "monitor/replicationevent.h"
#include "monitor/replicationeventdetector.h"
#include "monitor/statushistory.h"
#include "monitor/statussample.h"

#include <QFuture>
#include <QList>
#include <QObject>

#include <memory>

class ServerWorker;
class StatusPoller;

/** Watches a replicating pair: a worker and a poller per server, the heartbeat, the history and the
 *  events. Faces create one, connect sample() and event(), and read history(). */
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
    /** Write heartbeats (default on, when the table exists); off still reads them. */
    void setHeartbeatWrites(bool on);
    /** The database holding the heartbeat table; default PairProfile::probeDatabase(), empty turns it off. */
    void setHeartbeatDatabase(const QString& database);
    QString heartbeatDatabase() const { return m_heartbeatDatabase; }

    void start();
    void stop();
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
    ServerWorker* worker(int index) const { return m_workers[index].get(); }
    StatusPoller* poller(int index) const { return m_pollers[index].get(); }

Q_SIGNALS:
    void sample(const StatusSample& sample);
    void event(const ReplicationEvent& event);
    /** Both servers have reported since the last roundFinished(). */
    void roundFinished();

private:
    void onSample(StatusSample sample);

    PairProfile m_profile;
    // workers first: pollers post their last work to them while being destroyed
    std::unique_ptr<ServerWorker> m_workers[2];
    std::unique_ptr<StatusPoller> m_pollers[2];
    StatusHistory m_history;
    ReplicationEventDetector m_detector;
    StatusSample m_latest[2];
    QList<qint64> m_beats[2]; ///< heartbeats each server wrote (its clock, µs), newest last
    std::optional<qint64> m_offsetUs[2]; ///< each server's clock minus ours
    HeartbeatLagEstimator m_lag[2]; ///< each server's lag behind its peer
    bool m_reported[2] = { false, false };
    int m_intervalMs;
    QString m_heartbeatDatabase;
    bool m_running = false;
};
