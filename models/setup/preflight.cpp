#include "setup/preflight.h"

#include "common/owntables.h"
#include "common/stepid.h"
#include "config/replicationsettings.h"
#include "setup/preflightconfig.h"
#include "setup/preflightmysql.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace {
Finding make(Finding::Severity sev, const QString& server, const QString& code, const QString& text,
    const QString& fix = {})
{
    return Finding { sev, server, code, text, fix };
}

using Sev = Finding::Severity;

/** What every rule looks at, and the list it adds its findings to. */
struct Look
{
    const PairProfile& pair;
    const ServerInspection (&in)[2];
    bool gtid;
    const int (&peerReachable)[2];
    QList<Finding>& out;

    QString name(int i) const { return pair.servers[i].name; }
};

// Each rule below is one check of the pre-flight, named after what it finds.

void unreachable(const Look& l, int i)
{
    if (l.in[i].reachable)
        return;
    const ServerProfile& s = l.pair.servers[i];
    const StepError& e = l.in[i].error;
    QString fix;
    if (e.step == StepId::Credentials)
        fix = s.adminPasswordEnv.isEmpty()
            ? Preflight::tr("make the admin password file %1 readable by you alone (chmod 600)")
                  .arg(s.adminPasswordFile)
            : Preflight::tr("set the environment variable %1 to %2's admin password")
                  .arg(s.adminPasswordEnv, s.name);
    else if (e.code == 1045)
        fix = !s.adminPasswordEnv.isEmpty() ? Preflight::tr("check the admin user and the password in %1")
                                                  .arg(QStringLiteral("$") + s.adminPasswordEnv)
            : !s.adminPasswordFile.isEmpty()
            ? Preflight::tr("check the admin user and the password in %1").arg(s.adminPasswordFile)
            : !s.adminPasswordKeychain.isEmpty()
            ? Preflight::tr("check the admin user and the password remembered in the keychain (%1)")
                  .arg(s.adminPasswordKeychain)
            : Preflight::tr("check the admin user %1 and the password typed for %2").arg(s.adminUser, s.name);
    else
        fix = Preflight::tr("check that the server runs and that %1 is reachable from here")
                  .arg(s.endpoint());
    l.out << make(Sev::Error, s.name,
        e.step == StepId::Credentials ? QStringLiteral("credentials-missing") : QStringLiteral("unreachable"),
        e.text, fix);
}

void sameServer(const Look& l)
{
    if (l.in[0].identity() == l.in[1].identity())
        l.out << make(Sev::Error, {}, QStringLiteral("same-server"),
            Preflight::tr("%1 and %2 are the same server (%3): a server cannot replicate with itself")
                .arg(l.name(0), l.name(1), l.in[0].identity()),
            Preflight::tr("point the profile at two different servers"));
}

void flavorAndVersion(const Look& l)
{
    const ServerInspection(&in)[2] = l.in;
    if (in[0].version.flavor != in[1].version.flavor)
        l.out << make(Sev::Error, {}, QStringLiteral("flavor-mix"),
            Preflight::tr("%1 runs %2 and %3 runs %4: MySQL and MariaDB do not replicate both ways reliably")
                .arg(l.name(0), in[0].versionString, l.name(1), in[1].versionString),
            Preflight::tr("pair two servers of the same flavor"));
    else if (in[0].version.major != in[1].version.major || in[0].version.minor != in[1].version.minor)
        l.out << make(Sev::Warning, {}, QStringLiteral("version-skew"),
            Preflight::tr(
                "%1 runs %2 and %3 runs %4: in master-master each is the other's replica, and a newer source "
                "can write what an older replica cannot read")
                .arg(l.name(0), in[0].versionString, l.name(1), in[1].versionString),
            Preflight::tr("upgrade the older server first"));
}

void serverIds(const Look& l)
{
    const ServerInspection(&in)[2] = l.in;
    const auto ids = ReplicationSettings::serverIds(in[0].serverId, in[1].serverId);
    if (in[0].serverId == in[1].serverId)
        l.out << make(Sev::Warning, {}, QStringLiteral("server-id-clash"),
            Preflight::tr("both servers have server_id %1: each would ignore the other's events as its own")
                .arg(in[0].serverId),
            Preflight::tr("%1 keeps server_id %2, %3 gets server_id %4")
                .arg(l.name(0))
                .arg(ids.first)
                .arg(l.name(1))
                .arg(ids.second));
    for (int i = 0; i < 2; ++i)
        if (in[i].serverId == 0 && in[0].serverId != in[1].serverId)
            l.out << make(Sev::Warning, l.name(i), QStringLiteral("server-id-zero"),
                Preflight::tr("server_id is 0: the server refuses to replicate"),
                Preflight::tr("server_id %1 will be set").arg(i == 0 ? ids.first : ids.second));
}

