#include "sql/dialect.h"

#include "common/sqlquote.h"

// The accounts replication needs and the privileges that reach past read_only, per flavor and version.

QString Dialect::account(const QString& user, const QString& host) const
{
    return SqlQuote::account(user, host, m_noBackslashEscapes);
}

bool Dialect::supportsCreateUserIfNotExists() const
{
    return isMariaDb() ? m_version.atLeast(10, 1, 3) : m_version.atLeast(5, 7, 8);
}

bool Dialect::hasSuperReadOnly() const
{
    return !isMariaDb() && m_version.atLeast(5, 7, 8);
}

QString Dialect::replicationAuthPlugin(const ServerVersion& replica) const
{
    if (isMariaDb())
        return {};
    const bool replicaSpeaksSha2 = replica.flavor == Flavor::MySQL && replica.atLeast(8, 0, 4);
    if (m_version.atLeast(8, 0, 4) && replicaSpeaksSha2)
        return QStringLiteral("caching_sha2_password");
    if (m_version.atLeast(9, 0, 0))
        return {}; // mysql_native_password is gone
    return QStringLiteral("mysql_native_password");
}

bool Dialect::acceptsReplicaOf(const ServerVersion& replica) const
{
    return isMariaDb() || !replicationAuthPlugin(replica).isEmpty();
}

QStringList Dialect::createReplicationUser(const QString& user, const QString& host, const QString& password,
    bool redact, const QString& plugin) const
{
    const QString acc = account(user, host);
    const QString pw = redact ? QStringLiteral("'***'") : literal(password);
    const QString identified = plugin.isEmpty() ? QStringLiteral("IDENTIFIED BY %1").arg(pw)
                                                : QStringLiteral("IDENTIFIED WITH %1 BY %2").arg(plugin, pw);
    QStringList sql;
    if (supportsCreateUserIfNotExists()) {
        sql << QStringLiteral("CREATE USER IF NOT EXISTS %1 %2").arg(acc, identified);
        if (isMariaDb() && !m_version.atLeast(10, 2, 0)) // MariaDB 10.1 has no ALTER USER
            sql << QStringLiteral("SET PASSWORD FOR %1 = PASSWORD(%2)").arg(acc, pw);
        else
            sql << QStringLiteral("ALTER USER %1 %2").arg(acc, identified);
    } else {
        // 5.1-5.7.7: GRANT ... IDENTIFIED BY creates the account or sets its password
        sql << QStringLiteral("GRANT REPLICATION SLAVE ON *.* TO %1 IDENTIFIED BY %2").arg(acc, pw);
        return sql;
    }
    sql << QStringLiteral("GRANT REPLICATION SLAVE ON *.* TO %1").arg(acc);
    return sql;
}

QString Dialect::dropUser(const QString& user, const QString& host) const
{
    return (supportsCreateUserIfNotExists() ? QStringLiteral("DROP USER IF EXISTS ")
                                            : QStringLiteral("DROP USER "))
        + account(user, host);
}

QString Dialect::requireTls(const QString& user, const QString& host, bool x509) const
{
    // MySQL 5.7+ and MariaDB 10.2+ set it with ALTER USER; older servers with GRANT USAGE
    const bool alter = isMariaDb() ? m_version.atLeast(10, 2, 0) : m_version.atLeast(5, 7, 6);
    const QString require = x509 ? QStringLiteral("REQUIRE X509") : QStringLiteral("REQUIRE SSL");
    return alter ? QStringLiteral("ALTER USER %1 %2").arg(account(user, host), require)
                 : QStringLiteral("GRANT USAGE ON *.* TO %1 %2").arg(account(user, host), require);
}

QStringList Dialect::readOnlyBypassPrivileges() const
{
    if (isMariaDb())
        return m_version.atLeast(10, 11, 0) ? QStringList { QStringLiteral("READ_ONLY ADMIN") }
            : m_version.atLeast(10, 5, 2)
            ? QStringList { QStringLiteral("READ_ONLY ADMIN"), QStringLiteral("SUPER") }
            : QStringList { QStringLiteral("SUPER") };
    if (m_version.atLeast(8, 0, 0))
        return { QStringLiteral("CONNECTION_ADMIN"), QStringLiteral("SUPER") };
    return { QStringLiteral("SUPER") };
}
