#pragma once

#include "host/serverworker.h"
#include "sql/binlogcoordinates.h"
#include "sql/dialect.h"

#include <QCoreApplication>

/** What a replication account requires of the replica logging in with it. */
enum class AccountTls {
    Any, ///< clear text allowed (mode "off")
    Ssl, ///< REQUIRE SSL
    X509, ///< REQUIRE X509: TLS with a client certificate signed by the source's CA
};

/** The per-server SQL of the checklist, made safe: replication account, coordinates, CHANGE MASTER. */
class ReplicationSteps
{
    Q_DECLARE_TR_FUNCTIONS(ReplicationSteps)
public:
    /** Creates or updates user@host with REPLICATION SLAVE only, with the authentication @p plugin
     *  (Dialect::replicationAuthPlugin()) when named; not written to the binary log. */
    static Result<void> createReplicationUser(ServerContext& ctx, const QString& user, const QString& host,
        const QString& password, const QString& plugin = {}, AccountTls tls = AccountTls::Any);
    /** What the account on server @p source requires of its replica under @p profile's "tls". */
    static AccountTls accountTlsFor(const PairProfile& profile, int source);
    /** Fills @p p's TLS options for server @p replica's link to its peer under @p profile's "tls":
     *  encrypted in every mode but "off", the certificate checked in the verify modes, with the files on
     *  the replica's host. */
    static void applyTls(ChangeSourceParams& p, const PairProfile& profile, int replica);
    /** What server @p replica is told to replicate from its peer: the peer's address as the replica reaches
     *  it, the pair's replication account with @p password, TLS as applyTls() sets it, and GTID
     *  auto-positioning (@p gtid) or @p at's file and position. */
    static ChangeSourceParams sourceParams(const PairProfile& profile, int replica, const QString& password,
        bool gtid, const BinlogCoordinates& at);
    /** FLUSH TABLES WITH READ LOCK, read the binlog position (and GTID position), UNLOCK TABLES —
     *  in one connection, the lock always released, even when reading fails. With @p openSnapshot, a
     *  START TRANSACTION WITH CONSISTENT SNAPSHOT is opened under the lock and left open on success: its
     *  reads see exactly the data at the returned position (rolled back on failure). */
    static Result<BinlogCoordinates> readCoordinates(ServerContext& ctx, bool openSnapshot = false);
    /** Points this server at its source and starts replication. */
    static Result<void> changeSource(
        ServerContext& ctx, const ChangeSourceParams& params, const QString& gtidPosition);
    /** From this server's host, whether a TCP connection to @p host:@p port opens within 5 s:
     *  1 yes, 0 no, -1 cannot tell (no bash or timeout there). @p host must be a validated host name. */
    static Result<int> peerAnswers(ServerContext& ctx, const QString& host, int port);
    /** The command peerAnswers() runs on the host (setup's inspection has it run right after the SSH
     *  handshake, see ServerContext::prefetchOnHost). */
    static QString peerProbeCommand(const QString& host, int port);
    /** A strong password for the replication account (upper, lower, digit and symbol; no quote or backslash).
     */
    static QString generatePassword(int length = 24);
};
