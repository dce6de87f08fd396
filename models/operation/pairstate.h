#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <QMap>

#include <functional>

/** What a pair remembers beside its profile (`<profile>.state.json`, mode 0600): which servers are
 *  fenced — kept read-only until they are rebuilt or rejoined, since a forced failover left them behind —
 *  and the agreement of the replicated data (equal at a time, differs, unverified since a skip). Servers
 *  are named by stable ids ("A", "B"), times are UTC. Read by status, monitor and the canvas. */
class PairState
{
    Q_DECLARE_TR_FUNCTIONS(PairState)
public:
    QStringList fenced; ///< "A" and/or "B"
    QDateTime since; ///< UTC; when the last server was fenced
    QString reason; ///< why, in the DBA's words

    /** Whether the replicated data of both servers are known to be the same. */
    enum class Agreement {
        Unknown, ///< never compared by RepliPair (setup checked it; nothing since said otherwise)
        Equal, ///< a whole comparison found them the same at agreementSince
        Differs, ///< a comparison found differences
        Unverified, ///< an event that changes the agreement happened (a skip, a failover): compare
    };
    Agreement agreement = Agreement::Unknown;
    QDateTime agreementSince; ///< UTC; when the agreement was last learnt
    QString
        agreementCause; ///< stable id of what set it: "skip", "compare", "repair", "failover", "errant-gtid"
    QString agreementText; ///< what happened, in the DBA's words ("skipped event 1062 on B")
    QDateTime lastCompared; ///< UTC; when the last whole or differing comparison ended
    QString lastComparison; ///< what it found ("12 table(s) compared, all equal")
    /** Differs: the tables ("db.table") found differing and not found equal since. */
    QStringList differingTables;
    /** Differs: differingTables are all the differences known — the other tables were found equal by a
     *  comparison of every table, and no event since (a skip, a failover) put them in doubt. */
    bool differencesComplete = false;
    /** The errant transactions last flagged on each server ("A", "B" → GtidSet::heldNotIn ranges): a set
     *  seen again after a comparison is not flagged again, a new one is. */
    QMap<QString, QStringList> errantGtids;

    /** The data may differ: a comparison found it, or an event since the last comparison may have made it. */
    bool dataInDoubt() const { return agreement == Agreement::Differs || agreement == Agreement::Unverified; }
    /** The data are unverified from now on because of @p cause (a stable id) described by @p text. */
    void markUnverified(const QString& cause, const QString& text);
    /** A comparison of every replicated table ended: equal, or @p differences ranges differ. */
    void markCompared(int differences, const QString& text);
    /** A comparison ended that found @p tables differing (@p differences ranges); @p whole: it compared
     *  every replicated table, all of it. One of some tables only adds what it found to what is known. */
    void markCompared(int differences, const QString& text, const QStringList& tables, bool whole);
    /** Table @p table ("db.table") was found the same on both (by a comparison of it, or after a repair;
     *  @p cause "compare" or "repair"). When it was the last table known to differ, the data are equal if
     *  the rest was known equal (differencesComplete), else unverified; others still differing keep the
     *  pair "differs". Returns whether the state changed. */
    bool markTableEqual(const QString& table, const QString& cause);
    /** Stable names for JSON: "unknown", "equal", "differs", "unverified". */
    static QString agreementName(Agreement agreement);
    /** A translated title: "data differs", "data unverified", "data equal", "" for unknown. */
    static QString agreementTitle(Agreement agreement);
    /** One line for people, its time in UTC: "data unverified since 2026-12-05T10:04:03Z: skipped …; compare
     *  the data to know". */
    QString agreementLine() const;
    /** Loads the state of @p profile, lets @p change edit it and saves it (a damaged file stays untouched).
     */
    static Result<void> update(const PairProfile& profile, const std::function<void(PairState&)>& change);

    /** "A" for index 0, "B" for index 1: the ids the state file uses, whatever the servers are called. */
    static QString serverId(int index) { return index == 0 ? QStringLiteral("A") : QStringLiteral("B"); }
    bool isFenced(int index) const { return fenced.contains(serverId(index)); }
    bool isEmpty() const
    {
        return fenced.isEmpty() && agreement == Agreement::Unknown && errantGtids.isEmpty();
    }
    /** Server @p index holds @p gtids, transactions of its peer that the peer lacks: the data are unverified
     *  (cause "errant-gtid") unless this very set was flagged before. Returns whether the state changed. */
    bool flagErrant(int index, const QStringList& gtids, const QString& text);

    /** Marks server @p index fenced now (UTC) for @p why. */
    void fence(int index, const QString& why);
    /** Lifts the fence of server @p index (after a rebuild or a rejoin). */
    void unfence(int index);

    /** The state file of @p profile: its file path + ".state.json"; a profile that is no regular file keeps
     *  it in the user's data folder (replipair/state/NAME.state.json). */
    static QString pathFor(const PairProfile& profile);
    /** Reads the state of @p profile; no file is an empty state, a damaged file an error. */
    static Result<PairState> load(const PairProfile& profile);
    /** Writes it atomically with mode 0600; an empty state removes the file. */
    Result<void> save(const PairProfile& profile) const;

    QJsonObject toJson() const;
    static PairState fromJson(const QJsonObject& json);
};
