// Wizard pages: field validation, pre-flight verdicts gating Next, a connection test that never blocks.
#include "common/stepid.h"
#include "support/sshdfixture.h"
#include "support/testsupport.h"
#include "wizard/executepage.h"
#include "wizard/optionspage.h"
#include "wizard/planpage.h"
#include "wizard/preflightpage.h"
#include "wizard/serverpage.h"
#include "wizard/setupwizard.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScrollBar>
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

    void everyPageFitsA1280x800Screen()
    {
        // a laptop's 1280x800 less a panel: each page, with everything a user can open on it (the SSH box on
        // both server pages, "same as A" on the second), and the Next/Cancel row inside the window
        for (int id = SetupWizard::IntroPageId; id <= SetupWizard::ResultPageId; ++id) {
            SetupWizard w(unreachablePair());
            w.setStartId(id);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QCOMPARE(w.currentId(), id);
            if (id == SetupWizard::IntroPageId) {
                // the first page tells what setup does now: the optional copy and the final comparison too
                const QString what = w.findChild<QLabel*>("introWhat")->text();
                QVERIFY2(what.contains("initial copy") && what.contains("replicated tables are compared")
                        && what.contains("test row"),
                    qPrintable(what));
                QVERIFY2(!w.findChild<QLabel*>("introNeed")->text().contains("should hold the same data"),
                    qPrintable(w.findChild<QLabel*>("introNeed")->text()));
            }
            if (id == SetupWizard::ServerAPageId || id == SetupWizard::ServerBPageId) {
                const QString server = id == SetupWizard::ServerAPageId ? "serverA" : "serverB";
                auto* ssh = w.findChild<QGroupBox*>(server + "SshGroup");
                if (!ssh->isChecked())
                    toggle(ssh);
                QVERIFY(ssh->isChecked());
                if (id == SetupWizard::ServerBPageId) {
                    QTest::mouseClick(w.findChild<QCheckBox*>("serverBSameAsA"), Qt::LeftButton);
                    QTest::mouseClick(w.findChild<QCheckBox*>("serverBSameAsA"), Qt::LeftButton);
                    QVERIFY(!w.findChild<QCheckBox*>("serverBSameAsA")->isChecked());
                }
            }
            QCoreApplication::processEvents();
            const QString what = QString("page %1: wizard %2x%3, size hint %4x%5, minimum %6x%7")
                                     .arg(id)
                                     .arg(w.width())
                                     .arg(w.height())
                                     .arg(w.sizeHint().width())
                                     .arg(w.sizeHint().height())
                                     .arg(w.minimumSize().width())
                                     .arg(w.minimumSize().height());
            qInfo("%s", qPrintable(what));
            QVERIFY2(w.height() <= 760 && w.sizeHint().height() <= 760 && w.minimumSize().height() <= 760,
                qPrintable(what));
            QVERIFY2(w.width() <= 1280 && w.minimumSize().width() <= 1280, qPrintable(what));
            // the button row inside the window; the result page has no Cancel (the run is over)
            auto* cancel = w.findChild<QPushButton*>("wizardCancelButton");
            auto* row = id == SetupWizard::ResultPageId ? w.button(QWizard::FinishButton) : cancel;
            QVERIFY2(row->isVisible() && row->mapTo(&w, QPoint(0, row->height())).y() <= w.height(),
                qPrintable(what));
            QCOMPARE(cancel->isVisible(), id != SetupWizard::ResultPageId);
        }
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
        // a real sshd on 127.0.0.1 (Next on an SSH page checks the host key first); a home of the test's own,
        // whose ~/.ssh holds the default key and the known_hosts file the host key goes into
        SshdFixture sshd;
        QVERIFY2(sshd.start(), qPrintable(sshd.error()));
        QTemporaryDir home;
        QVERIFY(QDir(home.path()).mkpath(".ssh"));
        QVERIFY(QFile::copy(sshd.clientKey(), home.filePath(".ssh/id_ed25519")));
        const QByteArray oldHome = qgetenv("HOME");
        qputenv("HOME", home.path().toLocal8Bit());
        const auto restoreHome = qScopeGuard([&] { qputenv("HOME", oldHome); });

        SetupWizard w(SetupWizard::defaultProfile());
        w.show();
        clickNext(w);
        QCOMPARE(w.currentId(), int(SetupWizard::ServerAPageId));
        // the first server: its address and the port its sshd listens on; admin user, SSH user, key file and
        // known_hosts left empty, as their grey defaults say
        QTest::keyClicks(w.findChild<QLineEdit*>("serverAHost"), "127.0.0.1");
        toggle(w.findChild<QGroupBox*>("serverASshGroup"));
        QVERIFY(w.findChild<QGroupBox*>("serverASshGroup")->isChecked());
        for (const char* empty :
            { "serverAAdminUser", "serverASshUser", "serverASshKeyFile", "serverAKnownHosts" })
            QVERIFY2(w.findChild<QLineEdit*>(empty)->text().isEmpty(), empty);
        QCOMPARE(w.findChild<QComboBox*>("serverASshAuth")->currentText(), QString("Key file"));
        auto* sshPort = w.findChild<QSpinBox*>("serverASshPort");
        sshPort->setFocus();
        QTest::keyClick(sshPort, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(sshPort, QString::number(sshd.port()));
        QCOMPARE(sshPort->value(), sshd.port());
        QVERIFY2(nextButton(w)->isEnabled(), qPrintable(w.findChild<QLabel*>("serverAProblem")->text()));

        // Next tests the connection; the host key is new: its dialog is answered by clicking "Trust"
        int dialogs = 0;
        QTimer trust;
        trust.setInterval(50);
        connect(&trust, &QTimer::timeout, this, [&] {
            for (QWidget* top : QApplication::topLevelWidgets())
                if (top->objectName() == "hostKeyDialog" && top->isVisible()) {
                    ++dialogs;
                    QVERIFY(top->findChild<QLineEdit*>("hostKeyFingerprint")
                                ->text()
                                .contains(sshd.hostKeyFingerprint()));
                    QTest::mouseClick(top->findChild<QPushButton*>("hostKeyTrustButton"), Qt::LeftButton);
                }
        });
        trust.start();
        clickNext(w);
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SetupWizard::ServerBPageId), 30000);
        QCOMPARE(dialogs, 1);
        // the host key went into the default known_hosts file
        QFile knownHosts(home.filePath(".ssh/known_hosts"));
        QVERIFY(knownHosts.open(QIODevice::ReadOnly));
        QVERIFY(knownHosts.readAll().contains(QString("[127.0.0.1]:%1").arg(sshd.port()).toUtf8()));
        // the SSH test logged in with the defaults: root and the first default key (this sshd lets only its
        // own test user in, so root is refused — with the key the default named)
        const QString tested = w.findChild<QLabel*>("serverATestResult")->text();
        QVERIFY2(tested.contains("root@127.0.0.1") && tested.contains(home.filePath(".ssh/id_ed25519")),
            qPrintable(tested));

        // the second server: its address (here: the same host, another SQL port), then "same as A"
        QVERIFY(!nextButton(w)->isEnabled()); // B starts without a host
        QTest::keyClicks(w.findChild<QLineEdit*>("serverBHost"), "127.0.0.1");
        auto* portB = w.findChild<QSpinBox*>("serverBPort");
        portB->setFocus();
        QTest::keyClick(portB, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(portB, "3307");
        auto* same = w.findChild<QCheckBox*>("serverBSameAsA");
        QVERIFY(same);
        QTest::mouseClick(same, Qt::LeftButton);
        QVERIFY(same->isChecked());
        QVERIFY(!w.findChild<QLineEdit*>("serverBAdminUser")->isEnabled());
        QVERIFY(w.findChild<QGroupBox*>("serverBSshGroup")->isChecked());
        QCOMPARE(w.findChild<QSpinBox*>("serverBSshPort")->value(), sshd.port());
        QVERIFY2(nextButton(w)->isEnabled(), qPrintable(w.findChild<QLabel*>("serverBProblem")->text()));
        clickNext(w); // the host key is known now: no dialog
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SetupWizard::OptionsPageId), 30000);
        QCOMPARE(dialogs, 1);

        // what Next stored: the defaults for both, B with its own address and A's account
        for (int i = 0; i < 2; ++i) {
            const ServerProfile& s = w.profile().servers[i];
            QCOMPARE(s.name, QString(i == 0 ? "A" : "B"));
            QCOMPARE(s.host, QString("127.0.0.1"));
            QCOMPARE(s.port, i == 0 ? 3306 : 3307);
            QCOMPARE(s.adminUser, QString("root"));
            QVERIFY(s.hasSsh);
            QCOMPARE(s.ssh.host, QString("127.0.0.1"));
            QCOMPARE(s.ssh.port, sshd.port());
            QCOMPARE(s.ssh.user, QString("root"));
            QVERIFY(s.ssh.keyFile.isEmpty()); // the usual key files, ~/.ssh/id_ed25519 first
            QVERIFY(!s.ssh.agent);
            QCOMPARE(s.ssh.knownHostsFile, QString("~/.ssh/known_hosts"));
            QCOMPARE(s.configFile, QString("auto"));
            QCOMPARE(s.restartCommand, QString("auto"));
            QVERIFY(s.adminPasswordKeychain.isEmpty()); // nothing typed, nothing remembered
        }
        // and the profile file says the same
        QTemporaryDir dir;
        QVERIFY(w.profile().save(dir.filePath("p.replipair.json")).has_value());
        const auto loaded = PairProfile::load(dir.filePath("p.replipair.json"));
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().text));
        QCOMPARE(loaded->servers[1].ssh.user, QString("root"));
        QCOMPARE(loaded->servers[1].ssh.port, sshd.port());
        QVERIFY(loaded->servers[1].ssh.keyFile.isEmpty());
    }

    void sshAgentIsAChoiceTheProfileKeeps()
    {
        SshdFixture sshd;
        QVERIFY2(sshd.start(), qPrintable(sshd.error()));
        QTemporaryDir home;
        QVERIFY(QDir(home.path()).mkpath(".ssh"));
        // a default key that would log in: with "ssh-agent" chosen it must not be used
        QVERIFY(QFile::copy(sshd.clientKey(), home.filePath(".ssh/id_ed25519")));
        const QByteArray oldHome = qgetenv("HOME"), oldSock = qgetenv("SSH_AUTH_SOCK");
        qputenv("HOME", home.path().toLocal8Bit());
        // a real ssh-agent holding the fixture's key
        const QString sock = home.filePath("agent.sock");
        QProcess agent;
        agent.start("ssh-agent", { "-D", "-a", sock });
        QVERIFY(agent.waitForStarted());
        const auto restore = qScopeGuard([&] {
            qputenv("HOME", oldHome);
            qputenv("SSH_AUTH_SOCK", oldSock);
            agent.terminate();
            agent.waitForFinished(5000);
        });
        QTRY_VERIFY(QFileInfo::exists(sock));
        qputenv("SSH_AUTH_SOCK", sock.toLocal8Bit());
        bool added = false;
        SshdFixture::runLocal("ssh-add", { sshd.clientKey() }, &added);
        QVERIFY(added);

        PairProfile p = SetupWizard::defaultProfile();
        p.servers[0].host = "127.0.0.1";
        p.servers[0].port = 1; // no SQL server: only SSH matters here
        p.servers[1].host = "127.0.0.1";
        p.servers[1].port = 2;
        SetupWizard w(p);
        w.show();
        clickNext(w);
        toggle(w.findChild<QGroupBox*>("serverASshGroup"));
        w.findChild<QSpinBox*>("serverASshPort")->setValue(sshd.port());
        QTest::keyClicks(w.findChild<QLineEdit*>("serverASshUser"), sshd.user());
        QTest::keyClicks(w.findChild<QLineEdit*>("serverAKnownHosts"), home.filePath("known_hosts"));
        choose(w.findChild<QComboBox*>("serverASshAuth"), "ssh-agent");
        QCOMPARE(w.findChild<QComboBox*>("serverASshAuth")->currentText(), QString("ssh-agent"));
        QTimer trust;
        trust.setInterval(50);
        connect(&trust, &QTimer::timeout, this, [&] {
            for (QWidget* top : QApplication::topLevelWidgets())
                if (top->objectName() == "hostKeyDialog" && top->isVisible())
                    QTest::mouseClick(top->findChild<QPushButton*>("hostKeyTrustButton"), Qt::LeftButton);
        });
        trust.start();
        clickNext(w);
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SetupWizard::ServerBPageId), 30000);
        auto* result = w.findChild<QLabel*>("serverATestResult");
        QVERIFY2(result->text().contains("SSH: connected"), qPrintable(result->text()));
        QVERIFY(w.profile().servers[0].ssh.agent);
        QVERIFY(w.profile().servers[0].ssh.keyFile.isEmpty());
        const QJsonObject ssh = w.profile().toJson()["servers"].toArray()[0].toObject()["ssh"].toObject();
        QCOMPARE(ssh["agent"], QJsonValue(true));

        // saved and opened again, the page shows the choice it was given
        QTemporaryDir dir;
        QVERIFY(w.profile().save(dir.filePath("agent.replipair.json")).has_value());
        const auto loaded = PairProfile::load(dir.filePath("agent.replipair.json"));
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().text));
        QVERIFY(loaded->servers[0].ssh.agent);
        SetupWizard again(*loaded);
        again.show();
        clickNext(again);
        QCOMPARE(again.findChild<QComboBox*>("serverASshAuth")->currentText(), QString("ssh-agent"));

        // the engine honours it: without an agent the default key (which would log in) is not tried
        qunsetenv("SSH_AUTH_SOCK");
        QTest::mouseClick(again.findChild<QPushButton*>("serverATestButton"), Qt::LeftButton);
        auto* retest = again.findChild<QLabel*>("serverATestResult");
        QTRY_VERIFY_WITH_TIMEOUT(again.findChild<QPushButton*>("serverATestButton")->isEnabled(), 30000);
        QVERIFY2(retest->text().contains("SSH: failed") && retest->text().contains("\"agent\": true")
                && !retest->text().contains("id_ed25519"),
            qPrintable(retest->text()));
    }

    void aDetectionThatFailedIsShownAsAFailureNamingTheField()
    {
        if (Sandbox::serverBinary().isEmpty())
            QSKIP("no mariadbd/mysqld on this machine");
        // a server started by hand (the sandbox's: its own option file, no service unit): there is no
        // restart command to detect
        SandboxPair fixture;
        QVERIFY2(fixture.up(), qPrintable(fixture.error()));
        SetupWizard w(fixture.sandbox().pairProfile());
        w.show();
        clickNext(w);
        auto* restartAuto = w.findChild<QCheckBox*>("serverARestartAuto");
        QVERIFY(!restartAuto->isChecked()); // the sandbox's own restart script is in the profile
        QTest::mouseClick(restartAuto, Qt::LeftButton);
        QVERIFY(restartAuto->isChecked());
        QVERIFY(!w.findChild<QLineEdit*>("serverARestartCommand")->isEnabled());
        QTest::mouseClick(w.findChild<QPushButton*>("serverATestButton"), Qt::LeftButton);
        auto* result = w.findChild<QLabel*>("serverATestResult");
        QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QPushButton*>("serverATestButton")->isEnabled(), 60000);
        qInfo("%s", qPrintable(result->text()));
        QVERIFY2(result->text().contains("SQL: connected"), qPrintable(result->text()));
        QVERIFY2(result->text().contains("Restart: not found")
                && result->text().contains("Untick Detect and enter the command in “Restart command”"),
            qPrintable(result->text()));
        // shown as a failure: red, although SQL answered
        QCOMPARE(result->palette().color(QPalette::WindowText), QColor(0xd9, 0x30, 0x25));

        // the command typed in instead: the test is green
        QTest::mouseClick(restartAuto, Qt::LeftButton);
        QTest::keyClicks(w.findChild<QLineEdit*>("serverARestartCommand"),
            fixture.sandbox().servers().at(0).restartCommand);
        QTest::mouseClick(w.findChild<QPushButton*>("serverATestButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QPushButton*>("serverATestButton")->isEnabled(), 60000);
        QVERIFY2(!result->text().contains("Restart: not found"), qPrintable(result->text()));
        QCOMPARE(result->palette().color(QPalette::WindowText), QColor(0x2e, 0x9d, 0x4a));
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
        // the replication account: the grey "replication" is the default that works
        auto* user = w.findChild<QLineEdit*>("optionsReplicationUser");
        QVERIFY(user->text().isEmpty());
        QCOMPARE(user->placeholderText(), QString("replication"));
        QTest::keyClicks(user, "repl user");
        QVERIFY(!nextButton(w)->isEnabled());
        user->clear();
        QVERIFY(nextButton(w)->isEnabled());
        // the initial copy: B gets a copy of A's databases, replacing what B holds
        auto* copy = w.findChild<QComboBox*>("optionsInitialCopy");
        auto* replace = w.findChild<QCheckBox*>("optionsReplaceTarget");
        QVERIFY(copy && replace);
        QCOMPARE(copy->currentIndex(), 0); // no copy by default
        QVERIFY(!replace->isEnabled()); // nothing to replace without a copy
        choose(copy, "B gets a copy of A's databases");
        QCOMPARE(copy->currentText(), QString("B gets a copy of A's databases"));
        QCOMPARE(copy->itemText(2), QString("A gets a copy of B's databases"));
        QVERIFY(replace->isEnabled());
        toggle(replace);
        QVERIFY(replace->isChecked());
        clickNext(w); // the page writes the profile; the pre-flight page follows
        QCOMPARE(w.currentId(), int(SetupWizard::PreflightPageId));
        QCOMPARE(w.profile().replicationUserHost, QString("10.0.0.%"));
        QVERIFY(w.profile().rollingRestart);
        QCOMPARE(w.profile().filterStyle, FilterStyle::DoDb);
        QCOMPARE(w.profile().restart, RestartPolicy::Never);
        QCOMPARE(w.profile().databases, QStringList({ "shop", "billing" }));
        QCOMPARE(w.profile().ignoreDatabases, QStringList({ "mysql" }));
        QCOMPARE(w.profile().name, QString("orders"));
        QCOMPARE(w.profile().replicationUser, QString("replication"));
        QCOMPARE(w.profile().initialCopy, 0);
        QVERIFY(w.profile().replaceTarget);
        const QJsonObject json = w.profile().toJson();
        QCOMPARE(json["initialCopy"], QJsonValue("A"));
        QCOMPARE(json["replaceTarget"], QJsonValue(true));

        // back, and A gets B's copy, nothing replaced; then no copy at all (the tick goes with it)
        clickBack(w);
        QCOMPARE(w.currentId(), int(SetupWizard::OptionsPageId));
        choose(copy, "A gets a copy of B's databases");
        toggle(replace);
        clickNext(w);
        QCOMPARE(w.profile().initialCopy, 1);
        QVERIFY(!w.profile().replaceTarget);
        clickBack(w);
        toggle(replace);
        choose(copy, copy->itemText(0));
        QVERIFY(!replace->isEnabled());
        clickNext(w);
        QCOMPARE(w.profile().initialCopy, -1);
        QVERIFY(!w.profile().replaceTarget);
    }

    /** The wizard asks which server takes the writes: one writer, A, unless the user picks otherwise. */
    void theOptionsPageAsksForTheWriterOneWriterADefault()
    {
        PairProfile profile = unreachablePair();
        profile.servers[0].name = "db1";
        profile.servers[1].name = "db2";
        SetupWizard w(profile);
        w.setStartId(SetupWizard::OptionsPageId);
        w.show();
        auto* writer = w.findChild<QComboBox*>("optionsWriter");
        QVERIFY(writer);
        QCOMPARE(writer->currentText(), QString("db1 takes the writes; db2 is read-only"));
        clickNext(w);
        QCOMPARE(w.currentId(), int(SetupWizard::PreflightPageId));
        QCOMPARE(w.profile().writerIndex(), 0);
        QCOMPARE(w.profile().toJson()["writer"], QJsonValue("db1"));

        // back: the user picks db2 with the keyboard, then both
        clickBack(w);
        choose(writer, "db2 takes the writes; db1 is read-only");
        QCOMPARE(writer->currentText(), QString("db2 takes the writes; db1 is read-only"));
        clickNext(w);
        QCOMPARE(w.profile().writerIndex(), 1);
        QCOMPARE(w.profile().toJson()["writer"], QJsonValue("db2"));
        clickBack(w);
        choose(writer, writer->itemText(2));
        clickNext(w);
        QCOMPARE(w.profile().writerIndex(), -1);
        QCOMPARE(w.profile().toJson()["writer"], QJsonValue("both"));

        // a profile that says both keeps it: the default is for new pairs only
        profile.writer = -1;
        SetupWizard again(profile);
        again.setStartId(SetupWizard::OptionsPageId);
        again.show();
        QCOMPARE(again.findChild<QComboBox*>("optionsWriter")->currentData().toInt(), -1);
    }

    void aCopyChosenOnTheOptionsPageRunsWithItsProgressInTheCopyRow()
    {
        if (Sandbox::serverBinary().isEmpty())
            QSKIP("no mariadbd/mysqld on this machine");
        // A holds data, B is new: B is to get a copy of A's databases
        SandboxPair fixture;
        QVERIFY2(fixture.up(), qPrintable(fixture.error()));
        Sandbox& sb = fixture.sandbox();
        bool ok = false;
        const QString seed
            = "CREATE TABLE test.orders (id INT PRIMARY KEY, note VARCHAR(200)); "
              "CREATE TABLE test.customers (id INT PRIMARY KEY); "
              "INSERT INTO test.customers VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9); "
              "INSERT INTO test.orders SELECT a.id * 1000 + b.id * 100 + c.id * 10 + d.id, "
              "REPEAT('x', 180) FROM test.customers a, test.customers b, test.customers c, "
              "test.customers d;";
        sandboxSql(sb, 0, seed, &ok);
        QVERIFY(ok);

        SetupWizard w(sb.pairProfile());
        w.show();
        clickNext(w); // server A
        clickNext(w); // server B
        clickNext(w); // options
        QCOMPARE(w.currentId(), int(SetupWizard::OptionsPageId));
        choose(w.findChild<QComboBox*>("optionsInitialCopy"), "B gets a copy of A's databases");
        clickNext(w);
        QCOMPARE(w.currentId(), int(SetupWizard::PreflightPageId));
        QCOMPARE(w.profile().initialCopy, 0);
        QTRY_VERIFY_WITH_TIMEOUT(!w.preflightPage()->isRunning(), 120000);
        QVERIFY2(w.preflightPage()->errorCount() == 0,
            qPrintable(w.findChild<QLabel*>("preflightDetail")->text()));
        if (w.preflightPage()->warningCount() > 0)
            toggle(w.findChild<QCheckBox*>("preflightAcknowledge"));
        clickNext(w);
        QTRY_VERIFY_WITH_TIMEOUT(w.planPage()->isComplete(), 120000);
        // the plan shows the copy
        auto* steps = w.findChild<QListWidget*>("planSteps");
        QVERIFY(!steps->findItems("cop", Qt::MatchContains).isEmpty());
        QTest::mouseClick(w.findChild<QPushButton*>("wizardCommitButton"), Qt::LeftButton);
        QCOMPARE(w.currentId(), int(SetupWizard::ExecutePageId));

        // every text the copy's row shows while it runs (the row is found by its step title)
        auto* tree = w.findChild<QTreeWidget*>("executeSteps");
        QStringList copyRow;
        connect(tree->model(), &QAbstractItemModel::dataChanged, this, [&](const QModelIndex& from) {
            const QModelIndex row = from.siblingAtColumn(1);
            if (row.data().toString() == StepId::title(StepId::Copy)) {
                const QString out = from.siblingAtColumn(4).data().toString();
                if (!out.isEmpty() && (copyRow.isEmpty() || copyRow.last() != out))
                    copyRow << out;
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(w.executePage()->isFinished(), 600000);
        QVERIFY2(w.executePage()->succeeded(), qPrintable(w.executePage()->error().toString()));
        qInfo().noquote() << "the copy row showed:" << copyRow;
        // bytes, tables, rate and time left, then the copy's summary
        static const QRegularExpression progress(
            "^[0-9.]+ [kMG]?B copied, [0-9]+ of 2 tables, [0-9.]+ [kMG]?B/s, about .+ left$");
        QVERIFY2(std::any_of(copyRow.cbegin(), copyRow.cend(),
                     [](const QString& t) { return progress.match(t).hasMatch(); }),
            qPrintable(copyRow.join(" | ")));
        QVERIFY2(copyRow.last().contains("copied (2 table"), qPrintable(copyRow.last()));
        QCOMPARE(sandboxSql(sb, 1, "SELECT COUNT(*) FROM test.orders"), QString("10000"));
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
        auto* detail = w.findChild<QPlainTextEdit*>("planDetail");
        QVERIFY(detail->toPlainText().contains("IDENTIFIED BY '***'"));
        // a long line wraps: all of it is seen without scrolling sideways
        step.sql << "SET GLOBAL replicate_wild_do_table = '" + QString("shop_%1.%,").repeated(30).arg(7)
                + "'";
        plan.steps.last() = step;
        page->showPlan(plan);
        QVERIFY(detail->toPlainText().contains("shop_7.%,shop_7.%"));
        QCOMPARE(detail->lineWrapMode(), QPlainTextEdit::WidgetWidth);
        QTRY_COMPARE(detail->horizontalScrollBar()->maximum(), 0);
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
