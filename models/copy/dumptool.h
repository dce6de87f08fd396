#pragma once

#include <QString>

/** What the dump tool on the receiver's host understands, read from its own --help: the copy's options
 *  depend on that tool (Debian's "mysqldump" is often MariaDB's, or a MySQL one older than the server),
 *  never on the server's version. */
struct DumpTool
{
    QString program;
    bool mariaDb = false; ///< MariaDB's mariadb-dump / mysqldump
    bool sourceData = false; ///< --source-data (MySQL's mysqldump 8.0.26+)
    bool masterData = false; ///< --master-data (MariaDB's, MySQL's up to 8.x where it is deprecated)
    bool setGtidPurged = false; ///< --set-gtid-purged (MySQL's mysqldump 5.6.9+)
    /** --ssl-mode (MySQL's clients 5.7.11+): TLS said as ssl-mode=REQUIRED|VERIFY_CA|VERIFY_IDENTITY;
     *  otherwise (MariaDB's, older MySQL's) as ssl and ssl-verify-server-cert. */
    bool sslMode = false;

    /** Parses the output of `@p program --help`. */
    static DumpTool fromHelp(const QString& program, const QString& help);
    /** The shell line that prints the tool's help (option files not read: they may hold anything). */
    static QString helpCommand(const QString& quotedProgram);
    bool knowsCoordinates() const { return sourceData || masterData; }
    /** "--source-data=1" / "--master-data=1": the coordinates as an executed CHANGE statement. */
    QString coordinatesOption() const;
    /** "--set-gtid-purged=OFF" where the tool would otherwise write SET @@GLOBAL.GTID_PURGED; empty for
     *  a tool that never writes it. */
    QString gtidPurgedOption() const;
};
