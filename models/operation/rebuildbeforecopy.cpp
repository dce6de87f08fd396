// The steps of a rebuild before its copy, each with its undo: B fenced and read-only, A's replica stopped,
// the replication account on A given a new password, B's replica settings removed (kept for the undo).
#include "operation/rebuild.h"

#include "host/serverworker.h"
#include "operation/intentjournal.h"
#include "operation/operationrun.h"
#include "operation/rebuildids.h"
#include "replication/replicationsteps.h"
#include "sql/replicastatus.h"

QList<OperationStep> Rebuild::beforeCopy(OperationRun& run)
{
    const QString a = m_profile.servers[m_source].name, b = m_profile.servers[m_target].name;
    QList<OperationStep> steps;
    steps << OperationStep { StepId::Fence, m_target,
        tr("mark %1 fenced while it is rebuilt (the pair's state file)").arg(b),
        [this, a]() -> Result<QString> {
            auto state = PairState::load(m_profile);
            if (!state)
                return std::unexpected(state.error());
            m_stateBefore = *state;
            PairState marked = *state;
            marked.fence(m_target, tr("being rebuilt from %1").arg(a));
            if (auto saved = marked.save(m_profile); !saved)
                return std::unexpected(saved.error());
            return tr("fenced: being rebuilt from %1").arg(a);
        },
        [this, a]() -> Result<QString> {
            if (m_receiverDataLost) {
                auto state = PairState::load(m_profile);
                if (!state)
                    return std::unexpected(state.error());
                state->fence(m_target,
                    tr("the clone from %1 was cut short: its data is in an unknown state; "
                       "rebuild it again")
                        .arg(a));
                if (auto saved = state->save(m_profile); !saved)
                    return std::unexpected(saved.error());
                return tr("still fenced: its data is in an unknown state after the clone");
            }
            if (!m_stateBefore)
                return QString();
            if (auto saved = m_stateBefore->save(m_profile); !saved)
                return std::unexpected(saved.error());
            return m_stateBefore->isFenced(m_target) ? tr("still fenced, as before") : tr("mark cleared");
        } };
    auto readOnly = std::make_shared<QPair<int, int>>(0, 0); // was, intent
    steps << OperationStep { StepId::SetReadOnly, m_target, tr("make %1 read-only").arg(b),
        [&run, this, readOnly]() -> Result<QString> {
            return run.onServer(m_target, [readOnly](ServerContext& ctx) -> Result<QString> {
                auto was = ctx.sql->scalar(QStringLiteral("SELECT @@GLOBAL.read_only"));
                if (!was)
                    return std::unexpected(was.error());
                readOnly->first = was->toInt() ? 1 : 0;
                readOnly->second = ctx.intent(StepId::SetReadOnly, IntentJournal::Action::ReadOnly,
                    { { QStringLiteral("was"), readOnly->first } });
                if (auto r = ctx.sql->exec(QStringLiteral("SET GLOBAL read_only = 1")); !r)
                    return std::unexpected(r.error());
                ctx.intentDone(readOnly->second);
                return tr("read_only = ON (was %1)").arg(readOnly->first);
            });
        },
        [&run, this, readOnly]() -> Result<QString> {
            return run.onServer(m_target, [readOnly](ServerContext& ctx) -> Result<QString> {
                if (auto r = ctx.sql->exec(QStringLiteral("SET GLOBAL read_only = %1").arg(readOnly->first));
                    !r)
                    return std::unexpected(r.error());
                ctx.intentReleased(readOnly->second);
                return tr("read_only = %1 again").arg(readOnly->first);
            });
        } };
    m_releaseAfterCopy.clear();
    m_releaseAfterCopy << std::make_pair(m_target, readOnly);
    auto stopped = std::make_shared<QPair<int, int>>(0, 0); // was running, intent
    steps << OperationStep { StepId::StopReplica, m_source,
        tr("stop %1's replication from %2 (%1 keeps taking reads and writes)").arg(a, b),
        [&run, this, stopped]() -> Result<QString> {
            return run.onServer(m_source, [stopped](ServerContext& ctx) -> Result<QString> {
                auto status = ReplicaStatus::read(*ctx.sql, ctx.dialect);
                if (!status)
                    return std::unexpected(status.error());
                if (!status->configured)
                    return tr("no replica settings: nothing to stop");
                stopped->first = status->ioRunning || status->sqlRunning;
                stopped->second = ctx.intent(StepId::StopReplica, RebuildIds::ReplicaStopped,
                    { { QStringLiteral("wasRunning"), bool(stopped->first) } });
                if (auto r = ctx.sql->exec(ctx.dialect.stopReplica()); !r)
                    return std::unexpected(r.error());
                ctx.intentDone(stopped->second);
                return tr("replication stopped (it was %1)")
                    .arg(stopped->first ? tr("running") : tr("stopped"));
            });
        },
        [&run, this, stopped]() -> Result<QString> {
            if (m_receiverDataLost)
                return tr(
                    "replication left stopped: its source's data is in an unknown state after the clone");
            return run.onServer(m_source, [stopped](ServerContext& ctx) -> Result<QString> {
                if (stopped->first)
                    if (auto r = ctx.sql->exec(ctx.dialect.startReplica()); !r)
                        return std::unexpected(r.error());
                ctx.intentReleased(stopped->second);
                return stopped->first ? tr("replication started again")
                                      : tr("replication left stopped, as it was");
            });
        } };
    m_releaseAfterCopy << std::make_pair(m_source, stopped);
    steps << replicationUserStep(run, m_source);
    auto reset = std::make_shared<ReplicaStatus>();
    auto resetGtid = std::make_shared<QPair<QString, int>>(); // gtid_slave_pos, intent
    steps << OperationStep { RebuildIds::ResetReplica, m_target,
        tr("remove %1's replica settings (their position, on failure, comes back)").arg(b),
        [&run, this, reset, resetGtid]() -> Result<QString> {
            return run.onServer(m_target, [reset, resetGtid](ServerContext& ctx) -> Result<QString> {
                auto status = ReplicaStatus::read(*ctx.sql, ctx.dialect);
                if (!status)
                    return std::unexpected(status.error());
                *reset = *status;
                if (!status->configured)
                    return tr("no replica settings: nothing to remove");
                if (ctx.dialect.isMariaDb()) {
                    auto pos = ctx.sql->scalar(QStringLiteral("SELECT @@GLOBAL.gtid_slave_pos"));
                    if (!pos)
                        return std::unexpected(pos.error());
                    resetGtid->first = pos->toString();
                }
                resetGtid->second = ctx.intent(RebuildIds::ResetReplica, RebuildIds::ReplicaReset,
                    { { QStringLiteral("host"), status->sourceHost },
                        { QStringLiteral("port"), status->sourcePort },
                        { QStringLiteral("user"), status->sourceUser },
                        { QStringLiteral("file"), status->relaySourceLogFile },
                        { QStringLiteral("position"), status->execSourceLogPos },
                        { QStringLiteral("gtidSlavePos"), resetGtid->first } });
                ctx.sql->exec(ctx.dialect.stopReplica());
                if (auto r = ctx.sql->exec(ctx.dialect.resetReplicaAll()); !r)
                    return std::unexpected(r.error());
                ctx.intentDone(resetGtid->second);
                return tr("replica settings removed (it stood at %1:%2%3)")
                    .arg(status->relaySourceLogFile)
                    .arg(status->execSourceLogPos)
                    .arg(status->lastSqlErrno
                            ? tr(", its SQL thread halted on error %1").arg(status->lastSqlErrno)
                            : QString());
            });
        },
        [&run, this, reset, resetGtid]() -> Result<QString> {
            if (!reset->configured)
                return QString();
            ChangeSourceParams p;
            p.host = reset->sourceHost;
            p.port = reset->sourcePort;
            p.user = reset->sourceUser;
            p.password = m_password[m_source];
            ReplicationSteps::applyTls(p, m_profile, m_target);
            p.gtid = reset->usingGtid;
            p.logFile = reset->relaySourceLogFile;
            p.logPos = reset->execSourceLogPos;
            const ReplicaStatus was = *reset;
            return run.onServer(m_target, [p, was, resetGtid](ServerContext& ctx) -> Result<QString> {
                if (auto r = ReplicationSteps::changeSource(ctx, p, resetGtid->first); !r)
                    return std::unexpected(r.error());
                if (!was.ioRunning && !was.sqlRunning)
                    ctx.sql->exec(ctx.dialect.stopReplica());
                ctx.intentReleased(resetGtid->second);
                return tr("replicating from %1:%2 again from %3:%4, where it stood")
                    .arg(p.host)
                    .arg(p.port)
                    .arg(p.logFile)
                    .arg(p.logPos);
            });
        } };
    m_resetIntent = resetGtid;
    return steps;
}

