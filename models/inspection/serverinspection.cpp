#include "inspection/serverinspection.h"

#include "common/stepid.h"
#include "host/serverworker.h"
#include "sql/binlogstatus.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace {
/** Which of the privileges setup needs the grants lack. */
QStringList missingPrivilegesIn(const QStringList& grants, bool mariadb)
{
    QString global;
    for (const QString& g : grants) {
        // only grants ON *.* count for server-wide privileges
        static const QRegularExpression re(
            QStringLiteral("^GRANT (.+) ON \\*\\.\\* TO"), QRegularExpression::CaseInsensitiveOption);
        const auto m = re.match(g);
        if (m.hasMatch())
            global += m.captured(1).toUpper() + QLatin1Char(',');
    }
    if (global.contains(QLatin1String("ALL PRIVILEGES")))
        return {};
    QStringList needed { QStringLiteral("RELOAD"), QStringLiteral("CREATE USER"),
        QStringLiteral("REPLICATION SLAVE"), QStringLiteral("SELECT"), QStringLiteral("INSERT"),
        QStringLiteral("CREATE"), QStringLiteral("DROP"), QStringLiteral("PROCESS") };
    needed << (mariadb ? QStringLiteral("SUPER") : QStringLiteral("REPLICATION_SLAVE_ADMIN"));
    QStringList missing;
    for (const QString& p : needed) {
        if (p == QLatin1String("REPLICATION SLAVE") && global.contains(QLatin1String("REPLICATION REPLICA")))
            continue;
        if (p == QLatin1String("REPLICATION_SLAVE_ADMIN") && global.contains(QLatin1String("SUPER")))
            continue;
        if (!global.contains(p))
            missing << p;
    }
    return missing;
}
} // namespace

QMap<QString, QString> ServerInspection::filtersFromRows(const QList<QVariantMap>& rows)
{
    QMap<QString, QString> out;
    for (const char* name : { "replicate_do_db", "replicate_ignore_db", "replicate_wild_do_table",
             "replicate_wild_ignore_table" })
        out.insert(QLatin1String(name), QString());
    for (const QVariantMap& r : rows) {
        const QString name = r.value(QStringLiteral("name")).toString().toLower();
        if (out.contains(name))
            out.insert(name, r.value(QStringLiteral("rule")).toString());
    }
    return out;
}

QString ServerInspection::identity() const
{
    if (!serverUuid.isEmpty())
        return serverUuid;
    return QStringLiteral("%1:%2:%3").arg(hostname, datadir).arg(port);
}

QJsonObject ServerInspection::toJson() const
{
    QJsonObject vars;
    for (auto it = variables.begin(); it != variables.end(); ++it)
        vars.insert(it.key(), it.value());
    QJsonObject replicaJson { { QStringLiteral("configured"), replica.configured } };
    if (replica.configured) {
        replicaJson.insert(QStringLiteral("sourceHost"), replica.sourceHost);
        replicaJson.insert(QStringLiteral("sourcePort"), replica.sourcePort);
        replicaJson.insert(QStringLiteral("ioRunning"), replica.ioRunning);
        replicaJson.insert(QStringLiteral("sqlRunning"), replica.sqlRunning);
        replicaJson.insert(QStringLiteral("lastIoError"), replica.lastIoError);
        replicaJson.insert(QStringLiteral("lastSqlError"), replica.lastSqlError);
    }
    QJsonObject o { { QStringLiteral("server"), server }, { QStringLiteral("reachable"), reachable } };
    if (!reachable) {
        o.insert(QStringLiteral("error"), error.toString());
        return o;
    }
    o.insert(QStringLiteral("version"), versionString);
    o.insert(QStringLiteral("flavor"),
        version.flavor == Flavor::MariaDB ? QStringLiteral("MariaDB") : QStringLiteral("MySQL"));
    o.insert(QStringLiteral("serverId"), serverId);
    o.insert(QStringLiteral("serverUuid"), serverUuid);
    o.insert(QStringLiteral("hostname"), hostname);
    o.insert(QStringLiteral("datadir"), datadir);
    o.insert(QStringLiteral("port"), port);
    o.insert(QStringLiteral("logBin"), logBin);
    o.insert(QStringLiteral("binlogFormat"), binlogFormat);
    o.insert(QStringLiteral("readOnly"), readOnly);
    o.insert(QStringLiteral("superReadOnly"), superReadOnly);
    o.insert(QStringLiteral("gtidMode"), gtidMode);
    o.insert(QStringLiteral("gtidBinlogPos"), gtidBinlogPos);
    o.insert(QStringLiteral("binlogDoDb"), binlogDoDb);
    o.insert(QStringLiteral("binlogIgnoreDb"), binlogIgnoreDb);
    o.insert(QStringLiteral("variables"), vars);
    o.insert(QStringLiteral("replica"), replicaJson);
    o.insert(QStringLiteral("databases"), QJsonArray::fromStringList(databases));
    o.insert(QStringLiteral("missingPrivileges"), QJsonArray::fromStringList(missingPrivileges));
    return o;
}

