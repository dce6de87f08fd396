#pragma once

#include <QJsonObject>

#include "copy/copycheck.h"
#include "copy/copyprogress.h"
#include "replication/replicationsteps.h"

#include <QCoreApplication>
#include <atomic>
#include <functional>

class ServerWorker;

/** What a finished copy hands to the replication steps. */
struct CopyResult
{
    BinlogCoordinates source; ///< the source's coordinates at the dump's snapshot
    BinlogCoordinates target; ///< the receiver's own, read at the end while it was still read-only
    qint64 bytes = 0;
    int tables = 0;
    qint64 elapsedMs = 0; ///< the dump | load pipe alone
    QString savedCopy; ///< the receiver's old copy, saved on its host; empty when there was none
    QStringList databases; ///< copied: listed once the receiver was read-only
};

/** Copies the replicated databases from one server of a pair to the other, online, with the server's own
 *  tools run on the receiver's host: one consistent dump with its coordinates, loaded with
 *  sql_log_bin = 0, under a temporary account on the source. Runs on the caller's (non-GUI) thread and
 *  waits on the two workers. On failure or cancel the receiver is put back as it was; the temporary
 *  account and the work folder are removed in every case. */
class DataCopy
{
    Q_DECLARE_TR_FUNCTIONS(DataCopy)
public:
    using ProgressFn = std::function<void(const CopyProgress&)>;
    using InfoFn = std::function<void(const QString& server, const QString& text)>;

    DataCopy(const PairProfile& profile, int source, ServerWorker* const (&workers)[2],
        const std::atomic_bool* cancel = nullptr);

    void setPollIntervalMs(int ms) { m_pollMs = ms; }
    /** @p check from CopyCheck::gather(); refuses when it holds errors. */
    Result<CopyResult> run(const CopyCheck& check, const ProgressFn& progress, const InfoFn& info);

private:
    struct Undo;
    Result<CopyResult> copySteps(const CopyCheck& check, Undo& undo);
    /** The work folder with the receiver's admin login, the receiver read-only. */
    Result<void> prepare(const CopyCheck& check, Undo& undo);
    /** The databases copied, listed once the receiver is read-only (the dump drops them there), and what
     *  the receiver holds of them; refuses when it holds data that replacing was not confirmed for. */
    Result<void> listDatabases(const CopyCheck& check, Undo& undo);
    /** The receiver's old copy of the databases holding data, saved as a dump on its host (0600 in a 0700
     *  folder). */
    Result<void> saveOldCopy(const CopyCheck& check, Undo& undo);
    /** The temporary account on the source and its option file on the receiver's host; with "tls" on, its
     *  login tried from there (encrypted, the certificate checked as the mode says). */
    Result<void> openSource(Undo& undo);
    /** With "tls" on, the files the copy's tools use on the receiver's host: the receiver host's own, and
     *  in the verify modes RepliPair's CA written into the copy's folder (readable by the login user). */
    Result<void> placeCa(Undo& undo);
    /** dump | client, then the coordinates it carried and the receiver's own. */
    Result<CopyResult> dumpAndLoad(const CopyCheck& check, Undo& undo);
    void putBack(Undo& undo, QStringList& problems);
    void cleanUp(Undo& undo, QStringList& problems);
    Result<void> failIfCancelled() const;
    /** Writes the intent of a change on server @p server to the run's journal (0: none kept). */
    int intent(int server, const QString& action, const QJsonObject& undo);
    /** The change of intent @p id was put back (its id becomes 0), or with @p done, made. */
    void release(int server, int& id, bool done = false);
    void inform(const QString& text) const;

    template<typename F> auto onSource(F fn);

    PairProfile m_profile;
    int m_source;
    ServerWorker* m_workers[2];
    const std::atomic_bool* m_cancel;
    int m_pollMs = 1000;
    bool m_sslMode = false; ///< the receiver's client tools speak MySQL's ssl-mode (DumpTool::sslMode)
    ProgressFn m_progress;
    InfoFn m_info;
};
