#include "sql/sqlsession.h"

#include "common/stepid.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {
int nativeCode(const QSqlError& e)
{
    return e.nativeErrorCode().toInt();
}

/** The code of an error on an open session: a TLS error there (CR_SSL_CONNECTION_ERROR 2026, e.g. "TLS/SSL
 *  error: unexpected eof while reading" when the server was killed) is the connection lost, as the same
 *  fault in clear text says with CR_SERVER_LOST 2013; at login 2026 stays a certificate problem. */
int sessionCode(const QSqlError& e)
{
    const int code = nativeCode(e);
    constexpr int sslConnectionError = 2026, serverLost = 2013;
    return code == sslConnectionError ? serverLost : code;
}

QString serverText(const QSqlError& e)
{
    QString t = e.databaseText();
    if (t.isEmpty())
        t = e.driverText();
    return t;
}
} // namespace

SqlSession::SqlSession(QString connectionName)
    : m_connectionName(std::move(connectionName))
{ }

SqlSession::~SqlSession()
{
    close();
}

Result<void> SqlSession::open(const SqlEndpoint& endpoint, const QString& password)
{
    close();
    m_endpoint = endpoint;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QMYSQL")))
        return stepFailure(endpoint.serverName, StepId::Connect,
            SqlSession::tr("the Qt MySQL driver (QMYSQL) is not installed; run scripts/install-deps.sh"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), m_connectionName);
        db.setHostName(endpoint.host);
        db.setPort(endpoint.port);
        db.setUserName(endpoint.user);
        db.setPassword(password);
        if (!endpoint.database.isEmpty())
            db.setDatabaseName(endpoint.database);
        db.setConnectOptions(QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=%1;MYSQL_OPT_READ_TIMEOUT=%2;"
                                            "MYSQL_OPT_WRITE_TIMEOUT=%2;MYSQL_OPT_RECONNECT=0")
                                 .arg(endpoint.connectTimeoutSec)
                                 .arg(endpoint.readTimeoutSec)
            + tlsConnectOptions(endpoint.tls));
        if (!db.open()) {
            const QSqlError e = db.lastError();
            const int code = nativeCode(e);
            QString text = serverText(e);
            if (code == 1045)
                text = SqlSession::tr("the server refused the admin account %1: %2").arg(endpoint.user, text);
            else if (code == 2026 && endpoint.tls.isOn())
                text = SqlSession::tr("the TLS connection to %1:%2 failed (mode %3, CA %4): %5")
                           .arg(endpoint.host)
                           .arg(endpoint.port)
                           .arg(TlsSettings::modeToString(endpoint.tls.mode),
                               endpoint.tls.files.ca.isEmpty() ? SqlSession::tr("none")
                                                               : endpoint.tls.files.ca,
                               text);
            else if (code == 2002 || code == 2003 || code == 2005 || code == 2013)
                text = SqlSession::tr("cannot reach %1:%2: %3")
                           .arg(endpoint.host)
                           .arg(endpoint.port)
                           .arg(text);
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return stepFailure(endpoint.serverName, StepId::Connect, text, code);
        }
        db.setPassword(QString()); // do not keep the secret in the connection object
    }
    // the client library falls back to clear text when the server offers no TLS: never accept that
    auto cipher = query(QStringLiteral("SHOW SESSION STATUS LIKE 'Ssl_cipher'"));
    if (!cipher) {
        close();
        return std::unexpected(cipher.error());
    }
    m_cipher = cipher->value(0).value(QStringLiteral("Value")).toString();
    if (endpoint.tls.isOn() && m_cipher.isEmpty()) {
        close();
        return stepFailure(endpoint.serverName, StepId::Connect,
            SqlSession::tr("%1:%2 answered in clear text although \"tls\" is \"%3\": the server has TLS off "
                           "(have_ssl is not YES) or something on the way removed it; RepliPair does not "
                           "fall back to clear text")
                .arg(endpoint.host)
                .arg(endpoint.port)
                .arg(TlsSettings::modeToString(endpoint.tls.mode)),
            2026);
    }
    auto names = exec(QStringLiteral("SET NAMES utf8mb4"));
    if (!names && names.error().code == 1115) // before MySQL 5.5.3: no utf8mb4
        names = exec(QStringLiteral("SET NAMES utf8"));
    if (!names)
        return names;
    return {};
}

