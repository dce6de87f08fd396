#include "monitor/statuspoller.h"

#include "host/serverworker.h"
#include "monitor/heartbeat.h"
#include "monitor/pollconnection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QTimer>

#include <atomic>

/** The poll timer on the worker thread, and the way back to the poller: the worker posts each sample to
 *  the poller, which may be gone meanwhile (it says so under the mutex before it goes). */
struct PollLoop
{
    QMutex mutex;
    StatusPoller* poller = nullptr; ///< guarded by mutex; null once the poller is being destroyed
    std::atomic_bool polling = false; ///< a poll runs on the worker now
    // worker thread only:
    QTimer* timer = nullptr; ///< single shot, armed for the next tick after each poll
    std::shared_ptr<const PollSettings> settings;
    QElapsedTimer clock;
    qint64 periodMs = StatusPoller::DefaultIntervalMs;
    qint64 dueMs = 0; ///< the tick the last poll was for, on clock

    /** Arms the timer for the next tick of a fixed rate: a tick that fell while a poll waited on a timeout
     *  is skipped, not run late (no poll stacked up behind a slow one). */
    void arm()
    {
        const qint64 now = clock.elapsed();
        do
            dueMs += periodMs;
        while (dueMs <= now);
        timer->start(int(dueMs - now));
    }

    /** Polls (on the worker thread) and posts the sample to the poller, unless it is gone. */
    void pollAndDeliver(PollConnection& connection, const PollSettings& pollSettings, bool fromPollNow)
    {
        polling = true;
        StatusSample s = connection.poll(pollSettings);
        polling = false;
        if (!fromPollNow && timer && clock.isValid())
            arm();
        QMutexLocker lock(&mutex);
        if (!poller)
            return;
        QMetaObject::invokeMethod(
            poller, [p = poller, s = std::move(s), fromPollNow] { p->deliver(s, fromPollNow); },
            Qt::QueuedConnection);
    }
};

StatusPoller::StatusPoller(
    ServerWorker* worker, int serverIndex, const ServerProfile& profile, QObject* parent)
    : QObject(parent)
    , m_worker(worker)
    , m_index(serverIndex)
    , m_profile(profile)
    , m_connection(std::make_shared<PollConnection>())
    , m_loop(std::make_shared<PollLoop>())
    , m_monitorId(Heartbeat::newMonitorId())
{
    m_loop->poller = this;
}

StatusPoller::~StatusPoller()
{
    {
        QMutexLocker lock(&m_loop->mutex);
        m_loop->poller = nullptr; // no sample is posted to this poller from now on
    }
    // the timer and the connection are closed on the thread that made them; nothing waits for it here
    m_worker->submit([connection = m_connection, loop = m_loop](ServerContext&) {
        delete std::exchange(loop->timer, nullptr);
        connection->close();
        return 0;
    });
}

void StatusPoller::setIntervalMs(int ms)
{
    m_intervalMs = std::max(ms, int(MinimumIntervalMs));
    m_settings.reset();
    settingsChanged();
}

void StatusPoller::setTimeoutSec(int seconds)
{
    m_timeoutSec = std::max(seconds, 1);
    m_settings.reset();
    settingsChanged();
}

void StatusPoller::setHeartbeat(const QString& database, bool write, const QString& monitorId)
{
    m_heartbeatDatabase = database;
    m_heartbeatWrite = write;
    if (!monitorId.isEmpty())
        m_monitorId = monitorId;
    m_settings.reset();
    settingsChanged();
}

int StatusPoller::beatIntervalMs() const
{
    return std::max(m_intervalMs, int(MinimumBeatIntervalMs));
}

std::shared_ptr<const PollSettings> StatusPoller::settings()
{
    if (!m_settings) {
        auto settings = std::make_shared<PollSettings>();
        settings->index = m_index;
        settings->profile = m_profile;
        settings->timeoutSec = m_timeoutSec;
        settings->heartbeatDatabase = m_heartbeatDatabase;
        settings->heartbeatWrite = m_heartbeatWrite;
        settings->monitorId = m_monitorId;
        settings->beatIntervalUs = qint64(beatIntervalMs()) * 1000;
        settings->pollIntervalUs = qint64(m_intervalMs) * 1000;
        m_settings = std::move(settings);
    }
    return m_settings;
}

void StatusPoller::settingsChanged()
{
    if (!m_active)
        return;
    m_worker->submit([loop = m_loop, settings = settings(), ms = m_intervalMs](ServerContext&) {
        loop->settings = settings;
        loop->periodMs = ms;
        return 0;
    });
}

void StatusPoller::start()
{
    m_active = true;
    // the first poll at once, then every interval, all on the worker thread
    m_worker->submit(
        [loop = m_loop, connection = m_connection, settings = settings(), ms = m_intervalMs](ServerContext&) {
            loop->settings = settings;
            loop->periodMs = ms;
            if (!loop->timer) {
                loop->timer = new QTimer; // lives on this thread; deleted here when the poller goes
                loop->timer->setTimerType(Qt::PreciseTimer);
                loop->timer->setSingleShot(true);
                QObject::connect(loop->timer, &QTimer::timeout, loop->timer,
                    [l = loop.get(), c = connection.get()] { l->pollAndDeliver(*c, *l->settings, false); });
            }
            loop->clock.start(); // the ticks count from now: this first poll is tick 0
            loop->dueMs = 0;
            loop->pollAndDeliver(*connection, *settings, false);
            return 0;
        });
}

void StatusPoller::stop()
{
    m_active = false;
    m_worker->submit([loop = m_loop](ServerContext&) {
        if (loop->timer)
            loop->timer->stop();
        loop->clock.invalidate(); // a poll under way does not arm it again
        return 0;
    });
}

void StatusPoller::pollNow()
{
    if (m_inFlight || m_loop->polling)
        return; // a poll that waits on a timeout is not stacked up behind
    m_inFlight = true;
    m_worker->submit([loop = m_loop, connection = m_connection, settings = settings()](ServerContext&) {
        loop->pollAndDeliver(*connection, *settings, true);
        return 0;
    });
}

void StatusPoller::deliver(const StatusSample& sample, bool fromPollNow)
{
    if (fromPollNow)
        m_inFlight = false;
    Q_EMIT this->sample(sample);
}
