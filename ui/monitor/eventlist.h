#pragma once

#include "monitor/replicationevent.h"

#include <QTreeWidget>

/** The history of replication state changes, newest first. */
class EventList : public QTreeWidget
{
    Q_OBJECT
public:
    explicit EventList(QWidget* parent = nullptr);

    void addEvent(const ReplicationEvent& event);

private:
    int m_max = 5000;
};
