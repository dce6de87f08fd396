#include "setup/setuprunner.h"
#include "support/rowwriter.h"
#include "support/setupdriver.h"
#include "support/testsupport.h"

#include <QFile>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

/** Pairing a live server that has data and takes writes with a new one, on one sandbox pair whose
 *  replication is reset between the scenarios: a copy under writes across A's restart, a copy that
 *  replaces B's older copy after a cancel in the middle, no copy with writes during setup, and a
 *  difference pre-flight must name. Every committed row must reach B exactly once. */
class TestLivePairing : public QObject
{
    Q_OBJECT

    SandboxPair m_pair;
    QString m_password;

    Sandbox& sb() { return m_pair.sandbox(); }
    QString sql(int i, const QString& s) { return sandboxSql(sb(), i, s); }
    QString checksum(int i) { return sql(i, QStringLiteral("CHECKSUM TABLE test.orders")); }
    QString pid(int i)
    {
        QFile f(sb().servers()[i].pidFile);
        f.open(QIODevice::ReadOnly);
        return QString::fromUtf8(f.readAll()).trimmed();
    }
    std::unique_ptr<RowWriter> writer()
    {
        return std::make_unique<RowWriter>(QStringLiteral("127.0.0.1"), sb().servers()[0].port,
            QStringLiteral("root"), m_password, QStringLiteral("test.orders"), 3);
    }
    static void dump(const SetupOutcome& o) { qInfo().noquote() << o.lines.join(QLatin1Char('\n')); }
    /** Stops replication on both, as before a first setup; data and settings stay. */
    void resetReplication()
    {
        for (int i = 0; i < 2; ++i)
            sql(i, QStringLiteral("STOP SLAVE; RESET SLAVE ALL;"));
    }
    /** Every row the writer committed is on B exactly once and the table checksums match. */
    void expectEveryRowOnB(qint64 committed, qint64 lastSeq)
    {
        const QString count = QStringLiteral("SELECT COUNT(*) FROM test.orders WHERE seq < 1000000000");
        (void)QTest::qWaitFor(
            [&] { return sql(1, count) == QString::number(committed); }, 60000); // compared below
        QCOMPARE(sql(0, count), QString::number(committed));
        QCOMPARE(sql(1, count), QString::number(committed));
        QCOMPARE(sql(1, QStringLiteral("SELECT MAX(seq) FROM test.orders WHERE seq < 1000000000")),
            QString::number(lastSeq));
        QCOMPARE(checksum(1), checksum(0));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        QFile pw(sb().adminPasswordFile());
        QVERIFY(pw.open(QIODevice::ReadOnly));
        m_password = QString::fromUtf8(pw.readAll()).trimmed();
        // A: about 80 MB in test.orders (a copy of a few seconds, long enough to cancel in the middle on an
        // idle machine); B: an empty test database, as a new server has
        QString seed = RowWriter::createTableSql(QStringLiteral("test.orders"))
            + QStringLiteral(";ALTER TABLE test.orders ADD COLUMN pad CHAR(60) NOT NULL DEFAULT '';"
                             "INSERT INTO test.orders VALUES (1000000000, 'seed', REPEAT('x', 60));");
        for (int i = 0; i < 20; ++i)
            seed += QStringLiteral("INSERT INTO test.orders SELECT seq + %1, note, pad FROM test.orders;")
                        .arg(1 << i);
        bool ok = false;
        const QString out = sandboxSql(sb(), 0, seed, &ok);
        QVERIFY2(ok, qPrintable(out));
    }

