#include "sql/binlogstatus.h"

#include "sql/dialect.h"

std::optional<BinlogStatus> BinlogStatus::fromRows(const QList<SqlRow>& rows)
{
    if (rows.isEmpty())
        return std::nullopt;
    const SqlRow& row = rows.first();
    BinlogStatus s;
    s.file = row.value(QStringLiteral("File")).toString();
    s.position = row.value(QStringLiteral("Position")).toLongLong();
    s.doDb = row.value(QStringLiteral("Binlog_Do_DB")).toString();
    s.ignoreDb = row.value(QStringLiteral("Binlog_Ignore_DB")).toString();
    s.executedGtidSet
        = row.value(QStringLiteral("Executed_Gtid_Set")).toString().simplified().remove(QLatin1Char(' '));
    return s;
}

Result<std::optional<BinlogStatus>> BinlogStatus::readIfOn(SqlSession& session, const Dialect& dialect)
{
    auto rows = session.query(dialect.showBinlogStatus());
    if (!rows)
        return std::unexpected(rows.error());
    return fromRows(*rows);
}

Result<BinlogStatus> BinlogStatus::read(SqlSession& session, const Dialect& dialect)
{
    auto status = readIfOn(session, dialect);
    if (!status)
        return std::unexpected(status.error());
    if (!*status)
        return stepFailure(session.endpoint().serverName, session.step(),
            BinlogStatus::tr("the binary log is off: %1 returned nothing").arg(dialect.showBinlogStatus()));
    return **status;
}