void binlogOff(const Look& l, int i)
{
    if (!l.in[i].logBin)
        l.out << make(Sev::Warning, l.name(i), QStringLiteral("binlog-off"),
            Preflight::tr("the binary log is off, so the peer has nothing to replicate"),
            Preflight::tr("log-bin will be set in the configuration; this needs a restart of the server"));
}

void readOnly(const Look& l, int i)
{
    // with a writer role, setup sets read_only itself: ON for the reader, OFF for the writer
    if (l.in[i].readOnly && l.pair.writerIndex() < 0)
        l.out << make(Sev::Warning, l.name(i), QStringLiteral("read-only"),
            Preflight::tr("the server is read_only: applications cannot write to it"),
            Preflight::tr("replication works; set read_only=OFF when this server should take writes"));
}

void privileges(const Look& l, int i)
{
    if (!l.in[i].missingPrivileges.isEmpty())
        l.out << make(Sev::Error, l.name(i), QStringLiteral("privileges"),
            Preflight::tr("the admin account lacks %1")
                .arg(l.in[i].missingPrivileges.join(QStringLiteral(", "))),
            Preflight::tr("GRANT them ON *.* to the admin account, or use an account that has them"));
}

void peerUnreachable(const Look& l, int i)
{
    const ServerProfile& peer = l.pair.servers[1 - i];
    if (l.peerReachable[i] == 0)
        l.out << make(Sev::Error, l.name(i), QStringLiteral("peer-unreachable"),
            Preflight::tr("%1's host cannot open a connection to %2 at %3:%4")
                .arg(l.name(i), peer.name, peer.effectivePeerHost())
                .arg(peer.port),
            Preflight::tr("check \"peerHost\" of %1, its bind-address and the firewall between the two")
                .arg(peer.name));
}

void accountHostName(const Look& l, int i)
{
    // with skip_name_resolve the server matches accounts by address only: a host name never matches
    const ServerInspection& s = l.in[i];
    const ServerProfile& peer = l.pair.servers[1 - i];
    const QString accountHost = l.pair.replicationHostFor(i);
    static const QRegularExpression addressOrPattern(QStringLiteral("^[0-9.:%_/a-fA-F]+$"));
    const QString skip = s.variables.value(QStringLiteral("skip_name_resolve"));
    const bool skipNames
        = skip == QLatin1String("1") || skip.compare(QLatin1String("ON"), Qt::CaseInsensitive) == 0;
    if (skipNames && !addressOrPattern.match(accountHost).hasMatch()
        && accountHost != QLatin1String("localhost"))
        l.out << make(Sev::Error, l.name(i), QStringLiteral("account-host-name"),
            Preflight::tr("the replication account would be for host name %1, but this server runs with "
                          "skip_name_resolve "
                          "and matches accounts by address only: %2 could never log in")
                .arg(accountHost, peer.name),
            Preflight::tr("use %1's IP address as its \"peerHost\", or set \"replicationUserHost\" to an "
                          "address or pattern")
                .arg(peer.name));
}

