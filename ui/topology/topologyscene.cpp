#include "topology/topologyscene.h"

#include "monitor/topologymodel.h"
#include "topology/replicationarrow.h"
#include "topology/servernode.h"

#include <QFont>
#include <QGraphicsSimpleTextItem>
#include <QPalette>

TopologyScene::TopologyScene(TopologyModel* model, QObject* parent)
    : QGraphicsScene(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("topologyScene"));
    m_nodes[0] = new ServerNode(model, 0);
    m_nodes[1] = new ServerNode(model, 1);
    m_nodes[0]->setPos(-230, 0);
    m_nodes[1]->setPos(230, 0);
    addItem(m_nodes[0]);
    addItem(m_nodes[1]);
    m_arrows[0] = new ReplicationArrow(model, 0, m_nodes[0], m_nodes[1]);
    m_arrows[1] = new ReplicationArrow(model, 1, m_nodes[1], m_nodes[0]);
    addItem(m_arrows[0]);
    addItem(m_arrows[1]);

    m_placeholder = new QGraphicsSimpleTextItem;
    QFont f = m_placeholder->font();
    f.setPixelSize(18);
    m_placeholder->setFont(f);
    addItem(m_placeholder);
    m_agreement = new QGraphicsSimpleTextItem;
    m_agreement->setData(0, QStringLiteral("agreementBadge"));
    QFont bold = m_agreement->font();
    bold.setPixelSize(15);
    bold.setBold(true);
    m_agreement->setFont(bold);
    m_agreement->setBrush(QColor(0xb3, 0x6b, 0x00));
    m_agreement->setVisible(false);
    addItem(m_agreement);
    connect(model, &TopologyModel::pairStateChanged, this, &TopologyScene::refreshAgreement);

    connect(model, &TopologyModel::modelReset, this, &TopologyScene::rebuild);
    connect(model, &TopologyModel::serverChanged, this, [this](int index) {
        m_nodes[index]->refresh();
        // the writer badge warns when the other server is writable too (or neither is)
        m_nodes[1 - index]->refresh();
        // the arrows mention the servers' reachability too
        m_arrows[0]->refresh();
        m_arrows[1]->refresh();
    });
    connect(
        model, &TopologyModel::linkChanged, this, [this](int direction) { m_arrows[direction]->refresh(); });
    connect(
        this, &QGraphicsScene::selectionChanged, this, [this] { Q_EMIT serverSelected(selectedServer()); });
    rebuild();
}

TopologyScene::~TopologyScene()
{
    // removing the items changes the selection; nobody may hear of it (the model may be gone already)
    blockSignals(true);
}

void TopologyScene::rebuild()
{
    const bool pair = m_model->hasPair();
    for (int i = 0; i < 2; ++i) {
        m_nodes[i]->setVisible(pair);
        m_arrows[i]->setVisible(pair);
        m_nodes[i]->refresh();
        m_arrows[i]->refresh();
    }
    m_placeholder->setText(
        tr("No pair is open.\nCreate one with File ▸ New Pair… or open a saved pair on the left."));
    m_placeholder->setBrush(palette().color(QPalette::WindowText));
    m_placeholder->setPos(
        -m_placeholder->boundingRect().width() / 2, -m_placeholder->boundingRect().height() / 2);
    m_placeholder->setVisible(!pair);
    if (!pair)
        clearSelection();
    refreshAgreement();
}

void TopologyScene::refreshAgreement()
{
    // green arrows say replication runs, not that the data agree: a skip since the last comparison says so
    const PairState& state = m_model->pairState();
    const bool doubt = m_model->hasPair() && state.dataInDoubt();
    m_agreement->setVisible(doubt);
    if (!doubt)
        return;
    m_agreement->setText(state.agreement == PairState::Agreement::Differs
            ? tr("⚠ Data differs — repair the tables or rebuild a server, then compare again")
            : tr("⚠ Data unverified since %1 — compare the data")
                  .arg(state.agreementSince.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
    m_agreement->setToolTip(state.agreementLine());
    const QRectF nodes = m_nodes[0]->sceneBoundingRect().united(m_nodes[1]->sceneBoundingRect());
    m_agreement->setPos(-m_agreement->boundingRect().width() / 2, nodes.bottom() + 40);
}

int TopologyScene::selectedServer() const
{
    for (int i = 0; i < 2; ++i)
        if (m_nodes[i]->isSelected())
            return i;
    return -1;
}

void TopologyScene::selectServer(int index)
{
    if (index == selectedServer())
        return;
    clearSelection();
    if (index >= 0 && index < 2 && m_nodes[index]->isVisible()) {
        m_nodes[index]->setSelected(true);
        setFocusItem(m_nodes[index]);
    }
}

QRectF TopologyScene::contentRect() const
{
    if (!m_model->hasPair())
        return m_placeholder->sceneBoundingRect().adjusted(-40, -40, 40, 40);
    QRectF r = m_nodes[0]->sceneBoundingRect().united(m_nodes[1]->sceneBoundingRect());
    r = r.united(m_arrows[0]->sceneBoundingRect()).united(m_arrows[1]->sceneBoundingRect());
    if (m_agreement->isVisible())
        r = r.united(m_agreement->sceneBoundingRect());
    return r.adjusted(-30, -30, 30, 30);
}
