#include "setup/snapshotchecksum.h"

#include "common/owntables.h"
#include "common/sqlquote.h"
#include "common/stepid.h"

#include <QScopeGuard>

Result<SnapshotChecksum::Mark> SnapshotChecksum::mark(ServerContext& ctx)
{
    SqlSession& sql = *ctx.sql;
    auto status = sql.query(ctx.dialect.showBinlogStatus());
    if (!status)
        return std::unexpected(status.error());
    if (status->isEmpty())
        return stepFailure(ctx.profile.name, StepId::VerifyData,
            SnapshotChecksum::tr("the binary log is off: %1 returned nothing")
                .arg(ctx.dialect.showBinlogStatus()));
    Mark m;
    m.file = status->first().value(QStringLiteral("File")).toString();
    m.position = status->first().value(QStringLiteral("Position")).toLongLong();
    auto own = sql.query(ctx.dialect.ownTransactionsQuery());
    if (!own)
        return std::unexpected(own.error());
    if (!own->isEmpty())
        m.own = ownPart(own->first().value(QStringLiteral("state")).toString(),
            own->first().value(QStringLiteral("self")).toString(), ctx.dialect.isMariaDb());
    return m;
}

QString SnapshotChecksum::ownPart(const QString& state, const QString& self, bool mariaDb)
{
    QStringList out;
    const QString compact = state.simplified().remove(QLatin1Char(' '));
    for (const QString& entry : compact.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        // MariaDB: domain-server_id-seq_no; MySQL: uuid:intervals
        const bool own = mariaDb
            ? entry.section(QLatin1Char('-'), 1, 1) == self
            : entry.section(QLatin1Char(':'), 0, 0).compare(self, Qt::CaseInsensitive) == 0;
        if (own)
            out << entry;
    }
    return out.join(QLatin1Char(','));
}

Result<BinlogCoordinates> SnapshotChecksum::openSnapshot(ServerContext& ctx)
{
    SqlSession& sql = *ctx.sql;
    sql.setStep(StepId::VerifyData);
    // a consistent snapshot needs REPEATABLE READ (the server's default; a session could have another)
    if (auto r = sql.exec(QStringLiteral("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ")); !r)
        return std::unexpected(r.error());
    if (!ctx.dialect.hasBinlogSnapshotStatus()) {
        auto c = ReplicationSteps::readCoordinates(ctx, true);
        sql.setStep(StepId::VerifyData);
        return c;
    }
    if (auto r = sql.exec(QStringLiteral("START TRANSACTION WITH CONSISTENT SNAPSHOT")); !r)
        return std::unexpected(r.error());
    auto rows = sql.query(ctx.dialect.binlogSnapshotStatus());
    BinlogCoordinates c;
    if (rows)
        for (const SqlRow& r : *rows) {
            const QString name = r.value(QStringLiteral("Variable_name")).toString().toLower();
            if (name == QLatin1String("binlog_snapshot_file"))
                c.file = r.value(QStringLiteral("Value")).toString();
            else if (name == QLatin1String("binlog_snapshot_position"))
                c.position = r.value(QStringLiteral("Value")).toLongLong();
        }
    if (rows && !c.file.isEmpty()) {
        // the GTID position of exactly that point: a replica stopped a little short of it may still hold it
        auto gtid = sql.scalar(ctx.dialect.gtidPositionAt(c.file, c.position));
        if (gtid)
            c.gtid = gtid->toString();
    }
    if (!rows || c.file.isEmpty()) {
        sql.exec(QStringLiteral("ROLLBACK"));
        if (!rows)
            return std::unexpected(rows.error());
        return stepFailure(ctx.profile.name, StepId::VerifyData,
            SnapshotChecksum::tr("the binary log is off: no snapshot position (%1)")
                .arg(ctx.dialect.binlogSnapshotStatus()));
    }
    return c;
}

