#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"
#include "inspection/serverinspection.h"
#include "setup/setupevent.h"
#include "setup/setupplan.h"

#include <QWizard>

class ExecutePage;
class OptionsPage;
class PlanPage;
class PreflightPage;
class ResultPage;
class ServerPage;
class SetupRunner;
class WizardIntroPage;

/** The guided first-time setup: every page edits one shared PairProfile (the KeePassXC NewDatabaseWizard
 * idea); the pre-flight, plan and setup pages drive a SetupRunner and show what it reports. */
class SetupWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId {
        IntroPageId,
        ServerAPageId,
        ServerBPageId,
        OptionsPageId,
        PreflightPageId,
        PlanPageId,
        ExecutePageId,
        ResultPageId
    };

    explicit SetupWizard(const PairProfile& profile = defaultProfile(), QWidget* parent = nullptr);
    ~SetupWizard() override;

    PairProfile& profile() { return m_profile; }
    const PairProfile& profile() const { return m_profile; }
    /** The plan the plan page showed (what the execute page runs). */
    SetupPlan& plan() { return m_plan; }
    void setSavedPath(const QString& path) { m_savedPath = path; }
    /** A demo pair: its profile is saved in the sandbox folder and not added to the recent pairs. */
    void setDemo(bool demo) { m_demo = demo; }
    bool isDemo() const { return m_demo; }

    ServerPage* serverPage(int index) const { return m_serverPages[index]; }
    PreflightPage* preflightPage() const { return m_preflightPage; }
    PlanPage* planPage() const { return m_planPage; }
    ExecutePage* executePage() const { return m_executePage; }
    ResultPage* resultPage() const { return m_resultPage; }

    /** Lets a runner finish in the background and deletes it then; never waits for it here. */
    static void retire(SetupRunner* runner);
    /** A new pair with servers named A and B on this machine's default port. */
    static PairProfile defaultProfile();

    /** Relays a runner's events to the window's live log. */
    void relayEvent(const SetupEvent& event) { Q_EMIT setupEvent(event); }
    void relayInspections(const ServerInspection& a, const ServerInspection& b) { Q_EMIT inspected(a, b); }

Q_SIGNALS:
    void setupEvent(const SetupEvent& event);
    void inspected(const ServerInspection& a, const ServerInspection& b);
    /** The profile was saved to @p path (profile() still holds the passwords typed, in memory). */
    void profileSaved(const QString& path);
    /** The profile was saved to @p path and should be opened in the main window. */
    void pairReady(const QString& path);

public Q_SLOTS:
    void reject() override;
    void done(int result) override;

private:
    PairProfile m_profile;
    SetupPlan m_plan;
    QString m_savedPath;
    bool m_demo = false;
    ServerPage* m_serverPages[2] = { nullptr, nullptr };
    PreflightPage* m_preflightPage = nullptr;
    PlanPage* m_planPage = nullptr;
    ExecutePage* m_executePage = nullptr;
    ResultPage* m_resultPage = nullptr;
};
