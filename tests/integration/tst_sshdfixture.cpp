#include "support/sshdfixture.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <unistd.h>

/** Issue 16, defect 9: a test that changes the machine (a real user with a password, a NOPASSWD sudoers
 *  rule) leaves nothing behind, also when it is killed before its destructors run: the next run removes
 *  it first. A child process (this executable in its "hold" mode) makes both and is killed with SIGKILL. */
class TestSshdFixture : public QObject
{
    Q_OBJECT

    static bool userExists(const QString& user)
    {
        bool ok = false;
        SshdFixture::runLocal(QStringLiteral("id"), { user }, &ok);
        return ok;
    }

private Q_SLOTS:
    void destructorRemovesUserAndRule()
    {
        if (::geteuid() != 0)
            QSKIP("only root makes a test user and a sudoers rule");
        QString user, rule;
        {
            SshdFixture sshd;
            QVERIFY2(sshd.start(), qPrintable(sshd.error()));
            QVERIFY(sshd.allowSudo());
            user = sshd.user();
            rule = sshd.sudoersRule();
            QVERIFY(userExists(user));
            QVERIFY(QFile::exists(rule));
        }
        QVERIFY(!userExists(user));
        QVERIFY(!QFile::exists(rule));
    }

    void killedRunsLeftoversAreRemovedByTheNextRun()
    {
        if (::geteuid() != 0)
            QSKIP("only root makes a test user and a sudoers rule");
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RP_SSHD_FIXTURE_HOLD"), QStringLiteral("1"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(child.canReadLine() || child.state() == QProcess::NotRunning, 60000);
        const QStringList ready = QString::fromUtf8(child.readLine()).trimmed().split(QLatin1Char(' '));
        QVERIFY2(ready.size() == 3 && ready[0] == QLatin1String("ready"),
            qPrintable(ready.join(QLatin1Char(' '))));
        const QString user = ready[1], rule = ready[2];
        QVERIFY(userExists(user));
        QVERIFY(QFile::exists(rule));
        ::kill(pid_t(child.processId()), SIGKILL); // no destructor runs
        QVERIFY(child.waitForFinished(10000));
        QVERIFY2(userExists(user), "the killed run's user should still be there before the next run");
        QVERIFY(QFile::exists(rule));

        SshdFixture next;
        QVERIFY2(next.start(), qPrintable(next.error()));
        QVERIFY(!userExists(user));
        QVERIFY(!QFile::exists(rule));
        QVERIFY(userExists(next.user()));
    }
};

/** The child's part: makes the user and the rule, says so, and waits to be killed. */
static int hold()
{
    SshdFixture sshd;
    if (!sshd.start() || !sshd.allowSudo()) {
        std::printf("failed %s\n", qPrintable(sshd.error()));
        return 1;
    }
    std::printf("ready %s %s\n", qPrintable(sshd.user()), qPrintable(sshd.sudoersRule()));
    std::fflush(stdout);
    for (;;)
        ::pause();
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("RP_SSHD_FIXTURE_HOLD"))
        return hold();
    TestSshdFixture test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sshdfixture.moc"
