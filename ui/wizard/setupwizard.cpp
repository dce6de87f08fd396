#include "wizard/setupwizard.h"

#include "appsettings.h"
#include "setup/setuprunner.h"
#include "wizard/executepage.h"
#include "wizard/optionspage.h"
#include "wizard/planpage.h"
#include "wizard/preflightpage.h"
#include "wizard/resultpage.h"
#include "wizard/serverpage.h"
#include "wizard/wizardintropage.h"

#include <QMessageBox>
#include <QPushButton>
#include <QScreen>

SetupWizard::SetupWizard(const PairProfile& profile, QWidget* parent)
    : QWizard(parent)
    , m_profile(profile)
{
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("Set Up Master-Master Replication"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    // our own texts, so that the buttons are translated even where Qt's translations are not installed
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::CommitButton, tr("&Run Setup"));
    setButtonText(QWizard::FinishButton, tr("&Finish"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    button(QWizard::BackButton)->setObjectName(QStringLiteral("wizardBackButton"));
    button(QWizard::NextButton)->setObjectName(QStringLiteral("wizardNextButton"));
    button(QWizard::CommitButton)->setObjectName(QStringLiteral("wizardCommitButton"));
    button(QWizard::FinishButton)->setObjectName(QStringLiteral("wizardFinishButton"));
    button(QWizard::CancelButton)->setObjectName(QStringLiteral("wizardCancelButton"));

    setPage(IntroPageId, new WizardIntroPage(this));
    m_serverPages[0] = new ServerPage(this, 0);
    m_serverPages[1] = new ServerPage(this, 1);
    setPage(ServerAPageId, m_serverPages[0]);
    setPage(ServerBPageId, m_serverPages[1]);
    setPage(OptionsPageId, new OptionsPage(this));
    m_preflightPage = new PreflightPage(this);
    setPage(PreflightPageId, m_preflightPage);
    m_planPage = new PlanPage(this);
    setPage(PlanPageId, m_planPage);
    m_executePage = new ExecutePage(this);
    setPage(ExecutePageId, m_executePage);
    m_resultPage = new ResultPage(this);
    setPage(ResultPageId, m_resultPage);
    setStartId(IntroPageId);

    resize(900, 680);
    restoreGeometry(AppSettings::value(AppSettings::Key::WizardGeometry).toByteArray());
    // never taller or wider than the screen it opens on (a 1280x800 laptop): the server pages scroll instead
    if (const QScreen* on = screen())
        resize(size().boundedTo(on->availableGeometry().size()));
}

SetupWizard::~SetupWizard() = default;

PairProfile SetupWizard::defaultProfile()
{
    PairProfile p;
    p.name = QStringLiteral("pair");
    p.databases = QStringList { QStringLiteral("test") };
    p.servers[0].name = QStringLiteral("A");
    p.servers[1].name = QStringLiteral("B");
    p.writer = 0; // one writer at a time, A; the wizard's options page offers the others
    return p;
}

void SetupWizard::retire(SetupRunner* runner)
{
    if (!runner)
        return;
    runner->disconnect();
    runner->setParent(nullptr);
    if (!runner->isRunning()) {
        runner->deleteLater();
        return;
    }
    runner->cancel();
    connect(runner, &SetupRunner::finished, runner, &QObject::deleteLater);
}

void SetupWizard::reject()
{
    if (m_executePage && m_executePage->isRunning()) {
        QMessageBox box(QMessageBox::Warning, tr("Cancel Setup"),
            tr("The setup is running. Cancel it at the next safe point? Nothing is left half done: "
               "a held lock is released, a changed configuration file keeps its backup, and running "
               "the setup again resumes where it stopped."),
            QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("cancelSetupBox"));
        auto* stop = box.addButton(tr("Cancel the Setup"), QMessageBox::AcceptRole);
        auto* keep = box.addButton(tr("Keep Running"), QMessageBox::RejectRole);
        box.setDefaultButton(keep);
        box.exec();
        if (box.clickedButton() == stop)
            m_executePage->cancelSetup();
        return; // the page finishes the run; the wizard stays open to show how it ended
    }
    QWizard::reject();
}

void SetupWizard::done(int result)
{
    AppSettings::setValue(AppSettings::Key::WizardGeometry, saveGeometry());
    QWizard::done(result);
}
