#pragma once

#include "common/pairprofile.h"
#include "monitor/statuspoller.h"
#include "monitor/statussample.h"
#include "sql/dialect.h"
#include "sql/sqlsession.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>
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

/** The poller's connection and what it learnt about the server; lives on the worker thread (internal to
 *  StatusPoller). */
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
    /** One query object for every poll of this connection: the driver's result object is made once, not
     *  once per poll. Let go before the session closes. */
    std::optional<QSqlQuery> query;

    /** Per statement of one of the poll's two texts (status, or status and beat): the positions of the
     *  columns the poll reads, learnt by the first run on this connection (QSqlQuery::record() describes
     *  every column anew each time, and of SHOW REPLICA STATUS's 50-odd columns the poll reads 26: the rest
     *  are not converted at all), and the first row, kept from poll to poll: its keys are made once, each
     *  poll only replaces the values. */
    struct Statement
    {
        QList<std::pair<int, QString>> columns;
        SqlRow row;
    };
    using Shape = QList<Statement>;
    Shape statusShape;
    Shape beatShape;
    QSet<QString> wanted;

    /** What one run gave: per statement that ran, its first row (empty without a result set or a row);
     *  the rows are the kept ones of the shape (shared, not copied). */
    struct Rows
    {
        QList<SqlRow> first;
        std::optional<StepError> error; ///< the statement that failed; the ones after it did not run
    };

    QDateTime certificateNotAfter; ///< read on connecting and once a minute
    QString replicationCipher;
    qint64 tlsReadDueUs = 0;

    /** The columns ReplicaStatus::fromRow() reads (keep the two lists together), and the poll's own. */
    static QSet<QString> columnsRead(const Dialect& dialect);
    /** Runs the poll's statements in one round trip, reading only the wanted columns of each result's
     *  first row, at the positions learnt in @p shape. */
    Rows run(const QString& sql, Shape& shape, const QString& server);

    void close();
    Result<void> open(const PollSettings& settings);
    StatusSample poll(const PollSettings& settings);

    /** @p text with the monitor's own statements replaced by what they do: the banner speaks words, the
     *  log's detail keeps the SQL. */
    QString inWords(QString text) const;
    static QString serverSql();
    void unreachable(StatusSample& s, const StepError& e);
    void pollInto(StatusSample& s, const PollSettings& settings);
    /** The certificate's end and the source's view of the replication session's cipher, once a minute. */
    void readTls(StatusSample& s);
    /** Whether this poll writes a beat; prepares the connection for it the first time. */
    bool beatDue(StatusSample& s, const PollSettings& settings);
    void heartbeatFailed(StatusSample& s, const PollSettings& settings, const StepError& e);
};
