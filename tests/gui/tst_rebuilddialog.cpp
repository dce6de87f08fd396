// Rebuild as a user meets it, on a real pair: B's SQL thread halts on a real 1062 conflict, the banner shows
// it with "Rebuild B from A…"; clicked, the dialog says what happens to B and runs its checks; Rebuild then
// rebuilds B, and the canvas shows both directions running again. Before it: the copy method chosen by
// clicking (logical / physical / auto), each choice checked again and said in the preview.
#include "gui/guidriver.h"
#include "mainwindow.h"
#include "monitor/alertbanner.h"
#include "monitor/topologymodel.h"
#include "operation/pairstate.h"
#include "operation/rebuilddialog.h"
#include "support/replicatedsandbox.h"
#include "support/setupdriver.h"
#include "support/testsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

class TstRebuildDialog : public QObject
{
    Q_OBJECT

    SandboxPair m_pair;
    Sandbox& sb() { return m_pair.sandbox(); }
    QString profilePath() const { return m_pair.dir() + QStringLiteral("/gui.replipair.json"); }
    QString sql(int i, const QString& s) { return sandboxSql(sb(), i, s); }

    static RebuildDialog* shownDialog(MainWindow& window)
    {
        return GuiDriver::shownChild<RebuildDialog>(window, "rebuildDialog");
    }
    static bool linkRuns(const TopologyModel* model, int direction)
    {
        return model->link(direction).state == TopologyModel::LinkState::Running;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("RepliPairTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_rebuilddialog"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        PairProfile p = sb().pairProfile();
        p.writer = 0;
        QVERIFY(p.save(profilePath()));
        const SetupOutcome o = runSetup(*PairProfile::load(profilePath()));
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        sql(0,
            QStringLiteral("CREATE TABLE test.orders (seq BIGINT PRIMARY KEY, note VARCHAR(40)); "
                           "INSERT INTO test.orders VALUES (1, 'a'), (2, 'a')"));
        QString error;
        QVERIFY2(waitForSandboxReplication(sb(), 60000, &error), qPrintable(error));
    }

    void methodChosenByClicking()
    {
        RebuildDialog dialog(*PairProfile::load(profilePath()), 1);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* preview = dialog.findChild<QLabel*>(QStringLiteral("rebuildPreview"));
        auto* checks = dialog.findChild<QTreeWidget*>(QStringLiteral("checkList"));
        auto* steps = dialog.findChild<QTreeWidget*>(QStringLiteral("stepList"));
        auto* logical = dialog.findChild<QRadioButton*>(QStringLiteral("methodLogical"));
        auto* physical = dialog.findChild<QRadioButton*>(QStringLiteral("methodPhysical"));
        auto* automatic = dialog.findChild<QRadioButton*>(QStringLiteral("methodAuto"));
        QVERIFY(preview && checks && steps && logical && physical && automatic);
        QVERIFY(logical->isChecked());
        const auto codes = [checks] {
            QStringList c;
            for (int i = 0; i < checks->topLevelItemCount(); ++i)
                c << checks->topLevelItem(i)->data(0, Qt::UserRole).toString();
            return c;
        };
        const auto stepText = [steps] {
            QStringList t;
            for (int i = 0; i < steps->topLevelItemCount(); ++i)
                t << steps->topLevelItem(i)->text(1);
            return t.join(QLatin1Char('\n'));
        };
        QTRY_VERIFY2_WITH_TIMEOUT(
            !dialog.isBusy() && preview->text().contains(QStringLiteral("replicated databases")),
            qPrintable(preview->text()), 60000);

        // physical: the whole data folder, the backup tools checked, the step names mariadb-backup
        QTest::mouseClick(physical, Qt::LeftButton);
        QVERIFY(physical->isChecked() && !logical->isChecked());
        QTRY_VERIFY2_WITH_TIMEOUT(
            !dialog.isBusy() && preview->text().contains(QStringLiteral("whole data directory")),
            qPrintable(preview->text()), 60000);
        QVERIFY2(
            codes().filter(QRegularExpression(QStringLiteral("^(physical-copy|backup-tool)"))).size() > 0,
            qPrintable(codes().join(QLatin1Char(' '))));
        QVERIFY2(stepText().contains(QStringLiteral("mariadb-backup")), qPrintable(stepText()));
        auto* saveOld = dialog.findChild<QCheckBox*>(QStringLiteral("saveOldData"));
        QVERIFY(!saveOld->isEnabled()); // the old data folder is kept anyway: the swap's way back

        // auto at this size: the logical copy, and the check says why
        QTest::mouseClick(automatic, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(!dialog.isBusy() && codes().contains(QStringLiteral("copy-method")),
            qPrintable(codes().join(QLatin1Char(' '))), 60000);
        QVERIFY2(
            preview->text().contains(QStringLiteral("replicated databases")), qPrintable(preview->text()));

        // and back to logical: nothing of the physical copy is checked any more
        QTest::mouseClick(logical, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && !codes().contains(QStringLiteral("copy-method")), 60000);
        QVERIFY(!stepText().contains(QStringLiteral("mariadb-backup")));
        QVERIFY(saveOld->isEnabled());
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("closeButton")), Qt::LeftButton);
        QTRY_VERIFY(!dialog.isVisible());
    }