Result<ServerInspection> ServerInspection::inspectSettings(ServerContext& ctx)
{
    return inspect(ctx, false);
}

Result<ServerInspection> ServerInspection::inspect(ServerContext& ctx)
{
    return inspect(ctx, true);
}

Result<ServerInspection> ServerInspection::inspect(ServerContext& ctx, bool everything)
{
    SqlSession& sql = *ctx.sql;
    sql.setStep(StepId::Inspect);
    const Dialect& d = ctx.dialect;
    ServerInspection in;
    in.server = ctx.profile.name;
    in.reachable = true;
    in.version = d.version();

    const QString logReplica = d.logReplicaUpdatesVariable();
    QStringList vars { QStringLiteral("version"), QStringLiteral("server_id"), QStringLiteral("hostname"),
        QStringLiteral("datadir"), QStringLiteral("port"), QStringLiteral("pid_file"),
        QStringLiteral("log_bin"), QStringLiteral("binlog_format"), QStringLiteral("read_only"),
        QStringLiteral("sync_binlog"), QStringLiteral("auto_increment_increment"),
        QStringLiteral("auto_increment_offset"), QStringLiteral("skip_name_resolve"),
        QStringLiteral("log_error"), logReplica };
    if (d.isMariaDb())
        vars << QStringLiteral("gtid_domain_id") << QStringLiteral("gtid_binlog_pos")
             << QStringLiteral("replicate_do_db") << QStringLiteral("replicate_ignore_db")
             << QStringLiteral("replicate_wild_do_table") << QStringLiteral("replicate_wild_ignore_table");
    else if (d.supportsGtid())
        vars << QStringLiteral("gtid_mode") << QStringLiteral("enforce_gtid_consistency")
             << QStringLiteral("gtid_executed");
    if (d.hasServerUuid())
        vars << QStringLiteral("server_uuid");
    if (d.hasSuperReadOnly())
        vars << QStringLiteral("super_read_only");
    QStringList select;
    for (const QString& v : vars)
        select << QStringLiteral("@@GLOBAL.%1 AS %1").arg(v);
    auto rows = sql.query(QStringLiteral("SELECT ") + select.join(QStringLiteral(", ")));
    if (!rows)
        return std::unexpected(rows.error());
    const SqlRow row = rows->value(0);
    for (const QString& v : vars)
        in.variables.insert(v, row.value(v).toString());
    in.versionString = in.variables.value(QStringLiteral("version"));
    in.serverId = in.variables.value(QStringLiteral("server_id")).toLongLong();
    in.serverUuid = in.variables.value(QStringLiteral("server_uuid"));
    in.hostname = in.variables.value(QStringLiteral("hostname"));
    in.datadir = in.variables.value(QStringLiteral("datadir"));
    in.port = in.variables.value(QStringLiteral("port")).toInt();
    in.pidFile = in.variables.value(QStringLiteral("pid_file"));
    const auto isOn = [](const QString& v) {
        return v == QLatin1String("1") || v.compare(QLatin1String("ON"), Qt::CaseInsensitive) == 0;
    };
    in.logBin = isOn(in.variables.value(QStringLiteral("log_bin")));
    in.binlogFormat = in.variables.value(QStringLiteral("binlog_format"));
    in.readOnly = isOn(in.variables.value(QStringLiteral("read_only")));
    in.superReadOnly = isOn(in.variables.value(QStringLiteral("super_read_only")));
    in.gtidMode = in.variables.value(QStringLiteral("gtid_mode"));
    in.gtidBinlogPos = in.variables.value(
        d.isMariaDb() ? QStringLiteral("gtid_binlog_pos") : QStringLiteral("gtid_executed"));

    if (in.logBin) {
        auto status = BinlogStatus::readIfOn(sql, d);
        if (!status)
            return std::unexpected(status.error());
        if (*status) {
            in.binlogDoDb = (*status)->doDb;
            in.binlogIgnoreDb = (*status)->ignoreDb;
        }
    }
    in.variables.insert(QStringLiteral("binlog_do_db"), in.binlogDoDb);
    in.variables.insert(QStringLiteral("binlog_ignore_db"), in.binlogIgnoreDb);

    // the replica status only where the filters are read from it (MySQL before 8.0.11) when only the
    // settings are asked for
    if (everything || (!d.isMariaDb() && d.replicationFiltersQuery().isEmpty())) {
        auto replica = ReplicaStatus::read(sql, d);
        if (!replica)
            return std::unexpected(replica.error());
        in.replica = *replica;
    }
    // MySQL has no replicate_* variables: 8.0.11+ shows the filters in effect in performance_schema,
    // older servers in SHOW SLAVE STATUS only while a replica is configured (else they stay unknown)
    if (const QString filters = d.replicationFiltersQuery(); !filters.isEmpty()) {
        auto rows = sql.query(filters);
        if (!rows)
            return std::unexpected(rows.error());
        in.variables.insert(filtersFromRows(*rows));
    } else if (!d.isMariaDb() && in.replica.configured) {
        in.variables.insert(QStringLiteral("replicate_do_db"), in.replica.replicateDoDb);
        in.variables.insert(QStringLiteral("replicate_ignore_db"), in.replica.replicateIgnoreDb);
        in.variables.insert(QStringLiteral("replicate_wild_do_table"), in.replica.replicateWildDoTable);
        in.variables.insert(
            QStringLiteral("replicate_wild_ignore_table"), in.replica.replicateWildIgnoreTable);
    }
    if (!everything)
        return in;

    auto dbs = sql.query(QStringLiteral("SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA "
                                        "WHERE SCHEMA_NAME NOT IN (%1) ORDER BY SCHEMA_NAME")
                             .arg(ctx.dialect.literalList(Dialect::systemSchemas())));
    if (!dbs)
        return std::unexpected(dbs.error());
    for (const SqlRow& r : *dbs)
        in.databases << r.value(QStringLiteral("name")).toString();

    auto tables = sql.query(
        QStringLiteral("SELECT TABLE_SCHEMA AS db, TABLE_NAME AS name FROM information_schema.TABLES "
                       "WHERE TABLE_SCHEMA NOT IN (%1) ORDER BY TABLE_SCHEMA, TABLE_NAME LIMIT 20000")
            .arg(ctx.dialect.literalList(Dialect::systemSchemas())));
    if (!tables)
        return std::unexpected(tables.error());
    for (const SqlRow& r : *tables)
        in.tables[r.value(QStringLiteral("db")).toString()] << r.value(QStringLiteral("name")).toString();

    auto grants = sql.query(QStringLiteral("SHOW GRANTS FOR CURRENT_USER()"));
    if (!grants)
        return std::unexpected(grants.error());
    for (const SqlRow& r : *grants)
        if (!r.isEmpty())
            in.grants << r.first().toString();
    in.missingPrivileges = missingPrivilegesIn(in.grants, d.isMariaDb());
    return in;
}
