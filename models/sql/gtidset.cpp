#include "gtidset.h"

#include <QList>
#include <QVarLengthArray>

#include <algorithm>

namespace {

struct Interval
{
    qint64 first = 0;
    qint64 last = 0;
};

/** The intervals of @p uuid in a MySQL GTID set, merged and sorted. */
QList<Interval> intervalsOf(const QString& set, const QString& uuid)
{
    QList<Interval> out;
    for (const QString& rawPart : set.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList f = rawPart.trimmed().split(QLatin1Char(':'));
        if (f.size() < 2 || f[0].compare(uuid, Qt::CaseInsensitive) != 0)
            continue;
        for (int i = 1; i < f.size(); ++i) {
            const QStringList ends = f[i].split(QLatin1Char('-'));
            bool ok1 = false, ok2 = true;
            const qint64 a = ends.value(0).toLongLong(&ok1);
            const qint64 b = ends.size() > 1 ? ends[1].toLongLong(&ok2) : a;
            if (ok1 && ok2 && a > 0 && b >= a)
                out << Interval { a, b };
        }
    }
    std::sort(out.begin(), out.end(), [](const Interval& x, const Interval& y) { return x.first < y.first; });
    QList<Interval> merged;
    for (const Interval& i : out) {
        if (!merged.isEmpty() && i.first <= merged.last().last + 1)
            merged.last().last = std::max(merged.last().last, i.last);
        else
            merged << i;
    }
    return merged;
}

QStringList mySqlHeldNotIn(const QString& holder, const QString& origin, const QString& other)
{
    const QList<Interval> lacks = intervalsOf(other, origin);
    QStringList out;
    for (Interval held : intervalsOf(holder, origin)) {
        // cut away every interval the other holds
        qint64 from = held.first;
        for (const Interval& o : lacks) {
            if (o.last < from || o.first > held.last)
                continue;
            if (o.first > from)
                out << QStringLiteral("%1:%2-%3").arg(origin.toLower()).arg(from).arg(o.first - 1);
            from = o.last + 1;
        }
        if (from <= held.last)
            out << QStringLiteral("%1:%2-%3").arg(origin.toLower()).arg(from).arg(held.last);
    }
    for (QString& s : out) { // "uuid:7-7" is "uuid:7"
        const QStringList ends = s.section(QLatin1Char(':'), 1).split(QLatin1Char('-'));
        if (ends.size() == 2 && ends[0] == ends[1])
            s = s.section(QLatin1Char(':'), 0, 0) + QLatin1Char(':') + ends[0];
    }
    return out;
}

/** One (domain, server) of a MariaDB binary log state and its last sequence number. */
struct LastSeq
{
    qint64 domain = 0;
    qint64 server = 0;
    qint64 seq = 0;
};
using LastSeqs = QVarLengthArray<LastSeq, 8>;

/** The (domain, server) pairs of a MariaDB binary log state with their last sequence numbers, sorted by
 *  domain and server; read in place (the monitor judges every sample with it). */
LastSeqs lastSeqs(QStringView state, bool* ok)
{
    LastSeqs out;
    *ok = true;
    for (QStringView g : state.tokenize(u',', Qt::SkipEmptyParts)) {
        qint64 f[3] = { 0, 0, 0 };
        int n = 0;
        bool good = true;
        for (QStringView part : g.trimmed().tokenize(u'-')) {
            bool k = false;
            if (n < 3)
                f[n] = part.toLongLong(&k);
            good = good && k;
            ++n;
        }
        if (!good || n != 3) {
            *ok = false;
            continue;
        }
        auto it = std::find_if(
            out.begin(), out.end(), [&](const LastSeq& l) { return l.domain == f[0] && l.server == f[1]; });
        if (it != out.end())
            it->seq = std::max(it->seq, f[2]);
        else
            out.append(LastSeq { f[0], f[1], f[2] });
    }
    std::sort(out.begin(), out.end(), [](const LastSeq& x, const LastSeq& y) {
        return x.domain != y.domain ? x.domain < y.domain : x.server < y.server;
    });
    return out;
}

QStringList mariaDbHeldNotIn(QStringView holder, QStringView origin, QStringView other)
{
    bool okOrigin = false, okHolder = false, okOther = false;
    const qint64 originId = origin.toLongLong(&okOrigin);
    const LastSeqs held = lastSeqs(holder, &okHolder);
    const LastSeqs has = lastSeqs(other, &okOther);
    if (!okOrigin || !okHolder || !okOther)
        return {};
    QStringList out;
    for (const LastSeq& h : held) {
        if (h.server != originId)
            continue;
        // MariaDB numbers a domain's transactions in one sequence whatever server wrote them: the state
        // says which was the last of this server, not how many there were
        const auto o = std::find_if(has.cbegin(), has.cend(),
            [&](const LastSeq& l) { return l.domain == h.domain && l.server == h.server; });
        if ((o == has.cend() ? 0 : o->seq) < h.seq)
            out << QStringLiteral("%1-%2-%3").arg(h.domain).arg(h.server).arg(h.seq);
    }
    return out;
}

} // namespace

namespace GtidSet {

bool isMySqlSet(const QString& state)
{
    return state.contains(QLatin1Char(':'));
}

QStringList heldNotIn(const QString& holder, const QString& origin, const QString& other)
{
    // a copy only where a line break is to go (the monitor's states come without)
    auto flat = [](const QString& set) {
        return set.contains(QLatin1Char('\n')) ? QString(set).remove(QLatin1Char('\n')) : set;
    };
    const QString hs = flat(holder), os = flat(other);
    const QStringView h = QStringView(hs).trimmed(), o = QStringView(os).trimmed();
    if (h.isEmpty() || origin.isEmpty())
        return {};
    if (h.contains(QLatin1Char(':')))
        return mySqlHeldNotIn(h.toString(), origin.trimmed(), o.toString());
    return mariaDbHeldNotIn(h, QStringView(origin).trimmed(), o);
}

} // namespace GtidSet
