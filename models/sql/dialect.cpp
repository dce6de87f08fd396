#include "sql/dialect.h"

#include "common/sqlquote.h"

Dialect::Dialect(ServerVersion version, bool noBackslashEscapes)
    : m_version(version)
    , m_noBackslashEscapes(noBackslashEscapes)
{ }

QString Dialect::literal(const QString& value) const
{
    return SqlQuote::literal(value, m_noBackslashEscapes);
}

QString Dialect::literalList(const QStringList& values) const
{
    QStringList quoted;
    for (const QString& v : values)
        quoted << literal(v);
    return quoted.isEmpty() ? QStringLiteral("''") : quoted.join(QStringLiteral(", "));
}

const QStringList& Dialect::systemSchemas()
{
    static const QStringList schemas = { QStringLiteral("mysql"), QStringLiteral("information_schema"),
        QStringLiteral("performance_schema"), QStringLiteral("sys") };
    return schemas;
}

QString Dialect::userSchemas(const QString& column, const QStringList& only, const QStringList& ignored) const
{
    if (!only.isEmpty())
        return QStringLiteral("%1 IN (%2)").arg(column, literalList(only));
    QString condition = QStringLiteral("%1 NOT IN (%2)").arg(column, literalList(systemSchemas()));
    if (!ignored.isEmpty())
        condition += QStringLiteral(" AND %1 NOT IN (%2)").arg(column, literalList(ignored));
    return condition;
}

bool Dialect::newReplicaStatements() const
{
    return !isMariaDb() && m_version.atLeast(8, 0, 22);
}

bool Dialect::newChangeSource() const
{
    return !isMariaDb() && m_version.atLeast(8, 0, 23);
}

QString Dialect::showReplicaStatus() const
{
    return newReplicaStatements() ? QStringLiteral("SHOW REPLICA STATUS")
                                  : QStringLiteral("SHOW SLAVE STATUS");
}

const ReplicaStatusColumns& Dialect::replicaStatusColumns() const
{
    if (isMariaDb())
        return ReplicaStatusColumns::mariaDb();
    return newReplicaStatements() ? ReplicaStatusColumns::mySqlModern() : ReplicaStatusColumns::mySqlLegacy();
}

QString Dialect::sourcePosWait(const QString& file, qint64 pos, int timeoutSec) const
{
    const bool modern = !isMariaDb() && m_version.atLeast(8, 0, 26);
    return QStringLiteral("SELECT %1(%2, %3, %4) AS waited")
        .arg(modern ? QStringLiteral("SOURCE_POS_WAIT") : QStringLiteral("MASTER_POS_WAIT"), literal(file))
        .arg(pos)
        .arg(timeoutSec);
}

QString Dialect::showBinlogStatus() const
{
    if (!isMariaDb() && m_version.atLeast(8, 2, 0))
        return QStringLiteral("SHOW BINARY LOG STATUS");
    return QStringLiteral("SHOW MASTER STATUS");
}

bool Dialect::beatsByGtid() const
{
    return isMariaDb() && m_version.atLeast(10, 0, 9);
}

QString Dialect::beatPositionQuery() const
{
    return beatsByGtid() ? QStringLiteral("SELECT @@last_gtid AS beat_gtid") : showBinlogStatus();
}

QString Dialect::replicaWaitForBeat(
    const QString& gtid, const QString& file, qint64 pos, int timeoutSec) const
{
    if (!beatsByGtid() || gtid.isEmpty())
        return sourcePosWait(file, pos, timeoutSec);
    return QStringLiteral("SELECT MASTER_GTID_WAIT(%1, 0) AS already, MASTER_GTID_WAIT(%1, %2) AS waited")
        .arg(literal(gtid), QString::number(timeoutSec));
}

QString Dialect::startReplica() const
{
    return newReplicaStatements() ? QStringLiteral("START REPLICA") : QStringLiteral("START SLAVE");
}

QString Dialect::stopReplica() const
{
    return newReplicaStatements() ? QStringLiteral("STOP REPLICA") : QStringLiteral("STOP SLAVE");
}

QString Dialect::resetReplicaAll() const
{
    return newReplicaStatements() ? QStringLiteral("RESET REPLICA ALL") : QStringLiteral("RESET SLAVE ALL");
}

QString Dialect::stopReplicaSqlThread() const
{
    return stopReplica() + QStringLiteral(" SQL_THREAD");
}

QString Dialect::startReplicaSqlThread() const
{
    return startReplica() + QStringLiteral(" SQL_THREAD");
}

QString Dialect::startReplicaSqlThreadUntil(const QString& file, qint64 pos) const
{
    const QString prefix = newChangeSource() ? QStringLiteral("SOURCE_") : QStringLiteral("MASTER_");
    return QStringLiteral("%1 UNTIL %2LOG_FILE = %3, %2LOG_POS = %4")
        .arg(startReplicaSqlThread(), prefix, literal(file))
        .arg(pos);
}

