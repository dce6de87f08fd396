#include "appsettings.h"
#include "gui/guidriver.h"
#include "mainwindow.h"
#include "operation/movewritesdialog.h"
#include "operation/pairstate.h"
#include "operation/rebuilddialog.h"
#include "operation/switchover.h"
#include "support/setupdriver.h"
#include "support/testsupport.h"
#include "topology/servernode.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"

#include <QApplication>
#include <QCheckBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTest>
#include <QTreeWidget>

/** Move Writes as a user meets it, on a real pair: the canvas's action opens the dialog with its checks, Move
 *  Writes switches; a refusing check keeps the button off; with the writer killed, the forced failover waits
 *  for its box to be ticked, then fences the old writer. */
class TstMoveWrites : public QObject
{
    Q_OBJECT

    SandboxPair m_pair;
    Sandbox& sb() { return m_pair.sandbox(); }
    QString profilePath() const { return m_pair.dir() + QStringLiteral("/gui.replipair.json"); }
    bool readOnly(int i)
    {
        return sandboxSql(sb(), i, QStringLiteral("SELECT @@GLOBAL.read_only")) == QLatin1String("1");
    }

    static MoveWritesDialog* shownDialog(MainWindow& window)
    {
        return GuiDriver::shownChild<MoveWritesDialog>(window, "moveWritesDialog");
    }
    static bool refused(MoveWritesDialog* d, const QString& code)
    {
        auto* checks = d->findChild<QTreeWidget*>(QStringLiteral("checkList"));
        for (int i = 0; i < checks->topLevelItemCount(); ++i)
            if (checks->topLevelItem(i)->data(0, Qt::UserRole).toString() == code)
                return true;
        return false;
    }
    static void close(MoveWritesDialog* d)
    {
        QPointer<MoveWritesDialog> gone(d);
        QTest::mouseClick(d->findChild<QPushButton*>(QStringLiteral("closeButton")), Qt::LeftButton);
        QTRY_VERIFY(!gone);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("RepliPairTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_movewrites"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        PairProfile p = sb().pairProfile();
        p.writer = 0;
        QVERIFY(p.save(profilePath()));
        const SetupOutcome o = runSetup(*PairProfile::load(profilePath()));
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        sandboxSql(sb(), 0, QStringLiteral("SET GLOBAL read_only = OFF"));
        sandboxSql(sb(), 1, QStringLiteral("SET GLOBAL read_only = ON"));
    }

    /** A run of the pair killed before it ended (its change left for recover): the Move Writes and Rebuild
     *  dialogs, opened from the menu, show the refusal that names recover and keep their start button off
     *  (their checks read no journal and said every check passed; the run then refused). */
    void aKilledRunRefusesBothDialogsAndNamesRecover()
    {
        const QString journal = profilePath() + QStringLiteral(".journal");
        QVERIFY(appendKilledSwitchover(journal));
        const auto removeJournal = qScopeGuard([&] { QFile::remove(journal); });

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openPairFile(profilePath()));
        QTRY_VERIFY_WITH_TIMEOUT(window.isMonitoring(), 20000);
        auto recoverNamed = [](QWidget* d) {
            auto* checks = d->findChild<QTreeWidget*>(QStringLiteral("checkList"));
            for (int i = 0; i < checks->topLevelItemCount(); ++i)
                if (checks->topLevelItem(i)->data(0, Qt::UserRole).toString()
                    == QLatin1String("run-not-ended"))
                    for (int c = 0; c < checks->columnCount(); ++c)
                        if (checks->topLevelItem(i)->text(c).contains(QStringLiteral("recover")))
                            return true;
            return false;
        };

        QVERIFY(GuiDriver::chooseFromMenuBar(&window, "actionMoveWritesMenu"));
        MoveWritesDialog* move = shownDialog(window);
        QVERIFY(move);
        QTRY_VERIFY_WITH_TIMEOUT(refused(move, QStringLiteral("run-not-ended")), 60000);
        QVERIFY(recoverNamed(move));
        QVERIFY(!move->findChild<QPushButton*>(QStringLiteral("moveWritesButton"))->isEnabled());
        QVERIFY2(move->findChild<QLabel*>(QStringLiteral("moveWritesSummary"))
                     ->text()
                     .contains(QStringLiteral("refuse")),
            qPrintable(move->findChild<QLabel*>(QStringLiteral("moveWritesSummary"))->text()));
        close(move);

        QVERIFY(GuiDriver::chooseFromMenuBar(&window, "actionRebuildMenu"));
        auto* rebuild = GuiDriver::shownChild<RebuildDialog>(window, "rebuildDialog");
        QVERIFY(rebuild);
        auto* summary = rebuild->findChild<QLabel*>(QStringLiteral("rebuildSummary"));
        QTRY_VERIFY2_WITH_TIMEOUT(recoverNamed(rebuild), qPrintable(summary->text()), 60000);
        QVERIFY(!rebuild->findChild<QPushButton*>(QStringLiteral("rebuildButton"))->isEnabled());
        QVERIFY2(summary->text().contains(QStringLiteral("refuse")), qPrintable(summary->text()));
        QPointer<RebuildDialog> gone(rebuild);
        QTest::mouseClick(rebuild->findChild<QPushButton*>(QStringLiteral("closeButton")), Qt::LeftButton);
        QTRY_VERIFY(!gone);
    }

