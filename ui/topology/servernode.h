#pragma once

#include <QCoreApplication>
#include <QGraphicsItem>

class ReplicationArrow;
class TopologyModel;

/** A server of the pair on the canvas: name, host:port, flavor and version, server-id, read-only state.
 *  It draws what the TopologyModel says about server @c index and keeps no state of its own. */
class ServerNode : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(ServerNode)
public:
    enum { Type = UserType + 1 };

    ServerNode(const TopologyModel* model, int index);

    int type() const override { return Type; }
    int index() const { return m_index; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    void addArrow(ReplicationArrow* arrow);
    /** Re-reads the model: repaints and renews the tooltip. */
    void refresh();
    /** The hover text: every detail the model knows about the server. */
    QString detailText() const;
    /** The role badge drawn on the node: "WRITER" on the server that takes the application's writes,
     *  "READER" on the read-only one, with "!" when the pair has two writers or none; empty in two-writer
     *  mode. Text, so that the role does not rest on a colour. */
    QString roleBadge() const;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    const TopologyModel* m_model;
    int m_index;
    QList<ReplicationArrow*> m_arrows;
};
