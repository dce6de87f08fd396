#pragma once

#include "common/stepid.h"
#include "config/configplan.h"
#include "copy/copycheck.h"
#include "copy/datacopy.h"
#include "copy/physicalcheck.h"
#include "replication/replicastartpoint.h"
#include "setup/finaldatacheck.h"
#include "setup/preflight.h"
#include "setup/setupevent.h"
#include "setup/setupplan.h"

#include <QCoreApplication>
#include <functional>
#include <optional>

class ServerWorker;

/** The data side of a setup run, so that it never calls a pair verified while the copies differ:
 *  the pre-flight verdicts on the data (compare, or check the copy asked for), the copy itself, the
 *  points each replica starts from (never later than the data was last known equal) and the comparison
 *  at the end. Lives on the run's thread and waits on the two workers. */
class PairDataSteps
{
    Q_DECLARE_TR_FUNCTIONS(PairDataSteps)
public:
    using EventSink = std::function<void(const SetupEvent&)>;

    PairDataSteps(const PairProfile& profile, ServerWorker* a, ServerWorker* b, EventSink onEvent);

    /** Right after the inspection: start points where the binary log is on (read before any comparison),
     *  then the data compared, or the copy checked; returns @p findings with the data verdicts. */
    QList<Finding> preflight(const ServerInspection (&in)[2], const DirectionState (&directions)[2],
        const QList<Finding>& findings);
    /** Before the plan: how the replica of each server will find its start point (ReplicaStartPoint::rule,
     *  from the copy asked, the point read at the inspection and whether the config step's restart turns
     *  the binary log on). The plan shows it, the run follows it. */
    void decideStartPoints(const ServerInspection (&in)[2], const ConfigPlan (&configs)[2]);
    /** What decideStartPoints decided, for the plan. */
    const PlannedStart (&plannedStarts() const)[2] { return m_planned; }
    /** The copy's step for the plan, when one is asked. */
    std::optional<PlanStep> planStep() const;
    /** With a copy, its step replaces the coordinate reads (the copy brings them); the verification
     *  step says that the data is compared at the end. */
    void adjustPlan(QList<PlanStep>& steps) const;
    /** Right after the config step: where a restart turned a binary log on, the start of its new file. */
    void afterConfig(const ServerInspection (&in)[2]);
    /** The copy, when asked; true when there is none. Errors go to @p error. */
    bool copy(const std::atomic_bool* cancel, StepError* error);
    /** Whether the copy is the physical one (the whole server, its accounts included: the replication
     *  accounts are made again after it). */
    bool physical() const { return m_physical; }
    /** What the copy did, for the setup journal (empty when there was none): no secret in it. */
    QJsonObject journalEntry() const;
    /** Where the replica of server @p source starts, when its rule is not the locked read and the point
     *  was found (else the coordinates step reads it). */
    std::optional<BinlogCoordinates> startPoint(int source) const;
    /** Whether the planned start point of @p source (not the locked read) could not be found. */
    bool plannedStartMissing(int source) const;
    /** What the start point of @p source stands for, for the log. */
    QString startPointReason(int source) const;
    /** The end of a setup: the replicated tables compared at one exact point (FinalDataCheck). Fails
     *  naming the tables that differ (and, where this setup's restart turned a binary log on while the
     *  server held data, why); else the outcome, Equal or Inconclusive, for the run's last line. */
    Result<FinalDataCheck::Outcome> compareAtEnd(int timeoutMs, const std::atomic_bool* cancel);

private:
    void report(SetupEvent::Kind kind, const QString& server, const QString& text, qint64 ms = -1,
        const QJsonObject& data = {}, const QString& step = StepId::Copy);

    PairProfile m_profile;
    ServerWorker* m_workers[2];
    EventSink m_onEvent;
    std::optional<BinlogCoordinates> m_start[2];
    PlannedStart m_planned[2];
    QString m_startReason[2];
    bool m_binlogTurnedOnWithData[2]
        = { false, false }; ///< rows written before that restart are in no binary log
    std::optional<CopyCheck> m_copyCheck;
    std::optional<PhysicalCopyCheck> m_physicalCheck;
    bool m_physical = false;
    std::optional<CopyResult> m_copied;
};
