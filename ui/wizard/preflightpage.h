#pragma once

#include "common/steperror.h"
#include "setup/setupplan.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class SetupRunner;
class SetupWizard;

/** Pre-flight: inspects both servers (SetupRunner Mode::Inspect) and lists every finding at once.
 *  Errors block Next; warnings need a tick. */
class PreflightPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit PreflightPage(SetupWizard* wizard);
    ~PreflightPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    /** Shows the findings of @p plan (and @p error when the inspection itself failed). Public for tests. */
    void showResult(const SetupPlan& plan, const StepError& error = {});
    bool isRunning() const { return m_runner != nullptr; }
    int errorCount() const { return m_errors; }
    int warningCount() const { return m_warnings; }

private:
    void startInspection();
    void onFinished(bool ok);

    SetupWizard* m_wizard;
    SetupRunner* m_runner = nullptr;
    int m_errors = 0;
    int m_warnings = 0;
    bool m_haveResult = false;
    QLabel* m_status;
    QProgressBar* m_busy;
    QTreeWidget* m_findings;
    QLabel* m_detail; ///< the selected finding in full, wrapped
    QCheckBox* m_acknowledge;
    QPushButton* m_recheck;
};
