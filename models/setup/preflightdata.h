#pragma once

#include "common/finding.h"
#include "common/pairprofile.h"
#include "inspection/serverinspection.h"

#include <QCoreApplication>
#include <QList>

class ServerWorker;
struct CopyCheck;

/** Pre-flight verdicts on the data itself, which need both servers at once (the rest of Preflight only
 *  reads inspections). */
class PreflightData
{
    Q_DECLARE_TR_FUNCTIONS(PreflightData)
public:
    /** Whether both servers already hold tables in the replicated databases. */
    static bool bothHoldData(const PairProfile& profile, const ServerInspection (&in)[2]);
    /** No copy asked and both hold data: the row checksum of every replicated table on both at once; one
     *  "data-differs" error naming the tables that differ (or a warning when it could not compare). */
    static QList<Finding> compare(const PairProfile& profile, ServerWorker* a, ServerWorker* b);
    /** A copy asked: the database differences it will remove are no longer errors; its own verdicts
     *  (space, tools, a receiver that holds data) are added instead. */
    static QList<Finding> withCopy(const QList<Finding>& findings, const CopyCheck& check);
};
