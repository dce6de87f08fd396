// Charts draw a monitor's history: ranges, pause, PNG and CSV export.
#include "monitor/statuscharts.h"
#include "monitor/statushistory.h"

#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
void fill(StatusHistory& h, qint64 spanMs, qint64 shiftMs = 0)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch() + shiftMs;
    for (qint64 t = now - spanMs; t <= now; t += 1000)
        for (int s = 0; s < 2; ++s) {
            HistoryPoint p;
            p.timeMs = t;
            p.secondsBehind = s;
            p.heartbeatLag = 0.25f * (s + 1);
            p.backlogBytes = 2048;
            p.flags = HistoryPoint::Reachable | HistoryPoint::Configured | HistoryPoint::IoRunning
                | HistoryPoint::SqlRunning;
            h.append(s, p);
        }
}
} // namespace

class TestStatusCharts : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName("RepliPairTest");
        QStandardPaths::setTestModeEnabled(true);
    }

    void drawsTheHistoryInEachRange()
    {
        StatusHistory history;
        fill(history, 2 * 3600 * 1000);
        StatusCharts charts;
        charts.resize(1000, 700);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        charts.setHistory(&history);
        charts.setRangeSec(300);
        const int fiveMinutes = charts.pointCount();
        QVERIFY2(
            fiveMinutes >= 8 * 290, qPrintable(QString::number(fiveMinutes))); // 4 series x 2 servers, 1 Hz
        charts.findChild<QComboBox*>("chartRange")->setCurrentIndex(1); // one hour: downsampled, bounded
        QCOMPARE(charts.rangeSec(), 3600);
        QVERIFY(charts.pointCount() > 0);
        QVERIFY(charts.pointCount() <= 8 * 1000);
        charts.setHistory(nullptr);
        QCOMPARE(charts.pointCount(), 0);
    }

    void pauseFreezesTheCharts()
    {
        StatusHistory history;
        fill(history, 60 * 1000);
        StatusCharts charts;
        charts.show();
        charts.setHistory(&history);
        charts.setRangeSec(300); // the range is remembered in the settings: set it
        const int before = charts.pointCount();

        QTest::mouseClick(charts.findChild<QPushButton*>("chartPause"), Qt::LeftButton);
        QVERIFY(charts.isPaused());
        fill(history, 9 * 1000, 10 * 1000); // ten more seconds of samples arrive
        charts.addSample(StatusSample {});
        QTest::qWait(1300); // the redraw tick passes
        QCOMPARE(charts.pointCount(), before);
        charts.setPaused(false);
        QVERIFY2(charts.pointCount() > before,
            qPrintable(QString("%1 -> %2").arg(before).arg(charts.pointCount())));
    }

    void exportsPngAndCsv()
    {
        StatusHistory history;
        fill(history, 30 * 1000);
        StatusCharts charts;
        charts.resize(800, 600);
        charts.show();
        charts.setServerNames("east", "west");
        charts.setHistory(&history);
        charts.refresh();
        QTemporaryDir dir;
        QVERIFY(charts.exportPng(dir.filePath("c.png")));
        QImage image(dir.filePath("c.png"));
        QVERIFY(!image.isNull());
        QVERIFY(charts.exportCsv(dir.filePath("c.csv")));
        QFile csv(dir.filePath("c.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.first(),
            QByteArray(
                "time,server,reachable,io_running,sql_running,seconds_behind,heartbeat_lag,backlog_bytes"));
        QVERIFY(lines.size() >= 2 * 30);
        QVERIFY(lines.last().contains(",west,1,1,1,1,0.5,2048"));
    }
};

QTEST_MAIN(TestStatusCharts)
#include "tst_statuscharts.moc"
