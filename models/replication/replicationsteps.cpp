#include "replication/replicationsteps.h"

#include "common/stepid.h"
#include "sql/binlogstatus.h"
#include "sql/replicastatus.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

QString ReplicationSteps::generatePassword(int length)
{
    static const QString classes[]
        = { QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZ"), QStringLiteral("abcdefghijkmnopqrstuvwxyz"),
              QStringLiteral("23456789"), QStringLiteral("-_.,:+=^~") };
    const QString all = classes[0] + classes[1] + classes[2] + classes[3];
    auto* rng = QRandomGenerator::system();
    QString pw;
    for (const QString& c : classes)
        pw += c.at(rng->bounded(c.size()));
    while (pw.size() < length)
        pw += all.at(rng->bounded(all.size()));
    // shuffle so the classes are not in a fixed place
    for (int i = int(pw.size()) - 1; i > 0; --i)
        std::swap(pw[i], pw[rng->bounded(i + 1)]);
    return pw;
}

Result<void> ReplicationSteps::createReplicationUser(ServerContext& ctx, const QString& user,
    const QString& host, const QString& password, const QString& plugin, AccountTls tls)
{
    SqlSession& sql = *ctx.sql;
    sql.setStep(StepId::ReplicationUser);
    // the account is this server's own: it must not replicate to the peer
    if (auto r = sql.exec(QStringLiteral("SET SESSION sql_log_bin = 0")); !r)
        return r;
    const QStringList real = ctx.dialect.createReplicationUser(user, host, password, false, plugin);
    const QStringList shown = ctx.dialect.createReplicationUser(user, host, password, true, plugin);
    Result<void> result;
    for (int i = 0; i < real.size() && result; ++i)
        result = sql.exec(real[i], shown[i]);
    if (result && tls != AccountTls::Any)
        result = sql.exec(ctx.dialect.requireTls(user, host, tls == AccountTls::X509));
    sql.exec(QStringLiteral("SET SESSION sql_log_bin = 1"));
    return result;
}

AccountTls ReplicationSteps::accountTlsFor(const PairProfile& profile, int source)
{
    if (!profile.tls.isOn())
        return AccountTls::Any;
    // the replica is the other server: it presents the client certificate of its own host, if any
    return profile.servers[1 - source].hostTlsFiles().cert.isEmpty() ? AccountTls::Ssl : AccountTls::X509;
}

void ReplicationSteps::applyTls(ChangeSourceParams& p, const PairProfile& profile, int replica)
{
    p.ssl = profile.tls.isOn();
    if (!p.ssl)
        return;
    const TlsFiles files = profile.servers[replica].hostTlsFiles();
    p.sslVerify = profile.tls.verifies();
    if (p.sslVerify)
        p.sslCa = files.ca;
    p.sslCert = files.cert;
    p.sslKey = files.key;
}

ChangeSourceParams ReplicationSteps::sourceParams(
    const PairProfile& profile, int replica, const QString& password, bool gtid, const BinlogCoordinates& at)
{
    const ServerProfile& source = profile.servers[1 - replica];
    ChangeSourceParams p;
    p.host = source.effectivePeerHost();
    p.port = source.port;
    p.user = profile.replicationUser;
    p.password = password;
    applyTls(p, profile, replica);
    p.gtid = gtid;
    p.logFile = at.file;
    p.logPos = at.position;
    return p;
}

