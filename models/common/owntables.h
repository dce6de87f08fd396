#pragma once

#include <QString>
#include <QStringList>

/** The tables RepliPair itself writes in the pair's probe database: never the user's data, left out of
 *  every listing, comparison and copy check of the user's tables. */
struct OwnTables
{
    static inline const QString Probe = QStringLiteral("replipair_probe"); ///< setup's test row
    static inline const QString Heartbeat = QStringLiteral("replipair_heartbeat"); ///< the monitor's beats
    static inline const QStringList All = { Heartbeat, Probe };
};
