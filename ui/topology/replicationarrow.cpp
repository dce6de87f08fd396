#include "topology/replicationarrow.h"

#include "topology/servernode.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QtMath>

namespace {
constexpr qreal kOffset = 22; // distance of each direction's line from the centre line
constexpr qreal kHeadSize = 14;
constexpr int kLabelPixelSize = 14;
constexpr qreal kBadgeWidth = 16; // the lock drawn at the label's left

// A small padlock in @p box: the shackle closed (verified) or swung open (encrypted only).
void drawLock(QPainter* painter, const QRectF& box, const QColor& color, bool closed)
{
    const QRectF body(box.left() + 2, box.center().y() - 1, box.width() - 4, box.height() / 2);
    QPainterPath shackle;
    const qreal w = body.width() * 0.6, x = body.center().x() - w / 2 + (closed ? 0 : w * 0.6);
    shackle.moveTo(x, body.top());
    shackle.lineTo(x, body.top() - 3);
    shackle.arcTo(QRectF(x, body.top() - 3 - w / 2, w, w), 180, -180);
    if (closed)
        shackle.lineTo(x + w, body.top());
    painter->setPen(QPen(color, 1.6));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(shackle);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(body, 1.5, 1.5);
}

QFont labelFont()
{
    QFont f;
    f.setPixelSize(kLabelPixelSize);
    return f;
}

// Where the segment from inside @p rect to @p outside leaves the rectangle.
QPointF exitPoint(const QRectF& rect, const QPointF& inside, const QPointF& outside)
{
    const QLineF ray(inside, outside);
    const QLineF edges[] = { { rect.topLeft(), rect.topRight() }, { rect.topRight(), rect.bottomRight() },
        { rect.bottomRight(), rect.bottomLeft() }, { rect.bottomLeft(), rect.topLeft() } };
    for (const QLineF& edge : edges) {
        QPointF p;
        if (ray.intersects(edge, &p) == QLineF::BoundedIntersection)
            return p;
    }
    return inside;
}
} // namespace

ReplicationArrow::ReplicationArrow(
    const TopologyModel* model, int direction, ServerNode* source, ServerNode* replica)
    : m_model(model)
    , m_direction(direction)
    , m_source(source)
    , m_replica(replica)
{
    setZValue(-1);
    setAcceptHoverEvents(true);
    source->addArrow(this);
    replica->addArrow(this);
    updatePosition();
    refresh();
}

TopologyModel::LinkState ReplicationArrow::state() const
{
    return m_model->link(m_direction).state;
}

QColor ReplicationArrow::stateColor(TopologyModel::LinkState state)
{
    switch (state) {
    case TopologyModel::LinkState::Running:
        return QColor(0x2e, 0x9d, 0x4a); // green
    case TopologyModel::LinkState::Lagging:
        return QColor(0xe6, 0xa1, 0x00); // amber
    case TopologyModel::LinkState::Stopped:
    case TopologyModel::LinkState::Error:
        return QColor(0xd9, 0x30, 0x25); // red
    case TopologyModel::LinkState::Unknown:
        break;
    }
    return QColor(0x8a, 0x8a, 0x8a); // grey, readable on light and dark
}

QString ReplicationArrow::formatLag(double seconds)
{
    if (seconds < 10)
        return tr("%1 s").arg(seconds, 0, 'f', seconds < 1 ? 2 : 1);
    if (seconds < 3600)
        return tr("%1 s").arg(qRound64(seconds));
    return tr("%1 h %2 min").arg(qint64(seconds) / 3600).arg((qint64(seconds) % 3600) / 60);
}

QString ReplicationArrow::labelText() const
{
    const TopologyModel::Link& l = m_model->link(m_direction);
    QString text = TopologyModel::stateName(l.state);
    if (const auto lag = l.lag();
        lag && (l.state == TopologyModel::LinkState::Running || l.state == TopologyModel::LinkState::Lagging))
        text = tr("%1 · lag %2").arg(text, formatLag(*lag));
    return text;
}

QString ReplicationArrow::tlsBadge() const
{
    return m_model->link(m_direction).status.tlsId();
}

QString ReplicationArrow::detailText() const
{
    const TopologyModel::Link& l = m_model->link(m_direction);
    const TopologyModel::Server& src = m_model->server(l.source);
    const TopologyModel::Server& rep = m_model->server(l.replica);
    QStringList lines;
    lines << tr("%1 → %2: %3").arg(src.name, rep.name, TopologyModel::stateName(l.state));
    if (!rep.reachable && rep.known)
        lines << tr("%1 does not answer: %2").arg(rep.name, rep.error);
    else if (!l.status.configured)
        lines << tr("%1 does not replicate from %2 (no replica configured)").arg(rep.name, src.name);
    if (l.status.configured) {
        lines << tr("IO thread: %1").arg(l.status.ioThreadText());
        lines << tr("SQL thread: %1").arg(l.status.sqlThreadText());
        if (!l.status.sqlState.isEmpty())
            lines << tr("SQL thread state: %1").arg(l.status.sqlState);
        lines << tr("Seconds behind: %1")
                     .arg(l.status.secondsBehind ? formatLag(double(*l.status.secondsBehind)) : tr("NULL"));
        if (l.heartbeatLag)
            lines << tr("Heartbeat lag: %1").arg(formatLag(*l.heartbeatLag));
        lines << tr("Not yet executed: %1 bytes").arg(l.status.backlogBytes());
        if (!l.status.tlsText().isEmpty())
            lines << tr("TLS: %1").arg(l.status.tlsText());
    }
    const QString errors = l.errorText();
    if (!errors.isEmpty())
        lines << errors;
    if (l.updated.isValid())
        lines << tr("Updated %1").arg(l.updated.toString(QStringLiteral("HH:mm:ss")));
    return lines.join(QLatin1Char('\n'));
}

