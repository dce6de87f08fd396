// The whole wizard against two real sandbox servers: it ends with replication running both ways.
#include "mainwindow.h"
#include "monitor/alertbanner.h"
#include "monitor/eventlist.h"
#include "monitor/skipeventdialog.h"
#include "monitor/textreportdialog.h"
#include "monitor/topologymodel.h"
#include "support/replicatedsandbox.h"
#include "support/testsupport.h"
#include "topology/replicationarrow.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"
#include "wizard/executepage.h"
#include "wizard/planpage.h"
#include "wizard/preflightpage.h"
#include "wizard/setupwizard.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

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
        w.next();
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

    void wizardSetsUpAPairThatReplicatesBothWays()
    {
        SandboxPair fixture;
        QVERIFY2(fixture.up(), qPrintable(fixture.error()));
        Sandbox& sb = fixture.sandbox();

        // the way the app does it: the main window opens the wizard and, at the end, the pair
        MainWindow window;
        window.show();
        QPointer<SetupWizard> wizard = window.startWizard(sb.pairProfile());
        SetupWizard& w = *wizard;
        QSignalSpy ready(&w, &SetupWizard::pairReady);
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
            w.findChild<QCheckBox*>("preflightAcknowledge")->setChecked(true);
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
        const QString path = fixture.dir() + "/saved.replipair.json";
        w.findChild<QLineEdit*>("resultProfilePath")->setText(path);
        click("wizardFinishButton");
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready.at(0).at(0).toString(), path);
        QVERIFY(QFile::exists(path));
        QVERIFY(PairProfile::load(path).has_value());
        QTRY_VERIFY(wizard.isNull()); // closed and deleted

        // the pair is on the canvas, watched by the monitor: both arrows turn green
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
        Q_EMIT window.topologyView()->stopReplicaRequested(1);
        QTRY_COMPARE_WITH_TIMEOUT(sandboxReplicaField(sb, 1, "Slave_SQL_Running"), QString("No"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(scene->arrow(0)->state(), TopologyModel::LinkState::Stopped, 30000);
        QCOMPARE(scene->arrow(0)->color(), QColor(0xd9, 0x30, 0x25));
        QVERIFY2(
            scene->arrow(0)->toolTip().contains("SQL thread: no"), qPrintable(scene->arrow(0)->toolTip()));
        QCOMPARE(scene->arrow(1)->state(), TopologyModel::LinkState::Running);
        Q_EMIT window.topologyView()->startReplicaRequested(1);
        QTRY_COMPARE_WITH_TIMEOUT(scene->arrow(0)->state(), TopologyModel::LinkState::Running, 30000);
        QVERIFY(window.eventList()->topLevelItemCount() > 0); // the monitor reported the stop

        // a duplicate key halts B's SQL thread: red arrow with the server's own error text, banner, event
        sandboxSql(sb, 1,
            "USE test; SET sql_log_bin = 0; INSERT INTO wizard_e2e (id, side) VALUES (2001, 'B')", &ok);
        QVERIFY(ok);
        sandboxSql(sb, 0, "USE test; INSERT INTO wizard_e2e (id, side) VALUES (2001, 'A')", &ok);
        QVERIFY(ok);
        QTRY_COMPARE_WITH_TIMEOUT(scene->arrow(0)->state(), TopologyModel::LinkState::Error, 30000);
        QVERIFY2(
            scene->arrow(0)->toolTip().contains("Duplicate entry"), qPrintable(scene->arrow(0)->toolTip()));
        QTRY_VERIFY(window.alertBanner()->isVisible());
        QVERIFY(window.alertBanner()->findChild<QWidget*>("alertShowEvent")->isVisible());

        // the safe action: see the event, confirm, skip exactly it; replication runs again
        bool confirmed = false;
        bool skipWasDisabled = false;
        QString shownError;
        QTimer poll; // the dialog is modal: look for it from the event loop, without nesting another wait
        poll.setInterval(50);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto* dialog = qobject_cast<SkipEventDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            poll.stop();
            auto* skip = dialog->findChild<QPushButton*>("skipEventSkipButton");
            skipWasDisabled = !skip->isEnabled(); // not without the tick
            shownError = dialog->findChild<QLabel*>("skipEventError")->text();
            dialog->findChild<QCheckBox*>("skipEventConfirm")->setChecked(true);
            skip->click();
            confirmed = true;
        });
        poll.start();
        window.showFailingEvent(1);
        QTRY_VERIFY_WITH_TIMEOUT(confirmed, 40000);
        QVERIFY(skipWasDisabled);
        QVERIFY2(shownError.contains("1062"), qPrintable(shownError));
        QTRY_COMPARE_WITH_TIMEOUT(scene->arrow(0)->state(), TopologyModel::LinkState::Running, 30000);

        // and the comparison finds the row that now differs
        window.compareData();
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<TextReportDialog*>(), 60000);
        const QString report
            = window.findChild<TextReportDialog*>()->findChild<QPlainTextEdit*>("textReport")->toPlainText();
        QVERIFY2(report.contains("wizard_e2e"), qPrintable(report));
        window.setMonitoring(false);
    }
};

QTEST_MAIN(TestWizardEndToEnd)
#include "tst_wizard_e2e.moc"
