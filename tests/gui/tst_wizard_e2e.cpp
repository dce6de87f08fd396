// The whole wizard against two real sandbox servers: it ends with replication running both ways.
#include "appsettings.h"
#include "gui/guidriver.h"
#include "mainwindow.h"
#include "monitor/alertbanner.h"
#include "monitor/comparedialog.h"
#include "monitor/eventlist.h"
#include "monitor/skipeventdialog.h"
#include "monitor/textreportdialog.h"
#include "monitor/topologymodel.h"
#include "pairlist.h"
#include "sandbox/demosandbox.h"
#include "support/replicatedsandbox.h"
#include "support/testsupport.h"
#include "topology/replicationarrow.h"
#include "topology/servernode.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"
#include "wizard/executepage.h"
#include "wizard/planpage.h"
#include "wizard/preflightpage.h"
#include "wizard/setupwizard.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

class TestWizardEndToEnd : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName("RepliPairTest");
        QStandardPaths::setTestModeEnabled(true);
        if (Sandbox::serverBinary().isEmpty())
            QSKIP("no mariadbd/mysqld on this machine");
    }

    void connectionTestShowsWhatAutoWouldDetect()
    {
        SandboxPair fixture;
        QVERIFY2(fixture.up(), qPrintable(fixture.error()));
        PairProfile p = fixture.sandbox().pairProfile();
        p.servers[0].configFile = "auto";
        p.servers[0].restartCommand = "auto";
        SetupWizard w(p);
        w.show();
        QTest::mouseClick(w.findChild<QPushButton*>("wizardNextButton"), Qt::LeftButton);
        QVERIFY(w.findChild<QCheckBox*>("serverAConfigAuto")->isChecked());
        QTest::mouseClick(w.findChild<QPushButton*>("serverATestButton"), Qt::LeftButton);
        auto* result = w.findChild<QLabel*>("serverATestResult");
        QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QPushButton*>("serverATestButton")->isEnabled(), 60000);
        QVERIFY2(result->text().contains("SQL: connected"), qPrintable(result->text()));
        // the sandbox server runs with --defaults-file: that is the file "auto" finds
        QVERIFY2(result->text().contains(fixture.sandbox().servers().at(0).configFile),
            qPrintable(result->text()));
        QVERIFY2(result->text().contains("Restart:"), qPrintable(result->text()));
        qInfo("%s", qPrintable(result->text()));
    }

    /** Issue 16, defect 5: the execute page runs the plan the plan page showed; when a server changed in
     *  between, it stops naming the change, and nothing is changed. */
    void executePageRunsOnlyThePlanShown()
    {
        SandboxPair fixture;
        QVERIFY2(fixture.up(), qPrintable(fixture.error()));
        Sandbox& sb = fixture.sandbox();
        SetupWizard w(sb.pairProfile());
        w.show();
        auto click = [&w](const char* name) {
            auto* b = w.findChild<QPushButton*>(name);
            QVERIFY2(b && b->isVisible() && b->isEnabled(), name);
            QTest::mouseClick(b, Qt::LeftButton);
        };
        for (int page = 0; page < 4; ++page)
            click("wizardNextButton");
        QCOMPARE(w.currentId(), int(SetupWizard::PreflightPageId));
        QTRY_VERIFY_WITH_TIMEOUT(!w.preflightPage()->isRunning(), 120000);
        QCOMPARE(w.preflightPage()->errorCount(), 0);
        if (w.preflightPage()->warningCount() > 0)
            tick(w.findChild<QCheckBox*>("preflightAcknowledge"));
        click("wizardNextButton");
        QCOMPARE(w.currentId(), int(SetupWizard::PlanPageId));
        QTRY_VERIFY_WITH_TIMEOUT(w.planPage()->isComplete(), 120000);
        QVERIFY(!w.plan().fingerprint.isEmpty());

        // while the user reads the plan, someone changes a setting it depends on
        bool ok = false;
        sandboxSql(sb, 1, "SET GLOBAL auto_increment_increment = 7", &ok);
        QVERIFY(ok);
        QFile cnf(sb.servers()[1].configFile);
        QVERIFY(cnf.open(QIODevice::ReadOnly));
        const QByteArray before = cnf.readAll();
        cnf.close();
        click("wizardCommitButton");
        QCOMPARE(w.currentId(), int(SetupWizard::ExecutePageId));
        QTRY_VERIFY_WITH_TIMEOUT(w.executePage()->isFinished(), 120000);
        QVERIFY(!w.executePage()->succeeded());
        QCOMPARE(w.executePage()->error().step, QString("plan-changed"));
        QVERIFY2(
            w.executePage()->error().text.contains("[B] setting auto_increment_increment was 1, is now 7"),
            qPrintable(w.executePage()->error().text));
        auto* status = w.findChild<QLabel*>("executeStatus");
        QVERIFY2(status->text().contains("auto_increment_increment"), qPrintable(status->text()));
        // nothing changed: the option file, the binary log, no replica
        QVERIFY(cnf.open(QIODevice::ReadOnly));
        QCOMPARE(cnf.readAll(), before);
        QCOMPARE(sandboxSql(sb, 1, "SELECT @@log_bin"), QString("0"));
        QCOMPARE(sandboxSql(sb, 0, "SELECT @@log_bin"), QString("0"));
    }

    void wizardSetsUpAPairThatReplicatesBothWays()
    {
        AppSettings::setValue(AppSettings::Key::LagThresholdSec, 1.0); // the lag warning below comes soon

        // replipair --demo: the demo's servers start; once they are up, the main window offers the wizard
        DemoSandbox demo; // outlives the window, as in main()
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.offerDemo(&demo);
        QSignalSpy failed(&demo, &DemoSandbox::failed);
        demo.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<SetupWizard*>() || !failed.isEmpty(), 90000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        Sandbox& sb = demo.sandbox();
        QPointer<SetupWizard> wizard = window.findChild<SetupWizard*>();
        QVERIFY(wizard);
        QTRY_VERIFY(wizard->isVisible());
        SetupWizard& w = *wizard;
        auto click = [&w](const char* name) {
            auto* b = w.findChild<QPushButton*>(name);
            QVERIFY2(b && b->isVisible() && b->isEnabled(), name);
            QTest::mouseClick(b, Qt::LeftButton);
        };
        QCOMPARE(w.currentId(), int(SetupWizard::IntroPageId));
        click("wizardNextButton");
        QCOMPARE(w.currentId(), int(SetupWizard::ServerAPageId));
        QCOMPARE(w.findChild<QLineEdit*>("serverAHost")->text(), QString("127.0.0.1"));
        click("wizardNextButton");
        QCOMPARE(w.currentId(), int(SetupWizard::ServerBPageId));
        click("wizardNextButton");
        QCOMPARE(w.currentId(), int(SetupWizard::OptionsPageId));
        click("wizardNextButton");
        QCOMPARE(w.currentId(), int(SetupWizard::PreflightPageId));

        QTRY_VERIFY_WITH_TIMEOUT(!w.preflightPage()->isRunning(), 120000);
        QCOMPARE(w.preflightPage()->errorCount(), 0);
        if (w.preflightPage()->warningCount() > 0)
            tick(w.findChild<QCheckBox*>("preflightAcknowledge"));
        click("wizardNextButton");
        QCOMPARE(w.currentId(), int(SetupWizard::PlanPageId));
        QTRY_VERIFY_WITH_TIMEOUT(w.planPage()->isComplete(), 120000);
        QVERIFY(!w.plan().steps.isEmpty());

        click("wizardCommitButton");
        QCOMPARE(w.currentId(), int(SetupWizard::ExecutePageId));
        QVERIFY(w.executePage()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(w.executePage()->isFinished(), 600000);
        QVERIFY2(w.executePage()->succeeded(), qPrintable(w.executePage()->error().toString()));

        click("wizardNextButton");
        QCOMPARE(w.currentId(), int(SetupWizard::ResultPageId));
        // the demo's profile lives in the demo's folder: nothing to choose, nothing to save elsewhere
        QVERIFY(!w.findChild<QLineEdit*>("resultProfilePath")->isVisible());
        click("wizardFinishButton");
        QTRY_VERIFY(wizard.isNull()); // closed and deleted

        // the pair is on the canvas and in Saved Pairs as the demo's (not remembered)
        auto* pairs = window.findChild<PairList*>("pairList");
        QVERIFY(pairs->count() >= 1);
        QVERIFY(pairs->item(0)->data(PairList::DemoRole).toBool());
        QVERIFY(!AppSettings::recentPairs().contains(pairs->item(0)->data(PairList::PathRole).toString()));

        // watched by the monitor: both arrows turn green
        TopologyModel* model = window.topologyModel();
        QVERIFY(model->hasPair());
        TopologyScene* scene = window.topologyView()->topologyScene();
        for (int d = 0; d < 2; ++d)
            QTRY_COMPARE_WITH_TIMEOUT(scene->arrow(d)->state(), TopologyModel::LinkState::Running, 30000);
        QCOMPARE(scene->arrow(0)->color(), ReplicationArrow::stateColor(TopologyModel::LinkState::Running));

        // replication runs both ways: a row written on each side arrives on the other (USE test first: with
        // database filters and statement-based logging, writes made from another default database are not
        // logged)
        bool ok = false;
        sandboxSql(sb, 0,
            "USE test; CREATE TABLE IF NOT EXISTS test.wizard_e2e (id INT PRIMARY KEY, side CHAR(1))", &ok);
        QVERIFY(ok);
        sandboxSql(sb, 0, "USE test; INSERT INTO test.wizard_e2e (id, side) VALUES (1001, 'A')", &ok);
        QVERIFY(ok);
        QTRY_COMPARE_WITH_TIMEOUT(
            sandboxSql(sb, 1, "SELECT side FROM test.wizard_e2e WHERE id = 1001"), QString("A"), 30000);
        sandboxSql(sb, 1, "USE test; INSERT INTO test.wizard_e2e (id, side) VALUES (1002, 'B')", &ok);
        QVERIFY(ok);
        QTRY_COMPARE_WITH_TIMEOUT(
            sandboxSql(sb, 0, "SELECT side FROM test.wizard_e2e WHERE id = 1002"), QString("B"), 30000);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(sandboxReplicaField(sb, i, "Slave_IO_Running"), QString("Yes"));
            QCOMPARE(sandboxReplicaField(sb, i, "Slave_SQL_Running"), QString("Yes"));
        }

        // the canvas's context menu stops replication on B: the A → B arrow turns red, with the thread state
        QVERIFY(chooseFromCanvasMenu(window, 1, "actionStopReplica"));
        // a risky action asks first (issue 20): the confirmation's button
        QTRY_VERIFY(window.findChild<QMessageBox*>(QStringLiteral("confirmStopReplica")));
        QTest::mouseClick(window.findChild<QMessageBox*>(QStringLiteral("confirmStopReplica"))
                              ->findChild<QPushButton*>(QStringLiteral("confirmButton")),
            Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(sandboxReplicaField(sb, 1, "Slave_SQL_Running"), QString("No"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(scene->arrow(0)->state(), TopologyModel::LinkState::Stopped, 30000);
        QCOMPARE(scene->arrow(0)->color(), QColor(0xd9, 0x30, 0x25));
        QVERIFY2(
            scene->arrow(0)->toolTip().contains("SQL thread: no"), qPrintable(scene->arrow(0)->toolTip()));
        QCOMPARE(scene->arrow(1)->state(), TopologyModel::LinkState::Running);
        // the banner offers to start it again: its button does
        QTRY_VERIFY(window.alertBanner()->isVisible());
        clickBannerButton(window, "alertAction");
        QTRY_COMPARE_WITH_TIMEOUT(scene->arrow(0)->state(), TopologyModel::LinkState::Running, 30000);
        QTRY_VERIFY(!window.alertBanner()->isVisible()
            || window.alertBanner()->shownEvent().kind == ReplicationEvent::Kind::Recovered);
        QVERIFY(window.eventList()->topLevelItemCount() > 0); // the monitor reported the stop
        afterABreak(window, sb);
        QVERIFY(GuiDriver::chooseFromMenuBar(&window, "actionMonitor")); // Pair ▸ Monitor: off
        QVERIFY(!window.isMonitoring());
        QVERIFY(!window.findChild<QAction*>("actionMonitor")->isChecked());
    }

private:
    /** Ticks a check box as a user does from the keyboard. */
    static void tick(QCheckBox* box)
    {
        QVERIFY(box && box->isVisible() && !box->isChecked());
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Space);
        QVERIFY(box->isChecked());
    }

    /** Selects server @p index by clicking its node, as a user does (View ▸ Go to Canvas first). */
    static void clickNode(MainWindow& window, int index)
    {
        QVERIFY(GuiDriver::chooseFromMenuBar(&window, "actionGoToCanvas"));
        TopologyView* view = window.topologyView();
        const QPoint at = view->mapFromScene(view->topologyScene()->node(index)->scenePos());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    }

    /** View ▸ Go to Canvas, a right-click on server @p index's node, a click on @p action in the menu
     *  shown. */
    static bool chooseFromCanvasMenu(MainWindow& window, int index, const char* action)
    {
        if (!GuiDriver::chooseFromMenuBar(&window, "actionGoToCanvas"))
            return false;
        return GuiDriver::chooseFromServerMenu(window.topologyView(), index, action);
    }

    static void clickBannerButton(MainWindow& window, const char* name)
    {
        auto* b = window.alertBanner()->findChild<QPushButton*>(name);
        QVERIFY2(b && b->isVisible(), name);
        QTest::mouseClick(b, Qt::LeftButton);
    }

    static QString panelValue(MainWindow& window, const QString& property)
    {
        auto* tree = window.findChild<QTreeWidget*>("inspectionTree");
        const auto items = tree->findItems(property, Qt::MatchExactly | Qt::MatchRecursive);
        return items.isEmpty() ? QString() : items.first()->text(1);
    }

    /** A duplicate key halts B's SQL thread; what the admin then sees and does. */
    void afterABreak(MainWindow& window, Sandbox& sb)
    {
        TopologyScene* scene = window.topologyView()->topologyScene();
        bool ok = false;
        sandboxSql(sb, 1,
            "USE test; SET sql_log_bin = 0; INSERT INTO wizard_e2e (id, side) VALUES (2001, 'B')", &ok);
        QVERIFY(ok);
        sandboxSql(sb, 0, "USE test; INSERT INTO wizard_e2e (id, side) VALUES (2001, 'A')", &ok);
        QVERIFY(ok);
        QTRY_COMPARE_WITH_TIMEOUT(scene->arrow(0)->state(), TopologyModel::LinkState::Error, 30000);
        QVERIFY2(
            scene->arrow(0)->toolTip().contains("Duplicate entry"), qPrintable(scene->arrow(0)->toolTip()));
        AlertBanner* banner = window.alertBanner();
        QTRY_COMPARE(banner->shownEvent().kind, ReplicationEvent::Kind::SqlError);
        QVERIFY(banner->findChild<QWidget*>("alertShowEvent")->isVisible());
        QVERIFY(banner->findChild<QWidget*>("alertCompare")->isVisible());
        // starting again would only stop on the same event: no Start button for a SQL error
        QVERIFY(!banner->findChild<QWidget*>("alertAction")->isVisible());
        // the title once, with the server's error number, then the server's words
        QVERIFY2(banner->text().contains("SQL thread error 1062 on B: ")
                && banner->text().count("SQL thread error") == 1
                && banner->text().contains("Duplicate entry"),
            qPrintable(banner->text()));

        // the panel follows the monitor: B's SQL thread is down with the server's error
        clickNode(window, 1);
        QTRY_COMPARE(panelValue(window, "SQL thread"), QString("no"));
        QVERIFY2(panelValue(window, "Last SQL error").contains("1062"),
            qPrintable(panelValue(window, "Last SQL error")));
        QVERIFY(panelValue(window, "Seconds behind").startsWith("NULL"));

        // a lag warning on A comes and goes; the banner keeps B's error all along
        sandboxSql(sb, 0, "STOP SLAVE; CHANGE MASTER TO MASTER_DELAY = 4; START SLAVE", &ok);
        QVERIFY(ok);
        sandboxSql(sb, 1, "USE test; INSERT INTO wizard_e2e (id, side) VALUES (3001, 'B')", &ok);
        QVERIFY(ok);
        QTRY_VERIFY_WITH_TIMEOUT(hasEvent(window, "B", ReplicationEvent::Kind::SqlError)
                && hasEvent(window, "A", ReplicationEvent::Kind::LagHigh),
            30000);
        QCOMPARE(banner->shownEvent().kind, ReplicationEvent::Kind::SqlError);
        // counted under it (a condition of a moment, such as a thread seen stopped between STOP and START,
        // goes with the next sample)
        QTRY_VERIFY2_WITH_TIMEOUT(
            banner->text().contains("+1 more"), qPrintable(banner->text() + "\n" + eventsText(window)), 5000);
        QCOMPARE(banner->shownEvent().kind, ReplicationEvent::Kind::SqlError);
        const int recoveredBefore = eventCount(window, "A", ReplicationEvent::Kind::Recovered);
        sandboxSql(sb, 0, "STOP SLAVE; CHANGE MASTER TO MASTER_DELAY = 0; START SLAVE", &ok);
        QVERIFY(ok);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.topologyModel()->link(1).state == TopologyModel::LinkState::Running, 30000);
        // the monitor says A is healthy again: the lag is gone from the banner, its count with it
        QTRY_VERIFY_WITH_TIMEOUT(
            eventCount(window, "A", ReplicationEvent::Kind::Recovered) > recoveredBefore, 30000);
        QCOMPARE(banner->shownEvent().kind, ReplicationEvent::Kind::SqlError);
        QVERIFY(banner->isVisible());
        QVERIFY2(!banner->text().contains("more"), qPrintable(banner->text()));

        // the banner's button shows the failing event; not skipping leaves it as it is
        clickBannerButton(window, "alertShowEvent");
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<SkipEventDialog*>(), 40000);
        QPointer<SkipEventDialog> dialog = window.findChild<SkipEventDialog*>();
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY2(dialog->findChild<QLabel*>("skipEventError")->text().contains("1062"),
            qPrintable(dialog->findChild<QLabel*>("skipEventError")->text()));
        QTest::mouseClick(dialog->findChild<QPushButton*>("skipEventCancelButton"), Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull());
        // two more of the monitor's samples of B's replica: the error stays
        QSignalSpy samples(window.topologyModel(), &TopologyModel::linkChanged);
        QTRY_VERIFY_WITH_TIMEOUT(samples.count() >= 4, 20000);
        QCOMPARE(scene->arrow(0)->state(), TopologyModel::LinkState::Error);

        // the canvas's menu shows it again: tick, skip exactly it; replication runs again
        QVERIFY(chooseFromCanvasMenu(window, 1, "actionShowFailingEvent"));
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<SkipEventDialog*>(), 40000);
        dialog = window.findChild<SkipEventDialog*>();
        auto* skip = dialog->findChild<QPushButton*>("skipEventSkipButton");
        QVERIFY(!skip->isEnabled()); // not without the tick
        tick(dialog->findChild<QCheckBox*>("skipEventConfirm"));
        QVERIFY(skip->isEnabled());
        QTest::mouseClick(skip, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(scene->arrow(0)->state(), TopologyModel::LinkState::Running, 30000);
        QTRY_COMPARE(panelValue(window, "SQL thread"), QString("yes"));
        QVERIFY(panelValue(window, "Last SQL error").isEmpty());
        QTRY_VERIFY(banner->shownEvent().kind != ReplicationEvent::Kind::SqlError);

        // the comparison finds the row that now differs
        QVERIFY(chooseFromCanvasMenu(window, 0, "actionCompareData"));
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<CompareDialog*>("compareDialog"), 60000);
        auto* compare = window.findChild<CompareDialog*>("compareDialog");
        QTRY_VERIFY_WITH_TIMEOUT(!compare->isRunning(), 120000);
        auto* differences = compare->findChild<QTreeWidget*>("compareDifferences");
        QVERIFY2(differences->topLevelItemCount() > 0,
            qPrintable(compare->findChild<QLabel*>("compareStatus")->text()));
        QStringList listed; // the skipped row's table is among the ranges listed
        for (int i = 0; i < differences->topLevelItemCount(); ++i)
            listed << differences->topLevelItem(i)->text(0);
        QVERIFY2(
            listed.filter(QRegularExpression("\\bwizard_e2e\\b")).size() > 0, qPrintable(listed.join(", ")));
        compare->close();

        // and what RepliPair wrote into B's configuration, read back from the server's files
        QVERIFY(chooseFromCanvasMenu(window, 1, "actionConfigFootprint"));
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<TextReportDialog*>("configFootprintReport"), 60000);
        const QString written = window.findChild<TextReportDialog*>("configFootprintReport")
                                    ->findChild<QPlainTextEdit*>("textReport")
                                    ->toPlainText();
        QVERIFY2(
            written.contains("replipair") && written.contains("auto-increment-offset"), qPrintable(written));
        qInfo("%s", qPrintable(written));
    }

    static int eventCount(MainWindow& window, const QString& server, ReplicationEvent::Kind kind)
    {
        EventList* list = window.eventList();
        int n = 0;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i)->text(1) == server
                && list->topLevelItem(i)->data(0, Qt::UserRole).toString()
                    == ReplicationEvent::kindName(kind))
                ++n;
        return n;
    }
    /** The event list, newest last, for failure messages. */
    static QString eventsText(MainWindow& window)
    {
        EventList* list = window.eventList();
        QStringList lines;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            lines << QString("%1 %2 %3 %4")
                         .arg(list->topLevelItem(i)->text(0), list->topLevelItem(i)->text(1),
                             list->topLevelItem(i)->data(0, Qt::UserRole).toString(),
                             list->topLevelItem(i)->text(list->columnCount() - 1));
        return lines.join('\n');
    }
    static bool hasEvent(MainWindow& window, const QString& server, ReplicationEvent::Kind kind)
    {
        return eventCount(window, server, kind) > 0;
    }
};

QTEST_MAIN(TestWizardEndToEnd)
#include "tst_wizard_e2e.moc"
