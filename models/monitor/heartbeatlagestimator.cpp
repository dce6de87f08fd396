#include "monitor/heartbeatlagestimator.h"

#include "monitor/heartbeat.h"

#include <algorithm>

HeartbeatLagEstimator::HeartbeatLagEstimator(qint64 beatIntervalUs)
    : m_beatIntervalUs(beatIntervalUs)
{ }

void HeartbeatLagEstimator::reset()
{
    m_applied.reset();
    m_previousReadUs.reset();
    m_delayLowUs.reset();
    m_delayHighUs.reset();
}

double HeartbeatLagEstimator::update(qint64 appliedUs, qint64 peerNowUs, const QList<qint64>& peerBeats)
{
    if (m_applied && appliedUs != *m_applied) {
        if (m_previousReadUs && appliedUs > *m_applied) {
            // not applied at the previous read, applied at this one
            m_delayLowUs = std::max(0.0, double(*m_previousReadUs - appliedUs));
            m_delayHighUs = std::max(0.0, double(peerNowUs - appliedUs));
        } else {
            m_delayLowUs.reset(); // the row went back in time: the source was reset; start over
            m_delayHighUs.reset();
        }
    }
    m_applied = appliedUs;
    m_previousReadUs = peerNowUs;

    // the first known beat after the held one that should be there by now
    const auto next = std::upper_bound(peerBeats.cbegin(), peerBeats.cend(), appliedUs);
    const bool pending = next != peerBeats.cend() && *next <= peerNowUs;
    const double overdueUs = pending ? double(peerNowUs - *next) : 0.0;

    if (!m_delayLowUs)
        return Heartbeat::estimateLag(appliedUs, peerNowUs, peerBeats, m_beatIntervalUs);
    const double width = *m_delayHighUs - *m_delayLowUs;
    double delayUs = (*m_delayLowUs + *m_delayHighUs) / 2.0;
    // caught up and the delay not known better than to half a beat: no evidence of any lag
    if (!pending && width > double(m_beatIntervalUs) / 2.0)
        delayUs = *m_delayLowUs;
    return std::max(delayUs, overdueUs) / 1e6;
}
