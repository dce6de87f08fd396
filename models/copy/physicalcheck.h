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
    QString backupTool; ///< path of mariadb-backup (or mariabackup; MySQL: xtrabackup) on the host, empty
                        ///< when missing
    QString streamTool; ///< path of mbstream (MySQL: xbstream), empty when missing
    QString toolVersion; ///< the backup tool's version (BackupTool::versionIn(): "10.11.19", "8.0.35-30")
    bool cloneActive = false; ///< MySQL: the clone plugin is ACTIVE
    QString platform; ///< MySQL: version_compile_os/version_compile_machine (CLONE needs the same)
    QString restartCommand; ///< the profile's, or the one detected
};

/** What is known before a physical copy changes anything, and the verdicts: which way it copies (the
 *  backup tool of the servers' flavor, or MySQL's CLONE), the tools on both hosts (of the servers'
 *  version; BackupTool), room next to the receiver's data folder,
 *  the receiver's admin login among the source's accounts (the copy brings the source's accounts), and a
 *  restart command for the receiver. */
struct PhysicalCopyCheck
{
    Q_DECLARE_TR_FUNCTIONS(PhysicalCopyCheck)
public:
    /** How the physical copy is made: the backup tool streamed from host to host (mariadb-backup,
     *  xtrabackup), or MySQL's CLONE run on the receiver (which keeps nothing of its old data). */
    enum class Way { BackupTool, Clone };
    int source = 0;
    Way way = Way::BackupTool;
    QString cloneProblem; ///< why CLONE cannot copy this pair (empty: it can)
    PhysicalServerFacts servers[2];
    qint64 sourceBytes = 0; ///< the source's InnoDB and other table files (information_schema), an estimate
    qint64 targetFreeBytes = -1; ///< free space beside the receiver's data folder; -1 unknown
    qint64 targetDataBytes = 0; ///< what the receiver's data folder holds (kept aside after the copy)
    bool targetAdminOnSource = true; ///< the receiver's admin login is among the source's accounts
    QList<Finding> findings;

    /** @p oldDataMayGo: the admin agreed that the receiver's old data is not kept (rebuild --no-save),
     *  which CLONE needs; else a pair that only CLONE could copy is refused. */
    static Result<PhysicalCopyCheck> gather(
        const PairProfile& profile, int source, ServerWorker* const (&workers)[2], bool oldDataMayGo = false);
    /** The verdicts on facts already read (gather()'s second half). */
    void judge(const PairProfile& profile, bool oldDataMayGo);
    /** The tool that copies, in the plan's words: "mariadb-backup", "xtrabackup 8.0", "CLONE INSTANCE". */
    QString toolName() const;
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
