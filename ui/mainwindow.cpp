#include "mainwindow.h"

#include "actions/replicacontrol.h"
#include "appsettings.h"
#include "monitor/alertbanner.h"
#include "monitor/eventlist.h"
#include "monitor/logview.h"
#include "monitor/pairmonitor.h"
#include "monitor/replicationevent.h"
#include "monitor/skipeventdialog.h"
#include "monitor/statuscharts.h"
#include "monitor/textreportdialog.h"
#include "monitor/topologymodel.h"
#include "preferencesdialog.h"
#include "setup/setuprunner.h"
#include "topology/inspectionpanel.h"
#include "topology/topologyview.h"
#include "wizard/setupwizard.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
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
    , m_banner(new AlertBanner(this))
    , m_charts(new StatusCharts(this))
    , m_tabs(new QTabWidget(this))
    , m_pairs(new QListWidget(this))
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
    connect(
        m_view, &TopologyView::startReplicaRequested, this, [this](int i) { setReplicaRunning(i, true); });
    connect(
        m_view, &TopologyView::stopReplicaRequested, this, [this](int i) { setReplicaRunning(i, false); });
    connect(m_view, &TopologyView::configDiffRequested, this, &MainWindow::showConfigDiff);
    connect(
        m_banner, &AlertBanner::startReplicaRequested, this, [this](int i) { setReplicaRunning(i, true); });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(tr("RepliPair"));
        m_tray->show();
    }

    resize(1200, 780);
    restoreGeometry(AppSettings::value(AppSettings::Key::WindowGeometry).toByteArray());
    restoreState(AppSettings::value(AppSettings::Key::WindowState).toByteArray());
    refreshPairList();
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow()
{
    if (m_control)
        m_control->retire(); // may still wait for a dead server: then it goes once that is over
    SetupWizard::retire(std::exchange(m_inspectRunner, nullptr));
}

