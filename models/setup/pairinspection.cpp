#include "setup/pairinspection.h"

#include "common/stepid.h"
#include "config/configlocator.h"
#include "config/configpush.h"
#include "config/replicationsettings.h"
#include "host/serverworker.h"
#include "replication/replicationsteps.h"
#include "setup/pairdatasteps.h"
#include "setup/preflight.h"

PairInspection::PairInspection(const PairProfile& profile, PairWorkers& workers, PairDataSteps& data)
    : m_profile(profile)
    , m_workers(workers)
    , m_data(data)
{ }

Result<void> PairInspection::run()
{
    const PairWorkers::ServerStep step = [this](ServerContext& ctx) -> Result<QString> {
        ServerInspection& s = in[ctx.index];
        s.server = ctx.profile.name;
        ctx.prepareHostShell(); // SSH handshake while the SQL inspection runs
        auto c = ctx.connect();
        if (!c) {
            s.error = c.error();
            return std::unexpected(c.error());
        }
        auto inspected = ServerInspection::inspect(ctx);
        if (!inspected) {
            s.error = inspected.error();
            return std::unexpected(inspected.error());
        }
        s = *inspected;
        // what the next steps will ask the host, in one remote call right after the SSH handshake
        ctx.prefetchOnHost(hostCommands(ctx.index, s), PrefetchTimeoutMs);
        return tr("%1, server_id %2, binary log %3")
            .arg(s.versionString)
            .arg(s.serverId)
            .arg(s.logBin ? tr("on") : tr("off"));
    };
    if (m_workers.run(StepId::Inspect, step, step, false))
        stepsDone << StepId::Inspect;

    const bool bothAnswer = in[0].reachable && in[1].reachable;
    if (bothAnswer) {
        reachPeers();
        checkTls();
        gtid = ReplicationSettings::useGtid(m_profile, in[0], in[1]);
    }
    findings = Preflight::check(m_profile, in, gtid, peerReachable);
    if (bothAnswer)
        findings += PreflightTls::check(m_profile, in, tls);
    if (bothAnswer) {
        const DirectionState into[2]
            = { Preflight::direction(m_profile, in, 0), Preflight::direction(m_profile, in, 1) };
        findings = m_data.preflight(in, into, findings);
    }
    if (!bothAnswer)
        return std::unexpected(in[0].reachable ? in[1].error : in[0].error);
    return {};
}

QStringList PairInspection::hostCommands(int index, const ServerInspection& inspected) const
{
    const ServerProfile& self = m_profile.servers[index];
    const ServerProfile& peer = m_profile.servers[1 - index];
    QStringList commands { ReplicationSteps::peerProbeCommand(peer.effectivePeerHost(), peer.port) };
    commands += PreflightTls::hostCommands(m_profile, index);
    if (self.configFile == QLatin1String("auto"))
        commands << ConfigLocator::lookupCommand(inspected.processHint());
    if (self.restartCommand != QLatin1String("auto") && !self.restartCommand.isEmpty())
        commands << ConfigPush::restartProgramCheck(self.restartCommand);
    return commands;
}

void PairInspection::checkTls()
{
    // from each server's host: the CA file there, and the peer's certificate as its replica thread will see
    // it
    const PairWorkers::ServerStep look = [this](ServerContext& ctx) -> Result<QString> {
        tls[ctx.index] = PreflightTls::gather(ctx, m_profile, peerReachable[ctx.index] == 1);
        const TlsServerFacts& f = tls[ctx.index];
        QString text
            = tr("TLS %1 (have_ssl %2), RepliPair's session %3")
                  .arg(f.hasTls() ? tr("on") : tr("off"), f.haveSsl,
                      f.ownCipher.isEmpty() ? tr("in clear text") : tr("encrypted (%1)").arg(f.ownCipher));
        if (f.peer && f.peer->ran)
            text += tr("; %1's certificate from here: %2")
                        .arg(m_profile.servers[1 - ctx.index].name,
                            f.peer->verified ? tr("verified") : f.peer->problem);
        return text;
    };
    if (m_workers.run(StepId::CheckTls, look, look, false))
        stepsDone << StepId::CheckTls;
}

void PairInspection::reachPeers()
{
    // from each server's host: can it open a TCP connection to its peer? (hosts are validated names)
    const PairWorkers::ServerStep reach = [this](ServerContext& ctx) -> Result<QString> {
        const ServerProfile& peer = m_profile.servers[1 - ctx.index];
        auto answers = ReplicationSteps::peerAnswers(ctx, peer.effectivePeerHost(), peer.port);
        if (!answers)
            return std::unexpected(answers.error());
        peerReachable[ctx.index] = *answers;
        return peerReachable[ctx.index] == 1
            ? tr("%1:%2 answers").arg(peer.effectivePeerHost()).arg(peer.port)
            : peerReachable[ctx.index] == 0
            ? tr("%1:%2 does not answer").arg(peer.effectivePeerHost()).arg(peer.port)
            : tr("cannot check (no bash or timeout on the host)");
    };
    if (m_workers.run(StepId::ReachPeer, reach, reach, false))
        stepsDone << StepId::ReachPeer;
}
