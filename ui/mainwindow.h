#pragma once

#include "common/pairprofile.h"

#include <QMainWindow>
#include <QPointer>

class AlertBanner;
class EventList;
class InspectionPanel;
class LogView;
class PairMonitor;
class QDockWidget;
class QListWidget;
class QSystemTrayIcon;
class QTabWidget;
class ReplicaControl;
class SetupRunner;
class SetupWizard;
class StatusCharts;
class TopologyModel;
class TopologyView;
struct ReplicationEvent;
struct SetupEvent;

/** The main window: saved pairs on the left, the topology canvas in the middle, the selected server's
 * inspection on the right, the live log below; charts and events of the open pair in tabs beside the canvas.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    TopologyModel* topologyModel() const { return m_model; }
    TopologyView* topologyView() const { return m_view; }
    LogView* logView() const { return m_log; }
    EventList* eventList() const { return m_events; }
    AlertBanner* alertBanner() const { return m_banner; }
    StatusCharts* statusCharts() const { return m_charts; }
    QTabWidget* tabs() const { return m_tabs; }
    const PairProfile& profile() const { return m_profile; }

    /** Shows @p profile on the canvas, inspects it and starts monitoring it. */
    void openPair(const PairProfile& profile, bool remember = true);
    bool openPairFile(const QString& path);
    /** Opens the setup wizard on @p profile (a new pair when empty). */
    SetupWizard* startWizard(const PairProfile& profile, bool demo = false);
    void inspect();
    /** Turns monitoring of the open pair on or off. */
    void setMonitoring(bool on);
    /** Shows a monitoring event: banner, tray, event list and log. */
    void showReplicationEvent(const ReplicationEvent& event);
    /** Shows the event that halted server @p index's SQL thread; skips it only after explicit confirmation.
     */
    void showFailingEvent(int index);
    /** Compares the replicated tables of both servers and shows the differences. */
    void compareData();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createDocks();
    void refreshPairList();
    void onSetupEvent(const SetupEvent& event);
    void setReplicaRunning(int index, bool running);
    void showConfigDiff(int index);
    void showPreferences();
    bool ensurePasswords(PairProfile& profile);

    TopologyModel* m_model;
    TopologyView* m_view;
    InspectionPanel* m_panel;
    LogView* m_log;
    EventList* m_events;
    AlertBanner* m_banner;
    StatusCharts* m_charts;
    QTabWidget* m_tabs;
    QListWidget* m_pairs;
    QDockWidget* m_pairsDock = nullptr;
    QDockWidget* m_inspectionDock = nullptr;
    QDockWidget* m_logDock = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    QAction* m_monitorAction = nullptr;

    PairProfile m_profile;
    bool m_hasPair = false;
    SetupRunner* m_inspectRunner = nullptr;
    PairMonitor* m_monitor = nullptr;
    ReplicaControl* m_control = nullptr;
    QPointer<SetupWizard> m_wizard;
};
