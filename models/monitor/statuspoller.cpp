#include "monitor/statuspoller.h"

#include "common/sqlquote.h"
#include "host/serverworker.h"
#include "monitor/heartbeat.h"

#include <QCoreApplication>
#include <QUuid>

namespace {

/** What one poll is told; copied to the worker with each poll. */
struct PollSettings
{
    int index = 0;
    ServerProfile profile;
    int timeoutSec = StatusPoller::DefaultTimeoutSec;
    QString heartbeatDatabase;
    bool heartbeatWrite = true;
    QString monitorId;
    qint64 beatIntervalUs = 1'000'000;
    qint64 pollIntervalUs = 1'000'000;
};
} // namespace

/** The poller's connection and what it learnt about the server; lives on the worker thread. */
struct PollConnection
{
    std::unique_ptr<SqlSession> session;
    Dialect dialect;
    int heartbeatRetryIn = 0; ///< polls to skip before trying a missing heartbeat table again
    std::optional<qint64> lastBeatUs; ///< server clock of the last heartbeat written
    bool heartbeatReady = false; ///< USE, layout and clean-up done on this connection

    void close()
    {
        if (session)
            session->close();
        session.reset();
        heartbeatReady = false;
    }

    Result<void> open(const PollSettings& settings)
    {
        close();
        auto password = settings.profile.adminPassword();
        if (!password)
            return std::unexpected(password.error());
        session = std::make_unique<SqlSession>(
            QStringLiteral("replipair-poll-%1-%2")
                .arg(settings.profile.name, QUuid::createUuid().toString(QUuid::Id128)));
        session->setStep(StatusPoller::tr("poll"));
        SqlEndpoint ep;
        ep.serverName = settings.profile.name;
        ep.host = settings.profile.host;
        ep.port = settings.profile.port;
        ep.user = settings.profile.adminUser;
        ep.connectTimeoutSec = settings.timeoutSec;
        ep.readTimeoutSec = settings.timeoutSec;
        if (auto opened = session->open(ep, *password); !opened) {
            session.reset();
            return opened;
        }
        auto version = session->scalar(QStringLiteral("SELECT @@version"));
        if (!version) {
            close();
            return std::unexpected(version.error());
        }
        dialect = Dialect(ServerVersion::parse(version->toString()));
        return {};
    }

    StatusSample poll(const PollSettings& settings)
    {
        StatusSample s;
        s.time = QDateTime::currentDateTimeUtc();
        s.serverIndex = settings.index;
        s.server = settings.profile.name;
        const qint64 startUs = Heartbeat::localClockUs();
        pollInto(s, settings);
        s.pollMicros = Heartbeat::localClockUs() - startUs;
        return s;
    }

    void unreachable(StatusSample& s, const StepError& e)
    {
        s.reachable = false;
        s.unreachableReason
            = e.code != 0 ? StatusPoller::tr("%1 (error %2)").arg(e.text).arg(e.code) : e.text;
        close();
    }

    void pollInto(StatusSample& s, const PollSettings& settings)
    {
        if (!session || !session->isOpen()) {
            if (auto opened = open(settings); !opened)
                return unreachable(s, opened.error());
        }
        auto health = session->query(QStringLiteral("SELECT %1 AS now_us, @@global.read_only AS read_only, "
                                                    "@@server_id AS server_id")
                                         .arg(Heartbeat::clockExpression(dialect)));
        if (!health)
            return unreachable(s, health.error());
        const SqlRow h = health->value(0);
        s.reachable = true;
        s.readOnly = h.value(QStringLiteral("read_only")).toInt() != 0;
        const qint64 serverId = h.value(QStringLiteral("server_id")).toLongLong();
        s.serverId = serverId;
        const qint64 serverNowUs = h.value(QStringLiteral("now_us")).toLongLong();

        auto status = ReplicaStatus::read(*session, dialect);
        if (!status) {
            if (Heartbeat::isConnectionError(status.error().code))
                return unreachable(s, status.error());
            s.statusError = status.error().toString();
        } else {
            s.replica = *status;
        }

        if (settings.heartbeatDatabase.isEmpty() || !settings.heartbeatWrite)
            return;
        if (heartbeatRetryIn > 0) {
            --heartbeatRetryIn;
            s.heartbeatError = StatusPoller::tr("no heartbeat table %1.%2")
                                   .arg(settings.heartbeatDatabase, Heartbeat::tableName());
            return;
        }
        // a beat is due once per beat interval (half a poll of slack, so that equal intervals beat every
        // poll)
        const bool beatDue = !lastBeatUs || serverNowUs < *lastBeatUs
            || serverNowUs - *lastBeatUs >= settings.beatIntervalUs - settings.pollIntervalUs / 2;
        if (!beatDue)
            return;
        if (!heartbeatReady) {
            // once per connection: the table's database as the default one (statement-based do/ignore-db
            // filters judge by it), the table's current layout, and no rows of monitors gone for a day
            session->setStep(StatusPoller::tr("poll"));
            if (auto r
                = session->exec(QStringLiteral("USE ") + SqlQuote::identifier(settings.heartbeatDatabase));
                !r)
                return heartbeatFailed(s, settings, r.error());
            if (auto r = Heartbeat::upgradeTable(*session, settings.heartbeatDatabase); !r)
                return heartbeatFailed(s, settings, r.error());
            if (auto r = Heartbeat::removeStaleRows(*session, serverId, settings.monitorId); !r)
                return heartbeatFailed(s, settings, r.error());
            heartbeatReady = true;
        }
        const qint64 before = Heartbeat::localClockUs();
        if (auto beat = Heartbeat::beat(*session, serverId, settings.monitorId, serverNowUs); !beat)
            return heartbeatFailed(s, settings, beat.error());
        const qint64 after = Heartbeat::localClockUs();
        lastBeatUs = serverNowUs;
        auto end = Heartbeat::binlogEnd(*session, dialect);
        if (!end)
            return heartbeatFailed(s, settings, end.error());
        if (!*end) {
            s.heartbeatError
                = StatusPoller::tr("the binary log of %1 is off: no heartbeat lag for its replica")
                      .arg(settings.profile.name);
            return;
        }
        s.beatLogFile = (*end)->file;
        s.beatLogPos = (*end)->pos;
        s.beatWrittenUs = (before + after) / 2;
    }

