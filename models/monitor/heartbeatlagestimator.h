#pragma once

#include <QList>
#include <optional>

/** Lag of one replica behind its source from successive reads of the source's heartbeat row.
 *  When a new beat shows up, its apply delay lies between the previous read (it was not there yet) and
 *  this read: that delay, known to half a read interval, is the lag until the next beat shows up, or
 *  until that next beat is overdue for longer (a stopped or slowed applier), whichever is larger.
 *  Before the first new beat is seen, Heartbeat::estimateLag() answers. All times are in the source's
 *  clock, in µs. */
class HeartbeatLagEstimator
{
public:
    /** @p beatIntervalUs how often the source writes a beat. */
    explicit HeartbeatLagEstimator(qint64 beatIntervalUs = 1'000'000);

    void setBeatInterval(qint64 us) { m_beatIntervalUs = us; }
    /** One read: @p appliedUs the beat the replica holds, @p peerNowUs the source's clock at the read,
     *  @p peerBeats the beats the source is known to have written (ascending). Returns seconds. */
    double update(qint64 appliedUs, qint64 peerNowUs, const QList<qint64>& peerBeats);
    /** Forget what was seen (the replica or its source restarted, or a read failed). */
    void reset();

private:
    qint64 m_beatIntervalUs;
    std::optional<qint64> m_applied; ///< the beat held at the previous read
    std::optional<qint64> m_previousReadUs;
    std::optional<double> m_delayLowUs; ///< apply delay of m_applied, as an interval
    std::optional<double> m_delayHighUs;
};
