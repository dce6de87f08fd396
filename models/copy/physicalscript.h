#pragma once

#include <QByteArray>
#include <QString>

/** What the physical copy's jobs are made of. Paths are on the host each runs on. */
struct PhysicalScriptParams
{
    QString
        sourceDir; ///< work folder on the source's host (0700): option file, the stream's FIFO, exit codes
    QString targetDir; ///< work folder next to the receiver's data folder (same filesystem): the copy lands
                       ///< in targetDir/data
    QString backupTool = QStringLiteral("mariadb-backup"); ///< on both hosts
    QString streamTool = QStringLiteral("mbstream");
    int prepareMemoryMb = 256;
};

/** The shell scripts of the physical copy. The server's own backup tool streams, as a detached job on the
 *  source's host, into a FIFO in its work folder (nothing of the copy is written to the source's disk); a
 *  job on the receiver's host extracts what comes out of a FIFO of its own. RepliPair carries the bytes
 *  from one FIFO to the other through one long-lived command on each host (streamOut(), streamIn()), over
 *  the two SSH sessions it already has. No password on any command line: the backup reads its login from
 *  an option file. */
namespace PhysicalScript {
/** The 0600 option file of the backup: [client] login through the server's socket, and the server's own
 *  file layout for the backup tool in its @p group (BackupTool::optionGroup(): it reads no other option
 *  file). */
QByteArray optionFile(const QString& socket, const QString& user, const QString& password,
    const QString& layout, const QString& group = QStringLiteral("mariadb-backup"));
/** The FIFO the stream passes through in each work folder. */
inline QString fifoName()
{
    return QStringLiteral("stream.fifo");
}
/** Job on the source's host: backup --stream=xbstream into the FIFO (it waits there until streamOut()
 *  opens it); leaves backup.rc and finished. */
QString backup(const PhysicalScriptParams& p);
/** Job on the receiver's host: the extraction tool reads the FIFO (fed by streamIn()) to its end; then, only
 *  once the file "end" says that the whole stream arrived, --prepare. Leaves extract.rc, prepare.rc,
 *  finished. */
QString receive(const PhysicalScriptParams& p);
/** The command on the source's host whose stdout is the stream: the backup job's FIFO, read to its end
 *  (dd: its count of bytes on stderr). */
QString streamOut(const QString& sourceDir);
/** The command on the receiver's host whose stdin goes into the receiving job's FIFO (dd: its count of
 *  bytes on stderr). */
QString streamIn(const QString& targetDir);
/** The byte count a dd printed on its stderr; -1 when there is none. */
qint64 ddBytes(const QByteArray& err);
/** Waits up to @p waitMs for the job in @p dir to end (one sleep, cut short), then prints key=value
 *  lines: the exit codes and finished. */
QString poll(const QString& dir, int waitMs);
/** The receiver's data folder swap, run as its restart command: stops the server (its pid file), moves
 *  @p dataDir aside to @p oldDir, moves the copy in (owner, mode and SELinux label of the old one), then
 *  runs @p restartCommand to start it. Nothing moved when the server cannot be stopped. */
QString swap(const QString& dataDir, const QString& oldDir, const QString& newDir, const QString& pidFile,
    const QString& restartCommand);
/** The way back: stops the server, moves the copy out of @p dataDir into @p parkDir (a work folder that is
 *  removed next), @p oldDir back in, and starts the server. Does nothing (exit 0, "unchanged") when
 *  @p oldDir is not there: the swap never happened. */
QString swapBack(const QString& dataDir, const QString& oldDir, const QString& parkDir,
    const QString& pidFile, const QString& restartCommand);
} // namespace PhysicalScript
