// The inspection panel follows the live monitor on a real replicating sandbox pair: a real break shows its
// error with the sample's own time, an inspection that finishes after the break does not bring back the
// state before it, and the recovery clears the error.
#include "monitor/pairmonitor.h"
#include "monitor/topologymodel.h"
#include "setup/setuprunner.h"
#include "support/replicatedsandbox.h"
#include "support/testsupport.h"
#include "topology/inspectionpanel.h"
#include "topology/servernode.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

/** The canvas and the inspection panel of @p profile as the main window wires them, with server B selected
 *  by a click on its node. */
struct CanvasWithPanel
{
    TopologyModel model;
    TopologyView view { &model };
    InspectionPanel panel { &model };

    explicit CanvasWithPanel(const PairProfile& profile)
    {
        model.setProfile(profile);
        view.resize(900, 500);
        QObject::connect(&view, &TopologyView::serverSelected, &panel, &InspectionPanel::setServer);
        view.show();
    }
    /** The user selects B on the canvas; false when the panel did not follow. */
    bool selectB()
    {
        if (!QTest::qWaitForWindowExposed(&view))
            return false;
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
            view.mapFromScene(view.topologyScene()->node(1)->scenePos()));
        return panel.server() == 1;
    }
    /** The value shown for @p property. */
    QString value(const QString& property) const
    {
        const auto* tree = panel.findChild<QTreeWidget*>("inspectionTree");
        const auto items = tree->findItems(property, Qt::MatchExactly | Qt::MatchRecursive);
        return items.isEmpty() ? QString() : items.first()->text(1);
    }
};

class TestInspectionPanel : public QObject
{
    Q_OBJECT

    QString sql(Sandbox& sb, int index, const QString& statement)
    {
        bool ok = false;
        const QString out = sandboxSql(sb, index, statement, &ok);
        if (!ok)
            qWarning().noquote() << "SQL failed on" << index << statement << out;
        return out;
    }

private slots:
    void initTestCase()
    {
        if (Sandbox::serverBinary().isEmpty())
            QSKIP("no mariadbd/mysqld on this machine");
    }

    void theIoThreadStateIsInTheAppsWordsLikeTheSqlThreads()
    {
        // the server's Slave_IO_Running words (Yes, No, Connecting, Preparing) go through tr() as the SQL
        // thread's state does: "preparing", not the server's raw "Preparing" beside a translated word
        PairProfile profile;
        profile.name = "orders";
        profile.servers[0].name = "A";
        profile.servers[1].name = "B";
        CanvasWithPanel ui(profile);
        QVERIFY(ui.selectB());
        TopologyModel& model = ui.model;
        auto value = [&ui](const QString& property) { return ui.value(property); };
        const QList<std::pair<QString, QString>> states { { "Yes", "yes" }, { "Connecting", "connecting" },
            { "Preparing", "preparing" }, { "No", "no" } };
        for (const auto& [server, shown] : states) {
            ReplicaStatus r;
            r.configured = true;
            r.ioState = server;
            r.ioRunning = server == "Yes";
            r.sqlRunning = true;
            r.secondsBehind = 0;
            model.applyReplicaStatus(1, r, 0.1);
            QTRY_COMPARE(value("IO thread"), shown);
            QCOMPARE(value("SQL thread"), QString("yes"));
        }
    }

