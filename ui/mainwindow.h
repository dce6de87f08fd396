#pragma once

#include "common/pairprofile.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <functional>

class AlertBanner;
class CredentialStore;
class DemoSandbox;
class EventList;
class FleetMonitor;
class InspectionPanel;
class LogView;
class PairList;
class PairMonitor;
class QAction;
class QDockWidget;
class QSystemTrayIcon;
class QTabWidget;
class QUrl;
class ReplicaActions;
class SetupRunner;
class SetupWizard;
class StatusCharts;
class TopologyModel;
class TopologyView;
struct ReplicationEvent;
struct SetupEvent;

/** The main window: saved pairs on the left, the topology canvas in the middle, the selected server's
 * inspection on the right, the live log below; charts and events of the open pair in tabs beside the canvas.
 * What the user does goes through its menus, the canvas's context menu and the alert banner.
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
    PairList* pairList() const { return m_pairs; }
    const PairProfile& profile() const { return m_profile; }
    bool isMonitoring() const { return m_monitor != nullptr; }

    /** Shows @p profile on the canvas, inspects it and starts monitoring it. */
    void openPair(const PairProfile& profile, bool remember = true);
    /** Loads a saved pair, gets its passwords (keychain, else a prompt) and opens it; false when the file
     *  cannot be read (the pair opens once its passwords are known). */
    bool openPairFile(const QString& path);
    /** Opens the setup wizard on @p profile (a new pair when empty). */
    SetupWizard* startWizard(const PairProfile& profile, bool demo = false);
    /** The --demo option: once @p demo's servers are up, opens the wizard on them and keeps a way back to it
     *  (Pair ▸ Set Up the Demo Pair…) until the demo's pair is set up. */
    void offerDemo(DemoSandbox* demo);
    /** Quits, but a running setup is cancelled first (it puts back what it changed) and the app quits when
     *  it has ended: what SIGTERM, SIGINT and SIGHUP do. */
    void quitSafely();

    /** How Help ▸ Manual opens a page: QDesktopServices::openUrl unless replaced (the tests see the URL). */
    using UrlOpener = std::function<bool(const QUrl&)>;
    static void setUrlOpener(UrlOpener opener);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createDocks();
    void onSetupEvent(const SetupEvent& event);
    void inspect();
    void setMonitoring(bool on);
    /** Reads the open pair's state file (data agreement, fences) into the model; unless @p always, only
     *  when the file changed since the last read. */
    void loadPairState(bool always);
    /** The tray's tooltip: the open pair's data in doubt, if they are. */
    void updateTray();
    /** Banner, tray, event list and log; @p pair names another pair than the open one (the fleet view). */
    void showReplicationEvent(const ReplicationEvent& event, const QString& pair = {});

    /** Opens the confirmation of a switchover to server @p to (its checks first); none without a pair. */
    void moveWrites(int to);
    void showPreferences();
    /** File ▸ Export Report…: the open pair's state, last comparison and events as HTML (or PDF). */
    void exportReport();
    /** Help ▸ Keyboard Shortcuts: every menu action's shortcut. */
    void showShortcuts();
    /** A saved pair needs its passwords: queued for a question unless they were typed already or the
     *  window asks for them itself. */
    void queuePassword(const QString& path, const PairProfile& profile);
    /** Asks for the passwords of the next saved pair waiting for them (one dialog at a time). */
    void askNextPassword();
    void forgetPasswords();

    TopologyModel* m_model;
    TopologyView* m_view;
    InspectionPanel* m_panel;
    LogView* m_log;
    EventList* m_events;
    AlertBanner* m_banner;
    StatusCharts* m_charts;
    QTabWidget* m_tabs;
    CredentialStore* m_credentials;
    PairList* m_pairs;
    QDockWidget* m_pairsDock = nullptr;
    QDockWidget* m_inspectionDock = nullptr;
    QDockWidget* m_logDock = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    QAction* m_monitorAction = nullptr;
    QAction* m_demoAction = nullptr;

    PairProfile m_profile;
    bool m_hasPair = false;
    QDateTime m_pairStateRead; ///< the state file's modification time when last read
    QList<std::pair<QString, PairProfile>> m_passwordQueue; ///< saved pairs waiting for their passwords
    QHash<QString, PairProfile> m_typedPasswords; ///< profile path → the profile with what was typed
    bool m_askingPassword = false;
    QString m_askingPath; ///< the saved pair whose question is shown now
    QString m_openingPath; ///< the saved pair being opened (the window asks for its passwords itself)
    bool m_openAfterAsking = false; ///< the user opened that pair meanwhile: open it once answered
    PairProfile m_demoProfile;
    SetupRunner* m_inspectRunner = nullptr;
    PairMonitor* m_monitor = nullptr;
    ReplicaActions* m_actions = nullptr;
    QPointer<SetupWizard> m_wizard;
};
