#pragma once

#include <QGraphicsScene>

class QGraphicsSimpleTextItem;
class ReplicationArrow;
class ServerNode;
class TopologyModel;

/** The pair as a scene: two ServerNodes and one ReplicationArrow per direction, rebuilt from the
 *  TopologyModel's signals (the Tiled MapScene idea: the scene observes, the model owns). */
class TopologyScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit TopologyScene(TopologyModel* model, QObject* parent = nullptr);
    ~TopologyScene() override;

    TopologyModel* model() const { return m_model; }
    ServerNode* node(int index) const { return m_nodes[index]; }
    ReplicationArrow* arrow(int direction) const { return m_arrows[direction]; }
    /** The selected server, or -1. */
    int selectedServer() const;
    void selectServer(int index);
    /** The line under the servers that says the data may differ (hidden while they are not in doubt). */
    QGraphicsSimpleTextItem* agreementBadge() const { return m_agreement; }
    /** The rectangle the view keeps in sight. */
    QRectF contentRect() const;

Q_SIGNALS:
    void serverSelected(int index);

private:
    void rebuild();
    void refreshAgreement();

    TopologyModel* m_model;
    ServerNode* m_nodes[2] = { nullptr, nullptr };
    ReplicationArrow* m_arrows[2] = { nullptr, nullptr };
    QGraphicsSimpleTextItem* m_placeholder = nullptr;
    QGraphicsSimpleTextItem* m_agreement = nullptr;
};
