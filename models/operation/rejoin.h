#pragma once

#include "common/finding.h"
#include "common/pairprofile.h"
#include "operation/operationstep.h"
#include "setup/setupevent.h"
#include "setup/setupoptions.h"

#include <QCoreApplication>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class IntentJournal;
class OperationRun;

/** Brings a fenced server (left behind by a forced failover) back into the pair without copying data,
 *  when it holds no transaction the writer lacks: kept read-only (live and in its option file), its
 *  replication from the writer running and caught up, the writer's replication from it started again,
 *  both directions checked, and the fence lifted. When it holds transactions of its own the guards refuse
 *  and name the rebuild. Journalled: `recover` puts back a run killed half-way. run() blocks on the
 *  servers' workers: call it off the GUI thread. */
class Rejoin
{
    Q_DECLARE_TR_FUNCTIONS(Rejoin)
public:
    struct Options
    {
        int server = 0; ///< index of the fenced server
        int timeoutSec = 30; ///< how long to wait for it to catch up and for the threads to run
        bool dryRun = false;
        SetupOptions::ShellFactory shellFactory;
        QString journalPath; ///< non-empty: the intents are journalled there
        /** Set from another thread (SIGINT, SIGTERM) to stop before the next step, undoing the taken. */
        std::shared_ptr<std::atomic_bool> cancel;
    };
    struct Outcome
    {
        bool ok = false;
        bool refused = false;
        bool cancelled = false;
        QList<Finding> checks;
        QStringList steps;
        StepError error;
    };

    Rejoin(PairProfile profile, Options options, std::function<void(const SetupEvent&)> onEvent);
    ~Rejoin();
    Outcome run();

private:
    QList<OperationStep> steps(OperationRun& run);

    PairProfile m_profile;
    Options m_options;
    std::function<void(const SetupEvent&)> m_onEvent;
    std::shared_ptr<IntentJournal> m_journal;
};
