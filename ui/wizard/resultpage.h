#pragma once

#include <QWizardPage>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class SetupWizard;

/** How the setup ended; saves the profile (*.replipair.json) and offers to open the pair on the canvas.
 *  The demo's profile stays in the demo's own folder: no path is offered for it. */
class ResultPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ResultPage(SetupWizard* wizard);

    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;

    /** Where the profile is saved by default: next to where it came from, else the app's data folder. */
    static QString defaultPath(const QString& pairName, const QString& loadedFrom);

private:
    SetupWizard* m_wizard;
    QLabel* m_summary;
    QLineEdit* m_path;
    QFormLayout* m_form;
    QCheckBox* m_open;
    QLabel* m_saveError;
};
