// Compare Data… from the canvas's menu on a live, replicating sandbox pair with a writer on A: the dialog
// shows its progress and the differing key range, Repair… shows the rows side by side, and the fix, once
// confirmed, makes B's row A's again.
#include "appsettings.h"
#include "gui/guidriver.h"
#include "mainwindow.h"
#include "monitor/alertbanner.h"
#include "monitor/comparedialog.h"
#include "monitor/repairdialog.h"
#include "monitor/replicaactions.h"
#include "monitor/topologymodel.h"
#include "preferencesdialog.h"
#include "support/replicatedsandbox.h"
#include "support/rowwriter.h"
#include "support/testsupport.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimeEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

class TestCompareDialog : public QObject
{
    Q_OBJECT

    SandboxPair m_pair;
    Sandbox& sb() { return m_pair.sandbox(); }
    QString sql(int i, const QString& s) { return sandboxSql(sb(), i, s); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        QString error;
        QVERIFY2(startSandboxReplication(sb(), &error), qPrintable(error));
        QString seed = RowWriter::createTableSql(QStringLiteral("test.orders"))
            + QStringLiteral(";INSERT INTO test.orders VALUES (1000000000, 'seed');");
        for (int i = 0; i < 12; ++i)
            seed += QStringLiteral("INSERT INTO test.orders SELECT seq + %1, note FROM test.orders;")
                        .arg(1 << i);
        bool ok = false;
        const QString out = sandboxSql(sb(), 0, seed, &ok);
        QVERIFY2(ok, qPrintable(out));
        QTRY_COMPARE_WITH_TIMEOUT(
            sql(1, QStringLiteral("SELECT COUNT(*) FROM test.orders")), QStringLiteral("4096"), 60000);
        // drift behind replication's back
        QVERIFY(sql(1,
            QStringLiteral(
                "SET sql_log_bin = 0; UPDATE test.orders SET note = 'drift' WHERE seq = 1000003000"))
                    .isEmpty());
    }

    /** Issue 19: the daily data check, switched on in Preferences as a user does (the menu, the box, the
     *  time typed a few seconds ahead, OK): at that time it compares, logs the result and raises the
     *  banner with the differing range. */
    void theDailyCheckFromPreferencesRaisesTheBanner()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("RepliPairTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_comparedialog"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        const QString path = m_pair.dir() + QStringLiteral("/daily.replipair.json");
        QVERIFY(sb().pairProfile().save(path));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openPairFile(path));

        QVERIFY(GuiDriver::chooseFromMenuBar(&window, "actionPreferences"));
        QTRY_VERIFY(window.findChild<PreferencesDialog*>());
        auto* prefs = window.findChild<PreferencesDialog*>();
        auto* box = prefs->findChild<QCheckBox*>(QStringLiteral("preferencesScheduledCompare"));
        auto* time = prefs->findChild<QTimeEdit*>(QStringLiteral("preferencesScheduledCompareTime"));
        QVERIFY(box && time);
        QVERIFY(!box->isChecked());
        QVERIFY(!time->isEnabled());
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
        QTRY_VERIFY(time->isEnabled());
        const QTime at = QTime::currentTime().addSecs(4);
        time->setTime(at); // the time edit's sections do not take typed text offscreen
        QTRY_COMPARE(
            time->time().toString(QStringLiteral("HH:mm:ss")), at.toString(QStringLiteral("HH:mm:ss")));
        QPointer<PreferencesDialog> gone(prefs);
        auto* ok = [prefs] {
            for (QPushButton* b : prefs->findChildren<QPushButton*>())
                if (b->text() == QLatin1String("OK"))
                    return b;
            return static_cast<QPushButton*>(nullptr);
        }();
        QVERIFY(ok);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(!gone);
        QVERIFY(AppSettings::value(AppSettings::Key::ScheduledCompare).toBool());

