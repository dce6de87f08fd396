#pragma once

#include <QWizardPage>

class SetupWizard;

/** What the setup will do, and what the user needs at hand before starting. */
class WizardIntroPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit WizardIntroPage(SetupWizard* wizard);
};
