#include "topology/topologyview.h"

#include "monitor/topologymodel.h"
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
        for (QGraphicsItem* item : items(event->pos()))
            if (item->type() == ServerNode::Type) {
                index = static_cast<ServerNode*>(item)->index();
                break;
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
    showMenu(index, where);
}

void TopologyView::showMenu(int index, const QPoint& globalPos)
{
    const QString name = m_scene->model()->server(index).name;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("topologyMenu"));
    menu.addAction(tr("&Inspect %1").arg(name), this, [this, index] { Q_EMIT inspectRequested(index); });
    menu.addSeparator();
    menu.addAction(tr("&Start replication on %1").arg(name), this,
        [this, index] { Q_EMIT startReplicaRequested(index); });
    menu.addAction(
        tr("S&top replication on %1").arg(name), this, [this, index] { Q_EMIT stopReplicaRequested(index); });
    QAction* skip = menu.addAction(tr("Show the &Failing Event on %1…").arg(name), this,
        [this, index] { Q_EMIT skipEventRequested(index); });
    skip->setEnabled(m_scene->model()->link(TopologyModel::directionInto(index)).status.lastSqlErrno != 0);
    menu.addAction(tr("&Compare Data of Both Servers…"), this, [this] { Q_EMIT compareRequested(); });
    menu.addSeparator();
    menu.addAction(tr("Show config &diff for %1…").arg(name), this,
        [this, index] { Q_EMIT configDiffRequested(index); });
    menu.exec(globalPos);
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
