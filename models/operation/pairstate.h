#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

/** What a pair remembers beside its profile (`<profile>.state.json`, mode 0600): which servers are
 *  fenced — kept read-only until they are rebuilt or rejoined, since a forced failover left them behind.
 *  Servers are named by stable ids ("A", "B"), times are UTC. Read by status, monitor and the canvas. */
class PairState
{
    Q_DECLARE_TR_FUNCTIONS(PairState)
public:
    QStringList fenced; ///< "A" and/or "B"
    QDateTime since; ///< UTC; when the last server was fenced
    QString reason; ///< why, in the DBA's words

    /** "A" for index 0, "B" for index 1: the ids the state file uses, whatever the servers are called. */
    static QString serverId(int index) { return index == 0 ? QStringLiteral("A") : QStringLiteral("B"); }
    bool isFenced(int index) const { return fenced.contains(serverId(index)); }
    bool isEmpty() const { return fenced.isEmpty(); }

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
