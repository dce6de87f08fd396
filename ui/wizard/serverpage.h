#pragma once

#include "common/pairprofile.h"
#include "setup/connectiontester.h"

#include <QWizardPage>

class QCheckBox;
class SshAccessBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class SetupWizard;

/** One server of the pair: SQL endpoint, admin account, SSH access, config file and restart command,
 *  with an asynchronous Test connection. Edits profile().servers[index]. Placeholders are defaults that
 *  work; the second server can take the first one's account and SSH access ("same as A"); typed passwords
 *  stay in memory unless "remember" is ticked (then the OS keychain keeps them, the profile names the
 *  entries). */
class ServerPage : public QWizardPage
{
    Q_OBJECT
public:
    ServerPage(SetupWizard* wizard, int index);

    int index() const { return m_index; }
    bool isComplete() const override;
    bool validatePage() override;
    void initializePage() override;
    void cleanupPage() override;

    /** Why Next is disabled, empty when the page is complete. */
    QString validationProblem() const;
    /** The fields as a ServerProfile (the shared profile is updated on Next). */
    ServerProfile fromFields() const;
    /** Whether the typed passwords are to be remembered in the OS keychain. */
    bool remembersPasswords() const;
    void testConnection();
    bool isTesting() const { return m_tester->isRunning(); }

private:
    void loadFields(const ServerProfile& server);
    /** Shows the first server's admin account and SSH access and locks them (second server only). */
    void followFirstServer(bool on);
    void onTestFinished(const ConnectionTester::Outcome& outcome);
    void setResult(const QString& text, int state); ///< state: 0 neutral, 1 good, 2 bad
    QString name(const char* suffix) const;

    SetupWizard* m_wizard;
    int m_index;
    bool m_loaded = false;
    bool m_hostKeyConfirmed = false; ///< the SSH host key is known, or the user trusted it
    bool m_advanceAfterTest = false; ///< Next was pressed before the host key was confirmed
    bool m_restartNotFound = false; ///< the last test found no restart command while Detect is ticked
    ConnectionTester* m_tester;

    QLineEdit* m_name;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_adminUser;
    QLineEdit* m_password;
    QLineEdit* m_passwordEnv;
    QLineEdit* m_peerHost;
    QCheckBox* m_sameAsA = nullptr; ///< second server only
    QCheckBox* m_remember;
    SshAccessBox* m_ssh;
    QLineEdit* m_configFile;
    QCheckBox* m_configAuto;
    QLineEdit* m_restartCommand;
    QCheckBox* m_restartAuto;
    QPushButton* m_testButton;
    QLabel* m_testResult;
    QLabel* m_problem;
    QString m_passwordFile; ///< kept from the loaded profile (sandbox, ~/.my.cnf style)
};
