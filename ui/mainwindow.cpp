#include "mainwindow.h"

#include "wizard/executepage.h"

#include "appsettings.h"
#include "asynctask.h"
#include "common/stepid.h"
#include "credentialstore.h"
#include "fleetmonitor.h"
#include "monitor/alertbanner.h"
#include "monitor/eventlist.h"
#include "monitor/logview.h"
#include "monitor/pairmonitor.h"
#include "monitor/replicaactions.h"
#include "monitor/replicationevent.h"
#include "monitor/statuscharts.h"
#include "monitor/topologymodel.h"
#include "operation/movewritesdialog.h"
#include "pairlist.h"
#include "sandbox/demosandbox.h"
#include "setup/setuprunner.h"
#include "topology/inspectionpanel.h"
#include "topology/topologyview.h"
#include "wizard/setupwizard.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_model(new TopologyModel(this))
    , m_view(new TopologyView(m_model, this))
    , m_panel(new InspectionPanel(m_model, this))
    , m_log(new LogView(this))
    , m_events(new EventList(this))
    , m_banner(new AlertBanner(m_model, this))
    , m_charts(new StatusCharts(this))
    , m_tabs(new QTabWidget(this))
    , m_credentials(new CredentialStore(this))
    , m_pairs(new PairList(m_credentials, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("RepliPair"));
    m_model->setLagThreshold(AppSettings::lagThresholdSec());

    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->addTab(m_view, tr("&Topology"));
    m_tabs->addTab(m_charts, tr("C&harts"));
    m_tabs->addTab(m_events, tr("E&vents"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    createDocks();
    createActions();

    connect(m_view, &TopologyView::serverSelected, m_panel, &InspectionPanel::setServer);
    connect(m_view, &TopologyView::inspectRequested, this, [this] { inspect(); });
    connect(m_view, &TopologyView::moveWritesRequested, this, &MainWindow::moveWrites);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(tr("RepliPair"));
        m_tray->show();
    }

    resize(1200, 780);
    restoreGeometry(AppSettings::value(AppSettings::Key::WindowGeometry).toByteArray());
    restoreState(AppSettings::value(AppSettings::Key::WindowState).toByteArray());
    // a saved pair whose passwords are neither remembered nor in a variable or file: asked for, one
    // dialog per pair, one after the other; until then it is "waiting for a password", never an alarm
    connect(m_pairs->fleet(), &FleetMonitor::passwordNeeded, this, &MainWindow::queuePassword);
    connect(m_pairs->fleet(), &FleetMonitor::pairEvent, this,
        [this](const QString&, const QString& pair, const ReplicationEvent& e) {
            showReplicationEvent(e, pair);
        });
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow()
{
    SetupWizard::retire(std::exchange(m_inspectRunner, nullptr));
}

void MainWindow::createDocks()
{
    connect(m_pairs, &PairList::openRequested, this, &MainWindow::openPairFile);
    m_pairsDock = new QDockWidget(tr("Saved Pairs"), this);
    m_pairsDock->setObjectName(QStringLiteral("pairsDock"));
    m_pairsDock->setWidget(m_pairs);
    addDockWidget(Qt::LeftDockWidgetArea, m_pairsDock);

    m_inspectionDock = new QDockWidget(tr("Inspection"), this);
    m_inspectionDock->setObjectName(QStringLiteral("inspectionDock"));
    m_inspectionDock->setWidget(m_panel);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectionDock);

    m_logDock = new QDockWidget(tr("Live Log"), this);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    resizeDocks({ m_pairsDock, m_inspectionDock }, { 220, 320 }, Qt::Horizontal);
    resizeDocks({ m_logDock }, { 200 }, Qt::Vertical);

    setTabOrder(m_pairs, m_tabs);
    setTabOrder(m_tabs, m_view);
    setTabOrder(m_view, m_panel);
    setTabOrder(m_panel, m_log);
}

void MainWindow::moveWrites(int to)
{
    if (!m_hasPair || to < 0 || to > 1)
        return;
    auto* dialog = new MoveWritesDialog(m_profile, to, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MoveWritesDialog::logLine, m_log, qOverload<const SetupEvent&>(&LogView::append));
    connect(dialog, &MoveWritesDialog::writerMoved, this, [this](int writer) {
        m_profile.writer = writer;
        if (m_monitor)
            m_monitor->pollNow();
    });
    dialog->open();
}

void MainWindow::openPair(const PairProfile& profile, bool remember)
{
    setMonitoring(false);
    delete std::exchange(m_actions, nullptr);
    m_profile = profile;
    m_hasPair = true;
    m_actions = new ReplicaActions(m_profile, this);
    m_actions->answer(m_view, m_banner); // the canvas's menu and the banner's buttons act on this pair
    connect(m_actions, &ReplicaActions::logLine, m_log, qOverload<const SetupEvent&>(&LogView::append));
    connect(m_actions, &ReplicaActions::alert, this,
        [this](const ReplicationEvent& e) { showReplicationEvent(e); });
    m_actions->armSchedule();
    connect(m_actions, &ReplicaActions::statusMessage, this, [this](const QString& text, int timeoutMs) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text, timeoutMs);
    });
    connect(m_actions, &ReplicaActions::pollRequested, this, [this] {
        if (m_monitor)
            m_monitor->pollNow();
    });
    connect(m_actions, &ReplicaActions::pairStateChanged, this, [this] { loadPairState(true); });
    connect(m_actions, &ReplicaActions::actionDone, m_events, &EventList::addEvent);
    m_model->setProfile(profile);
    loadPairState(true);
    m_log->setServerNames({ profile.servers[0].name, profile.servers[1].name });
    m_charts->setServerNames(profile.servers[0].name, profile.servers[1].name);
    setWindowTitle(tr("%1 — RepliPair").arg(profile.name));
    if (remember && !profile.filePath.isEmpty()) {
        AppSettings::addRecentPair(profile.filePath);
        AppSettings::setValue(AppSettings::Key::LastProfileDir, QFileInfo(profile.filePath).absolutePath());
        m_pairs->refresh();
    }
    if (QListWidgetItem* item = m_pairs->itemFor(profile.filePath))
        m_pairs->setCurrentItem(item);
    m_banner->forgetPair(profile.name);
    m_pairs->setOpenPair(profile.filePath);
    inspect();
    setMonitoring(true);
}

