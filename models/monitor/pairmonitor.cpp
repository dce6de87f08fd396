#include "monitor/pairmonitor.h"

#include "host/serverworker.h"
#include "monitor/heartbeat.h"
#include "monitor/statuspoller.h"

#include <QCoreApplication>

namespace {
/** Beats kept per server: enough to bridge a replica that lags by minutes at the shortest interval. */
constexpr int kKeptBeats = 4096;

QFuture<Result<void>> onServer(
    ServerWorker* worker, int timeoutSec, std::function<Result<void>(SqlSession&)> work)
{
    return worker->submit([work, timeoutSec](ServerContext& context) -> Result<void> {
        if (!context.sql || !context.sql->isOpen()) {
            if (auto connected = context.connect(timeoutSec); !connected)
                return connected;
        }
        auto done = work(*context.sql);
        if (done || !Heartbeat::isConnectionError(done.error().code))
            return done;
        // the session outlived a restart of the server: once more on a fresh connection
        if (auto connected = context.connect(timeoutSec); !connected)
            return connected;
        return work(*context.sql);
    });
}
} // namespace

PairMonitor::PairMonitor(const PairProfile& profile, QObject* parent)
    : QObject(parent)
    , m_profile(profile)
    , m_history(2)
    , m_detector(2)
    , m_intervalMs(StatusPoller::DefaultIntervalMs)
    , m_heartbeatDatabase(profile.probeDatabase())
{
    qRegisterMetaType<StatusSample>();
    qRegisterMetaType<ReplicationEvent>();
    for (int i = 0; i < 2; ++i) {
        m_workers[i] = std::make_unique<ServerWorker>(i, profile.servers[i]);
        m_pollers[i] = std::make_unique<StatusPoller>(m_workers[i].get(), i, profile.servers[i]);
        m_pollers[i]->setHeartbeat(m_heartbeatDatabase, true);
        connect(m_pollers[i].get(), &StatusPoller::sample, this, &PairMonitor::onSample);
        m_latest[i].serverIndex = i;
        m_latest[i].server = profile.servers[i].name;
    }
}

PairMonitor::~PairMonitor()
{
    for (auto& p : m_pollers)
        p.reset();
    for (auto& w : m_workers)
        w.reset();
}

void PairMonitor::setIntervalMs(int ms)
{
    for (auto& p : m_pollers)
        p->setIntervalMs(ms);
    m_intervalMs = m_pollers[0]->intervalMs();
}

void PairMonitor::setTimeoutSec(int seconds)
{
    for (auto& p : m_pollers)
        p->setTimeoutSec(seconds);
}

void PairMonitor::setLagThreshold(double seconds)
{
    m_detector.setLagThreshold(seconds);
}

void PairMonitor::setHeartbeatWrites(bool on)
{
    for (auto& p : m_pollers)
        p->setHeartbeat(m_heartbeatDatabase, on);
}

void PairMonitor::setHeartbeatDatabase(const QString& database)
{
    m_heartbeatDatabase = database;
    for (auto& p : m_pollers)
        p->setHeartbeat(database, true);
}

void PairMonitor::start()
{
    m_running = true;
    for (auto& p : m_pollers)
        p->start();
}

void PairMonitor::stop()
{
    m_running = false;
    for (auto& p : m_pollers)
        p->stop();
}

void PairMonitor::pollNow()
{
    for (auto& p : m_pollers)
        p->pollNow();
}

QFuture<Result<void>> PairMonitor::createHeartbeatTable(int index)
{
    const QString database = m_heartbeatDatabase;
    return onServer(m_workers[index].get(), m_pollers[index]->timeoutSec(),
        [database](SqlSession& session) { return Heartbeat::createTable(session, database); });
}

QFuture<Result<void>> PairMonitor::removeHeartbeatTable(int index)
{
    const QString database = m_heartbeatDatabase;
    return onServer(m_workers[index].get(), m_pollers[index]->timeoutSec(),
        [database](SqlSession& session) { return Heartbeat::dropTable(session, database); });
}

void PairMonitor::onSample(StatusSample s)
{
    const int i = s.serverIndex;
    const int peer = 1 - i;
    if (s.clockOffsetUs)
        m_offsetUs[i] = s.clockOffsetUs;
    if (s.beatWrittenUs) {
        m_beats[i].append(*s.beatWrittenUs);
        if (m_beats[i].size() > kKeptBeats)
            m_beats[i].remove(0, m_beats[i].size() - kKeptBeats);
    }
    // this server's lag behind its source (the peer), in the peer's clock
    if (s.reachable && s.replicaConfigured && s.peerBeatUs && s.peerBeatReadAtUs && m_offsetUs[peer]) {
        const qint64 peerNowUs = *s.peerBeatReadAtUs + *m_offsetUs[peer];
        m_lag[i].setBeatInterval(qint64(m_pollers[peer]->beatIntervalMs()) * 1000);
        s.heartbeatLag = m_lag[i].update(*s.peerBeatUs, peerNowUs, m_beats[peer]);
        // the estimate is known to half a beat interval; a replica that has applied everything it has
        // received (read position = executed position, both threads running) is caught up right now
        const bool caughtUp = s.ioRunning && s.sqlRunning && s.sourceLogFile == s.relaySourceLogFile
            && s.readSourceLogPos == s.execSourceLogPos && s.readSourceLogPos > 0;
        if (caughtUp)
            s.heartbeatLag = 0.0;
    } else {
        m_lag[i].reset();
    }
    m_latest[i] = s;
    m_history.append(s);
    const QList<ReplicationEvent> events = m_detector.process(s);
    Q_EMIT sample(s);
    for (const ReplicationEvent& e : events)
        Q_EMIT event(e);
    m_reported[i] = true;
    if (m_reported[0] && m_reported[1]) {
        m_reported[0] = m_reported[1] = false;
        Q_EMIT roundFinished();
    }
}
