#pragma once

#include "common/finding.h"
#include "common/pairprofile.h"
#include "operation/operationstep.h"
#include "setup/setupevent.h"
#include "setup/setupoptions.h"

#include <QCoreApplication>
#include <QList>

#include <functional>
#include <memory>

class IntentJournal;

class PairWorkers;
class ServerWorker;
struct ServerContext;

/** The spine of an operation on a running pair, as switchover and failover use it: the two servers'
 *  workers, steps taken one by one (intent reported before, outcome after), the undo of the steps taken,
 *  in reverse, and the events that faces and the journal read. Blocks on the workers: run it off the GUI
 *  thread. */
class OperationRun
{
    Q_DECLARE_TR_FUNCTIONS(OperationRun)
public:
    using EventSink = std::function<void(const SetupEvent&)>;

    OperationRun(const PairProfile& profile, SetupOptions::ShellFactory shellFactory, EventSink onEvent);
    ~OperationRun();

    ServerWorker* worker(int index) const;
    const PairProfile& profile() const { return m_profile; }

    /** Runs @p fn on server @p index's worker and waits for it. */
    Result<QString> onServer(int index, std::function<Result<QString>(ServerContext&)> fn) const;

    /** Reports the intent, takes the step, reports its outcome; false (error() set) when it failed. */
    bool take(const OperationStep& step);
    /** Undoes the steps taken, last first, reporting each; says whether every undo worked. */
    bool undoTaken();
    /** Forgets the steps taken: past the point of no return there is nothing to undo. */
    void commitTaken() { m_taken.clear(); }

    const StepError& error() const { return m_error; }
    void report(SetupEvent::Kind kind, int server, const QString& step, const QString& text,
        const QString& code = {}) const;
    /** Begins the run of @p operation in the intent journal @p path (IntentJournal::beginIfFree); when the
     *  pair's last run still runs or left changes, reports the refusal and returns it. No journal (nullptr)
     *  for an empty @p path. */
    Result<std::shared_ptr<IntentJournal>> beginJournal(const QString& path, const QString& operation) const;
    /** For a dry run: what beginJournal() would refuse, as a finding (code "run-not-ended": the pair's last
     *  run still runs, or was interrupted and left changes for recover) reported as a warning of @p step and
     *  added to @p checks; nothing when a run may begin. */
    void addJournalCheck(const QString& path, const QString& step, QList<Finding>& checks) const;

private:
    const PairProfile& m_profile;
    EventSink m_onEvent;
    std::unique_ptr<PairWorkers> m_workers;
    QList<OperationStep> m_taken;
    StepError m_error;
};
