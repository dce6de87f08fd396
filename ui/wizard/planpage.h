#pragma once

#include "common/steperror.h"
#include "setup/setupplan.h"

#include <QWizardPage>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class SetupRunner;
class SetupWizard;

/** Plan preview: the exact SQL (passwords redacted) and config diffs each step applies; export to a file. */
class PlanPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit PlanPage(SetupWizard* wizard);
    ~PlanPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    /** Shows @p plan (or @p error). Public for tests and screenshots. */
    void showPlan(const SetupPlan& plan, const StepError& error = {});
    /** Writes the plan as text, or as JSON when @p path ends in .json. */
    bool exportTo(const QString& path);
    bool isRunning() const { return m_runner != nullptr; }

private:
    void startPlanning();
    void onFinished(bool ok);
    void showStep(int row);

    SetupWizard* m_wizard;
    SetupRunner* m_runner = nullptr;
    bool m_ready = false;
    QLabel* m_status;
    QProgressBar* m_busy;
    QListWidget* m_steps;
    QPlainTextEdit* m_detail;
    QPushButton* m_export;
};
