#pragma once

#include "actions/tableshape.h"
#include "common/pairprofile.h"
#include "common/steperror.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <atomic>
#include <functional>

class ServerWorker;

/** A key range of one table whose content differs between the two servers at one point. */
struct ChunkDifference
{
    QString table; ///< "db.table"
    QStringList key; ///< the key's columns
    QStringList lower, upper; ///< (lower, upper] as SQL literals; empty = open (the whole table when both)
    qint64 rows[2] = { -1, -1 }; ///< rows of the range on A and B
    QJsonObject toJson(const QString& nameA, const QString& nameB) const;
    static ChunkDifference fromJson(const QJsonObject& o, const QString& nameA, const QString& nameB);
    QString rangeText() const;
};

/** What the live compare is asked to do. */
struct CompareOptions
{
    QStringList tables; ///< "db.table"; empty: every replicated table
    QString sinceColumn, sinceValue; ///< only rows whose sinceColumn >= sinceValue (a UTC time)
    double chunkSeconds = 0.5; ///< the time one chunk's checksum should take
    double maxLagSeconds = 1.0; ///< pause while a replica is further behind
    int maxThreadsRunning = 25; ///< pause while a source has more running threads
    qint64 firstChunkRows = 1000;
    int chunkTimeoutMs = 60000; ///< one chunk's exact comparison, both directions tried
};

/** Where the compare is, every chunk. */
struct CompareProgress
{
    int tablesDone = 0, tables = 0;
    qint64 chunks = 0, rows = 0, estimatedRows = 0;
    double secondsLeft = -1;
    QString table;
    bool throttled = false;
};

/** The outcome of a live compare (also what --resume reads back). */
struct CompareReport
{
    int tablesCompared = 0;
    qint64 chunks = 0, rows = 0;
    QList<ChunkDifference> differences;
    QStringList wholeTables; ///< tables without a usable key, checked whole
    QStringList skipped; ///< tables without the --since column
    QStringList notCompared; ///< chunks that found no point to compare at, and why
    QStringList doneTables; ///< finished, for --resume
    QString currentTable; ///< for --resume: the table under way and the last key compared
    QStringList currentLower;
    bool cancelled = false;
    QJsonObject toJson(const QString& nameA, const QString& nameB) const;
    static CompareReport fromJson(const QJsonObject& o, const QString& nameA, const QString& nameB);
};

/** The live compare: each table walked in chunks along its key, each chunk's checksum compared at one
 *  exact point of the source's binary log (FinalDataCheck's method: the replica's SQL thread held at that
 *  point for the chunk only, always started again), chunk sizes adapted to a target time, paused while a
 *  replica lags or a source is busy. Runs on the caller's (non-GUI) thread, waiting on the two workers. */
class ChunkedCompare
{
    Q_DECLARE_TR_FUNCTIONS(ChunkedCompare)
public:
    ChunkedCompare(
        const PairProfile& profile, ServerWorker* a, ServerWorker* b, const std::atomic_bool* cancel);
    void setOptions(const CompareOptions& options) { m_options = options; }
    /** Called after each chunk and while paused (on the caller's thread). */
    void setProgress(std::function<void(const CompareProgress&)> progress)
    {
        m_progress = std::move(progress);
    }
    /** Called after each chunk with the report so far (the --resume state). */
    void setCheckpoint(std::function<void(const CompareReport&)> checkpoint)
    {
        m_checkpoint = std::move(checkpoint);
    }
    /** Runs, starting from @p resumeFrom (an earlier, unfinished report) when given. */
    Result<CompareReport> run(const CompareReport& resumeFrom = {});
    /** A whole comparison of @p profile's pair with the default options: two workers made, connected and
     *  run; blocks, so call it off the GUI thread (the compare dialog and the daily check do). */
    static Result<CompareReport> runOnPair(const PairProfile& profile, const std::atomic_bool* cancel,
        std::function<void(const CompareProgress&)> progress = {});

    /** One range of one table compared at one point; the rows of each side in @p rows. Equal, Differs or
     *  Inconclusive as FinalDataCheck says. */
    enum class Verdict { Equal, Differs, Inconclusive };
    Verdict compareRange(const TableShape& t, const QStringList& lower, const QStringList& upper,
        qint64 rows[2], QString* why, qint64* sourceMs);

private:
    /** Writes what a finished comparison learnt into the pair's state (PairState): a whole comparison
     *  says equal or differs, a partial one only that the data differ. */
    void recordAgreement(const CompareReport& report) const;
    /** Waits while a replica is more than maxLagSeconds behind or a source runs too many threads. */
    Result<void> throttle();
    QString sinceWhere() const;
    bool cancelled() const { return m_cancel && m_cancel->load(); }

    PairProfile m_profile;
    ServerWorker* m_workers[2];
    const std::atomic_bool* m_cancel;
    CompareOptions m_options;
    std::function<void(const CompareProgress&)> m_progress;
    std::function<void(const CompareReport&)> m_checkpoint;
    CompareProgress m_now;
};