OperationStep Rebuild::replicationUserStep(OperationRun& run, int server)
{
    // the account @p server's peer replicates with gets a new password, kept in memory for CHANGE MASTER
    const int peer = 1 - server;
    return OperationStep { StepId::ReplicationUser, server,
        tr("give the replication account on %1 (for %2's IO thread) a new generated password")
            .arg(m_profile.servers[server].name, m_profile.servers[peer].name),
        [&run, this, server, peer]() -> Result<QString> {
            auto replica = run.worker(peer)->run([](ServerContext& ctx) { return ctx.dialect; });
            m_password[server] = ReplicationSteps::generatePassword();
            const QString pw = m_password[server], user = m_profile.replicationUser,
                          host = m_profile.replicationHostFor(server);
            const AccountTls tls = ReplicationSteps::accountTlsFor(m_profile, server); // REQUIRE SSL / X509
            return run.onServer(server, [=](ServerContext& ctx) -> Result<QString> {
                const int id = ctx.intent(StepId::ReplicationUser, IntentJournal::Action::ReplicationAccount,
                    { { QStringLiteral("user"), user }, { QStringLiteral("host"), host },
                        { QStringLiteral("existed"), true } },
                    true);
                if (auto r = ReplicationSteps::createReplicationUser(
                        ctx, user, host, pw, ctx.dialect.replicationAuthPlugin(replica.version()), tls);
                    !r)
                    return std::unexpected(r.error());
                ctx.intentDone(id);
                return tr("%1: new generated password (kept in memory)").arg(ctx.dialect.account(user, host));
            });
        },
        {} };
}
