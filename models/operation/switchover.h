#pragma once

#include "common/finding.h"
#include "common/pairprofile.h"
#include "operation/operationstep.h"
#include "operation/switchoverguards.h"
#include "setup/setupevent.h"
#include "setup/setupoptions.h"

#include <QCoreApplication>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class IntentJournal;
class OperationRun;

/** Moves the writer role of a pair to the other server. Planned: the guards, then the beforeSwitch hook,
 *  the old writer read-only, its write transactions ended, its final position applied by the new writer,
 *  the new writer opened, both option files and the profile updated, the afterSwitch hook, and a row
 *  written on the new writer seen on the old one; any failure before the new writer is opened puts the old
 *  one back as the writer and runs the rollback hook. Forced (the writer is gone): see Failover.
 *  run() blocks on the servers' workers: call it off the GUI thread. */
class Switchover
{
    Q_DECLARE_TR_FUNCTIONS(Switchover)
public:
    static constexpr int DefaultTimeoutSec = 10;

    struct Options
    {
        int to = 1; ///< index of the new writer
        int timeoutSec
            = DefaultTimeoutSec; ///< how long writes may pause on the old writer before rolling back
        bool dryRun = false; ///< the checks and the steps, nothing changed
        bool force = false; ///< the writer is gone: a fenced failover (Failover)
        SwitchoverGuards::Limits limits;
        SetupOptions::ShellFactory shellFactory; ///< empty: SSH or local, as the profile says
        /** Non-empty: the planned switch keeps its intents in this journal (SetupJournal::defaultPath),
         *  each read_only change written before it is made, so that a run killed outright can be put back
         *  by 'replipair-cli recover'. Refused when the journal's last run was interrupted or still runs. */
        QString journalPath;
        /** Set from another thread (SIGINT, SIGTERM) to stop before the next step, rolling back. */
        std::shared_ptr<std::atomic_bool> cancel;
    };
    /** How a run ended. */
    struct Outcome
    {
        bool ok = false; ///< switched (or, with dryRun, nothing refused it)
        bool refused = false; ///< a guard refused: nothing changed
        bool switched = false; ///< the new writer took the role (true also when a step after it failed)
        bool rolledBack = false; ///< a failure before the new writer opened: the old writer is back
        bool cancelled = false; ///< stopped by Options::cancel (and rolled back)
        QList<Finding> checks;
        QStringList steps; ///< the intents, in order (what dryRun prints)
        StepError error;
        qint64 elapsedMs = 0; ///< from the first change to the new writer's opening
    };
    using EventSink = std::function<void(const SetupEvent&)>;

    Switchover(PairProfile profile, Options options, EventSink onEvent = {});
    ~Switchover();

    Outcome run();

    /** Writes @p writer (an index) into the profile file at @p path atomically, leaving the rest as it is. */
    static Result<void> saveWriter(const QString& path, const PairProfile& profile, int writer);

private:
    Outcome planned(OperationRun& run);
    QList<OperationStep> beforeOpening(OperationRun& run);
    QList<OperationStep> afterOpening(OperationRun& run);

    PairProfile m_profile;
    Options m_options;
    EventSink m_onEvent;
    int m_from = 0;
    int m_to = 1;
    std::shared_ptr<IntentJournal> m_journal; ///< the planned run's, when Options::journalPath is set
};