void existingReplication(const Look& l, int i)
{
    const ServerInspection& s = l.in[i];
    const QString name = l.name(i);
    const ServerProfile& peer = l.pair.servers[1 - i];
    switch (Preflight::direction(l.pair, l.in, i)) {
    case DirectionState::Foreign:
        l.out << make(Sev::Error, name, QStringLiteral("existing-replication"),
            Preflight::tr("already replicates from %1:%2, not from %3")
                .arg(s.replica.sourceHost)
                .arg(s.replica.sourcePort)
                .arg(peer.name),
            Preflight::tr("RepliPair will not re-point it; remove that replication first (%1) if it is no "
                          "longer wanted")
                .arg(Dialect(s.version).removeReplicaHint()));
        break;
    case DirectionState::Broken:
        if (s.replica.lastSqlErrno != 0)
            l.out << make(Sev::Error, name, QStringLiteral("replication-broken"),
                Preflight::tr("replication from %1 stopped on error %2: %3")
                    .arg(peer.name)
                    .arg(s.replica.lastSqlErrno)
                    .arg(s.replica.lastSqlError),
                Preflight::tr("repair the data so the event applies, then %1; RepliPair never skips events "
                              "by itself")
                    .arg(Dialect(s.version).startReplica()));
        else
            l.out << make(Sev::Error, name, QStringLiteral("replication-broken"),
                Preflight::tr("replication from %1 cannot continue: %2")
                    .arg(peer.name, s.replica.lastIoError),
                Preflight::tr("the source no longer has the binary logs this replica needs: copy the "
                              "data afresh, then %1 and run setup again")
                    .arg(Dialect(s.version).resetReplicaAll()));
        break;
    case DirectionState::Resumable:
        l.out << make(Sev::Warning, name, QStringLiteral("replication-stopped"),
            Preflight::tr("replication from %1 is configured but not running%2")
                .arg(peer.name,
                    s.replica.lastIoError.isEmpty() ? QString()
                                                    : QStringLiteral(": ") + s.replica.lastIoError),
            Preflight::tr("setup gives it fresh credentials and starts it, keeping its position"));
        break;
    case DirectionState::Healthy:
    case DirectionState::Fresh:
        break;
    }
}

void statementFilters(const Look& l, int i)
{
    const PairProfile& pair = l.pair;
    const bool filtered = !pair.databases.isEmpty();
    const QString format = pair.binlogFormat.isEmpty() ? l.in[i].binlogFormat.toUpper() : pair.binlogFormat;
    if (pair.filterStyle != FilterStyle::DoDb || (!filtered && pair.ignoreDatabases.isEmpty())
        || (format != QLatin1String("STATEMENT") && format != QLatin1String("MIXED")))
        return;
    l.out << make(Sev::Warning, l.name(i), QStringLiteral("statement-filters"),
        filtered ? Preflight::tr(
            "binlog_format is %1 and only database(s) %2 are replicated: with statement logging the "
            "do/ignore-db filters "
            "go by the default database, so a write made without USE %3 (for example while another "
            "database is selected) is silently not replicated")
                       .arg(format, pair.databases.join(QStringLiteral(", ")), pair.databases.first())
                 : Preflight::tr("binlog_format is %1 and %2 is ignored: with statement logging the "
                                 "ignore-db filters go by "
                                 "the default database, so any write made while %2 is selected is "
                                 "silently not replicated")
                       .arg(format, pair.ignoreDatabases.join(QStringLiteral(", "))),
        Preflight::tr("choose binlog format ROW (profile: \"binlogFormat\": \"ROW\"; wizard: the "
                      "Options page), so filters go by "
                      "the table's own database"));
}

void filtersDiffer(const Look& l, int i)
{
    const QString doDb = l.in[i].variables.value(QStringLiteral("replicate_do_db"));
    const QString wanted = l.pair.databases.join(QLatin1Char(','));
    if (!doDb.isEmpty() && l.pair.filterStyle == FilterStyle::DoDb
        && !ReplicationSettings::isEffective(
            DesiredSetting { QStringLiteral("replicate_do_db"), wanted, {}, true, false }, l.in[i].variables))
        l.out << make(Sev::Warning, l.name(i), QStringLiteral("filters-differ"),
            Preflight::tr("replicate-do-db is %1 on this server, the profile says %2").arg(doDb, wanted),
            Preflight::tr("the profile's filters will replace it"));
}

/** The databases setup replicates: the profile's list, else every database of either server. */
QStringList replicatedDatabases(const Look& l)
{
    if (!l.pair.databases.isEmpty())
        return l.pair.databases;
    QSet<QString> all(l.in[0].databases.begin(), l.in[0].databases.end());
    all.unite(QSet<QString>(l.in[1].databases.begin(), l.in[1].databases.end()));
    QStringList replicated(all.begin(), all.end());
    for (const QString& ignored : l.pair.ignoreDatabases)
        replicated.removeAll(ignored);
    replicated.sort();
    return replicated;
}

