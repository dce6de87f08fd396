#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"
#include "setup/snapshotchecksum.h"

#include <QCoreApplication>
#include <QStringList>
#include <atomic>
#include <functional>
#include <optional>

class ServerWorker;

/** The end of a setup: the replicated tables compared at one exact point, also while writes go on.
 *  For a direction source S → replica R: R's SQL thread is stopped; S applies everything R had written;
 *  S opens a consistent snapshot and reads the binary log position it matches; R's SQL thread runs until
 *  exactly that position and stops; the tables are checksummed inside S's snapshot and on the stopped R;
 *  R's SQL thread is started again (always, also on failure). The comparison counts only when R took no
 *  write of its own meanwhile (its binary log and its own GTIDs did not move); otherwise the other
 *  direction is tried, then again, within a bound. */
class FinalDataCheck
{
    Q_DECLARE_TR_FUNCTIONS(FinalDataCheck)
public:
    enum class Verdict { Equal, Differs, Inconclusive };
    struct Outcome
    {
        Verdict verdict = Verdict::Inconclusive;
        QString text; ///< for people: what was compared, or why it could not be
        QStringList tables; ///< "db.table" that differ
        int compared = 0;
        int source = -1; ///< the direction that gave the verdict: its source's index
        int moreRows = -1; ///< the server with more rows in every table that differs, else -1
        /** A replica's SQL thread that could not be started again after the check: setup must fail. */
        std::optional<StepError> restartFailed;
        SnapshotChecksum::Sums sourceSums, replicaSums; ///< what the two reads gave
    };
    /** What is read on each side at the point: on the source inside its snapshot, on the replica while
     *  its SQL thread is held there. By default every replicated table's checksum (SnapshotChecksum). */
    using Read = std::function<Result<SnapshotChecksum::Sums>(ServerContext&)>;
    void setReads(Read source, Read replica);
    /** The direction tried first (its source's index); with @p only, the other is never tried. */
    void setFirstSource(int source, bool only = false);
    FinalDataCheck(
        const PairProfile& profile, ServerWorker* a, ServerWorker* b, const std::atomic_bool* cancel);
    Outcome run(int timeoutMs, int rounds = 3);

private:
    /** One comparison with @p s as source and @p r as replica; Inconclusive carries why in text. */
    Outcome compareDirection(int s, int r, qint64 deadline);
    /** Seconds left before @p deadline for one wait, 1 to 20. */
    static int secondsLeft(qint64 deadline);
    bool stopped() const;

    PairProfile m_profile;
    ServerWorker* m_workers[2];
    const std::atomic_bool* m_cancel;
    std::optional<StepError> m_restartFailed;
    Read m_sourceRead, m_replicaRead;
    int m_firstSource = 0;
    bool m_onlyFirst = false;
};
