#include "monitor/eventlist.h"

#include <QHeaderView>
#include <QStyle>

EventList::EventList(QWidget* parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("eventList"));
    setHeaderLabels({ tr("Time"), tr("Server"), tr("Event"), tr("Code"), tr("Details") });
    setRootIsDecorated(false);
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
    setAccessibleName(tr("Replication events"));
}

void EventList::addEvent(const ReplicationEvent& event)
{
    auto* item = new QTreeWidgetItem(
        { event.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), event.server,
            ReplicationEvent::kindTitle(event.kind), event.code ? QString::number(event.code) : QString(),
            event.kind == ReplicationEvent::Kind::UserAction && event.failed
                ? tr("failed: %1").arg(event.text)
                : event.text });
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    if (event.severity() == ReplicationEvent::Severity::Error)
        icon = QStyle::SP_MessageBoxCritical;
    else if (event.severity() == ReplicationEvent::Severity::Warning)
        icon = QStyle::SP_MessageBoxWarning;
    item->setIcon(2, style()->standardIcon(icon));
    item->setToolTip(4, event.text);
    item->setData(
        0, Qt::UserRole, ReplicationEvent::kindName(event.kind)); // the stable id, for tests and copies
    insertTopLevelItem(0, item);
    while (topLevelItemCount() > m_max)
        delete takeTopLevelItem(topLevelItemCount() - 1);
    m_kept.append(event);
    while (m_kept.size() > m_max)
        m_kept.removeFirst();
}