/** The database must exist on both sides with the same tables (ours, the probe and heartbeat, aside). */
void databaseDiffers(const Look& l, const QString& db)
{
    const QString a = l.name(0), b = l.name(1);
    const bool onA = l.in[0].databases.contains(db), onB = l.in[1].databases.contains(db);
    if (!onA && !onB) {
        l.out << make(Sev::Error, {}, QStringLiteral("database-missing"),
            Preflight::tr("database %1 exists on neither server").arg(db),
            Preflight::tr("create it on both servers first"));
        return;
    }
    if (!onA || !onB) {
        l.out << make(Sev::Error, onA ? b : a, QStringLiteral("database-missing"),
            Preflight::tr("database %1 exists on %2 but not on %3").arg(db, onA ? a : b, onA ? b : a),
            Preflight::tr("copy it from %1 (setup --copy-from %1) so both start with the same data")
                .arg(onA ? a : b));
        return;
    }
    QStringList ta = l.in[0].tables.value(db), tb = l.in[1].tables.value(db);
    for (QStringList* t : { &ta, &tb }) {
        for (const QString& own : OwnTables::All)
            t->removeAll(own);
    }
    if (ta == tb)
        return;
    QStringList onlyA, onlyB;
    for (const QString& t : ta)
        if (!tb.contains(t))
            onlyA << t;
    for (const QString& t : tb)
        if (!ta.contains(t))
            onlyB << t;
    l.out << make(Sev::Error, {}, QStringLiteral("databases-differ"),
        Preflight::tr("database %1 differs: only on %2: %3; only on %4: %5")
            .arg(db, a, onlyA.isEmpty() ? QStringLiteral("-") : onlyA.join(QStringLiteral(", ")), b,
                onlyB.isEmpty() ? QStringLiteral("-") : onlyB.join(QStringLiteral(", "))),
        Preflight::tr("make both copies the same before pairing; replication does not reconcile "
                      "existing data"));
}

void gtidUnsupported(const Look& l)
{
    if (l.pair.gtid == GtidMode::On && !l.gtid)
        l.out << make(Sev::Error, {}, QStringLiteral("gtid-unsupported"),
            Preflight::tr("\"gtid\": \"on\" but these servers cannot use GTID auto-positioning together"),
            Preflight::tr("use \"gtid\": \"auto\" or \"off\""));
}

void userHostAny(const Look& l)
{
    if (l.pair.replicationUserHost == QLatin1String("%"))
        l.out << make(Sev::Warning, {}, QStringLiteral("user-host-any"),
            Preflight::tr("the replication account may connect from any host ('%')"),
            Preflight::tr("restrict \"replicationUserHost\" to the peer's address or subnet"));
}
} // namespace

DirectionState Preflight::direction(const PairProfile& pair, const ServerInspection (&in)[2], int replica)
{
    const ReplicaStatus& r = in[replica].replica;
    if (!r.configured || (r.sourceHost.isEmpty() && r.sourcePort == 0))
        return DirectionState::Fresh;
    const ServerProfile& peer = pair.servers[1 - replica];
    if (r.sourceHost != peer.effectivePeerHost() || r.sourcePort != peer.port)
        return DirectionState::Foreign;
    // 1236 (MySQL 8: 13114): the source no longer has the binlog position this replica needs
    if (r.lastSqlErrno != 0 || r.lastIoErrno == 1236 || r.lastIoErrno == 13114)
        return DirectionState::Broken;
    if (r.healthy())
        return DirectionState::Healthy;
    return DirectionState::Resumable;
}

QList<Finding> Preflight::check(
    const PairProfile& pair, const ServerInspection (&in)[2], bool gtid, const int (&peerReachable)[2])
{
    QList<Finding> out;
    const Look l { pair, in, gtid, peerReachable, out };
    for (int i = 0; i < 2; ++i)
        unreachable(l, i);
    if (!in[0].reachable || !in[1].reachable)
        return out;
    sameServer(l);
    flavorAndVersion(l);
    serverIds(l);
    for (int i = 0; i < 2; ++i) {
        binlogOff(l, i);
        readOnly(l, i);
        privileges(l, i);
        peerUnreachable(l, i);
        accountHostName(l, i);
        existingReplication(l, i);
    }
    for (int i = 0; i < 2; ++i) {
        statementFilters(l, i);
        filtersDiffer(l, i);
    }
    for (const QString& db : replicatedDatabases(l))
        databaseDiffers(l, db);
    gtidUnsupported(l);
    userHostAny(l);
    out << PreflightConfig::check(pair, in); // filter style and restart policy
    out << PreflightMySql::check(pair, in, gtid); // super_read_only, account plugin, GTID consistency
    return out;
}
