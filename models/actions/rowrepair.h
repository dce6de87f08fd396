#pragma once

#include "actions/chunkedcompare.h"

#include <QCoreApplication>
#include <QStringList>
#include <atomic>

class ServerWorker;

/** One row that differs between the source and the target of a repair (values as SQL literals). */
struct RowDifference
{
    enum class Kind { MissingOnTarget, ExtraOnTarget, Different };
    Kind kind = Kind::Different;
    QStringList key; ///< the key's values
    QStringList columns; ///< Different: the columns that differ; else every column
    QStringList source, target; ///< the values of columns on each side (empty on the side without the row)
    static QString kindId(Kind kind);
};

/** What a repair found and did. */
struct RepairReport
{
    QString table;
    QStringList key;
    QList<ChunkDifference> chunks; ///< the differing key ranges
    QList<RowDifference> rows;
    QStringList statements; ///< what was (or, dry run, would be) run on the target with sql_log_bin = 0
    QStringList notCompared; ///< ranges that found no point to compare at
    bool applied = false;
    bool equalAfter = false; ///< the re-check after applying found the table equal
};

/** Brings one table of the target to the source's rows: the table is compared chunk by chunk
 *  (ChunkedCompare); each differing range is read on both servers at one point (the target's SQL thread
 *  held there, FinalDataCheck's method) and, when applying, the target's rows are changed right then, with
 *  sql_log_bin = 0 (nothing flows back to the source) in transactions of at most 100 rows, before its SQL
 *  thread goes on. Then the table is compared again. Tables without a primary or unique key are refused. */
class RowRepair
{
    Q_DECLARE_TR_FUNCTIONS(RowRepair)
public:
    RowRepair(const PairProfile& profile, ServerWorker* a, ServerWorker* b, const std::atomic_bool* cancel);
    /** @p table "db.table"; @p from the source's index; @p apply false: find and plan only. */
    Result<RepairReport> run(const QString& table, int from, bool apply);
    /** The statements that make the target's row equal to the source's. */
    static QStringList statementsFor(const TableShape& t, const RowDifference& d);
    /** The row differences of two sorted-by-nothing row lists (each row: every column's literal). */
    static QList<RowDifference> diff(
        const TableShape& t, const QList<QStringList>& source, const QList<QStringList>& target);

private:
    PairProfile m_profile;
    ServerWorker* m_workers[2];
    const std::atomic_bool* m_cancel;
};
