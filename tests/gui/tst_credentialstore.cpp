// Passwords in the OS keychain, against a real Secret Service: gnome-keyring-daemon, unlocked, in a D-Bus
// session of this test's own (the test re-runs itself under dbus-run-session).
#include "appsettings.h"
#include "asynctask.h"
#include "credentialstore.h"
#include "guidriver.h"
#include "mainwindow.h"
#include "monitor/topologymodel.h"
#include "pairlist.h"
#include "support/sshdfixture.h"
#include "support/testsupport.h"
#include "wizard/executepage.h"
#include "wizard/planpage.h"
#include "wizard/preflightpage.h"
#include "wizard/setupwizard.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {
template<typename T> T waitFor(QFuture<T> future)
{
    std::optional<T> out;
    QObject context;
    AsyncTask::runThenCallback(future, &context, [&out](const T& r) { out = r; });
    // no answer in time is a failure, never a default-made success
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
        return T(std::unexpected(StepError { {}, {}, 0, QStringLiteral("no answer within 20 s") }));
    return *out;
}

PairProfile unreachablePair(const QString& name)
{
    PairProfile p;
    p.name = name;
    p.databases = QStringList { "test" };
    for (int i = 0; i < 2; ++i) {
        p.servers[i].name = i == 0 ? "A" : "B";
        p.servers[i].host = "127.0.0.1";
        p.servers[i].port = 1 + i; // refused at once: nothing here needs a server
        p.servers[i].adminUser = "admin" + QString::number(i);
    }
    return p;
}
} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName("RepliPairTest");
        QCoreApplication::setApplicationName("tst_credentialstore");
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setAttribute(Qt::AA_DontUseNativeDialogs); // file dialogs the test can type into
    }
    void init()
    {
        // the keyring run has a Secret Service; the other run has no D-Bus session at all
        const bool keyring = qgetenv("REPLIPAIR_KEYRING_SESSION") == "1";
        const bool wantsKeyring = QTest::currentTestFunction() != QByteArray("withoutAKeychainTheWindowAsks");
        if (keyring != wantsKeyring) {
            if (!keyring && qEnvironmentVariable("CI") == QLatin1String("true")
                && !qEnvironmentVariable("REPLIPAIR_KEYRING_SESSION").startsWith(QLatin1String("none:")))
                // scripts/install-deps.sh installs gnome-keyring: in CI a missing one is a failure
                QFAIL(qPrintable("no Secret Service: " + qEnvironmentVariable("REPLIPAIR_KEYRING_SESSION")));
            QSKIP(keyring
                    ? "runs in the run without a keychain"
                    : qPrintable("no Secret Service: " + qEnvironmentVariable("REPLIPAIR_KEYRING_SESSION")));
        }
    }

    void withoutAKeychainTheWindowAsks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("nokeychain.replipair.json");
        PairProfile p = unreachablePair("nokeychain");
        p.servers[0].adminPasswordKeychain = "sql:admin0@127.0.0.1:1";
        QVERIFY(p.save(path).has_value());
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // File ▸ Open Profile…, the path typed into the file dialog
        GuiDriver::FileDialogAnswer answer(path);
        QVERIFY(GuiDriver::chooseFromMenuBar(&window, "actionOpen"));
        QVERIFY(answer.seen());
        // the keychain does not answer: the window asks for A's password, and for B's, which the profile
        // names no place for (never an empty one tried) — in one dialog for the pair — then opens the pair
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QDialog*>("passwordPrompt")
                && window.findChild<QDialog*>("passwordPrompt")->isVisible(),
            30000);
        QPointer<QDialog> prompt = window.findChild<QDialog*>("passwordPrompt");
        QTest::keyClicks(prompt->findChild<QLineEdit*>("passwordField0"), "typed-A");
        QTest::keyClicks(prompt->findChild<QLineEdit*>("passwordField1"), "typed-B");
        QTest::mouseClick(
            prompt->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(window.topologyModel()->hasPair());
        QCOMPARE(window.profile().servers[0].adminPasswordOverride, QString("typed-A"));
        QCOMPARE(window.profile().servers[1].adminPasswordOverride, QString("typed-B"));
        QTRY_VERIFY(prompt.isNull()); // one question for the pair
        QVERIFY(!window.findChild<QDialog*>("passwordPrompt"));
    }

    void storeReadForget()
    {
        CredentialStore store;
        const QString entry = "sql:root@127.0.0.9:3306";
        QVERIFY(waitFor(store.store(entry, "s3cret-ü")).has_value());
        const Result<QString> read = waitFor(store.read(entry));
        QVERIFY2(read.has_value(), qPrintable(read ? QString() : read.error().text));
        QCOMPARE(*read, QString("s3cret-ü"));
        QVERIFY(waitFor(store.forget(entry)).has_value());
        QVERIFY(!waitFor(store.read(entry)).has_value());
    }

    void aRememberedPairReopensWithoutAPromptUntilForgotten()
    {
        if (Sandbox::serverBinary().isEmpty())
            QSKIP("no mariadbd/mysqld on this machine");
        // two real servers reached over a real sshd (password login, sudo for the option files and restarts)
        SshdFixture sshd;
        QVERIFY2(sshd.start(), qPrintable(sshd.error()));
        if (sshd.password().isEmpty())
            QSKIP("an SSH password login needs a dedicated local user, which only root can create");
        QVERIFY(sshd.allowSudo()); // removed with the fixture, or by the next run's if this one is killed
        SandboxPair fixture;
        QVERIFY2(fixture.up(), qPrintable(fixture.error()));
        Sandbox& sb = fixture.sandbox();
        const QString sqlPassword = [&] {
            QFile f(sb.adminPasswordFile());
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
        }();
        QVERIFY(!sqlPassword.isEmpty());
        QTemporaryDir dir;
        const QString path = dir.filePath("remembered.replipair.json");
        const QString knownHosts = dir.filePath("known_hosts");
        const QString sqlEntry[2] = { QString("sql:root@127.0.0.1:%1").arg(sb.servers()[0].port),
            QString("sql:root@127.0.0.1:%1").arg(sb.servers()[1].port) };
        const QString sshEntry = QString("ssh:%1@127.0.0.1:%2").arg(sshd.user()).arg(sshd.port());
        CredentialStore store;

        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            triggerFromMenu(window, "actionNewPair");
            QPointer<SetupWizard> wizard = window.findChild<SetupWizard*>();
            QVERIFY(wizard);
            SetupWizard& w = *wizard;
            QTimer trust; // the host key is new: its dialog is answered by clicking "Trust"
            trust.setInterval(50);
            connect(&trust, &QTimer::timeout, this, [] {
                for (QWidget* top : QApplication::topLevelWidgets())
                    if (top->objectName() == "hostKeyDialog" && top->isVisible())
                        QTest::mouseClick(top->findChild<QPushButton*>("hostKeyTrustButton"), Qt::LeftButton);
            });
            trust.start();
            click(w, "wizardNextButton");
            QCOMPARE(w.currentId(), int(SetupWizard::ServerAPageId));
            for (int i = 0; i < 2; ++i) {
                const QString n = i == 0 ? "serverA" : "serverB";
                auto field = [&](const char* suffix) { return w.findChild<QLineEdit*>(n + suffix); };
                QTest::keyClicks(field("Host"), "127.0.0.1");
                auto* port = w.findChild<QSpinBox*>(n + "Port");
                port->setFocus();
                QTest::keyClick(port, Qt::Key_A, Qt::ControlModifier);
                QTest::keyClicks(port, QString::number(sb.servers()[i].port));
                if (i == 0) {
                    // the SQL password and the SSH password typed, both remembered
                    QTest::keyClicks(field("Password"), sqlPassword);
                    tick(w.findChild<QGroupBox*>(n + "SshGroup"));
                    auto* sshPort = w.findChild<QSpinBox*>(n + "SshPort");
                    sshPort->setFocus();
                    QTest::keyClick(sshPort, Qt::Key_A, Qt::ControlModifier);
                    QTest::keyClicks(sshPort, QString::number(sshd.port()));
                    QTest::keyClicks(field("SshUser"), sshd.user());
                    auto* auth = w.findChild<QComboBox*>(n + "SshAuth");
                    auth->setFocus();
                    while (auth->currentText() != "Password" && auth->currentIndex() < auth->count() - 1)
                        QTest::keyClick(auth, Qt::Key_Down);
                    QTest::keyClicks(field("SshPassword"), sshd.password());
                    QTest::keyClicks(field("KnownHosts"), knownHosts);
                    tick(w.findChild<QCheckBox*>(n + "Sudo"));
                    tick(w.findChild<QCheckBox*>(n + "Remember"));
                } else {
                    tick(w.findChild<QCheckBox*>("serverBSameAsA")); // the same account and SSH login
                    QVERIFY(w.findChild<QCheckBox*>("serverBRemember")->isChecked());
                }
                // a server started by hand: its restart command typed in
                tick(w.findChild<QCheckBox*>(n + "RestartAuto"), false);
                QTest::keyClicks(field("RestartCommand"), sb.servers()[i].restartCommand);
                QVERIFY2(w.findChild<QPushButton*>("wizardNextButton")->isEnabled(),
                    qPrintable(w.findChild<QLabel*>(n + "Problem")->text()));
                click(w, "wizardNextButton");
                QTRY_COMPARE_WITH_TIMEOUT(w.currentId(),
                    int(i == 0 ? SetupWizard::ServerBPageId : SetupWizard::OptionsPageId), 30000);
            }
            auto* name = w.findChild<QLineEdit*>("optionsPairName");
            name->setFocus();
            name->selectAll();
            QTest::keyClicks(name, "remembered");
            click(w, "wizardNextButton");
            QCOMPARE(w.currentId(), int(SetupWizard::PreflightPageId));
            QTRY_VERIFY_WITH_TIMEOUT(!w.preflightPage()->isRunning(), 120000);
            QCOMPARE(w.preflightPage()->errorCount(), 0);
            if (w.preflightPage()->warningCount() > 0)
                tick(w.findChild<QCheckBox*>("preflightAcknowledge"));
            click(w, "wizardNextButton");
            QTRY_VERIFY_WITH_TIMEOUT(w.planPage()->isComplete(), 120000);
            click(w, "wizardCommitButton");
            QTRY_VERIFY_WITH_TIMEOUT(w.executePage()->isFinished(), 600000);
            QVERIFY2(w.executePage()->succeeded(), qPrintable(w.executePage()->error().toString()));
            qInfo("%s", qPrintable(w.findChild<QLabel*>("executeStatus")->text()));
            click(w, "wizardNextButton");
            QCOMPARE(w.currentId(), int(SetupWizard::ResultPageId));
            auto* where = w.findChild<QLineEdit*>("resultProfilePath");
            where->setFocus();
            where->selectAll();
            QTest::keyClicks(where, path);
            click(w, "wizardFinishButton");
            QTRY_VERIFY(wizard.isNull());
            QTRY_VERIFY_WITH_TIMEOUT(window.topologyModel()->hasPair(), 30000);
            // the keychain holds what was typed, under the entries the profile names
            QTRY_COMPARE_WITH_TIMEOUT(
                waitFor(store.read(sqlEntry[1])).value_or(QString()), sqlPassword, 10000);
            QCOMPARE(waitFor(store.read(sqlEntry[0])).value_or(QString()), sqlPassword);
            QCOMPARE(waitFor(store.read(sshEntry)).value_or(QString()), sshd.password());
        }
        const QByteArray saved = [&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY2(
            saved.contains(sqlEntry[0].toUtf8()) && saved.contains(sshEntry.toUtf8()), saved.constData());
        // the profile names the entries, never the secrets
        QVERIFY(!saved.contains(sqlPassword.toUtf8()));
        QVERIFY(!saved.contains(sshd.password().toUtf8()));

        // reopened from Saved Pairs: the keychain answers, nobody is asked
        {
            MainWindow window;
            window.show();
            openFromSavedPairs(window, path);
            QTRY_VERIFY_WITH_TIMEOUT(window.topologyModel()->hasPair(), 30000);
            QVERIFY(!window.findChild<QDialog*>("passwordPrompt"));
            for (int i = 0; i < 2; ++i) {
                QCOMPARE(window.profile().servers[i].adminPasswordOverride, sqlPassword);
                QCOMPARE(window.profile().servers[i].ssh.passwordOverride, sshd.password());
            }
            // the pair is watched with them: both directions replicate
            for (int d = 0; d < 2; ++d)
                QTRY_COMPARE_WITH_TIMEOUT(
                    window.topologyModel()->link(d).state, TopologyModel::LinkState::Running, 30000);

            // Pair ▸ Forget Remembered Passwords
            triggerFromMenu(window, "actionForgetPasswords");
            QTRY_VERIFY_WITH_TIMEOUT(!waitFor(store.read(sqlEntry[0])).has_value(), 10000);
            QVERIFY(!waitFor(store.read(sqlEntry[1])).has_value());
            QVERIFY(!waitFor(store.read(sshEntry)).has_value());
        }

        // forgotten: the window asks for all four in one dialog
        MainWindow window;
        window.show();
        openFromSavedPairs(window, path);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QDialog*>("passwordPrompt")
                && window.findChild<QDialog*>("passwordPrompt")->isVisible(),
            30000);
        QPointer<QDialog> prompt = window.findChild<QDialog*>("passwordPrompt");
        for (int i = 0; i < 2; ++i) {
            QTest::keyClicks(prompt->findChild<QLineEdit*>(QString("passwordField%1").arg(i)), sqlPassword);
            QTest::keyClicks(
                prompt->findChild<QLineEdit*>(QString("sshPasswordField%1").arg(i)), sshd.password());
        }
        QTest::mouseClick(
            prompt->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.topologyModel()->hasPair(), 30000);
        QTRY_VERIFY(prompt.isNull());
        QCOMPARE(window.profile().servers[1].adminPasswordOverride, sqlPassword);
        QCOMPARE(window.profile().servers[1].ssh.passwordOverride, sshd.password());
    }

