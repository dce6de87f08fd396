// The fleet view: every saved pair is watched at once; the one that breaks turns red in Saved Pairs and
// raises its alert, while another pair stays on the canvas.
#include "appsettings.h"
#include "mainwindow.h"
#include "monitor/alertbanner.h"
#include "monitor/pairmonitor.h"
#include "monitor/statuscharts.h"
#include "monitor/topologymodel.h"
#include "pairlist.h"
#include "support/replicatedsandbox.h"
#include "support/testsupport.h"
#include "topology/replicationarrow.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"

#include <QChart>
#include <QChartView>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QXYSeries>

class TestFleetView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName("RepliPairTest");
        QCoreApplication::setApplicationName("tst_fleetview");
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        if (Sandbox::serverBinary().isEmpty())
            QSKIP("no mariadbd/mysqld on this machine");
    }

    void theBrokenPairTurnsRedWhileAnotherIsShown()
    {
        SandboxPair first;
        SandboxPair second;
        QVERIFY2(first.up(), qPrintable(first.error()));
        QVERIFY2(second.up(), qPrintable(second.error()));
        QString error;
        for (SandboxPair* p : { &first, &second }) {
            QVERIFY2(startSandboxReplication(p->sandbox(), &error), qPrintable(error));
            QVERIFY2(waitForSandboxReplication(p->sandbox(), 60000, &error), qPrintable(error));
            PairMonitor setupsPart(p->sandbox().pairProfile()); // what setup leaves: the heartbeat table
            QFuture<Result<void>> created = setupsPart.createHeartbeatTable(0);
            QVERIFY(QTest::qWaitFor([&] { return created.isFinished(); }, 10000));
            const Result<void> made = created.result();
            QVERIFY2(made.has_value(), qPrintable(made ? QString() : made.error().toString()));
        }
        QStringList paths;
        for (auto [fixture, name] : { std::pair { &first, "first" }, std::pair { &second, "second" } }) {
            PairProfile p = fixture->sandbox().pairProfile();
            p.name = name;
            const QString path = fixture->dir() + QString("/%1.replipair.json").arg(name);
            QVERIFY(p.save(path).has_value());
            paths << path;
        }
        AppSettings::addRecentPair(paths[1]);
        AppSettings::addRecentPair(paths[0]); // first on top
        bool ok = false;
        sandboxSql(second.sandbox(), 0, "CREATE TABLE test.fleet (id INT PRIMARY KEY)", &ok);
        QVERIFY(ok);

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* pairs = window.findChild<PairList*>("pairList");
        QCOMPARE(pairs->count(), 2);
        auto health = [pairs](const QString& path) {
            QListWidgetItem* item = pairs->itemFor(path);
            return item ? item->data(PairList::HealthRole).toString() : QString();
        };
        // both pairs are watched from the start: both replicate
        QTRY_COMPARE_WITH_TIMEOUT(health(paths[0]), QString("healthy"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(health(paths[1]), QString("healthy"), 30000);

        // the user opens the first pair (Saved Pairs, Return on it): it is on the canvas
        pairs->setFocus();
        QTest::keyClick(pairs, Qt::Key_Home);
        QCOMPARE(pairs->currentItem(), pairs->itemFor(paths[0]));
        QTest::keyClick(pairs, Qt::Key_Return);
        QTRY_COMPARE(window.profile().name, QString("first"));
        QTRY_COMPARE_WITH_TIMEOUT(
            window.topologyModel()->link(0).state, TopologyModel::LinkState::Running, 30000);

        // the second pair's A applies B's changes 3 s late: its worst lag reads so in Saved Pairs
        sandboxSql(second.sandbox(), 0, "STOP SLAVE; CHANGE MASTER TO MASTER_DELAY = 3; START SLAVE", &ok);
        QVERIFY(ok);
        QTRY_VERIFY2_WITH_TIMEOUT(
            shownLag(pairs, paths[1]) >= 2.5, qPrintable(pairs->itemFor(paths[1])->text()), 30000);
        QVERIFY2(shownLag(pairs, paths[1]) < 4.5, qPrintable(pairs->itemFor(paths[1])->text()));

        // then it breaks: a duplicate key halts its B
        QTRY_VERIFY_WITH_TIMEOUT(
            sandboxSql(second.sandbox(), 1, "SELECT COUNT(*) FROM test.fleet", &ok) == "0" && ok, 30000);
        sandboxSql(second.sandbox(), 1, "SET sql_log_bin = 0; INSERT INTO test.fleet VALUES (7)", &ok);
        QVERIFY(ok);
        sandboxSql(second.sandbox(), 0, "INSERT INTO test.fleet VALUES (7)", &ok);
        QVERIFY(ok);
        const QDateTime broke = QDateTime::currentDateTime();
        QTRY_COMPARE_WITH_TIMEOUT(health(paths[1]), QString("broken"), 30000);
        QCOMPARE(pairs->itemFor(paths[1])->foreground().color(), QColor(0xd9, 0x30, 0x25));
        AlertBanner* banner = window.alertBanner();
        QTRY_COMPARE(banner->shownPair(), QString("second"));
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->shownEvent().kind, ReplicationEvent::Kind::SqlError);
        QVERIFY2(banner->text().contains("second") && banner->text().contains("Duplicate entry"),
            qPrintable(banner->text()));
        // the entry: name · worst lag (A, 3 s behind) · the time of the last event (the break)
        const QString entry = pairs->itemFor(paths[1])->text();
        const QRegularExpression form(R"(^second · lag (\d+(\.\d)?) s · (\d\d:\d\d:\d\d)$)");
        const QRegularExpressionMatch m = form.match(entry);
        QVERIFY2(m.hasMatch(), qPrintable(entry));
        QVERIFY2(m.captured(1).toDouble() >= 2.5 && m.captured(1).toDouble() < 4.5, qPrintable(entry));
        const QTime eventTime = QTime::fromString(m.captured(3), "HH:mm:ss");
        QCOMPARE(m.captured(3), banner->shownEvent().time.toLocalTime().toString("HH:mm:ss"));
        QVERIFY2(qAbs(eventTime.secsTo(broke.time())) <= 30, qPrintable(entry));
        QVERIFY2(pairs->itemFor(paths[1])->toolTip().contains("Duplicate entry"),
            qPrintable(pairs->itemFor(paths[1])->toolTip()));

        // the first pair is still the one shown, on the canvas, and still healthy
        QCOMPARE(window.profile().name, QString("first"));
        QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget*>(window.topologyView()));
        QCOMPARE(health(paths[0]), QString("healthy"));
        for (int d = 0; d < 2; ++d) {
            QCOMPARE(window.topologyModel()->link(d).state, TopologyModel::LinkState::Running);
            QCOMPARE(window.topologyView()->topologyScene()->arrow(d)->color(),
                ReplicationArrow::stateColor(TopologyModel::LinkState::Running));
        }
        QCOMPARE(
            window.topologyModel()->server(0).endpoint, first.sandbox().pairProfile().servers[0].endpoint());

        // the admin opens the broken pair: a click on its entry, Return
        const QRect at = pairs->visualItemRect(pairs->itemFor(paths[1]));
        QTest::mouseClick(pairs->viewport(), Qt::LeftButton, {}, at.center());
        QCOMPARE(pairs->currentItem(), pairs->itemFor(paths[1]));
        QTest::keyClick(pairs, Qt::Key_Return);
        QTRY_COMPARE(window.profile().name, QString("second"));
        // its canvas: the arrow into B is red, with the server's error
        ReplicationArrow* intoB = window.topologyView()->topologyScene()->arrow(0);
        QTRY_COMPARE_WITH_TIMEOUT(intoB->state(), TopologyModel::LinkState::Error, 30000);
        QCOMPARE(intoB->color(), QColor(0xd9, 0x30, 0x25));
        QVERIFY2(intoB->toolTip().contains("Duplicate entry"), qPrintable(intoB->toolTip()));
        // its own monitor now reports the error: the banner offers its actions
        QTRY_VERIFY_WITH_TIMEOUT(banner->shownPair().isEmpty()
                && banner->shownEvent().kind == ReplicationEvent::Kind::SqlError
                && banner->findChild<QPushButton*>("alertShowEvent")->isVisible(),
            30000);
        // its charts (the Charts tab): B runs one replica thread of two
        QTabBar* tabBar = window.tabs()->tabBar();
        const int chartsTab = window.tabs()->indexOf(window.statusCharts());
        QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(chartsTab).center());
        QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget*>(window.statusCharts()));
        QTRY_VERIFY_WITH_TIMEOUT(lastThreadCount(window, "on B") == 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(lastThreadCount(window, "on A") == 2, 15000);
        // and they go on with the monitor's samples
        const int drawn = window.statusCharts()->pointCount();
        QTRY_VERIFY_WITH_TIMEOUT(window.statusCharts()->pointCount() > drawn, 10000);
    }

private:
    /** The worst lag an entry of Saved Pairs shows ("name · lag 3.1 s · …"); -1 when none. */
    static double shownLag(PairList* pairs, const QString& path)
    {
        QListWidgetItem* item = pairs->itemFor(path);
        const QRegularExpressionMatch m
            = QRegularExpression(R"( · lag (\d+(\.\d)?) s)").match(item ? item->text() : QString());
        return m.hasMatch() ? m.captured(1).toDouble() : -1;
    }

    /** The newest value the threads chart draws for the series named @p name (-1 when none). */
    static int lastThreadCount(MainWindow& window, const QString& name)
    {
        auto* view = window.statusCharts()->findChild<QChartView*>("threadChart");
        for (QAbstractSeries* series : view->chart()->series()) {
            auto* xy = qobject_cast<QXYSeries*>(series);
            if (xy && xy->name() == name && xy->count() > 0)
                return qRound(xy->at(xy->count() - 1).y());
        }
        return -1;
    }
};

QTEST_MAIN(TestFleetView)
#include "tst_fleetview.moc"
