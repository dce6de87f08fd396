#pragma once

#include <QByteArray>
#include <QString>

/** What the physical copy's jobs are made of. Paths are on the host each runs on. */
struct PhysicalScriptParams
{
    QString sourceDir; ///< work folder on the source's host (0700): option file, chunks, exit codes
    QString targetDir; ///< work folder next to the receiver's data folder (same filesystem): the copy lands
                       ///< in targetDir/data
    QString backupTool = QStringLiteral("mariadb-backup"); ///< on both hosts
    QString streamTool = QStringLiteral("mbstream");
    qint64 chunkBytes = 32 * 1024 * 1024;
    int prepareMemoryMb = 256;
};

/** The shell scripts of the physical copy: the server's own backup tool streams on the source's host into
 *  chunk files (at most two waiting, so the source's disk never holds more than a few chunks), RepliPair
 *  carries each chunk to the receiver's host over the two SSH sessions, where the extraction tool reads
 *  them in order. No password on any command line: the backup reads its login from an option file. */
namespace PhysicalScript {
/** The 0600 option file of the backup: [client] login through the server's socket, and the server's own
 *  file layout for the backup tool (it reads no other option file). */
QByteArray optionFile(
    const QString& socket, const QString& user, const QString& password, const QString& layout);
/** Job on the source's host: backup --stream=xbstream | split into chunk.NNNNNN files (written as .part,
 *  then renamed); leaves backup.rc, split.rc, chunks (their count) and finished. */
QString backup(const PhysicalScriptParams& p);
/** Job on the receiver's host: feeds chunk.NNNNNN files, in order, as they come, into the extraction tool,
 *  until the file "end" holds a count already read; then --prepare. Leaves extract.rc, prepare.rc,
 *  finished. */
QString receive(const PhysicalScriptParams& p);
/** Waits up to @p waitMs for chunk @p next or the job's end (one sleep, cut short), then prints
 *  key=value lines: ready=1 when the chunk is there, the exit codes, finished. */
QString poll(const QString& dir, qint64 next, int waitMs);
/** The name of chunk @p n. */
QString chunkName(qint64 n);
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
