#pragma once

#include "common/steperror.h"
#include "setup/setupevent.h"

#include <QElapsedTimer>
#include <QHash>
#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;
class SetupRunner;
class SetupWizard;

/** Runs the setup (SetupRunner Mode::Setup) and shows every step with its live state, elapsed time and
 * output. Cancel asks the runner to stop at the next safe point. */
class ExecutePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ExecutePage(SetupWizard* wizard);
    ~ExecutePage() override;

    void initializePage() override;
    bool isComplete() const override;

    bool isRunning() const { return m_runner != nullptr; }
    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_ok; }
    const StepError& error() const { return m_error; }
    void cancelSetup();
    /** Shows one runner event. Public for tests. */
    void addEvent(const SetupEvent& event);

Q_SIGNALS:
    /** The run ended (also cancelled), after the page shows how. */
    void runFinished(bool ok);

private:
    void onFinished(bool ok);
    void tick();
    QTreeWidgetItem* rowFor(const SetupEvent& event);

    SetupWizard* m_wizard;
    SetupRunner* m_runner = nullptr;
    bool m_finished = false;
    bool m_ok = false;
    bool m_cancelRequested = false;
    StepError m_error;
    QElapsedTimer m_total;
    QHash<QString, QTreeWidgetItem*> m_rows;
    QHash<QTreeWidgetItem*, QElapsedTimer> m_running;
    QLabel* m_status;
    QProgressBar* m_busy;
    QTreeWidget* m_steps;
    QPlainTextEdit* m_log;
    QTimer* m_ticker;
};