QString SqlSession::tlsConnectOptions(const TlsSettings& tls)
{
    if (!tls.isOn())
        return {};
    // a value may not hold ';' (the option separator): ProfileRules keeps paths free of it
    QString o;
    if (tls.verifies())
        o += QStringLiteral(";SSL_CA=") + tls.files.ca;
    if (!tls.files.cert.isEmpty())
        o += QStringLiteral(";SSL_CERT=%1;SSL_KEY=%2").arg(tls.files.cert, tls.files.key);
    // without a CA (mode "required") the cipher list alone turns TLS on, checking no certificate
    if (!tls.verifies())
        o += QStringLiteral(";SSL_CIPHER=DEFAULT");
    return o;
}

void SqlSession::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool SqlSession::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
        && QSqlDatabase::database(m_connectionName, false).isOpen();
}

Result<QList<SqlRow>> SqlSession::query(const QString& sql, const QString& shownAs)
{
    const QString shown = shownAs.isEmpty() ? sql : shownAs;
    if (!isOpen())
        return stepFailure(
            m_endpoint.serverName, m_step, SqlSession::tr("not connected (while running: %1)").arg(shown));
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        const QSqlError e = q.lastError();
        QString text = serverText(e);
        if (!shownAs.isEmpty() && shownAs != sql) {
            // a syntax error quotes the statement ("near '...'"): that part may hold the secret
            static const QRegularExpression near(
                QStringLiteral("near '.*' at line \\d+"), QRegularExpression::DotMatchesEverythingOption);
            text.replace(near, SqlSession::tr("near (the statement is not shown: it holds a secret)"));
        }
        return stepFailure(m_endpoint.serverName, m_step,
            SqlSession::tr("%1 — while running: %2").arg(text, shown), sessionCode(e));
    }
    QList<SqlRow> rows;
    if (!q.isSelect())
        return rows;
    const QSqlRecord rec = q.record(); // one description of the columns for every row
    const int columns = int(rec.count());
    QStringList names;
    names.reserve(columns);
    for (int i = 0; i < columns; ++i)
        names << rec.fieldName(i);
    while (q.next()) {
        SqlRow row;
        for (int i = 0; i < columns; ++i)
            row.insert(names.at(i), q.value(i));
        rows.append(row);
    }
    return rows;
}

SqlSession::Results SqlSession::queryResults(const QString& sql)
{
    Results out;
    if (!isOpen()) {
        out.error = StepError { m_endpoint.serverName, m_step, 0,
            SqlSession::tr("not connected (while running: %1)").arg(sql) };
        return out;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    auto failed = [&] {
        const QSqlError e = q.lastError();
        out.error = StepError { m_endpoint.serverName, m_step, sessionCode(e),
            SqlSession::tr("%1 — while running: %2").arg(serverText(e), sql) };
        return out;
    };
    if (!q.exec(sql))
        return failed();
    QList<QList<SqlRow>>& results = out.rows;
    do {
        QList<SqlRow> rows;
        if (q.isSelect()) {
            const QSqlRecord rec = q.record();
            const int columns = int(rec.count());
            QStringList names;
            names.reserve(columns);
            for (int i = 0; i < columns; ++i)
                names << rec.fieldName(i);
            while (q.next()) {
                SqlRow row;
                for (int i = 0; i < columns; ++i)
                    row.insert(names.at(i), q.value(i));
                rows.append(row);
            }
        }
        results.append(rows);
    } while (q.nextResult());
    if (q.lastError().isValid())
        return failed(); // a later statement failed: the ones before it ran
    return out;
}

Result<void> SqlSession::exec(const QString& sql, const QString& shownAs)
{
    auto r = query(sql, shownAs);
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<QVariant> SqlSession::scalar(const QString& sql)
{
    auto r = query(sql);
    if (!r)
        return std::unexpected(r.error());
    if (r->isEmpty() || r->first().isEmpty())
        return QVariant();
    // the first column by position of the record is lost in a map; ask for a named column instead
    return r->first().size() == 1 ? r->first().first() : QVariant();
}
