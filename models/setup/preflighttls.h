#pragma once

#include "common/finding.h"
#include "common/pairprofile.h"
#include "host/tlspeercheck.h"
#include "inspection/serverinspection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <optional>

struct ServerContext;

/** What one server and its host say about TLS before setup changes anything. */
struct TlsServerFacts
{
    bool read = false; ///< false: the server could not be asked
    QString haveSsl; ///< YES, DISABLED or NO
    QDateTime certificateNotAfter; ///< Ssl_server_not_after, UTC; invalid without TLS
    QString ownCipher; ///< the cipher of RepliPair's own session (empty: clear text)
    int caOnHost = -1; ///< the CA file on this server's host: 1 readable, 0 not, -1 not checked
    /** The peer's certificate as this server's host sees it (its replica thread's view). */
    std::optional<TlsPeerFacts> peer;
    std::optional<StepError> hostError; ///< the host could not be asked

    bool hasTls() const { return haveSsl.compare(QLatin1String("YES"), Qt::CaseInsensitive) == 0; }
};

/** The TLS pre-flight: each server has TLS on, each replica's host has the CA and sees the source's
 *  certificate verify (and name the host, in verify-identity), certificates far from expiry, and the
 *  special cases of MySQL 8's caching_sha2_password and MariaDB 11.3+'s default certificate check. */
class PreflightTls
{
    Q_DECLARE_TR_FUNCTIONS(PreflightTls)
public:
    /** On server @p ctx's worker: its TLS variables, and from its host toward @p peer (when
     *  @p peerReachable) the CA file and the handshake. */
    static TlsServerFacts gather(ServerContext& ctx, const PairProfile& pair, bool peerReachable);
    /** The commands gather() runs on server @p index's host when its peer answers (for
     *  ServerContext::prefetchOnHost); none with TLS off. */
    static QStringList hostCommands(const PairProfile& pair, int index);
    /** Exits 0 when @p caFile exists on the host, 1 when not. */
    static QString caCheckCommand(const QString& caFile);
    /** Reads the server's have_ssl and certificate expiry only. */
    static void readServer(ServerContext& ctx, TlsServerFacts& facts);
    static QList<Finding> check(const PairProfile& pair, const ServerInspection (&in)[2],
        const TlsServerFacts (&facts)[2], const QDateTime& now = QDateTime::currentDateTimeUtc());
    /** A certificate closer than this to its end is a warning. */
    static constexpr int ExpiryWarningDays = 30;
};