    void bannerRebuildToAHealthyCanvas()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openPairFile(profilePath()));
        QTRY_VERIFY_WITH_TIMEOUT(window.isMonitoring(), 20000);

        // a real conflict: B has a row of its own that A then writes
        QTRY_COMPARE_WITH_TIMEOUT(
            sql(1, QStringLiteral("SELECT COUNT(*) FROM test.orders")), QStringLiteral("2"), 30000);
        sql(1,
            QStringLiteral(
                "SET sql_log_bin = 0; SET GLOBAL read_only = 0; INSERT INTO test.orders VALUES (3, 'b'); "
                "SET GLOBAL read_only = 1"));
        sql(0, QStringLiteral("INSERT INTO test.orders VALUES (3, 'a')"));

        // the banner says so, with its other actions, and Rebuild B from A…
        auto* banner = window.alertBanner();
        auto* rebuild = banner->findChild<QPushButton*>(QStringLiteral("alertRebuild"));
        QVERIFY(rebuild);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && rebuild->isVisible(), 30000);
        QVERIFY(banner->findChild<QPushButton*>(QStringLiteral("alertShowEvent"))->isVisible());
        QVERIFY(banner->findChild<QPushButton*>(QStringLiteral("alertCompare"))->isVisible());
        QTest::mouseClick(rebuild, Qt::LeftButton);

        RebuildDialog* dialog = shownDialog(window);
        QVERIFY(dialog);
        auto* start = dialog->findChild<QPushButton*>(QStringLiteral("rebuildButton"));
        auto* summary = dialog->findChild<QLabel*>(QStringLiteral("rebuildSummary"));
        QTRY_VERIFY2_WITH_TIMEOUT(start->isEnabled(), qPrintable(summary->text()), 60000);
        // it said what happens to B before anything changed
        const QString preview = dialog->findChild<QLabel*>(QStringLiteral("rebuildPreview"))->text();
        QVERIFY2(preview.contains(QStringLiteral("replaced")) && preview.contains(QStringLiteral("saved")),
            qPrintable(preview));
        QVERIFY(dialog->findChild<QCheckBox*>(QStringLiteral("saveOldData"))->isChecked());
        QVERIFY(dialog->findChild<QTreeWidget*>(QStringLiteral("stepList"))->topLevelItemCount() >= 8);
        QCOMPARE(sandboxReplicaField(sb(), 1, QStringLiteral("Last_SQL_Errno")), QStringLiteral("1062"));

        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(!dialog->isBusy() && !summary->property("outcome").toString().isEmpty(),
            qPrintable(summary->text()), 300000);
        QCOMPARE(summary->property("outcome").toString(), QStringLiteral("rebuilt"));

        // the canvas: both directions run, the banner is gone, B holds A's rows
        const TopologyModel* model = window.topologyModel();
        QTRY_VERIFY_WITH_TIMEOUT(linkRuns(model, 0) && linkRuns(model, 1), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!rebuild->isVisible(), 30000);
        QCOMPARE(sql(1, QStringLiteral("SELECT GROUP_CONCAT(note ORDER BY seq) FROM test.orders")),
            QStringLiteral("a,a,a"));
        QVERIFY(!PairState::load(*PairProfile::load(profilePath()))->isFenced(1));
        QPointer<RebuildDialog> gone(dialog);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("closeButton")), Qt::LeftButton);
        QTRY_VERIFY(!gone);
    }
};

QTEST_MAIN(TstRebuildDialog)
#include "tst_rebuilddialog.moc"
