// The whole wizard against two real sandbox servers: it ends with replication running both ways.
#include "executepage.h"
#include "planpage.h"
#include "preflightpage.h"
#include "replicatedsandbox.h"
#include "setupwizard.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

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

    void wizardSetsUpAPairThatReplicatesBothWays()
    {
        SandboxPair fixture;
        QVERIFY2(fixture.up(), qPrintable(fixture.error()));
        Sandbox& sb = fixture.sandbox();

        SetupWizard w(sb.pairProfile());
        QSignalSpy ready(&w, &SetupWizard::pairReady);
        w.show();
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
    }
};

QTEST_MAIN(TestWizardEndToEnd)
#include "tst_wizard_e2e.moc"
