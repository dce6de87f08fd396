#pragma once

#include "monitor/replicationevent.h"

#include <QFrame>
#include <QList>

class QLabel;
class QPushButton;
class TopologyModel;

/** A banner above the canvas with the cause of the pair's trouble that is still true — the server's own
 *  error text and the safe next action — until it clears: a server that is down goes before the IO error
 *  it causes on its peer (listed under it), a lag warning never hides a SQL-thread error, the data's doubt
 *  after a skip stays until a comparison says equal, and dismissing one condition shows the next. Whether a
 * condition still holds is read from the live TopologyModel; without one, a condition lasts until dismissed
 * or recovered. */
class AlertBanner : public QFrame
{
    Q_OBJECT
public:
    explicit AlertBanner(const TopologyModel* model = nullptr, QWidget* parent = nullptr);

    /** A new condition from the monitor (or its end: Recovered, ServerReachable). @p pair names another pair
     *  than the open one (the fleet view): its condition lasts until that pair's Recovered or a dismiss. */
    void showAlert(const ReplicationEvent& event, const QString& pair = {});
    /** Forgets the open pair's conditions (another pair was opened). */
    void clear();
    /** Forgets another pair's conditions (it is opened: its own monitor reports them now). */
    void forgetPair(const QString& pair);
    QString text() const;
    /** The condition shown now; Kind::Recovered with serverIndex -1 when none. */
    ReplicationEvent shownEvent() const;
    /** The pair of the condition shown: empty for the open pair. */
    QString shownPair() const;

Q_SIGNALS:
    /** The user asked to start replication on server @p index again. */
    void startReplicaRequested(int index);
    /** The user asked to see (and perhaps skip) the event that halted server @p index. */
    void skipEventRequested(int index);
    /** The user asked to compare the replicated data of the open pair. */
    void compareRequested();
    /** The user asked to rebuild server @p index from its peer (its SQL thread halted on an error). */
    void rebuildRequested(int index);
    /** The user asked to start the server @p index, which is down, with its restart command. */
    void startServerRequested(int index);

private:
    struct Alert
    {
        ReplicationEvent event;
        QString pair; ///< empty: the open pair
        bool dismissed = false;
    };
    /** Whether @p event's condition still holds in the live model. */
    bool stillTrue(const Alert& alert) const;
    /** An IO error of a server whose source is down: listed under that server's headline. */
    bool isConsequence(const Alert& alert) const;
    /** Adds or removes the open pair's "data differs / unverified" condition (TopologyModel::pairState). */
    void watchAgreement();
    void prune();
    void refresh();
    void display(const Alert& alert, int others, const QStringList& consequences);

    const TopologyModel* m_model;
    QList<Alert> m_alerts;
    int m_shown = -1; ///< index into m_alerts
    QLabel* m_icon;
    QLabel* m_text;
    QPushButton* m_action;
    QPushButton* m_showEvent;
    QPushButton* m_compare;
    QPushButton* m_rebuild;
    QPushButton* m_close;
    QPushButton* m_startServer;
};
