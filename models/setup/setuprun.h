#pragma once

#include "config/configplan.h"
#include "config/configpush.h"
#include "replication/replicationsteps.h"
#include "setup/pairworkers.h"
#include "setup/preflight.h"
#include "setup/setupevent.h"
#include "setup/setupjournal.h"
#include "setup/setupoptions.h"

#include <QCoreApplication>

#include <functional>

class IntentJournal;
class PairDataSteps;
struct ServerContext;

/** One run of the checklist, step by step, on both servers' workers; lives on SetupRunner's thread.
 *  It holds copies of what it needs (profile, options, the shared cancel flag), reports each event
 *  through a callback and hands back a SetupResult: it never touches its owner. The replication steps
 *  (account, start points, CHANGE MASTER) are in setuprunreplication.cpp. */
class SetupRun
{
    Q_DECLARE_TR_FUNCTIONS(SetupRun)
public:
    using EventSink = std::function<void(const SetupEvent&)>;

    SetupRun(PairProfile profile, SetupOptions options, CancelFlag cancel, EventSink onEvent);
    ~SetupRun();
    SetupResult run(SetupMode mode);

private:
    using ServerStep = PairWorkers::ServerStep;

    /** Runs the step on both servers (see PairWorkers::run); a failure with @p stopOnError ends the run,
     *  a success is noted in the journal. */
    bool perServer(const QString& stepId, const ServerStep& forA, const ServerStep& forB,
        bool stopOnError = true, bool oneAfterTheOther = false);
    /** perServer() on the servers for which @p wanted(index) holds; true when there are none. */
    bool perServerWhere(const QString& stepId, const ServerStep& fn, const std::function<bool(int)>& wanted,
        bool oneAfterTheOther = false);
    bool cancelled();
    void report(SetupEvent::Kind kind, const QString& server, const QString& stepId, const QString& text,
        qint64 ms = -1, const QString& code = {});
    bool fail(const StepError& error);
    void afterStep(const QString& stepId);

    bool runSteps(SetupMode mode);
    /** Refuses to start after an interrupted run (recover first) or beside a running one; else writes the
     *  run's "begin" to the journal at @p path and hands the journal to both servers' workers. */
    bool beginJournal(const QString& path);
    bool refuseOnPreflightErrors();
    /** With an approved plan: the plan made now has its fingerprint, else the run stops here. */
    bool approvedPlanHolds();
    bool inspect();
    bool planChanges();
    bool applyConfig();
    bool createUsers();
    bool readCoordinates();
    bool changeSources();
    bool verify();
    /** Sets the writer role live (read_only), the reader first; the option files hold it already. */
    bool applyWriterRole();
    /** The final comparison and the run's last line; @p sinceStartMs: the run's time so far. */
    bool compareData(qint64 sinceStartMs);
    void buildPlanSteps();
    bool copyData();
    void ensureHeartbeatTable();

    const PairProfile m_profile;
    const SetupOptions m_options;
    const CancelFlag m_cancel;
    const EventSink m_onEvent;
    SetupResult m_result;
    PairWorkers m_pair;
    std::unique_ptr<PairDataSteps> m_data; ///< data verdicts, the copy, start points, final comparison
    ServerInspection m_in[2];
    bool m_gtid = false;
    ConfigPlan m_config[2];
    QMap<QString, QByteArray> m_optionFiles[2]; ///< every option file read, as read (for the fingerprint)
    ConfigPush::Applied m_applied[2]; ///< what the config step did on each server, failed or not
    DirectionState m_direction[2] = { DirectionState::Fresh, DirectionState::Fresh };
    QString m_password[2]; ///< generated replication passwords, memory only
    BinlogCoordinates m_coordinates[2];
    SetupJournal m_journal;
    std::shared_ptr<IntentJournal> m_intents; ///< the intent lines of a setup run (none for inspect/plan)
    bool m_failed = false;
};
