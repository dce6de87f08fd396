#pragma once

#include "monitor/topologymodel.h"

#include <QCoreApplication>
#include <QGraphicsItem>

class ServerNode;

/** One replication direction on the canvas, from source node to replica node, coloured by its state
 *  with the lag on it. Follows its nodes when they move (ServerNode::itemChange calls updatePosition). */
class ReplicationArrow : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(ReplicationArrow)
public:
    enum { Type = UserType + 2 };

    ReplicationArrow(const TopologyModel* model, int direction, ServerNode* source, ServerNode* replica);

    int type() const override { return Type; }
    int direction() const { return m_direction; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    /** Recomputes the line between the two nodes. */
    void updatePosition();
    /** Re-reads the model: colour, label and tooltip. */
    void refresh();

    TopologyModel::LinkState state() const;
    QColor color() const { return stateColor(state()); }
    /** The text drawn on the arrow: state and lag. */
    QString labelText() const;
    /** The lock badge drawn in the label: "verified" (closed lock), "encrypted" (open lock), "clear" or
     *  empty (none) — ReplicaStatus::tlsId of the direction. */
    QString tlsBadge() const;
    /** The hover text: thread states, lag and the server's own error text. */
    QString detailText() const;

    static QColor stateColor(TopologyModel::LinkState state);
    static QString formatLag(double seconds);

private:
    QRectF labelRect() const;

    const TopologyModel* m_model;
    int m_direction;
    ServerNode* m_source;
    ServerNode* m_replica;
    QLineF m_line;
};
