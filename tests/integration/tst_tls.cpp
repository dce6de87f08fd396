#include "common/pairprofile.h"
#include "sandbox/sandbox.h"
#include "sandbox/sandboxcertificates.h"
#include "sql/sqlsession.h"
#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

/** TLS against real servers: the sandbox's CA and certificates (made with openssl at `sandbox up`), a
 *  second CA that signed nothing of theirs, a server without TLS, and a certificate about to expire. */
class TestTls : public QObject
{
    Q_OBJECT

    struct Ran
    {
        int code = -1;
        QString out;
        QString err;
    };
    static Ran cli(const QStringList& args, int timeoutMs = 600000)
    {
        QProcess p;
        p.start(QStringLiteral(REPLIPAIR_CLI), args);
        p.waitForFinished(timeoutMs);
        return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
    }
    /** JSON lines of @p text, in order. */
    static QList<QJsonObject> jsonLines(const QString& text)
    {
        QList<QJsonObject> out;
        for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            out << QJsonDocument::fromJson(line.toUtf8()).object();
        return out;
    }
    QString writeProfile(const QString& name, const PairProfile& p)
    {
        const QString path = m_dir.filePath(name);
        if (auto saved = p.save(path); !saved)
            qWarning() << saved.error().text;
        return path;
    }
    static QString adminPassword(Sandbox& sb)
    {
        QFile f(sb.adminPasswordFile());
        f.open(QIODevice::ReadOnly);
        return QString::fromUtf8(f.readAll()).trimmed();
    }
    SqlEndpoint endpoint(int index, const TlsSettings& tls)
    {
        const SandboxServer& s = m_pair.sandbox().servers().at(index);
        SqlEndpoint ep;
        ep.serverName = s.name;
        ep.host = s.host;
        ep.port = s.port;
        ep.user = QStringLiteral("root");
        ep.tls = tls;
        return ep;
    }
    /** Nothing of replication on either server: no replica settings, no replication account. */
    void verifyUntouched()
    {
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(sandboxSql(m_pair.sandbox(), i, QStringLiteral("SHOW SLAVE STATUS")), QString());
            QCOMPARE(sandboxSql(m_pair.sandbox(), i,
                         QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE User = 'replication'")),
                QStringLiteral("0"));
        }
    }

    QTemporaryDir m_dir;
    SandboxPair m_pair;
    std::unique_ptr<SandboxCertificates> m_otherCa;
    bool m_setUp = false;

private Q_SLOTS:
    void initTestCase()
    {
        if (Sandbox::serverBinary().isEmpty() || SandboxCertificates::opensslBinary().isEmpty())
            QSKIP("needs mariadbd and openssl (scripts/install-deps.sh)");
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        // a third server, made without TLS: the "required" refusal
        m_pair.sandbox().setTls(false);
        auto third = m_pair.sandbox().up(3);
        QVERIFY2(third, qPrintable(third ? QString() : third.error().text));
        m_pair.sandbox().setTls(true); // the pair's profile: A and B, with their certificates
        m_otherCa = std::make_unique<SandboxCertificates>(
            m_dir.filePath(QStringLiteral("other-ca")), QStringLiteral("Unrelated CA"));
        auto made = m_otherCa->ensureCa();
        QVERIFY2(made, qPrintable(made ? QString() : made.error().text));
    }

    /** The sandbox's servers have TLS on and its profile checks their certificates. */
    void sandboxHasTls()
    {
        const PairProfile p = m_pair.sandbox().pairProfile();
        QCOMPARE(p.tls.mode, TlsMode::VerifyCa);
        QVERIFY(QFile::exists(p.tls.files.ca));
        for (int i = 0; i < 2; ++i)
            QCOMPARE(
                sandboxSql(m_pair.sandbox(), i, QStringLiteral("SELECT @@have_ssl")), QStringLiteral("YES"));
        QCOMPARE(
            sandboxSql(m_pair.sandbox(), 2, QStringLiteral("SELECT @@have_ssl")), QStringLiteral("DISABLED"));
    }

