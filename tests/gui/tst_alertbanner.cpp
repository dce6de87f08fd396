// The alert banner shows the most severe condition that is still true, with its actions, until it clears.
#include "monitor/alertbanner.h"
#include "monitor/replicationeventdetector.h"
#include "monitor/topologymodel.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

namespace {
ReplicaStatus running()
{
    ReplicaStatus r;
    r.configured = true;
    r.ioRunning = r.sqlRunning = true;
    r.ioState = "Yes";
    r.secondsBehind = 0;
    return r;
}

ReplicationEvent alertEvent(int server, ReplicationEvent::Kind kind, const QString& text, int code = 0)
{
    ReplicationEvent e;
    e.time = QDateTime::currentDateTimeUtc();
    e.serverIndex = server;
    e.server = server == 0 ? "A" : "B";
    e.kind = kind;
    e.code = code;
    e.text = text;
    return e;
}
} // namespace

class TestAlertBanner : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        PairProfile p;
        p.name = "orders";
        p.servers[0].name = "A";
        p.servers[1].name = "B";
        m_model = new TopologyModel;
        m_model->setProfile(p);
        m_model->setLagThreshold(5);
        m_window = new QWidget;
        m_banner = new AlertBanner(m_model, m_window);
        m_window->show();
        for (int i = 0; i < 2; ++i)
            m_model->applyReplicaStatus(i, running(), 0.1);
    }
    void cleanup()
    {
        delete m_window;
        delete m_model;
    }

    void aLagWarningNeverHidesASqlError()
    {
        // B's SQL thread stops on a duplicate key (the model first, then the monitor's event, as PairMonitor
        // reports them)
        ReplicaStatus broken = running();
        broken.sqlRunning = false;
        broken.secondsBehind.reset();
        broken.lastSqlErrno = 1062;
        broken.lastSqlError = "Duplicate entry '7' for key 'PRIMARY'";
        m_model->applyReplicaStatus(1, broken);
        m_banner->showAlert(alertEvent(1, ReplicationEvent::Kind::SqlError, broken.lastSqlError, 1062));
        QVERIFY(m_banner->isVisible());
        QCOMPARE(m_banner->shownEvent().kind, ReplicationEvent::Kind::SqlError);
        QVERIFY(m_banner->findChild<QPushButton*>("alertShowEvent")->isVisible());

        // five seconds later A lags: the error stays on top, the warning is counted under it
        m_model->applyReplicaStatus(0, running(), 7.5);
        m_banner->showAlert(alertEvent(0, ReplicationEvent::Kind::LagHigh, "A is 7.5 s behind"));
        QCOMPARE(m_banner->shownEvent().kind, ReplicationEvent::Kind::SqlError);
        QVERIFY2(m_banner->text().contains("Duplicate entry"), qPrintable(m_banner->text()));
        QVERIFY2(m_banner->text().contains("+1 more"), qPrintable(m_banner->text()));
        QVERIFY(m_banner->findChild<QPushButton*>("alertShowEvent")->isVisible());

        // the lag goes (the live model says so first); the error is still there
        m_model->applyReplicaStatus(0, running(), 0.2);
        QCOMPARE(m_banner->shownEvent().kind, ReplicationEvent::Kind::SqlError);
        QVERIFY(!m_banner->text().contains("more"));

        // B samples again, still broken: nothing changes
        m_model->applyReplicaStatus(1, broken);
        QCOMPARE(m_banner->shownEvent().kind, ReplicationEvent::Kind::SqlError);

        // the error clears once B's SQL thread runs again; the recovery is told
        m_model->applyReplicaStatus(1, running(), 0.1);
        QVERIFY(m_banner->isHidden());
        m_banner->showAlert(
            alertEvent(1, ReplicationEvent::Kind::Recovered, "replication on B is healthy again"));
        QCOMPARE(m_banner->shownEvent().kind, ReplicationEvent::Kind::Recovered);
        QVERIFY(!m_banner->findChild<QPushButton*>("alertShowEvent")->isVisible());
    }

    void aSqlErrorOffersTheFailingEventAndACompareNotAStart()
    {
        // B's SQL thread halts on a duplicate key, as the monitor's detector reports it from B's status
        ReplicaStatus broken = running();
        broken.sqlRunning = false;
        broken.secondsBehind.reset();
        broken.lastSqlErrno = 1062;
        broken.lastSqlError
            = "Could not execute Write_rows_v1 event on table test.t; Duplicate entry '7' for "
              "key 'PRIMARY', Error_code: 1062";
        ReplicationEventDetector detector(2);
        StatusSample sample;
        sample.time = QDateTime::currentDateTimeUtc();
        sample.serverIndex = 1;
        sample.server = "B";
        sample.reachable = true;
        sample.replica = running();
        detector.process(sample);
        sample.replica = broken;
        const QList<ReplicationEvent> events = detector.process(sample);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].kind, ReplicationEvent::Kind::SqlError);
        m_model->applyReplicaStatus(1, broken);
        m_banner->showAlert(events[0]);

        // the title once, with the error number, then the server's own words
        const QString text = m_banner->text();
        QVERIFY2(
            text.contains("SQL thread error 1062 on B: Could not execute Write_rows_v1"), qPrintable(text));
        QCOMPARE(text.count("SQL thread error"), 1);
        // the safe actions: look at the event, compare the data; starting again would stop on it again
        auto* start = m_banner->findChild<QPushButton*>("alertAction");
        auto* show = m_banner->findChild<QPushButton*>("alertShowEvent");
        auto* compare = m_banner->findChild<QPushButton*>("alertCompare");
        QVERIFY(!start->isVisible());
        QVERIFY(show->isVisible());
        QVERIFY(compare->isVisible());
        QSignalSpy shown(m_banner, &AlertBanner::skipEventRequested);
        QSignalSpy compared(m_banner, &AlertBanner::compareRequested);
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown[0][0].toInt(), 1);
        QTest::mouseClick(compare, Qt::LeftButton);
        QCOMPARE(compared.size(), 1);

        // a plain stop (the admin stopped it) does offer Start, and neither of the others
        ReplicaStatus stopped = running();
        stopped.sqlRunning = false;
        m_model->applyReplicaStatus(1, stopped);
        m_banner->showAlert(
            alertEvent(1, ReplicationEvent::Kind::SqlThreadStopped, "the SQL thread of B is not running"));
        QCOMPARE(m_banner->shownEvent().kind, ReplicationEvent::Kind::SqlThreadStopped);
        QVERIFY(start->isVisible());
        QVERIFY(!show->isVisible());
        QVERIFY(!compare->isVisible());
        // an IO error: Start, once its cause is fixed
        m_model->applyReplicaStatus(1, running());
        ReplicaStatus io = running();
        io.ioRunning = false;
        io.ioState = "Connecting";
        io.lastIoErrno = 2003;
        io.lastIoError = "error reconnecting to master 'repl@10.0.0.1:3306'";
        m_model->applyReplicaStatus(1, io);
        m_banner->showAlert(alertEvent(1, ReplicationEvent::Kind::IoError, io.lastIoError, 2003));
        QVERIFY2(m_banner->text().contains("IO thread error 2003 on B: error reconnecting"),
            qPrintable(m_banner->text()));
        QVERIFY(start->isVisible());
        QVERIFY(!show->isVisible());
    }

    void newsOfARecoveryIsNotCountedUnderAnError()
    {
        ReplicaStatus broken = running();
        broken.sqlRunning = false;
        broken.lastSqlErrno = 1062;
        broken.lastSqlError = "Duplicate entry '7' for key 'PRIMARY'";
        m_model->applyReplicaStatus(1, broken);
        m_banner->showAlert(alertEvent(1, ReplicationEvent::Kind::SqlError, broken.lastSqlError, 1062));
        m_model->applyReplicaStatus(0, running(), 7.5);
        m_banner->showAlert(alertEvent(0, ReplicationEvent::Kind::LagHigh, "A is 7.5 s behind"));
        QVERIFY2(m_banner->text().contains("+1 more"), qPrintable(m_banner->text()));
        // the lag goes, and the monitor says A is healthy again (as PairMonitor does): that news is not a
        // condition, so nothing is counted under the error any more
        m_model->applyReplicaStatus(0, running(), 0.2);
        m_banner->showAlert(
            alertEvent(0, ReplicationEvent::Kind::Recovered, "replication on A is healthy again"));
        QCOMPARE(m_banner->shownEvent().kind, ReplicationEvent::Kind::SqlError);
        QVERIFY2(!m_banner->text().contains("more"), qPrintable(m_banner->text()));
        QVERIFY(m_banner->findChild<QPushButton*>("alertShowEvent")->isVisible());
    }

    void dismissingShowsTheNextConditionNotNothing()
    {
        ReplicaStatus stopped = running();
        stopped.sqlRunning = false;
        stopped.lastSqlErrno = 1146;
        stopped.lastSqlError = "Table 'test.gone' doesn't exist";
        m_model->applyReplicaStatus(1, stopped);
        m_banner->showAlert(alertEvent(1, ReplicationEvent::Kind::SqlError, stopped.lastSqlError, 1146));
        m_model->applyReplicaStatus(0, running(), 9);
        m_banner->showAlert(alertEvent(0, ReplicationEvent::Kind::LagHigh, "A is 9.0 s behind"));

        // the admin dismisses the error: the lag warning, still true, comes up
        QTest::mouseClick(m_banner->findChild<QPushButton*>("alertDismiss"), Qt::LeftButton);
        QCOMPARE(m_banner->shownEvent().kind, ReplicationEvent::Kind::LagHigh);
        QVERIFY(!m_banner->findChild<QPushButton*>("alertShowEvent")->isVisible());
        // dismissing that too leaves nothing
        QTest::mouseClick(m_banner->findChild<QPushButton*>("alertDismiss"), Qt::LeftButton);
        QVERIFY(m_banner->isHidden());
        // a new error (another errno) is news again
        stopped.lastSqlErrno = 1062;
        m_model->applyReplicaStatus(1, stopped);
        m_banner->showAlert(alertEvent(1, ReplicationEvent::Kind::SqlError, "Duplicate entry", 1062));
        QCOMPARE(m_banner->shownEvent().code, 1062);
    }

    void anUnreachableServerStaysUntilItAnswers()
    {
        m_model->setServerReachable(0, false, "Can't connect (111)");
        m_banner->showAlert(alertEvent(0, ReplicationEvent::Kind::ServerUnreachable, "A does not answer"));
        m_model->applyReplicaStatus(1, running(), 0.3); // the other server's samples change nothing
        QCOMPARE(m_banner->shownEvent().kind, ReplicationEvent::Kind::ServerUnreachable);
        m_model->applyReplicaStatus(0, running(), 0.1);
        QVERIFY(
            m_banner->isHidden() || m_banner->shownEvent().kind != ReplicationEvent::Kind::ServerUnreachable);
    }

    void aDownServerIsTheHeadlineOverItsPeersIoError()
    {
        // B is killed: A's IO thread cannot connect (the newer event), B does not answer
        m_model->setServerReachable(1, false, "Can't connect (111)");
        m_banner->showAlert(alertEvent(1, ReplicationEvent::Kind::ServerUnreachable, "B does not answer"));
        ReplicaStatus connecting = running();
        connecting.ioRunning = false;
        connecting.ioState = "Connecting";
        connecting.lastIoErrno = 2003;
        connecting.lastIoError = "Can't connect to server on '127.0.0.1' (111)";
        m_model->applyReplicaStatus(0, connecting);
        m_banner->showAlert(alertEvent(0, ReplicationEvent::Kind::IoError, connecting.lastIoError, 2003));
        QCOMPARE(m_banner->shownEvent().kind, ReplicationEvent::Kind::ServerUnreachable);
        QCOMPARE(m_banner->shownEvent().serverIndex, 1);
        QVERIFY2(m_banner->text().contains("B is down"), qPrintable(m_banner->text()));
        // the IO error is listed under it as its consequence, not counted as another condition
        QVERIFY2(m_banner->text().contains("2003"), qPrintable(m_banner->text()));
        QVERIFY2(!m_banner->text().contains("more"), qPrintable(m_banner->text()));
        // no action that cannot help: starting A's IO thread while B is down
        QVERIFY(!m_banner->findChild<QPushButton*>("alertAction")->isVisible());
        QVERIFY(m_banner->findChild<QPushButton*>("alertStartServer")->isVisible());
        QSignalSpy start(m_banner, &AlertBanner::startServerRequested);
        QTest::mouseClick(m_banner->findChild<QPushButton*>("alertStartServer"), Qt::LeftButton);
        QCOMPARE(start.size(), 1);
        QCOMPARE(start.at(0).at(0).toInt(), 1);

        // B answers again; A's IO error (still reported) is shown on its own, with its action
        m_model->applyReplicaStatus(1, running(), 0.1);
        QCOMPARE(m_banner->shownEvent().kind, ReplicationEvent::Kind::IoError);
        QVERIFY(m_banner->findChild<QPushButton*>("alertAction")->isVisible());
    }

    void dataInDoubtStaysUntilAComparisonSaysEqual()
    {
        PairState s;
        s.markUnverified("skip", "an event was skipped on B");
        m_model->setPairState(s);
        QVERIFY(m_banner->isVisible());
        QCOMPARE(m_banner->shownEvent().kind, ReplicationEvent::Kind::DataInDoubt);
        QVERIFY(m_banner->findChild<QPushButton*>("alertCompare")->isVisible());
        QVERIFY(!m_banner->findChild<QPushButton*>("alertDismiss")->isVisible());
        // B's replication is healthy again: news of the moment never hides the doubt
        m_banner->showAlert(
            alertEvent(1, ReplicationEvent::Kind::Recovered, "replication on B is healthy again"));
        QCOMPARE(m_banner->shownEvent().kind, ReplicationEvent::Kind::DataInDoubt);
        s.markCompared(0, "1 table compared, all equal");
        m_model->setPairState(s);
        QVERIFY(m_banner->shownEvent().kind != ReplicationEvent::Kind::DataInDoubt);
    }

private:
    TopologyModel* m_model = nullptr;
    QWidget* m_window = nullptr;
    AlertBanner* m_banner = nullptr;
};

QTEST_MAIN(TestAlertBanner)
#include "tst_alertbanner.moc"
