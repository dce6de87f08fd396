#pragma once

#include "operation/switchover.h"

#include <QCoreApplication>

#include <memory>

class IntentJournal;
class OperationRun;

/** The forced move of the writer role when the writer is gone (switchover --force): the new writer
 *  applies everything its IO thread already received (bounded), stops replicating from the old one and
 *  opens; the old writer is fenced (PairState) and its option file made read-only where its host can be
 *  reached, so that it comes back read-only; the hooks run. Journalled like the planned switch: a run
 *  killed before the new writer opened is put back by `recover` (its replication started again). */
class Failover
{
    Q_DECLARE_TR_FUNCTIONS(Failover)
public:
    Failover(const PairProfile& profile, const Switchover::Options& options, OperationRun& run);

    Switchover::Outcome run();

private:
    QList<OperationStep> steps();

    const PairProfile& m_profile;
    const Switchover::Options& m_options;
    OperationRun& m_run;
    const int m_from;
    const int m_to;
    std::shared_ptr<IntentJournal> m_journal; ///< when Options::journalPath is set
};
