#include "monitor/statuspoller.h"

#include "common/sqlquote.h"
#include "common/stepid.h"
#include "host/serverworker.h"
#include "host/tlspeercheck.h"
#include "monitor/heartbeat.h"
#include "sql/binlogstatus.h"
#include "sql/replicastatus.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include <atomic>
#include <optional>

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
    /** The poll's own handle on the session's connection (no lookup in Qt's list of connections, under its
     *  lock, at each poll); let go before the session closes. */
    QSqlDatabase db;
    /** Per result of the status statement and of the beat statement: the positions and names of the
     *  columns the poll reads, learnt by the first run on this connection. QSqlQuery::record() describes
     *  every column anew each time, and of SHOW REPLICA STATUS's 50-odd columns the poll reads 26: the rest
     *  are not converted at all. */
    using Columns = QList<QList<std::pair<int, QString>>>;
    Columns statusColumns;
    Columns beatColumns;
    QSet<QString> wanted;

    /** The columns ReplicaStatus::fromRow() reads (keep the two lists together), and the poll's own. */
    static QSet<QString> columnsRead(const Dialect& dialect)
    {
        const ReplicaStatusColumns& c = dialect.replicaStatusColumns();
        QSet<QString> names;
        for (const QLatin1StringView name : { c.sourceHost, c.sourcePort, c.sourceUser, c.ioRunning,
                 c.sqlRunning, c.secondsBehind, c.sourceLogFile, c.readSourceLogPos, c.relaySourceLogFile,
                 c.execSourceLogPos, c.sqlState, c.usingGtid })
            names.insert(QString(name));
        for (const char* name : { "Relay_Log_File", "Relay_Log_Pos", "Relay_Log_Space", "Last_IO_Errno",
                 "Last_IO_Error", "Last_IO_Error_Timestamp", "Last_SQL_Errno", "Last_SQL_Error",
                 "Last_SQL_Error_Timestamp", "SQL_Delay", "Replicate_Do_DB", "Replicate_Ignore_DB",
                 "Replicate_Wild_Do_Table", "Replicate_Wild_Ignore_Table", "read_only", "server_id",
                 "gtid_state", "gtid_self", "beat_gtid", "File", "Position",
                 // the link's TLS (ReplicaStatus::fromRow), in both spellings
                 "Master_SSL_Allowed", "Source_SSL_Allowed", "Master_SSL_Verify_Server_Cert",
                 "Source_SSL_Verify_Server_Cert", "Master_SSL_CA_File", "Source_SSL_CA_File" })
            names.insert(QString::fromLatin1(name));
        return names;
    }

    /** Runs the poll's statements in one round trip, as SqlSession::queryResults does, reading only the
     *  wanted columns at the positions learnt in @p columns. */
    SqlSession::Results run(const QString& sql, Columns& columns, const QString& server)
    {
        SqlSession::Results out;
        if (!db.isOpen()) {
            out.error = StepError { server, StepId::Poll, 0, StatusPoller::tr("not connected") };
            return out;
        }
        QSqlQuery q(db);
        q.setForwardOnly(true);
        auto failed = [&] {
            const QSqlError e = q.lastError();
            const QString text = e.databaseText().isEmpty() ? e.driverText() : e.databaseText();
            out.error = StepError { server, StepId::Poll, e.nativeErrorCode().toInt(),
                StatusPoller::tr("%1 — while running: %2").arg(text, sql) };
            return out;
        };
        if (!q.exec(sql))
            return failed();
        QList<std::pair<int, QString>> found;
        do {
            const qsizetype index = out.rows.size();
            QList<SqlRow> rows;
            if (index >= columns.size()) { // the first run of this statement on this connection
                found.clear();
                if (q.isSelect()) {
                    const QSqlRecord rec = q.record();
                    for (int i = 0; i < rec.count(); ++i)
                        if (const QString name = rec.fieldName(i); wanted.contains(name))
                            found.append({ i, name });
                }
                columns.append(found);
            }
            if (q.isSelect()) {
                const QList<std::pair<int, QString>>& read = columns.at(index);
                while (q.next()) {
                    SqlRow row;
                    for (const auto& [i, name] : read)
                        row.insert(name, q.value(i));
                    rows.append(row);
                }
            }
            out.rows.append(rows);
        } while (q.nextResult());
        if (q.lastError().isValid())
            return failed(); // a later statement failed: the ones before it ran
        return out;
    }
    QDateTime certificateNotAfter; ///< read on connecting and once a minute
    QString replicationCipher;
    qint64 tlsReadDueUs = 0;

    void close()
    {
        db = QSqlDatabase(); // before the session removes the connection
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
        const QString connectionName
            = QStringLiteral("replipair-poll-%1-%2")
                  .arg(settings.profile.name, QUuid::createUuid().toString(QUuid::Id128));
        session = std::make_unique<SqlSession>(connectionName);
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
        auto server = session->query(serverSql());
        if (!server) {
            close();
            return std::unexpected(server.error());
        }
        dialect = Dialect(ServerVersion::parse(server->value(0).value(QStringLiteral("version")).toString()));
        serverId = server->value(0).value(QStringLiteral("server_id")).toLongLong();
        statusSql = QStringLiteral("SELECT @@global.read_only AS read_only, @@server_id AS server_id")
            + dialect.gtidStateColumns() + QStringLiteral("; ") + dialect.showReplicaStatus();
        beatSql.clear();
        beatSqlServerId = -1;
        db = QSqlDatabase::database(connectionName, false);
        wanted = columnsRead(dialect);
        statusColumns.clear();
        beatColumns.clear();
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
        s.pollStartUs = startUs;
        pollInto(s, settings);
        s.pollMicros = Heartbeat::localClockUs() - startUs;
        return s;
    }

    /** @p text with the monitor's own statements replaced by what they do: the banner speaks words, the
     *  log's detail keeps the SQL. */
    QString inWords(QString text) const
    {
        const QString what
            = StatusPoller::tr("the monitor's look at the server (read_only, replication status, heartbeat)");
        for (const QString& sql : { beatSql, statusSql, serverSql() })
            if (!sql.isEmpty())
                text.replace(sql, what);
        return text;
    }
    static QString serverSql()
    {
        return QStringLiteral("SELECT @@version AS version, @@server_id AS server_id");
    }

    void unreachable(StatusSample& s, const StepError& e)
    {
        s.reachable = false;
        s.unreachableDetail
            = e.code != 0 ? StatusPoller::tr("%1 (error %2)").arg(e.text).arg(e.code) : e.text;
        s.unreachableReason = inWords(s.unreachableDetail);
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
            beatColumns.clear();
        }
        const qint64 before = Heartbeat::localClockUs();
        const SqlSession::Results r = beat ? run(beatSql, beatColumns, settings.profile.name)
                                           : run(statusSql, statusColumns, settings.profile.name);
        const qint64 after = Heartbeat::localClockUs();
        if (r.rows.isEmpty())
            return unreachable(s, *r.error);
        const SqlRow h = r.rows.at(0).value(0);
        s.reachable = true;
        readTls(s);
        s.readOnly = h.value(QStringLiteral("read_only")).toInt() != 0;
        serverId = h.value(QStringLiteral("server_id")).toLongLong();
        s.serverId = serverId;
        s.gtidState = h.value(QStringLiteral("gtid_state")).toString().remove(QLatin1Char('\n'));
        s.gtidSelf = dialect.isMariaDb() ? QString::number(serverId)
                                         : h.value(QStringLiteral("gtid_self")).toString();
        if (r.rows.size() >= 2) {
            s.replica = ReplicaStatus::fromRow(r.rows.at(1).value(0), dialect);
        } else {
            if (Heartbeat::isConnectionError(r.error->code))
                return unreachable(s, *r.error);
            // a missing privilege, say; the beat did not run either
            s.statusError = inWords(r.error->toString());
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
        s.heartbeatError
            = inWords(e.code != 0 ? StatusPoller::tr("%1 (error %2)").arg(e.text).arg(e.code) : e.text);
    }
};

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