    void thePanelFollowsTheMonitorNotALateInspection()
    {
        SandboxPair fixture;
        QVERIFY2(fixture.up(), qPrintable(fixture.error()));
        Sandbox& sb = fixture.sandbox();
        QString error;
        QVERIFY2(startSandboxReplication(sb, &error), qPrintable(error));
        const PairProfile profile = sb.pairProfile();

        CanvasWithPanel ui(profile);
        QVERIFY(ui.selectB()); // the user selects B on the canvas
        TopologyModel& model = ui.model;
        auto* tree = ui.panel.findChild<QTreeWidget*>("inspectionTree");
        auto value = [&ui](const QString& property) { return ui.value(property); };
        auto section = [tree](const QString& start) {
            const auto items = tree->findItems(start, Qt::MatchStartsWith);
            return items.isEmpty() ? QString() : items.first()->text(0);
        };

        // an inspection of the healthy pair, whose result arrives only after the break below
        SetupRunner inspection(profile);
        QSignalSpy inspected(&inspection, &SetupRunner::finished);
        inspection.start(SetupRunner::Mode::Inspect);
        QTRY_VERIFY_WITH_TIMEOUT(!inspected.isEmpty(), 60000);
        QVERIFY(inspection.inspection(1).reachable);
        QVERIFY(inspection.inspection(1).replica.sqlRunning);

        // the live monitor feeds the canvas and the panel, as in the main window
        PairMonitor monitor(profile);
        monitor.setIntervalMs(250);
        connect(&monitor, &PairMonitor::sample, &model, &TopologyModel::applySample);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(value("SQL thread"), QString("yes"), 20000);

        // a real break: the same key on both sides, B's copy kept out of its binary log
        sql(sb, 0, "CREATE TABLE test.panel (id INT PRIMARY KEY, side CHAR(1))");
        QTRY_COMPARE_WITH_TIMEOUT(sql(sb, 1, "SHOW TABLES FROM test LIKE 'panel'"), QString("panel"), 20000);
        auto repair = qScopeGuard(
            [&] { sql(sb, 1, "SET sql_log_bin = 0; DELETE FROM test.panel WHERE id = 1; START SLAVE"); });
        sql(sb, 1, "SET sql_log_bin = 0; INSERT INTO test.panel VALUES (1, 'B')");
        sql(sb, 0, "INSERT INTO test.panel VALUES (1, 'A')");
        QTRY_VERIFY_WITH_TIMEOUT(value("Last SQL error").contains("1062"), 20000);
        QCOMPARE(value("SQL thread"), QString("no"));
        QVERIFY(value("Seconds behind").startsWith("NULL"));
        // the time shown is the sample's own (when the monitor read the status), not when it arrived
        const StatusSample latest = monitor.latest(1);
        QCOMPARE(model.link(0).updated, latest.time.toLocalTime());
        QTRY_VERIFY(
            section("Replication now").contains(model.link(0).updated.toString(QStringLiteral("HH:mm:ss"))));
        const std::optional<double> lagBefore = model.link(1).heartbeatLag;

        // the inspection taken before the break finishes now: it says what the server is, not how it is
        model.applyInspection(1, inspection.inspection(1));
        ui.panel.setInspectedAt(1, QDateTime::currentDateTime());
        QCOMPARE(value("SQL thread"), QString("no"));
        QVERIFY2(value("Last SQL error").contains("1062"), qPrintable(value("Last SQL error")));
        QVERIFY(section("Replication now").contains(latest.time.toLocalTime().toString("HH:mm:ss")));
        QVERIFY(!section("Last inspection").isEmpty());
        QCOMPARE(model.link(0).state, TopologyModel::LinkState::Error);
        model.applyInspection(0, inspection.inspection(0));
        QCOMPARE(model.link(1).heartbeatLag, lagBefore); // A's heartbeat lag is kept as well

        // recovery: B drops its conflicting row and applies again; the error goes with the next samples
        repair.dismiss();
        sql(sb, 1, "SET sql_log_bin = 0; DELETE FROM test.panel WHERE id = 1; START SLAVE");
        QTRY_COMPARE_WITH_TIMEOUT(value("SQL thread"), QString("yes"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(value("Last SQL error").isEmpty(), 20000);
        QVERIFY(model.link(0).updated > latest.time.toLocalTime());
        QCOMPARE(model.link(0).state, TopologyModel::LinkState::Running);
        monitor.stop();
    }
};

QTEST_MAIN(TestInspectionPanel)
#include "tst_inspectionpanel.moc"