    void heartbeatFailed(StatusSample& s, const PollSettings& settings, const StepError& e)
    {
        if (Heartbeat::isConnectionError(e.code))
            return unreachable(s, e);
        if (e.code == 1146 || e.code == 1049) { // no such table / database: setup has not created it
            heartbeatRetryIn = 10;
            s.heartbeatError = StatusPoller::tr("no heartbeat table %1.%2")
                                   .arg(settings.heartbeatDatabase, Heartbeat::tableName());
            return;
        }
        s.heartbeatError = e.code != 0 ? StatusPoller::tr("%1 (error %2)").arg(e.text).arg(e.code) : e.text;
    }
};

StatusPoller::StatusPoller(
    ServerWorker* worker, int serverIndex, const ServerProfile& profile, QObject* parent)
    : QObject(parent)
    , m_worker(worker)
    , m_index(serverIndex)
    , m_profile(profile)
    , m_connection(std::make_shared<PollConnection>())
    , m_monitorId(Heartbeat::newMonitorId())
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(m_intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StatusPoller::pollNow);
}

StatusPoller::~StatusPoller()
{
    // the connection is closed on the thread that opened it; nothing waits for it here
    m_worker->submit([connection = m_connection](ServerContext&) {
        connection->close();
        return 0;
    });
}

void StatusPoller::setIntervalMs(int ms)
{
    m_intervalMs = std::max(ms, int(MinimumIntervalMs));
    m_timer.setInterval(m_intervalMs);
}

void StatusPoller::setTimeoutSec(int seconds)
{
    m_timeoutSec = std::max(seconds, 1);
}

void StatusPoller::setHeartbeat(const QString& database, bool write, const QString& monitorId)
{
    m_heartbeatDatabase = database;
    m_heartbeatWrite = write;
    if (!monitorId.isEmpty())
        m_monitorId = monitorId;
}

int StatusPoller::beatIntervalMs() const
{
    return std::max(m_intervalMs, int(MinimumBeatIntervalMs));
}

void StatusPoller::start()
{
    m_timer.start();
    pollNow();
}

void StatusPoller::stop()
{
    m_timer.stop();
}

void StatusPoller::pollNow()
{
    if (m_inFlight)
        return; // a poll that waits on a timeout is not stacked up behind
    m_inFlight = true;
    PollSettings settings;
    settings.index = m_index;
    settings.profile = m_profile;
    settings.timeoutSec = m_timeoutSec;
    settings.heartbeatDatabase = m_heartbeatDatabase;
    settings.heartbeatWrite = m_heartbeatWrite;
    settings.monitorId = m_monitorId;
    settings.beatIntervalUs = qint64(beatIntervalMs()) * 1000;
    settings.pollIntervalUs = qint64(m_intervalMs) * 1000;
    m_worker
        ->submit([connection = m_connection, settings](ServerContext&) { return connection->poll(settings); })
        .then(this, [this](const StatusSample& s) {
            m_inFlight = false;
            Q_EMIT sample(s);
        });
}
