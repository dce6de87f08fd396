#include "host/restartedserver.h"

#include "host/serverworker.h"

RestartedServer::RestartedServer(ServerContext& ctx, Expected expected)
    : m_ctx(ctx)
    , m_expected(std::move(expected))
{ }

RestartedServer::Seen RestartedServer::observe(qint64 sinceRestartMs)
{
    auto lost = [this] {
        if (m_candidate)
            ++m_vanished;
        m_candidate.reset();
    };
    if (!m_ctx.connect(1)) {
        lost();
        return Seen::Nothing;
    }
    auto seen = RunningServer::read(*m_ctx.sql);
    if (!seen) {
        m_ctx.sql->close();
        lost();
        return Seen::Nothing;
    }
    m_last = *seen;
    if (!seen->isServer(m_expected.dataDir, m_expected.port, m_expected.serverId)) {
        m_other = seen->describe();
        m_ctx.sql->close();
        lost();
        return Seen::Other;
    }
    if (seen->uptime > sinceRestartMs / 1000 + 1) { // started before the restart: not stopped yet
        m_ctx.sql->close();
        m_candidate.reset();
        return Seen::Old;
    }
    if (m_candidate && m_candidate->sameProcess(*seen)) {
        m_candidate = *seen;
        return Seen::Candidate;
    }
    lost();
    m_candidate = *seen;
    m_candidateSinceMs = sinceRestartMs;
    return Seen::Candidate;
}

bool RestartedServer::settled(qint64 nowMs, qint64 ms) const
{
    return m_candidate && nowMs - m_candidateSinceMs >= ms;
}

QString RestartedServer::settingsMissing()
{
    return m_expected.settingsMissing ? m_expected.settingsMissing(m_ctx) : QString();
}

QString RestartedServer::strangers() const
{
    QStringList seen;
    if (!m_other.isEmpty())
        seen << RestartedServer::tr("another server answered on its port (%1; expected datadir %2, port %3, "
                                    "server_id %4)")
                    .arg(m_other,
                        m_expected.dataDir.isEmpty() ? RestartedServer::tr("any") : m_expected.dataDir,
                        QString::number(m_expected.port), QString::number(m_expected.serverId));
    if (m_vanished > 0)
        seen << RestartedServer::tr("a server answered and went away again %n time(s)", nullptr, m_vanished);
    return seen.join(QStringLiteral("; "));
}
