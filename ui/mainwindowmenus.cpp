#include "mainwindow.h"

#include "appsettings.h"
#include "common/manualpage.h"
#include "monitor/eventlist.h"
#include "monitor/incidentreport.h"
#include "monitor/logview.h"
#include "monitor/replicaactions.h"
#include "monitor/topologymodel.h"
#include "pairlist.h"
#include "preferencesdialog.h"
#include "topology/topologyview.h"
#include "wizard/setupwizard.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QUrl>

// The menu bar, and the dialogs and pages its commands open.

namespace {
MainWindow::UrlOpener& urlOpener()
{
    static MainWindow::UrlOpener opener = [](const QUrl& url) { return QDesktopServices::openUrl(url); };
    return opener;
}
} // namespace

void MainWindow::setUrlOpener(UrlOpener opener)
{
    urlOpener() = std::move(opener);
}

void MainWindow::createActions()
{
    auto add = [this](QMenu* menu, const char* name, const QString& text, auto slot) {
        QAction* a = menu->addAction(text, this, slot);
        a->setObjectName(QLatin1String(name));
        return a;
    };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    add(file, "actionNewPair", tr("&New Pair…"), [this] {
        startWizard(SetupWizard::defaultProfile());
    })->setShortcut(QKeySequence::New);
    add(file, "actionOpen", tr("&Open Profile…"), [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Pair Profile"),
            AppSettings::value(AppSettings::Key::LastProfileDir).toString(),
            tr("Pair profiles (*.replipair.json);;JSON (*.json)"));
        if (!path.isEmpty())
            openPairFile(path);
    })->setShortcut(QKeySequence::Open);
    add(file, "actionExportReport", tr("&Export Report…"), [this] {
        exportReport();
    })->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    QAction* prefs = add(file, "actionPreferences", tr("&Preferences…"), [this] { showPreferences(); });
    prefs->setShortcut(QKeySequence::Preferences);
    prefs->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction* quit = add(file, "actionQuit", tr("&Quit"), [this] { close(); });
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu* pair = menuBar()->addMenu(tr("&Pair"));
    add(pair, "actionInspect", tr("&Inspect Both Servers"), [this] {
        inspect();
    })->setShortcut(QKeySequence::Refresh);
    add(pair, "actionSetupAgain", tr("&Run Setup Again…"), [this] {
        if (m_hasPair)
            startWizard(m_profile);
    });
    m_monitorAction = add(pair, "actionMonitor", tr("&Monitor"), [this](bool on) { setMonitoring(on); });
    m_monitorAction->setCheckable(true);
    m_monitorAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    add(pair, "actionMoveWritesMenu", tr("Move &Writes to the Other Server…"), [this] {
        // from the writer to the other one; with two writers, to B
        moveWrites(m_profile.writerIndex() == 1 ? 0 : 1);
    });
    add(pair, "actionRebuildMenu", tr("&Rebuild a Server from Its Peer…"), [this] {
        // the reader (not the writer) of a single-writer pair; with two writers, B
        if (m_hasPair && m_actions)
            m_actions->rebuild(m_profile.writerIndex() == 1 ? 0 : 1);
    });
    add(pair, "actionForgetPasswords", tr("&Forget Remembered Passwords"), [this] { forgetPasswords(); });
    m_demoAction = add(
        pair, "actionDemoSetup", tr("Set Up the &Demo Pair…"), [this] { startWizard(m_demoProfile, true); });
    m_demoAction->setVisible(false);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_pairsDock->toggleViewAction());
    view->addAction(m_inspectionDock->toggleViewAction());
    view->addAction(m_logDock->toggleViewAction());
    add(view, "actionGoToCanvas", tr("Go to &Canvas"), [this] {
        m_tabs->setCurrentWidget(m_view);
        m_view->setFocus();
    })->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    add(view, "actionGoToPairs", tr("Go to Saved &Pairs"), [this] {
        m_pairsDock->show();
        m_pairs->setFocus();
    })->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    add(view, "actionGoToLog", tr("Go to &Log"), [this] {
        m_logDock->show();
        m_log->setFocus();
    })->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    add(help, "actionManual", tr("RepliPair &Manual"), [this] {
        // the page in the language the window shows (the Chinese one for Chinese)
        const QString page = ManualPage::path(QLocale().name());
        if (!urlOpener()(QUrl::fromLocalFile(page)))
            statusBar()->showMessage(tr("Could not open the manual %1.").arg(page), 8000);
    })->setShortcut(QKeySequence::HelpContents);
    // the README's how-tos, each a page of the manual in the window's language
    QMenu* howTo = help->addMenu(tr("&How To"));
    howTo->setObjectName(QStringLiteral("menuHowTo"));
    const std::pair<const char*, QString> howTos[] = {
        { "setup.md", tr("Set Up a Pair") },
        { "monitoring.md", tr("Watch a Pair and Read Its Alerts") },
        { "breaks.md", tr("Act on a Break (Skip, Compare, Start a Server)") },
        { "compare.md", tr("Compare and Repair the Data") },
        { "switchover.md", tr("Move the Writes to the Other Server") },
        { "recover.md", tr("Recover After an Interrupted Run") },
        { "troubleshooting.md", tr("Troubleshooting") },
    };
    for (const auto& [pageName, title] : howTos) {
        const QString page = QString::fromLatin1(pageName);
        QAction* a = howTo->addAction(title, this, [this, page] {
            const QString file = ManualPage::path(QLocale().name(), page);
            if (!urlOpener()(QUrl::fromLocalFile(file)))
                statusBar()->showMessage(tr("Could not open the manual %1.").arg(file), 8000);
        });
        a->setObjectName(QStringLiteral("actionHowTo_") + page.chopped(3));
    }
    add(help, "actionShortcuts", tr("&Keyboard Shortcuts"), [this] { showShortcuts(); });
    help->addSeparator();
    add(help, "actionAbout", tr("&About RepliPair"), [this] {
        QMessageBox::about(this, tr("About RepliPair"),
            tr("<b>RepliPair %1</b><p>Sets up and watches MySQL/MariaDB master-master replication.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::showShortcuts()
{
    // every menu action that has a shortcut, in the window's language: the list cannot go stale
    QString rows;
    for (QAction* menu : menuBar()->actions()) {
        if (!menu->menu())
            continue;
        for (QAction* a : menu->menu()->actions())
            if (!a->shortcut().isEmpty())
                rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2 ▸ %3</td></tr>")
                            .arg(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                                QString(menu->text()).remove(QLatin1Char('&')).toHtmlEscaped(),
                                QString(a->text()).remove(QLatin1Char('&')).toHtmlEscaped());
    }
    rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                .arg(tr("Menu key / Shift+F10").toHtmlEscaped(),
                    tr("the selected server's actions on the canvas").toHtmlEscaped());
    auto* box = new QMessageBox(QMessageBox::Information, tr("Keyboard Shortcuts"),
        QStringLiteral("<table cellpadding=\"3\">%1</table>").arg(rows), QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("shortcutsDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::exportReport()
{
    if (!m_hasPair) {
        statusBar()->showMessage(tr("Open a pair first: the report is about the open pair."), 8000);
        return;
    }
    const QString suggested
        = QDir(AppSettings::value(AppSettings::Key::LastProfileDir).toString())
              .filePath(tr("%1-report-%2.html")
                            .arg(m_profile.name,
                                QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Report"), suggested, tr("HTML (*.html);;PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    const Result<void> written
        = IncidentReport::write(path, IncidentReport::html(*m_model, m_events->events()));
    statusBar()->showMessage(written ? tr("Report written to %1").arg(path) : written.error().text, 8000);
    if (!written)
        QMessageBox::warning(this, tr("Export Report"), written.error().text);
}

void MainWindow::showPreferences()
{
    if (auto* open = findChild<PreferencesDialog*>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto* dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &PreferencesDialog::languageChanged, this, [this] {
        QMessageBox::information(
            this, tr("Language"), tr("The new language applies when RepliPair starts again."));
    });
    connect(dialog, &PreferencesDialog::monitoringChanged, this, [this] {
        m_model->setLagThreshold(AppSettings::lagThresholdSec());
        if (m_monitor)
            setMonitoring(true);
    });
    connect(dialog, &PreferencesDialog::scheduleChanged, this, [this] {
        if (m_actions)
            m_actions->armSchedule();
    });
    dialog->open();
}
