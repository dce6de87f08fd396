#include "sql/replicastatus.h"

#include "sql/dialect.h"
#include "sql/sqlsession.h"

namespace {

std::optional<qint64> optionalInt(const QVariant& v)
{
    if (!v.isValid() || v.isNull() || v.toString().isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

bool isYes(const QVariant& v)
{
    return v.toString().compare(QLatin1String("Yes"), Qt::CaseInsensitive) == 0;
}

QJsonValue orNull(const std::optional<qint64>& v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
}

/** The server's Slave_IO_Running word, translated where it is one of the known ones. */
QString ioStateText(const QString& ioState)
{
    auto is = [&ioState](const char* word) {
        return ioState.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
    };
    if (ioState.isEmpty() || is("No"))
        return ReplicaStatus::tr("No");
    if (is("Yes"))
        return ReplicaStatus::tr("Yes");
    if (is("Connecting"))
        return ReplicaStatus::tr("Connecting");
    if (is("Preparing"))
        return ReplicaStatus::tr("Preparing");
    return ioState; // a state this version of RepliPair does not know: the server's word
}

QJsonValue textOrNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
} // namespace

std::optional<double> ReplicaStatus::lag(std::optional<double> heartbeatLag) const
{
    if (!configured)
        return std::nullopt;
    if (heartbeatLag)
        return heartbeatLag;
    if (secondsBehind)
        return double(*secondsBehind);
    return std::nullopt;
}

qint64 ReplicaStatus::backlogBytes() const
{
    if (!configured)
        return 0;
    if (!sourceLogFile.isEmpty() && sourceLogFile == relaySourceLogFile
        && readSourceLogPos >= execSourceLogPos)
        return readSourceLogPos - execSourceLogPos;
    return relayLogSpace;
}

QString ReplicaStatus::ioErrorText() const
{
    if (lastIoErrno == 0 && lastIoError.isEmpty())
        return {};
    return ReplicaStatus::tr("IO thread error %1: %2").arg(lastIoErrno).arg(lastIoError);
}

QString ReplicaStatus::sqlErrorText() const
{
    if (lastSqlErrno == 0 && lastSqlError.isEmpty())
        return {};
    return ReplicaStatus::tr("SQL thread error %1: %2").arg(lastSqlErrno).arg(lastSqlError);
}

QString ReplicaStatus::lastError() const
{
    const QString sql = sqlErrorText();
    return sql.isEmpty() ? ioErrorText() : sql;
}

QString ReplicaStatus::secondsBehindText() const
{
    return secondsBehind ? ReplicaStatus::tr("%1 s").arg(*secondsBehind) : QStringLiteral("NULL");
}

QString ReplicaStatus::summary() const
{
    if (!configured)
        return ReplicaStatus::tr("not a replica");
    return ReplicaStatus::tr("from %1:%2  IO %3  SQL %4  behind %5")
        .arg(sourceHost)
        .arg(sourcePort)
        .arg(ioStateText(ioState), sqlRunning ? ReplicaStatus::tr("Yes") : ReplicaStatus::tr("No"),
            secondsBehindText());
}

QString ReplicaStatus::ioThreadText() const
{
    if (ioRunning)
        return ReplicaStatus::tr("yes");
    if (ioState.compare(QLatin1String("Connecting"), Qt::CaseInsensitive) == 0)
        return ReplicaStatus::tr("connecting");
    if (ioState.compare(QLatin1String("Preparing"), Qt::CaseInsensitive) == 0)
        return ReplicaStatus::tr("preparing");
    if (ioState.isEmpty() || ioState.compare(QLatin1String("No"), Qt::CaseInsensitive) == 0)
        return ReplicaStatus::tr("no");
    return ioState; // a state this version of RepliPair does not know: the server's word
}

QString ReplicaStatus::sqlThreadText() const
{
    return sqlRunning ? ReplicaStatus::tr("yes") : ReplicaStatus::tr("no");
}

QJsonObject ReplicaStatus::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("replicaConfigured"), configured);
    o.insert(QStringLiteral("sourceHost"), textOrNull(sourceHost));
    o.insert(
        QStringLiteral("sourcePort"), configured ? QJsonValue(sourcePort) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("ioRunning"), ioRunning);
    o.insert(QStringLiteral("sqlRunning"), sqlRunning);
    o.insert(QStringLiteral("ioState"), textOrNull(ioState));
    o.insert(QStringLiteral("sqlState"), textOrNull(sqlState));
    o.insert(QStringLiteral("secondsBehind"), orNull(secondsBehind));
    o.insert(QStringLiteral("sqlDelay"), orNull(sqlDelay));
    o.insert(QStringLiteral("usingGtid"), usingGtid);
    o.insert(QStringLiteral("sourceLogFile"), textOrNull(sourceLogFile));
    o.insert(QStringLiteral("readSourceLogPos"), double(readSourceLogPos));
    o.insert(QStringLiteral("relaySourceLogFile"), textOrNull(relaySourceLogFile));
    o.insert(QStringLiteral("execSourceLogPos"), double(execSourceLogPos));
    o.insert(QStringLiteral("relayLogSpace"), double(relayLogSpace));
    o.insert(QStringLiteral("backlogBytes"), double(backlogBytes()));
    o.insert(QStringLiteral("lastIoErrno"), lastIoErrno);
    o.insert(QStringLiteral("lastIoError"), textOrNull(lastIoError));
    o.insert(QStringLiteral("lastSqlErrno"), lastSqlErrno);
    o.insert(QStringLiteral("lastSqlError"), textOrNull(lastSqlError));
    o.insert(QStringLiteral("lastError"), textOrNull(lastError()));
    auto optionalBool = [](const std::optional<bool>& b) { return b ? QJsonValue(*b) : QJsonValue(); };
    o.insert(QStringLiteral("tls"), tlsId().isEmpty() ? QJsonValue() : QJsonValue(tlsId()));
    o.insert(QStringLiteral("tlsEncrypted"), configured ? optionalBool(tlsEncrypted) : QJsonValue());
    o.insert(QStringLiteral("tlsVerified"),
        configured ? optionalBool(tlsEncrypted.value_or(false) ? tlsVerified : std::optional<bool>(false))
                   : QJsonValue());
    return o;
}

