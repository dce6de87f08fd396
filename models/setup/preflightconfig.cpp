#include "setup/preflightconfig.h"

#include <QRegularExpression>

QList<Finding> PreflightConfig::check(const PairProfile& pair, const ServerInspection (&in)[2])
{
    QList<Finding> out;
    out << doDbDropsDdl(pair) << doDbCrossDatabase(pair) << restartForbidden(pair, in)
        << readerAdminCannotWrite(pair, in);
    return out;
}

QList<Finding> PreflightConfig::doDbDropsDdl(const PairProfile& pair)
{
    if (pair.filterStyle != FilterStyle::DoDb || (pair.databases.isEmpty() && pair.ignoreDatabases.isEmpty()))
        return {};
    const QString db = pair.databases.isEmpty() ? pair.ignoreDatabases.first() : pair.databases.first();
    return { Finding { Finding::Severity::Warning, {}, QStringLiteral("do-db-filter-ddl"),
        PreflightConfig::tr(
            "\"filterStyle\": \"do-db\" filters by the default database (USE), not by the table: DDL such as "
            "CREATE TABLE %1.t run while no database (or another one) is selected is never replicated, even "
            "with binlog_format ROW, and the next write to that table stops the peer's SQL thread (error "
            "1146)")
            .arg(db),
        PreflightConfig::tr("use the default \"filterStyle\": \"wild\" (replicate-wild-do-table=%1.%), or "
                            "always USE %1 before changing its tables")
            .arg(db) } };
}

QList<Finding> PreflightConfig::doDbCrossDatabase(const PairProfile& pair)
{
    if (pair.filterStyle != FilterStyle::DoDb || (pair.databases.isEmpty() && pair.ignoreDatabases.isEmpty()))
        return {};
    const QString db = pair.databases.isEmpty() ? pair.ignoreDatabases.first() : pair.databases.first();
    return { Finding { Finding::Severity::Warning, {}, QStringLiteral("do-db-filter-cross-database"),
        PreflightConfig::tr(
            "\"filterStyle\": \"do-db\": a statement that writes %1 while another database is selected "
            "(USE other; UPDATE %1.t …) is not replicated, and one run under USE %1 that writes another "
            "database is; binlog-do-db also leaves the other databases out of the binary log, which "
            "point-in-time recovery needs")
            .arg(db),
        PreflightConfig::tr("use the default \"filterStyle\": \"wild\", which filters by each table's own "
                            "database") } };
}

QList<Finding> PreflightConfig::restartForbidden(const PairProfile& pair, const ServerInspection (&in)[2])
{
    QList<Finding> out;
    for (int i = 0; i < 2; ++i) {
        if (!in[i].reachable || in[i].logBin || pair.mayRestart(false))
            continue;
        out << Finding { Finding::Severity::Error, pair.servers[i].name, QStringLiteral("restart-forbidden"),
            PreflightConfig::tr(
                "the binary log is off, and turning it on needs a restart, which \"restart\": "
                "\"never\" forbids"),
            PreflightConfig::tr(
                "allow it (\"restart\": \"auto\"), or add log-bin to its option file, restart "
                "it at a time of your choosing and run setup again") };
    }
    return out;
}

QList<Finding> PreflightConfig::readerAdminCannotWrite(
    const PairProfile& pair, const ServerInspection (&in)[2])
{
    const int writer = pair.writerIndex();
    if (writer < 0 || !in[1 - writer].reachable)
        return {};
    const ServerInspection& reader = in[1 - writer];
    const Dialect d(reader.version);
    static const QRegularExpression global(
        QStringLiteral("^GRANT (.+) ON \\*\\.\\* TO"), QRegularExpression::CaseInsensitiveOption);
    for (const QString& grant : reader.grants) {
        const auto m = global.match(grant);
        if (!m.hasMatch())
            continue;
        const QString privileges = m.captured(1).toUpper();
        if (privileges.contains(QLatin1String("ALL PRIVILEGES")))
            return {};
        for (const QString& p : d.readOnlyBypassPrivileges())
            if (privileges.contains(p))
                return {};
    }
    const QString name = pair.servers[1 - writer].name;
    return { Finding { Finding::Severity::Warning, name, QStringLiteral("read-only-admin"),
        PreflightConfig::tr("%1 becomes read-only (the writer is %2), and its admin account has no privilege "
                            "that writes into a read-only server: setup's test row and the monitor's "
                            "heartbeat cannot be written there")
            .arg(name, pair.servers[writer].name),
        PreflightConfig::tr("GRANT %1 ON *.* TO the admin account of %2")
            .arg(d.readOnlyBypassPrivileges().first(), name) } };
}
