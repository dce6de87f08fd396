#pragma once

#include "monitor/replicationevent.h"

#include <QFrame>

class QLabel;
class QPushButton;

/** A banner above the canvas telling the newest replication state change, with the server's own error text
 *  and the safe next action. */
class AlertBanner : public QFrame
{
    Q_OBJECT
public:
    explicit AlertBanner(QWidget* parent = nullptr);

    void showAlert(const ReplicationEvent& event);
    QString text() const;

Q_SIGNALS:
    /** The user asked to start replication on server @p index again. */
    void startReplicaRequested(int index);
    /** The user asked to see (and perhaps skip) the event that halted server @p index. */
    void skipEventRequested(int index);

private:
    QLabel* m_icon;
    QLabel* m_text;
    QPushButton* m_action;
    QPushButton* m_showEvent;
    QPushButton* m_close;
    int m_server = -1;
};
