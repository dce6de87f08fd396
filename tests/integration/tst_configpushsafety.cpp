#include "common/shellquote.h"
#include "common/stepid.h"
#include "host/localshell.h"
#include "host/ssh/sshshell.h"
#include "support/setupdriver.h"
#include "support/sshdfixture.h"
#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

/** What RepliPair writes into a server's option files, and only that (issue 16, defects 4 and 6): a
 *  "configFile" outside the files the server reads is refused before anything is shown or written; a
 *  rename that fails is never reported as a write; a file edited between the plan's read and the write
 *  is left as the admin made it; a failed restart puts back the backup just taken, byte for byte. Each
 *  over a local shell and over a real sshd (with sudo, as root). */
class TestConfigPushSafety : public QObject
{
    Q_OBJECT

    static QByteArray bytes(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
    }
    static bool put(const QString& path, const QByteArray& content)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
    }
    static void dump(const SetupOutcome& o) { qInfo().noquote() << o.lines.join(QLatin1Char('\n')); }
    static QStringList leftovers(const QString& dir)
    {
        return QDir(dir).entryList({ QStringLiteral(".replipair-*"), QStringLiteral("*.bak") },
            QDir::Files | QDir::Hidden | QDir::System);
    }
    static QString sudoersRule() { return QStringLiteral("/etc/sudoers.d/replipair-test-configpushsafety"); }

    /** @p ssh: the server's host is reached over the fixture's sshd (sudo as root), else locally. */
    void overSsh(PairProfile& profile, int index)
    {
        ServerProfile& s = profile.servers[index];
        s.hasSsh = true;
        s.ssh = m_sshd.endpoint(m_sshd.dir() + QStringLiteral("/known_hosts_safety"));
        s.ssh.acceptNewHostKey = true;
        s.ssh.sudo = ::geteuid() == 0;
    }

    /** The data of a test that runs over a local shell and over the fixture's sshd: the column "ssh". */
    static void localAndSsh()
    {
        QTest::addColumn<bool>("ssh");
        QTest::newRow("local") << false;
        QTest::newRow("ssh") << true;
    }
    /** The fixture's sshd runs and this is root: the test user may sudo. */
    bool sshWithSudo() const { return m_sshOk && ::geteuid() == 0; }

    SshdFixture m_sshd;
    bool m_sshOk = false;

