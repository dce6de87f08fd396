#include "operation/hookrunner.h"

#include <QElapsedTimer>
#include <QTest>

/** Switch hooks: the REPLIPAIR_* variables, the exit code and the output, no secret in the environment, and
 *  the timeout stopping the hook's whole process group. */
class TstHookRunner : public QObject
{
    Q_OBJECT

    static PairProfile pair()
    {
        PairProfile p;
        p.name = QStringLiteral("shop");
        p.servers[0].name = QStringLiteral("db1");
        p.servers[0].host = QStringLiteral("10.0.0.1");
        p.servers[0].port = 3306;
        p.servers[0].adminPasswordEnv = QStringLiteral("TST_HOOK_SECRET");
        p.servers[1].name = QStringLiteral("db2");
        p.servers[1].host = QStringLiteral("10.0.0.2");
        p.servers[1].port = 3307;
        return p;
    }

private Q_SLOTS:
    void theHookSeesTheWritersAndNoSecret()
    {
        qputenv("TST_HOOK_SECRET", "s3cret");
        PairProfile p = pair();
        p.hooks.afterSwitch
            = QStringLiteral("echo \"$REPLIPAIR_PAIR $REPLIPAIR_OLD_WRITER $REPLIPAIR_OLD_WRITER_HOST "
                             "$REPLIPAIR_OLD_WRITER_PORT $REPLIPAIR_NEW_WRITER $REPLIPAIR_NEW_WRITER_HOST "
                             "$REPLIPAIR_NEW_WRITER_PORT [${TST_HOOK_SECRET}]\"");
        const auto out = HookRunner(p, 0, 1).run(HookRunner::AfterSwitch);
        QVERIFY(out);
        QVERIFY(out->ok());
        QCOMPARE(out->output, QStringLiteral("shop db1 10.0.0.1 3306 db2 10.0.0.2 3307 []"));
    }

    void aFailingHookSaysItsExitAndOutput()
    {
        PairProfile p = pair();
        p.hooks.beforeSwitch = QStringLiteral("echo no way >&2; exit 4");
        const auto out = HookRunner(p, 1, 0).run(HookRunner::BeforeSwitch);
        QVERIFY(out);
        QVERIFY(!out->ok());
        QCOMPARE(out->exitCode, 4);
        QVERIFY(out->summary().contains(QStringLiteral("no way")));
    }

    void noCommandIsNothingToRun()
    {
        const auto out = HookRunner(pair(), 0, 1).run(HookRunner::Rollback);
        QVERIFY(out && out->ok());
    }

    void aHookPastItsTimeoutIsStoppedWithItsChildren()
    {
        PairProfile p = pair();
        p.hooks.timeoutSeconds = 1;
        p.hooks.beforeSwitch = QStringLiteral("sleep 30 & sleep 30; echo never");
        QElapsedTimer t;
        t.start();
        const auto out = HookRunner(p, 0, 1).run(HookRunner::BeforeSwitch);
        QVERIFY(out);
        QVERIFY(out->timedOut);
        QVERIFY(!out->ok());
        QVERIFY(t.elapsed() < 10000);
    }
};

QTEST_GUILESS_MAIN(TstHookRunner)
#include "tst_hookrunner.moc"
