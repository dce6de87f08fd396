#pragma once

#include "common/pairprofile.h"
#include "setup/serverinspection.h"
#include "setup/setupevent.h"
#include "setup/setupplan.h"

#include <QObject>
#include <QThread>

#include <memory>

#include <atomic>
#include <functional>

class ServerWorker;
class HostShell;

/** Runs inspect, plan or setup for a pair on a thread of its own. Per-server work goes to the two
 *  ServerWorkers (both at once where the plan allows); this thread only sequences and waits on them,
 *  so neither the GUI thread nor the CLI's event loop ever waits on the network. */
class SetupRunner : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Inspect, Plan, Setup };

    explicit SetupRunner(PairProfile profile, QObject* parent = nullptr);
    ~SetupRunner() override;

    /** Starts the run; finished() follows. */
    void start(Mode mode);
    /** Asks a running setup to stop at the next safe point (never inside the read lock). */
    void cancel();
    bool isRunning() const;

    /** Runs every per-server step one server after the other (for the benchmark). */
    void setSequential(bool on) { m_sequential = on; }
    void setVerifyTimeoutMs(int ms) { m_verifyTimeoutMs = ms; }
    void setRestartTimeoutMs(int ms) { m_restartTimeoutMs = ms; }
    /** How host shells are made (tests inject an SSH fixture's settings); default: makeHostShell(). */
    void setShellFactory(std::function<Result<std::unique_ptr<HostShell>>(const ServerProfile&)> factory)
    {
        m_shellFactory = std::move(factory);
    }
    /** Test hook: called on the runner thread after each step id; may kill a server, etc. */
    void setAfterStepHook(std::function<void(const QString& step)> hook) { m_afterStep = std::move(hook); }

    // Results, valid after finished()
    const SetupPlan& plan() const { return m_plan; }
    const ServerInspection& inspection(int index) const { return m_inspection[index]; }
    bool succeeded() const { return m_ok; }
    const StepError& error() const { return m_error; }
    /** What the run changed: backups, created files, users; kept next to the profile as a journal. */
    QJsonObject journal() const { return m_journal; }

Q_SIGNALS:
    void event(const SetupEvent& event);
    void inspected();
    void planReady();
    void finished(bool ok);

private:
    friend class SetupRun;
    void runOnThread(Mode mode);

    PairProfile m_profile;
    std::unique_ptr<QThread> m_thread;
    std::atomic_bool m_cancel { false };
    std::atomic_bool m_running { false };
    bool m_sequential = false;
    int m_verifyTimeoutMs = 30000;
    int m_restartTimeoutMs = 90000;
    std::function<void(const QString&)> m_afterStep;
    std::function<Result<std::unique_ptr<HostShell>>(const ServerProfile&)> m_shellFactory;

    SetupPlan m_plan;
    ServerInspection m_inspection[2];
    bool m_ok = false;
    StepError m_error;
    QJsonObject m_journal;
};