Result<BinlogCoordinates> ReplicationSteps::readCoordinates(ServerContext& ctx, bool openSnapshot)
{
    SqlSession& sql = *ctx.sql;
    sql.setStep(StepId::Coordinates);
    // FLUSH TABLES WITH READ LOCK waits for running statements, and every write waits behind it:
    // never start it while a long statement runs
    auto longRunning = sql.query(QStringLiteral(
        "SELECT ID AS id, USER AS user, TIME AS seconds, LEFT(COALESCE(INFO, ''), 120) AS info "
        "FROM information_schema.PROCESSLIST WHERE COMMAND NOT IN ('Sleep', 'Daemon', 'Binlog Dump', 'Binlog "
        "Dump GTID', 'Connect') "
        "AND USER NOT IN ('system user', 'event_scheduler') AND ID <> CONNECTION_ID() AND TIME >= 5 ORDER BY "
        "TIME DESC LIMIT 3"));
    if (!longRunning)
        return std::unexpected(longRunning.error());
    if (!longRunning->isEmpty()) {
        QStringList what;
        for (const SqlRow& r : *longRunning)
            what << ReplicationSteps::tr("id %1 by %2 for %3 s: %4")
                        .arg(r.value(QStringLiteral("id")).toString(),
                            r.value(QStringLiteral("user")).toString(),
                            r.value(QStringLiteral("seconds")).toString(),
                            r.value(QStringLiteral("info")).toString());
        return stepFailure(ctx.profile.name, StepId::Coordinates,
            ReplicationSteps::tr(
                "not taking the read lock while long statements run (every write would wait behind it): %1. "
                "Run setup again when they have finished.")
                .arg(what.join(QStringLiteral("; "))));
    }
    // do not queue behind a long query holding table locks: give up after 10 s instead
    if (ctx.dialect.isMariaDb() || ctx.dialect.version().atLeast(5, 5, 3))
        if (auto r = sql.exec(QStringLiteral("SET SESSION lock_wait_timeout = 10")); !r)
            return std::unexpected(r.error());
    QElapsedTimer held;
    if (auto r = sql.exec(QStringLiteral("FLUSH TABLES WITH READ LOCK")); !r)
        return std::unexpected(r.error());
    held.start();
    BinlogCoordinates c;
    // as mysqldump --single-transaction does: the snapshot opened under the lock matches the position
    Result<void> read = openSnapshot ? sql.exec(QStringLiteral("START TRANSACTION WITH CONSISTENT SNAPSHOT"))
                                     : Result<void>();
    auto status = read ? BinlogStatus::read(sql, ctx.dialect) : Result<BinlogStatus>();
    if (!read) {
        // nothing read: the error is the snapshot's
    } else if (!status) {
        read = std::unexpected(status.error());
    } else {
        c.file = status->file;
        c.position = status->position;
        if (ctx.dialect.supportsGtid()) {
            auto gtid = sql.scalar(ctx.dialect.gtidPositionQuery());
            if (gtid)
                c.gtid = gtid->toString();
            else
                read = std::unexpected(gtid.error());
        }
    }
    // always released, in the same connection, whatever happened above
    auto unlocked = sql.exec(QStringLiteral("UNLOCK TABLES"));
    c.lockHeldMs = held.elapsed();
    if (!unlocked) {
        // the connection is gone or broken: closing it is what releases the lock for sure
        sql.close();
        if (read)
            read = std::unexpected(unlocked.error());
    }
    if (!read) {
        if (openSnapshot && sql.isOpen())
            sql.exec(QStringLiteral("ROLLBACK"));
        return std::unexpected(read.error());
    }
    return c;
}

Result<void> ReplicationSteps::changeSource(
    ServerContext& ctx, const ChangeSourceParams& params, const QString& gtidPosition)
{
    SqlSession& sql = *ctx.sql;
    sql.setStep(StepId::ChangeSource);
    const Dialect& d = ctx.dialect;
    auto status = ReplicaStatus::read(sql, d);
    if (!status)
        return std::unexpected(status.error());
    if (status->configured)
        if (auto r = sql.exec(d.stopReplica()); !r)
            return r;
    if (params.gtid && !params.onlyCredentials && d.isMariaDb())
        if (auto r = sql.exec(d.setGtidReplicaPos(gtidPosition)); !r)
            return r;
    if (params.gtid && !params.onlyCredentials && !d.isMariaDb() && !gtidPosition.isEmpty()) {
        // auto-positioning asks the source for every GTID missing here: mark the source's history as
        // applied, or it would be replayed on data that already holds it
        auto missing = sql.scalar(d.gtidMissingQuery(gtidPosition));
        if (!missing)
            return std::unexpected(missing.error());
        const QString gtids = missing->toString().trimmed();
        if (!gtids.isEmpty()) {
            auto executed = sql.scalar(d.gtidPositionQuery());
            if (!executed)
                return std::unexpected(executed.error());
            if (!d.canMarkGtidsApplied(executed->toString()))
                return stepFailure(ctx.profile.name, StepId::ChangeSource,
                    ReplicationSteps::tr("this server lacks GTIDs the source has executed (%1) and MySQL "
                                         "before 8.0 can mark them as applied only on a server without "
                                         "GTID history of its own; use \"gtid\": \"off\"")
                        .arg(gtids.left(200)));
            if (auto r = sql.exec(d.markGtidsApplied(gtids)); !r)
                return r;
        }
    }
    if (auto r = sql.exec(d.changeSource(params, false), d.changeSource(params, true)); !r)
        return r;
    return sql.exec(d.startReplica());
}

QString ReplicationSteps::peerProbeCommand(const QString& host, int port)
{
    return QStringLiteral("timeout 5 bash -c 'exec 3<>/dev/tcp/%1/%2' 2>/dev/null").arg(host).arg(port);
}

Result<int> ReplicationSteps::peerAnswers(ServerContext& ctx, const QString& host, int port)
{
    auto shell = ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    auto r = (*shell)->run(peerProbeCommand(host, port), 8000);
    if (!r)
        return std::unexpected(r.error());
    return r->exitCode == 0 ? 1 : (r->exitCode == 127 ? -1 : 0);
}
