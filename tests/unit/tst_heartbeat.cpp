#include "monitor/heartbeat.h"
#include "monitor/heartbeatlagestimator.h"
#include "monitor/statussample.h"

#include <QJsonDocument>
#include <QTest>

class tst_Heartbeat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void estimateLag_data()
    {
        QTest::addColumn<qint64>("applied");
        QTest::addColumn<qint64>("peerNow");
        QTest::addColumn<QList<qint64>>("beats");
        QTest::addColumn<qint64>("interval");
        QTest::addColumn<double>("expected");
        const qint64 s = 1'000'000;
        const QList<qint64> everySecond { 10 * s, 11 * s, 12 * s, 13 * s, 14 * s };
        QTest::newRow("caught up") << 14 * s << 14 * s + 300'000 << everySecond << s << 0.0;
        QTest::newRow("one beat behind") << 13 * s << 14 * s + 400'000 << everySecond << s << 0.9;
        QTest::newRow("three beats behind") << 11 * s << 14 * s + 200'000 << everySecond << s << 2.7;
        QTest::newRow("beat written after the read is ignored")
            << 13 * s << 13 * s + 900'000 << everySecond << s << 0.0;
        QTest::newRow("old row, first beat of this run missing")
            << 2 * s << 10 * s + 100'000 << everySecond << s << 0.6;
        QTest::newRow("no beats known: age of the row")
            << 10 * s << 12 * s + 500'000 << QList<qint64>() << s << 2.5;
        QTest::newRow("fast beats") << 11 * s << 14 * s + 100'000
                                    << QList<qint64> { 11 * s, 11 * s + 200'000, 11 * s + 400'000 }
                                    << 200'000LL << 3.0;
    }

    void estimateLag()
    {
        QFETCH(qint64, applied);
        QFETCH(qint64, peerNow);
        QFETCH(QList<qint64>, beats);
        QFETCH(qint64, interval);
        QFETCH(double, expected);
        QCOMPARE(qRound(Heartbeat::estimateLag(applied, peerNow, beats, interval) * 1000),
            qRound(expected * 1000));
    }

    void estimatorFollowsDelay_data()
    {
        QTest::addColumn<double>("delay"); // how long the replica takes to apply a beat, s
        QTest::addColumn<double>("beatEvery"); // s
        QTest::addColumn<double>("readEvery"); // s
        QTest::addColumn<double>("readPhase"); // reads start this long after the first beat, s
        QTest::addColumn<double>("tolerance"); // s
        QTest::newRow("MASTER_DELAY 3, reads at 200 ms") << 3.0 << 1.0 << 0.2 << 0.05 << 0.1001;
        QTest::newRow("MASTER_DELAY 3, other phase") << 3.0 << 1.0 << 0.2 << 0.73 << 0.1001;
        QTest::newRow("MASTER_DELAY 3, reads at 1 s") << 3.0 << 1.0 << 1.0 << 0.4 << 0.5001;
        QTest::newRow("0.35 s, reads at 200 ms") << 0.35 << 1.0 << 0.2 << 0.1 << 0.1001;
        QTest::newRow("caught up, reads at 200 ms") << 0.004 << 1.0 << 0.2 << 0.02 << 0.1001;
        QTest::newRow("caught up, read just before the beat") << 0.004 << 1.0 << 1.0 << 0.999 << 0.01;
        QTest::newRow("caught up, read just after the beat") << 0.004 << 1.0 << 1.0 << 0.005 << 0.01;
        QTest::newRow("20 s behind") << 20.0 << 1.0 << 0.5 << 0.3 << 0.2501;
    }

    void estimatorFollowsDelay()
    {
        QFETCH(double, delay);
        QFETCH(double, beatEvery);
        QFETCH(double, readEvery);
        QFETCH(double, readPhase);
        QFETCH(double, tolerance);
        const qint64 s = 1'000'000;
        const qint64 t0 = 1'700'000'000 * s;
        HeartbeatLagEstimator estimator(qint64(beatEvery * s));
        QList<qint64> beats;
        int checked = 0;
        for (int r = 0; r < int(60 / readEvery); ++r) {
            const qint64 now = t0 + qint64((readPhase + r * readEvery) * s);
            while (beats.isEmpty() || beats.last() + qint64(beatEvery * s) <= now)
                beats << (beats.isEmpty() ? t0 : beats.last() + qint64(beatEvery * s));
            // the replica holds the newest beat it has had the time to apply (an old one at first)
            qint64 applied = t0 - 3600 * s;
            for (qint64 b : beats)
                if (b + qint64(delay * s) <= now)
                    applied = b;
            const double lag = estimator.update(applied, now, beats);
            if (now - t0 > qint64((delay + 3 * beatEvery) * s)) { // past the start
                ++checked;
                QVERIFY2(std::abs(lag - delay) <= tolerance,
                    qPrintable(QString("read %1: lag %2, delay %3").arg(r).arg(lag).arg(delay)));
            }
        }
        QVERIFY(checked > 5);
    }

    void estimatorSeesStoppedApplierGrow()
    {
        const qint64 s = 1'000'000;
        HeartbeatLagEstimator estimator(s);
        QList<qint64> beats;
        qint64 applied = 0;
        double lag = 0;
        for (int r = 0; r < 40; ++r) {
            const qint64 now = qint64(r) * s + 100'000;
            beats << qint64(r) * s;
            if (r < 10)
                applied = qint64(r) * s; // applied at once, then the SQL thread stops
            lag = estimator.update(applied, now, beats);
            if (r == 9)
                QVERIFY(lag < 0.2);
        }
        QVERIFY2(std::abs(lag - 29.1) < 0.01, qPrintable(QString::number(lag))); // overdue since beat 10
    }

    void clockExpressionHasMicroseconds()
    {
        QVERIFY(Heartbeat::clockExpression(Dialect(ServerVersion::parse("10.11.6-MariaDB")))
                    .contains("UTC_TIMESTAMP(6)"));
        QVERIFY(
            Heartbeat::clockExpression(Dialect(ServerVersion::parse("8.0.36"))).contains("UTC_TIMESTAMP(6)"));
        QVERIFY(Heartbeat::clockExpression(Dialect(ServerVersion::parse("5.5.62-log")))
                    .contains("UTC_TIMESTAMP()"));
    }

    void sampleJsonHasTheDocumentedKeys()
    {
        StatusSample s;
        s.time = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC);
        s.server = "B";
        s.reachable = true;
        s.replicaConfigured = true;
        s.ioRunning = true;
        s.sqlRunning = false;
        s.lastSqlErrno = 1062;
        s.lastSqlError = "Duplicate entry '1' for key 'PRIMARY'";
        s.heartbeatLag = 0.1234;
        const QJsonObject o = s.toJson();
        for (const char* key :
            { "time", "server", "ioRunning", "sqlRunning", "secondsBehind", "heartbeatLag", "lastError" })
            QVERIFY2(o.contains(key), key);
        QCOMPARE(o.value("time").toString(), QString("2023-11-14T22:13:20.123Z"));
        QVERIFY(o.value("secondsBehind").isNull()); // NULL stays null, not 0
        QCOMPARE(o.value("heartbeatLag").toDouble(), 0.123);
        QVERIFY(o.value("lastError").toString().contains("1062"));
        s.secondsBehind = 0;
        QCOMPARE(s.toJson().value("secondsBehind").toInt(-1), 0);
        // one line
        QVERIFY(!QJsonDocument(o).toJson(QJsonDocument::Compact).contains('\n'));
    }

    void backlogFromPositions()
    {
        StatusSample s;
        s.replicaConfigured = true;
        s.sourceLogFile = s.relaySourceLogFile = "mysql-bin.000002";
        s.readSourceLogPos = 5000;
        s.execSourceLogPos = 1200;
        s.relayLogSpace = 99999;
        QCOMPARE(s.backlogBytes(), 3800);
        s.relaySourceLogFile = "mysql-bin.000001";
        QCOMPARE(s.backlogBytes(), 99999);
    }
};

QTEST_APPLESS_MAIN(tst_Heartbeat)
#include "tst_heartbeat.moc"
