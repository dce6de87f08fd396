#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"
#include "sql/replicastatus.h"

#include <QCoreApplication>
#include <atomic>

class ServerWorker;

/** Proves that a pair replicates: both threads running on both sides, then a test row written on
 *  each side arrives on the other. Runs on the runner's thread and waits on the two workers. */
class PairVerifier
{
    Q_DECLARE_TR_FUNCTIONS(PairVerifier)
public:
    PairVerifier(const PairProfile& profile, ServerWorker* a, ServerWorker* b,
        const std::atomic_bool* cancel = nullptr);

    Result<QString> waitForThreads(int timeoutMs);
    Result<QString> roundTrip(int timeoutMs);
    /** The message for an IO thread refused by its source (1045), naming the address the source saw. */
    QString refusedMessage(int replica, const ReplicaStatus& status) const;

private:
    Result<ReplicaStatus> status(int index);
    Result<void> exec(int index, const QString& sql);
    Result<bool> waitFor(int index, const QString& countSql, bool present, int timeoutMs);

    PairProfile m_profile;
    ServerWorker* m_workers[2];
    const std::atomic_bool* m_cancel;
};
