#pragma once

#include "common/finding.h"
#include "common/pairprofile.h"
#include "copy/datacopy.h"
#include "operation/operationstep.h"
#include "operation/pairstate.h"
#include "operation/rebuildcopy.h"
#include "setup/setupevent.h"
#include "setup/setupoptions.h"

#include <QCoreApplication>
#include <QPair>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class IntentJournal;
class OperationRun;
class RebuildGuards;

/** Rebuilds one server of a pair (B) from its peer (A), the way back from a real break: the guards; B
 *  marked fenced for the time of the rebuild and read-only; replication stopped both ways while A keeps
 *  serving reads and writes (its writer role as it is); A copied onto B online (RebuildCopy), B's old data
 *  saved first unless the admin said not to; B started from A at the copy's exact point and A from B at
 *  B's position after the copy (by GTID where the pair uses it); both directions and the data verified;
 *  B's identity checked; B's mark cleared. Until the copy has finished a failure or a cancel puts B back
 *  (its old data, its replica settings, read_only, the mark) and A's replication; after it, B stays fenced
 *  and read-only and a re-run rebuilds it again. Every change is an intent in the pair's journal first.
 *  run() blocks on the servers' workers: call it off the GUI thread. */
class Rebuild
{
    Q_DECLARE_TR_FUNCTIONS(Rebuild)
public:
    static constexpr int DefaultVerifyTimeoutMs = 120000;

    /** Whether the journal @p path's last run is an interrupted rebuild of server @p target whose only
     *  changes left are what recover cannot put back and a new rebuild of @p target does anew (its removed
     *  replica settings, the databases its logical copy was loading): such a rebuild may begin. */
    static bool leftOnlyWhatARebuildRedoes(const QString& path, const QString& target);

    struct Options
    {
        int target = 1; ///< index of the server rebuilt (B); the other is the source (A)
        CopyMethod method = CopyMethod::Logical;
        bool saveOld = true; ///< B's old data saved first (and loaded back on failure)
        bool dryRun = false; ///< the checks and what would happen, nothing changed
        int verifyTimeoutMs = DefaultVerifyTimeoutMs;
        int copyPollMs = 1000; ///< how often the copy reports its progress
        SetupOptions::ShellFactory shellFactory; ///< empty: SSH or local, as the profile says
        /** Non-empty: every change is an intent in this journal (SetupJournal::defaultPath) first, for
         *  'replipair-cli recover'. Refused while its last run was interrupted or still runs. */
        QString journalPath;
        /** Set from another thread (SIGINT, SIGTERM, a Cancel button) to stop and put B back. */
        std::shared_ptr<std::atomic_bool> cancel;
    };
    /** What the rebuild will do to B, said before anything changes (the confirmation shows it). */
    struct Preview
    {
        QString source, target;
        QString method; ///< RebuildCopy::id of the method that will copy
        QStringList databases;
        qint64 sourceBytes = 0;
        qint64 targetBytes = 0; ///< what B holds of them now
        bool saveOld = true;
        QString saveFolder; ///< on B's host
        qint64 saveFreeBytes = -1;
        QStringList lines; ///< the above, in the DBA's words
        QJsonObject toJson() const;
    };
    struct Outcome
    {
        bool ok = false; ///< rebuilt and verified (or, with dryRun, nothing refuses it)
        bool refused = false; ///< a guard refused: nothing changed
        bool cancelled = false;
        bool putBack = false; ///< failed or cancelled before the copy ended: B is as it was
        bool copied = false; ///< the copy finished: B holds A's data (fenced until verified)
        bool dataEqual = false; ///< the final comparison counted and found the tables equal
        QList<Finding> checks; ///< the guards, then the checks of the rebuilt server
        Preview preview;
        QStringList steps; ///< the intents, in order
        StepError error;
        qint64 elapsedMs = 0;
        QString savedCopy; ///< B's old data, saved on its host
    };
    using EventSink = std::function<void(const SetupEvent&)>;

    Rebuild(PairProfile profile, Options options, EventSink onEvent = {});
    ~Rebuild();

    Outcome run();

private:
    Preview preview(const RebuildGuards& guards) const;
    QList<OperationStep> beforeCopy(OperationRun& run);
    /** The step that gives the replication account on @p server a new generated password. */
    OperationStep replicationUserStep(OperationRun& run, int server);
    QList<OperationStep> afterCopy(OperationRun& run, RebuildGuards& guards);
    OperationStep copyStep(OperationRun& run, const RebuildGuards& guards);
    bool cancelled() const { return m_options.cancel && m_options.cancel->load(); }
    void emitEvent(const SetupEvent& e) const;

    PairProfile m_profile;
    Options m_options;
    EventSink m_onEvent;
    int m_source = 0;
    int m_target = 1;
    bool m_gtid = false;
    std::shared_ptr<IntentJournal> m_journal;
    QString
        m_password[2]; ///< the replication accounts' new passwords, in memory only (index: account's server)
    std::optional<CopyResult> m_copied;
    std::optional<PairState> m_stateBefore;
    /** A CLONE begun and cut short: B's data is in an unknown state; the undo keeps B fenced and A's
     *  replication from B stopped. */
    bool m_receiverDataLost = false;
    Outcome m_out;
    /** The before-copy intents released once the copy is in (read_only of B, A's stopped replica): past
     *  it, recover must not put them back. first: the server; second->second: the intent's id. */
    QList<std::pair<int, std::shared_ptr<QPair<int, int>>>> m_releaseAfterCopy;
    std::shared_ptr<QPair<QString, int>> m_resetIntent; ///< B's removed replica settings' intent
};