private:
    static void click(SetupWizard& w, const char* name)
    {
        auto* b = w.findChild<QPushButton*>(name);
        QVERIFY2(b && b->isVisible() && b->isEnabled(), name);
        QTest::mouseClick(b, Qt::LeftButton);
    }

    /** Toggles a check box (or a checkable group) from the keyboard, as a user does, to @p on. */
    static void tick(QWidget* box, bool on = true)
    {
        QVERIFY(box && box->isVisible());
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Space);
        const bool checked = qobject_cast<QCheckBox*>(box) ? qobject_cast<QCheckBox*>(box)->isChecked()
                                                           : qobject_cast<QGroupBox*>(box)->isChecked();
        QCOMPARE(checked, on);
    }

    /** Chooses the action @p name from the window's menu bar as a user does: a click on the menu's title,
     *  then on the item. */
    static void triggerFromMenu(MainWindow& window, const char* name)
    {
        QVERIFY2(GuiDriver::chooseFromMenuBar(&window, name), name);
    }

    /** Activates the pair saved at @p path in Saved Pairs (Enter on its row). */
    static void openFromSavedPairs(MainWindow& window, const QString& path)
    {
        auto* pairs = window.findChild<PairList*>("pairList");
        QVERIFY(pairs);
        QListWidgetItem* item = pairs->itemFor(path);
        QVERIFY2(item, qPrintable(path));
        pairs->setFocus();
        pairs->setCurrentItem(item);
        QTest::keyClick(pairs, Qt::Key_Return);
    }
};

