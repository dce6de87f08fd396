// Wizard pages: field validation, pre-flight verdicts gating Next, a connection test that never blocks.
#include "wizard/optionspage.h"
#include "wizard/planpage.h"
#include "wizard/preflightpage.h"
#include "wizard/serverpage.h"
#include "wizard/setupwizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

namespace {
// Refuses at once: the runners the pages start fail fast, and the tests feed the pages their own verdicts.
PairProfile unreachablePair()
{
    PairProfile p = SetupWizard::defaultProfile();
    for (ServerProfile& s : p.servers) {
        s.host = "127.0.0.1";
        s.port = 1;
        s.adminPasswordOverride = "x";
    }
    return p;
}

Finding finding(Finding::Severity severity, const QString& text)
{
    Finding f;
    f.severity = severity;
    f.server = "B";
    f.code = "test";
    f.text = text;
    return f;
}

QPushButton* nextButton(SetupWizard& w)
{
    return w.findChild<QPushButton*>("wizardNextButton");
}

/** What a user does: click Next, click Back, toggle with the Space key, pick an entry with the keyboard. */
void clickNext(SetupWizard& w)
{
    QTest::mouseClick(nextButton(w), Qt::LeftButton);
}

void clickBack(SetupWizard& w)
{
    QTest::mouseClick(w.findChild<QPushButton*>("wizardBackButton"), Qt::LeftButton);
}

void toggle(QWidget* box)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Space);
}

void choose(QComboBox* combo, const QString& text)
{
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    while (combo->currentText() != text && combo->currentIndex() < combo->count() - 1)
        QTest::keyClick(combo, Qt::Key_Down);
}
} // namespace

