#include "setup/setuprun.h"

#include "common/stepid.h"
#include "host/serverworker.h"
#include "operation/intentjournal.h"
#include "replication/replicationsteps.h"
#include "setup/pairdatasteps.h"

// SetupRun's replication steps (account, start points, CHANGE MASTER), apart from the rest of the run so
// that each file stays readable; the strings keep SetupRun's translation context.

bool SetupRun::createUsers()
{
    // the account on server i is for its peer's IO thread: needed where the direction into the peer is set up
    ServerStep step = [this](ServerContext& ctx) -> Result<QString> {
        const int i = ctx.index;
        const QString host = m_profile.replicationHostFor(i);
        m_password[i] = ReplicationSteps::generatePassword();
        // an account that was there before the run is kept by recover; one the run made is dropped
        auto existed = ctx.sql->scalar(
            QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE User = %1 AND Host = %2")
                .arg(ctx.dialect.literal(m_profile.replicationUser), ctx.dialect.literal(host)));
        const int intent = ctx.intent(StepId::ReplicationUser, IntentJournal::Action::ReplicationAccount,
            { { QStringLiteral("user"), m_profile.replicationUser }, { QStringLiteral("host"), host },
                { QStringLiteral("existed"), !existed || existed->toInt() > 0 } },
            true);
        // the plugin the replica (the peer) can log in with
        auto r = ReplicationSteps::createReplicationUser(ctx, m_profile.replicationUser, host, m_password[i],
            ctx.dialect.replicationAuthPlugin(m_in[1 - i].version),
            ReplicationSteps::accountTlsFor(m_profile, i));
        if (!r)
            return std::unexpected(r.error());
        ctx.intentDone(intent);
        m_journal.add(QJsonObject { { QStringLiteral("server"), ctx.profile.name },
            { QStringLiteral("user"), QStringLiteral("%1@%2").arg(m_profile.replicationUser, host) } });
        const AccountTls tls = ReplicationSteps::accountTlsFor(m_profile, i);
        return tr("%1 may replicate from here with REPLICATION SLAVE only; new generated password (kept in "
                  "memory)")
                   .arg(ctx.dialect.account(m_profile.replicationUser, host))
            + (tls == AccountTls::X509 ? tr("; REQUIRE X509: only over TLS with a certificate from the CA")
                    : tls == AccountTls::Ssl ? tr("; REQUIRE SSL: never over clear text")
                                             : QString());
    };
    const bool ok = perServerWhere(StepId::ReplicationUser, step, [this](int i) {
        return m_direction[1 - i] == DirectionState::Fresh || m_direction[1 - i] == DirectionState::Resumable;
    });
    afterStep(StepId::ReplicationUser);
    return ok;
}

bool SetupRun::readCoordinates()
{
    ServerStep step = [this](ServerContext& ctx) -> Result<QString> {
        auto c = ReplicationSteps::readCoordinates(ctx);
        if (!c)
            return std::unexpected(c.error());
        m_coordinates[ctx.index] = *c;
        return tr("%1:%2%3 (read lock held %4 ms, released)")
            .arg(c->file)
            .arg(c->position)
            .arg(c->gtid.isEmpty() ? QString() : tr(", GTID %1").arg(c->gtid))
            .arg(c->lockHeldMs);
    };
    // a start point known from earlier (the copy, the inspection, the restart that turned the binary log
    // on) is never later than the data was last known equal; the locked read is the fallback
    for (int i = 0; i < 2; ++i)
        if (m_direction[1 - i] == DirectionState::Fresh && m_data->startPoint(i)) {
            m_coordinates[i] = *m_data->startPoint(i);
            // about the replica (1 - i): tagged with its name, the source named in the text
            report(SetupEvent::Kind::Info, m_profile.servers[1 - i].name, StepId::Coordinates,
                tr("replicates from %1 starting at %2:%3%4: %5")
                    .arg(m_profile.servers[i].name, m_coordinates[i].file)
                    .arg(m_coordinates[i].position)
                    .arg(m_coordinates[i].gtid.isEmpty() ? QString()
                                                         : tr(", GTID %1").arg(m_coordinates[i].gtid),
                        m_data->startPointReason(i)));
        }
    for (int i = 0; i < 2; ++i)
        if (m_direction[1 - i] == DirectionState::Fresh && m_data->plannedStartMissing(i))
            report(SetupEvent::Kind::Warning, m_profile.servers[i].name, StepId::Coordinates,
                tr("the start point the plan named for %1 could not be read: reading it under a short read "
                   "lock instead")
                    .arg(m_profile.servers[1 - i].name));
    const bool ok = perServerWhere(StepId::Coordinates, step,
        [this](int i) { return m_direction[1 - i] == DirectionState::Fresh && !m_data->startPoint(i); });
    afterStep(StepId::Coordinates);
    return ok;
}

bool SetupRun::changeSources()
{
    ServerStep step = [this](ServerContext& ctx) -> Result<QString> {
        const int j = ctx.index, i = 1 - j;
        const ServerProfile& source = m_profile.servers[i];
        ChangeSourceParams p
            = ReplicationSteps::sourceParams(m_profile, j, m_password[i], m_gtid, m_coordinates[i]);
        p.onlyCredentials = m_direction[j] == DirectionState::Resumable;
        const int intent = ctx.intent(StepId::ChangeSource, IntentJournal::Action::ChangeSource,
            { { QStringLiteral("wasFresh"), m_direction[j] == DirectionState::Fresh } }, true);
        auto r = ReplicationSteps::changeSource(ctx, p, m_coordinates[i].gtid);
        if (!r)
            return std::unexpected(r.error());
        ctx.intentDone(intent);
        if (p.onlyCredentials)
            return tr("replication from %1 restarted with new credentials, at its own position")
                .arg(source.name);
        return m_gtid
            ? tr("replicating from %1 (%2:%3) by GTID from %4")
                  .arg(source.name, p.host)
                  .arg(p.port)
                  .arg(m_coordinates[i].gtid.isEmpty() ? tr("the start (its GTID position is empty)")
                                                       : m_coordinates[i].gtid)
            : tr("replicating from %1 (%2:%3) from %4:%5")
                  .arg(source.name, p.host)
                  .arg(p.port)
                  .arg(p.logFile)
                  .arg(p.logPos);
    };
    const bool ok = perServerWhere(StepId::ChangeSource, step, [this](int j) {
        return m_direction[j] == DirectionState::Fresh || m_direction[j] == DirectionState::Resumable;
    });
    for (QString& pw : m_password)
        pw.fill(QLatin1Char('0')), pw.clear();
    afterStep(StepId::ChangeSource);
    return ok;
}
