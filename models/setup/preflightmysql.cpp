#include "setup/preflightmysql.h"

using Sev = Finding::Severity;

QList<Finding> PreflightMySql::check(const PairProfile& pair, const ServerInspection (&in)[2], bool gtid)
{
    return superReadOnly(pair, in) + authPlugin(pair, in) + gtidConsistency(pair, in, gtid);
}

QList<Finding> PreflightMySql::superReadOnly(const PairProfile& pair, const ServerInspection (&in)[2])
{
    QList<Finding> out;
    for (int i = 0; i < 2; ++i)
        if (in[i].superReadOnly)
            out << Finding { Sev::Error, pair.servers[i].name, QStringLiteral("super-read-only"),
                PreflightMySql::tr("super_read_only is ON: replication applies, but setup's own writes on "
                                   "this server (the replication account, the probe and heartbeat tables) "
                                   "would fail with ERROR 1290"),
                PreflightMySql::tr(
                    "SET GLOBAL super_read_only = OFF (read_only stays ON) for the time of "
                    "the setup, and set it again afterwards if this server is not the writer") };
    return out;
}

QList<Finding> PreflightMySql::authPlugin(const PairProfile& pair, const ServerInspection (&in)[2])
{
    QList<Finding> out;
    for (int i = 0; i < 2; ++i) {
        const Dialect source(in[i].version);
        const ServerVersion& replica = in[1 - i].version;
        if (source.isMariaDb())
            continue;
        const QString plugin = source.replicationAuthPlugin(replica);
        if (plugin.isEmpty())
            out << Finding { Sev::Error, pair.servers[i].name, QStringLiteral("replica-auth-plugin"),
                PreflightMySql::tr("%1 (%2) cannot log in to a replication account on %3 (%4): MySQL 9 has "
                                   "no mysql_native_password, and %1 has no caching_sha2_password")
                    .arg(pair.servers[1 - i].name, in[1 - i].versionString, pair.servers[i].name,
                        in[i].versionString),
                PreflightMySql::tr("upgrade %1 to MySQL 8.0 or later first").arg(pair.servers[1 - i].name) };
        else if (plugin == QLatin1String("mysql_native_password") && source.version().atLeast(8, 4, 0))
            out << Finding { Sev::Warning, pair.servers[i].name, QStringLiteral("replica-auth-plugin"),
                PreflightMySql::tr("%1 (%2) can only log in with mysql_native_password, which %3 loads "
                                   "only when started with mysql_native_password=ON")
                    .arg(pair.servers[1 - i].name, in[1 - i].versionString, in[i].version.toString()),
                PreflightMySql::tr("start %1 with mysql_native_password=ON, or upgrade %2")
                    .arg(pair.servers[i].name, pair.servers[1 - i].name) };
    }
    return out;
}

QList<Finding> PreflightMySql::gtidConsistency(
    const PairProfile& pair, const ServerInspection (&in)[2], bool gtid)
{
    QList<Finding> out;
    if (!gtid)
        return out;
    for (int i = 0; i < 2; ++i) {
        if (in[i].version.flavor != Flavor::MySQL)
            continue;
        const QString now = in[i].variables.value(QStringLiteral("enforce_gtid_consistency"));
        if (now.compare(QLatin1String("ON"), Qt::CaseInsensitive) == 0 || now == QLatin1String("1"))
            continue;
        out << Finding { Sev::Warning, pair.servers[i].name, QStringLiteral("gtid-consistency"),
            PreflightMySql::tr("GTID replication turns enforce_gtid_consistency ON: from then on the server "
                               "refuses, with an error to the application, transactions that mix "
                               "transactional and non-transactional (MyISAM) tables, CREATE TEMPORARY TABLE "
                               "or DROP TEMPORARY TABLE inside a transaction, and (before MySQL 8.0.21) "
                               "CREATE TABLE ... SELECT"),
            PreflightMySql::tr(
                "check the applications first: run with enforce_gtid_consistency=WARN for a while "
                "and read the error log, or use \"gtid\": \"off\"") };
    }
    return out;
}
