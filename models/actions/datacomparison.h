#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"

#include <QCoreApplication>
#include <QStringList>

class ServerWorker;

/** One table whose content differs between the two servers (or that only one has). */
struct TableDifference
{
    QString database;
    QString table;
    QString checksumA; ///< empty when the table is missing there
    QString checksumB;
};

/** Compares the replicated databases of a pair table by table (SnapshotChecksum's row checksum on both
 *  servers at once, "rows:xor:sum").
 *  Meaningful when replication has caught up; a table written during the comparison may show as different. */
class DataComparison
{
    Q_DECLARE_TR_FUNCTIONS(DataComparison)
public:
    /** Runs on the caller's (non-GUI) thread, waiting on the two workers. */
    static Result<QList<TableDifference>> compare(
        const PairProfile& profile, ServerWorker* a, ServerWorker* b, int* tablesCompared = nullptr);
};
