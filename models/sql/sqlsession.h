#pragma once

#include "common/steperror.h"
#include "common/stepid.h"
#include "common/tlssettings.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <optional>

/** Where and as whom to connect. The password is passed separately and never stored here. */
struct SqlEndpoint
{
    QString serverName; ///< profile name, for messages
    QString host;
    int port = 3306;
    QString user;
    QString database;
    int connectTimeoutSec = 5;
    int readTimeoutSec = 30;
    TlsSettings tls; ///< off: clear text; else the session is encrypted or not opened at all
};

using SqlRow = QVariantMap; ///< column name → value; SQL NULL is a null QVariant

/** One QMYSQL connection with a name of its own, used only in the thread that opened it.
 *  Every statement has a timeout; errors carry the server's errno and text, never the SQL's secrets. */
class SqlSession
{
    Q_DECLARE_TR_FUNCTIONS(SqlSession)
public:
    explicit SqlSession(QString connectionName);
    ~SqlSession();
    SqlSession(const SqlSession&) = delete;
    SqlSession& operator=(const SqlSession&) = delete;

    Result<void> open(const SqlEndpoint& endpoint, const QString& password);
    void close();
    bool isOpen() const;
    const SqlEndpoint& endpoint() const { return m_endpoint; }

    /** Runs @p sql and returns its rows by column name. @p shownAs is what errors quote instead of
     *  the statement (give it whenever the statement holds a secret). */
    Result<QList<SqlRow>> query(const QString& sql, const QString& shownAs = {});
    Result<void> exec(const QString& sql, const QString& shownAs = {});
    /** Runs several statements separated by ';' in one round trip (Qt's QMYSQL driver connects with
     *  CLIENT_MULTI_STATEMENTS) and returns the rows of each result, in order; statements without a result
     *  set give an empty list. For fixed SQL of our own only. */
    struct Results
    {
        QList<QList<SqlRow>> rows; ///< per statement that ran, in order
        std::optional<StepError> error; ///< the statement that failed; the ones after it did not run
    };
    Results queryResults(const QString& sql);
    /** First column of the first row, or a null QVariant when there is no row. */
    Result<QVariant> scalar(const QString& sql);

    /** The session's cipher (empty: clear text), as the server sees it. */
    QString cipher() const { return m_cipher; }
    /** The QMYSQL connect options that ask the client library for @p tls (Qt 6.4's driver takes the
     *  CA, certificate, key and cipher list; a CA makes the library check the certificate chain). */
    static QString tlsConnectOptions(const TlsSettings& tls);

    QString step() const { return m_step; }
    void setStep(const QString& step) { m_step = step; }

private:
    QString m_connectionName;
    SqlEndpoint m_endpoint;
    QString m_step = StepId::Sql;
    QString m_cipher;
};