class TestSetupWizard : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName("RepliPairTest");
        QStandardPaths::setTestModeEnabled(true);
    }

    void serverPageValidatesItsFields()
    {
        SetupWizard w(SetupWizard::defaultProfile());
        w.show();
        clickNext(w); // server A
        QCOMPARE(w.currentId(), int(SetupWizard::ServerAPageId));
        auto* host = w.findChild<QLineEdit*>("serverAHost");
        auto* name = w.findChild<QLineEdit*>("serverAName");
        auto* problem = w.findChild<QLabel*>("serverAProblem");
        QVERIFY(host && name && problem);
        QVERIFY(!nextButton(w)->isEnabled()); // no host yet
        QVERIFY(problem->text().contains("host"));

        QTest::keyClicks(host, "db one");
        QVERIFY(!nextButton(w)->isEnabled());
        QVERIFY(problem->text().contains("not a valid host"));
        host->clear();
        QTest::keyClicks(host, "db1.example.net");
        QVERIFY(nextButton(w)->isEnabled());

        name->clear();
        QVERIFY(!nextButton(w)->isEnabled());
        QTest::keyClicks(name, "A");
        QVERIFY(nextButton(w)->isEnabled());

        // a fixed config file must be an absolute path
        auto* configAuto = w.findChild<QCheckBox*>("serverAConfigAuto");
        toggle(configAuto); // off
        QVERIFY(!nextButton(w)->isEnabled());
        QTest::keyClicks(w.findChild<QLineEdit*>("serverAConfigFile"), "/etc/mysql/my.cnf");
        QVERIFY(nextButton(w)->isEnabled());

        // SSH: the placeholders are the defaults (root, the usual key files); a password must be given
        auto* ssh = w.findChild<QGroupBox*>("serverASshGroup");
        toggle(ssh); // on
        QVERIFY(ssh->isChecked());
        QVERIFY(nextButton(w)->isEnabled());
        auto* auth = w.findChild<QComboBox*>("serverASshAuth");
        choose(auth, "Password");
        QVERIFY(!nextButton(w)->isEnabled());
        QVERIFY(w.findChild<QLabel*>("serverAProblem")->text().contains("SSH password"));
        QTest::keyClicks(w.findChild<QLineEdit*>("serverASshPassword"), "ssh-s3cret");
        QVERIFY(nextButton(w)->isEnabled());
        choose(auth, "ssh-agent");
        QVERIFY(nextButton(w)->isEnabled());
        QVERIFY(!w.findChild<QLineEdit*>("serverASshKeyFile")->isEnabled());
        toggle(ssh); // off
        QVERIFY(!ssh->isChecked());

        w.findChild<QLineEdit*>("serverAPassword")->setText("s3cret");
        clickNext(w);
        QCOMPARE(w.currentId(), int(SetupWizard::ServerBPageId));
        QCOMPARE(w.profile().servers[0].host, QString("db1.example.net"));
        QCOMPARE(w.profile().servers[0].configFile, QString("/etc/mysql/my.cnf"));
        QCOMPARE(w.profile().servers[0].adminPasswordOverride, QString("s3cret"));

        // B may not share A's name
        QTest::keyClicks(w.findChild<QLineEdit*>("serverBHost"), "db2.example.net");
        QVERIFY(nextButton(w)->isEnabled());
        auto* nameB = w.findChild<QLineEdit*>("serverBName");
        nameB->setText("a");
        QVERIFY(!nextButton(w)->isEnabled());
        QVERIFY(w.findChild<QLabel*>("serverBProblem")->text().contains("Both servers"));
        nameB->setText("B");
        w.findChild<QSpinBox*>("serverBPort")->setValue(3307);
        QVERIFY(nextButton(w)->isEnabled());
        clickNext(w);
        QCOMPARE(w.profile().servers[1].port, 3307);

        // back and forth keeps what was typed
        clickBack(w);
        QCOMPARE(w.findChild<QLineEdit*>("serverBHost")->text(), QString("db2.example.net"));
    }

    void twoRemoteServersFromTheDefaultsAndSameAsA()
    {
        SetupWizard w(SetupWizard::defaultProfile());
        w.show();
        clickNext(w);
        QCOMPARE(w.currentId(), int(SetupWizard::ServerAPageId));
        // the first server: its address, the SQL password and the SSH password typed; everything else the
        // defaults the placeholders show
        QTest::keyClicks(w.findChild<QLineEdit*>("serverAHost"), "127.0.0.2");
        QTest::keyClicks(w.findChild<QLineEdit*>("serverAPassword"), "sql-s3cret");
        toggle(w.findChild<QGroupBox*>("serverASshGroup"));
        auto* auth = w.findChild<QComboBox*>("serverASshAuth");
        choose(auth, "Password");
        QTest::keyClicks(w.findChild<QLineEdit*>("serverASshPassword"), "ssh-s3cret");
        QVERIFY2(nextButton(w)->isEnabled(), qPrintable(w.findChild<QLabel*>("serverAProblem")->text()));
        const ServerProfile a = w.serverPage(0)->fromFields();
        QCOMPARE(a.adminUser, QString("root"));
        QVERIFY(a.hasSsh);
        QCOMPARE(a.ssh.host, QString("127.0.0.2"));
        QCOMPARE(a.ssh.user, QString("root"));
        QCOMPARE(a.ssh.port, 22);
        QCOMPARE(a.ssh.passwordOverride, QString("ssh-s3cret"));
        QVERIFY(a.adminPasswordKeychain.isEmpty()); // not remembered unless ticked

        // Next on an SSH page first checks the host key (a connection): the page after is reached from A's
        // settings as Next would have stored them
        PairProfile p = w.profile();
        p.servers[0] = a;
        SetupWizard second(p);
        second.setStartId(SetupWizard::ServerBPageId);
        second.show();
        QCOMPARE(second.currentId(), int(SetupWizard::ServerBPageId));
        QVERIFY(!nextButton(second)->isEnabled()); // B starts without a host
        QTest::keyClicks(second.findChild<QLineEdit*>("serverBHost"), "127.0.0.3");
        auto* same = second.findChild<QCheckBox*>("serverBSameAsA");
        QVERIFY(same);
        same->setFocus();
        QTest::keyClick(same, Qt::Key_Space);
        QVERIFY(same->isChecked());
        QVERIFY(nextButton(second)->isEnabled());
        QVERIFY(!second.findChild<QLineEdit*>("serverBAdminUser")->isEnabled());
        const ServerProfile b = second.serverPage(1)->fromFields();
        QCOMPARE(b.host, QString("127.0.0.3"));
        QCOMPARE(b.adminUser, QString("root"));
        QCOMPARE(b.adminPasswordOverride, QString("sql-s3cret"));
        QVERIFY(b.hasSsh);
        QCOMPARE(b.ssh.host, QString("127.0.0.3")); // B's own host, A's account
        QCOMPARE(b.ssh.user, QString("root"));
        QCOMPARE(b.ssh.passwordOverride, QString("ssh-s3cret"));
        QCOMPARE(b.name, QString("B"));

        // ticking "remember" names keychain entries in the profile, never the passwords
        QTest::keyClick(same, Qt::Key_Space);
        auto* remember = second.findChild<QCheckBox*>("serverBRemember");
        remember->setFocus();
        QTest::keyClick(remember, Qt::Key_Space);
        const ServerProfile kept = second.serverPage(1)->fromFields();
        QCOMPARE(kept.adminPasswordKeychain, QString("sql:root@127.0.0.3:3306"));
        QCOMPARE(kept.ssh.passwordKeychain, QString("ssh:root@127.0.0.3:22"));
        PairProfile saved = second.profile();
        saved.servers[1] = kept;
        const QByteArray json = QJsonDocument(saved.toJson()).toJson();
        QVERIFY(json.contains("sql:root@127.0.0.3:3306"));
        QVERIFY(!json.contains("s3cret"));
    }

    void optionsPageValidatesAndWritesTheProfile()
    {
        SetupWizard w(unreachablePair());
        w.setStartId(SetupWizard::OptionsPageId);
        w.show();
        QCOMPARE(w.currentId(), int(SetupWizard::OptionsPageId));
        auto* dbs = w.findChild<QLineEdit*>("optionsDatabases");
        auto* ignore = w.findChild<QLineEdit*>("optionsIgnoreDatabases");
        dbs->setText("shop, billing mysql");
        ignore->setText("mysql");
        QVERIFY(!nextButton(w)->isEnabled());
        dbs->setText("shop, billing");
        QVERIFY(nextButton(w)->isEnabled());
        w.findChild<QLineEdit*>("optionsPairName")->clear();
        QVERIFY(!nextButton(w)->isEnabled());
        w.findChild<QLineEdit*>("optionsPairName")->setText("orders");
        // what the profile offers: the replication account's host, the rolling restart
        auto* userHost = w.findChild<QLineEdit*>("optionsReplicationUserHost");
        QTest::keyClicks(userHost, "10.0.0.% x");
        QVERIFY(!nextButton(w)->isEnabled());
        userHost->clear();
        QTest::keyClicks(userHost, "10.0.0.%");
        QVERIFY(nextButton(w)->isEnabled());
        auto* rolling = w.findChild<QCheckBox*>("optionsRollingRestart");
        rolling->setFocus();
        QTest::keyClick(rolling, Qt::Key_Space);
        choose(w.findChild<QComboBox*>("optionsFilterStyle"),
            w.findChild<QComboBox*>("optionsFilterStyle")->itemText(1)); // do-db
        choose(w.findChild<QComboBox*>("optionsRestart"),
            w.findChild<QComboBox*>("optionsRestart")->itemText(2));
        clickNext(w); // the page writes the profile; the pre-flight page follows
        QCOMPARE(w.currentId(), int(SetupWizard::PreflightPageId));
        QCOMPARE(w.profile().replicationUserHost, QString("10.0.0.%"));
        QVERIFY(w.profile().rollingRestart);
        QCOMPARE(w.profile().filterStyle, FilterStyle::DoDb);
        QCOMPARE(w.profile().restart, RestartPolicy::Never);
        QCOMPARE(w.profile().databases, QStringList({ "shop", "billing" }));
        QCOMPARE(w.profile().ignoreDatabases, QStringList({ "mysql" }));
        QCOMPARE(w.profile().name, QString("orders"));
    }

    void preflightErrorBlocksNextAndWarningsNeedATick()
    {
        SetupWizard w(unreachablePair());
        w.setStartId(SetupWizard::PreflightPageId);
        w.show();
        PreflightPage* page = w.preflightPage();
        QCOMPARE(w.currentPage(), page);
        // the real inspection of an unreachable pair fails: that is an error too
        QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 30000);
        QVERIFY(page->errorCount() > 0);
        QVERIFY(!nextButton(w)->isEnabled());

        SetupPlan plan;
        plan.findings << finding(Finding::Severity::Ok, "both answer")
                      << finding(Finding::Severity::Error, "server_id 1 is used by both servers");
        page->showResult(plan);
        QCOMPARE(page->errorCount(), 1);
        QVERIFY(!page->isComplete());
        QVERIFY(!nextButton(w)->isEnabled());
        auto* tree = w.findChild<QTreeWidget*>("preflightFindings");
        QCOMPARE(tree->topLevelItemCount(), 2);
        QVERIFY(!w.findChild<QCheckBox*>("preflightAcknowledge")->isVisible());

        // a long finding is shown in full below the list
        const QString longText = "server_id 1 is used by both servers " + QString("and more ").repeated(40)
            + "/etc/mysql/mariadb.conf.d/50-server.cnf";
        plan.findings.last() = finding(Finding::Severity::Error, longText);
        page->showResult(plan);
        QCOMPARE(w.findChild<QLabel*>("preflightDetail")->text().contains(longText), true);
        QVERIFY(w.findChild<QLabel*>("preflightDetail")->wordWrap());

        plan.findings.last() = finding(Finding::Severity::Warning, "binlog_format is MIXED");
        page->showResult(plan);
        auto* tick = w.findChild<QCheckBox*>("preflightAcknowledge");
        QVERIFY(tick->isVisible());
        QVERIFY(!nextButton(w)->isEnabled());
        toggle(tick);
        QVERIFY(nextButton(w)->isEnabled());

        plan.findings.removeLast();
        page->showResult(plan);
        QVERIFY(nextButton(w)->isEnabled());
    }

    void planPageShowsStepsAndExports()
    {
        SetupWizard w(unreachablePair());
        w.setStartId(SetupWizard::PlanPageId);
        w.show();
        PlanPage* page = w.planPage();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 30000);
        QVERIFY(!page->isComplete()); // no plan for an unreachable pair
        SetupPlan plan;
        PlanStep step;
        step.server = "A";
        step.title = "Create the replication account";
        step.sql = QStringList { "CREATE USER 'replication'@'10.0.0.2' IDENTIFIED BY '***'" };
        plan.steps << step;
        page->showPlan(plan);
        QVERIFY(page->isComplete());
        QVERIFY(w.findChild<QPlainTextEdit*>("planDetail")->toPlainText().contains("IDENTIFIED BY '***'"));
        QTemporaryDir dir;
        QVERIFY(page->exportTo(dir.filePath("plan.txt")));
        QFile f(dir.filePath("plan.txt"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("CREATE USER"));
    }

    void connectionTestNeverBlocksTheGuiThread()
    {
        // accepts TCP, never says a word
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket*> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket* s = silent.nextPendingConnection())
                held << s;
        });
        PairProfile p = SetupWizard::defaultProfile();
        p.servers[0].host = "127.0.0.1";
        p.servers[0].port = silent.serverPort();
        SetupWizard w(p);
        w.show();
        clickNext(w);
        auto* result = w.findChild<QLabel*>("serverATestResult");
        auto* button = w.findChild<QPushButton*>("serverATestButton");

        qint64 longest = 0;
        QElapsedTimer gap;
        gap.start();
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&] { longest = qMax(longest, gap.restart()); });
        ticker.start();
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(result->text().contains("Testing"));
        QVERIFY(!button->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 60000);
        QVERIFY2(result->text().contains("failed"), qPrintable(result->text()));
        QVERIFY2(longest < 200, qPrintable(QString("the GUI thread stalled for %1 ms").arg(longest)));
        qInfo(
            "connection test ended after %lld ms; longest event-loop gap %lld ms", clock.elapsed(), longest);
        qDeleteAll(held);
    }
};

QTEST_MAIN(TestSetupWizard)
#include "tst_setupwizard.moc"
