#include "copy/backuptool.h"

#include "sql/dialect.h"

#include <QRegularExpression>

BackupTool::BackupTool(const ServerVersion& server)
    : m_server(server)
{ }

QStringList BackupTool::backupNames() const
{
    if (isXtraBackup())
        return { QStringLiteral("xtrabackup") };
    return { QStringLiteral("mariadb-backup"), QStringLiteral("mariabackup") };
}

QString BackupTool::streamName() const
{
    return isXtraBackup() ? QStringLiteral("xbstream") : QStringLiteral("mbstream");
}

QString BackupTool::optionGroup() const
{
    return isXtraBackup() ? QStringLiteral("xtrabackup") : QStringLiteral("mariadb-backup");
}

QString BackupTool::series() const
{
    if (!isXtraBackup() || m_server.major == 8 || m_server.major >= 9)
        return QStringLiteral("%1.%2").arg(m_server.major).arg(m_server.minor);
    return QStringLiteral("2.4"); // MySQL 5.6 and 5.7
}

QString BackupTool::package() const
{
    if (!isXtraBackup())
        return QStringLiteral("mariadb-backup");
    // percona-xtrabackup-24 (5.6, 5.7), -80, -84, and an innovation release's own (-83, -97)
    return QStringLiteral("percona-xtrabackup-") + QString(series()).remove(QLatin1Char('.'));
}

QString BackupTool::installHint() const
{
    if (!isXtraBackup())
        return tr("install the package mariadb-backup (Debian/Ubuntu: apt-get install mariadb-backup; RHEL: "
                  "dnf install MariaDB-backup), the same version as the server (%1)")
            .arg(series());
    return tr("install Percona XtraBackup %1 from Percona's repository (percona-release enable-only tools; "
              "then apt-get install %2 or dnf install %2)%3")
        .arg(series(), package(),
            m_server.major == 8 && m_server.minor == 0
                ? tr(", of release 8.0.%1 or newer (the server's)").arg(m_server.patch)
                : QString());
}

QString BackupTool::versionIn(const QString& versionOutput)
{
    // "xtrabackup version 8.0.35-30 based on MySQL server 8.0.35 Linux (x86_64) (revision id: 6beb4b49)"
    static const QRegularExpression own(QStringLiteral("\\bversion\\s+(\\d+\\.\\d+\\.\\d+(?:-\\d+)?)"));
    // "mariadb-backup based on MariaDB server 10.11.19-MariaDB debian-linux-gnu (x86_64)"
    static const QRegularExpression server(QStringLiteral("server\\s+(\\d+\\.\\d+\\.\\d+)"));
    if (const auto m = own.match(versionOutput); m.hasMatch())
        return m.captured(1);
    const auto m = server.match(versionOutput);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString BackupTool::versionProblem(const QString& toolVersion) const
{
    const ServerVersion tool = ServerVersion::parse(toolVersion);
    const QString shown = toolVersion.isEmpty() ? tr("of an unknown version") : toolVersion;
    const QString server
        = QStringLiteral("%1.%2.%3").arg(m_server.major).arg(m_server.minor).arg(m_server.patch);
    const bool sameSeries = QStringLiteral("%1.%2").arg(tool.major).arg(tool.minor) == series();
    if (!isXtraBackup())
        return sameSeries
            ? QString()
            : tr("mariadb-backup %1 is built for another MariaDB than the server's %2: a backup "
                 "tool of another major version cannot copy it")
                  .arg(shown, server);
    if (!sameSeries)
        return tr("XtraBackup %1 cannot copy MySQL %2: it needs XtraBackup %3").arg(shown, server, series());
    // XtraBackup 8.0 refuses a server newer than itself (its redo log may have changed in between)
    if (m_server.major == 8 && m_server.minor == 0 && tool.patch < m_server.patch)
        return tr("XtraBackup %1 is older than MySQL %2: XtraBackup 8.0 copies servers up to its own 8.0.x")
            .arg(shown, server);
    return {};
}

QStringList BackupTool::grants(const Dialect& d, const QString& account) const
{
    if (!isXtraBackup()) {
        const bool monitor = d.version().atLeast(10, 5, 2);
        return { QStringLiteral("GRANT RELOAD, PROCESS, LOCK TABLES, %1 ON *.* TO %2")
                     .arg(monitor ? QStringLiteral("BINLOG MONITOR, SLAVE MONITOR")
                                  : QStringLiteral("REPLICATION CLIENT"),
                         account) };
    }
    if (!m_server.atLeast(8, 0, 0))
        return {
            QStringLiteral("GRANT RELOAD, LOCK TABLES, PROCESS, REPLICATION CLIENT ON *.* TO %1").arg(account)
        };
    // 8.0: the backup lock (LOCK INSTANCE FOR BACKUP) and the log_status table take BACKUP_ADMIN
    QStringList out { QStringLiteral(
                          "GRANT BACKUP_ADMIN, RELOAD, LOCK TABLES, PROCESS, REPLICATION CLIENT ON *.* TO %1")
                          .arg(account),
        QStringLiteral("GRANT SELECT ON performance_schema.log_status TO %1").arg(account),
        QStringLiteral("GRANT SELECT ON performance_schema.replication_group_members TO %1").arg(account) };
    if (m_server.atLeast(8, 0, 24)) // the table is there from 8.0.24 on
        out << QStringLiteral("GRANT SELECT ON performance_schema.keyring_component_status TO %1")
                   .arg(account);
    return out;
}

BinlogCoordinates BackupTool::parseBinlogInfo(const QString& text)
{
    BinlogCoordinates c;
    const QStringList f = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (f.size() < 2)
        return c;
    bool number = false;
    c.position = f[1].toLongLong(&number);
    if (!number)
        return {};
    c.file = f[0];
    // the GTID set, whatever lines it was written over ("uuid:1-5,\nuuid2:1-7")
    c.gtid = f.mid(2).join(QString());
    return c;
}
