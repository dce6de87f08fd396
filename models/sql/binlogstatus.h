#pragma once

#include "common/steperror.h"
#include "sql/sqlsession.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

class Dialect;

/** What SHOW MASTER STATUS / SHOW BINARY LOG STATUS says: where the binary log ends now, its database
 *  filters and (MySQL) the executed GTID set in the same row. The one place that reads the statement. */
struct BinlogStatus
{
    Q_DECLARE_TR_FUNCTIONS(BinlogStatus)
public:
    QString file;
    qint64 position = 0;
    QString doDb; ///< Binlog_Do_DB
    QString ignoreDb; ///< Binlog_Ignore_DB
    QString executedGtidSet; ///< MySQL's Executed_Gtid_Set without whitespace; empty on MariaDB

    /** The statement's result @p rows; empty when the binary log is off (no row). */
    static std::optional<BinlogStatus> fromRows(const QList<SqlRow>& rows);
    /** Runs the statement of @p dialect on @p session; empty when the binary log is off. */
    static Result<std::optional<BinlogStatus>> readIfOn(SqlSession& session, const Dialect& dialect);
    /** The same, a binary log that is off being an error of the session's step. */
    static Result<BinlogStatus> read(SqlSession& session, const Dialect& dialect);
};
