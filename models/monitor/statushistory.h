#pragma once

#include "monitor/statussample.h"

#include <QList>
#include <cmath>
#include <limits>

/** What the history keeps of one sample: 24 bytes. NaN stands for "unknown" (SQL NULL stays distinct from 0).
 */
struct HistoryPoint
{
    enum Flag : quint8 {
        Reachable = 1,
        IoRunning = 2,
        SqlRunning = 4,
        Error = 8,
        ReadOnly = 16,
        Configured = 32
    };

    qint64 timeMs = 0;
    float secondsBehind = std::numeric_limits<float>::quiet_NaN();
    float heartbeatLag = std::numeric_limits<float>::quiet_NaN();
    float backlogBytes = std::numeric_limits<float>::quiet_NaN();
    quint8 flags = 0;

    static HistoryPoint fromSample(const StatusSample& sample);
    bool has(Flag f) const { return flags & f; }
};

/** min / max / last of one metric over a bucket; all NaN when the bucket had no value. */
struct MetricSummary
{
    float min = std::numeric_limits<float>::quiet_NaN();
    float max = std::numeric_limits<float>::quiet_NaN();
    float last = std::numeric_limits<float>::quiet_NaN();

    void add(float value);
    void merge(const MetricSummary& other);
    bool isEmpty() const { return std::isnan(last); }
};

/** A time range summarised for a chart: one point per bucket. */
struct HistoryBucket
{
    qint64 startMs = 0;
    qint64 endMs = 0; ///< time of the last sample in the bucket
    int count = 0;
    MetricSummary secondsBehind;
    MetricSummary heartbeatLag;
    MetricSummary backlogBytes;
    quint8 flagsAll = 0xff; ///< flags set in every sample of the bucket (e.g. "SQL thread ran throughout")
    quint8 flagsAny = 0; ///< flags set in at least one sample
    quint8 flagsLast = 0;

    void add(const HistoryPoint& p);
    void merge(const HistoryBucket& other);
};

/** Bounded history of samples per server: a ring of raw points and a ring of one-minute summaries
 *  for longer ranges. Memory grows with the samples up to the capacities; a query returns at most maxPoints
 * buckets of min/max/last. Used from one thread (the face's). */
class StatusHistory
{
public:
    static constexpr int DefaultRawCapacity = 86400 + 3600; ///< a day and an hour of 1 Hz samples
    static constexpr int DefaultCoarseCapacity = 7 * 24 * 60; ///< a week of minutes
    static constexpr qint64 CoarseBucketMs = 60 * 1000;

    explicit StatusHistory(
        int servers = 2, int rawCapacity = DefaultRawCapacity, int coarseCapacity = DefaultCoarseCapacity);

    void append(const StatusSample& sample);
    void append(int server, const HistoryPoint& point);
    void clear();

    int rawCount(int server) const;
    int coarseCount(int server) const;
    /** Oldest time still held (raw or coarse), 0 when empty. */
    qint64 firstTimeMs(int server) const;
    qint64 lastTimeMs(int server) const;
    /** The newest raw point; a default one when empty. */
    HistoryPoint latest(int server) const;
    /** Raw points in [fromMs, toMs], oldest first (for exports); at most @p limit of the newest. */
    QList<HistoryPoint> rawPoints(int server, qint64 fromMs, qint64 toMs, int limit = 100000) const;

    /** [fromMs, toMs] in at most @p maxPoints equal buckets of min/max/last; empty buckets are left out.
     *  Raw points where the range is still held raw, else the one-minute summaries. */
    QList<HistoryBucket> query(int server, qint64 fromMs, qint64 toMs, int maxPoints = 2000) const;

    /** Bytes held by the buffers (their reserved capacity; at most the full capacities, reached after a day
     *  and an hour of 1 Hz samples). */
    qint64 memoryBytes() const;

private:
    /** A fixed-capacity ring; index 0 is the oldest element. */
    template<typename T> struct Ring
    {
        QList<T> items;
        int capacity = 0;
        int head = 0; ///< physical index of the oldest element once full

        int size() const { return int(items.size()); }
        const T& at(int i) const { return items.at((head + i) % std::max(1, size())); }
        T& last() { return items[(head + size() - 1) % size()]; }
        void push(const T& v);
        /** First logical index whose time is >= @p t. */
        int lowerBound(qint64 t, qint64 (*timeOf)(const T&)) const;
    };

    struct Series
    {
        Ring<HistoryPoint> raw;
        Ring<HistoryBucket> coarse;
    };

    QList<Series> m_servers;
};
