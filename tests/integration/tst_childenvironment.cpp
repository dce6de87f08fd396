#include "host/childenvironment.h"
#include "support/setupdriver.h"
#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QTest>

/** Issue 16, defect 8: the processes RepliPair starts on this machine never get a password variable of
 *  the profile. A real setup restarts both sandbox servers through a restart command that first dumps
 *  its environment; the restarted server's own environment is read from /proc. */
class TestChildEnvironment : public QObject
{
    Q_OBJECT

    static QByteArray readAll(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void restartCommandAndRestartedServerNeverSeeAPassword()
    {
        if (Sandbox::serverBinary().isEmpty())
            QSKIP("no mariadbd/mysqld on this machine");
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        const QByteArray password = readAll(sb.adminPasswordFile()).trimmed();
        QVERIFY(password.size() >= 8);
        // the admin passwords by variable (one per server), an SSH password variable that A names, and one
        // harmless variable that must get through
        qputenv("RP_TEST_ADMIN_PW_A", password);
        qputenv("RP_TEST_ADMIN_PW_B", password);
        qputenv("RP_TEST_SSH_PW", "ssh-secret-never-seen");
        qputenv("RP_TEST_HARMLESS", "visible");
        PairProfile profile = sb.pairProfile();
        for (int i = 0; i < 2; ++i) {
            ServerProfile& s = profile.servers[i];
            s.adminPasswordFile.clear();
            s.adminPasswordEnv = QStringLiteral("RP_TEST_ADMIN_PW_") + s.name;
            s.restartCommand
                = QStringLiteral("env > %1/restart-%2.env; %3").arg(pair.dir(), s.name, s.restartCommand);
        }
        profile.servers[0].ssh.passwordEnv = QStringLiteral("RP_TEST_SSH_PW");
        const SetupOutcome o = runSetup(profile);
        qInfo().noquote() << o.lines.join(QLatin1Char('\n'));
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        QCOMPARE(ChildEnvironment::withheld(),
            QStringList({ QStringLiteral("RP_TEST_ADMIN_PW_A"), QStringLiteral("RP_TEST_ADMIN_PW_B"),
                QStringLiteral("RP_TEST_SSH_PW") }));
        for (int i = 0; i < 2; ++i) {
            const QString name = profile.servers[i].name;
            // the restart command's environment (a fresh sandbox's binary log is off: setup restarts both)
            const QByteArray env = readAll(QStringLiteral("%1/restart-%2.env").arg(pair.dir(), name));
            QVERIFY2(env.contains("RP_TEST_HARMLESS=visible"),
                qPrintable(name + QStringLiteral(": not restarted?")));
            QVERIFY2(!env.contains(password), qPrintable(name));
            QVERIFY(!env.contains("RP_TEST_ADMIN_PW"));
            QVERIFY(!env.contains("ssh-secret-never-seen"));
            // and the server it started
            const QByteArray pid = readAll(sb.servers()[i].pidFile).trimmed();
            QVERIFY(!pid.isEmpty());
            const QByteArray serverEnv
                = readAll(QStringLiteral("/proc/%1/environ").arg(QString::fromLatin1(pid)));
            QVERIFY2(serverEnv.contains("RP_TEST_HARMLESS=visible"), qPrintable(name));
            QVERIFY2(!serverEnv.contains(password), qPrintable(name));
            QVERIFY(!serverEnv.contains("ssh-secret-never-seen"));
        }
    }
};

QTEST_GUILESS_MAIN(TestChildEnvironment)
#include "tst_childenvironment.moc"
