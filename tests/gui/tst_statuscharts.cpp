// Charts draw a monitor's history: ranges, pause, PNG and CSV export.
#include "gui/guidriver.h"
#include "monitor/statuscharts.h"
#include "monitor/statushistory.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QValueAxis>
#include <QXYSeries>

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
        QApplication::setAttribute(Qt::AA_DontUseNativeDialogs); // file dialogs the test can type into
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
        chooseRange(charts, Qt::Key_Home); // the first: the last 5 minutes
        QCOMPARE(charts.rangeSec(), 300);
        QTRY_VERIFY(charts.pointCount() > 0); // drawn at the next tick
        const int fiveMinutes = charts.pointCount();
        QVERIFY2(
            fiveMinutes >= 8 * 290, qPrintable(QString::number(fiveMinutes))); // 4 series x 2 servers, 1 Hz
        chooseRange(charts, Qt::Key_Down); // the next: one hour, downsampled, bounded
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
        chooseRange(charts, Qt::Key_Home); // the range is remembered in the settings: choose it
        QTRY_VERIFY(charts.pointCount() > 0); // drawn at the next tick
        const int before = charts.pointCount();

        QTest::mouseClick(charts.findChild<QPushButton*>("chartPause"), Qt::LeftButton);
        QVERIFY(charts.isPaused());
        fill(history, 9 * 1000, 10 * 1000); // ten more seconds of samples arrive
        charts.addSample(StatusSample {});
        // the next redraw tick passes (and draws nothing while paused)
        QSignalSpy tick(charts.findChild<QTimer*>("chartRedrawTimer"), &QTimer::timeout);
        QVERIFY(tick.wait(10000));
        QCOMPARE(charts.pointCount(), before);
        QTest::mouseClick(charts.findChild<QPushButton*>("chartPause"), Qt::LeftButton); // resume
        QVERIFY(!charts.isPaused());
        QVERIFY2(charts.pointCount() > before,
            qPrintable(QString("%1 -> %2").arg(before).arg(charts.pointCount())));
    }

    /** Issue 11: lag lines tell apart by colour, NULL is a gap, ticks read "400", no sideways unit. */
    void lagChartReadsRight()
    {
        StatusHistory history;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<qint64> nullTimes;
        for (qint64 k = 120; k >= 0; --k) {
            const qint64 t = now - k * 1000;
            for (int s = 0; s < 2; ++s) {
                HistoryPoint p;
                p.timeMs = t;
                p.heartbeatLag = 0.3f;
                // server 1's SQL thread is stopped for 40 s in the middle: the server says NULL
                const bool stopped = s == 1 && k >= 40 && k < 80;
                if (!stopped)
                    p.secondsBehind = 400;
                else
                    nullTimes << t;
                p.flags = HistoryPoint::Reachable | HistoryPoint::Configured | HistoryPoint::IoRunning
                    | (stopped ? 0 : HistoryPoint::SqlRunning);
                history.append(s, p);
            }
        }
        StatusCharts charts;
        charts.resize(1000, 700);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        charts.setHistory(&history);
        chooseRange(charts, Qt::Key_Home);
        QTRY_VERIFY(charts.pointCount() > 0); // drawn at the next tick
        QChart* chart = charts.findChild<QChartView*>("lagChart")->chart();

        QHash<QString, QList<QXYSeries*>> byName;
        for (QAbstractSeries* s : chart->series())
            byName[s->objectName()] << qobject_cast<QXYSeries*>(s);
        QSet<QRgb> colours;
        for (const char* name : { "heartbeat0", "heartbeat1", "behind0", "behind1" }) {
            QVERIFY2(!byName.value(name).isEmpty(), name);
            colours << byName.value(name).first()->pen().color().rgb();
            for (QXYSeries* segment : byName.value(name)) // every stretch of a line looks the same
                QCOMPARE(segment->pen().color(), byName.value(name).first()->pen().color());
        }
        QCOMPARE(colours.size(), 4); // heartbeat and seconds-behind never share a colour

        // seconds-behind of B: drawn on both sides of the NULL stretch, never across it
        int drawnSegments = 0;
        for (QXYSeries* segment : byName.value("behind1")) {
            const QList<QPointF> points = segment->points();
            drawnSegments += points.isEmpty() ? 0 : 1;
            for (const QPointF& p : points)
                QVERIFY2(!nullTimes.contains(qint64(p.x())), "a point where the server said NULL");
            for (qsizetype k = 1; k < points.size(); ++k)
                for (qint64 t : std::as_const(nullTimes))
                    QVERIFY2(!(points[k - 1].x() < t && t < points[k].x()), "a line across the NULL stretch");
        }
        QCOMPARE(drawnSegments, 2);
        // A's seconds-behind has no gap: one stretch
        int aSegments = 0;
        for (QXYSeries* segment : byName.value("behind0"))
            aSegments += segment->points().isEmpty() ? 0 : 1;
        QCOMPARE(aSegments, 1);

        // tick labels: "400", not "400.0"; fractions stay
        auto* y = qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical).first());
        QVERIFY(y);
        QCOMPARE(QString::asprintf(y->labelFormat().toLatin1().constData(), 400.0), QString("400"));
        QCOMPARE(QString::asprintf(y->labelFormat().toLatin1().constData(), 0.5), QString("0.5"));
        // no rotated axis title (a CJK unit would stand sideways); the chart's own title carries it
        for (const char* view : { "lagChart", "backlogChart" }) {
            QChart* c = charts.findChild<QChartView*>(view)->chart();
            QVERIFY(c->axes(Qt::Vertical).first()->titleText().isEmpty());
            QVERIFY(!c->title().isEmpty());
        }
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
        QTRY_VERIFY(charts.pointCount() > 0); // drawn at the next tick
        QTemporaryDir dir;
        // Export PNG…: the save dialog, a path typed into it
        GuiDriver::FileDialogAnswer pngDialog(dir.filePath("c.png"));
        QTest::mouseClick(charts.findChild<QPushButton*>("chartExportPng"), Qt::LeftButton);
        QVERIFY(pngDialog.seen());
        QCOMPARE(pngDialog.title(), QString("Export Charts"));
        QImage image(dir.filePath("c.png"));
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 400);
        // Export CSV…
        GuiDriver::FileDialogAnswer csvDialog(dir.filePath("c.csv"));
        QTest::mouseClick(charts.findChild<QPushButton*>("chartExportCsv"), Qt::LeftButton);
        QVERIFY(csvDialog.seen());
        QCOMPARE(csvDialog.title(), QString("Export Samples"));
        QFile csv(dir.filePath("c.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.first(),
            QByteArray(
                "time,server,reachable,io_running,sql_running,seconds_behind,heartbeat_lag,backlog_bytes"));
        QVERIFY(lines.size() >= 2 * 30);
        QVERIFY(lines.last().contains(",west,1,1,1,1,0.5,2048"));
    }

private:
    /** Chooses a range in the Range box from the keyboard (@p key: Home for the first, Down for the next). */
    static void chooseRange(StatusCharts& charts, Qt::Key key)
    {
        auto* range = charts.findChild<QComboBox*>("chartRange");
        QVERIFY(range);
        range->setFocus();
        QTest::keyClick(range, key);
    }
};

QTEST_MAIN(TestStatusCharts)
#include "tst_statuscharts.moc"
