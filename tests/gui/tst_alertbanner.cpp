// The alert banner shows the most severe condition that is still true, with its actions, until it clears.
#include "monitor/alertbanner.h"
#include "monitor/topologymodel.h"

#include <QPushButton>
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

private:
    TopologyModel* m_model = nullptr;
    QWidget* m_window = nullptr;
    AlertBanner* m_banner = nullptr;
};

QTEST_MAIN(TestAlertBanner)
#include "tst_alertbanner.moc"