void MainWindow::createDocks()
{
    m_pairs->setObjectName(QStringLiteral("pairList"));
    m_pairs->setAccessibleName(tr("Saved pairs"));
    m_pairs->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_pairs, &QListWidget::itemActivated, this,
        [this](QListWidgetItem* item) { openPairFile(item->data(Qt::UserRole).toString()); });
    auto* forget = new QAction(tr("&Remove from List"), m_pairs);
    forget->setShortcut(QKeySequence::Delete);
    forget->setShortcutContext(Qt::WidgetShortcut);
    connect(forget, &QAction::triggered, this, [this] {
        if (QListWidgetItem* item = m_pairs->currentItem()) {
            AppSettings::removeRecentPair(item->data(Qt::UserRole).toString());
            refreshPairList();
        }
    });
    m_pairs->addAction(forget);

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

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newPair
        = file->addAction(tr("&New Pair…"), this, [this] { startWizard(SetupWizard::defaultProfile()); });
    newPair->setObjectName(QStringLiteral("actionNewPair"));
    newPair->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("&Open Profile…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Pair Profile"),
            AppSettings::value(AppSettings::Key::LastProfileDir).toString(),
            tr("Pair profiles (*.replipair.json);;JSON (*.json)"));
        if (!path.isEmpty())
            openPairFile(path);
    });
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* prefs = file->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    prefs->setObjectName(QStringLiteral("actionPreferences"));
    prefs->setShortcut(QKeySequence::Preferences);
    prefs->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, [this] { close(); });
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu* pair = menuBar()->addMenu(tr("&Pair"));
    QAction* inspectAction = pair->addAction(tr("&Inspect Both Servers"), this, &MainWindow::inspect);
    inspectAction->setObjectName(QStringLiteral("actionInspect"));
    inspectAction->setShortcut(QKeySequence::Refresh);
    QAction* edit = pair->addAction(tr("&Run Setup Again…"), this, [this] {
        if (m_hasPair)
            startWizard(m_profile);
    });
    edit->setObjectName(QStringLiteral("actionSetupAgain"));
    m_monitorAction = pair->addAction(tr("&Monitor"), this, &MainWindow::setMonitoring);
    m_monitorAction->setObjectName(QStringLiteral("actionMonitor"));
    m_monitorAction->setCheckable(true);
    m_monitorAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_pairsDock->toggleViewAction());
    view->addAction(m_inspectionDock->toggleViewAction());
    view->addAction(m_logDock->toggleViewAction());
    QAction* focusCanvas = view->addAction(tr("Go to &Canvas"), this, [this] {
        m_tabs->setCurrentWidget(m_view);
        m_view->setFocus();
    });
    focusCanvas->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction* focusPairs = view->addAction(tr("Go to Saved &Pairs"), this, [this] {
        m_pairsDock->show();
        m_pairs->setFocus();
    });
    focusPairs->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction* focusLog = view->addAction(tr("Go to &Log"), this, [this] {
        m_logDock->show();
        m_log->setFocus();
    });
    focusLog->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About RepliPair"), this, [this] {
        QMessageBox::about(this, tr("About RepliPair"),
            tr("<b>RepliPair %1</b><p>Sets up and watches MySQL/MariaDB master-master replication.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::refreshPairList()
{
    m_pairs->clear();
    for (const QString& path : AppSettings::recentPairs()) {
        QString name = QFileInfo(path).fileName();
        name.remove(QStringLiteral(".replipair.json"));
        auto* item = new QListWidgetItem(name, m_pairs);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
        if (!QFileInfo::exists(path))
            item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
    }
}

bool MainWindow::ensurePasswords(PairProfile& profile)
{
    for (ServerProfile& s : profile.servers) {
        if (s.adminPassword())
            continue;
        bool ok = false;
        const QString pw = QInputDialog::getText(this, tr("Password for %1").arg(s.name),
            tr("Password of %1 on %2 (kept in memory only):").arg(s.adminUser, s.endpoint()),
            QLineEdit::Password, QString(), &ok);
        if (!ok)
            return false;
        s.adminPasswordOverride = pw;
        s.adminPasswordEnv.clear();
        s.adminPasswordFile.clear();
    }
    return true;
}

bool MainWindow::openPairFile(const QString& path)
{
    auto loaded = PairProfile::load(path);
    if (!loaded) {
        QMessageBox::warning(this, tr("Open Pair Profile"),
            tr("%1 cannot be opened:\n%2").arg(path, loaded.error().toString()));
        return false;
    }
    loaded->filePath = path;
    if (!ensurePasswords(*loaded))
        return false;
    openPair(*loaded);
    return true;
}

void MainWindow::openPair(const PairProfile& profile, bool remember)
{
    setMonitoring(false);
    if (m_control)
        m_control->retire();
    m_profile = profile;
    m_hasPair = true;
    m_control = new ReplicaControl(m_profile, this);
    m_model->setProfile(profile);
    m_log->setServerNames({ profile.servers[0].name, profile.servers[1].name });
    m_charts->setServerNames(profile.servers[0].name, profile.servers[1].name);
    setWindowTitle(tr("%1 — RepliPair").arg(profile.name));
    if (remember && !profile.filePath.isEmpty()) {
        AppSettings::addRecentPair(profile.filePath);
        AppSettings::setValue(AppSettings::Key::LastProfileDir, QFileInfo(profile.filePath).absolutePath());
        refreshPairList();
    }
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
    connect(wizard, &SetupWizard::pairReady, this, [this, wizard](const QString&) {
        // the wizard's profile still holds the passwords typed in it (memory only)
        openPair(wizard->profile(), !wizard->isDemo());
    });
    m_wizard = wizard;
    wizard->show();
    return wizard;
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
        for (int i = 0; i < 2; ++i)
            if (!runner->inspection(i).server.isEmpty() || runner->inspection(i).reachable)
                m_model->applyInspection(i, runner->inspection(i));
            else if (runner->error().server == m_profile.servers[i].name)
                m_model->setServerReachable(i, false, runner->error().text);
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
    connect(m_monitor, &PairMonitor::event, this, &MainWindow::showReplicationEvent);
    m_charts->setHistory(&m_monitor->history());
    m_monitor->start();
}

void MainWindow::showReplicationEvent(const ReplicationEvent& event)
{
    m_events->addEvent(event);
    m_banner->showAlert(event);
    SetupEvent line;
    line.time = event.time.toLocalTime();
    line.server = event.server;
    line.step = ReplicationEvent::kindTitle(event.kind);
    line.text = event.text;
    line.kind = event.severity() == ReplicationEvent::Severity::Error ? SetupEvent::Kind::StepFailed
        : event.severity() == ReplicationEvent::Severity::Warning     ? SetupEvent::Kind::Warning
                                                                      : SetupEvent::Kind::Info;
    m_log->append(line);
    if (m_tray && AppSettings::value(AppSettings::Key::TrayNotifications).toBool()) {
        const QSystemTrayIcon::MessageIcon icon = event.severity() == ReplicationEvent::Severity::Error
            ? QSystemTrayIcon::Critical
            : event.severity() == ReplicationEvent::Severity::Warning ? QSystemTrayIcon::Warning
                                                                      : QSystemTrayIcon::Information;
        m_tray->showMessage(
            tr("%1 on %2").arg(ReplicationEvent::kindTitle(event.kind), event.server), event.text, icon);
    }
}

void MainWindow::setReplicaRunning(int index, bool running)
{
    if (!m_control)
        return;
    const QString name = m_profile.servers[index].name;
    statusBar()->showMessage(
        running ? tr("Starting replication on %1…").arg(name) : tr("Stopping replication on %1…").arg(name));
    auto* watcher = new QFutureWatcher<Result<QString>>(this);
    connect(watcher, &QFutureWatcher<Result<QString>>::finished, this, [this, watcher, name] {
        const Result<QString> r = watcher->result();
        watcher->deleteLater();
        SetupEvent e;
        e.server = name;
        e.step = tr("replication");
        e.kind = r ? SetupEvent::Kind::Info : SetupEvent::Kind::StepFailed;
        e.text = r ? *r : r.error().text;
        m_log->append(e);
        statusBar()->showMessage(e.text, 8000);
        if (m_monitor)
            m_monitor->pollNow();
    });
    watcher->setFuture(m_control->setReplicaRunning(index, running));
}

void MainWindow::showFailingEvent(int index)
{
    if (!m_control)
        return;
    const QString name = m_profile.servers[index].name;
    statusBar()->showMessage(tr("Reading the event that stopped %1…").arg(name));
    auto* watcher = new QFutureWatcher<Result<FailingEvent>>(this);
    connect(watcher, &QFutureWatcher<Result<FailingEvent>>::finished, this, [this, watcher, index, name] {
        const Result<FailingEvent> found = watcher->result();
        watcher->deleteLater();
        statusBar()->clearMessage();
        if (!found) {
            QMessageBox::warning(this, tr("Failing Event"), found.error().toString());
            return;
        }
        SkipEventDialog dialog(name, *found, this);
        if (dialog.exec() != QDialog::Accepted || !m_control)
            return;
        auto* skip = new QFutureWatcher<Result<QString>>(this);
        connect(skip, &QFutureWatcher<Result<QString>>::finished, this, [this, skip, name] {
            const Result<QString> r = skip->result();
            skip->deleteLater();
            SetupEvent e;
            e.server = name;
            e.step = tr("skip event");
            e.kind = r ? SetupEvent::Kind::Warning : SetupEvent::Kind::StepFailed;
            e.text = r ? *r : r.error().text;
            m_log->append(e);
            statusBar()->showMessage(e.text, 8000);
            if (m_monitor)
                m_monitor->pollNow();
        });
        skip->setFuture(m_control->skipConfirmedEvent(index, found->token));
    });
    watcher->setFuture(m_control->failingEvent(index));
}

void MainWindow::compareData()
{
    if (!m_control)
        return;
    statusBar()->showMessage(tr("Comparing the replicated tables of %1 and %2…")
                                 .arg(m_profile.servers[0].name, m_profile.servers[1].name));
    auto* watcher = new QFutureWatcher<Result<ReplicaControl::Comparison>>(this);
    connect(watcher, &QFutureWatcher<Result<ReplicaControl::Comparison>>::finished, this, [this, watcher] {
        const Result<ReplicaControl::Comparison> r = watcher->result();
        watcher->deleteLater();
        statusBar()->clearMessage();
        const QString a = m_profile.servers[0].name;
        const QString b = m_profile.servers[1].name;
        QString text;
        if (!r) {
            text = r.error().toString();
        } else {
            text = tr("%1 table(s) compared, %2 differ.").arg(r->tablesCompared).arg(r->differences.size());
            text += QLatin1Char('\n');
            for (const TableDifference& d : r->differences)
                text
                    += tr("\n%1.%2: %3 %4, %5 %6")
                           .arg(d.database, d.table, a, d.checksumA.isEmpty() ? tr("(missing)") : d.checksumA,
                               b, d.checksumB.isEmpty() ? tr("(missing)") : d.checksumB);
            text += tr(
                "\n\nA table written to during the comparison may show as different: compare again once "
                "replication has caught up.");
        }
        auto* dialog = new TextReportDialog(tr("Data Comparison"), text, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    watcher->setFuture(m_control->compareData());
}

void MainWindow::showConfigDiff(int index)
{
    if (!m_hasPair)
        return;
    const QString name = m_profile.servers[index].name;
    statusBar()->showMessage(tr("Working out the configuration changes for %1…").arg(name));
    auto* runner = new SetupRunner(m_profile, this);
    connect(runner, &SetupRunner::event, this, &MainWindow::onSetupEvent);
    connect(runner, &SetupRunner::finished, this, [this, runner, name](bool ok) {
        QString text;
        for (const PlanStep& s : runner->plan().steps)
            if (!s.diff.isEmpty() && (s.server == name || s.server.isEmpty()))
                text += QStringLiteral("# %1\n%2\n").arg(s.title, s.diff);
        if (text.isEmpty())
            text = ok
                ? tr("The configuration of %1 already holds every setting the pair needs: nothing to change.")
                      .arg(name)
                : tr("No plan: %1").arg(runner->error().toString());
        SetupWizard::retire(runner);
        statusBar()->clearMessage();
        auto* dialog = new TextReportDialog(tr("Configuration Changes for %1").arg(name), text, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    runner->start(SetupRunner::Mode::Plan);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    connect(&dialog, &PreferencesDialog::languageChanged, this, [this] {
        QMessageBox::information(
            this, tr("Language"), tr("The new language applies when RepliPair starts again."));
    });
    connect(&dialog, &PreferencesDialog::monitoringChanged, this, [this] {
        m_model->setLagThreshold(AppSettings::lagThresholdSec());
        if (m_monitor)
            setMonitoring(true);
    });
    dialog.exec();
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
