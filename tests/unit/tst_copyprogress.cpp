// The copy's progress line, as the CLI and the wizard's copy row show it: the time left is a number of
// seconds or said to be unknown, never "about unknown left".
#include "copy/copyprogress.h"

#include <QTest>

class TestCopyProgress : public QObject
{
    Q_OBJECT
private slots:
    void logicalWithAnEstimateSaysTheSecondsLeft()
    {
        CopyProgress p;
        p.bytes = 10 * 1024 * 1024;
        p.rows = 1000;
        p.estimatedRows = 3000;
        p.tables = 1;
        p.totalTables = 3;
        p.elapsedMs = 5000; // 200 rows/s: 2000 rows left = 10 s
        QCOMPARE(p.remainingMs(), qint64(10000));
        const QString t = p.toText();
        QVERIFY2(t.endsWith(QLatin1String(", about 10 s left")), qPrintable(t));
        QVERIFY2(t.contains(QLatin1String("1 of 3 tables")), qPrintable(t));
    }
    void logicalWithoutAnEstimateSaysTheTimeLeftIsUnknown()
    {
        CopyProgress p;
        p.bytes = 4096;
        p.elapsedMs = 1000; // no row estimate yet
        QCOMPARE(p.remainingMs(), qint64(-1));
        const QString t = p.toText();
        QVERIFY2(t.endsWith(QLatin1String(", time left unknown")), qPrintable(t));
        QVERIFY2(!t.contains(QLatin1String("about unknown")), qPrintable(t));
    }
    void physicalWithoutASizeSaysSoInsteadOfAboutUnknown()
    {
        CopyProgress p;
        p.byBytes = true;
        p.bytes = 1024 * 1024;
        p.elapsedMs = 1000;
        const QString t = p.toText();
        QVERIFY2(!t.contains(QLatin1String("unknown,")) && !t.contains(QLatin1String("about unknown")),
            qPrintable(t));
        QVERIFY2(t.contains(QLatin1String("time left unknown (the size to copy is unknown)")), qPrintable(t));
    }
    void physicalWithASizeSaysBothTheSizeAndTheSecondsLeft()
    {
        CopyProgress p;
        p.byBytes = true;
        p.bytes = 100 * 1000 * 1000;
        p.estimatedBytes = 300 * 1000 * 1000;
        p.elapsedMs = 2000; // 50 MB/s: 200 MB left = 4 s
        const QString t = p.toText();
        QVERIFY2(t.contains(QLatin1String(" streamed of about ")), qPrintable(t));
        QVERIFY2(t.endsWith(QLatin1String(", about 4 s left")), qPrintable(t));
    }
    void prepareNamesNoOneTool()
    {
        CopyProgress p;
        p.phase = CopyProgress::Phase::Prepare;
        p.elapsedMs = 3000;
        QCOMPARE(p.toText(), QStringLiteral("preparing the copy (the backup tool's --prepare): 3 s"));
    }
};

QTEST_GUILESS_MAIN(TestCopyProgress)
#include "tst_copyprogress.moc"
