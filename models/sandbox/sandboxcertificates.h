#pragma once

#include "common/steperror.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/** A certificate and its private key, as PEM files. */
struct CertificateFiles
{
    QString cert;
    QString key;
};

/** A certificate authority of its own in a folder, made with the `openssl` tool, and the server and client
 *  certificates it signs: the sandbox's TLS and the tests' good, wrong and expiring certificates. */
class SandboxCertificates
{
    Q_DECLARE_TR_FUNCTIONS(SandboxCertificates)
public:
    /** The CA lives in @p dir (ca.pem, ca-key.pem); @p commonName names it. */
    explicit SandboxCertificates(QString dir, QString commonName = QStringLiteral("RepliPair sandbox CA"));

    /** Makes the CA unless it is there already. */
    Result<void> ensureCa();
    QString caFile() const;
    /** A certificate with the common name @p name, valid for @p days from now, for 127.0.0.1 and
     *  "localhost" plus @p extraNames (DNS names or IP addresses), signed by this CA (call ensureCa first);
     *  files <name>-cert.pem and <name>-key.pem. */
    Result<CertificateFiles> issue(
        const QString& name, int days = 825, const QStringList& extraNames = {}, bool client = false) const;
    /** The dir the files are in. */
    QString dir() const { return m_dir; }

    /** The openssl binary, or empty. */
    static QString opensslBinary();

private:
    QString m_dir;
    QString m_commonName;
};
