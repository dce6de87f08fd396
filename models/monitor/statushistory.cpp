#include "monitor/statushistory.h"

#include <algorithm>

namespace {
float toFloat(const std::optional<double>& v)
{
    return v ? float(*v) : std::numeric_limits<float>::quiet_NaN();
}

qint64 pointTime(const HistoryPoint& p)
{
    return p.timeMs;
}

qint64 bucketTime(const HistoryBucket& b)
{
    return b.startMs;
}
} // namespace

HistoryPoint HistoryPoint::fromSample(const StatusSample& s)
{
    HistoryPoint p;
    p.timeMs = s.time.toMSecsSinceEpoch();
    const ReplicaStatus& r = s.replica;
    if (s.reachable) {
        p.secondsBehind = r.secondsBehind ? float(*r.secondsBehind) : std::numeric_limits<float>::quiet_NaN();
        p.heartbeatLag = toFloat(s.heartbeatLag);
        if (r.configured)
            p.backlogBytes = float(r.backlogBytes());
    }
    p.flags = (s.reachable ? Reachable : 0) | (r.ioRunning ? IoRunning : 0) | (r.sqlRunning ? SqlRunning : 0)
        | (r.lastIoErrno != 0 || r.lastSqlErrno != 0 ? Error : 0) | (s.readOnly ? ReadOnly : 0)
        | (r.configured ? Configured : 0);
    return p;
}

void MetricSummary::add(float v)
{
    if (std::isnan(v))
        return;
    min = std::isnan(min) ? v : std::min(min, v);
    max = std::isnan(max) ? v : std::max(max, v);
    last = v;
}

void MetricSummary::merge(const MetricSummary& o)
{
    if (o.isEmpty())
        return;
    min = std::isnan(min) ? o.min : std::min(min, o.min);
    max = std::isnan(max) ? o.max : std::max(max, o.max);
    last = o.last;
}

void HistoryBucket::add(const HistoryPoint& p)
{
    if (count == 0)
        startMs = p.timeMs;
    endMs = p.timeMs;
    ++count;
    secondsBehind.add(p.secondsBehind);
    heartbeatLag.add(p.heartbeatLag);
    backlogBytes.add(p.backlogBytes);
    flagsAll &= p.flags;
    flagsAny |= p.flags;
    flagsLast = p.flags;
}

void HistoryBucket::merge(const HistoryBucket& o)
{
    if (o.count == 0)
        return;
    if (count == 0)
        startMs = o.startMs;
    endMs = o.endMs;
    count += o.count;
    secondsBehind.merge(o.secondsBehind);
    heartbeatLag.merge(o.heartbeatLag);
    backlogBytes.merge(o.backlogBytes);
    flagsAll &= o.flagsAll;
    flagsAny |= o.flagsAny;
    flagsLast = o.flagsLast;
}

template<typename T> void StatusHistory::Ring<T>::push(const T& v)
{
    if (capacity <= 0)
        return;
    if (size() < capacity) {
        // grown in doubling steps up to the capacity, never beyond: a monitor that has run an hour costs
        // an hour of points (a fleet of pairs does not pay for a day each up front)
        if (items.size() == items.capacity())
            items.reserve(std::min<qsizetype>(capacity, std::max<qsizetype>(1024, items.capacity() * 2)));
        items.append(v);
        return;
    }
    items[head] = v;
    head = (head + 1) % capacity;
}

