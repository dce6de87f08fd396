#include "setup/planbuilder.h"

#include "replication/replicationsteps.h"

#include "common/stepid.h"
#include "config/configpush.h"

#include <QCoreApplication>

QList<PlanStep> PlanBuilder::steps(const PairProfile& profile, const ServerInspection (&inspections)[2],
    const ConfigPlan (&configs)[2], const DirectionState (&directions)[2], bool gtid,
    const PlannedStart (&starts)[2])
{
    using Rule = PlannedStart::Rule;
    QList<PlanStep> plan;
    const bool healthy = directions[0] == DirectionState::Healthy && directions[1] == DirectionState::Healthy;
    const bool roleInPlace = configs[0].writerRole.isEmpty() && configs[1].writerRole.isEmpty();
    if (healthy && configs[0].isEmpty() && configs[1].isEmpty() && roleInPlace)
        return plan; // nothing to do
    for (int i = 0; i < 2; ++i) {
        const ConfigPlan& c = configs[i];
        if (c.isEmpty())
            continue;
        PlanStep s;
        s.id = StepId::Config;
        s.server = profile.servers[i].name;
        s.title = c.restartNeeded() ? PlanBuilder::tr("Replication settings in %1; restart (%2 changed)")
                                          .arg(c.target, c.restartFor.join(QStringLiteral(", ")))
            : !c.pendingRestart.isEmpty()
            ? PlanBuilder::tr("Replication settings in %1; no restart (the server keeps running; %2 in force "
                              "from its next restart)")
                  .arg(c.target, c.pendingRestart.join(QStringLiteral(", ")))
            : PlanBuilder::tr("Replication settings in %1; no restart needed").arg(c.target);
        for (const DesiredSetting& d : c.restartNeeded() ? QList<DesiredSetting>() : c.setGlobal)
            s.sql << ConfigPush::setGlobalStatement(Dialect(inspections[i].version), d);
        s.diff = c.diff();
        QStringList checks;
        for (const DesiredSetting& d : c.settings)
            checks << QStringLiteral("%1=%2").arg(d.variable, d.value);
        s.check = PlanBuilder::tr("effective values: %1").arg(checks.join(QStringLiteral(", ")));
        s.undo = PlanBuilder::tr("each changed file is backed up beside itself as "
                                 "<file>.replipair-<time>.bak; copy it back and restart");
        plan << s;
    }
    for (int i = 0; i < 2; ++i) {
        const int j = 1 - i;
        if (directions[j] != DirectionState::Fresh && directions[j] != DirectionState::Resumable)
            continue;
        const Dialect d(inspections[i].version);
        const QString host = profile.replicationHostFor(i);
        PlanStep s;
        s.id = QStringLiteral("user");
        s.server = profile.servers[i].name;
        s.title = PlanBuilder::tr("Replication account for %1, with a generated password")
                      .arg(profile.servers[j].name);
        s.sql << QStringLiteral("SET SESSION sql_log_bin = 0")
              << d.createReplicationUser(profile.replicationUser, host, QString(), true,
                     d.replicationAuthPlugin(inspections[j].version));
        if (const AccountTls tls = ReplicationSteps::accountTlsFor(profile, i); tls != AccountTls::Any)
            s.sql << d.requireTls(profile.replicationUser, host, tls == AccountTls::X509);
        s.sql << QStringLiteral("SET SESSION sql_log_bin = 1");
        s.undo = d.dropUser(profile.replicationUser, host);
        plan << s;
    }
    for (int i = 0; i < 2; ++i) {
        if (directions[1 - i] != DirectionState::Fresh || starts[i].rule == Rule::Copy)
            continue; // the copy's step brings its coordinates
        const Dialect d(inspections[i].version);
        const QString& name = profile.servers[i].name;
        const QString& peer = profile.servers[1 - i].name;
        PlanStep s;
        s.id = StepId::Coordinates;
        s.server = name;
        if (starts[i].rule == Rule::Inspection && starts[i].known) {
            const BinlogCoordinates& c = *starts[i].known;
            s.title = PlanBuilder::tr("Start point for %1: where %2's binary log stood when the data was "
                                      "inspected, %3:%4%5 (already read, without a lock)")
                          .arg(peer, name, c.file)
                          .arg(c.position)
                          .arg(c.gtid.isEmpty() ? QString() : PlanBuilder::tr(", GTID %1").arg(c.gtid));
        } else if (starts[i].rule == Rule::RestartedLog) {
            s.title = PlanBuilder::tr("Start point for %1: the start (position 4) of the binary log that "
                                      "this setup's restart of %2 turns on, so every transaction after that "
                                      "restart reaches %1; no lock")
                          .arg(peer, name);
            s.sql << d.showBinlogStatus();
            if (d.isMariaDb())
                s.sql << d.gtidPositionAt(PlanBuilder::tr("<file read above>"), 4);
        } else {
            s.title = PlanBuilder::tr("Binlog coordinates under a short read lock, always released");
            s.sql << QStringLiteral("FLUSH TABLES WITH READ LOCK") << d.showBinlogStatus();
            if (d.supportsGtid())
                s.sql << d.gtidPositionQuery();
            s.sql << QStringLiteral("UNLOCK TABLES");
        }
        plan << s;
    }
    for (int j = 0; j < 2; ++j) {
        if (directions[j] != DirectionState::Fresh && directions[j] != DirectionState::Resumable)
            continue;
        const int i = 1 - j;
        const Dialect d(inspections[j].version);
        const PlannedStart& start = starts[i];
        const bool known = start.rule == Rule::Inspection && start.known;
        BinlogCoordinates at;
        at.file = known ? start.known->file : PlanBuilder::tr("<file read above>");
        at.position = known ? start.known->position : start.rule == Rule::RestartedLog ? 4 : 0;
        // the plan shows the statement with the password left out
        ChangeSourceParams p = ReplicationSteps::sourceParams(profile, j, QString(), gtid, at);
        p.onlyCredentials = directions[j] == DirectionState::Resumable;
        PlanStep s;
        s.id = StepId::ChangeSource;
        s.server = profile.servers[j].name;
        s.title = PlanBuilder::tr("Replicate from %1").arg(profile.servers[i].name);
        if (inspections[j].replica.configured)
            s.sql << d.stopReplica();
        if (gtid && d.isMariaDb() && !p.onlyCredentials)
            s.sql << d.setGtidReplicaPos(
                known ? start.known->gtid : PlanBuilder::tr("<GTID position read above>"));
        s.sql << d.changeSource(p, true) << d.startReplica();
        s.check = PlanBuilder::tr("IO and SQL threads running");
        s.undo = d.removeReplicaHint();
        plan << s;
    }
    PlanStep v;
    v.id = StepId::Verify;
    v.title = PlanBuilder::tr("Verify: both threads on both servers, and a test row each way through "
                              "%1.replipair_probe (dropped afterwards)")
                  .arg(profile.probeDatabase());
    plan << v;
    // the reader first: there is never a moment with two writers that setup made
    const int writer = profile.writerIndex();
    for (const int i : { 1 - writer, writer }) {
        if (writer < 0 || configs[i].writerRole.isEmpty())
            continue;
        PlanStep s;
        s.id = StepId::WriterRole;
        s.server = profile.servers[i].name;
        s.title = i == writer
            ? PlanBuilder::tr(
                "Writer role: %1 takes the application's writes (read_only OFF, live and in its "
                "option file)")
                  .arg(s.server)
            : PlanBuilder::tr("Writer role: %1 is read-only (read_only ON, live and in its option file); "
                              "replication still applies there")
                  .arg(s.server);
        for (const DesiredSetting& d : configs[i].writerRole)
            s.sql << ConfigPush::setGlobalStatement(Dialect(inspections[i].version), d);
        s.undo = PlanBuilder::tr("SET GLOBAL read_only back to what it was; the option file's backup");
        plan << s;
    }
    return plan;
}