        auto* banner = window.findChild<AlertBanner*>();
        QVERIFY(banner);
        QTRY_VERIFY_WITH_TIMEOUT(banner->shownEvent().kind == ReplicationEvent::Kind::DataDiffers, 120000);
        QVERIFY2(banner->text().contains(QStringLiteral("test.orders")), qPrintable(banner->text()));
        QVERIFY(banner->findChild<QPushButton*>(QStringLiteral("alertCompare"))->isVisible());
        AppSettings::setValue(AppSettings::Key::ScheduledCompare, false);
    }

    void fromTheMenuToTheRepair()
    {
        QFile pw(sb().adminPasswordFile());
        QVERIFY(pw.open(QIODevice::ReadOnly));
        RowWriter writer(QStringLiteral("127.0.0.1"), sb().servers()[0].port, QStringLiteral("root"),
            QString::fromUtf8(pw.readAll()).trimmed(), QStringLiteral("test.orders"), 5);
        writer.start(1);
        const PairProfile profile = sb().pairProfile();
        QWidget window;
        TopologyModel model;
        model.setProfile(profile);
        auto* view = new TopologyView(&model, &window);
        auto* banner = new AlertBanner(&model, &window);
        auto* layout = new QVBoxLayout(&window);
        layout->addWidget(banner);
        layout->addWidget(view);
        ReplicaActions actions(profile, &window);
        actions.answer(view, banner);
        window.resize(900, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QVERIFY(GuiDriver::chooseFromServerMenu(view, 0, "actionCompareData"));
        QTRY_VERIFY(window.findChild<CompareDialog*>(QStringLiteral("compareDialog")));
        auto* compare = window.findChild<CompareDialog*>(QStringLiteral("compareDialog"));
        QTRY_VERIFY_WITH_TIMEOUT(!compare->isRunning(), 180000);
        auto* diffs = compare->findChild<QTreeWidget*>(QStringLiteral("compareDifferences"));
        QVERIFY2(diffs->topLevelItemCount() == 1,
            qPrintable(compare->findChild<QLabel*>(QStringLiteral("compareStatus"))->text()));
        QCOMPARE(diffs->topLevelItem(0)->text(0), QStringLiteral("test.orders"));
        QVERIFY(diffs->topLevelItem(0)->text(1).contains(QStringLiteral("seq")));
        auto* repairButton = compare->findChild<QPushButton*>(QStringLiteral("compareRepairButton"));
        QVERIFY(repairButton->isEnabled());
        QTest::mouseClick(repairButton, Qt::LeftButton);

        QTRY_VERIFY(compare->findChild<RepairDialog*>(QStringLiteral("repairDialog")));
        auto* repair = compare->findChild<RepairDialog*>(QStringLiteral("repairDialog"));
        QTRY_VERIFY_WITH_TIMEOUT(!repair->isBusy(), 180000);
        auto* rows = repair->findChild<QTableWidget*>(QStringLiteral("repairRows"));
        QVERIFY2(rows->rowCount() == 1,
            qPrintable(repair->findChild<QLabel*>(QStringLiteral("repairStatus"))->text()));
        QCOMPARE(rows->item(0, 2)->text(), QStringLiteral("note"));
        QCOMPARE(rows->item(0, 3)->text(), QStringLiteral("'seed'"));
        QCOMPARE(rows->item(0, 4)->text(), QStringLiteral("'drift'"));
        auto* apply = repair->findChild<QPushButton*>(QStringLiteral("repairApplyButton"));
        QVERIFY(!apply->isEnabled()); // not without the tick
        QTest::mouseClick(repair->findChild<QCheckBox*>(QStringLiteral("repairConfirm")), Qt::LeftButton);
        QVERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!repair->isBusy(), 180000);
        QCOMPARE(sql(1, QStringLiteral("SELECT note FROM test.orders WHERE seq = 1000003000")),
            QStringLiteral("seed"));
        QVERIFY(!apply->isEnabled());
        writer.stop();
        QCOMPARE(sandboxReplicaField(sb(), 0, QStringLiteral("Slave_SQL_Running")), QStringLiteral("Yes"));
        QCOMPARE(sandboxReplicaField(sb(), 1, QStringLiteral("Slave_SQL_Running")), QStringLiteral("Yes"));
    }
};

QTEST_MAIN(TestCompareDialog)
#include "tst_comparedialog.moc"
