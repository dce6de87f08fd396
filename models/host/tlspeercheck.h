#pragma once

#include "common/steperror.h"
#include "common/tlssettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class HostShell;

/** What a TLS handshake with a MySQL/MariaDB server showed, seen from one host. */
struct TlsPeerFacts
{
    bool ran = false; ///< false: no openssl on the host (nothing could be checked)
    bool offersTls = false; ///< the server answered the TLS request
    bool verified = false; ///< the certificate verified against the CA (and the name, when asked)
    QString problem; ///< the TLS library's own words when it did not
    QString subject; ///< RFC 2253
    QString issuer;
    QDateTime notAfter; ///< UTC; invalid when unknown

    /** Days until the certificate expires (negative: expired), or nullopt when unknown. */
    std::optional<qint64> daysLeft(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;
};

/** Checks a server's certificate from a host with the `openssl s_client -starttls mysql` the host has:
 *  the same view of the server the host's replica thread (or RepliPair, from this machine) will have. */
class TlsPeerCheck
{
    Q_DECLARE_TR_FUNCTIONS(TlsPeerCheck)
public:
    /** Handshakes with @p host:@p port from @p shell's host; with @p caFile, verifies the chain against it,
     *  and with @p checkName, that the certificate names @p host. */
    static Result<TlsPeerFacts> run(HostShell& shell, const QString& host, int port, const QString& caFile,
        bool checkName, int timeoutSec = 15);
    /** The one command run() runs on the host (setup's inspection has it run right after the SSH
     *  handshake, see ServerContext::prefetchOnHost). */
    static QString command(
        const QString& host, int port, const QString& caFile, bool checkName, int timeoutSec = 15);
    /** Parses the output of the command run() runs (for tests). */
    static TlsPeerFacts parse(const QByteArray& out);
    /** The date format of openssl and of Ssl_server_not_after ("Dec  4 23:52:52 2027 GMT"). */
    static QDateTime parseDate(const QString& text);
};
