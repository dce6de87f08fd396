// The main window: settings in one place, recent pairs, the live log, and monitoring events on screen.
#include "appsettings.h"
#include "gui/guidriver.h"
#include "mainwindow.h"
#include "monitor/alertbanner.h"
#include "monitor/eventlist.h"
#include "monitor/logmodel.h"
#include "monitor/logview.h"
#include "monitor/replicationevent.h"
#include "monitor/topologymodel.h"
#include "sandbox/demosandbox.h"
#include "sandbox/sandbox.h"
#include "wizard/setupwizard.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName("RepliPairTest");
        QCoreApplication::setApplicationName("tst_mainwindow");
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QApplication::setAttribute(Qt::AA_DontUseNativeDialogs); // file dialogs the test can type into
    }

    void everySettingHasAKeyAndADefault()
    {
        QSet<QString> names;
        for (AppSettings::Key key : AppSettings::allKeys()) {
            QVERIFY(!AppSettings::keyName(key).isEmpty());
            QVERIFY(AppSettings::defaultValue(key).isValid());
            names.insert(AppSettings::keyName(key));
        }
        QCOMPARE(names.size(), AppSettings::allKeys().size());
        QCOMPARE(AppSettings::monitorIntervalMs(), 1000);
        QCOMPARE(AppSettings::language(), QString());
        for (int i = 0; i < 12; ++i)
            AppSettings::addRecentPair(QString("/p/%1.replipair.json").arg(i));
        QCOMPARE(AppSettings::recentPairs().size(), 10);
        QCOMPARE(AppSettings::recentPairs().first(), QString("/p/11.replipair.json"));
        AppSettings::addRecentPair("/p/5.replipair.json");
        QCOMPARE(AppSettings::recentPairs().first(), QString("/p/5.replipair.json"));
        QCOMPARE(AppSettings::recentPairs().count("/p/5.replipair.json"), 1);
        AppSettings::setValue(AppSettings::Key::RecentPairs, QStringList());
    }

    void openingAProfileRemembersItAndInspects()
    {
        QTemporaryDir dir;
        PairProfile p;
        p.name = "nowhere";
        p.databases = QStringList { "test" };
        for (int i = 0; i < 2; ++i) {
            p.servers[i].name = i == 0 ? "A" : "B";
            p.servers[i].host = "127.0.0.1";
            p.servers[i].port = 1 + i; // refused at once
            p.servers[i].adminPasswordEnv = "TST_MAINWINDOW_PW";
        }
        qputenv("TST_MAINWINDOW_PW", "x");
        const QString path = dir.filePath("nowhere.replipair.json");
        QVERIFY(p.save(path).has_value());
        const auto loaded = PairProfile::load(path);
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().toString()));

        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // File ▸ Open Profile…, the path typed into the file dialog
        GuiDriver::FileDialogAnswer answer(path);
        QVERIFY(GuiDriver::chooseFromMenuBar(&w, "actionOpen"));
        QVERIFY(answer.seen());
        QTRY_VERIFY(w.topologyModel()->hasPair()); // once its passwords are known (here: a variable)
        QCOMPARE(w.topologyModel()->server(1).endpoint, QString("127.0.0.1:2"));
        auto* pairs = w.findChild<QListWidget*>("pairList");
        QCOMPARE(pairs->count(), 1);
        QCOMPARE(pairs->item(0)->data(Qt::UserRole).toString(), path);
        // the inspection reports into the live log and marks the servers unreachable
        QTRY_VERIFY_WITH_TIMEOUT(w.logView()->model()->rowCount() > 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.topologyModel()->server(0).known && !w.topologyModel()->server(0).reachable, 30000);
        QVERIFY(w.isMonitoring());
        QVERIFY(GuiDriver::chooseFromMenuBar(&w, "actionMonitor")); // Pair ▸ Monitor: off
        QVERIFY(!w.isMonitoring());
        QVERIFY(!w.findChild<QAction*>("actionMonitor")->isChecked());
    }

    void cancellingTheDemosWizardLeavesAWayBack()
    {
        if (Sandbox::serverBinary().isEmpty())
            QSKIP("no mariadbd/mysqld on this machine");
        DemoSandbox demo; // outlives the window, as in main()
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // replipair --demo: the demo's servers start; once they are up the wizard opens on them
        w.offerDemo(&demo);
        QSignalSpy failed(&demo, &DemoSandbox::failed);
        demo.start();
        // (QTRY waits twice as long again on failure: both within QtTest's 300 s per function)
        QTRY_VERIFY_WITH_TIMEOUT(w.findChild<SetupWizard*>() || !failed.isEmpty(), 90000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QPointer<SetupWizard> wizard = w.findChild<SetupWizard*>();
        QTRY_VERIFY(wizard->isVisible());
        QVERIFY(wizard->isDemo());
        QTest::mouseClick(wizard->findChild<QPushButton*>("wizardCancelButton"), Qt::LeftButton);
        QTRY_VERIFY(wizard.isNull());
        // Pair ▸ Set Up the Demo Pair… opens it again, on the demo's servers
        QVERIFY(GuiDriver::chooseFromMenuBar(&w, "actionDemoSetup"));
        wizard = w.findChild<SetupWizard*>();
        QVERIFY(wizard && wizard->isVisible() && wizard->isDemo());
        QCOMPARE(wizard->profile().servers[1].port, demo.sandbox().servers().at(1).port);
        QTest::mouseClick(wizard->findChild<QPushButton*>("wizardCancelButton"), Qt::LeftButton);
        QTRY_VERIFY(wizard.isNull());
    }

    void theLogIsCopyableAndSavable()
    {
        LogView log;
        SetupEvent e;
        e.server = "A";
        e.step = "config";
        e.text = "wrote /etc/mysql/conf.d/60-replipair.cnf";
        e.kind = SetupEvent::Kind::StepFinished;
        e.elapsedMs = 12;
        log.append(e);
        e.server = "B";
        e.text = "restart";
        log.append(e);
        log.resize(800, 300);
        log.show();
        QVERIFY(QTest::qWaitForWindowExposed(&log));

        // a click on B's line selects it; Copy copies just that line
        auto* table = log.findChild<QTableView*>("logTable");
        QVERIFY(table);
        const QModelIndex bLine = table->model()->index(1, LogModel::TextColumn);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(bLine).center());
        QApplication::clipboard()->clear();
        QTest::mouseClick(log.findChild<QToolButton*>("logCopyButton"), Qt::LeftButton);
        QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.contains("\tB\t") && !copied.contains("\tA\t"), qPrintable(copied));
        // Ctrl+A then Ctrl+C in the table: both lines
        table->setFocus();
        QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
        QApplication::clipboard()->clear();
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        copied = QApplication::clipboard()->text();
        QVERIFY2(copied.contains("60-replipair.cnf") && copied.contains("\tB\t"), qPrintable(copied));

        // Save…: the file dialog, a path typed into it; every line is written
        QTemporaryDir dir;
        GuiDriver::FileDialogAnswer answer(dir.filePath("x.log"));
        QTest::mouseClick(log.findChild<QToolButton*>("logSaveButton"), Qt::LeftButton);
        QVERIFY(answer.seen());
        QFile f(dir.filePath("x.log"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray saved = f.readAll();
        QCOMPARE(saved.count('\n'), 2);
        QVERIFY(saved.contains("60-replipair.cnf"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
