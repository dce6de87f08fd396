#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

class ProfileFields;

/** How far a connection trusts the server at its other end. */
enum class TlsMode {
    Off, ///< clear text: passwords' hashes, rows and statements readable on the wire
    Required, ///< encrypted, but any certificate is believed (stops reading, not a machine in the middle)
    VerifyCa, ///< encrypted, and the server's certificate must be signed by the given CA
    VerifyIdentity, ///< as VerifyCa, and the certificate must name the host connected to
};

/** The certificate files of one side: a CA to check the peer with, and an optional client certificate. */
struct TlsFiles
{
    QString ca; ///< PEM file of the CA the server certificates are signed by
    QString cert; ///< client certificate (PEM), for accounts that REQUIRE X509
    QString key; ///< its private key (PEM)

    bool isEmpty() const { return ca.isEmpty() && cert.isEmpty() && key.isEmpty(); }
    /** These files, each one that is empty taken from @p fallback. */
    TlsFiles over(const TlsFiles& fallback) const;
    QJsonObject toJson() const;
};

/** The profile's "tls": one mode for every link of the pair, and the files RepliPair itself uses. */
struct TlsSettings
{
    Q_DECLARE_TR_FUNCTIONS(TlsSettings)
public:
    TlsMode mode = TlsMode::Off;
    TlsFiles files;

    bool isOn() const { return mode != TlsMode::Off; }
    bool verifies() const { return mode == TlsMode::VerifyCa || mode == TlsMode::VerifyIdentity; }
    bool hasClientCertificate() const { return !files.cert.isEmpty(); }

    static QString modeToString(TlsMode mode);
    /** "off", "required", "verify-ca", "verify-identity"; nullopt for anything else. */
    static std::optional<TlsMode> modeFromString(const QString& text);
    /** What a link in @p mode protects against, in one sentence for people. */
    static QString protects(TlsMode mode);

    QJsonObject toJson() const;
    /** Reads {"mode", "ca", "cert", "key"}; problems go to @p p under @p where. */
    static TlsSettings fromJson(const QJsonObject& o, const QString& where, ProfileFields& p);
    /** Reads a server's override {"ca", "cert", "key"}: the files as they are on that server's host. */
    static TlsFiles filesFromJson(const QJsonObject& o, const QString& where, ProfileFields& p);
};