private Q_SLOTS:
    void initTestCase()
    {
        if (Sandbox::serverBinary().isEmpty())
            QSKIP("no mariadbd/mysqld installed (scripts/install-deps.sh installs MariaDB)");
        QFile::remove(sudoersRule()); // a run killed before its clean-up
        m_sshOk = QFile::exists(QStringLiteral("/usr/sbin/sshd")) && m_sshd.start();
        if (m_sshOk && ::geteuid() == 0) {
            QFile rule(sudoersRule());
            QVERIFY(rule.open(QIODevice::WriteOnly));
            rule.write(QStringLiteral("%1 ALL=(root) NOPASSWD: ALL\n").arg(m_sshd.user()).toUtf8());
            rule.close();
            QFile::setPermissions(rule.fileName(), QFile::ReadOwner | QFile::ReadGroup);
        }
    }
    void cleanupTestCase() { QFile::remove(sudoersRule()); }

    void configFileOutsideTheServersFilesIsRefused_data() { localAndSsh(); }
    void configFileOutsideTheServersFilesIsRefused()
    {
        QFETCH(bool, ssh);
        if (ssh && !sshWithSudo())
            QSKIP("needs sshd and root (sudo for the test user)");
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        // a real file with a passwd's content, in a folder of its own, outside the server's option files
        QTemporaryDir elsewhere(QStringLiteral("/tmp/rp-etc-XXXXXX"));
        const QString passwd = elsewhere.filePath(QStringLiteral("passwd"));
        const QByteArray content = "root:x:0:0:root:/root:/bin/bash\n"
                                   "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n";
        QVERIFY(put(passwd, content));
        QFile::setPermissions(
            passwd, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther | QFile::ReadGroup);
        const QByteArray cnfA = bytes(sb.servers()[0].configFile), cnfB = bytes(sb.servers()[1].configFile);
        PairProfile profile = sb.pairProfile();
        profile.servers[1].configFile = passwd;
        if (ssh)
            overSsh(profile, 1);

        for (const auto mode : { SetupRunner::Mode::Plan, SetupRunner::Mode::Setup }) {
            const SetupOutcome o = runSetup(profile, mode);
            dump(o);
            QVERIFY(!o.ok);
            QCOMPARE(o.error.server, QStringLiteral("B"));
            QVERIFY2(o.error.text.contains(QStringLiteral("is not one of the option files the server reads")),
                qPrintable(o.error.text));
            QVERIFY2(o.error.text.contains(QStringLiteral("nothing was changed")), qPrintable(o.error.text));
            for (const PlanStep& s : o.plan.steps) // no diff of it was shown
                QVERIFY2(!s.diff.contains(QStringLiteral("root:x:0:0")), qPrintable(s.diff));
            QVERIFY(!o.said(QStringLiteral("wrote ")));
        }
        QCOMPARE(bytes(passwd), content);
        QCOMPARE(QDir(elsewhere.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList { QStringLiteral("passwd") }); // no backup, no temporary file
        QCOMPARE(bytes(sb.servers()[0].configFile), cnfA);
        QCOMPARE(bytes(sb.servers()[1].configFile), cnfB);

        // a new *.cnf file in the server's own !includedir folder is a file it reads from its next start
        profile.servers[1].configFile = sb.servers()[1].dir + QStringLiteral("/conf.d/60-mine.cnf");
        const SetupOutcome plan = runSetup(profile, SetupRunner::Mode::Plan);
        dump(plan);
        QVERIFY2(plan.ok, qPrintable(plan.error.toString()));
        bool shown = false;
        for (const PlanStep& s : plan.plan.steps)
            shown
                = shown || (s.server == QLatin1String("B") && s.diff.contains(QStringLiteral("60-mine.cnf")));
        QVERIFY(shown);
        QVERIFY(!QFile::exists(profile.servers[1].configFile));
    }

    void failedRenameIsNotReportedAsWritten_data() { localAndSsh(); }
    void failedRenameIsNotReportedAsWritten()
    {
        QFETCH(bool, ssh);
        if (::geteuid() != 0)
            QSKIP("needs root: an immutable file (chattr +i) is what makes the rename fail here");
        if (ssh && !m_sshOk)
            QSKIP("needs sshd");
        QTemporaryDir dir(QStringLiteral("/tmp/rp-imm-XXXXXX"));
        const QString file = dir.filePath(QStringLiteral("my.cnf"));
        const QByteArray before = "[mysqld]\nserver-id = 1\n";
        QVERIFY(put(file, before));
        bool ok = false;
        SshdFixture::runLocal(QStringLiteral("chattr"), { QStringLiteral("+i"), file }, &ok);
        if (!ok)
            QSKIP("this file system has no immutable attribute");
        const auto mutableAgain = qScopeGuard([&] {
            SshdFixture::runLocal(QStringLiteral("chattr"), { QStringLiteral("-i"), file });
        });
        std::unique_ptr<HostShell> shell;
        if (ssh) {
            PairProfile p;
            overSsh(p, 0);
            auto opened = SshShell::open(QStringLiteral("B"), p.servers[0].ssh, 5000);
            QVERIFY2(opened.has_value(), qPrintable(opened ? QString() : opened.error().toString()));
            shell = std::move(*opened);
        } else {
            shell = std::make_unique<LocalShell>(QStringLiteral("B"));
        }
        for (const auto& expect : { FileReplacement { file, "[mysqld]\nserver-id = 2\n" },
                 FileReplacement::ifUnchanged(file, "[mysqld]\nserver-id = 2\n", true, before) }) {
            int copied = -1, written = -1;
            const Result<void> r = shell->copyThenWrite(
                { { file, file + QStringLiteral(".replipair-test.bak") } }, { expect }, copied, written);
            QVERIFY(!r);
            QCOMPARE(written, 0); // not "wrote"
            QCOMPARE(copied, 1);
            QVERIFY2(r.error().text.contains(file), qPrintable(r.error().text));
            QCOMPARE(bytes(file), before);
            // the temporary file is gone (the backup is the only file beside it)
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                (QStringList { QStringLiteral("my.cnf"), QStringLiteral("my.cnf.replipair-test.bak") }));
            QFile::remove(file + QStringLiteral(".replipair-test.bak"));
        }
    }

    void fileChangedBetweenReadAndWriteIsKept_data() { localAndSsh(); }
    void fileChangedBetweenReadAndWriteIsKept()
    {
        QFETCH(bool, ssh);
        if (ssh && !sshWithSudo())
            QSKIP("needs sshd and root (sudo for the test user)");
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        const SandboxServer& b = sb.servers()[1];
        PairProfile profile = sb.pairProfile();
        if (ssh)
            overSsh(profile, 1);
        QByteArray admins;
        // after the plan was made from the files (and before the config step): an admin edits B's my.cnf
        const SetupOutcome o = runSetup(profile, SetupRunner::Mode::Setup, [&](SetupRunner& r) {
            r.setAfterStepHook([&](const QString& step) {
                if (step != StepId::Preflight)
                    return;
                admins = bytes(b.configFile) + "# the admin's own line\nmax_connections = 77\n";
                put(b.configFile, admins);
            });
        });
        dump(o);
        QVERIFY(!admins.isEmpty());
        QVERIFY(!o.ok);
        QCOMPARE(o.error.server, QStringLiteral("B"));
        QVERIFY2(
            o.error.text.contains(QStringLiteral("changed since it was read")), qPrintable(o.error.text));
        QVERIFY2(o.error.text.contains(b.configFile), qPrintable(o.error.text));
        QCOMPARE(bytes(b.configFile), admins); // the admin's change is kept
        QVERIFY(!QFile::exists(b.dir + QStringLiteral("/conf.d/90-replipair.cnf")));
        QCOMPARE(leftovers(b.dir), QStringList()); // nothing backed up, no temporary file
        QCOMPARE(leftovers(b.dir + QStringLiteral("/conf.d")), QStringList());
        for (const QString& line : o.lines)
            QVERIFY2(!(line.contains(QStringLiteral("[B]")) && line.contains(QStringLiteral("wrote "))),
                qPrintable(line));
    }

    void failedRestartRestoresTheBackupTaken_data() { localAndSsh(); }
    void failedRestartRestoresTheBackupTaken()
    {
        QFETCH(bool, ssh);
        if (ssh && !sshWithSudo())
            QSKIP("needs sshd and root (sudo for the test user)");
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        const SandboxServer& b = sb.servers()[1];
        const QByteArray original = bytes(b.configFile);
        // the first restart fails, after a line was added to the backup just taken; the restore's restart
        // is a real one
        const QString once = pair.dir() + QStringLiteral("/failed-once");
        const QString script = pair.dir() + QStringLiteral("/restart-b.sh");
        QVERIFY(put(script,
            QStringLiteral(
                "#!/bin/sh\n"
                "if [ -e %1 ]; then exec %2/restart.sh; fi\n"
                "touch %1\n"
                "for f in %2/my.cnf.replipair-*.bak; do echo '# kept in the backup' >> \"$f\"; done\n"
                "exit 1\n")
                .arg(Shell::quote(once), Shell::quote(b.dir))
                .toUtf8()));
        QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        PairProfile profile = sb.pairProfile();
        profile.servers[1].restartCommand = Shell::quote(script);
        if (ssh)
            overSsh(profile, 1);
        const SetupOutcome o = runSetup(profile);
        dump(o);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.server, QStringLiteral("B"));
        QVERIFY2(o.error.text.contains(QStringLiteral("restored %1 from %1.replipair-").arg(b.configFile)),
            qPrintable(o.error.text));
        QVERIFY2(o.error.text.contains(QStringLiteral("server is back up")), qPrintable(o.error.text));
        // the backup's bytes, not what was read at the plan
        QCOMPARE(bytes(b.configFile), original + "# kept in the backup\n");
        QVERIFY(!QFile::exists(b.dir + QStringLiteral("/conf.d/90-replipair.cnf")));
        QVERIFY(sb.isRunning(1));
    }
};

QTEST_GUILESS_MAIN(TestConfigPushSafety)
#include "tst_configpushsafety.moc"
