#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

/** What the copy pipeline on the receiving host is made of. Paths are on that host. */
struct CopyScriptParams
{
    QString workDir; ///< private (0700) folder holding the option files, logs and exit codes
    QString dumpTool; ///< mariadb-dump or mysqldump
    QString clientTool; ///< mariadb or mysql
    bool sourceIsMariaDb = true;
    bool sourceData = false; ///< mysqldump 8.0.26+: --source-data instead of --master-data
    QStringList databases;
};

/** Coordinates of a dump's snapshot, as its header states them. */
struct DumpCoordinates
{
    QString file;
    qint64 position = 0;
    QString gtidPurged; ///< MySQL: the GTID_PURGED the dump sets, empty otherwise
};

/** The shell scripts the copy runs on the receiving server's host (dump | head reader | client), and
 *  the parsing of what they leave behind. Only the server's own tools; no password on any command line:
 *  both ends authenticate from option files in the work folder. */
class CopyScript
{
    Q_DECLARE_TR_FUNCTIONS(CopyScript)
public:
    static QString quote(const QString& s);
    /** A [client] option file; the password in double quotes with \ and " escaped. */
    static QByteArray optionFile(const QString& host, int port, const QString& user, const QString& password);
    /** dump of the source (one consistent snapshot with its coordinates) piped into the client with
     *  sql_log_bin = 0. Leaves dump.pid, dump.rc, load.rc, coordinates, head.sql, finished in the folder. */
    static QString copy(const CopyScriptParams& p);
    /** dump of the target's current databases into @p savedFile (the copy it had before). */
    static QString save(const CopyScriptParams& p, const QString& savedFile);
    /** loads @p savedFile back into the target, with sql_log_bin = 0. */
    static QString restore(const CopyScriptParams& p, const QString& savedFile);
    /** Waits up to @p waitMs for the job to finish (checking every 0.1 s), then prints key=value lines:
     *  bytes (written by the dump so far), tables (started), the exit codes, finished. */
    static QString poll(const QString& workDir, int waitMs = 0);
    /** The "-- CHANGE MASTER TO MASTER_LOG_FILE=..., MASTER_LOG_POS=...;" line (either dialect). */
    static std::optional<DumpCoordinates> parseCoordinates(const QByteArray& head);
};
