#pragma once

#include "monitor/replicationevent.h"

#include <QTreeWidget>

/** The history of replication state changes and of the user's actions with their outcome, newest first. */
class EventList : public QTreeWidget
{
    Q_OBJECT
public:
    explicit EventList(QWidget* parent = nullptr);

    void addEvent(const ReplicationEvent& event);
    /** Every event shown, oldest first (the incident report's history). */
    const QList<ReplicationEvent>& events() const { return m_kept; }

private:
    int m_max = 5000;
    QList<ReplicationEvent> m_kept;
};
