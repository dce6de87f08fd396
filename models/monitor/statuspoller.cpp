#include "monitor/statuspoller.h"

#include "common/sqlquote.h"
#include "common/stepid.h"
#include "host/serverworker.h"
#include "host/tlspeercheck.h"
#include "monitor/heartbeat.h"
#include "sql/binlogstatus.h"

#include <QCoreApplication>
#include <QUuid>

/** What a poll is told; shared with the worker, made again only when a setting changes. */
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

/** The poller's connection and what it learnt about the server; lives on the worker thread. */
struct PollConnection
{
    std::unique_ptr<SqlSession> session;
    Dialect dialect;
    int heartbeatRetryIn = 0; ///< polls to skip before trying a missing heartbeat table again
    std::optional<qint64> lastBeatUs; ///< monitor clock of the last heartbeat written
    qint64 serverId = 0; ///< learnt when the connection opens
    bool heartbeatReady = false; ///< USE and layout done on this connection
    qint64 staleCheckDueUs = 0; ///< monitor clock of the next removal of gone monitors' rows; 0: first beat
    QString statusSql; ///< health and replica status, made once per connection (the dialect's)
    QString beatSql; ///< the above with the beat and its position, for beatSqlServerId/MonitorId
    qint64 beatSqlServerId = -1;
    QString beatSqlMonitorId;
    QDateTime certificateNotAfter; ///< read on connecting and once a minute
    QString replicationCipher;
    qint64 tlsReadDueUs = 0;

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
        session->setStep(StepId::Poll);
        SqlEndpoint ep;
        ep.serverName = settings.profile.name;
        ep.host = settings.profile.host;
        ep.port = settings.profile.port;
        ep.user = settings.profile.adminUser;
        ep.connectTimeoutSec = settings.timeoutSec;
        ep.readTimeoutSec = settings.timeoutSec;
        ep.tls = settings.profile.tls;
        if (auto opened = session->open(ep, *password); !opened) {
            session.reset();
            return opened;
        }
        auto server = session->query(QStringLiteral("SELECT @@version AS version, @@server_id AS server_id"));
        if (!server) {
            close();
            return std::unexpected(server.error());
        }
        dialect = Dialect(ServerVersion::parse(server->value(0).value(QStringLiteral("version")).toString()));
        serverId = server->value(0).value(QStringLiteral("server_id")).toLongLong();
        statusSql = QStringLiteral("SELECT @@global.read_only AS read_only, @@server_id AS server_id; ")
            + dialect.showReplicaStatus();
        beatSql.clear();
        beatSqlServerId = -1;
        tlsReadDueUs = 0;
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
        const bool beat = beatDue(s, settings);
        if (!session)
            return; // the connection went while preparing the heartbeat: reported unreachable
        // one round trip: health, replica status and, when due, the beat and its own position (MariaDB: the
        // GTID this session committed, exact; MySQL: where the binlog ends right after it, which another
        // writer committing in between moves past the beat)
        if (beat && (beatSqlServerId != serverId || beatSqlMonitorId != settings.monitorId)) {
            beatSql = statusSql + QStringLiteral("; ")
                + Heartbeat::beatStatement(dialect, serverId, settings.monitorId) + QStringLiteral("; ")
                + dialect.beatPositionQuery();
            beatSqlServerId = serverId;
            beatSqlMonitorId = settings.monitorId;
        }
        const qint64 before = Heartbeat::localClockUs();
        const SqlSession::Results r = session->queryResults(beat ? beatSql : statusSql);
        const qint64 after = Heartbeat::localClockUs();
        if (r.rows.isEmpty())
            return unreachable(s, *r.error);
        const SqlRow h = r.rows.at(0).value(0);
        s.reachable = true;
        readTls(s);
        s.readOnly = h.value(QStringLiteral("read_only")).toInt() != 0;
        serverId = h.value(QStringLiteral("server_id")).toLongLong();
        s.serverId = serverId;
        if (r.rows.size() >= 2) {
            s.replica = ReplicaStatus::fromRow(r.rows.at(1).value(0), dialect);
        } else {
            if (Heartbeat::isConnectionError(r.error->code))
                return unreachable(s, *r.error);
            s.statusError = r.error->toString(); // a missing privilege, say; the beat did not run either
            return;
        }
        if (!beat)
            return;
        if (r.rows.size() < 4)
            return heartbeatFailed(s, settings, *r.error);
        lastBeatUs = after;
        if (dialect.beatsByGtid()) {
            s.beatGtid = r.rows.at(3).value(0).value(QStringLiteral("beat_gtid")).toString();
        } else if (const std::optional<BinlogStatus> end = BinlogStatus::fromRows(r.rows.at(3))) {
            s.beatLogFile = end->file;
            s.beatLogPos = end->position;
        }
        if (s.beatGtid.isEmpty() && s.beatLogFile.isEmpty()) {
            s.heartbeatError
                = StatusPoller::tr("the binary log of %1 is off: no heartbeat lag for its replica")
                      .arg(settings.profile.name);
            return;
        }
        s.beatWrittenUs = (before + after) / 2;
    }

    /** The certificate's end and the source's view of the replication session's cipher, once a minute. */
    void readTls(StatusSample& s)
    {
        s.sessionCipher = session->cipher();
        const qint64 nowUs = Heartbeat::localClockUs();
        if (nowUs >= tlsReadDueUs) {
            tlsReadDueUs = nowUs + 60LL * 1'000'000;
            auto status = session->query(QStringLiteral("SHOW GLOBAL STATUS LIKE 'Ssl_server_not_after'"));
            if (status && !status->isEmpty())
                certificateNotAfter
                    = TlsPeerCheck::parseDate(status->value(0).value(QStringLiteral("Value")).toString());
            // the replica's session on this source (performance_schema off: cannot tell, left empty)
            auto cipher = session->query(
                QStringLiteral("SELECT s.VARIABLE_VALUE AS cipher FROM performance_schema.status_by_thread s "
                               "JOIN performance_schema.threads t ON t.THREAD_ID = s.THREAD_ID "
                               "WHERE t.PROCESSLIST_COMMAND LIKE 'Binlog Dump%' AND s.VARIABLE_NAME = "
                               "'Ssl_cipher' LIMIT 1"));
            replicationCipher = cipher && !cipher->isEmpty()
                ? cipher->value(0).value(QStringLiteral("cipher")).toString()
                : QString();
            session->setStep(StepId::Poll);
        }
        s.certificateNotAfter = certificateNotAfter;
        s.replicationCipher = replicationCipher;
    }

    /** Whether this poll writes a beat; prepares the connection for it the first time. */
    bool beatDue(StatusSample& s, const PollSettings& settings)
    {
        if (settings.heartbeatDatabase.isEmpty() || !settings.heartbeatWrite)
            return false;
        if (heartbeatRetryIn > 0) {
            --heartbeatRetryIn;
            s.heartbeatError = StatusPoller::tr("no heartbeat table %1.%2")
                                   .arg(settings.heartbeatDatabase, Heartbeat::tableName());
            return false;
        }
        // once per beat interval (half a poll of slack, so that equal intervals beat every poll)
        const qint64 nowUs = Heartbeat::localClockUs();
        if (lastBeatUs && nowUs >= *lastBeatUs
            && nowUs - *lastBeatUs < settings.beatIntervalUs - settings.pollIntervalUs / 2)
            return false;
        if (!heartbeatReady) {
            // once per connection: the table's database as the default one (statement-based do/ignore-db
            // filters judge by it) and the table's current layout
            Result<void> ready
                = session->exec(QStringLiteral("USE ") + SqlQuote::identifier(settings.heartbeatDatabase));
            if (ready)
                ready = Heartbeat::upgradeTable(*session, settings.heartbeatDatabase);
            if (session)
                session->setStep(StepId::Poll);
            if (!ready) {
                heartbeatFailed(s, settings, ready.error()); // may close the connection
                return false;
            }
            heartbeatReady = true;
        }
        // the rows of monitors gone for an hour, before the first beat (a `monitor --once` run from cron
        // removes its predecessors'), then every ten minutes, or at the next beat while a backlog lasts
        if (nowUs >= staleCheckDueUs) {
            auto removed = Heartbeat::removeStaleRows(*session, serverId, settings.monitorId);
            if (session)
                session->setStep(StepId::Poll);
            if (!removed) {
                staleCheckDueUs = nowUs + 600LL * 1'000'000; // the beats go on meanwhile
                heartbeatFailed(s, settings, removed.error());
                return false;
            }
            staleCheckDueUs = *removed >= Heartbeat::StaleRowsPerRemoval ? 0 : nowUs + 600LL * 1'000'000;
        }
        return true;
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
    m_settings.reset();
}

void StatusPoller::setTimeoutSec(int seconds)
{
    m_timeoutSec = std::max(seconds, 1);
    m_settings.reset();
}

void StatusPoller::setHeartbeat(const QString& database, bool write, const QString& monitorId)
{
    m_heartbeatDatabase = database;
    m_heartbeatWrite = write;
    if (!monitorId.isEmpty())
        m_monitorId = monitorId;
    m_settings.reset();
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
    m_worker
        ->submit([connection = m_connection, settings = m_settings](
                     ServerContext&) { return connection->poll(*settings); })
        .then(this, [this](const StatusSample& s) {
            m_inFlight = false;
            Q_EMIT sample(s);
        });
}
