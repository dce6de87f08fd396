#pragma once

#include <QString>

/** The stable ids a rebuild adds: its steps (events, errors, the journal) and the journal actions recover
 *  undoes. Kept here rather than in StepId / IntentJournal::Action so that adding them does not rebuild
 *  every file of the engine; they follow the same rules (lowercase words joined by dashes, never
 *  translated). */
struct RebuildIds
{
    // steps
    static inline const QString Rebuild = QStringLiteral("rebuild");
    static inline const QString Guards = QStringLiteral("rebuild-guards");
    static inline const QString ResetReplica = QStringLiteral("reset-replica");
    static inline const QString CheckRebuilt = QStringLiteral("check-rebuilt");
    // journal actions
    /** A replica stopped for the time of an operation; undo: started again. {"wasRunning"} */
    static inline const QString ReplicaStopped = QStringLiteral("replica-stopped");
    /** A replica's settings removed; their password is not known afterwards, so recover says what they
     *  were and that a rebuild sets them up anew. {"host","port","user","file","position","gtidSlavePos"} */
    static inline const QString ReplicaReset = QStringLiteral("replica-reset");
};
