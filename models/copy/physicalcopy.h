#pragma once

#include "copy/copyprogress.h"
#include "copy/datacopy.h"
#include "copy/physicalcheck.h"

#include <QCoreApplication>
#include <atomic>
#include <functional>
#include <optional>

class RemoteJob;
class ServerWorker;

/** Copies the whole of one server to the other with the server's own backup tool (MariaDB: mariadb-backup;
 *  MySQL: Percona XtraBackup, or CLONE, see cloneSteps()), the server's data folder and all (accounts
 *  included): `mariadb-backup --backup --stream=xbstream` on the source's host, streamed
 *  by RepliPair over the two hosts' SSH sessions (one long-lived command on each, nothing written to the
 *  source's disk), `mbstream -x` into a new folder next to the receiver's data folder, then
 *  `mariadb-backup --prepare`. The receiver is stopped, its data folder moved aside (kept, named in the
 *  result), the copy moved in (the old one's owner, mode and SELinux label) and the server started with
 *  the verified restart (ServerRestart); the source's coordinates and GTID position are the backup's own
 *  (mariadb_backup_binlog_info). Both jobs are detached (RemoteJob) in work folders the intent journal
 *  names: a cancel, a failure or a killed tool stops them and leaves the receiver on its old data, running,
 *  the source untouched, no process or file of the copy on either host; `recover` does the same for a
 *  killed run. Same shape as DataCopy: runs on the caller's (non-GUI) thread and waits on the workers. */
class PhysicalCopy
{
    Q_DECLARE_TR_FUNCTIONS(PhysicalCopy)
public:
    using ProgressFn = std::function<void(const CopyProgress&)>;
    using InfoFn = std::function<void(const QString& server, const QString& text)>;

    PhysicalCopy(const PairProfile& profile, int source, ServerWorker* const (&workers)[2],
        const std::atomic_bool* cancel = nullptr);

    void setPollIntervalMs(int ms) { m_pollMs = ms; }
    /** @p check from PhysicalCopyCheck::gather(); refuses when it holds errors. CopyResult::savedCopy is
     *  the receiver's old data folder, kept beside the new one; databases is empty (all of them). */
    Result<CopyResult> run(const PhysicalCopyCheck& check, const ProgressFn& progress, const InfoFn& info);

    /** After a failed run(): the receiver's data is in an unknown state (a CLONE begun and cut short: it
     *  replaces the data in place, nothing to put back). */
    bool receiverDataLost() const { return m_receiverDataLost; }

    /** The temporary account the backup logs in with, on the source (and, copied, on the receiver). */
    static QString accountName() { return QStringLiteral("replipair_backup"); }

private:
    struct Undo;
    Result<CopyResult> steps(const PhysicalCopyCheck& check, Undo& undo);
    Result<void> openSource(const PhysicalCopyCheck& check, Undo& undo);
    Result<void> openTarget(const PhysicalCopyCheck& check, Undo& undo);
    /** Streams the backup from the source's host to the receiver's until it ends; its size. */
    Result<qint64> relay(const PhysicalCopyCheck& check, Undo& undo);
    /** Waits for the extraction and the prepare on the receiver's host. */
    Result<void> finishTarget(Undo& undo, qint64 bytes);
    Result<BinlogCoordinates> backupCoordinates(Undo& undo);
    /** Stops the receiver, swaps its data folder and starts it (verified). */
    Result<void> swapIn(const PhysicalCopyCheck& check, Undo& undo);
    void putBack(const PhysicalCopyCheck& check, Undo& undo, QStringList& problems);
    void cleanUp(Undo& undo, QStringList& problems);
    /** Runs a PhysicalScript::poll() @p script on @p server's host: its "key=value" lines. */
    Result<QMap<QString, QString>> pollHost(int server, const QString& script);
    /** Runs the swap (or swap-back) @p script on the receiver's host as a restart of @p receiver, verified
     *  to come back as the same server (datadir, port, server_id); @p showProgress passes its lines on. */
    Result<void> restartWithScript(
        const PhysicalServerFacts& receiver, const QString& script, bool showProgress);
    /** restartWithScript() with @p command itself (the receiver's restart command). */
    Result<void> restartWith(const PhysicalServerFacts& receiver, const QString& command, bool showProgress);
    /** The receiver runs on the copy: the source's temporary account that came with it dropped (outside
     *  the binary log), and its own coordinates. */
    Result<BinlogCoordinates> receiverCoordinates(const QString& copiedUser, const QString& copiedHost);
    // MySQL's CLONE (physicalcopyclone.cpp): run on the receiver, which it restarts on the donor's data
    Result<CopyResult> cloneSteps(const PhysicalCopyCheck& check, Undo& undo);
    Result<void> openClone(const PhysicalCopyCheck& check, Undo& undo);
    /** Waits for the clone's job on the receiver's host, with clone_progress; its output. */
    Result<QByteArray> awaitClone(const PhysicalCopyCheck& check, Undo& undo, qint64& bytes);
    /** The receiver back after the clone (restarted by itself, or with its restart command). */
    Result<SqlRow> cloneRestarted(const PhysicalServerFacts& receiver, const QByteArray& clientOutput);
    void cloneCleanUp(Undo& undo, QStringList& problems);
    Result<void> failIfCancelled() const;
    int intent(int server, const QString& action, const QJsonObject& undo, bool lasting = false);
    void release(int server, int& id, bool done = false);
    /** Writes the intents of a work folder on @p server and of the detached job in it, and names the job. */
    void recordWorkFolder(
        int server, const QString& dir, int& folderIntent, int& jobIntent, std::optional<RemoteJob>& job);
    void inform(int server, const QString& text) const;
    template<typename F> auto on(int server, F fn);
    /** on() with @p server's host shell: @p fn(HostShell&) runs on the worker; a shell that cannot be
     *  opened is the result's error. */
    template<typename F> auto onShell(int server, F fn);

    PairProfile m_profile;
    int m_source;
    ServerWorker* m_workers[2];
    const std::atomic_bool* m_cancel;
    int m_pollMs = 1000;
    ProgressFn m_progress;
    InfoFn m_info;
    bool m_receiverDataLost = false;
};