/** Re-runs this test under dbus-run-session with gnome-keyring-daemon unlocked in a temporary home; without
 *  them the tests skip and say why. */
int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("REPLIPAIR_KEYRING_SESSION")) {
        const QString session = QStandardPaths::findExecutable("dbus-run-session");
        const QString daemon = QStandardPaths::findExecutable("gnome-keyring-daemon");
        if (!session.isEmpty() && !daemon.isEmpty()) {
            QTemporaryDir home;
            QDir(home.path()).mkpath("data");
            QDir(home.path()).mkpath("run");
            QFile::setPermissions(home.filePath("run"),
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            QProcess child;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert("REPLIPAIR_KEYRING_SESSION", "1");
            env.insert("XDG_DATA_HOME", home.filePath("data"));
            env.insert("XDG_RUNTIME_DIR", home.filePath("run"));
            child.setProcessEnvironment(env);
            child.setProcessChannelMode(QProcess::ForwardedChannels);
            QStringList args { "--", "sh", "-c",
                // the keyring's password goes in on stdin, never on a command line
                "printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec \"$@\"",
                "sh", QFileInfo(QString::fromLocal8Bit(argv[0])).absoluteFilePath() };
            for (int i = 1; i < argc; ++i)
                args << QString::fromLocal8Bit(argv[i]);
            child.start(session, args);
            child.waitForFinished(-1);
            const int withKeyring = child.exitStatus() == QProcess::NormalExit ? child.exitCode() : 1;
            // again without any D-Bus session: no keychain answers
            QProcess bare;
            QProcessEnvironment none = QProcessEnvironment::systemEnvironment();
            none.insert("REPLIPAIR_KEYRING_SESSION", "none: no D-Bus session in this run");
            none.remove("DBUS_SESSION_BUS_ADDRESS");
            none.remove("DISPLAY");
            none.insert("XDG_RUNTIME_DIR", home.filePath("run"));
            bare.setProcessEnvironment(none);
            bare.setProcessChannelMode(QProcess::ForwardedChannels);
            bare.start(QFileInfo(QString::fromLocal8Bit(argv[0])).absoluteFilePath(), args.mid(6));
            bare.waitForFinished(-1);
            const int without = bare.exitStatus() == QProcess::NormalExit ? bare.exitCode() : 1;
            return withKeyring != 0 ? withKeyring : without;
        }
        qputenv("REPLIPAIR_KEYRING_SESSION", "dbus-run-session or gnome-keyring-daemon not installed");
    }
    QApplication app(argc, argv);
    TestCredentialStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialstore.moc"
