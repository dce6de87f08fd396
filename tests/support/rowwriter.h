#pragma once

#include <QString>

#include <atomic>
#include <thread>

/** An application writing to a server: commits one row into `db.table(seq)` every few milliseconds on a
 *  thread of its own, reconnecting when the server goes away (a restart), and counts what it committed.
 *  A row whose commit answer was lost is retried with the same seq: a duplicate-key answer means it was in.
 */
class RowWriter
{
public:
    RowWriter(QString host, int port, QString user, QString password, QString table, int intervalMs = 5);
    ~RowWriter();
    /** CREATE TABLE IF NOT EXISTS table (seq BIGINT PRIMARY KEY, note VARCHAR(40)) */
    static QString createTableSql(const QString& table);
    /** Starts a run (stopping one still going); committed() and reconnects() count this run only. */
    void start(qint64 firstSeq = 1);
    /** Stops and returns the number of rows committed in this run. */
    qint64 stop();
    qint64 committed() const { return m_committed.load(); }
    qint64 lastSeq() const { return m_next.load() - 1; }
    int reconnects() const { return m_reconnects.load(); }

private:
    void loop();

    QString m_host, m_user, m_password, m_table;
    int m_port, m_intervalMs;
    std::atomic_bool m_stop { false };
    std::atomic<qint64> m_committed { 0 };
    std::atomic<qint64> m_next { 1 };
    std::atomic_int m_reconnects { 0 };
    std::thread m_thread;
};
