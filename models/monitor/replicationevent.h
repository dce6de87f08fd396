#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

/** A change of a server's replication state worth telling the admin: when, where, what, in the server's
 * words. */
struct ReplicationEvent
{
    Q_DECLARE_TR_FUNCTIONS(ReplicationEvent)
public:
    enum class Kind {
        ServerUnreachable, ///< the server stopped answering
        ServerReachable, ///< it answers again (replication not yet healthy)
        IoThreadStopped, ///< the IO (receiver) thread stopped without an error
        SqlThreadStopped, ///< the SQL (applier) thread stopped without an error
        IoError, ///< the IO thread reports an error (e.g. cannot reach its source)
        SqlError, ///< the SQL thread reports an error (e.g. a duplicate key) and has stopped
        LagHigh, ///< lag rose above the threshold
        ReplicaRemoved, ///< the server no longer has replication configured
        Recovered, ///< everything is healthy again after one of the above
        TwoWriters, ///< single-writer pair, yet both servers accept writes (server: the one that should not)
        NoWriter, ///< single-writer pair, yet neither accepts writes (server: the writer)
        OneWriter, ///< one writer again after TwoWriters or NoWriter (server: the writer)
        DataDiffers, ///< a comparison (the scheduled one) found the replicated data different
        DataInDoubt, ///< the pair's data differ or are unverified since a skip (PairState; serverIndex -1),
                     ///< or a server holds errant transactions (serverIndex: that server)
        UserAction, ///< something the user did from the app (start, stop, skip, start a server) and its
                    ///< outcome
    };
    enum class Severity { Info, Warning, Error };

    QDateTime time;
    int serverIndex = 0;
    QString server;
    Kind kind = Kind::Recovered;
    int code = 0; ///< the server's error number, 0 when none
    QString text; ///< what happened, with the server's own error text, in words (no SQL)
    QString detail; ///< for the log: the statement that failed, where there was one
    bool failed = false; ///< UserAction: the action failed

    Severity severity() const;
    /** A stable name for JSON and logs ("sqlError"). */
    static QString kindName(Kind kind);
    /** A translated title for banners ("SQL thread error"). */
    static QString kindTitle(Kind kind);
    /** Title, the server's error number when there is one, and the server ("SQL thread error 1062 on B"):
     *  what the banner, the tray, the log and the CLI's text lines put before the server's own words. */
    QString headline() const;
    QJsonObject toJson() const;
};

Q_DECLARE_METATYPE(ReplicationEvent)
