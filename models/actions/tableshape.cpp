#include "actions/tableshape.h"

#include "common/owntables.h"
#include "common/sqlquote.h"
#include "host/serverworker.h"

#include <QMap>

QString TableShape::quotedName() const
{
    return SqlQuote::identifier(database) + QLatin1Char('.') + SqlQuote::identifier(table);
}

Result<QList<TableShape>> TableShape::list(
    ServerContext& ctx, const PairProfile& profile, const QStringList& only)
{
    SqlSession& sql = *ctx.sql;
    const Dialect& d = ctx.dialect;
    const QString where
        = d.userSchemas(QStringLiteral("c.TABLE_SCHEMA"), profile.databases, profile.ignoreDatabases);
    auto columns = sql.query(
        QStringLiteral("SELECT c.TABLE_SCHEMA AS db, c.TABLE_NAME AS name, c.COLUMN_NAME AS col, "
                       "c.DATA_TYPE AS type, t.TABLE_ROWS AS estimate FROM information_schema.COLUMNS c "
                       "JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND "
                       "t.TABLE_NAME = c.TABLE_NAME WHERE t.TABLE_TYPE = 'BASE TABLE' AND %1 "
                       "AND c.TABLE_NAME NOT IN (%2) "
                       "ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION")
            .arg(where, d.literalList(OwnTables::All)));
    if (!columns)
        return std::unexpected(columns.error());
    QMap<QString, TableShape> shapes;
    for (const SqlRow& r : *columns) {
        TableShape& t = shapes[r.value(QStringLiteral("db")).toString() + QLatin1Char('.')
            + r.value(QStringLiteral("name")).toString()];
        t.database = r.value(QStringLiteral("db")).toString();
        t.table = r.value(QStringLiteral("name")).toString();
        t.columns << r.value(QStringLiteral("col")).toString();
        t.types << r.value(QStringLiteral("type")).toString();
        t.estimatedRows = r.value(QStringLiteral("estimate")).toLongLong();
    }
    // the primary key first, then unique keys whose columns are all NOT NULL
    auto keys = sql.query(QStringLiteral(
        "SELECT s.TABLE_SCHEMA AS db, s.TABLE_NAME AS name, s.INDEX_NAME AS idx, s.COLUMN_NAME AS col, "
        "s.NULLABLE AS nullable FROM information_schema.STATISTICS s WHERE s.NON_UNIQUE = 0 AND "
        "%1 ORDER BY s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME <> 'PRIMARY', s.INDEX_NAME, s.SEQ_IN_INDEX")
                              .arg(QString(where).replace(
                                  QLatin1String("c.TABLE_"), QLatin1String("s.TABLE_"))));
    if (!keys)
        return std::unexpected(keys.error());
    QMap<QString, QMap<QString, QStringList>> candidates; ///< table → index → columns
    QMap<QString, QStringList> order;
    QMap<QString, QStringList> nullable;
    for (const SqlRow& r : *keys) {
        const QString t = r.value(QStringLiteral("db")).toString() + QLatin1Char('.')
            + r.value(QStringLiteral("name")).toString();
        const QString idx = r.value(QStringLiteral("idx")).toString();
        if (!candidates[t].contains(idx))
            order[t] << idx;
        candidates[t][idx] << r.value(QStringLiteral("col")).toString();
        if (r.value(QStringLiteral("nullable")).toString() == QLatin1String("YES"))
            nullable[t] << idx;
    }
    QList<TableShape> out;
    for (auto it = shapes.begin(); it != shapes.end(); ++it) {
        if (!only.isEmpty() && !only.contains(it.key()))
            continue;
        for (const QString& idx : order.value(it.key()))
            if (!nullable.value(it.key()).contains(idx)) {
                it->key = candidates[it.key()][idx];
                break;
            }
        out << *it;
    }
    return out;
}

QString TableShape::literalExpression(const QString& column, const QString& type)
{
    const QString id = SqlQuote::identifier(column);
    static const QStringList binary { QStringLiteral("binary"), QStringLiteral("varbinary"),
        QStringLiteral("tinyblob"), QStringLiteral("blob"), QStringLiteral("mediumblob"),
        QStringLiteral("longblob"), QStringLiteral("bit"), QStringLiteral("geometry") };
    if (binary.contains(type.toLower()))
        return QStringLiteral("IF(%1 IS NULL, 'NULL', CONCAT('0x', HEX(%1)))").arg(id);
    return QStringLiteral("QUOTE(%1)").arg(id);
}

QString TableShape::rangeWhere(const QStringList& lower, const QStringList& upper) const
{
    // (k1, k2) > (l1, l2) spelled out: every version's range optimiser takes it
    auto compare = [this](const QStringList& values, const QString& last, const QString& before) {
        QStringList ors;
        for (int i = 0; i < key.size(); ++i) {
            QStringList ands;
            for (int j = 0; j < i; ++j)
                ands << QStringLiteral("%1 = %2").arg(SqlQuote::identifier(key[j]), values.value(j));
            ands << QStringLiteral("%1 %2 %3")
                        .arg(SqlQuote::identifier(key[i]), i == key.size() - 1 ? last : before,
                            values.value(i));
            ors << QLatin1Char('(') + ands.join(QStringLiteral(" AND ")) + QLatin1Char(')');
        }
        return QLatin1Char('(') + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    };
    QStringList parts;
    if (!lower.isEmpty())
        parts << compare(lower, QStringLiteral(">"), QStringLiteral(">"));
    if (!upper.isEmpty())
        parts << compare(upper, QStringLiteral("<="), QStringLiteral("<"));
    return parts.isEmpty() ? QStringLiteral("1") : parts.join(QStringLiteral(" AND "));
}

QString TableShape::keyEquals(const QStringList& values) const
{
    QStringList ands;
    for (int i = 0; i < key.size(); ++i)
        ands << QStringLiteral("%1 = %2").arg(SqlQuote::identifier(key[i]), values.value(i));
    return ands.join(QStringLiteral(" AND "));
}

Result<QStringList> TableShape::boundaryAfter(ServerContext& ctx, const QStringList& lower, qint64 n) const
{
    QStringList select, orderBy;
    for (int i = 0; i < key.size(); ++i) {
        select << QStringLiteral("%1 AS k%2").arg(literalExpression(key[i], typeOf(key[i]))).arg(i);
        orderBy << SqlQuote::identifier(key[i]);
    }
    auto rows = ctx.sql->query(QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4 LIMIT 1 OFFSET %5")
                                   .arg(select.join(QStringLiteral(", ")), quotedName(),
                                       rangeWhere(lower, {}), orderBy.join(QStringLiteral(", ")))
                                   .arg(qMax<qint64>(0, n - 1)));
    if (!rows)
        return std::unexpected(rows.error());
    QStringList out;
    if (!rows->isEmpty())
        for (int i = 0; i < key.size(); ++i)
            out << rows->first().value(QStringLiteral("k%1").arg(i)).toString();
    return out;
}
