#pragma once

#include "common/steperror.h"
#include "sql/runningserver.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

struct ServerContext;

/** A server as it comes back from a restart, seen through repeated observe() calls: it is back only when
 *  the server that answers is the one of this configuration (the datadir, port and server_id expected),
 *  is a process started after the restart began, and has stayed that same process for a while — a
 *  short-lived server (an init script's diagnostic start, another server on the port) never counts. */
class RestartedServer
{
    Q_DECLARE_TR_FUNCTIONS(RestartedServer)
public:
    /** What the server must be once it is back; empty fields are not checked. */
    struct Expected
    {
        QString dataDir;
        int port = 0;
        qint64 serverId = 0;
        /** What of the configuration just written is not in effect on the server that answers (empty when
         *  all of it is); may be unset. */
        std::function<QString(ServerContext&)> settingsMissing;
    };
    enum class Seen {
        Nothing, ///< no answer
        Other, ///< another server answers (other datadir, port or server_id)
        Old, ///< the process from before the restart, not stopped yet
        Candidate, ///< the server of this configuration, as a new process
    };

    RestartedServer(ServerContext& ctx, Expected expected);

    /** Connects and reads which server answers; @p sinceRestartMs: time since the restart began. */
    Seen observe(qint64 sinceRestartMs);
    /** The same candidate process has answered for @p ms by now (@p nowMs on the restart's clock). */
    bool settled(qint64 nowMs, qint64 ms) const;
    /** When (on the restart's clock) the candidate will have answered for @p ms; 0 without one. */
    qint64 settledAt(qint64 ms) const { return m_candidate ? m_candidateSinceMs + ms : 0; }
    bool hasCandidate() const { return m_candidate.has_value(); }
    /** Once settled: what of the configuration just written is not in effect (empty: all is). */
    QString settingsMissing();
    /** What answered meanwhile that was not the server (another server, a process that went away), for
     *  messages; empty when nothing did. */
    QString strangers() const;
    const std::optional<RunningServer>& candidate() const { return m_candidate; }
    /** The last server that answered, whichever it was. */
    const std::optional<RunningServer>& last() const { return m_last; }

private:
    ServerContext& m_ctx;
    Expected m_expected;
    std::optional<RunningServer> m_candidate;
    std::optional<RunningServer> m_last;
    qint64 m_candidateSinceMs = 0;
    QString m_other; ///< the last other server seen
    int m_vanished = 0; ///< candidates that stopped answering or were replaced
};
