#include "copy/copyaccount.h"

#include "common/sqlquote.h"
#include "common/stepid.h"
#include "host/serverworker.h"

QStringList CopyAccount::statements(ServerContext& ctx, const QString& host, const QString& password,
    const QStringList& databases, bool redact)
{
    const Dialect& d = ctx.dialect;
    const QString account = d.account(userName(), host);
    QStringList out { d.dropUser(userName(), host),
        QStringLiteral("CREATE USER %1 IDENTIFIED BY %2")
            .arg(account, redact ? QStringLiteral("'***'") : d.literal(password)) };
    for (const QString& db : databases)
        out << QStringLiteral("GRANT SELECT, SHOW VIEW, TRIGGER, EVENT, LOCK TABLES ON %1.* TO %2")
                   .arg(SqlQuote::identifier(db), account);
    // RELOAD: the dump's short FLUSH TABLES WITH READ LOCK; the binlog privilege: SHOW MASTER STATUS
    const bool binlogMonitor = d.isMariaDb() && d.version().atLeast(10, 5, 2);
    out << QStringLiteral("GRANT RELOAD, %1 ON *.* TO %2")
               .arg(binlogMonitor ? QStringLiteral("BINLOG MONITOR") : QStringLiteral("REPLICATION CLIENT"),
                   account);
    // the routines' text: MariaDB and MySQL 5.x keep it in mysql.proc; MySQL 8.0 has no mysql.proc and
    // shows it to the global SELECT privilege, from 8.0.20 on to the narrower SHOW_ROUTINE
    if (d.isMariaDb() || !d.version().atLeast(8, 0, 0))
        out << QStringLiteral("GRANT SELECT ON mysql.proc TO %1").arg(account);
    else if (d.version().atLeast(8, 0, 20))
        out << QStringLiteral("GRANT SHOW_ROUTINE ON *.* TO %1").arg(account);
    else
        out << QStringLiteral("GRANT SELECT ON *.* TO %1").arg(account);
    return out;
}

Result<void> CopyAccount::create(ServerContext& ctx, const QString& host, const QString& password,
    const QStringList& databases, bool requireSsl)
{
    SqlSession& sql = *ctx.sql;
    sql.setStep(StepId::Copy);
    if (auto r = sql.exec(QStringLiteral("SET SESSION sql_log_bin = 0")); !r)
        return r;
    const QStringList real = statements(ctx, host, password, databases, false);
    const QStringList shown = statements(ctx, host, password, databases, true);
    Result<void> result;
    for (int i = 0; i < real.size() && result; ++i) {
        result = sql.exec(real[i], shown[i]);
        if (!result && i == 0 && result.error().code == 1396) // no IF EXISTS before MySQL 5.7.8: none there
            result = {};
    }
    if (result && requireSsl)
        result = sql.exec(ctx.dialect.requireTls(userName(), host, false));
    sql.exec(QStringLiteral("SET SESSION sql_log_bin = 1"));
    return result;
}

Result<void> CopyAccount::drop(ServerContext& ctx, const QString& host)
{
    SqlSession& sql = *ctx.sql;
    sql.setStep(StepId::Copy);
    if (!sql.isOpen())
        if (auto c = ctx.connect(); !c)
            return c;
    if (auto r = sql.exec(QStringLiteral("SET SESSION sql_log_bin = 0")); !r)
        return r;
    auto r = sql.exec(ctx.dialect.dropUser(userName(), host));
    if (!r && r.error().code == 1396) // no IF EXISTS before MySQL 5.7.8: already gone
        r = {};
    sql.exec(QStringLiteral("SET SESSION sql_log_bin = 1"));
    return r;
}
