#pragma once

#include "common/pairprofile.h"
#include "setup/setupevent.h"
#include "setup/setupoptions.h"

#include <functional>
#include <memory>

class ServerWorker;
struct ServerContext;

/** The two servers' workers, and one step run on both of them — at once, or one after the other —
 *  reporting each start, end and elapsed time as SetupEvents under the step's id. */
class PairWorkers
{
    Q_DECLARE_TR_FUNCTIONS(PairWorkers)
public:
    using ServerStep = std::function<Result<QString>(ServerContext&)>;
    using EventSink = std::function<void(const SetupEvent&)>;

    PairWorkers(const PairProfile& profile, const SetupOptions& options, EventSink onEvent);
    ~PairWorkers();

    ServerWorker* worker(int index) const { return m_workers[index].get(); }

    /** Runs @p forA on A and @p forB on B (an empty function skips that server). With @p stopOnError and
     *  one after the other, B is not started once A failed. The first error is returned, with its server
     *  and @p stepId filled in. */
    Result<void> run(const QString& stepId, const ServerStep& forA, const ServerStep& forB,
        bool stopOnError = true, bool oneAfterTheOther = false);

private:
    const PairProfile& m_profile;
    const bool m_sequential;
    const EventSink m_onEvent;
    std::unique_ptr<ServerWorker> m_workers[2];
};
