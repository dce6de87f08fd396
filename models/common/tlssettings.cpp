#include "common/tlssettings.h"

#include "common/profilefields.h"

#include <QSet>

TlsFiles TlsFiles::over(const TlsFiles& fallback) const
{
    return TlsFiles { ca.isEmpty() ? fallback.ca : ca, cert.isEmpty() ? fallback.cert : cert,
        key.isEmpty() ? fallback.key : key };
}

QJsonObject TlsFiles::toJson() const
{
    QJsonObject o;
    if (!ca.isEmpty())
        o.insert(QStringLiteral("ca"), ca);
    if (!cert.isEmpty())
        o.insert(QStringLiteral("cert"), cert);
    if (!key.isEmpty())
        o.insert(QStringLiteral("key"), key);
    return o;
}

QString TlsSettings::modeToString(TlsMode mode)
{
    switch (mode) {
    case TlsMode::Required:
        return QStringLiteral("required");
    case TlsMode::VerifyCa:
        return QStringLiteral("verify-ca");
    case TlsMode::VerifyIdentity:
        return QStringLiteral("verify-identity");
    case TlsMode::Off:
        break;
    }
    return QStringLiteral("off");
}

std::optional<TlsMode> TlsSettings::modeFromString(const QString& text)
{
    for (TlsMode m : { TlsMode::Off, TlsMode::Required, TlsMode::VerifyCa, TlsMode::VerifyIdentity })
        if (modeToString(m) == text)
            return m;
    return std::nullopt;
}

QString TlsSettings::protects(TlsMode mode)
{
    switch (mode) {
    case TlsMode::Required:
        return tr("encrypted: a listener on the network cannot read it, but a machine in the middle with a "
                  "certificate of its own can");
    case TlsMode::VerifyCa:
        return tr("encrypted and the server's certificate checked against your CA: a machine in the middle "
                  "needs a certificate from that CA");
    case TlsMode::VerifyIdentity:
        return tr("encrypted, the certificate checked against your CA and against the host name: only the "
                  "server the certificate names is believed");
    case TlsMode::Off:
        break;
    }
    return tr(
        "clear text: passwords' hashes, every replicated row and every statement can be read on the way");
}

QJsonObject TlsSettings::toJson() const
{
    QJsonObject o = files.toJson();
    o.insert(QStringLiteral("mode"), modeToString(mode));
    return o;
}

TlsSettings TlsSettings::fromJson(const QJsonObject& o, const QString& where, ProfileFields& p)
{
    p.unknownKeys(o,
        { QStringLiteral("mode"), QStringLiteral("ca"), QStringLiteral("cert"), QStringLiteral("key") },
        where);
    TlsSettings t;
    const QString mode = p.string(o, QStringLiteral("mode"), where, QStringLiteral("off"));
    if (auto m = modeFromString(mode))
        t.mode = *m;
    else
        p.add(where, tr("\"mode\" must be \"off\", \"required\", \"verify-ca\" or \"verify-identity\""));
    t.files = filesFromJson(o, where, p);
    if (t.verifies() && t.files.ca.isEmpty())
        p.add(where,
            tr("\"%1\" checks the server's certificate: give the CA that signed it in \"ca\"")
                .arg(modeToString(t.mode)));
    return t;
}

TlsFiles TlsSettings::filesFromJson(const QJsonObject& o, const QString& where, ProfileFields& p)
{
    TlsFiles f;
    f.ca = p.string(o, QStringLiteral("ca"), where, {});
    f.cert = p.string(o, QStringLiteral("cert"), where, {});
    f.key = p.string(o, QStringLiteral("key"), where, {});
    if (f.cert.isEmpty() != f.key.isEmpty())
        p.add(where, tr("a client certificate needs both \"cert\" and \"key\""));
    return f;
}
