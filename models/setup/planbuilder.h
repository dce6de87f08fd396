#pragma once

#include "common/pairprofile.h"
#include "config/configplan.h"
#include "inspection/serverinspection.h"
#include "replication/replicastartpoint.h"
#include "setup/preflight.h"
#include "setup/setupplan.h"

#include <QCoreApplication>
/** The steps a setup will run, as shown before it runs: exact SQL (passwords redacted), config diffs,
 *  what is checked afterwards and how each step is undone. */
class PlanBuilder
{
    Q_DECLARE_TR_FUNCTIONS(PlanBuilder)
public:
    /** Empty when both directions replicate and every setting is in place. @p starts: where the replica of
     *  each server starts (PairDataSteps::decideStartPoints), shown as the run will find it. */
    static QList<PlanStep> steps(const PairProfile& profile, const ServerInspection (&inspections)[2],
        const ConfigPlan (&configs)[2], const DirectionState (&directions)[2], bool gtid,
        const PlannedStart (&starts)[2]);
};
