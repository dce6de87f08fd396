#pragma once

#include "common/finding.h"
#include "common/owntables.h"
#include "common/pairprofile.h"
#include "inspection/serverinspection.h"

#include <QCoreApplication>
#include <QList>

/** Where a replication direction stands before setup touches it. */
enum class DirectionState {
    Fresh, ///< the replica is not configured
    Healthy, ///< replicates from the peer, both threads running
    Resumable, ///< points at the peer but stopped or refused (no SQL error): new credentials + start
    Broken, ///< points at the peer, halted on an SQL error: a human must look
    Foreign, ///< replicates from some other server
};

/** The pre-flight checks: every problem of the pair at once, each with a clear verdict. */
class Preflight
{
    Q_DECLARE_TR_FUNCTIONS(Preflight)
public:
    /** @p peerReachable[i]: whether server i's host could open a TCP connection to its peer (-1 unknown). */
    static QList<Finding> check(
        const PairProfile& pair, const ServerInspection (&in)[2], bool gtid, const int (&peerReachable)[2]);
    /** State of the direction into server @p replica (from its peer). */
    static DirectionState direction(const PairProfile& pair, const ServerInspection (&in)[2], int replica);
    /** Objects names the probe and heartbeat tables use; never the user's own tables. */
    static QString probeTable() { return OwnTables::Probe; }
};
