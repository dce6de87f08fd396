#include "host/serverworker.h"
#include "setup/pairverifier.h"
#include "support/replicatedsandbox.h"
#include "support/testsupport.h"

#include <QTest>

#include <memory>
#include <optional>

/** PairVerifier against a real replicating sandbox pair: it verifies a pair whose servers stay up, and
 *  fails — never "verified" — when a server is restarted while the test rows travel, although the rows
 *  then arrive (the replica threads reconnect within a second). */
class TestVerifierLostServer : public QObject
{
    Q_OBJECT

    SandboxPair m_pair;
    PairProfile m_profile;
    std::unique_ptr<ServerWorker> m_workers[2];

    Sandbox& sb() { return m_pair.sandbox(); }

    /** verify(), with @p onRows called when the test rows are about to be written; @p restartedB: the B
     *  process setup's restart saw come back. */
    Result<void> verify(
        const std::function<void()>& onRows = {}, const std::optional<RunningServer>& restartedB = {})
    {
        PairVerifier verifier(m_profile, m_workers[0].get(), m_workers[1].get());
        if (restartedB)
            verifier.expectProcess(1, *restartedB);
        return verifier.verify(30000, [&](const SetupEvent& e) {
            if (onRows && e.kind == SetupEvent::Kind::StepStarted
                && e.text.contains(QLatin1String("test row")))
                onRows();
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        QString error;
        QVERIFY2(startSandboxReplication(sb(), &error), qPrintable(error));
        m_profile = sb().pairProfile();
        for (int i = 0; i < 2; ++i) {
            m_workers[i] = std::make_unique<ServerWorker>(i, m_profile.servers[i]);
            auto c = m_workers[i]->submit([](ServerContext& ctx) { return ctx.connect(); });
            c.waitForFinished();
            QVERIFY2(c.result(), qPrintable(c.result() ? QString() : c.result().error().toString()));
        }
    }

    void verifiesAPairThatStaysUp()
    {
        auto ok = verify();
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().toString()));
    }

    void aServerRestartedDuringTheRowsIsNotVerified()
    {
        auto ok = verify([this] {
            QVERIFY(sb().stop(1));
            QVERIFY(sb().start(1));
        });
        QVERIFY(!ok);
        QCOMPARE(ok.error().server, QStringLiteral("B"));
        QVERIFY2(ok.error().text.contains(QLatin1String("restarted during the verification")),
            qPrintable(ok.error().text));
        QVERIFY2(ok.error().text.contains(QLatin1String("NOT verified")), qPrintable(ok.error().text));
        // the pair itself is fine again: a verification of servers that stay up passes
        QString error;
        QVERIFY2(waitForSandboxReplication(sb(), 30000, &error), qPrintable(error));
        auto again = verify();
        QVERIFY2(again, qPrintable(again ? QString() : again.error().toString()));
    }

    void theProcessBackFromSetupsRestartMustStillAnswer()
    {
        // setup's restart counts B back as soon as its new process answers (no 2 s settle): the verification
        // must then start (and so end) with that very process. B, stopped and started again since, is not it.
        auto seen = m_workers[1]->run([](ServerContext& ctx) { return RunningServer::read(*ctx.sql); });
        QVERIFY2(seen, qPrintable(seen ? QString() : seen.error().toString()));
        auto same = verify({}, *seen); // still that process: verified
        QVERIFY2(same, qPrintable(same ? QString() : same.error().toString()));
        QVERIFY(sb().stop(1));
        QVERIFY(sb().start(1));
        auto ok = verify({}, *seen);
        QVERIFY(!ok);
        QCOMPARE(ok.error().server, QStringLiteral("B"));
        QVERIFY2(ok.error().text.contains(QLatin1String("not the server process that came back")),
            qPrintable(ok.error().text));
        QVERIFY2(ok.error().text.contains(QLatin1String("NOT verified")), qPrintable(ok.error().text));
        QString error;
        QVERIFY2(waitForSandboxReplication(sb(), 30000, &error), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestVerifierLostServer)
#include "tst_verifierlostserver.moc"
