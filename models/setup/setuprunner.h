#pragma once

#include "common/pairprofile.h"
#include "inspection/serverinspection.h"
#include "setup/setupevent.h"
#include "setup/setupoptions.h"
#include "setup/setupplan.h"

#include <QObject>
#include <QThread>

#include <memory>

/** Runs inspect, plan or setup for a pair on a thread of its own. Per-server work goes to the two
 *  ServerWorkers (both at once where the plan allows); this thread only sequences and waits on them,
 *  so neither the GUI thread nor the CLI's event loop ever waits on the network. The run (SetupRun)
 *  gets a copy of the profile and options and the cancel flag; it reports events as it goes and hands
 *  back a SetupResult, which is stored here in the runner's own thread just before finished(). */
class SetupRunner : public QObject
{
    Q_OBJECT
public:
    using Mode = SetupMode;

    explicit SetupRunner(PairProfile profile, QObject* parent = nullptr);
    ~SetupRunner() override;

    /** Starts the run; finished() follows. */
    void start(Mode mode);
    /** Asks a running setup to stop at the next safe point (never inside the read lock). */
    void cancel();
    bool isRunning() const { return m_running; }

    /** Options for the next start(). */
    SetupOptions& options() { return m_options; }
    /** Runs every per-server step one server after the other (for the benchmark). */
    void setSequential(bool on) { m_options.sequential = on; }
    void setVerifyTimeoutMs(int ms) { m_options.verifyTimeoutMs = ms; }
    void setRestartTimeoutMs(int ms) { m_options.restartTimeoutMs = ms; }
    /** How host shells are made (tests inject an SSH fixture's settings); default: makeHostShell(). */
    void setShellFactory(SetupOptions::ShellFactory factory) { m_options.shellFactory = std::move(factory); }
    /** Test hook: called on the run's thread after the step with this id; may kill a server, etc. */
    void setAfterStepHook(std::function<void(const QString& stepId)> hook)
    {
        m_options.afterStep = std::move(hook);
    }

    // Results, valid after finished()
    const SetupResult& result() const { return m_result; }
    const SetupPlan& plan() const { return m_result.plan; }
    const ServerInspection& inspection(int index) const { return m_result.inspection[index]; }
    bool succeeded() const { return m_result.ok; }
    const StepError& error() const { return m_result.error; }
    /** What the run changed: backups, created files, users; also appended to the journal file. */
    QJsonObject journal() const { return m_result.journal; }

Q_SIGNALS:
    /** Emitted from the run's thread; connect with a context object in the receiver's thread. */
    void event(const SetupEvent& event);
    void finished(bool ok);

private:
    void deliver(const SetupResult& result);

    const PairProfile m_profile;
    SetupOptions m_options;
    std::unique_ptr<QThread> m_thread;
    CancelFlag m_cancel;
    bool m_running = false; ///< touched in the runner's own thread only
    SetupResult m_result;
};
