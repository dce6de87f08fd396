#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"

#include <QCoreApplication>
#include <QStringList>
#include <atomic>

class ServerWorker;

/** The end of a setup: once each replica has executed up to its source's position, the replicated tables
 *  are compared on both (CHECKSUM TABLE). A comparison counts only when no server's binary log moved
 *  while it ran; otherwise it is repeated, within a bound. */
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
    };
    FinalDataCheck(
        const PairProfile& profile, ServerWorker* a, ServerWorker* b, const std::atomic_bool* cancel);
    Outcome run(int timeoutMs, int rounds = 4);

private:
    /** Waits until the replica @p j has executed what its source had at @p target (file:position). */
    bool waitCaughtUp(int j, const QString& file, qint64 pos, qint64 deadline, QString* why);

    PairProfile m_profile;
    ServerWorker* m_workers[2];
    const std::atomic_bool* m_cancel;
};