template<typename T> int StatusHistory::Ring<T>::lowerBound(qint64 t, qint64 (*timeOf)(const T&)) const
{
    int lo = 0;
    int hi = size();
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (timeOf(at(mid)) < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

StatusHistory::StatusHistory(int servers, int rawCapacity, int coarseCapacity)
{
    m_servers.resize(std::max(servers, 1));
    for (Series& s : m_servers) {
        s.raw.capacity = std::max(rawCapacity, 1);
        s.coarse.capacity = std::max(coarseCapacity, 1);
    }
}

void StatusHistory::append(const StatusSample& sample)
{
    append(sample.serverIndex, HistoryPoint::fromSample(sample));
}

void StatusHistory::append(int server, const HistoryPoint& point)
{
    if (server < 0 || server >= m_servers.size())
        return;
    Series& s = m_servers[server];
    HistoryPoint p = point;
    // keep each ring sorted by time, whatever the clock did
    if (s.raw.size() > 0)
        p.timeMs = std::max(p.timeMs, s.raw.at(s.raw.size() - 1).timeMs);
    s.raw.push(p);
    const qint64 minute = p.timeMs - (p.timeMs % CoarseBucketMs);
    if (s.coarse.size() == 0
        || s.coarse.last().startMs - (s.coarse.last().startMs % CoarseBucketMs) != minute) {
        HistoryBucket b;
        b.add(p);
        b.startMs = minute;
        s.coarse.push(b);
    } else {
        s.coarse.last().add(p);
    }
}

void StatusHistory::clear()
{
    for (Series& s : m_servers) {
        s.raw.items.clear();
        s.raw.head = 0;
        s.coarse.items.clear();
        s.coarse.head = 0;
    }
}

int StatusHistory::rawCount(int server) const
{
    return server >= 0 && server < m_servers.size() ? m_servers.at(server).raw.size() : 0;
}

int StatusHistory::coarseCount(int server) const
{
    return server >= 0 && server < m_servers.size() ? m_servers.at(server).coarse.size() : 0;
}

qint64 StatusHistory::firstTimeMs(int server) const
{
    if (server < 0 || server >= m_servers.size())
        return 0;
    const Series& s = m_servers.at(server);
    if (s.coarse.size() > 0)
        return s.raw.size() > 0 ? std::min(s.coarse.at(0).startMs, s.raw.at(0).timeMs)
                                : s.coarse.at(0).startMs;
    return s.raw.size() > 0 ? s.raw.at(0).timeMs : 0;
}

qint64 StatusHistory::lastTimeMs(int server) const
{
    if (server < 0 || server >= m_servers.size() || m_servers.at(server).raw.size() == 0)
        return 0;
    const auto& raw = m_servers.at(server).raw;
    return raw.at(raw.size() - 1).timeMs;
}

HistoryPoint StatusHistory::latest(int server) const
{
    if (server < 0 || server >= m_servers.size() || m_servers.at(server).raw.size() == 0)
        return {};
    const auto& raw = m_servers.at(server).raw;
    return raw.at(raw.size() - 1);
}

QList<HistoryPoint> StatusHistory::rawPoints(int server, qint64 fromMs, qint64 toMs, int limit) const
{
    QList<HistoryPoint> out;
    if (server < 0 || server >= m_servers.size())
        return out;
    const auto& raw = m_servers.at(server).raw;
    const int first = raw.lowerBound(fromMs, pointTime);
    int end = raw.lowerBound(toMs + 1, pointTime);
    const int begin = std::max(first, end - std::max(limit, 0));
    out.reserve(end - begin);
    for (int i = begin; i < end; ++i)
        out.append(raw.at(i));
    return out;
}

QList<HistoryBucket> StatusHistory::query(int server, qint64 fromMs, qint64 toMs, int maxPoints) const
{
    QList<HistoryBucket> out;
    if (server < 0 || server >= m_servers.size() || toMs < fromMs || maxPoints <= 0)
        return out;
    const Series& s = m_servers.at(server);
    const qint64 width = std::max<qint64>(1, (toMs - fromMs + maxPoints) / maxPoints);
    out.reserve(std::min<qint64>(maxPoints, 4096));

    auto put = [&](qint64 t, auto&& addTo) {
        const qint64 index = std::min<qint64>((t - fromMs) / width, maxPoints - 1);
        const qint64 start = fromMs + index * width;
        if (out.isEmpty() || out.last().startMs != start) {
            out.append(HistoryBucket());
            addTo(out.last());
            out.last().startMs = start;
        } else {
            addTo(out.last());
        }
    };

    // buckets of half a minute or more come from the minute summaries (same min/max/last, 60 times fewer);
    // finer ones from the raw points, with the summaries for the minutes older than the raw ring
    const bool rawCovers = s.raw.size() > 0 && s.raw.at(0).timeMs <= fromMs;
    const bool coarseOnly = s.coarse.size() > 0 && width * 2 >= CoarseBucketMs;
    qint64 rawFrom = fromMs;
    if (coarseOnly || (s.coarse.size() > 0 && !rawCovers)) {
        rawFrom = coarseOnly ? std::numeric_limits<qint64>::max()
                             : (s.raw.size() > 0 ? s.raw.at(0).timeMs : toMs + 1);
        const int begin = s.coarse.lowerBound(fromMs - (fromMs % CoarseBucketMs), bucketTime);
        for (int i = begin; i < s.coarse.size(); ++i) {
            const HistoryBucket& b = s.coarse.at(i);
            if (b.startMs > toMs || (!coarseOnly && b.startMs + CoarseBucketMs > rawFrom))
                break;
            put(std::max(b.startMs, fromMs), [&b](HistoryBucket& into) { into.merge(b); });
        }
        if (coarseOnly)
            return out;
    }
    const int begin = s.raw.lowerBound(rawFrom, pointTime);
    for (int i = begin; i < s.raw.size(); ++i) {
        const HistoryPoint& p = s.raw.at(i);
        if (p.timeMs > toMs)
            break;
        put(p.timeMs, [&p](HistoryBucket& into) { into.add(p); });
    }
    return out;
}

qint64 StatusHistory::memoryBytes() const
{
    qint64 bytes = sizeof(*this) + qint64(m_servers.capacity()) * qint64(sizeof(Series));
    for (const Series& s : m_servers)
        bytes += qint64(s.raw.items.capacity()) * qint64(sizeof(HistoryPoint))
            + qint64(s.coarse.items.capacity()) * qint64(sizeof(HistoryBucket));
    return bytes;
}
