#pragma once

#include <QObject>
#include <QString>

#include <memory>

class MainWindow;
class SetupWizard;
class StatusHistory;

/** Takes the README's screenshots (canvas, main window, wizard pages) of a sample pair, then quits.
 *  Started by the hidden `--screenshot DIR` option; the language is the app's current one. */
class ScreenshotTour : public QObject
{
    Q_OBJECT
public:
    ScreenshotTour(const QString& dir, const QString& suffix, QObject* parent = nullptr);
    ~ScreenshotTour() override;

    void start();

Q_SIGNALS:
    void finished(bool ok);

private:
    void showSamplePair();
    void shootMain();
    void shootCharts();
    void openWizard();
    void shootServerPage();
    void shootPreflight();
    void shootPlan();
    bool save(QWidget* widget, const QString& name);
    /** Calls @p next once the wizard's current page runs nothing any more. */
    void whenIdle(void (ScreenshotTour::*next)());

    QString m_dir;
    QString m_suffix;
    MainWindow* m_window = nullptr;
    SetupWizard* m_wizard = nullptr;
    std::unique_ptr<StatusHistory> m_history; ///< sample history for the charts
    bool m_ok = true;
};
