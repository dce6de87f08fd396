#pragma once

#include "common/pairprofile.h"
#include "monitor/statussample.h"

#include <QObject>

#include <memory>

class ServerWorker;
struct PollConnection;
struct PollSettings;
struct PollLoop;

/** Samples one server's health and replica status on that server's worker thread, every interval,
 *  over a connection of its own with short timeouts; reconnects when the server returns. The interval's
 *  timer runs on the worker thread too: a poll costs the caller's thread only the sample it receives. */
class StatusPoller : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultIntervalMs = 1000;
    static constexpr int MinimumIntervalMs = 200;
    static constexpr int DefaultTimeoutSec = 2;
    /** Heartbeats are written at most once a second, as pt-heartbeat does: less binary log, and MariaDB's
     *  MASTER_DELAY counts whole seconds of event time, which faster beats would show as jitter. */
    static constexpr int MinimumBeatIntervalMs = 1000;

    /** @p worker runs the SQL; it must outlive this poller. */
    StatusPoller(
        ServerWorker* worker, int serverIndex, const ServerProfile& profile, QObject* parent = nullptr);
    ~StatusPoller() override;

    /** Clamped to MinimumIntervalMs. */
    void setIntervalMs(int ms);
    int intervalMs() const { return m_intervalMs; }
    /** Connect and read timeout of the poller's own connection, in whole seconds (the client's unit). */
    void setTimeoutSec(int seconds);
    int timeoutSec() const { return m_timeoutSec; }
    /** Writes this monitor's heartbeat row (@p monitorId, default a new Heartbeat::newMonitorId()) in
     *  @p database every beatIntervalMs() when @p write, and reports where it ended in the binary log;
     *  an empty database turns it off. */
    void setHeartbeat(const QString& database, bool write = true, const QString& monitorId = {});
    QString monitorId() const { return m_monitorId; }
    int beatIntervalMs() const;

    void start();
    void stop();
    bool isActive() const { return m_active; }
    /** Polls at once (unless a poll is under way); the sample arrives through sample(). */
    void pollNow();
    int serverIndex() const { return m_index; }

Q_SIGNALS:
    /** Emitted in the poller's thread (queued from the worker) once per poll. */
    void sample(const StatusSample& sample);

private:
    friend struct PollLoop;
    /** Emits the sample a poll on the worker posted back. */
    void deliver(const StatusSample& sample, bool fromPollNow);
    /** What the polls are told now, made again after a change. */
    std::shared_ptr<const PollSettings> settings();
    /** Hands changed settings (and interval) to the worker's timer while it runs. */
    void settingsChanged();

    ServerWorker* m_worker;
    int m_index;
    ServerProfile m_profile;
    std::shared_ptr<PollConnection> m_connection; ///< used on the worker thread only
    std::shared_ptr<const PollSettings> m_settings; ///< what the polls are told; made again after a change
    std::shared_ptr<PollLoop> m_loop; ///< the worker's timer and the way back to this poller
    bool m_active = false;
    int m_intervalMs = DefaultIntervalMs;
    int m_timeoutSec = DefaultTimeoutSec;
    QString m_heartbeatDatabase;
    bool m_heartbeatWrite = true;
    QString m_monitorId;
    bool m_inFlight = false; ///< a pollNow() is queued or running
};
