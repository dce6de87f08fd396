#include "monitor/pollconnection.h"

#include "common/sqlquote.h"
#include "common/stepid.h"
#include "host/tlspeercheck.h"
#include "monitor/heartbeat.h"
#include "sql/binlogstatus.h"
#include "sql/replicastatus.h"

#include <QSqlError>
#include <QSqlRecord>
#include <QUuid>

QSet<QString> PollConnection::columnsRead(const Dialect& dialect)
{
    const ReplicaStatusColumns& c = dialect.replicaStatusColumns();
    QSet<QString> names;
    for (const QLatin1StringView name : { c.sourceHost, c.sourcePort, c.sourceUser, c.ioRunning, c.sqlRunning,
             c.secondsBehind, c.sourceLogFile, c.readSourceLogPos, c.relaySourceLogFile, c.execSourceLogPos,
             c.sqlState, c.usingGtid })
        names.insert(QString(name));
    for (const char* name : { "Relay_Log_File", "Relay_Log_Pos", "Relay_Log_Space", "Last_IO_Errno",
             "Last_IO_Error", "Last_IO_Error_Timestamp", "Last_SQL_Errno", "Last_SQL_Error",
             "Last_SQL_Error_Timestamp", "SQL_Delay", "Replicate_Do_DB", "Replicate_Ignore_DB",
             "Replicate_Wild_Do_Table", "Replicate_Wild_Ignore_Table", "read_only", "server_id", "gtid_state",
             "gtid_self", "beat_gtid", "File", "Position",
             // the link's TLS (ReplicaStatus::fromRow), in both spellings
             "Master_SSL_Allowed", "Source_SSL_Allowed", "Master_SSL_Verify_Server_Cert",
             "Source_SSL_Verify_Server_Cert", "Master_SSL_CA_File", "Source_SSL_CA_File" })
        names.insert(QString::fromLatin1(name));
    return names;
}

PollConnection::Rows PollConnection::run(const QString& sql, Shape& shape, const QString& server)
{
    Rows out;
    if (!db.isOpen() || !query) {
        out.error = StepError { server, StepId::Poll, 0, StatusPoller::tr("not connected") };
        return out;
    }
    QSqlQuery& q = *query;
    auto failed = [&] {
        const QSqlError e = q.lastError();
        const QString text = e.databaseText().isEmpty() ? e.driverText() : e.databaseText();
        const int code = e.nativeErrorCode().toInt();
        constexpr int sslConnectionError = 2026, serverLost = 2013; // as SqlSession counts them
        out.error = StepError { server, StepId::Poll, code == sslConnectionError ? serverLost : code,
            StatusPoller::tr("%1 — while running: %2").arg(text, sql) };
        return out;
    };
    if (!q.exec(sql))
        return failed();
    do {
        const qsizetype index = out.first.size();
        if (index >= shape.size()) { // the first run of this statement on this connection
            Statement learnt;
            if (q.isSelect()) {
                const QSqlRecord rec = q.record();
                for (int i = 0; i < rec.count(); ++i)
                    if (const QString name = rec.fieldName(i); wanted.contains(name)) {
                        learnt.columns.append({ i, name });
                        learnt.row.insert(name, QVariant());
                    }
            }
            shape.append(learnt);
        }
        Statement& statement = shape[index];
        if (q.isSelect() && q.next()) {
            // the kept row: no node made or freed, only the values replaced (it is shared with the last
            // poll's sample no longer, so nothing is copied)
            for (const auto& [i, name] : statement.columns)
                statement.row[name] = q.value(i);
            out.first.append(statement.row);
        } else {
            out.first.append(SqlRow());
        }
    } while (q.nextResult());
    if (q.lastError().isValid())
        return failed(); // a later statement failed: the ones before it ran
    return out;
}

void PollConnection::close()
{
    query.reset(); // before the session removes the connection
    db = QSqlDatabase();
    if (session)
        session->close();
    session.reset();
    heartbeatReady = false;
}

Result<void> PollConnection::open(const PollSettings& settings)
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
    query.emplace(db);
    query->setForwardOnly(true);
    wanted = columnsRead(dialect);
    statusShape.clear();
    beatShape.clear();
    tlsReadDueUs = 0;
    return {};
}

StatusSample PollConnection::poll(const PollSettings& settings)
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

QString PollConnection::inWords(QString text) const
{
    const QString what
        = StatusPoller::tr("the monitor's look at the server (read_only, replication status, heartbeat)");
    for (const QString& sql : { beatSql, statusSql, serverSql() })
        if (!sql.isEmpty())
            text.replace(sql, what);
    return text;
}
QString PollConnection::serverSql()
{
    return QStringLiteral("SELECT @@version AS version, @@server_id AS server_id");
}

void PollConnection::unreachable(StatusSample& s, const StepError& e)
{
    s.reachable = false;
    s.unreachableDetail = e.code != 0 ? StatusPoller::tr("%1 (error %2)").arg(e.text).arg(e.code) : e.text;
    s.unreachableReason = inWords(s.unreachableDetail);
    close();
}

void PollConnection::pollInto(StatusSample& s, const PollSettings& settings)
{
    if (!session || !db.isOpen()) {
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
        beatShape.clear();
    }
    const qint64 before = Heartbeat::localClockUs();
    const Rows r = beat ? run(beatSql, beatShape, settings.profile.name)
                        : run(statusSql, statusShape, settings.profile.name);
    const qint64 after = Heartbeat::localClockUs();
    if (r.first.isEmpty())
        return unreachable(s, *r.error);
    const SqlRow& h = r.first.at(0);
    s.reachable = true;
    readTls(s);
    s.readOnly = h.value(QStringLiteral("read_only")).toInt() != 0;
    serverId = h.value(QStringLiteral("server_id")).toLongLong();
    s.serverId = serverId;
    s.gtidState = h.value(QStringLiteral("gtid_state")).toString().remove(QLatin1Char('\n'));
    s.gtidSelf
        = dialect.isMariaDb() ? QString::number(serverId) : h.value(QStringLiteral("gtid_self")).toString();
    if (r.first.size() >= 2) {
        s.replica = ReplicaStatus::fromRow(r.first.at(1), dialect);
    } else {
        if (Heartbeat::isConnectionError(r.error->code))
            return unreachable(s, *r.error);
        // a missing privilege, say; the beat did not run either
        s.statusError = inWords(r.error->toString());
        return;
    }
    if (!beat)
        return;
    if (r.first.size() < 4)
        return heartbeatFailed(s, settings, *r.error);
    lastBeatUs = after;
    if (dialect.beatsByGtid()) {
        s.beatGtid = r.first.at(3).value(QStringLiteral("beat_gtid")).toString();
    } else if (const std::optional<BinlogStatus> end = BinlogStatus::fromRows(
                   r.first.at(3).isEmpty() ? QList<SqlRow>() : QList<SqlRow> { r.first.at(3) })) {
        s.beatLogFile = end->file;
        s.beatLogPos = end->position;
    }
    if (s.beatGtid.isEmpty() && s.beatLogFile.isEmpty()) {
        s.heartbeatError = StatusPoller::tr("the binary log of %1 is off: no heartbeat lag for its replica")
                               .arg(settings.profile.name);
        return;
    }
    s.beatWrittenUs = (before + after) / 2;
}

void PollConnection::readTls(StatusSample& s)
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

bool PollConnection::beatDue(StatusSample& s, const PollSettings& settings)
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

void PollConnection::heartbeatFailed(StatusSample& s, const PollSettings& settings, const StepError& e)
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