bool Dialect::hasBinlogSnapshotStatus() const
{
    return isMariaDb() && m_version.atLeast(5, 3, 0);
}

QString Dialect::binlogSnapshotStatus() const
{
    return QStringLiteral("SHOW SESSION STATUS LIKE 'binlog_snapshot_%'");
}

QString Dialect::ownTransactionsQuery() const
{
    if (isMariaDb())
        return QStringLiteral("SELECT @@GLOBAL.gtid_binlog_state AS state, @@GLOBAL.server_id AS self");
    if (supportsGtid())
        return QStringLiteral("SELECT @@GLOBAL.gtid_executed AS state, @@GLOBAL.server_uuid AS self");
    return QStringLiteral("SELECT '' AS state, @@GLOBAL.server_id AS self");
}

QString Dialect::gtidStateColumns() const
{
    if (isMariaDb())
        return QStringLiteral(", @@GLOBAL.gtid_binlog_state AS gtid_state");
    if (supportsGtid())
        return QStringLiteral(", @@GLOBAL.gtid_executed AS gtid_state, @@GLOBAL.server_uuid AS gtid_self");
    return {};
}

QString Dialect::changeSource(const ChangeSourceParams& p, bool redact) const
{
    const bool modern = newChangeSource();
    const QString prefix = modern ? QStringLiteral("SOURCE_") : QStringLiteral("MASTER_");
    QStringList opts;
    auto opt = [&](const QString& name, const QString& value) {
        opts << prefix + name + QStringLiteral(" = ") + value;
    };
    const QString password = redact ? QStringLiteral("'***'") : literal(p.password);
    if (!p.onlyCredentials) {
        opt(QStringLiteral("HOST"), literal(p.host));
        opt(QStringLiteral("PORT"), QString::number(p.port));
    }
    opt(QStringLiteral("USER"), literal(p.user));
    opt(QStringLiteral("PASSWORD"), password);
    if (!p.onlyCredentials) {
        if (p.gtid) {
            if (isMariaDb())
                opts << QStringLiteral("MASTER_USE_GTID = slave_pos");
            else
                opt(QStringLiteral("AUTO_POSITION"), QStringLiteral("1"));
        } else {
            opt(QStringLiteral("LOG_FILE"), literal(p.logFile));
            opt(QStringLiteral("LOG_POS"), QString::number(p.logPos));
            if (!isMariaDb() && m_version.atLeast(5, 6, 5))
                opt(QStringLiteral("AUTO_POSITION"), QStringLiteral("0"));
        }
        opt(QStringLiteral("CONNECT_RETRY"), QString::number(p.connectRetry));
    }
    // a resumed channel gets TLS / the public key too: its user may now be a caching_sha2_password one
    if (p.ssl) {
        opt(QStringLiteral("SSL"), QStringLiteral("1"));
        if (!p.sslCa.isEmpty())
            opt(QStringLiteral("SSL_CA"), literal(p.sslCa));
        if (!p.sslCert.isEmpty())
            opt(QStringLiteral("SSL_CERT"), literal(p.sslCert));
        if (!p.sslKey.isEmpty())
            opt(QStringLiteral("SSL_KEY"), literal(p.sslKey));
        if (p.sslVerify)
            opt(QStringLiteral("SSL_VERIFY_SERVER_CERT"), QStringLiteral("1"));
        else if (verifiesSourceByDefault()) // "required" believes any certificate, also on MariaDB 11.3+
            opt(QStringLiteral("SSL_VERIFY_SERVER_CERT"), QStringLiteral("0"));
    } else if (verifiesSourceByDefault()) {
        // MariaDB 11.3+ turns TLS and the certificate check on by default: a clear-text pair says so
        opt(QStringLiteral("SSL"), QStringLiteral("0"));
        opt(QStringLiteral("SSL_VERIFY_SERVER_CERT"), QStringLiteral("0"));
    }
    if (!p.onlyCredentials && p.delay >= 0)
        opt(QStringLiteral("DELAY"), QString::number(p.delay));
    // caching_sha2_password (MySQL 8 default) needs TLS or the source's RSA key
    if (!isMariaDb() && m_version.atLeast(8, 0, 4) && !p.ssl)
        opts << (modern ? QStringLiteral("GET_SOURCE_PUBLIC_KEY = 1")
                        : QStringLiteral("GET_MASTER_PUBLIC_KEY = 1"));
    const QString head
        = modern ? QStringLiteral("CHANGE REPLICATION SOURCE TO ") : QStringLiteral("CHANGE MASTER TO ");
    return head + opts.join(QStringLiteral(", "));
}

bool Dialect::verifiesSourceByDefault() const
{
    return isMariaDb() && m_version.atLeast(11, 3, 0);
}

QString Dialect::removeReplicaHint() const
{
    return stopReplica() + QStringLiteral("; ") + resetReplicaAll();
}

bool Dialect::supportsGtid() const
{
    return isMariaDb() ? m_version.atLeast(10, 0, 2) : m_version.atLeast(5, 6, 5);
}

