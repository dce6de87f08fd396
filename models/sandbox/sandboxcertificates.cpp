#include "sandbox/sandboxcertificates.h"

#include "common/stepid.h"
#include "host/childenvironment.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>

namespace {
Result<void> runOpenssl(const QStringList& args, const QString& dir)
{
    const QString openssl = SandboxCertificates::opensslBinary();
    if (openssl.isEmpty())
        return stepFailure({}, StepId::Sandbox,
            SandboxCertificates::tr("no openssl tool found; run scripts/install-deps.sh"));
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setProcessEnvironment(ChildEnvironment::make());
    p.setWorkingDirectory(dir);
    p.start(openssl, args);
    if (!p.waitForStarted(5000) || !p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(2000);
        return stepFailure({}, StepId::Sandbox,
            SandboxCertificates::tr("openssl %1 did not finish: %2").arg(args.value(0), p.errorString()));
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return stepFailure({}, StepId::Sandbox,
            SandboxCertificates::tr("openssl %1 failed (exit %2): %3")
                .arg(args.value(0))
                .arg(p.exitCode())
                .arg(QString::fromLocal8Bit(p.readAll().right(1500))));
    return {};
}
} // namespace

SandboxCertificates::SandboxCertificates(QString dir, QString commonName)
    : m_dir(QDir(dir).absolutePath())
    , m_commonName(std::move(commonName))
{ }

QString SandboxCertificates::opensslBinary()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

QString SandboxCertificates::caFile() const
{
    return QDir(m_dir).filePath(QStringLiteral("ca.pem"));
}

Result<void> SandboxCertificates::ensureCa()
{
    if (QFile::exists(caFile()))
        return {};
    if (!QDir().mkpath(m_dir))
        return stepFailure({}, StepId::Sandbox, tr("cannot create %1").arg(m_dir));
    return runOpenssl({ QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                          QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                          QStringLiteral("ca-key.pem"), QStringLiteral("-out"), QStringLiteral("ca.pem"),
                          QStringLiteral("-days"), QStringLiteral("3650"), QStringLiteral("-subj"),
                          QStringLiteral("/CN=") + m_commonName },
        m_dir);
}

Result<CertificateFiles> SandboxCertificates::issue(
    const QString& name, int days, const QStringList& extraNames, bool client) const
{
    const QString base = name.toLower();
    CertificateFiles out { QDir(m_dir).filePath(base + QStringLiteral("-cert.pem")),
        QDir(m_dir).filePath(base + QStringLiteral("-key.pem")) };
    QStringList alt { QStringLiteral("IP:127.0.0.1"), QStringLiteral("DNS:localhost") };
    for (const QString& n : extraNames)
        alt << (QHostAddress(n).isNull() ? QStringLiteral("DNS:") : QStringLiteral("IP:")) + n;
    const QString ext = QDir(m_dir).filePath(base + QStringLiteral(".ext"));
    QFile e(ext);
    if (!e.open(QIODevice::WriteOnly))
        return stepFailure({}, StepId::Sandbox, tr("cannot write %1").arg(ext));
    e.write(QStringLiteral("basicConstraints=CA:FALSE\nsubjectAltName=%1\nextendedKeyUsage=%2\n")
                .arg(alt.join(QLatin1Char(',')),
                    client ? QStringLiteral("clientAuth") : QStringLiteral("serverAuth"))
                .toUtf8());
    e.close();
    if (auto r = runOpenssl(
            { QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                QStringLiteral("-nodes"), QStringLiteral("-keyout"), out.key, QStringLiteral("-out"),
                base + QStringLiteral(".csr"), QStringLiteral("-subj"), QStringLiteral("/CN=") + name },
            m_dir);
        !r)
        return std::unexpected(r.error());
    if (auto r
        = runOpenssl({ QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                         base + QStringLiteral(".csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                         QStringLiteral("-CAkey"), QStringLiteral("ca-key.pem"),
                         QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), out.cert,
                         QStringLiteral("-days"), QString::number(days), QStringLiteral("-extfile"), ext },
            m_dir);
        !r)
        return std::unexpected(r.error());
    QFile::remove(QDir(m_dir).filePath(base + QStringLiteral(".csr")));
    QFile::setPermissions(out.key, QFile::ReadOwner | QFile::WriteOwner);
    return out;
}
