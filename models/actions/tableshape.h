#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"

#include <QCoreApplication>
#include <QStringList>

struct ServerContext;

/** One replicated table as the live compare and repair see it: its columns, their types and the key it
 *  is walked along (the primary key, else the first unique key whose columns are all NOT NULL). Key
 *  values travel as SQL literals (QUOTE(), or 0x… for binary columns) read in a UTC session. */
struct TableShape
{
    Q_DECLARE_TR_FUNCTIONS(TableShape)
public:
    QString database;
    QString table;
    QStringList columns, types; ///< in table order; types are information_schema DATA_TYPE
    QStringList key; ///< empty: no primary or unique key (checked whole, never repaired)
    qint64 estimatedRows = 0; ///< information_schema's estimate

    QString name() const { return database + QLatin1Char('.') + table; }
    QString quotedName() const;
    QString typeOf(const QString& column) const { return types.value(columns.indexOf(column)); }

    /** The replicated tables (the profile's databases, else all but the system and ignored ones; the
     *  heartbeat and probe tables left out), only those of @p only ("db.table") when it is not empty. */
    static Result<QList<TableShape>> list(
        ServerContext& ctx, const PairProfile& profile, const QStringList& only);
    /** A server-side expression giving @p column's value as an SQL literal ('NULL' for NULL). */
    static QString literalExpression(const QString& column, const QString& type);
    /** The condition of the key range (@p lower, @p upper]: an empty bound is open. */
    QString rangeWhere(const QStringList& lower, const QStringList& upper) const;
    /** key = @p values */
    QString keyEquals(const QStringList& values) const;
    /** The key of the @p n-th row after @p lower, empty past the end. */
    Result<QStringList> boundaryAfter(ServerContext& ctx, const QStringList& lower, qint64 n) const;
};