QString Dialect::gtidPositionQuery() const
{
    return isMariaDb() ? QStringLiteral("SELECT @@GLOBAL.gtid_binlog_pos AS gtid")
                       : QStringLiteral("SELECT @@GLOBAL.gtid_executed AS gtid");
}

QString Dialect::gtidPositionAt(const QString& file, qint64 position) const
{
    return QStringLiteral("SELECT BINLOG_GTID_POS(%1, %2)").arg(literal(file)).arg(position);
}

QString Dialect::setGtidReplicaPos(const QString& pos) const
{
    return QStringLiteral("SET GLOBAL gtid_slave_pos = ") + literal(pos);
}

QString Dialect::gtidMissingQuery(const QString& sourceSet) const
{
    return QStringLiteral("SELECT GTID_SUBTRACT(%1, @@GLOBAL.gtid_executed) AS missing")
        .arg(literal(sourceSet));
}

QString Dialect::markGtidsApplied(const QString& gtids) const
{
    // 8.0+ adds to gtid_purged; 5.7 replaces it, allowed only while gtid_executed is empty
    const QString value = m_version.atLeast(8, 0, 0) ? QLatin1Char('+') + gtids : gtids;
    return QStringLiteral("SET GLOBAL gtid_purged = %1").arg(literal(value));
}

QStringList Dialect::startBinlogAtGtidState(const QString& gtids) const
{
    if (isMariaDb())
        return { QStringLiteral("RESET MASTER"),
            QStringLiteral("SET GLOBAL gtid_binlog_state = %1").arg(literal(gtids)) };
    // an emptied gtid_executed takes gtid_purged whole on every version (5.7 only takes it so)
    return { m_version.atLeast(8, 2, 0) ? QStringLiteral("RESET BINARY LOGS AND GTIDS")
                                        : QStringLiteral("RESET MASTER"),
        QStringLiteral("SET GLOBAL gtid_purged = %1").arg(literal(gtids)) };
}

bool Dialect::canMarkGtidsApplied(const QString& executed) const
{
    return !isMariaDb() && (m_version.atLeast(8, 0, 0) || executed.trimmed().isEmpty());
}

QString Dialect::binlogEvents(const QString& file, qint64 from, int limit) const
{
    return QStringLiteral("SHOW BINLOG EVENTS IN %1 FROM %2 LIMIT %3")
        .arg(literal(file))
        .arg(from)
        .arg(limit);
}

QString Dialect::logReplicaUpdatesVariable() const
{
    return (!isMariaDb() && m_version.atLeast(8, 0, 26)) ? QStringLiteral("log_replica_updates")
                                                         : QStringLiteral("log_slave_updates");
}

bool Dialect::hasServerUuid() const
{
    return !isMariaDb() && m_version.atLeast(5, 6, 0);
}

namespace {
bool isReplicationFilter(const QString& variable)
{
    static const QStringList filters { QStringLiteral("replicate_do_db"),
        QStringLiteral("replicate_ignore_db"), QStringLiteral("replicate_wild_do_table"),
        QStringLiteral("replicate_wild_ignore_table") };
    return filters.contains(variable);
}
} // namespace

QString Dialect::setReplicationFilter(const QString& variable, const QStringList& values) const
{
    if (!isReplicationFilter(variable))
        return {};
    if (isMariaDb())
        return QStringLiteral("SET GLOBAL %1 = %2").arg(variable, literal(values.join(QLatin1Char(','))));
    if (!m_version.atLeast(5, 7, 3))
        return {};
    // database names are identifiers, wild patterns are strings
    const bool dbList = variable.endsWith(QLatin1String("_db"));
    QStringList items;
    for (const QString& v : values)
        items << (dbList ? SqlQuote::identifier(v) : literal(v));
    return QStringLiteral("CHANGE REPLICATION FILTER %1 = (%2)")
        .arg(variable.toUpper(), items.join(QStringLiteral(", ")));
}

QString Dialect::replicationFiltersQuery() const
{
    if (isMariaDb() || !m_version.atLeast(8, 0, 11))
        return {};
    return QStringLiteral("SELECT FILTER_NAME AS name, FILTER_RULE AS rule "
                          "FROM performance_schema.replication_applier_global_filters");
}

bool Dialect::isDynamic(const QString& variable) const
{
    static const QStringList always { QStringLiteral("server_id"), QStringLiteral("sync_binlog"),
        QStringLiteral("auto_increment_increment"), QStringLiteral("auto_increment_offset"),
        QStringLiteral("binlog_format"), QStringLiteral("read_only"), QStringLiteral("super_read_only") };
    if (always.contains(variable))
        return true;
    // replication filters: MariaDB by SET GLOBAL, MySQL 5.7.3+ by CHANGE REPLICATION FILTER
    if (isReplicationFilter(variable))
        return !setReplicationFilter(variable, {}).isEmpty();
    // MariaDB: the GTID domain is dynamic while the replica is stopped
    return isMariaDb() && variable == QLatin1String("gtid_domain_id");
}
