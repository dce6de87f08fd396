#pragma once

#include "common/tlssettings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

/** What the copy pipeline on the receiving host is made of. Paths are on that host. */
struct CopyScriptParams
{
    QString workDir; ///< private (0700) folder holding the option files, logs and exit codes
    QString dumpTool; ///< mariadb-dump or mysqldump
    QString clientTool; ///< mariadb or mysql
    bool sourceData = false; ///< the dump tool knows --source-data (see DumpTool), else --master-data
    /** MySQL's mysqldump: --set-gtid-purged=OFF, so that no dump writes SET @@GLOBAL.GTID_PURGED (the
     *  receiver's GTID state is set on purpose after the copy, and the saved copy restores data only). */
    bool gtidPurgedOff = false;
    QStringList databases;
};

/** The shell scripts the copy runs on the receiving server's host: the server's own tools only, no
 *  password on any command line (both ends authenticate from option files in the work folder). */
namespace CopyScript {
/** A value for a MySQL/MariaDB option file: in double quotes, with \\, ", line breaks, tab and backspace
 *  escaped the way the client library's reader undoes them (a NUL cannot be written: no option holds one). */
QString optionValue(const QString& value);
/** A [client] option file, every value through optionValue(); with @p tls on, its TLS options in the
 *  dialect of the client that reads it: @p sslMode for MySQL's (ssl-mode=...), else MariaDB's (ssl,
 *  ssl-verify-server-cert). @p files are the CA, certificate and key as the client's host has them. */
QByteArray optionFile(const QString& host, int port, const QString& user, const QString& password,
    const TlsSettings& tls = {}, const TlsFiles& files = {}, bool sslMode = false);
/** dump | client, nothing in between: one consistent snapshot whose coordinates travel in the stream as
 *  an executed CHANGE MASTER (--master-data=1), loaded with sql_log_bin = 0. The bytes the dump wrote
 *  come from the kernel's own counter (/proc/<pid>/io wchar of the dump, added to its parent's when it
 *  is reaped). Leaves dump.pid, dump.rc, load.rc, bytes.final, finished in the folder. */
QString copy(const CopyScriptParams& p);
/** dump of the target's current databases into @p savedFile (the copy it had before): a new file of mode
 *  0600, never one that exists. */
QString save(const CopyScriptParams& p, const QString& savedFile);
/** loads @p savedFile back into the target, with sql_log_bin = 0. */
QString restore(const CopyScriptParams& p, const QString& savedFile);
/** Waits up to @p waitMs for the job to finish (one sleep, cut short when the job ends), then prints
 *  key=value lines: bytes (written by the dump so far), the exit codes, finished. Forks nothing but
 *  that sleep. */
QString poll(const QString& workDir, int waitMs = 0);
} // namespace CopyScript