SetupWizard* MainWindow::startWizard(const PairProfile& profile, bool demo)
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    auto* wizard = new SetupWizard(profile, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setDemo(demo);
    connect(wizard, &SetupWizard::setupEvent, this, &MainWindow::onSetupEvent);
    connect(wizard, &SetupWizard::profileSaved, this, [this, wizard] {
        // passwords the user asked to remember go to the keychain; the saved profile names the entries
        AsyncTask::runThenCallback(
            m_credentials->storeFromProfile(wizard->profile()), this, [this](const Result<void>& r) {
                if (!r) {
                    SetupEvent e;
                    e.kind = SetupEvent::Kind::Warning;
                    e.step = StepId::Keychain;
                    e.text = tr("The passwords could not be remembered: %1").arg(r.error().text);
                    m_log->append(e);
                }
            });
    });
    connect(wizard, &SetupWizard::pairReady, this, [this, wizard](const QString& path) {
        if (wizard->isDemo()) {
            m_pairs->setDemoPair(path, wizard->profile().name);
            m_demoAction->setVisible(false);
        }
        // the wizard's profile still holds the passwords typed in it (memory only)
        openPair(wizard->profile(), !wizard->isDemo());
    });
    m_wizard = wizard;
    wizard->show();
    return wizard;
}

void MainWindow::offerDemo(DemoSandbox* demo)
{
    connect(demo, &DemoSandbox::ready, this, [this](const PairProfile& sandboxProfile) {
        m_demoProfile = sandboxProfile;
        m_demoAction->setVisible(true);
        startWizard(sandboxProfile, true);
    });
}

void MainWindow::onSetupEvent(const SetupEvent& event)
{
    m_log->append(event);
}

void MainWindow::inspect()
{
    if (!m_hasPair || m_inspectRunner)
        return;
    statusBar()->showMessage(tr("Inspecting %1…").arg(m_profile.name));
    m_inspectRunner = new SetupRunner(m_profile, this);
    connect(m_inspectRunner, &SetupRunner::event, this, &MainWindow::onSetupEvent);
    connect(m_inspectRunner, &SetupRunner::finished, this, [this](bool) {
        SetupRunner* runner = std::exchange(m_inspectRunner, nullptr);
        for (int i = 0; i < 2; ++i) {
            if (!runner->inspection(i).server.isEmpty() || runner->inspection(i).reachable) {
                m_model->applyInspection(i, runner->inspection(i));
                // a later start of this server quotes its error log and checks its datadir
                const ServerInspection& in = runner->inspection(i);
                QString errorLog = in.variables.value(QStringLiteral("log_error"));
                if (!errorLog.isEmpty() && !errorLog.startsWith(QLatin1Char('/')))
                    errorLog = in.datadir + QLatin1Char('/') + errorLog;
                if (m_actions && in.reachable)
                    m_actions->setServerFacts(i, errorLog, in.datadir);
                m_panel->setInspectedAt(i, QDateTime::currentDateTime());
            } else if (runner->error().server == m_profile.servers[i].name) {
                m_model->setServerReachable(i, false, runner->error().text);
            }
        }
        statusBar()->showMessage(tr("Inspection finished"), 5000);
        SetupWizard::retire(runner);
    });
    m_inspectRunner->start(SetupRunner::Mode::Inspect);
}

