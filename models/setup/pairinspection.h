#pragma once

#include "common/finding.h"
#include "inspection/serverinspection.h"
#include "setup/pairworkers.h"
#include "setup/preflighttls.h"

#include <QCoreApplication>
#include <QStringList>

class PairDataSteps;

/** Step 1 of the checklist: both servers inspected at once, each host's reach to its peer, GTID or
 *  file/position, and every pre-flight finding — the rules first, then the data's own verdicts. */
class PairInspection
{
    Q_DECLARE_TR_FUNCTIONS(PairInspection)
public:
    PairInspection(const PairProfile& profile, PairWorkers& workers, PairDataSteps& data);

    /** Inspects both servers; the error of a server that could not be inspected, else nothing. */
    Result<void> run();

    ServerInspection in[2];
    int peerReachable[2] = { -1, -1 }; ///< 1 answers, 0 does not, -1 could not be checked
    bool gtid = false;
    TlsServerFacts tls[2];
    QList<Finding> findings;
    QStringList stepsDone; ///< step ids that succeeded on both servers

    /** How long the host calls of the inspection's batch may take (the peer probe and TLS check time out
     *  well before). */
    static constexpr int PrefetchTimeoutMs = 30000;

private:
    /** What the next steps will run on server @p index's host (the peer probe, the TLS check, the server
     *  process with its option files, the restart command's program), known once it is inspected. */
    QStringList hostCommands(int index, const ServerInspection& inspected) const;
    void reachPeers();
    void checkTls();

    const PairProfile& m_profile;
    PairWorkers& m_workers;
    PairDataSteps& m_data;
};
