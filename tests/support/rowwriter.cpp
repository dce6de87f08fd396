#include "support/rowwriter.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

RowWriter::RowWriter(QString host, int port, QString user, QString password, QString table, int intervalMs)
    : m_host(std::move(host))
    , m_user(std::move(user))
    , m_password(std::move(password))
    , m_table(std::move(table))
    , m_port(port)
    , m_intervalMs(intervalMs)
{ }

RowWriter::~RowWriter()
{
    stop();
}

QString RowWriter::createTableSql(const QString& table)
{
    return QStringLiteral(
        "CREATE TABLE IF NOT EXISTS %1 (seq BIGINT PRIMARY KEY, note VARCHAR(40)) ENGINE=InnoDB")
        .arg(table);
}

void RowWriter::start(qint64 firstSeq)
{
    stop();
    m_stop = false;
    m_next = firstSeq;
    m_committed = 0; // each run counts its own rows
    m_reconnects = 0;
    m_thread = std::thread([this] { loop(); });
}

qint64 RowWriter::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    return m_committed.load();
}

void RowWriter::loop()
{
    const QString name = QStringLiteral("rowwriter-") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), name);
        db.setHostName(m_host);
        db.setPort(m_port);
        db.setUserName(m_user);
        db.setPassword(m_password);
        db.setConnectOptions(QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=2;MYSQL_OPT_READ_TIMEOUT=5"));
        bool open = false;
        while (!m_stop) {
            if (!open) {
                open = db.open();
                if (!open) {
                    QThread::msleep(50);
                    continue;
                }
            }
            QSqlQuery q(db);
            const qint64 seq = m_next.load();
            if (q.exec(
                    QStringLiteral("INSERT INTO %1 (seq, note) VALUES (%2, 'writer')").arg(m_table).arg(seq))
                || q.lastError().nativeErrorCode() == QLatin1String("1062")) {
                ++m_committed;
                ++m_next;
            } else {
                db.close();
                open = false;
                ++m_reconnects;
                QThread::msleep(50);
                continue;
            }
            QThread::msleep(m_intervalMs);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}
