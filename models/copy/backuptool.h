#pragma once

#include "sql/binlogcoordinates.h"
#include "sql/serverversion.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class Dialect;

/** The server's own backup tool for a physical copy, by flavor: MariaDB's mariadb-backup and mbstream, or
 *  for MySQL (and Percona Server) Percona XtraBackup's xtrabackup and xbstream, of the release series that
 *  reads the server's files (2.4 for 5.6/5.7, 8.0 for 8.0 not older than the server's 8.0.x, then the same
 *  major.minor: 8.4 for 8.4, 9.N for 9.N). Never the one tool for the other flavor. */
class BackupTool
{
    Q_DECLARE_TR_FUNCTIONS(BackupTool)
public:
    explicit BackupTool(const ServerVersion& server);

    bool isXtraBackup() const { return m_server.flavor == Flavor::MySQL; }
    /** The names the backup tool goes by, tried in order on the host ("mariadb-backup", "mariabackup"). */
    QStringList backupNames() const;
    QString streamName() const; ///< mbstream or xbstream
    /** The group of the option file the backup reads its login and file layout from. */
    QString optionGroup() const;
    /** The package that brings the tool for this server ("percona-xtrabackup-80"), and where it comes from,
     *  in a fix's words. */
    QString package() const;
    QString installHint() const;
    /** The tool's release series this server needs ("2.4", "8.0", "8.4", "10.11"), for messages. */
    QString series() const;

    /** The tool's own version in its `--version` output: "8.0.35-30" from "xtrabackup version 8.0.35-30
     *  based on MySQL server 8.0.35 …", "10.11.19" from "mariadb-backup based on MariaDB server
     *  10.11.19-MariaDB …"; empty when none. */
    static QString versionIn(const QString& versionOutput);
    /** Why the tool of version @p toolVersion (versionIn()) cannot copy this server; empty when it can. */
    QString versionProblem(const QString& toolVersion) const;

    /** The privileges of the backup's temporary account @p account on the source, one GRANT each. */
    QStringList grants(const Dialect& dialect, const QString& account) const;

    /** The source's coordinates in the backup's binlog info file (xtrabackup_binlog_info,
     *  mariadb_backup_binlog_info): "file<TAB>position[<TAB>gtid]", MySQL's GTID set possibly over several
     *  lines ("uuid:1-5,\nuuid2:1-7"). Empty file when there is none. */
    static BinlogCoordinates parseBinlogInfo(const QString& text);

private:
    ServerVersion m_server;
};
