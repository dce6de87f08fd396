#include "setup/preflight.h"

#include "config/replicationsettings.h"
#include "setup/preflightconfig.h"

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
    const QString a = pair.servers[0].name, b = pair.servers[1].name;
    for (int i = 0; i < 2; ++i) {
        if (!in[i].reachable) {
            QString text = in[i].error.text;
            QString fix;
            if (in[i].error.code == 1045)
                fix = Preflight::tr("check the admin user and the password in %1")
                          .arg(pair.servers[i].adminPasswordEnv.isEmpty()
                                  ? pair.servers[i].adminPasswordFile
                                  : QStringLiteral("$") + pair.servers[i].adminPasswordEnv);
            else
                fix = Preflight::tr("check that the server runs and that %1 is reachable from here")
                          .arg(pair.servers[i].endpoint());
            out << make(Sev::Error, pair.servers[i].name, QStringLiteral("unreachable"), text, fix);
        }
    }
    if (!in[0].reachable || !in[1].reachable)
        return out;

    if (in[0].identity() == in[1].identity())
        out << make(Sev::Error, {}, QStringLiteral("same-server"),
            Preflight::tr("%1 and %2 are the same server (%3): a server cannot replicate with itself")
                .arg(a, b, in[0].identity()),
            Preflight::tr("point the profile at two different servers"));

    if (in[0].version.flavor != in[1].version.flavor)
        out << make(Sev::Error, {}, QStringLiteral("flavor-mix"),
            Preflight::tr("%1 runs %2 and %3 runs %4: MySQL and MariaDB do not replicate both ways reliably")
                .arg(a, in[0].versionString, b, in[1].versionString),
            Preflight::tr("pair two servers of the same flavor"));
    else if (in[0].version.major != in[1].version.major || in[0].version.minor != in[1].version.minor)
        out << make(Sev::Warning, {}, QStringLiteral("version-skew"),
            Preflight::tr(
                "%1 runs %2 and %3 runs %4: in master-master each is the other's replica, and a newer source "
                "can write what an older replica cannot read")
                .arg(a, in[0].versionString, b, in[1].versionString),
            Preflight::tr("upgrade the older server first"));

    const auto ids = ReplicationSettings::serverIds(in[0].serverId, in[1].serverId);
    if (in[0].serverId == in[1].serverId)
        out << make(Sev::Warning, {}, QStringLiteral("server-id-clash"),
            Preflight::tr("both servers have server_id %1: each would ignore the other's events as its own")
                .arg(in[0].serverId),
            Preflight::tr("%1 keeps server_id %2, %3 gets server_id %4")
                .arg(a)
                .arg(ids.first)
                .arg(b)
                .arg(ids.second));
    for (int i = 0; i < 2; ++i) {
        const ServerInspection& s = in[i];
        const QString name = pair.servers[i].name;
        if (s.serverId == 0 && in[0].serverId != in[1].serverId)
            out << make(Sev::Warning, name, QStringLiteral("server-id-zero"),
                Preflight::tr("server_id is 0: the server refuses to replicate"),
                Preflight::tr("server_id %1 will be set").arg(i == 0 ? ids.first : ids.second));
        if (!s.logBin)
            out << make(Sev::Warning, name, QStringLiteral("binlog-off"),
                Preflight::tr("the binary log is off, so the peer has nothing to replicate"),
                Preflight::tr(
                    "log-bin will be set in the configuration; this needs a restart of the server"));
        if (s.readOnly)
            out << make(Sev::Warning, name, QStringLiteral("read-only"),
                Preflight::tr("the server is read_only: applications cannot write to it"),
                Preflight::tr("replication works; set read_only=OFF when this server should take writes"));
        if (!s.missingPrivileges.isEmpty())
            out << make(Sev::Error, name, QStringLiteral("privileges"),
                Preflight::tr("the admin account lacks %1")
                    .arg(s.missingPrivileges.join(QStringLiteral(", "))),
                Preflight::tr("GRANT them ON *.* to the admin account, or use an account that has them"));
        const ServerProfile& peer = pair.servers[1 - i];
        if (peerReachable[i] == 0)
            out << make(Sev::Error, name, QStringLiteral("peer-unreachable"),
                Preflight::tr("%1's host cannot open a connection to %2 at %3:%4")
                    .arg(name, peer.name, peer.effectivePeerHost())
                    .arg(peer.port),
                Preflight::tr("check \"peerHost\" of %1, its bind-address and the firewall between the two")
                    .arg(peer.name));

        // with skip_name_resolve the server matches accounts by address only: a host name never matches
        const QString accountHost = pair.replicationHostFor(i);
        static const QRegularExpression addressOrPattern(QStringLiteral("^[0-9.:%_/a-fA-F]+$"));
        const bool skipNames = s.variables.value(QStringLiteral("skip_name_resolve")) == QLatin1String("1")
            || s.variables.value(QStringLiteral("skip_name_resolve"))
                    .compare(QLatin1String("ON"), Qt::CaseInsensitive)
                == 0;
        if (skipNames && !addressOrPattern.match(accountHost).hasMatch()
            && accountHost != QLatin1String("localhost"))
            out << make(Sev::Error, name, QStringLiteral("account-host-name"),
                Preflight::tr("the replication account would be for host name %1, but this server runs with "
                              "skip_name_resolve "
                              "and matches accounts by address only: %2 could never log in")
                    .arg(accountHost, peer.name),
                Preflight::tr("use %1's IP address as its \"peerHost\", or set \"replicationUserHost\" to an "
                              "address or pattern")
                    .arg(peer.name));

        switch (direction(pair, in, i)) {
        case DirectionState::Foreign:
            out << make(Sev::Error, name, QStringLiteral("existing-replication"),
                Preflight::tr("already replicates from %1:%2, not from %3")
                    .arg(s.replica.sourceHost)
                    .arg(s.replica.sourcePort)
                    .arg(peer.name),
                Preflight::tr("RepliPair will not re-point it; remove that replication first (STOP SLAVE; "
                              "RESET SLAVE ALL) if it is no longer wanted"));
            break;
        case DirectionState::Broken:
            if (s.replica.lastSqlErrno != 0)
                out << make(Sev::Error, name, QStringLiteral("replication-broken"),
                    Preflight::tr("replication from %1 stopped on error %2: %3")
                        .arg(peer.name)
                        .arg(s.replica.lastSqlErrno)
                        .arg(s.replica.lastSqlError),
                    Preflight::tr("repair the data so the event applies, then START SLAVE; RepliPair never "
                                  "skips events by itself"));
            else
                out << make(Sev::Error, name, QStringLiteral("replication-broken"),
                    Preflight::tr("replication from %1 cannot continue: %2")
                        .arg(peer.name, s.replica.lastIoError),
                    Preflight::tr("the source no longer has the binary logs this replica needs: copy the "
                                  "data afresh, then RESET SLAVE ALL and run setup again"));
            break;
        case DirectionState::Resumable:
            out << make(Sev::Warning, name, QStringLiteral("replication-stopped"),
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

    // filters and formats
    const bool filtered = !pair.databases.isEmpty();
    for (int i = 0; i < 2; ++i) {
        const QString format = pair.binlogFormat.isEmpty() ? in[i].binlogFormat.toUpper() : pair.binlogFormat;
        if (pair.filterStyle == FilterStyle::DoDb && (filtered || !pair.ignoreDatabases.isEmpty())
            && (format == QLatin1String("STATEMENT") || format == QLatin1String("MIXED")))
            out << make(Sev::Warning, pair.servers[i].name, QStringLiteral("statement-filters"),
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
        const QString doDb = in[i].variables.value(QStringLiteral("replicate_do_db"));
        if (!doDb.isEmpty() && pair.filterStyle == FilterStyle::DoDb
            && !ReplicationSettings::isEffective(DesiredSetting { QStringLiteral("replicate_do_db"),
                                                     pair.databases.join(QLatin1Char(',')), {}, true, false },
                in[i].variables))
            out << make(Sev::Warning, pair.servers[i].name, QStringLiteral("filters-differ"),
                Preflight::tr("replicate-do-db is %1 on this server, the profile says %2")
                    .arg(doDb, pair.databases.join(QLatin1Char(','))),
                Preflight::tr("the profile's filters will replace it"));
    }

    // databases: the replicated ones must exist on both sides with the same tables
    QStringList replicated = pair.databases;
    if (replicated.isEmpty()) {
        QSet<QString> all(in[0].databases.begin(), in[0].databases.end());
        all.unite(QSet<QString>(in[1].databases.begin(), in[1].databases.end()));
        replicated = QStringList(all.begin(), all.end());
        for (const QString& ignored : pair.ignoreDatabases)
            replicated.removeAll(ignored);
        replicated.sort();
    }
    for (const QString& db : replicated) {
        const bool onA = in[0].databases.contains(db), onB = in[1].databases.contains(db);
        if (!onA && !onB) {
            out << make(Sev::Error, {}, QStringLiteral("database-missing"),
                Preflight::tr("database %1 exists on neither server").arg(db),
                Preflight::tr("create it on both servers first"));
            continue;
        }
        if (!onA || !onB) {
            out << make(Sev::Error, onA ? b : a, QStringLiteral("database-missing"),
                Preflight::tr("database %1 exists on %2 but not on %3").arg(db, onA ? a : b, onA ? b : a),
                Preflight::tr("copy it (mysqldump --single-transaction --master-data) so both start with the "
                              "same data"));
            continue;
        }
        QStringList ta = in[0].tables.value(db), tb = in[1].tables.value(db);
        ta.removeAll(probeTable());
        tb.removeAll(probeTable());
        ta.removeAll(QStringLiteral("replipair_heartbeat"));
        tb.removeAll(QStringLiteral("replipair_heartbeat"));
        if (ta != tb) {
            QStringList onlyA, onlyB;
            for (const QString& t : ta)
                if (!tb.contains(t))
                    onlyA << t;
            for (const QString& t : tb)
                if (!ta.contains(t))
                    onlyB << t;
            out << make(Sev::Error, {}, QStringLiteral("databases-differ"),
                Preflight::tr("database %1 differs: only on %2: %3; only on %4: %5")
                    .arg(db, a, onlyA.isEmpty() ? QStringLiteral("-") : onlyA.join(QStringLiteral(", ")), b,
                        onlyB.isEmpty() ? QStringLiteral("-") : onlyB.join(QStringLiteral(", "))),
                Preflight::tr("make both copies the same before pairing; replication does not reconcile "
                              "existing data"));
        }
    }

    if (pair.gtid == GtidMode::On && !gtid)
        out << make(Sev::Error, {}, QStringLiteral("gtid-unsupported"),
            Preflight::tr("\"gtid\": \"on\" but these servers cannot use GTID auto-positioning together"),
            Preflight::tr("use \"gtid\": \"auto\" or \"off\""));
    if (pair.replicationUserHost == QLatin1String("%"))
        out << make(Sev::Warning, {}, QStringLiteral("user-host-any"),
            Preflight::tr("the replication account may connect from any host ('%')"),
            Preflight::tr("restrict \"replicationUserHost\" to the peer's address or subnet"));
    out << PreflightConfig::check(pair, in); // filter style and restart policy
    return out;
}
