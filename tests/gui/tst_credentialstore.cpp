// Passwords in the OS keychain, against a real Secret Service: gnome-keyring-daemon, unlocked, in a D-Bus
// session of this test's own (the test re-runs itself under dbus-run-session).
#include "appsettings.h"
#include "asynctask.h"
#include "credentialstore.h"
#include "mainwindow.h"
#include "monitor/topologymodel.h"
#include "wizard/setupwizard.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
template<typename T> T waitFor(QFuture<T> future)
{
    std::optional<T> out;
    QObject context;
    AsyncTask::runThenCallback(future, &context, [&out](const T& r) { out = r; });
    QTest::qWaitFor([&] { return out.has_value(); }, 20000);
    return out.value_or(T {});
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
    }
    void init()
    {
        // the keyring run has a Secret Service; the other run has no D-Bus session at all
        const bool keyring = qgetenv("REPLIPAIR_KEYRING_SESSION") == "1";
        const bool wantsKeyring = QTest::currentTestFunction() != QByteArray("withoutAKeychainTheWindowAsks");
        if (keyring != wantsKeyring)
            QSKIP(keyring
                    ? "runs in the run without a keychain"
                    : qPrintable("no Secret Service: " + qEnvironmentVariable("REPLIPAIR_KEYRING_SESSION")));
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
        QVERIFY(window.openPairFile(path));
        // the keychain does not answer: the window asks for A's password (B needs none), then opens the pair
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QInputDialog*>("passwordPrompt")
                && window.findChild<QInputDialog*>("passwordPrompt")->isVisible(),
            30000);
        QPointer<QInputDialog> prompt = window.findChild<QInputDialog*>("passwordPrompt");
        QTest::keyClicks(prompt->findChild<QLineEdit*>(), "typed-A");
        QTest::mouseClick(
            prompt->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(window.topologyModel()->hasPair());
        QCOMPARE(window.profile().servers[0].adminPasswordOverride, QString("typed-A"));
        QTRY_VERIFY(prompt.isNull()); // one question only: B names no keychain entry
        QVERIFY(!window.findChild<QInputDialog*>("passwordPrompt"));
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
        QTemporaryDir dir;
        const QString path = dir.filePath("remembered.replipair.json");
        // the wizard's result page saves a profile whose passwords were typed with "remember" ticked
        PairProfile typed = unreachablePair("remembered");
        for (int i = 0; i < 2; ++i) {
            ServerProfile& s = typed.servers[i];
            s.adminPasswordOverride = "pw-" + s.name;
            s.adminPasswordKeychain = CredentialStore::entryName(s, CredentialStore::Secret::Sql);
        }
        {
            MainWindow window;
            window.show();
            QPointer<SetupWizard> wizard = window.startWizard(typed);
            wizard->setStartId(SetupWizard::ResultPageId);
            wizard->restart();
            wizard->findChild<QLineEdit*>("resultProfilePath")->setText(path);
            QTest::mouseClick(wizard->findChild<QPushButton*>("wizardFinishButton"), Qt::LeftButton);
            QTRY_VERIFY(wizard.isNull());
            QTRY_VERIFY(window.topologyModel()->hasPair());
            CredentialStore store;
            QTRY_COMPARE_WITH_TIMEOUT(
                waitFor(store.read("sql:admin1@127.0.0.1:2")).value_or(QString()), QString("pw-B"), 10000);
        }
        const QByteArray saved = [&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY(saved.contains("sql:admin0@127.0.0.1:1"));
        QVERIFY(!saved.contains("pw-A")); // the profile names the entry, never the secret
        CredentialStore store;

        // reopening: the keychain answers, nobody is asked
        {
            MainWindow window;
            window.show();
            QVERIFY(window.openPairFile(path));
            QTRY_VERIFY(window.topologyModel()->hasPair());
            QVERIFY(!window.findChild<QInputDialog*>("passwordPrompt"));
            QCOMPARE(window.profile().servers[0].adminPasswordOverride, QString("pw-A"));
            QCOMPARE(window.profile().servers[1].adminPasswordOverride, QString("pw-B"));

            // Pair ▸ Forget Remembered Passwords
            window.findChild<QAction*>("actionForgetPasswords")->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(!waitFor(store.read("sql:admin0@127.0.0.1:1")).has_value(), 10000);
            QVERIFY(!waitFor(store.read("sql:admin1@127.0.0.1:2")).has_value());
        }

        // forgotten: the window asks, one server after the other
        MainWindow window;
        window.show();
        QVERIFY(window.openPairFile(path));
        for (const QString pw : { "typed-A", "typed-B" }) {
            QTRY_VERIFY(window.findChild<QInputDialog*>("passwordPrompt")
                && window.findChild<QInputDialog*>("passwordPrompt")->isVisible());
            QPointer<QInputDialog> prompt = window.findChild<QInputDialog*>("passwordPrompt");
            QVERIFY(!window.topologyModel()->hasPair());
            QTest::keyClicks(prompt->findChild<QLineEdit*>(), pw);
            QTest::mouseClick(
                prompt->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
            QTRY_VERIFY(prompt.isNull());
        }
        QTRY_VERIFY(window.topologyModel()->hasPair());
        QCOMPARE(window.profile().servers[1].adminPasswordOverride, QString("typed-B"));
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
