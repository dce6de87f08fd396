#pragma once

#include "configplan.h"
#include "pairprofile.h"
#include "preflight.h"
#include "serverinspection.h"
#include "setupplan.h"

/** The steps a setup will run, as shown before it runs: exact SQL (passwords redacted), config diffs,
 *  what is checked afterwards and how each step is undone. */
class PlanBuilder
{
public:
    /** Empty when both directions replicate and every setting is in place. */
    static QList<PlanStep> steps(const PairProfile &profile, const ServerInspection (&inspections)[2],
                                 const ConfigPlan (&configs)[2], const DirectionState (&directions)[2], bool gtid);
};
