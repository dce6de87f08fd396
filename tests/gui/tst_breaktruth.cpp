// After a break the desktop app tells the truth, as a user meets it on a live sandbox pair: a skip leaves
// the pair "data unverified" until a comparison says equal; a killed server is the banner's headline with
// Start Server, which brings it back, and File ▸ Export Report… writes the incident; a saved pair whose
// passwords were typed, not remembered, asks for them when the app starts again instead of raising an alarm.
#include "appsettings.h"
#include "gui/guidriver.h"
#include "mainwindow.h"
#include "monitor/alertbanner.h"
#include "monitor/comparedialog.h"
#include "monitor/eventlist.h"
#include "monitor/topologymodel.h"
#include "operation/pairstate.h"
#include "pairlist.h"
#include "support/replicatedsandbox.h"
#include "support/testsupport.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"

#include <QCheckBox>
#include <QDialog>
#include <QFile>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestBreakTruth : public QObject
{
    Q_OBJECT

    SandboxPair m_pair;
    QTemporaryDir m_dir;
    Sandbox& sb() { return m_pair.sandbox(); }
    QString sql(int i, const QString& s, bool* ok = nullptr) { return sandboxSql(sb(), i, s, ok); }

    /** The sandbox's profile saved where the app keeps it, in Saved Pairs; its state file starts empty. */
    QString savedPair(const QString& name, bool withPasswordFile = true)
    {
        PairProfile p = sb().pairProfile();
        p.name = name;
        if (!withPasswordFile)
            p.servers[0].adminPasswordFile = p.servers[1].adminPasswordFile = QString();
        const QString path = m_dir.filePath(name + QStringLiteral(".replipair.json"));
        p.filePath = path;
        QFile::remove(PairState::pathFor(p));
        if (!p.save(path))
            return {};
        AppSettings::setValue(AppSettings::Key::RecentPairs, QStringList());
        AppSettings::addRecentPair(path);
        return path;
    }

    /** Opens the only saved pair as a user does: Saved Pairs, Home, Return. */
    static void openFromSavedPairs(MainWindow& window, const QString& path)
    {
        auto* pairs = window.findChild<PairList*>(QStringLiteral("pairList"));
        QTRY_VERIFY(pairs->itemFor(path));
        pairs->setFocus();
        QTest::keyClick(pairs, Qt::Key_Home);
        QTest::keyClick(pairs, Qt::Key_Return);
    }

    static QPushButton* bannerButton(MainWindow& window, const char* name)
    {
        return window.alertBanner()->findChild<QPushButton*>(QLatin1String(name));
    }

    static bool hasEvent(MainWindow& window, ReplicationEvent::Kind kind, bool failed = false)
    {
        for (const ReplicationEvent& e : window.eventList()->events())
            if (e.kind == kind && e.failed == failed)
                return true;
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("RepliPairTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_breaktruth"));
        QApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        if (Sandbox::serverBinary().isEmpty())
            QSKIP("no mariadbd/mysqld on this machine");
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        QString error;
        QVERIFY2(startSandboxReplication(sb(), &error), qPrintable(error));
        QVERIFY2(waitForSandboxReplication(sb(), 60000, &error), qPrintable(error));
        bool ok = false;
        sql(0, QStringLiteral("CREATE TABLE test.k (id INT PRIMARY KEY, v CHAR(1))"), &ok);
        QVERIFY(ok);
        QTRY_VERIFY_WITH_TIMEOUT(
            sql(1, QStringLiteral("SELECT COUNT(*) FROM test.k"), &ok) == "0" && ok, 30000);
    }

    void aSkipLeavesTheDataUnverifiedUntilAComparisonSaysEqual()
    {
        const QString path = savedPair(QStringLiteral("skipped"));
        QVERIFY(!path.isEmpty());
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        openFromSavedPairs(window, path);
        QTRY_COMPARE_WITH_TIMEOUT(
            window.topologyModel()->link(0).state, TopologyModel::LinkState::Running, 30000);

        // the same key on both sides: B's own row is not replicated, A's then halts B's SQL thread
        bool ok = false;
        sql(1, QStringLiteral("SET sql_log_bin = 0; INSERT INTO test.k VALUES (1, 'B')"), &ok);
        QVERIFY(ok);
        sql(0, QStringLiteral("INSERT INTO test.k VALUES (1, 'A')"), &ok);
        QVERIFY(ok);
        AlertBanner* banner = window.alertBanner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->shownEvent().kind == ReplicationEvent::Kind::SqlError
                && bannerButton(window, "alertShowEvent")->isVisible(),
            30000);

        // Show the Failing Event…, tick, Skip This Event
        QTest::mouseClick(bannerButton(window, "alertShowEvent"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QDialog*>(QStringLiteral("skipEventDialog")), 20000);
        auto* skip = window.findChild<QDialog*>(QStringLiteral("skipEventDialog"));
        QTRY_VERIFY(skip->isVisible());
        QTest::mouseClick(skip->findChild<QCheckBox*>(QStringLiteral("skipEventConfirm")), Qt::LeftButton);
        QTest::mouseClick(
            skip->findChild<QPushButton*>(QStringLiteral("skipEventSkipButton")), Qt::LeftButton);

        // replication runs again, but the pair is not "healthy": the data are unverified, everywhere
        QTRY_COMPARE_WITH_TIMEOUT(
            window.topologyModel()->link(0).state, TopologyModel::LinkState::Running, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window.topologyModel()->dataInDoubt(), 10000);
        QCOMPARE(window.topologyModel()->pairState().agreement, PairState::Agreement::Unverified);
        QCOMPARE(window.topologyModel()->pairState().agreementCause, QStringLiteral("skip"));
        QTRY_COMPARE_WITH_TIMEOUT(banner->shownEvent().kind, ReplicationEvent::Kind::DataInDoubt, 10000);
        QVERIFY(banner->isVisible());
        QVERIFY(bannerButton(window, "alertCompare")->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("unverified")), qPrintable(banner->text()));
        QVERIFY(window.topologyView()->topologyScene()->agreementBadge()->isVisible());
        auto* pairs = window.findChild<PairList*>(QStringLiteral("pairList"));
        QTRY_COMPARE_WITH_TIMEOUT(pairs->itemFor(path)->data(PairList::AgreementRole).toString(),
            QStringLiteral("unverified"), 10000);
        QVERIFY2(pairs->itemFor(path)->text().contains(QStringLiteral("data unverified")),
            qPrintable(pairs->itemFor(path)->text()));
        // the skip is in the Events tab with its outcome
        QVERIFY(hasEvent(window, ReplicationEvent::Kind::UserAction));

        // Compare Data… from the banner: the skipped row differs
        QTest::mouseClick(bannerButton(window, "alertCompare"), Qt::LeftButton);
        QTRY_VERIFY(window.findChild<CompareDialog*>(QStringLiteral("compareDialog")));
        auto* compare = window.findChild<CompareDialog*>(QStringLiteral("compareDialog"));
        QTRY_VERIFY_WITH_TIMEOUT(!compare->isRunning(), 120000);
        QTRY_COMPARE_WITH_TIMEOUT(
            window.topologyModel()->pairState().agreement, PairState::Agreement::Differs, 10000);
        QVERIFY(banner->isVisible() && banner->shownEvent().kind == ReplicationEvent::Kind::DataInDoubt);
        QVERIFY2(banner->text().contains(QStringLiteral("differs")), qPrintable(banner->text()));
        compare->close();
        QTRY_VERIFY(!window.findChild<CompareDialog*>(QStringLiteral("compareDialog")));

        // the DBA puts B's row right by hand; the next comparison says equal and the doubt goes
        sql(1, QStringLiteral("SET sql_log_bin = 0; UPDATE test.k SET v = 'A' WHERE id = 1"), &ok);
        QVERIFY(ok);
        QTest::mouseClick(bannerButton(window, "alertCompare"), Qt::LeftButton);
        QTRY_VERIFY(window.findChild<CompareDialog*>(QStringLiteral("compareDialog")));
        compare = window.findChild<CompareDialog*>(QStringLiteral("compareDialog"));
        QTRY_VERIFY_WITH_TIMEOUT(!compare->isRunning(), 120000);
        QTRY_COMPARE_WITH_TIMEOUT(
            window.topologyModel()->pairState().agreement, PairState::Agreement::Equal, 10000);
        QVERIFY(!window.topologyModel()->dataInDoubt());
        QTRY_VERIFY(banner->shownEvent().kind != ReplicationEvent::Kind::DataInDoubt);
        QVERIFY(!window.topologyView()->topologyScene()->agreementBadge()->isVisible());
        compare->close();
    }

    void reopeningWithoutRememberedPasswordsAsksAndRaisesNoAlarm()
    {
        // a pair whose passwords were typed in the wizard and not remembered: the profile names no place
        const QString path = savedPair(QStringLiteral("typed"), false);
        QVERIFY(!path.isEmpty());
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* pairs = window.findChild<PairList*>(QStringLiteral("pairList"));
        // the app asks, one dialog for the pair; meanwhile it waits, and nothing is red
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QDialog*>(QStringLiteral("passwordPrompt"))
                && window.findChild<QDialog*>(QStringLiteral("passwordPrompt"))->isVisible(),
            30000);
        QCOMPARE(
            pairs->itemFor(path)->data(PairList::HealthRole).toString(), QStringLiteral("needs-password"));
        QVERIFY2(pairs->itemFor(path)->text().contains(QStringLiteral("waiting for a password")),
            qPrintable(pairs->itemFor(path)->text()));
        QVERIFY(!window.alertBanner()->isVisible());
        QVERIFY(window.eventList()->events().isEmpty());

        QPointer<QDialog> prompt = window.findChild<QDialog*>(QStringLiteral("passwordPrompt"));
        QFile pw(sb().adminPasswordFile());
        QVERIFY(pw.open(QIODevice::ReadOnly));
        const QString password = QString::fromUtf8(pw.readAll()).trimmed();
        for (int i = 0; i < 2; ++i) {
            auto* field = prompt->findChild<QLineEdit*>(QStringLiteral("passwordField%1").arg(i));
            QVERIFY(field);
            QTest::keyClicks(field, password);
        }
        QVERIFY(prompt->findChild<QCheckBox*>(QStringLiteral("rememberPasswords")));
        QTest::mouseClick(
            prompt->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(prompt.isNull());
        // watched with what was typed: healthy, never an alarm
        QTRY_COMPARE_WITH_TIMEOUT(
            pairs->itemFor(path)->data(PairList::HealthRole).toString(), QStringLiteral("healthy"), 30000);
        QVERIFY(!window.alertBanner()->isVisible());
        // opening it does not ask again
        openFromSavedPairs(window, path);
        QTRY_VERIFY_WITH_TIMEOUT(window.topologyModel()->hasPair(), 10000);
        QVERIFY(!window.findChild<QDialog*>(QStringLiteral("passwordPrompt")));
        QTRY_COMPARE_WITH_TIMEOUT(
            window.topologyModel()->link(0).state, TopologyModel::LinkState::Running, 30000);
        QVERIFY(!window.alertBanner()->isVisible()
            || window.alertBanner()->shownEvent().severity() != ReplicationEvent::Severity::Error);
    }

    void aKilledServerIsTheHeadlineAndStartServerBringsItBack()
    {
        const QString path = savedPair(QStringLiteral("killed"));
        QVERIFY(!path.isEmpty());
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        openFromSavedPairs(window, path);
        for (int d = 0; d < 2; ++d)
            QTRY_COMPARE_WITH_TIMEOUT(
                window.topologyModel()->link(d).state, TopologyModel::LinkState::Running, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window.topologyModel()->hasInspection(1), 30000);

        // B crashes
        QVERIFY(sb().kill(1).has_value());
        AlertBanner* banner = window.alertBanner();
        QTRY_COMPARE_WITH_TIMEOUT(
            banner->shownEvent().kind, ReplicationEvent::Kind::ServerUnreachable, 30000);
        QCOMPARE(banner->shownEvent().serverIndex, 1);
        QVERIFY2(banner->text().contains(QStringLiteral("B is down")), qPrintable(banner->text()));
        // A's IO error is a consequence under it, and nothing offers to start A's replication meanwhile
        QTRY_VERIFY_WITH_TIMEOUT(!window.topologyModel()->link(1).status.ioRunning
                || window.topologyModel()->link(1).status.lastIoErrno != 0,
            90000);
        QCOMPARE(banner->shownEvent().kind, ReplicationEvent::Kind::ServerUnreachable);
        QVERIFY(!bannerButton(window, "alertAction")->isVisible());
        QPushButton* start = bannerButton(window, "alertStartServer");
        QVERIFY(start->isVisible());
        QVERIFY2(start->text().contains(QStringLiteral("B")), qPrintable(start->text()));
        QVERIFY2(!banner->text().contains(QStringLiteral("SELECT")), qPrintable(banner->text()));

        // Start Server B, confirmed: B comes back with its restart command
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY(window.findChild<QMessageBox*>(QStringLiteral("confirmStartServer")));
        auto* confirm = window.findChild<QMessageBox*>(QStringLiteral("confirmStartServer"));
        QTRY_VERIFY(confirm->isVisible());
        QTest::mouseClick(confirm->findChild<QPushButton*>(QStringLiteral("confirmButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(sb().isRunning(1), 120000);
        QTRY_VERIFY_WITH_TIMEOUT(window.topologyModel()->server(1).reachable, 120000);
        QTRY_VERIFY_WITH_TIMEOUT(hasEvent(window, ReplicationEvent::Kind::UserAction), 120000);
        QVERIFY(!hasEvent(window, ReplicationEvent::Kind::UserAction, true));
        QTRY_VERIFY_WITH_TIMEOUT(
            banner->shownEvent().kind != ReplicationEvent::Kind::ServerUnreachable, 30000);

        // File ▸ Export Report…: the incident, the state now and the action, in a file for the ticket
        const QString report = m_dir.filePath(QStringLiteral("incident.html"));
        GuiDriver::FileDialogAnswer answer(report);
        QVERIFY(GuiDriver::chooseFromMenuBar(&window, "actionExportReport"));
        QVERIFY(answer.seen());
        QTRY_VERIFY(QFile::exists(report));
        QFile f(report);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(f.readAll());
        QVERIFY(html.contains(QStringLiteral("serverUnreachable")));
        QVERIFY(html.contains(QStringLiteral("userAction")));
        QVERIFY(html.contains(QStringLiteral("killed")));
        QVERIFY(html.contains(QStringLiteral("Current state")));
    }
};

QTEST_MAIN(TestBreakTruth)
#include "tst_breaktruth.moc"
