#pragma once

#include "config/configplan.h"
#include "config/configpush.h"
#include "setup/preflight.h"
#include "setup/replicationsteps.h"
#include "setup/setupjournal.h"
#include "setup/setuprunner.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMutex>

#include <array>
#include <functional>
#include <memory>

class ServerWorker;
struct ServerContext;

/** One run of SetupRunner on its thread: the checklist, step by step, on both servers' workers. */
class SetupRun
{
    Q_DECLARE_TR_FUNCTIONS(SetupRun)
public:
    SetupRun(SetupRunner& runner, const PairProfile& profile);
    ~SetupRun();
    bool run(SetupRunner::Mode mode);

private:
    using ServerStep = std::function<Result<QString>(ServerContext&)>;

    /** Runs the given steps on both workers at once (or one after the other when sequential), reporting
     *  start, end and elapsed time of each; false when any failed (the first error is kept). */
    bool perServer(const QString& step, const ServerStep& forA, const ServerStep& forB,
        bool stopOnError = true, bool oneAfterTheOther = false);
    /** perServer() on the servers for which @p wanted(index) holds; true when there are none. */
    bool perServerWhere(const QString& step, const ServerStep& fn, const std::function<bool(int)>& wanted,
        bool oneAfterTheOther = false);
    bool cancelled();
    void report(SetupEvent::Kind kind, const QString& server, const QString& step, const QString& text,
        qint64 ms = -1);
    bool fail(const StepError& error);
    void afterStep(const QString& step);

    bool inspect();
    bool planChanges();
    void buildPlanSteps();
    bool applyConfig();
    bool createUsers();
    bool readCoordinates();
    bool changeSources();
    bool verify();
    void ensureHeartbeatTable();
    void writeJournal();

    SetupRunner& m_runner;
    PairProfile m_profile;
    std::unique_ptr<ServerWorker> m_workers[2];
    ServerInspection m_in[2];
    int m_peerReachable[2] = { -1, -1 };
    bool m_gtid = false;
    ConfigPlan m_config[2];
    ConfigPush::Applied m_applied[2]; ///< what the config step did on each server, failed or not
    DirectionState m_direction[2] = { DirectionState::Fresh, DirectionState::Fresh };
    QString m_password[2]; ///< generated replication passwords, memory only
    BinlogCoordinates m_coordinates[2];
    SetupJournal m_journal;
    bool m_failed = false;
};
