#include "appsettings.h"
#include "mainwindow.h"
#include "platform/platform.h"
#include "platform/quitsignalwatcher.h"
#include "sandbox/demosandbox.h"
#include "screenshottour.h"
#include "uitranslator.h"
#include "wizard/setupwizard.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMessageBox>
#include <QStatusBar>

#include <memory>

namespace {
/** The translation context of the start-up texts: command-line help and the demo's messages. */
class GuiMain
{
    Q_DECLARE_TR_FUNCTIONS(GuiMain)
};
} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("RepliPair"));
    QApplication::setApplicationName(QStringLiteral("replipair"));
    QApplication::setApplicationDisplayName(QStringLiteral("RepliPair"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("replipair"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        GuiMain::tr("Sets up and watches MySQL/MariaDB master-master replication."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
        Platform::hasSandbox() ? GuiMain::tr("Start two local sandbox servers and set them up as a pair.")
                               : GuiMain::tr("Not available here: %1.").arg(Platform::noSandboxReason()));
    const QCommandLineOption langOption(
        QStringLiteral("lang"), GuiMain::tr("Use this language (en, zh_CN)."), QStringLiteral("code"));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QStringLiteral("Write screenshots into DIR and quit."), QStringLiteral("dir"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({ demoOption, langOption, screenshotOption });
    parser.addPositionalArgument(QStringLiteral("profile"), GuiMain::tr("A pair profile to open."),
        QStringLiteral("[profile.replipair.json]"));
    parser.process(app);

    UiTranslator translator;
    const QLocale locale
        = translator.install(parser.isSet(langOption) ? parser.value(langOption) : AppSettings::language());

    // SIGINT, SIGTERM and SIGHUP end the event loop (a running setup is cancelled first); the demo's
    // servers stop below
    QuitSignalWatcher quitSignals;
    QObject::connect(&quitSignals, &QuitSignalWatcher::quitRequested, &app, [] { QApplication::quit(); });

    if (parser.isSet(screenshotOption)) {
        ScreenshotTour tour(parser.value(screenshotOption),
            parser.isSet(langOption) ? parser.value(langOption) : locale.name());
        QObject::connect(
            &tour, &ScreenshotTour::finished, &app, [](bool ok) { QApplication::exit(ok ? 0 : 1); });
        tour.start();
        return app.exec();
    }

    AppSettings::migratePairsFolder(); // profiles saved by older versions in the doubled folder
    auto owned = std::make_unique<MainWindow>();
    MainWindow& window = *owned;
    window.show();
    QObject::disconnect(&quitSignals, &QuitSignalWatcher::quitRequested, &app, nullptr);
    QObject::connect(&quitSignals, &QuitSignalWatcher::quitRequested, &window, &MainWindow::quitSafely);

    DemoSandbox* demo = nullptr;
    if (parser.isSet(demoOption)) {
        demo = new DemoSandbox(&app);
        window.statusBar()->showMessage(GuiMain::tr("Starting two sandbox servers in %1…").arg(demo->dir()));
        QObject::connect(demo, &DemoSandbox::ready, &window,
            [&window] { window.statusBar()->showMessage(GuiMain::tr("Sandbox servers are up."), 5000); });
        window.offerDemo(demo);
        QObject::connect(demo, &DemoSandbox::failed, &window, [&window](const QString& error) {
            window.statusBar()->clearMessage();
            QMessageBox::critical(&window, GuiMain::tr("Demo"),
                GuiMain::tr("The sandbox servers could not be started:\n%1").arg(error));
        });
        demo->start();
    } else if (!parser.positionalArguments().isEmpty()) {
        window.openPairFile(parser.positionalArguments().constFirst());
    }

    const int rc = app.exec();
    // the window's monitor and workers go first, while the demo's servers still answer: a poll in flight to
    // a server already stopped would wait for its connection timeout
    owned.reset();
    if (demo)
        demo->stop(); // whichever way the app ended: window closed, Ctrl+Q, SIGTERM or SIGINT
    return rc;
}