ReplicaStatus ReplicaStatus::fromRow(const QVariantMap& row, const ReplicaStatusColumns& c)
{
    ReplicaStatus s;
    if (row.isEmpty())
        return s;
    auto text = [&row](QLatin1StringView name) { return row.value(name).toString(); };
    auto number = [&row](QLatin1StringView name) { return row.value(name).toLongLong(); };
    s.configured = true;
    s.sourceHost = text(c.sourceHost);
    s.sourcePort = int(number(c.sourcePort));
    s.sourceUser = text(c.sourceUser);
    s.ioState = text(c.ioRunning);
    s.ioRunning = isYes(s.ioState);
    s.sqlRunning = isYes(row.value(c.sqlRunning));
    s.secondsBehind = optionalInt(row.value(c.secondsBehind));
    s.sourceLogFile = text(c.sourceLogFile);
    s.readSourceLogPos = number(c.readSourceLogPos);
    s.relaySourceLogFile = text(c.relaySourceLogFile);
    s.execSourceLogPos = number(c.execSourceLogPos);
    s.relayLogFile = text(QLatin1StringView("Relay_Log_File"));
    s.relayLogPos = number(QLatin1StringView("Relay_Log_Pos"));
    s.relayLogSpace = number(QLatin1StringView("Relay_Log_Space"));
    s.lastIoErrno = int(number(QLatin1StringView("Last_IO_Errno")));
    s.lastIoError = text(QLatin1StringView("Last_IO_Error"));
    s.lastIoErrorTime = text(QLatin1StringView("Last_IO_Error_Timestamp"));
    s.lastSqlErrno = int(number(QLatin1StringView("Last_SQL_Errno")));
    s.lastSqlError = text(QLatin1StringView("Last_SQL_Error"));
    s.lastSqlErrorTime = text(QLatin1StringView("Last_SQL_Error_Timestamp"));
    const QString gtid = text(c.usingGtid);
    s.usingGtid = !gtid.isEmpty() && gtid != QLatin1String("No") && gtid != QLatin1String("0");
    s.sqlDelay = optionalInt(row.value(QLatin1StringView("SQL_Delay")));
    // the same column names in every dialect but MySQL 8.0.22+'s SHOW REPLICA STATUS (Source_…)
    auto column = [&row](const char* master, const char* source) {
        const QLatin1StringView m(master), so(source);
        return row.contains(m) ? row.value(m) : row.value(so);
    };
    const QVariant allowed = column("Master_SSL_Allowed", "Source_SSL_Allowed");
    if (allowed.isValid() && !allowed.isNull())
        s.tlsEncrypted = allowed.toString().compare(QLatin1String("Yes"), Qt::CaseInsensitive) == 0;
    const QVariant verify = column("Master_SSL_Verify_Server_Cert", "Source_SSL_Verify_Server_Cert");
    if (verify.isValid() && !verify.isNull())
        s.tlsVerified = verify.toString().compare(QLatin1String("Yes"), Qt::CaseInsensitive) == 0;
    s.tlsCa = column("Master_SSL_CA_File", "Source_SSL_CA_File").toString();
    s.sqlState = text(c.sqlState);
    s.replicateDoDb = text(QLatin1StringView("Replicate_Do_DB"));
    s.replicateIgnoreDb = text(QLatin1StringView("Replicate_Ignore_DB"));
    s.replicateWildDoTable = text(QLatin1StringView("Replicate_Wild_Do_Table"));
    s.replicateWildIgnoreTable = text(QLatin1StringView("Replicate_Wild_Ignore_Table"));
    return s;
}

ReplicaStatus ReplicaStatus::fromRow(const QVariantMap& row, const Dialect& dialect)
{
    return fromRow(row, dialect.replicaStatusColumns());
}

ReplicaStatus ReplicaStatus::fromRow(const QVariantMap& row)
{
    return fromRow(row, ReplicaStatusColumns::forRow(row));
}

Result<ReplicaStatus> ReplicaStatus::read(SqlSession& session, const Dialect& dialect)
{
    auto rows = session.query(dialect.showReplicaStatus());
    if (!rows)
        return std::unexpected(rows.error());
    return fromRow(rows->value(0), dialect);
}

QString ReplicaStatus::tlsId() const
{
    if (!configured || !tlsEncrypted)
        return {};
    if (!*tlsEncrypted)
        return QStringLiteral("clear");
    return tlsVerified.value_or(false) ? QStringLiteral("verified") : QStringLiteral("encrypted");
}

QString ReplicaStatus::tlsText() const
{
    const QString id = tlsId();
    if (id == QLatin1String("verified"))
        return tr("encrypted, certificate verified");
    if (id == QLatin1String("encrypted"))
        return tr("encrypted, certificate not checked");
    if (id == QLatin1String("clear"))
        return tr("clear text");
    return {};
}