bool SnapshotChecksum::reachesEveryDomain(const QStringList& have, const QString& want)
{
    QMap<QString, qint64> reached; ///< domain → highest seq_no held
    for (const QString& list : have)
        for (const QString& g :
            list.simplified().remove(QLatin1Char(' ')).split(QLatin1Char(','), Qt::SkipEmptyParts))
            reached[g.section(QLatin1Char('-'), 0, 0)]
                = qMax(reached.value(g.section(QLatin1Char('-'), 0, 0), -1),
                    g.section(QLatin1Char('-'), 2).toLongLong());
    for (const QString& g :
        want.simplified().remove(QLatin1Char(' ')).split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (reached.value(g.section(QLatin1Char('-'), 0, 0), -1)
            < g.section(QLatin1Char('-'), 2).toLongLong())
            return false;
    return true;
}

Result<bool> SnapshotChecksum::holdsGtids(ServerContext& ctx, const QString& gtid)
{
    if (!ctx.dialect.isMariaDb()) {
        auto subset = ctx.sql->scalar(
            QStringLiteral("SELECT GTID_SUBSET(%1, @@GLOBAL.gtid_executed)").arg(ctx.dialect.literal(gtid)));
        if (!subset)
            return std::unexpected(subset.error());
        return subset->toInt() == 1;
    }
    auto rows = ctx.sql->query(
        QStringLiteral("SELECT @@GLOBAL.gtid_slave_pos AS replica, @@GLOBAL.gtid_binlog_pos AS own"));
    if (!rows)
        return std::unexpected(rows.error());
    const SqlRow r = rows->value(0);
    return reachesEveryDomain(
        { r.value(QStringLiteral("replica")).toString(), r.value(QStringLiteral("own")).toString() }, gtid);
}

void SnapshotChecksum::closeSnapshot(ServerContext& ctx)
{
    if (ctx.sql->isOpen())
        ctx.sql->exec(QStringLiteral("COMMIT"));
}

QString SnapshotChecksum::columnValue(const QString& column, const QString& type)
{
    const QString id = SqlQuote::identifier(column);
    const QString t = type.toLower();
    // a float's shortest text differs between versions; its decimal value does not
    if (t == QLatin1String("float") || t == QLatin1String("double") || t == QLatin1String("real"))
        return QStringLiteral("CAST(CAST(%1 AS DECIMAL(65,30)) AS BINARY)").arg(id);
    return QStringLiteral("CAST(%1 AS BINARY)").arg(id);
}

QString SnapshotChecksum::checksumSql(const QString& db, const QString& table, const QStringList& columns,
    const QStringList& types, const QString& where, RowIdentity rows)
{
    QStringList values, nulls;
    for (int i = 0; i < columns.size(); ++i) {
        values << columnValue(columns[i], types.value(i));
        nulls << QStringLiteral("ISNULL(%1)").arg(SqlQuote::identifier(columns[i]));
    }
    // CONCAT_WS leaves NULLs out: the NULL markers tell NULL from ''; SUM counts a row twice where
    // BIT_XOR would cancel it out
    const QString row = QStringLiteral("CRC32(CONCAT_WS(CHAR(31), %1, CONCAT(%2)))")
                            .arg(values.join(QStringLiteral(", ")), nulls.join(QStringLiteral(", ")));
    return QStringLiteral("SELECT COUNT(*) AS n, COALESCE(BIT_XOR(h), 0) AS x, %5 AS s "
                          "FROM (SELECT %1 AS h FROM %2.%3%4) AS rows_crc")
        .arg(row, SqlQuote::identifier(db), SqlQuote::identifier(table),
            where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where,
            rows == RowIdentity::Unique ? QStringLiteral("0") : QStringLiteral("COALESCE(SUM(h), 0)"));
}

Result<QString> SnapshotChecksum::inUtc(SqlSession& sql)
{
    auto zone = sql.scalar(QStringLiteral("SELECT @@session.time_zone"));
    if (!zone)
        return std::unexpected(zone.error());
    if (auto set = sql.exec(QStringLiteral("SET SESSION time_zone = '+00:00'")); !set)
        return std::unexpected(set.error());
    return zone->toString();
}

void SnapshotChecksum::restoreTimeZone(SqlSession& sql, const QString& zone)
{
    if (zone.isEmpty() || !sql.isOpen())
        return;
    QString quoted = zone;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("''"));
    sql.exec(QStringLiteral("SET SESSION time_zone = '%1'").arg(quoted));
}

Result<SnapshotChecksum::Sums> SnapshotChecksum::tables(ServerContext& ctx, const PairProfile& profile)
{
    SqlSession& sql = *ctx.sql;
    const Dialect& d = ctx.dialect;
    const QString where
        = d.userSchemas(QStringLiteral("c.TABLE_SCHEMA"), profile.databases, profile.ignoreDatabases);
    auto columns
        = sql.query(QStringLiteral("SELECT c.TABLE_SCHEMA AS db, c.TABLE_NAME AS name, c.COLUMN_NAME AS col, "
                                   "c.DATA_TYPE AS type "
                                   "FROM information_schema.COLUMNS c JOIN information_schema.TABLES t "
                                   "ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME "
                                   "WHERE t.TABLE_TYPE = 'BASE TABLE' AND %1 "
                                   "AND c.TABLE_NAME NOT IN (%2) "
                                   "ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION")
                        .arg(where, d.literalList(OwnTables::All)));
    if (!columns)
        return std::unexpected(columns.error());
    QMap<QString, QStringList> tableColumns, tableTypes; ///< "db\x1ftable" → columns (types) in order
    for (const SqlRow& r : *columns) {
        const QString key = r.value(QStringLiteral("db")).toString() + QChar(0x1f)
            + r.value(QStringLiteral("name")).toString();
        tableColumns[key] << r.value(QStringLiteral("col")).toString();
        tableTypes[key] << r.value(QStringLiteral("type")).toString();
    }
    auto zone = inUtc(sql);
    if (!zone)
        return std::unexpected(zone.error());
    const auto restore = qScopeGuard([&] { restoreTimeZone(sql, *zone); });
    Sums out;
    for (auto it = tableColumns.cbegin(); it != tableColumns.cend(); ++it) {
        const QString db = it.key().section(QChar(0x1f), 0, 0), table = it.key().section(QChar(0x1f), 1);
        auto sum = sql.query(checksumSql(db, table, it.value(), tableTypes.value(it.key())));
        if (!sum)
            return std::unexpected(sum.error());
        const SqlRow& r = sum->value(0);
        out.insert(db + QLatin1Char('.') + table,
            QStringLiteral("%1:%2:%3")
                .arg(r.value(QStringLiteral("n")).toString(), r.value(QStringLiteral("x")).toString(),
                    r.value(QStringLiteral("s")).toString()));
    }
    return out;
}
