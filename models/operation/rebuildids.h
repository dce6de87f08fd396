#pragma once

#include "common/stepid.h"
#include "operation/intentjournal.h"

/** The stable ids a rebuild uses, by the names the rebuild's code reads: its steps are StepId's, its
 *  journal actions IntentJournal::Action's (the one list each of those ids). */
struct RebuildIds
{
    // steps
    static inline const QString& Rebuild = StepId::Rebuild;
    static inline const QString& Guards = StepId::RebuildGuards;
    static inline const QString& ResetReplica = StepId::ResetReplica;
    static inline const QString& CheckRebuilt = StepId::CheckRebuilt;
    // journal actions
    static inline const QString& ReplicaStopped = IntentJournal::Action::ReplicaStopped;
    static inline const QString& ReplicaReset = IntentJournal::Action::ReplicaReset;
};
