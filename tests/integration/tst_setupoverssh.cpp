#include "common/pairprofile.h"
#include "support/setupdriver.h"
#include "support/sshdfixture.h"
#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <unistd.h>

/** The whole setup over a real sshd on loopback against two sandboxes: host keys, auth, sudo,
 *  configFile "auto", refusals that change nothing, and a server that will not start with the new config. */
class TestSetupOverSsh : public QObject
{
    Q_OBJECT

    static QString text(const QString& path)
    {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return QString::fromUtf8(f.readAll());
    }
    static void dump(const SetupOutcome& o) { qInfo().noquote() << o.lines.join(QLatin1Char('\n')); }

    /** Both servers reached over SSH, option files found automatically. */
    static PairProfile overSsh(Sandbox& sb, const SshdFixture& sshd, const QString& knownHosts, bool sudo)
    {
        PairProfile p = sb.pairProfile();
        for (ServerProfile& s : p.servers) {
            s.hasSsh = true;
            s.ssh = sshd.endpoint(knownHosts);
            s.ssh.sudo = sudo && ::geteuid() == 0;
            s.configFile = QStringLiteral("auto");
        }
        return p;
    }

    SshdFixture m_sshd;
    QString m_knownHosts;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sshd.start(), qPrintable(m_sshd.error()));
        QVERIFY(m_sshd.allowSudo()); // as root: its unprivileged user sudoes like a DBA's account
        m_knownHosts = m_sshd.dir() + QStringLiteral("/known_hosts_setup");
    }

    void unknownHostRefusedThenAcceptedAndSetUpOverSsh()
    {
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        QFile::remove(m_knownHosts);
        PairProfile profile = overSsh(sb, m_sshd, m_knownHosts, true);

        const SetupOutcome refused = runSetup(profile);
        dump(refused);
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.text.contains(m_sshd.hostKeyFingerprint()), qPrintable(refused.error.text));
        QVERIFY(!QFile::exists(sb.servers()[0].dir + QStringLiteral("/conf.d/90-replipair.cnf")));

        for (ServerProfile& s : profile.servers)
            s.ssh.acceptNewHostKey = true;
        const SetupOutcome o = runSetup(profile);
        dump(o);
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        QVERIFY(text(m_knownHosts).contains(QStringLiteral("ssh-ed25519")));
        // the fingerprint that was added is shown (once: both servers are on the same host)
        QVERIFY2(o.said(QStringLiteral("was added to %1").arg(m_knownHosts)), "no host-key-added event");
        QVERIFY(o.said(m_sshd.hostKeyFingerprint()));
        // configFile "auto" found each server's own file, and the drop-in went next to it
        for (int i = 0; i < 2; ++i) {
            QVERIFY2(
                o.said(QStringLiteral("option file %1: --defaults-file").arg(sb.servers()[i].configFile)),
                qPrintable(sb.servers()[i].configFile));
            QVERIFY(QFile::exists(sb.servers()[i].dir + QStringLiteral("/conf.d/90-replipair.cnf")));
        }
        QVERIFY(text(sb.servers()[1].dir + QStringLiteral("/conf.d/90-replipair.cnf"))
                    .contains(QStringLiteral("server-id = 2")));
        QVERIFY(o.said(QStringLiteral("verified in both directions")));
    }

    void passwordAuthentication()
    {
        if (m_sshd.password().isEmpty())
            QSKIP("password login needs a dedicated local user, which only root can create");
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        PairProfile profile = overSsh(pair.sandbox(), m_sshd, m_knownHosts, true);
        qputenv("RP_TEST_SSH_PW", m_sshd.password().toUtf8());
        for (ServerProfile& s : profile.servers) {
            s.ssh.keyFile.clear();
            s.ssh.passwordEnv = QStringLiteral("RP_TEST_SSH_PW");
            s.ssh.acceptNewHostKey = true;
        }
        const SetupOutcome plan = runSetup(profile, SetupRunner::Mode::Plan);
        dump(plan);
        QVERIFY2(plan.ok, qPrintable(plan.error.toString()));
        QVERIFY(!plan.plan.steps.isEmpty());
        for (const QString& line : plan.lines)
            QVERIFY(!line.contains(m_sshd.password()));
    }

    void userWhoCannotWriteTheConfigIsRefusedBeforeAnythingChanges()
    {
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        if (::geteuid() != 0)
            QFile::setPermissions(
                sb.servers()[0].dir + QStringLiteral("/conf.d"), QFile::ReadOwner | QFile::ExeOwner);
        // the login user may read what a packaged server leaves readable (its pid file), but write nothing
        const auto readable = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
        const auto enterable = readable | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
        QFile::setPermissions(pair.dir(), enterable);
        QFile::setPermissions(sb.dir(), enterable);
        for (const SandboxServer& s : sb.servers()) {
            QFile::setPermissions(s.dir, enterable);
            QFile::setPermissions(s.pidFile, readable);
        }
        PairProfile profile
            = overSsh(sb, m_sshd, m_knownHosts, false); // as root: the login user has no sudo here
        for (ServerProfile& s : profile.servers)
            s.ssh.acceptNewHostKey = true;
        const QString before[2] = { text(sb.servers()[0].configFile), text(sb.servers()[1].configFile) };
        const SetupOutcome o = runSetup(profile);
        dump(o);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.step, QStringLiteral("check-config"));
        QVERIFY2(o.error.text.contains(sb.servers()[0].dir) || o.error.text.contains(sb.servers()[1].dir),
            qPrintable(o.error.text));
        QVERIFY(o.error.text.contains(QStringLiteral("nothing was changed")));
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(text(sb.servers()[i].configFile), before[i]);
            QVERIFY(!QFile::exists(sb.servers()[i].dir + QStringLiteral("/conf.d/90-replipair.cnf")));
        }
        if (::geteuid() != 0)
            QFile::setPermissions(sb.servers()[0].dir + QStringLiteral("/conf.d"),
                QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void serverThatWillNotStartGetsItsOldConfigBack()
    {
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        // with the binary log on, B cannot open its index (a folder stands in the way): it will not start
        QVERIFY(QDir().mkpath(sb.servers()[1].dir + QStringLiteral("/data/mysql-bin.index")));
        PairProfile profile = overSsh(sb, m_sshd, m_knownHosts, true);
        for (ServerProfile& s : profile.servers)
            s.ssh.acceptNewHostKey = true;
        const QString before = text(sb.servers()[1].configFile);
        const SetupOutcome o = runSetup(
            profile, SetupRunner::Mode::Setup, [](SetupRunner& r) { r.setRestartTimeoutMs(30000); });
        dump(o);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.server, QStringLiteral("B"));
        QVERIFY2(o.error.text.contains(QStringLiteral("did not come back with the new configuration")),
            qPrintable(o.error.text));
        QVERIFY(o.error.text.contains(QStringLiteral("server is back up")));
        QCOMPARE(text(sb.servers()[1].configFile), before);
        QVERIFY(!QFile::exists(sb.servers()[1].dir + QStringLiteral("/conf.d/90-replipair.cnf")));
        QVERIFY(sb.isRunning(1));
        QCOMPARE(sandboxSql(sb, 1, QStringLiteral("SELECT @@log_bin")), QStringLiteral("0"));
    }

    void changedHostKeyIsRefused()
    {
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        PairProfile profile = overSsh(pair.sandbox(), m_sshd, m_knownHosts, true);
        for (ServerProfile& s : profile.servers)
            s.ssh.acceptNewHostKey = true; // even so
        const SetupOutcome known = runSetup(profile, SetupRunner::Mode::Plan);
        QVERIFY2(known.ok, qPrintable(known.error.toString()));
        const QString oldPrint = m_sshd.hostKeyFingerprint();
        QVERIFY(m_sshd.replaceHostKey());
        const SetupOutcome o = runSetup(profile, SetupRunner::Mode::Plan);
        dump(o);
        QVERIFY(!o.ok);
        QVERIFY2(o.error.text.contains(oldPrint) && o.error.text.contains(m_sshd.hostKeyFingerprint()),
            qPrintable(o.error.text));
    }
};

QTEST_GUILESS_MAIN(TestSetupOverSsh)
#include "tst_setupoverssh.moc"