    void movingWritesFromTheCanvasAndTheMenu()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openPairFile(profilePath()));
        QTRY_VERIFY_WITH_TIMEOUT(window.isMonitoring(), 20000);

        // the canvas: right-click B, Move Writes to B…; the checks come, every one passes
        QVERIFY(GuiDriver::chooseFromMenuBar(&window, "actionGoToCanvas"));
        QVERIFY(GuiDriver::chooseFromServerMenu(window.topologyView(), 1, "actionMoveWrites"));
        MoveWritesDialog* dialog = shownDialog(window);
        QVERIFY(dialog);
        auto* move = dialog->findChild<QPushButton*>(QStringLiteral("moveWritesButton"));
        QTRY_VERIFY_WITH_TIMEOUT(move->isEnabled(), 60000);
        QVERIFY(dialog->findChild<QTreeWidget*>(QStringLiteral("checkList"))->topLevelItemCount() >= 5);
        QVERIFY(dialog->findChild<QTreeWidget*>(QStringLiteral("stepList"))->topLevelItemCount() >= 8);
        QVERIFY(!readOnly(0)); // nothing changed by looking
        QTest::mouseClick(move, Qt::LeftButton);
        auto* summary = dialog->findChild<QLabel*>(QStringLiteral("moveWritesSummary"));
        QTRY_COMPARE_WITH_TIMEOUT(summary->property("outcome").toString(), QStringLiteral("switched"), 60000);
        QVERIFY(readOnly(0));
        QVERIFY(!readOnly(1));
        QCOMPARE(PairProfile::load(profilePath())->writerIndex(), 1);
        close(dialog);

        // the menu: back to A, but A's applier is stopped: the check refuses and Move Writes stays off
        sandboxSql(sb(), 0, QStringLiteral("STOP SLAVE SQL_THREAD"));
        QVERIFY(GuiDriver::chooseFromMenuBar(&window, "actionMoveWritesMenu"));
        dialog = shownDialog(window);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(refused(dialog, QStringLiteral("replication-not-running")), 60000);
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("moveWritesButton"))->isEnabled());
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("forceFailoverButton"))->isVisible());
        close(dialog);
        sandboxSql(sb(), 0, QStringLiteral("START SLAVE SQL_THREAD"));

        // the writer B is killed: only a forced failover is offered, behind a box to tick
        QVERIFY(sb().kill(1));
        QVERIFY(GuiDriver::chooseFromMenuBar(&window, "actionMoveWritesMenu"));
        dialog = shownDialog(window);
        QVERIFY(dialog);
        auto* force = dialog->findChild<QPushButton*>(QStringLiteral("forceFailoverButton"));
        QTRY_VERIFY_WITH_TIMEOUT(force->isVisible(), 60000);
        QVERIFY(!force->isEnabled());
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("moveWritesButton"))->isEnabled());
        auto* confirm = dialog->findChild<QCheckBox*>(QStringLiteral("confirmForce"));
        QVERIFY(confirm);
        QTRY_VERIFY2(confirm->isVisible(),
            qPrintable(dialog->findChild<QLabel*>(QStringLiteral("moveWritesSummary"))->text()));
        QVERIFY(!confirm->isChecked());
        QTest::mouseClick(
            confirm, Qt::LeftButton, {}, confirm->rect().center()); // the box's text ticks it too
        QTRY_VERIFY(confirm->isChecked());
        QTRY_VERIFY(force->isEnabled());
        QTest::mouseClick(force, Qt::LeftButton);
        summary = dialog->findChild<QLabel*>(QStringLiteral("moveWritesSummary"));
        QTRY_VERIFY_WITH_TIMEOUT(
            summary->property("outcome").toString().startsWith(QStringLiteral("switched")), 60000);
        QVERIFY(!readOnly(0));
        const PairProfile after = *PairProfile::load(profilePath());
        QCOMPARE(after.writerIndex(), 0);
        QVERIFY(PairState::load(after)->isFenced(1));
        close(dialog);
        QVERIFY(sb().start(1));
        QVERIFY(readOnly(1)); // fenced: back read-only
        // the canvas shows B stale, with the way back in its tooltip
        auto* view = window.findChild<TopologyView*>();
        QVERIFY(view);
        ServerNode* nodeB = view->topologyScene()->node(1);
        QTRY_COMPARE_WITH_TIMEOUT(nodeB->roleBadge(), QStringLiteral("FENCED"), 30000);
        QVERIFY2(nodeB->toolTip().contains(QStringLiteral("rejoin")), qPrintable(nodeB->toolTip()));
        // and what only it holds, read from both servers' GTIDs (none, or the beats it wrote as it died)
        QTRY_VERIFY2_WITH_TIMEOUT(
            nodeB->toolTip().contains(QStringLiteral(" of its own that A lacks (GTID)")),
            qPrintable(nodeB->toolTip()), 30000);
        QVERIFY(PairState().save(after));
        QTRY_COMPARE_WITH_TIMEOUT(nodeB->roleBadge(), QStringLiteral("READER"), 30000); // the fence lifted
    }
};

QTEST_MAIN(TstMoveWrites)
#include "tst_movewrites.moc"
