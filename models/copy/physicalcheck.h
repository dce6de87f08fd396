#pragma once

#include "common/finding.h"
#include "common/pairprofile.h"
#include "common/steperror.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class ServerWorker;
struct ServerContext;

/** One server of a physical copy as it is before anything changes: where its files are, how it is
 *  stopped and started, and the backup tools on its host. */
struct PhysicalServerFacts
{
    QString version; ///< @@version
    QString dataDir; ///< @@datadir, without the trailing slash
    QString socket;
    QString pidFile; ///< absolute
    QString errorLog; ///< absolute, empty when it logs elsewhere
    int port = 0;
    qint64 serverId = 0;
    QString layout; ///< the InnoDB file layout, as option lines for the backup tool
    QString backupTool; ///< path of mariadb-backup (or mariabackup) on the host, empty when missing
    QString streamTool; ///< path of mbstream, empty when missing
    QString toolVersion; ///< the server version the backup tool was built with ("10.11.19")
    QString restartCommand; ///< the profile's, or the one detected
};

/** What is known before a physical copy changes anything, and the verdicts: MariaDB on both sides, the
 *  tools on both hosts (the same major version as the servers), room next to the receiver's data folder,
 *  the receiver's admin login among the source's accounts (the copy brings the source's accounts), and a
 *  restart command for the receiver. */
struct PhysicalCopyCheck
{
    Q_DECLARE_TR_FUNCTIONS(PhysicalCopyCheck)
public:
    int source = 0;
    PhysicalServerFacts servers[2];
    qint64 sourceBytes = 0; ///< the source's InnoDB and other table files (information_schema), an estimate
    qint64 targetFreeBytes = -1; ///< free space beside the receiver's data folder; -1 unknown
    qint64 targetDataBytes = 0; ///< what the receiver's data folder holds (kept aside after the copy)
    QList<Finding> findings;

    static Result<PhysicalCopyCheck> gather(
        const PairProfile& profile, int source, ServerWorker* const (&workers)[2]);
    bool hasErrors() const;
    /** Whether both hosts have the tools (a verdict for "auto"), whatever else the check found. */
    bool toolsPresent() const;
    /** "major.minor" of a version string ("10.11.19-MariaDB" → "10.11"). */
    static QString majorOf(const QString& version);
    /** The server version in `mariadb-backup --version` output, empty when none. */
    static QString toolServerVersion(const QString& versionOutput);

    /** Above this size of the source's data, copyMethod "auto" takes the physical copy (when the tools
     *  are on both hosts): 5 GiB. */
    static constexpr qint64 AutoThresholdBytes = 5LL * 1024 * 1024 * 1024;
};
