#include "monitor/errantwatch.h"

#include "sql/gtidset.h"

std::optional<ErrantWatch::Found> ErrantWatch::take(StatusSample& s, const QString (&names)[2])
{
    const int i = s.serverIndex, peer = 1 - i;
    std::optional<Found> found;
    if (s.reachable && !s.gtidState.isEmpty() && !s.gtidSelf.isEmpty()) {
        Look look;
        look.state = s.gtidState;
        look.self = s.gtidSelf;
        // in microseconds of the monitor's clock: a one-shot status polls its rounds back to back
        look.startUs = s.pollStartUs ? s.pollStartUs : s.time.toMSecsSinceEpoch() * 1000;
        look.endUs = look.startUs + s.pollMicros + (s.pollStartUs ? 0 : 1000);
        m_looks[i][1] = m_looks[i][0];
        m_looks[i][0] = look;
        m_seen[i] = true;
        // this look confirms (or clears) what the peer seemed to hold of this server's transactions: the
        // peer's newest look that ended before this one began
        for (int k = 0; k < 2 && m_seen[peer]; ++k) {
            const Look& p = m_looks[peer][k];
            if (p.state.isEmpty() || p.endUs >= look.startUs)
                continue;
            const QStringList held = GtidSet::heldNotIn(p.state, look.self, look.state);
            m_candidate[peer].clear();
            m_confirmed[peer] = true;
            if (held != m_errant[peer]) {
                m_errant[peer] = held;
                if (!held.isEmpty())
                    found = Found { peer, held,
                        tr("%1 holds transactions that started on %2 and that %2 lacks (%3): written on %1 "
                           "under %2's id, or lost by %2; the data may differ")
                            .arg(names[peer], names[i], held.join(QStringLiteral(", "))) };
            }
            break;
        }
        // and this server's own candidates against the peer's newest look, confirmed by the peer's next
        if (m_seen[peer]) {
            const Look& p = m_looks[peer][0];
            m_candidate[i] = GtidSet::heldNotIn(look.state, p.self, p.state);
            if (m_candidate[i] == m_errant[i])
                m_candidate[i].clear(); // already known: nothing to confirm
            // its own transactions the peer lacks: only against a look at the peer that began after this
            // server's look ended (this one or the one before). A look at the peer made at the same time
            // lacks what this server had just committed (the monitor's own beat, "2-2-4") and says nothing.
            s.notOnPeer.clear();
            for (int k = 0; k < 2; ++k)
                if (const Look& mine = m_looks[i][k]; !mine.state.isEmpty() && mine.endUs < p.startUs) {
                    s.notOnPeer = GtidSet::heldNotIn(mine.state, mine.self, p.state);
                    break;
                }
        }
    }
    s.errantGtids = m_errant[i];
    return found;
}
