#include "monitor/statushistory.h"

#include <QTest>

class tst_StatusHistory : public QObject
{
    Q_OBJECT

private:
    static HistoryPoint point(qint64 t, float lag,
        quint8 flags = HistoryPoint::Reachable | HistoryPoint::IoRunning | HistoryPoint::SqlRunning
            | HistoryPoint::Configured)
    {
        HistoryPoint p;
        p.timeMs = t;
        p.heartbeatLag = lag;
        p.secondsBehind = std::floor(lag);
        p.backlogBytes = lag * 100;
        p.flags = flags;
        return p;
    }

private Q_SLOTS:
    void pointIsCompact() { QCOMPARE(int(sizeof(HistoryPoint)), 24); }

    void sampleToPointKeepsNullDistinct()
    {
        StatusSample s;
        s.time = QDateTime::fromMSecsSinceEpoch(5000, Qt::UTC);
        s.reachable = true;
        s.replica.configured = true;
        s.replica.ioRunning = true;
        s.replica.secondsBehind = std::nullopt;
        s.heartbeatLag = 0.0;
        s.replica.lastSqlErrno = 1062;
        const HistoryPoint p = HistoryPoint::fromSample(s);
        QCOMPARE(p.timeMs, 5000);
        QVERIFY(std::isnan(p.secondsBehind));
        QCOMPARE(p.heartbeatLag, 0.0f);
        QVERIFY(p.has(HistoryPoint::IoRunning));
        QVERIFY(!p.has(HistoryPoint::SqlRunning));
        QVERIFY(p.has(HistoryPoint::Error));
        s.replica.secondsBehind = 0;
        QCOMPARE(HistoryPoint::fromSample(s).secondsBehind, 0.0f);
    }

    void dayOfSamplesFitsInEightMegabytes()
    {
        StatusHistory h; // default capacities: a day and an hour raw, a week of minutes
        const qint64 t0 = 1'699'999'980'000; // on a minute
        for (int server = 0; server < 2; ++server)
            for (int i = 0; i < 86400; ++i)
                h.append(server, point(t0 + qint64(i) * 1000, float(i % 100) / 10.0f));
        QCOMPARE(h.rawCount(0), 86400);
        QCOMPARE(h.rawCount(1), 86400);
        QCOMPARE(h.coarseCount(0), 1440);
        QVERIFY2(h.memoryBytes() <= 8 * 1024 * 1024, qPrintable(QString::number(h.memoryBytes())));
    }

    void ringIsBounded()
    {
        StatusHistory h(1, 100, 10);
        const qint64 empty = h.memoryBytes();
        for (int i = 0; i < 1000; ++i) // both rings full (10 minutes of minutes)
            h.append(0, point(qint64(i) * 1000, float(i)));
        const qint64 memory = h.memoryBytes();
        QVERIFY(empty < memory); // grown with the samples, not reserved up front
        for (int i = 1000; i < 10000; ++i)
            h.append(0, point(qint64(i) * 1000, float(i)));
        QCOMPARE(h.rawCount(0), 100);
        QCOMPARE(h.coarseCount(0), 10);
        QCOMPARE(h.memoryBytes(), memory);
        QCOMPARE(h.latest(0).timeMs, 9999 * 1000);
        // the oldest raw point is the 100th newest
        const QList<HistoryPoint> raw = h.rawPoints(0, 0, 1'000'000'000);
        QCOMPARE(raw.size(), 100);
        QCOMPARE(raw.first().timeMs, 9900 * 1000);
        // the minute summaries reach further back than the raw ring
        QVERIFY(h.firstTimeMs(0) < 9900 * 1000);
        QCOMPARE(h.firstTimeMs(0), qint64(9960 / 60 - 9) * 60 * 1000);
    }

    void queryReturnsBoundedBuckets_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<qint64>("fromOffset");
        QTest::addColumn<qint64>("toOffset");
        QTest::addColumn<int>("maxPoints");
        QTest::addColumn<int>("expectedMax");
        QTest::newRow("5 min raw") << 86400 << qint64(86400 - 300) << qint64(86400) << 2000 << 301;
        QTest::newRow("1 h") << 86400 << qint64(86400 - 3600) << qint64(86400) << 2000 << 2000;
        QTest::newRow("24 h") << 86400 << qint64(0) << qint64(86400) << 2000 << 2000;
        QTest::newRow("24 h, 500") << 86400 << qint64(0) << qint64(86400) << 500 << 500;
        QTest::newRow("empty range before data") << 600 << qint64(-7200) << qint64(-3600) << 2000 << 0;
    }

