#include "wizard/serverpage.h"

#include "credentialstore.h"
#include "wizard/hostkeydialog.h"
#include "wizard/setupwizard.h"
#include "wizard/sshaccessbox.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

ServerPage::ServerPage(SetupWizard* wizard, int index)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_index(index)
    , m_tester(new ConnectionTester(this))
{
    setObjectName(name("Page"));
    setTitle(index == 0 ? tr("First server") : tr("Second server"));
    setSubTitle(tr("How RepliPair reaches this server's SQL port, and its host for the configuration file."));

    auto lineEdit = [this](const char* suffix, const QString& placeholder = {}) {
        auto* e = new QLineEdit(this);
        e->setObjectName(name(suffix));
        e->setPlaceholderText(placeholder);
        connect(e, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
        return e;
    };
    m_name = lineEdit("Name", tr("e.g. A"));
    m_host = lineEdit("Host", tr("host name or IP address"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(name("Port"));
    m_port->setRange(1, 65535);
    m_port->setValue(3306);
    m_adminUser = lineEdit("AdminUser", QStringLiteral("root"));
    m_password = lineEdit("Password", tr("kept in memory only, unless remembered below"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordEnv = lineEdit("PasswordEnv", tr("optional: name of an environment variable"));
    m_peerHost = lineEdit("PeerHost", tr("default: the host above"));
    m_peerHost->setToolTip(tr("The address the other server uses to reach this one, when it differs (NAT, "
                              "a second network)."));
    m_remember = new QCheckBox(tr("Re&member the passwords typed here in the system keychain"), this);
    m_remember->setObjectName(name("Remember"));
    m_remember->setToolTip(tr("The profile then names the keychain entry, never the password; reopening the "
                              "pair does not ask again."));

    auto* sqlBox = new QGroupBox(tr("Database server"), this);
    auto* sqlForm = new QFormLayout(sqlBox);
    sqlForm->addRow(tr("&Name:"), m_name);
    auto* hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    auto* portLabel = new QLabel(tr("&Port:"), this);
    portLabel->setBuddy(m_port);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_port);
    sqlForm->addRow(tr("&Host:"), hostRow);
    static_cast<QLabel*>(sqlForm->labelForField(hostRow))->setBuddy(m_host);
    if (index == 1) {
        m_sameAsA = new QCheckBox(tr("Same admin account and SSH access as the first server"), this);
        m_sameAsA->setObjectName(name("SameAsA"));
        connect(m_sameAsA, &QCheckBox::toggled, this, &ServerPage::followFirstServer);
        sqlForm->addRow(QString(), m_sameAsA);
    }
    sqlForm->addRow(tr("&Admin user:"), m_adminUser);
    sqlForm->addRow(tr("Pass&word:"), m_password);
    sqlForm->addRow(tr("…or from &variable:"), m_passwordEnv);
    sqlForm->addRow(tr("Address seen by the p&eer:"), m_peerHost);

    m_ssh = new SshAccessBox(name(""), this);
    connect(m_ssh, &SshAccessBox::changed, this, &QWizardPage::completeChanged);
    connect(m_ssh, &SshAccessBox::endpointChanged, this, [this] { m_hostKeyConfirmed = false; });

    auto* configBox = new QGroupBox(tr("Configuration file and restart"), this);
    m_configFile = lineEdit("ConfigFile", tr("e.g. /etc/mysql/my.cnf"));
    m_configAuto = new QCheckBox(tr("De&tect"), this);
    m_configAuto->setObjectName(name("ConfigAuto"));
    m_restartCommand = lineEdit("RestartCommand", tr("e.g. systemctl restart mariadb"));
    m_restartAuto = new QCheckBox(tr("Dete&ct"), this);
    m_restartAuto->setObjectName(name("RestartAuto"));
    for (auto [check, edit] :
        { std::pair { m_configAuto, m_configFile }, std::pair { m_restartAuto, m_restartCommand } })
        connect(check, &QCheckBox::toggled, this, [this, edit = edit](bool on) {
            edit->setEnabled(!on);
            if (edit == m_restartCommand && !on)
                m_restartNotFound = false; // a command typed by hand replaces the detection
            Q_EMIT completeChanged();
        });
    auto* configForm = new QFormLayout(configBox);
    auto* configRow = new QHBoxLayout;
    configRow->addWidget(m_configFile, 1);
    configRow->addWidget(m_configAuto);
    configForm->addRow(tr("Config &file:"), configRow);
    static_cast<QLabel*>(configForm->labelForField(configRow))->setBuddy(m_configFile);
    auto* restartRow = new QHBoxLayout;
    restartRow->addWidget(m_restartCommand, 1);
    restartRow->addWidget(m_restartAuto);
    configForm->addRow(tr("&Restart command:"), restartRow);
    static_cast<QLabel*>(configForm->labelForField(restartRow))->setBuddy(m_restartCommand);

    m_testButton = new QPushButton(tr("Test &Connection"), this);
    m_testButton->setObjectName(name("TestButton"));
    connect(m_testButton, &QPushButton::clicked, this, &ServerPage::testConnection);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(name("TestResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem = new QLabel(this);
    m_problem->setObjectName(name("Problem"));
    m_problem->setWordWrap(true);
    connect(m_tester, &ConnectionTester::finished, this, &ServerPage::onTestFinished);

    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);
    // the fields scroll when the screen is low (1280x800 with the SSH box open); the connection test and
    // what keeps Next disabled stay in sight below them
    auto* fields = new QWidget;
    fields->setObjectName(name("Fields"));
    auto* fieldsLayout = new QVBoxLayout(fields);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    fieldsLayout->addWidget(sqlBox);
    fieldsLayout->addWidget(m_ssh);
    fieldsLayout->addWidget(m_remember);
    fieldsLayout->addWidget(configBox);
    fieldsLayout->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(name("Scroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(fields);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll, 1);
    layout->addLayout(testRow);
    layout->addWidget(m_problem);

    setTabOrder(m_name, m_host);
    setTabOrder(m_host, m_port);
    setTabOrder(m_port, m_adminUser);
    setTabOrder(m_adminUser, m_password);
    setTabOrder(m_password, m_passwordEnv);
    setTabOrder(m_passwordEnv, m_peerHost);
    setTabOrder(m_peerHost, m_ssh);
    setTabOrder(m_ssh, m_ssh->firstField());
    setTabOrder(m_ssh->lastField(), m_remember);
    setTabOrder(m_remember, m_configFile);
    setTabOrder(m_configFile, m_configAuto);
    setTabOrder(m_configAuto, m_restartCommand);
    setTabOrder(m_restartCommand, m_restartAuto);
    setTabOrder(m_restartAuto, m_testButton);

    loadFields(wizard->profile().servers[index]);
}

QString ServerPage::name(const char* suffix) const
{
    return (m_index == 0 ? QStringLiteral("serverA") : QStringLiteral("serverB")) + QLatin1String(suffix);
}

void ServerPage::loadFields(const ServerProfile& s)
{
    m_name->setText(s.name);
    m_host->setText(s.host);
    m_port->setValue(s.port);
    m_adminUser->setText(s.adminUser == QLatin1String("root") ? QString() : s.adminUser);
    m_password->setText(s.adminPasswordOverride);
    m_passwordEnv->setText(s.adminPasswordEnv);
    m_passwordFile = s.adminPasswordFile;
    if (!m_passwordFile.isEmpty())
        m_password->setPlaceholderText(tr("from the file %1").arg(m_passwordFile));
    m_remember->setChecked(!s.adminPasswordKeychain.isEmpty() || !s.ssh.passwordKeychain.isEmpty());
    m_peerHost->setText(s.peerHost);
    m_ssh->load(s);
    const bool configAuto = s.configFile.isEmpty() || s.configFile == QLatin1String("auto");
    const bool restartAuto = s.restartCommand.isEmpty() || s.restartCommand == QLatin1String("auto");
    m_configFile->setText(configAuto ? QString() : s.configFile);
    m_configAuto->setChecked(configAuto);
    m_configFile->setEnabled(!configAuto);
    m_restartCommand->setText(restartAuto ? QString() : s.restartCommand);
    m_restartAuto->setChecked(restartAuto);
    m_restartCommand->setEnabled(!restartAuto);
    m_hostKeyConfirmed = false;
}

void ServerPage::followFirstServer(bool on)
{
    const ServerProfile& a = m_wizard->profile().servers[0];
    if (on) {
        ServerProfile shown = fromFields();
        shown.adminUser = a.adminUser;
        shown.adminPasswordOverride = a.adminPasswordOverride;
        shown.adminPasswordEnv = a.adminPasswordEnv;
        shown.hasSsh = a.hasSsh;
        const QString ownSshHost = shown.ssh.host == a.ssh.host ? shown.host : shown.ssh.host;
        shown.ssh = a.ssh;
        shown.ssh.host = ownSshHost.isEmpty() ? shown.host : ownSshHost; // the account, not the address
        m_adminUser->setText(shown.adminUser == QLatin1String("root") ? QString() : shown.adminUser);
        m_password->setText(shown.adminPasswordOverride);
        m_passwordEnv->setText(shown.adminPasswordEnv);
        m_ssh->load(shown);
        m_remember->setChecked(m_wizard->serverPage(0)->remembersPasswords());
    }
    for (QWidget* w : { static_cast<QWidget*>(m_adminUser), static_cast<QWidget*>(m_password),
             static_cast<QWidget*>(m_passwordEnv), static_cast<QWidget*>(m_remember) })
        w->setEnabled(!on);
    m_ssh->setEnabled(!on); // shows the first server's SSH access, read-only
    m_hostKeyConfirmed = false;
    Q_EMIT completeChanged();
}

bool ServerPage::remembersPasswords() const
{
    return m_remember->isChecked();
}

ServerProfile ServerPage::fromFields() const
{
    ServerProfile s = m_wizard->profile().servers[m_index];
    s.name = m_name->text().trimmed();
    s.host = m_host->text().trimmed();
    s.port = m_port->value();
    // a placeholder is a default that works: an empty admin user is root
    s.adminUser
        = m_adminUser->text().trimmed().isEmpty() ? QStringLiteral("root") : m_adminUser->text().trimmed();
    s.adminPasswordOverride = m_password->text();
    s.adminPasswordEnv = m_passwordEnv->text().trimmed();
    s.adminPasswordFile = m_passwordFile;
    s.peerHost = m_peerHost->text().trimmed();
    m_ssh->apply(s);
    s.configFile = m_configAuto->isChecked() || m_configFile->text().trimmed().isEmpty()
        ? QStringLiteral("auto")
        : m_configFile->text().trimmed();
    s.restartCommand = m_restartAuto->isChecked() || m_restartCommand->text().trimmed().isEmpty()
        ? QStringLiteral("auto")
        : m_restartCommand->text().trimmed();
    // remembered: the profile names the keychain entries, the keychain holds what was typed
    const bool remember = m_remember->isChecked();
    s.adminPasswordKeychain = remember && !s.adminPasswordOverride.isEmpty()
        ? CredentialStore::entryName(s, CredentialStore::Secret::Sql)
        : QString();
    s.ssh.passwordKeychain = remember && s.hasSsh && !s.ssh.passwordOverride.isEmpty()
        ? CredentialStore::entryName(s, CredentialStore::Secret::Ssh)
        : QString();
    return s;
}

QString ServerPage::validationProblem() const
{
    static const QRegularExpression hostPattern(QStringLiteral("^[A-Za-z0-9._:\\[\\]-]+$"));
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
    const QString n = m_name->text().trimmed();
    if (n.isEmpty())
        return tr("Give the server a short name.");
    if (!namePattern.match(n).hasMatch())
        return tr("The name may hold letters, digits, '-' and '_' only (at most 32).");
    if (m_index == 1 && n.compare(m_wizard->profile().servers[0].name, Qt::CaseInsensitive) == 0)
        return tr("Both servers are called %1; give this one another name.").arg(n);
    const QString h = m_host->text().trimmed();
    if (h.isEmpty())
        return tr("Enter the server's host name or IP address.");
    if (!hostPattern.match(h).hasMatch())
        return tr("\"%1\" is not a valid host name or address.").arg(h);
    const QString peer = m_peerHost->text().trimmed();
    if (!peer.isEmpty() && !hostPattern.match(peer).hasMatch())
        return tr("\"%1\" is not a valid peer address.").arg(peer);
    if (const QString ssh = m_ssh->validationProblem(); !ssh.isEmpty())
        return ssh;
    if (!m_configAuto->isChecked() && !m_configFile->text().trimmed().startsWith(QLatin1Char('/')))
        return tr("The configuration file needs an absolute path, or tick Detect.");
    if (!m_restartAuto->isChecked() && m_restartCommand->text().trimmed().isEmpty())
        return tr("Enter the restart command, or tick Detect.");
    // setup may have to restart this server, and the app starts it when it is down: Detect found nothing
    if (m_restartAuto->isChecked() && m_restartNotFound)
        return tr("No restart command was found: untick Detect and enter the command that restarts this "
                  "server.");
    return {};
}

bool ServerPage::isComplete() const
{
    const QString problem = validationProblem();
    m_problem->setText(problem);
    return problem.isEmpty();
}

void ServerPage::initializePage()
{
    if (!m_loaded) {
        m_loaded = true;
        loadFields(m_wizard->profile().servers[m_index]);
    }
    if (m_sameAsA && m_sameAsA->isChecked())
        followFirstServer(true); // the first server may have changed since
}

void ServerPage::cleanupPage()
{
    // keep what was typed when going back
}

bool ServerPage::validatePage()
{
    m_wizard->profile().servers[m_index] = fromFields();
    if (m_wizard->profile().servers[m_index].hasSsh && !m_hostKeyConfirmed) {
        // the SSH host key must be known or confirmed first: test, then come back through onTestFinished
        m_advanceAfterTest = true;
        testConnection();
        return false;
    }
    return true;
}

void ServerPage::testConnection()
{
    m_testButton->setEnabled(false);
    setResult(tr("Testing %1…").arg(fromFields().endpoint()), 0);
    m_tester->start(fromFields(), m_index);
}

void ServerPage::setResult(const QString& text, int state)
{
    m_testResult->setText(text);
    QPalette pal = palette();
    if (state == 1)
        pal.setColor(QPalette::WindowText, QColor(0x2e, 0x9d, 0x4a));
    else if (state == 2)
        pal.setColor(QPalette::WindowText, QColor(0xd9, 0x30, 0x25));
    m_testResult->setPalette(pal);
}

void ServerPage::onTestFinished(const ConnectionTester::Outcome& outcome)
{
    m_testButton->setEnabled(true);
    const bool advance = std::exchange(m_advanceAfterTest, false);
    QStringList lines;
    lines << (outcome.sqlOk ? tr("SQL: connected — %1").arg(outcome.sqlText)
                            : tr("SQL: failed — %1").arg(outcome.sqlText));
    if (outcome.sshTried)
        lines << (outcome.sshOk ? tr("SSH: connected — %1").arg(outcome.sshText)
                                : tr("SSH: failed — %1").arg(outcome.sshText));
    // what "Detect" would find; a failed detection names the field to fill in instead
    if (!outcome.configText.isEmpty())
        lines << (outcome.configFailed
                ? tr("Config file: not found — %1. Untick Detect and enter the file in “Config file”.")
                      .arg(outcome.configText)
                : tr("Config file: %1").arg(outcome.configText));
    if (!outcome.restartText.isEmpty())
        lines << (outcome.restartFailed
                ? tr("Restart: not found — %1. Untick Detect and enter the command in “Restart command”.")
                      .arg(outcome.restartText)
                : tr("Restart: %1").arg(outcome.restartText));
    const bool detectionFailed = outcome.configFailed || outcome.restartFailed;
    setResult(lines.join(QLatin1Char('\n')), outcome.ok() && !detectionFailed ? 1 : 2);
    m_restartNotFound = outcome.restartFailed && m_restartAuto->isChecked();
    Q_EMIT completeChanged();

    if (outcome.hostKey && outcome.hostKey->status == SshHostKey::Status::Known)
        m_hostKeyConfirmed = true;
    if (outcome.hostKey && outcome.hostKey->status != SshHostKey::Status::Known) {
        const ServerProfile s = fromFields();
        HostKeyDialog dialog(s.name, s.ssh.host, s.ssh.port, *outcome.hostKey, this);
        if (dialog.exec() == QDialog::Accepted) {
            m_advanceAfterTest = advance;
            m_testButton->setEnabled(false);
            setResult(tr("Trusting the host key and testing again…"), 0);
            m_tester->trustHostKeyAndRetest(s, m_index, outcome.hostKey->fingerprint);
        }
        return;
    }
    if (advance && m_hostKeyConfirmed && !m_restartNotFound && wizard()->currentPage() == this)
        wizard()->next();
}