    /** RepliPair's own connection: the right CA gives an encrypted session; a CA that did not sign the
     *  server's certificate fails with the TLS library's words, and never falls back to clear text. */
    void adminConnectionWithWrongCaFails()
    {
        const QString password = adminPassword(m_pair.sandbox());
        TlsSettings good;
        good.mode = TlsMode::VerifyCa;
        good.files.ca = m_pair.sandbox().caFile();
        SqlSession ok(QStringLiteral("tls-good"));
        auto opened = ok.open(endpoint(0, good), password);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().text));
        QVERIFY(!ok.cipher().isEmpty());

        TlsSettings wrong = good;
        wrong.files.ca = m_otherCa->caFile();
        SqlSession bad(QStringLiteral("tls-bad"));
        auto refused = bad.open(endpoint(0, wrong), password);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, 2026);
        QVERIFY2(refused.error().text.contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
            qPrintable(refused.error().text));
        QVERIFY(!bad.isOpen());

        // verify-identity: the sandbox's certificates name 127.0.0.1 and localhost
        TlsSettings identity = good;
        identity.mode = TlsMode::VerifyIdentity;
        SqlSession named(QStringLiteral("tls-identity"));
        auto openedNamed = named.open(endpoint(1, identity), password);
        QVERIFY2(openedNamed, qPrintable(openedNamed ? QString() : openedNamed.error().text));
    }

    /** "required" against a server without TLS: refused, never clear text. */
    void requiredRefusedWithoutTls()
    {
        TlsSettings required;
        required.mode = TlsMode::Required;
        SqlSession s(QStringLiteral("tls-required"));
        auto refused = s.open(endpoint(2, required), adminPassword(m_pair.sandbox()));
        QVERIFY(!refused);
        QVERIFY2(
            refused.error().text.contains(QStringLiteral("clear text")), qPrintable(refused.error().text));

        // and the whole setup of a pair with that server: refused before anything changes
        PairProfile p = m_pair.sandbox().pairProfile();
        const SandboxServer& c = m_pair.sandbox().servers().at(2);
        p.servers[1].name = c.name;
        p.servers[1].port = c.port;
        p.servers[1].configFile = c.configFile;
        p.servers[1].restartCommand = c.restartCommand;
        p.setTls(required);
        const QString profile = writeProfile(QStringLiteral("required.replipair.json"), p);
        const Ran setup = cli({ QStringLiteral("setup"), profile, QStringLiteral("--yes") });
        QVERIFY2(setup.code != 0, qPrintable(setup.out + setup.err));
        QVERIFY2((setup.out + setup.err).contains(QStringLiteral("clear text")),
            qPrintable(setup.out + setup.err));
        QCOMPARE(sandboxSql(m_pair.sandbox(), 2, QStringLiteral("SHOW SLAVE STATUS")), QString());
        QCOMPARE(sandboxSql(m_pair.sandbox(), 0, QStringLiteral("SHOW SLAVE STATUS")), QString());
    }

    /** B's host given a CA that did not sign A's certificate: pre-flight names the certificate problem and
     *  nothing changes on either server. */
    void wrongCaFailsAtPreflight()
    {
        PairProfile p = m_pair.sandbox().pairProfile();
        p.servers[1].hostTls.ca = m_otherCa->caFile();
        const QString profile = writeProfile(QStringLiteral("wrong-ca.replipair.json"), p);
        const Ran setup
            = cli({ QStringLiteral("setup"), profile, QStringLiteral("--yes"), QStringLiteral("--json") });
        QVERIFY2(setup.code != 0, qPrintable(setup.out + setup.err));
        bool named = false;
        for (const QJsonObject& o : jsonLines(setup.out)) {
            const QString text = QJsonDocument(o).toJson(QJsonDocument::Compact);
            if (text.contains(QStringLiteral("tls-certificate-unverified"))
                && text.contains(QStringLiteral("certificate"), Qt::CaseInsensitive))
                named = true;
        }
        QVERIFY2(named, qPrintable(setup.out + setup.err));
        QVERIFY2((setup.out + setup.err).contains(QStringLiteral("self-signed certificate"))
                || (setup.out + setup.err).contains(QStringLiteral("unable to get local issuer")),
            qPrintable(setup.out + setup.err));
        verifyUntouched();
    }

    /** verify-ca: both directions encrypted and verified, the accounts REQUIRE SSL, and status and the
     *  monitor say so. */
    void setupVerifyCa()
    {
        const PairProfile p = m_pair.sandbox().pairProfile();
        const QString profile = writeProfile(QStringLiteral("pair.replipair.json"), p);
        const Ran setup = cli({ QStringLiteral("setup"), profile, QStringLiteral("--yes") });
        QVERIFY2(setup.code == 0, qPrintable(setup.out + setup.err));
        m_setUp = true;
        for (int i = 0; i < 2; ++i) {
            // the replica's own words, by column name, over a verified connection of RepliPair's
            SqlSession session(QStringLiteral("tls-status-%1").arg(i));
            auto opened = session.open(endpoint(i, p.tls), adminPassword(m_pair.sandbox()));
            QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().text));
            auto rows = session.query(QStringLiteral("SHOW SLAVE STATUS"));
            QVERIFY(rows && rows->size() == 1);
            const SqlRow row = rows->first();
            QCOMPARE(row.value(QStringLiteral("Master_SSL_Allowed")).toString(), QStringLiteral("Yes"));
            QCOMPARE(
                row.value(QStringLiteral("Master_SSL_Verify_Server_Cert")).toString(), QStringLiteral("Yes"));
            QCOMPARE(row.value(QStringLiteral("Master_SSL_CA_File")).toString(), m_pair.sandbox().caFile());
            QCOMPARE(row.value(QStringLiteral("Slave_IO_Running")).toString(), QStringLiteral("Yes"));
            QCOMPARE(sandboxSql(m_pair.sandbox(), i,
                         QStringLiteral("SELECT ssl_type FROM mysql.user WHERE User = 'replication'")),
                QStringLiteral("ANY")); // REQUIRE SSL
        }
        const Ran status = cli({ QStringLiteral("status"), profile, QStringLiteral("--json") });
        QVERIFY2(status.code == 0, qPrintable(status.out + status.err));
        const QList<QJsonObject> lines = jsonLines(status.out);
        int verified = 0;
        for (const QJsonObject& o : lines)
            if (o.value(QStringLiteral("tls")).toString() == QLatin1String("verified")
                && o.value(QStringLiteral("tlsEncrypted")).toBool())
                ++verified;
        QVERIFY2(verified == 2, qPrintable(status.out));
        const Ran human = cli({ QStringLiteral("status"), profile });
        QVERIFY2(
            human.out.contains(QStringLiteral("encrypted, certificate verified")), qPrintable(human.out));
    }

    void monitorReportsEncryption()
    {
        if (!m_setUp)
            QSKIP("needs the pair set up by setupVerifyCa");
        const QString profile = m_dir.filePath(QStringLiteral("pair.replipair.json"));
        const Ran mon = cli({ QStringLiteral("monitor"), profile, QStringLiteral("--interval"),
            QStringLiteral("0.5"), QStringLiteral("--json"), QStringLiteral("--once") });
        QVERIFY2(mon.code == 0, qPrintable(mon.out + mon.err));
        int encrypted = 0, ciphers = 0;
        for (const QJsonObject& o : jsonLines(mon.out)) {
            if (o.value(QStringLiteral("tlsEncrypted")).toBool()
                && o.value(QStringLiteral("tlsVerified")).toBool())
                ++encrypted;
            if (!o.value(QStringLiteral("tlsSessionCipher")).toString().isEmpty())
                ++ciphers;
            QCOMPARE(o.value(QStringLiteral("tlsCertificateState")).toString(), QStringLiteral("ok"));
        }
        QVERIFY2(encrypted >= 2, qPrintable(mon.out));
        QVERIFY2(ciphers >= 2, qPrintable(mon.out));
        const Ran prom
            = cli({ QStringLiteral("monitor"), profile, QStringLiteral("--interval"), QStringLiteral("0.5"),
                QStringLiteral("--format"), QStringLiteral("prometheus"), QStringLiteral("--once") });
        QVERIFY2(prom.code == 0, qPrintable(prom.out + prom.err));
        QVERIFY2(prom.out.contains(
                     QRegularExpression(QStringLiteral("replipair_replication_tls_verified\\{[^}]*\\} 1"))),
            qPrintable(prom.out));
    }

    /** A certificate that ends within 30 days is a warning in status, the monitor and the pre-flight. */
    void expiringCertificateWarns()
    {
        Sandbox& sb = m_pair.sandbox();
        SandboxCertificates ca(QFileInfo(sb.caFile()).absolutePath());
        // A's certificate, renewed for 10 days only, at the paths its option file names; FLUSH SSL loads it
        auto issued = ca.issue(QStringLiteral("sandbox-a"), 10);
        QVERIFY2(issued, qPrintable(issued ? QString() : issued.error().text));
        bool ok = false;
        sandboxSql(sb, 0, QStringLiteral("FLUSH SSL"), &ok);
        QVERIFY(ok);
        const QString profile = writeProfile(QStringLiteral("expiring.replipair.json"), sb.pairProfile());
        const Ran status = cli({ QStringLiteral("status"), profile });
        QVERIFY2(status.out.contains(QStringLiteral("WARNING: the TLS certificate expires in")),
            qPrintable(status.out));
        const Ran mon = cli({ QStringLiteral("monitor"), profile, QStringLiteral("--interval"),
            QStringLiteral("0.5"), QStringLiteral("--json"), QStringLiteral("--once") });
        QStringList states;
        for (const QJsonObject& o : jsonLines(mon.out))
            if (o.contains(QStringLiteral("tlsCertificateState")))
                states << o.value(QStringLiteral("server")).toString() + QLatin1Char('=')
                        + o.value(QStringLiteral("tlsCertificateState")).toString();
        QVERIFY2(states.contains(QStringLiteral("A=warning")), qPrintable(mon.out));
        QVERIFY2(states.contains(QStringLiteral("B=ok")), qPrintable(mon.out));
        const Ran inspect = cli({ QStringLiteral("inspect"), profile, QStringLiteral("--json") });
        QVERIFY2(inspect.out.contains(QStringLiteral("tls-certificate-expiring")),
            qPrintable(inspect.out + inspect.err));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
