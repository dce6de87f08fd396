#pragma once

#include "common/pairprofile.h"
#include "monitor/replicationevent.h"

#include "monitor/replicationevent.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>

class AlertBanner;
class ReplicaControl;
class QWidget;
class QTimer;
class TopologyView;
struct SetupEvent;

/** The safe actions on the open pair as the user meets them (canvas menu, alert banner): start or stop
 *  replication, show the event that halted a SQL thread and skip exactly it after a confirmation, compare
 *  the data, show what RepliPair wrote into a server's configuration. Each runs on the engine's workers
 *  (ReplicaControl); the answers open dialogs over @p dialogParent and lines in the log. */
class ReplicaActions : public QObject
{
    Q_OBJECT
public:
    ReplicaActions(const PairProfile& profile, QWidget* dialogParent);
    ~ReplicaActions() override;

    /** Acts on what the canvas's context menu and the banner's buttons ask for (until this is deleted). */
    void answer(TopologyView* view, AlertBanner* banner);

    void setReplicaRunning(int index, bool running);
    /** Asks first (what stopping does), then stops replication on server @p index. */
    void confirmStopReplica(int index);
    /** Asks first (the command, where it runs), then starts server @p index, which is down. */
    void confirmStartServer(int index);
    void startServer(int index);
    /** What an inspection learnt of server @p index (its error log, its datadir): a start of it quotes
     *  that log and checks that datadir. */
    void setServerFacts(int index, const QString& errorLog, const QString& dataDir);
    /** Reads the failing event of server @p index and opens the confirmation dialog; skips only on its OK. */
    void showFailingEvent(int index);
    void compareData();
    /** (Re)arms the daily comparison of the pair's data as Preferences say (off, or a time of day). */
    void armSchedule();
    /** When the daily comparison runs next; invalid when it is off. */
    QDateTime nextScheduledCompare() const { return m_nextCompare; }
    void showConfigFootprint(int index);
    /** Opens "Rebuild NAME from PEER…" for server @p index (RebuildDialog). */
    void rebuild(int index);

Q_SIGNALS:
    void logLine(const SetupEvent& event);
    void statusMessage(const QString& text, int timeoutMs);
    /** Something changed on the servers: the monitor should look again now. */
    void pollRequested();
    /** For the banner, the tray and the Events tab: the daily comparison found differences. */
    void alert(const ReplicationEvent& event);
    /** The daily comparison ended: @p equal, or what it found. */
    void scheduledCompareFinished(bool equal, const QString& summary);
    /** A skip or a comparison changed what the pair's state says of its data. */
    void pairStateChanged();
    /** An action the user took and how it ended, for the Events tab (Kind::UserAction). */
    void actionDone(const ReplicationEvent& event);

private:
    void report(const QString& server, const QString& step, bool ok, const QString& text, bool warning);
    void openReport(const QString& objectName, const QString& title, const QString& text);
    void confirm(const QString& objectName, const QString& title, const QString& text, const QString& button,
        std::function<void()> go);

    PairProfile m_profile;
    QPointer<QWidget> m_dialogParent;
    ReplicaControl* m_control;
    void runScheduledCompare();

    QTimer* m_schedule = nullptr;
    QDateTime m_nextCompare;
    bool m_scheduledRunning = false;
    QString m_errorLog[2];
    QString m_dataDir[2];
};
