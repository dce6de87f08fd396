#pragma once

#include "common/finding.h"
#include "common/pairprofile.h"

#include <QCoreApplication>
#include <QList>

class ServerWorker;

/** Everything checked before a switchover changes anything: both servers reachable, both directions
 *  running, the new writer's lag (by a heartbeat beat), no long write transaction on the old writer, no
 *  transaction on the new writer that the old one lacks, the same replication filters on both. Each check
 *  gives a Finding (Ok or Error, with a stable code and the fix). Blocks on the workers: run it off the GUI
 *  thread. */
class SwitchoverGuards
{
    Q_DECLARE_TR_FUNCTIONS(SwitchoverGuards)
public:
    struct Limits
    {
        int maxLagSec = 5; ///< the new writer must apply a beat of the old one within this
        int maxTransactionSec = 10; ///< an older write transaction on the old writer refuses the switch
    };

    SwitchoverGuards(const PairProfile& profile, ServerWorker* a, ServerWorker* b, int from, int to);

    /** The checks of a planned switchover, in order; stops after a server that cannot be reached. */
    QList<Finding> planned(const Limits& limits);
    /** The checks of a forced failover: the old writer is gone (else a planned switchover is the way),
     *  the new one answers and replicates from it. */
    QList<Finding> forced();
    /** The checks of a rejoin of the fenced server (the constructor's @p to) to the writer (@p from): it is
     *  fenced, both answer, and it holds no transaction the writer lacks (else only a rebuild brings it
     *  back). */
    QList<Finding> rejoin();

    static bool refused(const QList<Finding>& findings);

private:
    Finding reachable(int index);
    Finding threads(QList<Finding>& out);
    Finding lag(const Limits& limits);
    Finding longTransactions(const Limits& limits);
    Finding errantTransactions();
    Finding filters();

    Finding ok(const QString& code, const QString& server, const QString& text) const;
    Finding error(const QString& code, const QString& server, const QString& text, const QString& fix) const;

    const PairProfile& m_profile;
    ServerWorker* m_workers[2];
    const int m_from;
    const int m_to;
};
