#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"
#include "setup/setupevent.h"
#include "sql/replicastatus.h"
#include "sql/runningserver.h"

#include <QCoreApplication>
#include <atomic>
#include <functional>
#include <optional>
#include <type_traits>

class ServerWorker;
struct ServerContext;

/** Proves that a pair replicates: both threads running on both sides, then a test row written on
 *  each side arrives on the other. Runs on the runner's thread and waits on the two workers. A lost
 *  admin connection (killed, a network blip) is reopened and the statement repeated for up to
 *  reconnectWindowMs; every statement is safe to repeat. */
class PairVerifier
{
    Q_DECLARE_TR_FUNCTIONS(PairVerifier)
public:
    PairVerifier(const PairProfile& profile, ServerWorker* a, ServerWorker* b,
        const std::atomic_bool* cancel = nullptr);

    static constexpr int DefaultReconnectWindowMs = 20000;

    /** Server @p index must be the process @p restarted (the one that came back from setup's restart) when
     *  the verification starts, and so still when it ends: it stayed up since its restart. */
    void expectProcess(int index, const RunningServer& restarted) { m_restarted[index] = restarted; }

    /** The verify step: waitForThreads(), then roundTrip(), each reported to @p onEvent as it starts and
     *  ends (step "verify"); fails when either server is not the same process at the end as at the start
     *  (lost, restarted, or another server answering in its place). */
    Result<void> verify(int timeoutMs, const std::function<void(const SetupEvent&)>& onEvent);
    Result<QString> waitForThreads(int timeoutMs);
    /** The row test: a test row written on each side arrives on the other; the test table is dropped
     *  afterwards, also after a failure when that is safe (else the next run's test drops it). */
    Result<QString> roundTrip(int timeoutMs);
    /** The message for an IO thread refused by its source (1045), naming the address the source saw. */
    QString refusedMessage(int replica, const ReplicaStatus& status) const;
    /** How often the admin connection to server @p index had to be reopened so far. */
    int reconnects(int index) const { return m_reconnects[index]; }

private:
    Result<QString> testRows(int timeoutMs, bool& tableMade, QString& tokenFromB);
    /** The test table after a failed row test: dropped, or why it stays; a sentence for the error. */
    QString dropAfterFailure(const QString& tokenFromB);
    /** Runs @p fn on server @p index's worker, reconnecting and repeating it after a lost connection. */
    template<typename F> auto onServer(int index, F fn) -> std::invoke_result_t<F, ServerContext&>;
    Result<ReplicaStatus> status(int index);
    /** Which server process answers for server @p index. */
    Result<RunningServer> running(int index);
    /** Both servers are still the processes @p before (not restarted, not replaced, reachable). */
    Result<void> stillTheSame(const RunningServer (&before)[2]);
    Result<void> exec(int index, const QString& sql);
    /** Writes the test row on server @p index, also when it is the read-only server of a single-writer
     *  pair: the admin account writes there by its READ_ONLY ADMIN / SUPER privilege; MySQL's
     *  super_read_only, which stops even that, is lifted for this one statement (read_only stays ON). */
    Result<void> writeProbe(int index, const QString& sql);
    Result<bool> waitFor(int index, const QString& countSql, bool present, int timeoutMs);

    PairProfile m_profile;
    ServerWorker* m_workers[2];
    const std::atomic_bool* m_cancel;
    int m_reconnectWindowMs = DefaultReconnectWindowMs;
    std::atomic_int m_reconnects[2] = { 0, 0 };
    std::optional<RunningServer> m_restarted[2];
};
