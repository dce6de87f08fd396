#pragma once

#include "common/steperror.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

#include <memory>

/** The journal's intent lines: each change an operation is about to make is appended (and flushed to
 *  disk) before it is made, its outcome after, and a last line when the operation ends — so that a run
 *  killed outright (SIGKILL, a crashed machine) leaves a record `replipair-cli recover` can read and undo.
 *  One JSON object a line, in the pair's journal file (SetupJournal::defaultPath, mode 0600), beside the
 *  runs' records: `{"kind":"begin"|"intent"|"done"|"released"|"undone"|"end", "run": id, ...}`. Ids and
 *  actions are stable; times UTC; never a secret (an undo holds names and paths only). Safe from both
 *  servers' worker threads at once. */
class IntentJournal
{
    Q_DECLARE_TR_FUNCTIONS(IntentJournal)
public:
    /** What a change is, by stable id; each has an undo recover knows how to make. */
    struct Action
    {
        static inline const QString ReadOnly = QStringLiteral("read-only"); ///< undo: {"was": 0|1}
        static inline const QString CopyAccount = QStringLiteral("copy-account"); ///< {"user","host"}
        static inline const QString ReplicationAccount = QStringLiteral("replication-account"); ///< same
        static inline const QString WorkFolder = QStringLiteral("work-folder"); ///< {"path"} on the host
        static inline const QString DetachedJob = QStringLiteral("detached-job"); ///< {"folder","pidFile"}
        static inline const QString CopyReplicaSettings = QStringLiteral("copy-replica-settings"); ///< {}
        static inline const QString OptionFile
            = QStringLiteral("option-file"); ///< {"path","backup"|"created"}
        static inline const QString ChangeSource = QStringLiteral("change-source"); ///< {"wasFresh"}
        static inline const QString Restart = QStringLiteral("restart"); ///< {"command"}
        static inline const QString CopyLoad = QStringLiteral("copy-load"); ///< {"databases","savedCopy"}
        static inline const QString ProbeTable = QStringLiteral("probe-table"); ///< {"database","table"}
        /** A replica stopped for the time of an operation; undo: started again ({"wasRunning"}: left
         *  stopped when it did not run before). */
        static inline const QString ReplicaStopped = QStringLiteral("replica-stopped");
        /** A replica's settings removed; their password is not known afterwards, so recover says what they
         *  were and that a rebuild sets them up anew. {"host","port","user","file","position","gtidSlavePos"}
         */
        static inline const QString ReplicaReset = QStringLiteral("replica-reset");
        /** A physical copy's swap of a data folder: {"dataDir","oldDir","parkDir","pidFile","command"} */
        static inline const QString DataFolderSwap = QStringLiteral("data-folder-swap");
    };

    ~IntentJournal();

    /** Starts a run of @p operation ("setup", "switchover", …) in @p path: writes its "begin" line. */
    static Result<std::shared_ptr<IntentJournal>> begin(const QString& path, const QString& operation);

    /** Whether a new run may begin in the journal at @p path: refused while its last run still runs
     *  (another process on this machine), or when it was interrupted (killed, its machine went down) and
     *  left changes that 'replipair-cli recover @p profilePath' must put back first. Changes nothing. */
    static Result<void> mayBegin(const QString& path, const QString& profilePath);
    /** mayBegin(), then begin(): the start of every operation's journalled run. */
    static Result<std::shared_ptr<IntentJournal>> beginIfFree(
        const QString& path, const QString& profilePath, const QString& operation);

    /** Opens the journal at @p path to add lines to the earlier run @p run (recover's "undone" and "end"). */
    static Result<std::shared_ptr<IntentJournal>> reopen(const QString& path, const QString& run);

    /** Appends the intent to change @p action on @p server within @p step, with what undoes it; flushed
     *  to disk before it returns. @p lasting: the change is meant to stay when the run succeeds (an option
     *  file, the replication account); else it is temporary and the run itself releases it. Returns the
     *  intent's id (its number in this run). */
    int intent(const QString& server, const QString& step, const QString& action, const QJsonObject& undo,
        bool lasting = false);
    /** The change of intent @p id was made. */
    void done(int id);
    /** A temporary change was put back by the run itself (recover leaves it alone). */
    void released(int id);
    /** A change of an earlier run was put back by recover. */
    void undone(int id);
    /** The run ended: @p outcome "ok", "failed", "cancelled" or (recover) "recovered". */
    void end(const QString& outcome);

    QString path() const { return m_path; }
    /** Whether any intent was written (the run went as far as changing something). */
    bool hasIntents() const;
    QString runId() const { return m_run; }
    /** The first write that failed (the disk is full, the folder went away), else empty. */
    QString writeError() const;

private:
    void append(QJsonObject line);

    QString m_path;
    QString m_run;
    QString m_operation;
    mutable QMutex m_mutex;
    QFile m_file; ///< guarded by m_mutex
    int m_next = 0; ///< guarded by m_mutex
    QString m_writeError; ///< guarded by m_mutex
};

/** One change of a journalled run, as read back, with what became of it. */
struct JournalIntent
{
    int id = 0;
    QString time;
    QString server;
    QString step;
    QString action;
    QJsonObject undo;
    bool lasting = false;
    bool done = false; ///< the run said it made it (else it may or may not have been made)
    bool released = false; ///< put back by the run itself
    bool undone = false; ///< put back by recover

    /** Whether putting it back changes nothing (an account that existed before the run, a replica that was
     *  configured or stopped before it): such a change is not left for recover. */
    bool leavesNothing() const;
};

/** A run read back from the journal: its intents and how it ended. */
struct JournalRun
{
    Q_DECLARE_TR_FUNCTIONS(JournalRun)
public:
    QString run;
    QString operation;
    QString started;
    qint64 pid = 0;
    QString host; ///< the machine the run ran on
    QString outcome; ///< "ok", "failed", "cancelled", "recovered"; empty: it never ended
    QList<JournalIntent> intents;

    /** Reads every run of the journal at @p path, oldest first; a missing file is no run. */
    static Result<QList<JournalRun>> readAll(const QString& path);
    /** The intents recover must undo, newest first: temporaries neither released nor undone; and when the
     *  run did not succeed, its lasting changes too; never one whose undo changes nothing. */
    QList<JournalIntent> toUndo() const;
    /** Whether the process that wrote it may still be running (same machine, pid alive). */
    bool mayStillRun() const;
    /** Never ended and not still running: killed, or its machine went down. */
    bool interrupted() const { return outcome.isEmpty() && !mayStillRun(); }
};
