// The main window: settings in one place, recent pairs, the live log, and monitoring events on screen.
#include "appsettings.h"
#include "mainwindow.h"
#include "monitor/alertbanner.h"
#include "monitor/eventlist.h"
#include "monitor/logmodel.h"
#include "monitor/logview.h"
#include "monitor/replicationevent.h"
#include "monitor/topologymodel.h"
#include "wizard/setupwizard.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

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
        QVERIFY(w.openPairFile(path));
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
        w.findChild<QAction*>("actionMonitor")->trigger();
        QVERIFY(!w.isMonitoring());
    }

    void cancellingTheDemosWizardLeavesAWayBack()
    {
        MainWindow w;
        w.show();
        PairProfile p;
        p.name = "demo";
        for (int i = 0; i < 2; ++i) {
            p.servers[i].name = i == 0 ? "A" : "B";
            p.servers[i].host = "127.0.0.1";
            p.servers[i].port = 1 + i;
        }
        w.offerDemo(p);
        QPointer<SetupWizard> wizard = w.findChild<SetupWizard*>();
        QVERIFY(wizard && wizard->isVisible());
        QTest::mouseClick(wizard->findChild<QPushButton*>("wizardCancelButton"), Qt::LeftButton);
        QTRY_VERIFY(wizard.isNull());
        auto* again = w.findChild<QAction*>("actionDemoSetup");
        QVERIFY(again && again->isVisible() && again->isEnabled());
        again->trigger();
        wizard = w.findChild<SetupWizard*>();
        QVERIFY(wizard && wizard->isVisible() && wizard->isDemo());
        QCOMPARE(wizard->profile().servers[1].port, 2);
        wizard->close();
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
        log.copySelection();
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.contains("60-replipair.cnf") && copied.contains("\tB\t"), qPrintable(copied));
        QTemporaryDir dir;
        QVERIFY(log.saveTo(dir.filePath("x.log")));
        QFile f(dir.filePath("x.log"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), 2);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