    void queryReturnsBoundedBuckets()
    {
        QFETCH(int, seconds);
        QFETCH(qint64, fromOffset);
        QFETCH(qint64, toOffset);
        QFETCH(int, maxPoints);
        QFETCH(int, expectedMax);
        StatusHistory h(1);
        const qint64 t0 = 1'700'000'000'000;
        for (int i = 0; i <= seconds; ++i)
            h.append(0, point(t0 + qint64(i) * 1000, 1.0f));
        const QList<HistoryBucket> b = h.query(0, t0 + fromOffset * 1000, t0 + toOffset * 1000, maxPoints);
        QVERIFY2(b.size() <= expectedMax, qPrintable(QString::number(b.size())));
        int total = 0;
        for (int i = 0; i < b.size(); ++i) {
            total += b[i].count;
            if (i > 0)
                QVERIFY(b[i].startMs > b[i - 1].startMs);
        }
        const qint64 inRange
            = std::max<qint64>(0, std::min<qint64>(toOffset, seconds) - std::max<qint64>(fromOffset, 0) + 1);
        QCOMPARE(qint64(total), inRange);
    }

    void bucketsKeepMinMaxLast()
    {
        StatusHistory h(1);
        // 0..99 s: lag is i/10 with a 50 s spike at t=42
        for (int i = 0; i < 100; ++i)
            h.append(0, point(qint64(i) * 1000, i == 42 ? 50.0f : float(i) / 10.0f));
        const QList<HistoryBucket> b = h.query(0, 0, 99'999, 10);
        QCOMPARE(b.size(), 10);
        QCOMPARE(b[4].count, 10);
        QCOMPARE(b[4].heartbeatLag.max, 50.0f); // a spike is never averaged away
        QCOMPARE(b[4].heartbeatLag.min, 4.0f);
        QCOMPARE(b[4].heartbeatLag.last, 4.9f);
        QCOMPARE(b[9].heartbeatLag.last, 9.9f);
    }

    void flagsSummariseThreadState()
    {
        StatusHistory h(1);
        const quint8 healthy = HistoryPoint::Reachable | HistoryPoint::IoRunning | HistoryPoint::SqlRunning;
        for (int i = 0; i < 10; ++i)
            h.append(0,
                point(qint64(i) * 1000, 0.0f,
                    i == 3 ? quint8(HistoryPoint::Reachable | HistoryPoint::IoRunning) : healthy));
        const QList<HistoryBucket> b = h.query(0, 0, 9999, 1);
        QCOMPARE(b.size(), 1);
        QVERIFY(!(b[0].flagsAll & HistoryPoint::SqlRunning)); // stopped at some point
        QVERIFY(b[0].flagsAny & HistoryPoint::SqlRunning);
        QVERIFY(b[0].flagsLast & HistoryPoint::SqlRunning);
    }

    void longRangeUsesMinuteSummaries()
    {
        // raw ring of one hour, a day of data: the day still answers, from the minute summaries
        StatusHistory h(1, 3600, 24 * 60);
        const qint64 t0 = 1'700'000'040'000 - (1'700'000'040'000 % 60000);
        for (int i = 0; i < 86400; ++i)
            h.append(0, point(t0 + qint64(i) * 1000, i < 3600 ? 100.0f : 1.0f));
        const QList<HistoryBucket> b = h.query(0, t0, t0 + 86'399'000, 1440);
        QVERIFY(b.size() <= 1440);
        QVERIFY(b.size() >= 1400);
        int total = 0;
        for (const HistoryBucket& x : b)
            total += x.count;
        QCOMPARE(total, 86400);
        QCOMPARE(b.first().heartbeatLag.max, 100.0f); // the first hour, long gone from the raw ring
        QCOMPARE(b.last().heartbeatLag.max, 1.0f);
    }

    void timeNeverRunsBackwards()
    {
        StatusHistory h(1, 10, 10);
        h.append(0, point(5000, 1.0f));
        h.append(0, point(4000, 2.0f)); // the local clock stepped back
        QCOMPARE(h.latest(0).timeMs, 5000);
        QCOMPARE(h.query(0, 0, 10000).size(), 1);
    }
};

QTEST_APPLESS_MAIN(tst_StatusHistory)
#include "tst_statushistory.moc"
