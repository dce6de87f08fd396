#include "gtidset.h"

#include <QList>
#include <QMap>

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

/** (domain, server) → last sequence number of a MariaDB binary log state. */
QMap<QPair<qint64, qint64>, qint64> lastSeqs(const QString& state, bool* ok)
{
    QMap<QPair<qint64, qint64>, qint64> out;
    *ok = true;
    for (const QString& g : state.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList f = g.trimmed().split(QLatin1Char('-'));
        bool a = false, b = false, c = false;
        if (f.size() == 3) {
            const QPair<qint64, qint64> key { f[0].toLongLong(&a), f[1].toLongLong(&b) };
            const qint64 seq = f[2].toLongLong(&c);
            if (a && b && c) {
                out[key] = std::max(out.value(key), seq);
                continue;
            }
        }
        *ok = false;
    }
    return out;
}

QStringList mariaDbHeldNotIn(const QString& holder, const QString& origin, const QString& other)
{
    bool okOrigin = false, okHolder = false, okOther = false;
    const qint64 originId = origin.toLongLong(&okOrigin);
    const auto held = lastSeqs(holder, &okHolder);
    const auto has = lastSeqs(other, &okOther);
    if (!okOrigin || !okHolder || !okOther)
        return {};
    QStringList out;
    for (auto it = held.cbegin(); it != held.cend(); ++it) {
        if (it.key().second != originId)
            continue;
        // MariaDB numbers a domain's transactions in one sequence whatever server wrote them: the state
        // says which was the last of this server, not how many there were
        if (has.value(it.key(), 0) < it.value())
            out << QStringLiteral("%1-%2-%3").arg(it.key().first).arg(it.key().second).arg(it.value());
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
    const QString h = QString(holder).remove(QLatin1Char('\n')).trimmed(),
                  o = QString(other).remove(QLatin1Char('\n')).trimmed();
    if (h.isEmpty() || origin.isEmpty())
        return {};
    if (isMySqlSet(h))
        return mySqlHeldNotIn(h, origin.trimmed(), o);
    return mariaDbHeldNotIn(h, origin.trimmed(), o);
}

} // namespace GtidSet
