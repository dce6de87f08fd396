#pragma once

#include "host/serverworker.h"

#include <QCoreApplication>
#include <QStringList>

/** The event a halted SQL thread could not apply, as shown before anyone may skip it. */
struct FailingEvent
{
    QString token; ///< "<relay log file>:<position>": what the user confirms
    int errorCode = 0;
    QString errorText; ///< the server's own Last_SQL_Error
    QStringList events; ///< the event group from the relay log: "Pos Type server_id: info"
};

/** Safe next actions on a broken direction: show the failing event, skip exactly that one only after
 *  the user confirmed it, start the threads again. */
class ReplicaRepair
{
    Q_DECLARE_TR_FUNCTIONS(ReplicaRepair)
public:
    static Result<FailingEvent> failingEvent(ServerContext& ctx);
    /** Skips one event group if, and only if, the failing event is still the one in @p confirmedToken. */
    static Result<QString> skipConfirmedEvent(ServerContext& ctx, const QString& confirmedToken);
    /** After a skip on @p server: the pair's data are unverified until a comparison (PairState). */
    static void recordSkip(const PairProfile& profile, const QString& server, const QString& token);
};
