#include "topology/topologyview.h"

#include "monitor/topologymodel.h"
#include "topology/replicationarrow.h"
#include "topology/servernode.h"
#include "topology/topologyscene.h"

#include <QContextMenuEvent>
#include <QMenu>

TopologyView::TopologyView(TopologyModel* model, QWidget* parent)
    : QGraphicsView(parent)
    , m_scene(new TopologyScene(model, this))
{
    setObjectName(QStringLiteral("topologyView"));
    setAccessibleName(tr("Replication topology"));
    setScene(m_scene);
    m_scene->setPalette(palette());
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 200);
    setToolTip(QString());
    setWhatsThis(
        tr("Arrows show each replication direction: green running, amber lagging, red stopped or failed, "
           "grey unknown. Use the Left and Right keys to select a server, the Menu key for its actions."));
    connect(m_scene, &TopologyScene::serverSelected, this, &TopologyView::serverSelected);
    connect(model, &TopologyModel::modelReset, this, &TopologyView::fit);
}

int TopologyView::selectedServer() const
{
    return m_scene->selectedServer();
}

void TopologyView::selectServer(int index)
{
    m_scene->selectServer(index);
}

void TopologyView::fit()
{
    const QRectF r = m_scene->contentRect();
    m_scene->setSceneRect(r);
    fitInView(r, Qt::KeepAspectRatio);
}

void TopologyView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    fit();
}

void TopologyView::showEvent(QShowEvent* event)
{
    QGraphicsView::showEvent(event);
    fit();
}

void TopologyView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        m_scene->setPalette(palette());
    QGraphicsView::changeEvent(event);
}

void TopologyView::contextMenuEvent(QContextMenuEvent* event)
{
    int index = -1;
    if (event->reason() == QContextMenuEvent::Mouse) {
        for (QGraphicsItem* item : items(event->pos())) {
            if (item->type() == ServerNode::Type) {
                index = static_cast<ServerNode*>(item)->index();
                break;
            }
            if (item->type() == ReplicationArrow::Type) {
                // an arrow's actions are those of its replica: the server that applies what it carries
                index = 1 - static_cast<ReplicationArrow*>(item)->direction();
                break;
            }
        }
    } else {
        index = selectedServer();
    }
    if (index < 0)
        return;
    selectServer(index);
    QPoint where = event->globalPos();
    if (event->reason() != QContextMenuEvent::Mouse)
        where = viewport()->mapToGlobal(mapFromScene(m_scene->node(index)->scenePos()));
    createContextMenu(index)->popup(where);
}

QMenu* TopologyView::createContextMenu(int index)
{
    const QString name = m_scene->model()->server(index).name;
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("topologyMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    auto add = [this, menu](const char* objectName, const QString& text, auto slot) {
        QAction* a = menu->addAction(text, this, slot);
        a->setObjectName(QLatin1String(objectName));
        return a;
    };
    add("actionInspectServer", tr("&Inspect %1").arg(name),
        [this, index] { Q_EMIT inspectRequested(index); });
    menu->addSeparator();
    add("actionStartReplica", tr("&Start replication on %1").arg(name),
        [this, index] { Q_EMIT startReplicaRequested(index); });
    add("actionStopReplica", tr("S&top replication on %1").arg(name),
        [this, index] { Q_EMIT stopReplicaRequested(index); });
    QAction* skip = add("actionShowFailingEvent", tr("Show the &Failing Event on %1…").arg(name),
        [this, index] { Q_EMIT skipEventRequested(index); });
    skip->setEnabled(m_scene->model()->link(TopologyModel::directionInto(index)).status.lastSqlErrno != 0);
    add("actionCompareData", tr("&Compare Data of Both Servers…"), [this] { Q_EMIT compareRequested(); });
    add("actionMoveWrites", tr("&Move Writes to %1…").arg(name),
        [this, index] { Q_EMIT moveWritesRequested(index); });
    add("actionRebuild", tr("&Rebuild %1 from %2…").arg(name, m_scene->model()->server(1 - index).name),
        [this, index] { Q_EMIT rebuildRequested(index); });
    menu->addSeparator();
    add("actionConfigFootprint", tr("Show the &Configuration RepliPair Wrote on %1…").arg(name),
        [this, index] { Q_EMIT configFootprintRequested(index); });
    return menu;
}

void TopologyView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        selectServer(0);
        return;
    case Qt::Key_Right:
        selectServer(1);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (selectedServer() >= 0)
            Q_EMIT inspectRequested(selectedServer());
        return;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}