void MainWindow::setMonitoring(bool on)
{
    if (m_monitorAction)
        m_monitorAction->setChecked(on && m_hasPair);
    if (m_monitor) {
        m_charts->setHistory(nullptr);
        m_monitor->stop();
        m_monitor->disconnect(this);
        m_monitor->deleteLater();
        m_monitor = nullptr;
    }
    if (!on || !m_hasPair)
        return;
    m_monitor = new PairMonitor(m_profile, this);
    m_monitor->setIntervalMs(AppSettings::monitorIntervalMs());
    m_monitor->setLagThreshold(AppSettings::lagThresholdSec());
    connect(m_monitor, &PairMonitor::sample, m_model, &TopologyModel::applySample);
    connect(m_monitor, &PairMonitor::sample, m_charts, &StatusCharts::addSample);
    connect(m_monitor, &PairMonitor::event, this, [this](const ReplicationEvent& e) {
        m_pairs->fleet()->observeEvent(m_profile.filePath, e);
        showReplicationEvent(e);
    });
    connect(m_monitor, &PairMonitor::sample, this,
        [this](const StatusSample& s) { m_pairs->fleet()->observe(m_profile.filePath, s); });
    // a skip or a comparison from the command line changes the state file too: look at it each round
    connect(m_monitor, &PairMonitor::roundFinished, this, [this] { loadPairState(false); });
    m_charts->setHistory(&m_monitor->history());
    m_monitor->start();
}

void MainWindow::loadPairState(bool always)
{
    if (!m_hasPair)
        return;
    // a small local file: read again only when it changed (or went)
    const QFileInfo file(PairState::pathFor(m_profile));
    const QDateTime changed = file.exists() ? file.lastModified() : QDateTime();
    if (!always && changed == m_pairStateRead)
        return;
    m_pairStateRead = changed;
    const bool wasInDoubt = m_model->dataInDoubt();
    m_model->setPairState(PairState::load(m_profile).value_or(PairState()));
    const bool inDoubt = m_model->dataInDoubt();
    updateTray();
    if (inDoubt && !wasInDoubt && m_tray && AppSettings::value(AppSettings::Key::TrayNotifications).toBool())
        m_tray->showMessage(
            tr("%1: %2").arg(m_profile.name, PairState::agreementTitle(m_model->pairState().agreement)),
            m_model->pairState().agreementLine(), QSystemTrayIcon::Warning);
}

void MainWindow::updateTray()
{
    if (!m_tray)
        return;
    const QString state = m_hasPair && m_model->dataInDoubt()
        ? tr("%1: %2").arg(m_profile.name, PairState::agreementTitle(m_model->pairState().agreement))
        : QString();
    m_tray->setToolTip(state.isEmpty() ? tr("RepliPair") : tr("RepliPair — %1").arg(state));
}

void MainWindow::showReplicationEvent(const ReplicationEvent& shown, const QString& pair)
{
    m_banner->showAlert(shown, pair);
    ReplicationEvent event = shown;
    if (!pair.isEmpty())
        event.server = tr("%1 / %2").arg(pair, shown.server); // another pair's: say which
    m_events->addEvent(event);
    m_log->append(event);
    if (m_tray && AppSettings::value(AppSettings::Key::TrayNotifications).toBool()) {
        const QSystemTrayIcon::MessageIcon icon = event.severity() == ReplicationEvent::Severity::Error
            ? QSystemTrayIcon::Critical
            : event.severity() == ReplicationEvent::Severity::Warning ? QSystemTrayIcon::Warning
                                                                      : QSystemTrayIcon::Information;
        m_tray->showMessage(event.headline(), event.text, icon);
    }
}

void MainWindow::quitSafely()
{
    ExecutePage* page = m_wizard ? m_wizard->executePage() : nullptr;
    if (!page || !page->isRunning()) {
        QApplication::quit();
        return;
    }
    statusBar()->showMessage(
        tr("Cancelling the running setup before quitting: it puts back what it changed…"));
    connect(
        page, &ExecutePage::runFinished, qApp, [] { QApplication::quit(); }, Qt::SingleShotConnection);
    page->cancelSetup();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    AppSettings::setValue(AppSettings::Key::WindowGeometry, saveGeometry());
    AppSettings::setValue(AppSettings::Key::WindowState, saveState());
    if (m_wizard)
        m_wizard->close();
    if (m_wizard && m_wizard->isVisible()) {
        event->ignore(); // a running setup asks first
        return;
    }
    setMonitoring(false);
    QMainWindow::closeEvent(event);
}
