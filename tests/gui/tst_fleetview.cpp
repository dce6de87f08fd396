// The fleet view: every saved pair is watched at once; the one that breaks turns red in Saved Pairs and
// raises its alert, while another pair stays on the canvas.
#include "appsettings.h"
#include "mainwindow.h"
#include "monitor/alertbanner.h"
#include "monitor/topologymodel.h"
#include "pairlist.h"
#include "support/replicatedsandbox.h"
#include "support/testsupport.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>

class TestFleetView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName("RepliPairTest");
        QCoreApplication::setApplicationName("tst_fleetview");
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        if (Sandbox::serverBinary().isEmpty())
            QSKIP("no mariadbd/mysqld on this machine");
    }

    void theBrokenPairTurnsRedWhileAnotherIsShown()
    {
        SandboxPair first;
        SandboxPair second;
        QVERIFY2(first.up(), qPrintable(first.error()));
        QVERIFY2(second.up(), qPrintable(second.error()));
        QString error;
        for (SandboxPair* p : { &first, &second }) {
            QVERIFY2(startSandboxReplication(p->sandbox(), &error), qPrintable(error));
            QVERIFY2(waitForSandboxReplication(p->sandbox(), 60000, &error), qPrintable(error));
        }
        QStringList paths;
        for (auto [fixture, name] : { std::pair { &first, "first" }, std::pair { &second, "second" } }) {
            PairProfile p = fixture->sandbox().pairProfile();
            p.name = name;
            const QString path = fixture->dir() + QString("/%1.replipair.json").arg(name);
            QVERIFY(p.save(path).has_value());
            paths << path;
        }
        AppSettings::addRecentPair(paths[1]);
        AppSettings::addRecentPair(paths[0]); // first on top
        bool ok = false;
        sandboxSql(second.sandbox(), 0, "CREATE TABLE test.fleet (id INT PRIMARY KEY)", &ok);
        QVERIFY(ok);

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* pairs = window.findChild<PairList*>("pairList");
        QCOMPARE(pairs->count(), 2);
        auto health = [pairs](const QString& path) {
            QListWidgetItem* item = pairs->itemFor(path);
            return item ? item->data(PairList::HealthRole).toString() : QString();
        };
        // both pairs are watched from the start: both replicate
        QTRY_COMPARE_WITH_TIMEOUT(health(paths[0]), QString("healthy"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(health(paths[1]), QString("healthy"), 30000);

        // the user opens the first pair (Saved Pairs, Return on it): it is on the canvas
        pairs->setFocus();
        QTest::keyClick(pairs, Qt::Key_Home);
        QCOMPARE(pairs->currentItem(), pairs->itemFor(paths[0]));
        QTest::keyClick(pairs, Qt::Key_Return);
        QTRY_COMPARE(window.profile().name, QString("first"));
        QTRY_COMPARE_WITH_TIMEOUT(
            window.topologyModel()->link(0).state, TopologyModel::LinkState::Running, 30000);

        // the second pair breaks: a duplicate key halts its B
        QTRY_VERIFY_WITH_TIMEOUT(
            sandboxSql(second.sandbox(), 1, "SELECT COUNT(*) FROM test.fleet", &ok) == "0" && ok, 30000);
        sandboxSql(second.sandbox(), 1, "SET sql_log_bin = 0; INSERT INTO test.fleet VALUES (7)", &ok);
        QVERIFY(ok);
        sandboxSql(second.sandbox(), 0, "INSERT INTO test.fleet VALUES (7)", &ok);
        QVERIFY(ok);
        QTRY_COMPARE_WITH_TIMEOUT(health(paths[1]), QString("broken"), 30000);
        QCOMPARE(pairs->itemFor(paths[1])->foreground().color(), QColor(0xd9, 0x30, 0x25));
        QTRY_COMPARE(window.alertBanner()->shownPair(), QString("second"));
        QCOMPARE(window.alertBanner()->shownEvent().kind, ReplicationEvent::Kind::SqlError);
        QVERIFY2(window.alertBanner()->text().contains("second"), qPrintable(window.alertBanner()->text()));
        // the first pair is still the one shown, and still healthy
        QCOMPARE(window.profile().name, QString("first"));
        QCOMPARE(health(paths[0]), QString("healthy"));
        QCOMPARE(window.topologyModel()->link(0).state, TopologyModel::LinkState::Running);
        qInfo("%s", qPrintable(pairs->itemFor(paths[1])->text()));
    }
};

QTEST_MAIN(TestFleetView)
#include "tst_fleetview.moc"