    void copyFromALiveUnderWritesAcrossItsRestart()
    {
        auto w = writer();
        w->start(1);
        QTRY_VERIFY_WITH_TIMEOUT(w->committed() > 0, 20000); // writing before setup starts
        PairProfile profile = sb().pairProfile();
        profile.initialCopy = 0;
        // what the writer had committed when A was back from its restart, and when the copy began and ended
        std::atomic<qint64> afterRestart { -1 }, copyStarted { -1 }, copyFinished { -1 };
        const SetupOutcome o = runSetup(profile, SetupMode::Setup, [&](SetupRunner& runner) {
            runner.setAfterStepHook([&](const QString& step) {
                if (step == QLatin1String("config"))
                    afterRestart = w->committed();
            });
            QObject::connect(
                &runner, &SetupRunner::event, &runner,
                [&](const SetupEvent& e) {
                    if (e.step != QLatin1String("copy"))
                        return;
                    if (e.kind == SetupEvent::Kind::StepStarted)
                        copyStarted = w->committed();
                    else if (e.kind == SetupEvent::Kind::StepFinished)
                        copyFinished = w->committed();
                },
                Qt::DirectConnection);
        });
        dump(o);
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        QVERIFY(o.said(QStringLiteral("B replicates from A at")));
        QVERIFY(o.said(QStringLiteral("the replicated data is the same on both")));
        QVERIFY2(afterRestart > 0, "no row committed before A's restart");
        // the copy runs after A's restart: rows committed while it ran came after the restart too
        QVERIFY2(copyFinished > copyStarted, "no row committed while the copy ran");
        // rows written after the pair was set up, replicated as replication alone brings them
        QTRY_VERIFY_WITH_TIMEOUT(w->committed() > copyFinished + 5, 20000);
        const qint64 committed = w->stop();
        QVERIFY2(w->reconnects() > 0, "the writer never saw A's restart");
        QVERIFY(committed > copyFinished);
        expectEveryRowOnB(committed, w->lastSeq());
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE user='replipair_copy'")),
            QStringLiteral("0"));
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("0"));
    }

    void cancelInTheCopyThenReplaceBsOlderCopy()
    {
        resetReplication();
        // B holds an older copy: its last 100 rows never arrived
        sql(1,
            QStringLiteral(
                "SET SESSION sql_log_bin = 0; DELETE FROM test.orders WHERE seq > 1000000000 + 1048476;"));
        const QString oldB = checksum(1), a = checksum(0), pidA = pid(0);
        QVERIFY(oldB != a);

        PairProfile profile = sb().pairProfile();
        profile.initialCopy = 0;
        // without the confirmation: refused before anything changes
        const SetupOutcome refused = runSetup(profile);
        QVERIFY(!refused.ok);
        bool named = false;
        for (const Finding& f : refused.plan.findings)
            named = named
                || (f.code == QLatin1String("copy-target-not-empty")
                    && f.text.contains(QStringLiteral("test.orders")));
        QVERIFY2(named, qPrintable(refused.lines.join(QLatin1Char('\n'))));
        QCOMPARE(checksum(1), oldB);

        // confirmed, then cancelled while the copy runs
        profile.replaceTarget = true;
        const SetupOutcome cancelled = runSetup(profile, SetupMode::Setup, [](SetupRunner& runner) {
            // at once, on the run's own thread: a queued delivery could come after a fast copy ended
            QObject::connect(
                &runner, &SetupRunner::event, &runner,
                [&runner](const SetupEvent& e) {
                    if (e.kind == SetupEvent::Kind::Progress
                        && e.data.value(QStringLiteral("phase")).toString() == QLatin1String("copy"))
                        runner.cancel();
                },
                Qt::DirectConnection);
        });
        dump(cancelled);
        QVERIFY(!cancelled.ok);
        QVERIFY2(cancelled.error.text.contains(QStringLiteral("cancelled")),
            qPrintable(cancelled.error.toString()));
        QVERIFY(cancelled.said(QStringLiteral("old copy loaded back")));
        QCOMPARE(checksum(1), oldB); // B as it was
        QCOMPARE(checksum(0), a); // A untouched
        QCOMPARE(pid(0), pidA);
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("0"));
        QCOMPARE(sql(1, QStringLiteral("SHOW SLAVE STATUS")), QString());
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE user='replipair_copy'")),
            QStringLiteral("0"));

        // the re-run copies again, with writes on A; A keeps running (its settings are in place)
        auto w = writer();
        w->start(100000);
        const SetupOutcome again = runSetup(profile);
        dump(again);
        QVERIFY2(again.ok, qPrintable(again.error.toString()));
        QCOMPARE(pid(0), pidA);
        const qint64 atEnd = w->committed();
        QTRY_VERIFY_WITH_TIMEOUT(w->committed() > atEnd + 5, 20000); // and some after the run
        const qint64 committed = w->stop();
        const QString count
            = QStringLiteral("SELECT COUNT(*) FROM test.orders WHERE seq >= 100000 AND seq < 1000000000");
        (void)QTest::qWaitFor(
            [&] { return sql(1, count) == QString::number(committed); }, 60000); // compared below
        QCOMPARE(sql(1, count), QString::number(committed));
        QCOMPARE(checksum(1), checksum(0));
    }

    void noCopyWritesDuringSetupAreNotSkipped()
    {
        resetReplication();
        QCOMPARE(checksum(1), checksum(0));
        // the writer starts as soon as pre-flight has compared the data, before anything is changed, and
        // writes through the whole setup, the final comparison included
        auto w = writer();
        std::atomic<qint64> checkStarted { -1 }, checkFinished { -1 };
        const SetupOutcome o = runSetup(sb().pairProfile(), SetupMode::Setup, [&](SetupRunner& runner) {
            runner.setAfterStepHook([&w](const QString& step) {
                if (step == QLatin1String("preflight"))
                    w->start(200000);
            });
            QObject::connect(
                &runner, &SetupRunner::event, &runner,
                [&](const SetupEvent& e) {
                    if (e.step != QLatin1String("verify-data"))
                        return;
                    if (e.kind == SetupEvent::Kind::StepStarted)
                        checkStarted = w->committed();
                    else
                        checkFinished = w->committed();
                },
                Qt::DirectConnection);
        });
        dump(o);
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        QVERIFY(o.said(QStringLiteral("the replicated data is the same on both")));
        QVERIFY2(
            checkStarted > 0 && checkFinished > checkStarted, "no row committed during the final comparison");
        const qint64 atEnd = w->committed();
        QTRY_VERIFY_WITH_TIMEOUT(w->committed() > atEnd + 5, 20000); // and some after the run
        const qint64 committed = w->stop();
        const QString count
            = QStringLiteral("SELECT COUNT(*) FROM test.orders WHERE seq >= 200000 AND seq < 1000000000");
        (void)QTest::qWaitFor(
            [&] { return sql(1, count) == QString::number(committed); }, 60000); // compared below
        QCOMPARE(sql(1, count), QString::number(committed));
        QCOMPARE(sql(1, QStringLiteral("SELECT MAX(seq) FROM test.orders WHERE seq < 1000000000")),
            QString::number(w->lastSeq()));
        QCOMPARE(checksum(1), checksum(0));
    }

    void aRowOnBOnlyIsNamedAtTheEnd()
    {
        // replication runs; a row reaches B that no binary log holds
        sql(1,
            QStringLiteral(
                "SET SESSION sql_log_bin = 0; INSERT INTO test.orders (seq, note) VALUES (900000005, "
                "'only on B');"));
        const SetupOutcome o = runSetup(sb().pairProfile());
        dump(o);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.step, QStringLiteral("verify-data"));
        QVERIFY2(o.error.text.contains(QStringLiteral("test.orders")), qPrintable(o.error.text));
        QVERIFY(!o.said(QStringLiteral("the replicated data is the same")));
        QVERIFY(!o.said(QStringLiteral("verified in both directions")));
        // replication left running both ways
        for (int i = 0; i < 2; ++i) // -N -B: Slave_SQL_Running is the twelfth column
            QCOMPARE(sql(i, QStringLiteral("SHOW SLAVE STATUS")).split(QLatin1Char('\t')).value(11),
                QStringLiteral("Yes"));
        sql(1, QStringLiteral("SET SESSION sql_log_bin = 0; DELETE FROM test.orders WHERE seq = 900000005;"));
    }

    void twoExtraRowsOnAAreNamedByPreflight()
    {
        resetReplication();
        sql(0,
            QStringLiteral("SET SESSION sql_log_bin = 0; INSERT INTO test.orders (seq, note) VALUES "
                           "(900000001, 'extra'), (900000002, 'extra');"));
        const SetupOutcome o = runSetup(sb().pairProfile(), SetupMode::Inspect);
        QVERIFY(!o.ok);
        bool named = false;
        for (const Finding& f : o.plan.findings)
            named = named
                || (f.code == QLatin1String("data-differs") && f.severity == Finding::Severity::Error
                    && f.text.contains(QStringLiteral("test.orders")));
        QVERIFY2(named, qPrintable(o.lines.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestLivePairing)
#include "tst_livepairing.moc"
