#include "topology/servernode.h"

#include <QLocale>

#include "monitor/topologymodel.h"
#include "topology/replicationarrow.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace {
const QRectF kNodeRect(-120, -70, 240, 140);
} // namespace

ServerNode::ServerNode(const TopologyModel* model, int index)
    : m_model(model)
    , m_index(index)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemIsFocusable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    refresh();
}

QRectF ServerNode::boundingRect() const
{
    return kNodeRect.adjusted(-3, -3, 3, 3);
}

void ServerNode::addArrow(ReplicationArrow* arrow)
{
    m_arrows << arrow;
}

void ServerNode::refresh()
{
    setToolTip(detailText());
    update();
}

QString ServerNode::roleBadge() const
{
    if (!m_model->fencedReason(m_index).isEmpty())
        return tr("FENCED", "role badge of a server left behind by a forced failover");
    const int writer = m_model->writerIndex();
    if (writer < 0)
        return {};
    const bool problem = m_model->writerVerdict() != WriterCheck::Verdict::Fine;
    const QString role = writer == m_index ? tr("WRITER") : tr("READER");
    return problem ? tr("%1 !", "role badge of a pair with two writers or none").arg(role) : role;
}

QString ServerNode::detailText() const
{
    const TopologyModel::Server& s = m_model->server(m_index);
    QStringList lines;
    lines << tr("Server %1 (%2)").arg(s.name, s.endpoint);
    const int writer = m_model->writerIndex();
    if (writer >= 0)
        lines << (writer == m_index ? tr("Writer: takes the application's writes")
                                    : tr("Reader: read-only, replication applies here"));
    if (const WriterCheck::Verdict v = m_model->writerVerdict(); v != WriterCheck::Verdict::Fine)
        lines << WriterCheck::problem(v, m_model->server(writer).name, m_model->server(1 - writer).name);
    if (const QString fenced = m_model->fencedReason(m_index); !fenced.isEmpty()) {
        const QString peer = m_model->server(1 - m_index).name;
        lines << tr("Fenced (stale) since %1: %2")
                     .arg(QLocale().toString(m_model->fencedSince().toLocalTime(), QLocale::ShortFormat),
                         fenced);
        lines << tr(
            "Way back: rejoin it (replipair-cli rejoin PROFILE --server %1) when it holds no transaction "
            "%2 lacks — the rejoin checks that first — else rebuild it from %2")
                     .arg(s.name, peer);
        if (s.gtidKnown && s.reachable)
            lines << (s.notOnPeer.isEmpty()
                    ? tr("Holds no transaction of its own that %1 lacks (GTID)").arg(peer)
                    : tr("Holds transactions of its own that %1 lacks (GTID): %2")
                          .arg(peer, s.notOnPeer.join(QStringLiteral(", "))));
    }
    if (!s.errantGtids.isEmpty())
        lines << tr(
            "Errant transactions: holds transactions that started on %1 and that %1 lacks (GTID): %2 — "
            "compare the data, then apply them on %1 or rebuild %3 from %1")
                     .arg(
                         m_model->server(1 - m_index).name, s.errantGtids.join(QStringLiteral(", ")), s.name);
    if (!s.known)
        lines << tr("Not inspected yet");
    else if (!s.reachable)
        lines << tr("Unreachable: %1").arg(s.error);
    if (!s.flavorVersion.isEmpty())
        lines << tr("Version: %1").arg(s.flavorVersion);
    if (s.serverId)
        lines << tr("server_id: %1").arg(*s.serverId);
    if (s.readOnly)
        lines << (*s.readOnly ? tr("read-only") : tr("read-write"));
    if (m_model->hasInspection(m_index)) {
        const ServerInspection& i = m_model->inspection(m_index);
        if (!i.hostname.isEmpty())
            lines << tr("Host name: %1").arg(i.hostname);
        if (i.reachable) {
            lines << tr("Binary log: %1").arg(i.logBin ? tr("on (%1)").arg(i.binlogFormat) : tr("off"));
            if (!i.gtidBinlogPos.isEmpty())
                lines << tr("GTID position: %1").arg(i.gtidBinlogPos);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

void ServerNode::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const QPalette pal = scene() ? scene()->palette() : QPalette();
    const TopologyModel::Server& s = m_model->server(m_index);
    const bool selected = option->state & QStyle::State_Selected;
    const bool focused = option->state & QStyle::State_HasFocus;

    painter->setRenderHint(QPainter::Antialiasing);
    // the header band says whether the server answers
    QColor band = pal.color(QPalette::Mid);
    if (s.known)
        band = s.reachable ? QColor(0x2e, 0x7d, 0xd1) : QColor(0xd9, 0x30, 0x25);
    const bool fenced = !m_model->fencedReason(m_index).isEmpty();
    if (fenced && s.reachable)
        band = QColor(0x75, 0x75, 0x75); // stale: it answers, but its data may be behind or apart

    QPainterPath body;
    body.addRoundedRect(kNodeRect, 10, 10);
    painter->fillPath(body, pal.color(QPalette::Base));
    painter->save();
    painter->setClipPath(body);
    painter->fillRect(QRectF(kNodeRect.left(), kNodeRect.top(), kNodeRect.width(), 34), band);
    painter->restore();
    painter->setPen(QPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid),
        selected ? 3.5 : 1.5, focused && !selected ? Qt::DashLine : Qt::SolidLine));
    painter->drawPath(body);

    QFont title = painter->font();
    title.setPixelSize(18);
    title.setBold(true);
    painter->setFont(title);
    painter->setPen(Qt::white);
    painter->drawText(QRectF(kNodeRect.left() + 12, kNodeRect.top(), kNodeRect.width() - 24, 34),
        Qt::AlignVCenter | Qt::AlignLeft, s.name);

    QFont small = painter->font();
    small.setPixelSize(13);
    small.setBold(false);
    painter->setFont(small);
    painter->drawText(QRectF(kNodeRect.left() + 12, kNodeRect.top(), kNodeRect.width() - 24, 34),
        Qt::AlignVCenter | Qt::AlignRight,
        !s.known           ? tr("not inspected")
            : !s.reachable ? tr("unreachable")
            : fenced       ? tr("online, stale")
                           : tr("online"));

    painter->setPen(pal.color(QPalette::Text));
    QStringList lines;
    lines << s.endpoint;
    lines << (s.flavorVersion.isEmpty() ? tr("version unknown") : s.flavorVersion);
    lines << (s.serverId ? tr("server-id %1").arg(*s.serverId) : tr("server-id unknown"));
    qreal y = kNodeRect.top() + 42;
    const QFontMetricsF fm(small);
    for (const QString& line : std::as_const(lines)) {
        painter->drawText(QRectF(kNodeRect.left() + 12, y, kNodeRect.width() - 24, fm.height()),
            Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(line, Qt::ElideMiddle, kNodeRect.width() - 24));
        y += fm.height() + 2;
    }

    // the writer role badge, bottom left: a word on a filled pill (the writer) or an outlined one
    if (const QString badge = roleBadge(); !badge.isEmpty()) {
        QFont bold = small;
        bold.setBold(true);
        const QFontMetricsF bm(bold);
        const qreal w = bm.horizontalAdvance(badge) + 16;
        const QRectF pill(
            kNodeRect.left() + 12, kNodeRect.bottom() - 12 - bm.height() - 4, w, bm.height() + 4);
        const bool writer = m_model->writerIndex() == m_index;
        const bool problem = fenced || m_model->writerVerdict() != WriterCheck::Verdict::Fine;
        const QColor c = problem ? QColor(0xd9, 0x30, 0x25) : QColor(0x2e, 0x7d, 0xd1);
        painter->setPen(QPen(c, 1.5));
        painter->setBrush(writer ? QBrush(c) : QBrush(Qt::NoBrush));
        painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter->setFont(bold);
        painter->setPen(writer ? QColor(Qt::white) : pal.color(QPalette::Text));
        painter->drawText(pill, Qt::AlignCenter, badge);
        painter->setFont(small);
        painter->setBrush(Qt::NoBrush);
    }

    // read-only pill
    if (s.readOnly) {
        const QString text = *s.readOnly ? tr("read-only") : tr("read-write");
        const qreal w = fm.horizontalAdvance(text) + 16;
        const QRectF pill(
            kNodeRect.right() - 12 - w, kNodeRect.bottom() - 12 - fm.height() - 4, w, fm.height() + 4);
        const QColor c = *s.readOnly ? QColor(0xd0, 0x8a, 0x00) : QColor(0x2e, 0x9d, 0x4a);
        painter->setPen(QPen(c, 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter->setPen(pal.color(QPalette::Text));
        painter->drawText(pill, Qt::AlignCenter, text);
    }
}

QVariant ServerNode::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionHasChanged) {
        for (ReplicationArrow* arrow : std::as_const(m_arrows))
            arrow->updatePosition();
    }
    return QGraphicsItem::itemChange(change, value);
}