void ReplicationArrow::refresh()
{
    prepareGeometryChange();
    setToolTip(detailText());
    update();
}

void ReplicationArrow::updatePosition()
{
    prepareGeometryChange();
    const QPointF a = m_source->scenePos();
    const QPointF b = m_replica->scenePos();
    QLineF centre(a, b);
    if (centre.length() < 1) {
        m_line = QLineF();
        return;
    }
    // each direction runs parallel to the centre line, on the left of its own travel: the two never overlap
    const QLineF normal = centre.normalVector().unitVector();
    const QPointF shift = QPointF(normal.dx(), normal.dy()) * kOffset;
    const QPointF from = a + shift;
    const QPointF to = b + shift;
    const QRectF srcRect = m_source->sceneBoundingRect().adjusted(2, 2, -2, -2);
    const QRectF repRect = m_replica->sceneBoundingRect().adjusted(2, 2, -2, -2);
    m_line = QLineF(exitPoint(srcRect, from, to), exitPoint(repRect, to, from));
}

QRectF ReplicationArrow::labelRect() const
{
    if (m_line.length() < 1)
        return {};
    const QFontMetricsF fm(labelFont());
    const QString text = labelText();
    const bool badge = tlsBadge() == QLatin1String("verified") || tlsBadge() == QLatin1String("encrypted");
    const qreal w = fm.horizontalAdvance(text) + 16 + (badge ? kBadgeWidth : 0);
    const qreal h = fm.height() + 6;
    // the label sits on the outer side of the line, away from the other direction
    const QLineF normal = m_line.normalVector().unitVector();
    const QPointF mid = m_line.center() + QPointF(normal.dx(), normal.dy()) * (h / 2 + 8);
    return QRectF(mid.x() - w / 2, mid.y() - h / 2, w, h);
}

QRectF ReplicationArrow::boundingRect() const
{
    const qreal pad = kHeadSize + 4;
    return QRectF(m_line.p1(), m_line.p2())
        .normalized()
        .adjusted(-pad, -pad, pad, pad)
        .united(labelRect().adjusted(-2, -2, 2, 2));
}

QPainterPath ReplicationArrow::shape() const
{
    QPainterPath path;
    path.moveTo(m_line.p1());
    path.lineTo(m_line.p2());
    QPainterPathStroker stroker;
    stroker.setWidth(kHeadSize);
    QPainterPath s = stroker.createStroke(path);
    s.addRect(labelRect());
    return s;
}

void ReplicationArrow::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (m_line.isNull())
        return;
    const QPalette pal = scene() ? scene()->palette() : QPalette();
    const TopologyModel::LinkState st = state();
    const QColor c = stateColor(st);
    painter->setRenderHint(QPainter::Antialiasing);

    const Qt::PenStyle style
        = (st == TopologyModel::LinkState::Stopped || st == TopologyModel::LinkState::Unknown)
        ? Qt::DashLine
        : Qt::SolidLine;
    QPen pen(c, st == TopologyModel::LinkState::Error ? 4 : 3, style, Qt::RoundCap, Qt::RoundJoin);
    const QLineF unit = m_line.unitVector();
    const QPointF dir(unit.dx(), unit.dy());
    const QPointF tip = m_line.p2();
    const QPointF base = tip - dir * kHeadSize;
    painter->setPen(pen);
    painter->drawLine(m_line.p1(), base);

    const QPointF n(-dir.y(), dir.x());
    QPolygonF head;
    head << tip << base + n * (kHeadSize * 0.5) << base - n * (kHeadSize * 0.5);
    painter->setPen(Qt::NoPen);
    painter->setBrush(c);
    painter->drawPolygon(head);

    const QRectF r = labelRect();
    painter->setPen(QPen(c, 1.5));
    painter->setBrush(pal.color(QPalette::Window));
    painter->drawRoundedRect(r, r.height() / 2, r.height() / 2);
    painter->setFont(labelFont());
    const QString badge = tlsBadge();
    QRectF textRect = r;
    if (badge == QLatin1String("verified") || badge == QLatin1String("encrypted")) {
        const QRectF box(r.left() + 8, r.top() + 3, kBadgeWidth - 4, r.height() - 6);
        drawLock(painter, box, pal.color(QPalette::WindowText), badge == QLatin1String("verified"));
        textRect.setLeft(r.left() + kBadgeWidth);
    }
    painter->setPen(pal.color(QPalette::WindowText));
    painter->drawText(textRect, Qt::AlignCenter, labelText());
}
