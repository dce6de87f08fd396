// The canvas follows the engine's status: arrows and nodes change with inspections and monitor samples.
#include "gui/guidriver.h"
#include "monitor/topologymodel.h"
#include "topology/inspectionpanel.h"
#include "topology/replicationarrow.h"
#include "topology/servernode.h"
#include "topology/topologyscene.h"
#include "topology/topologyview.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

namespace {
PairProfile pair()
{
    PairProfile p;
    p.name = "orders";
    p.servers[0].name = "A";
    p.servers[0].host = "10.0.0.1";
    p.servers[1].name = "B";
    p.servers[1].host = "10.0.0.2";
    p.servers[1].port = 3307;
    return p;
}

ServerInspection inspection(const QString& name, qint64 id)
{
    ServerInspection i;
    i.server = name;
    i.reachable = true;
    i.versionString = "10.11.6-MariaDB";
    i.version = ServerVersion::parse(i.versionString);
    i.serverId = id;
    i.logBin = true;
    i.binlogFormat = "ROW";
    i.replica.configured = true;
    i.replica.ioState = "Yes";
    i.replica.ioRunning = true;
    i.replica.sqlRunning = true;
    i.replica.secondsBehind = 0;
    return i;
}
} // namespace

class TestTopologyView : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_model = new TopologyModel;
        m_view = new TopologyView(m_model);
        m_view->resize(900, 500);
        m_model->setProfile(pair());
    }
    void cleanup()
    {
        delete m_view;
        delete m_model;
    }

    void itemsHaveTheirOwnTypes()
    {
        TopologyScene* scene = m_view->topologyScene();
        QCOMPARE(scene->node(0)->type(), int(QGraphicsItem::UserType + 1));
        QCOMPARE(scene->arrow(0)->type(), int(QGraphicsItem::UserType + 2));
        QCOMPARE(scene->arrow(0)->state(), TopologyModel::LinkState::Unknown);
        QVERIFY(scene->node(1)->detailText().contains("10.0.0.2:3307"));
    }

    void stoppedSqlThreadWithErrorIsRedWithTheErrorText()
    {
        ServerInspection b = inspection("B", 2);
        b.replica.sqlRunning = false;
        b.replica.lastSqlErrno = 1062;
        b.replica.lastSqlError
            = "Could not execute Write_rows_v1 event on table test.t; Duplicate entry '7' for key 'PRIMARY'";
        m_model->applyInspection(0, inspection("A", 1));
        m_model->applyInspection(1, b);
        ReplicationArrow* aToB = m_view->topologyScene()->arrow(0);
        QCOMPARE(aToB->state(), TopologyModel::LinkState::Error);
        QCOMPARE(aToB->color(), QColor(0xd9, 0x30, 0x25));
        QVERIFY2(
            aToB->toolTip().contains("Duplicate entry '7' for key 'PRIMARY'"), qPrintable(aToB->toolTip()));
        QVERIFY(aToB->toolTip().contains("1062"));
        // the other direction is untouched and green
        ReplicationArrow* bToA = m_view->topologyScene()->arrow(1);
        QCOMPARE(bToA->state(), TopologyModel::LinkState::Running);
        QCOMPARE(bToA->color(), QColor(0x2e, 0x9d, 0x4a));
    }

    void stoppedSqlThreadWithoutErrorIsRed()
    {
        ServerInspection b = inspection("B", 2);
        b.replica.sqlRunning = false;
        m_model->applyInspection(1, b);
        ReplicationArrow* aToB = m_view->topologyScene()->arrow(0);
        QCOMPARE(aToB->state(), TopologyModel::LinkState::Stopped);
        QCOMPARE(aToB->color(), ReplicationArrow::stateColor(TopologyModel::LinkState::Error));
        QVERIFY(aToB->toolTip().contains("SQL thread: no"));
        // the IO thread's state reads like the SQL thread's ("yes", not the server's "Yes")
        QVERIFY2(aToB->toolTip().contains("IO thread: yes"), qPrintable(aToB->toolTip()));
    }

    void monitorSamplesDriveTheArrowsAndShowTheLag()
    {
        StatusSample s;
        s.time = QDateTime::currentDateTimeUtc();
        s.serverIndex = 0; // A replicates from B: direction 1
        s.server = "A";
        s.reachable = true;
        s.replica.configured = true;
        s.replica.ioRunning = s.replica.sqlRunning = true;
        s.replica.ioState = "Yes";
        s.replica.secondsBehind = 0;
        s.heartbeatLag = 0.42;
        m_model->applySample(s);
        ReplicationArrow* bToA = m_view->topologyScene()->arrow(1);
        QCOMPARE(bToA->state(), TopologyModel::LinkState::Running);
        QVERIFY2(bToA->labelText().contains("0.42 s"), qPrintable(bToA->labelText()));
        QVERIFY(bToA->toolTip().contains("Heartbeat lag: 0.42 s"));

        m_model->setLagThreshold(5);
        s.heartbeatLag = 7.5;
        s.replica.secondsBehind = 7;
        m_model->applySample(s);
        QCOMPARE(bToA->state(), TopologyModel::LinkState::Lagging);
        QCOMPARE(bToA->color(), QColor(0xe6, 0xa1, 0x00));
        QVERIFY(bToA->labelText().contains("7.5 s"));

        s.replica.sqlRunning = false;
        s.replica.lastSqlErrno = 1146;
        s.replica.lastSqlError = "Table 'test.gone' doesn't exist";
        m_model->applySample(s);
        QCOMPARE(bToA->state(), TopologyModel::LinkState::Error);
        QVERIFY(bToA->toolTip().contains("Table 'test.gone' doesn't exist"));

        s.reachable = false;
        s.unreachableReason = "Can't connect to server on '10.0.0.1' (115)";
        m_model->applySample(s);
        QCOMPARE(bToA->state(), TopologyModel::LinkState::Unknown);
        QVERIFY(m_view->topologyScene()->node(0)->toolTip().contains("(115)"));
        QVERIFY(bToA->toolTip().contains("(115)"));
    }

    void nodeShowsWhatTheServerIs()
    {
        ServerInspection a = inspection("A", 11);
        a.readOnly = true;
        m_model->applyInspection(0, a);
        const QString text = m_view->topologyScene()->node(0)->detailText();
        QVERIFY2(text.contains("MariaDB 10.11.6"), qPrintable(text));
        QVERIFY(text.contains("server_id: 11"));
        QVERIFY(text.contains("read-only"));
    }

    void arrowFollowsItsNode()
    {
        m_model->applyInspection(0, inspection("A", 1));
        ReplicationArrow* arrow = m_view->topologyScene()->arrow(0);
        const QRectF before = arrow->boundingRect();
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
        // the user drags B's node 150 pixels down
        ServerNode* b = m_view->topologyScene()->node(1);
        const QPointF nodeBefore = b->scenePos();
        const QPoint from = m_view->mapFromScene(nodeBefore);
        const QPoint to = from + QPoint(0, 150);
        QWidget* viewport = m_view->viewport();
        QTest::mousePress(viewport, Qt::LeftButton, {}, from);
        for (int step = 1; step <= 10; ++step)
            QTest::mouseMove(viewport, from + (to - from) * step / 10);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
        const qreal moved = b->scenePos().y() - nodeBefore.y();
        QVERIFY2(moved > 100 / m_view->transform().m22(), qPrintable(QString::number(moved)));
        // the arrow follows
        QVERIFY(arrow->boundingRect() != before);
        QVERIFY2(arrow->boundingRect().bottom() > before.bottom() + moved / 2,
            qPrintable(QString("%1 -> %2").arg(before.bottom()).arg(arrow->boundingRect().bottom())));
    }

    void clickSelectsAServerAndThePanelShowsIt()
    {
        InspectionPanel panel(m_model);
        connect(m_view, &TopologyView::serverSelected, &panel, &InspectionPanel::setServer);
        m_model->applyInspection(1, inspection("B", 2));
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
        QSignalSpy selected(m_view, &TopologyView::serverSelected);
        const QPoint where = m_view->mapFromScene(m_view->topologyScene()->node(1)->scenePos());
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, where);
        QTRY_VERIFY(!selected.isEmpty());
        QCOMPARE(selected.last().at(0).toInt(), 1);
        QCOMPARE(panel.server(), 1);
        auto* tree = panel.findChild<QTreeWidget*>("inspectionTree");
        QVERIFY(!tree->findItems("server_id", Qt::MatchRecursive).isEmpty());

        // keyboard: Left selects A
        m_view->setFocus();
        QTest::keyClick(m_view, Qt::Key_Left);
        QCOMPARE(m_view->selectedServer(), 0);
    }

    void thePanelFollowsTheMonitor()
    {
        InspectionPanel panel(m_model);
        connect(m_view, &TopologyView::serverSelected, &panel, &InspectionPanel::setServer);
        m_model->applyInspection(1, inspection("B", 2));
        panel.setInspectedAt(1, QDateTime::currentDateTime());
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
        const QPoint where = m_view->mapFromScene(m_view->topologyScene()->node(1)->scenePos());
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, where);
        QCOMPARE(panel.server(), 1);
        auto* tree = panel.findChild<QTreeWidget*>("inspectionTree");
        auto value = [tree](const QString& property) {
            const auto items = tree->findItems(property, Qt::MatchExactly | Qt::MatchRecursive);
            return items.isEmpty() ? QString() : items.first()->text(1);
        };
        QCOMPARE(value("SQL thread"), QString("yes"));
        QCOMPARE(value("IO thread"), QString("yes")); // one way of saying it for both threads
        QCOMPARE(value("Seconds behind"), QString("0"));
        QVERIFY(!tree->findItems("Last inspection", Qt::MatchStartsWith | Qt::MatchRecursive).isEmpty());

        // the monitor sees B's SQL thread stop on an error: the panel says so at once
        ReplicaStatus broken = inspection("B", 2).replica;
        broken.sqlRunning = false;
        broken.secondsBehind.reset();
        broken.lastSqlErrno = 1062;
        broken.lastSqlError = "Duplicate entry '7' for key 'PRIMARY'";
        m_model->applyReplicaStatus(1, broken);
        QCOMPARE(value("SQL thread"), QString("no"));
        QVERIFY(value("Seconds behind").startsWith("NULL")); // a stopped SQL thread is not 0 s behind
        QVERIFY(value("Last SQL error").contains("1062"));
        QVERIFY(!tree->findItems("Replication now", Qt::MatchStartsWith | Qt::MatchRecursive).isEmpty());

        // and recovers: the old error goes with it
        m_model->applyReplicaStatus(1, inspection("B", 2).replica, 0.25);
        QCOMPARE(value("SQL thread"), QString("yes"));
        QVERIFY(value("Last SQL error").isEmpty());
        QCOMPARE(value("Heartbeat lag"), QString("0.25 s"));

        // unreachable: said, with the client's reason
        m_model->setServerReachable(1, false, "Can't connect to server (111)");
        QVERIFY(value("Reachable").contains("(111)"));
    }

    /** A single-writer pair (B writes): the writer's node wears a WRITER badge, the other READER, in words;
     *  the panel says the role of the server clicked; both writable turns both badges into a warning. */
    void theWriterWearsABadgeAndThePanelSaysIt()
    {
        PairProfile p = pair();
        p.writer = 1;
        m_model->setProfile(p);
        InspectionPanel panel(m_model);
        connect(m_view, &TopologyView::serverSelected, &panel, &InspectionPanel::setServer);
        auto sample = [this](int index, bool readOnly) {
            StatusSample s;
            s.time = QDateTime::currentDateTimeUtc();
            s.serverIndex = index;
            s.server = index == 0 ? "A" : "B";
            s.reachable = true;
            s.readOnly = readOnly;
            s.replica.configured = true;
            s.replica.ioRunning = s.replica.sqlRunning = true;
            s.replica.ioState = "Yes";
            s.replica.secondsBehind = 0;
            m_model->applySample(s);
        };
        sample(0, true);
        sample(1, false);
        ServerNode* a = m_view->topologyScene()->node(0);
        ServerNode* b = m_view->topologyScene()->node(1);
        QCOMPARE(b->roleBadge(), QString("WRITER"));
        QCOMPARE(a->roleBadge(), QString("READER"));
        QVERIFY2(b->toolTip().contains("Writer: takes the application's writes"), qPrintable(b->toolTip()));
        QVERIFY(a->toolTip().contains("Reader: read-only"));

        // the user clicks B, then A: the panel names the role
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
        auto* tree = panel.findChild<QTreeWidget*>("inspectionTree");
        auto value = [tree](const QString& property) {
            const auto items = tree->findItems(property, Qt::MatchExactly | Qt::MatchRecursive);
            return items.isEmpty() ? QString() : items.first()->text(1);
        };
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, m_view->mapFromScene(b->scenePos()));
        QCOMPARE(panel.server(), 1);
        QVERIFY2(value("Role").startsWith("writer"), qPrintable(value("Role")));
        QVERIFY(value("Writer role problem").isEmpty());
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, m_view->mapFromScene(a->scenePos()));
        QCOMPARE(panel.server(), 0);
        QVERIFY2(value("Role").startsWith("reader: read-only"), qPrintable(value("Role")));

        // A is made writable by hand: two writers, said on both nodes and in the panel
        sample(0, false);
        QCOMPARE(b->roleBadge(), QString("WRITER !"));
        QCOMPARE(a->roleBadge(), QString("READER !"));
        QVERIFY2(value("Writer role problem").contains("both servers accept writes"),
            qPrintable(value("Writer role problem")));
        QVERIFY(b->toolTip().contains("SET GLOBAL read_only = ON on A"));
        sample(0, true);
        QCOMPARE(a->roleBadge(), QString("READER"));
        QVERIFY(value("Writer role problem").isEmpty());

        // B holds a transaction of A's that A lacks (the monitor's ErrantWatch): the node says which
        {
            StatusSample s;
            s.time = QDateTime::currentDateTimeUtc();
            s.serverIndex = 1;
            s.server = "B";
            s.reachable = true;
            s.gtidState = "0-1-12,0-2-40";
            s.errantGtids = QStringList { "0-1-12" };
            m_model->applySample(s);
            QVERIFY2(
                b->toolTip().contains("Errant transactions: holds transactions that started on A and that A "
                                      "lacks (GTID): 0-1-12"),
                qPrintable(b->toolTip()));
            s.errantGtids.clear();
            m_model->applySample(s);
            QVERIFY(!b->toolTip().contains("Errant"));
        }

        // two writers wanted: no badge at all
        m_model->setProfile(pair());
        QVERIFY(a->roleBadge().isEmpty());
        QVERIFY(b->roleBadge().isEmpty());
    }

    void theContextMenuNamesItsActions()
    {
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
        // a right-click on B's node shows B's menu
        QMenu* menu = GuiDriver::rightClickServer(m_view, 1);
        QVERIFY(menu);
        QCOMPARE(m_view->selectedServer(), 1);
        for (const char* name : { "actionInspectServer", "actionStartReplica", "actionStopReplica",
                 "actionShowFailingEvent", "actionCompareData", "actionConfigFootprint" })
            QVERIFY2(menu->findChild<QAction*>(name), name);
        QVERIFY(menu->findChild<QAction*>("actionStopReplica")->text().contains("B"));
        // nothing to show while the SQL thread has no error
        QVERIFY(!menu->findChild<QAction*>("actionShowFailingEvent")->isEnabled());
        QSignalSpy compare(m_view, &TopologyView::compareRequested);
        QSignalSpy stop(m_view, &TopologyView::stopReplicaRequested);
        QVERIFY(GuiDriver::clickMenuItem(menu, "actionCompareData"));
        QCOMPARE(compare.size(), 1);
        QTRY_VERIFY(!QApplication::activePopupWidget()); // the click closed it

        // A's menu acts on A
        QVERIFY(GuiDriver::chooseFromServerMenu(m_view, 0, "actionStopReplica"));
        QCOMPARE(stop.size(), 1);
        QCOMPARE(stop.at(0).at(0).toInt(), 0);

        // once B's SQL thread has failed, B's menu offers its failing event
        ServerInspection b = inspection("B", 2);
        b.replica.sqlRunning = false;
        b.replica.lastSqlErrno = 1062;
        m_model->applyInspection(1, b);
        QSignalSpy skip(m_view, &TopologyView::skipEventRequested);
        QVERIFY(GuiDriver::chooseFromServerMenu(m_view, 1, "actionShowFailingEvent"));
        QCOMPARE(skip.size(), 1);
        QCOMPARE(skip.at(0).at(0).toInt(), 1);
    }

    void theMenuKeyOpensTheSelectedServersMenu()
    {
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
        m_view->setFocus();
        QTest::keyClick(m_view, Qt::Key_Right); // B
        // the Menu key: the platform makes a keyboard context menu event of it (offscreen does not, so the
        // test sends that event to the viewport, where the platform's would arrive)
        QContextMenuEvent menuKey(QContextMenuEvent::Keyboard, QPoint(), m_view->mapToGlobal(QPoint()));
        QApplication::sendEvent(m_view->viewport(), &menuKey);
        QMenu* menu = GuiDriver::shownMenu("topologyMenu");
        QVERIFY(menu);
        QVERIFY(menu->findChild<QAction*>("actionInspectServer")->text().contains("B"));
        QSignalSpy inspect(m_view, &TopologyView::inspectRequested);
        QVERIFY(GuiDriver::clickMenuItem(menu, "actionInspectServer"));
        QCOMPARE(inspect.size(), 1);
        QCOMPARE(inspect.at(0).at(0).toInt(), 1);
    }

    void contextMenuRequestsGoToTheWindow()
    {
        QSignalSpy inspect(m_view, &TopologyView::inspectRequested);
        m_view->show();
        m_view->setFocus();
        QTest::keyClick(m_view, Qt::Key_Left); // A
        QTest::keyClick(m_view, Qt::Key_Return);
        QCOMPARE(inspect.size(), 1);
        QCOMPARE(inspect.at(0).at(0).toInt(), 0);
    }

    void scalesWithTheWindow()
    {
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
        m_view->resize(600, 300);
        QTRY_COMPARE(m_view->size(), QSize(600, 300));
        const qreal small = m_view->transform().m11();
        m_view->resize(1600, 900);
        QTRY_VERIFY(m_view->transform().m11() > small * 1.5);
    }

private:
    TopologyModel* m_model = nullptr;
    TopologyView* m_view = nullptr;
};

QTEST_MAIN(TestTopologyView)
#include "tst_topologyview.moc"
