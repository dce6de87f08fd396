#pragma once

#include "monitor/statussample.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

/** Errant transactions of a pair, from the GTID states the monitor's samples carry: a server holding
 *  transactions that started on its peer which the peer lacks (a write made on it under the peer's id, or
 *  transactions the peer lost in a crash or a restore). A peer's state read before the holder's is not
 *  proof (the peer may have committed more since and the holder received them), so a candidate is only
 *  confirmed by a look at the peer that began after the holder's look ended. */
class ErrantWatch
{
    Q_DECLARE_TR_FUNCTIONS(ErrantWatch)
public:
    /** A server whose confirmed errant transactions changed to a set that is not empty. */
    struct Found
    {
        int server = -1;
        QStringList gtids; ///< GtidSet::heldNotIn ranges
        QString text; ///< what it means and what to do, in words
    };

    /** Takes the sample of one server (before it is emitted): fills its errantGtids (as last confirmed)
     *  and notOnPeer (its newest look that ended before the peer's newest look began, against that look;
     *  empty while there is none), and confirms or clears the peer's candidates. */
    std::optional<Found> take(StatusSample& sample, const QString (&names)[2]);
    /** Whether a candidate waits for a later look at its peer (a one-shot status polls once more). */
    bool pending() const
    {
        for (int i = 0; i < 2; ++i)
            if (m_seen[i] && (!m_confirmed[i] || !m_candidate[i].isEmpty()))
                return true;
        return false;
    }
    QStringList errant(int server) const { return m_errant[server]; }

private:
    struct Look
    {
        QString state;
        QString self;
        qint64 startUs = 0;
        qint64 endUs = 0;
    };
    Look m_looks[2][2]; ///< per server: the newest look and the one before it
    bool m_seen[2] = { false, false };
    bool m_confirmed[2] = { false, false }; ///< a later look at the peer has judged server i's holdings
    QStringList m_errant[2];
    QStringList m_candidate[2];
};
