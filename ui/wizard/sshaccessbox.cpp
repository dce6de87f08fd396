#include "wizard/sshaccessbox.h"

#include "platform/platform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>

SshAccessBox::SshAccessBox(const QString& prefix, QWidget* parent)
    : QGroupBox(Platform::hasPosixShell()
            ? tr("Reach the host over &SSH (leave off for a server on this machine)")
            // Windows: a server on this machine has no /bin/sh for RepliPair's commands
            : tr("Reach the host over &SSH (needed on this system, also for a server on this machine)"),
        parent)
    , m_prefix(prefix)
{
    setObjectName(prefix + QStringLiteral("SshGroup"));
    setCheckable(true);
    setChecked(!Platform::hasPosixShell());
    setToolTip(Platform::noPosixShellReason());
    auto lineEdit = [this](const char* suffix, const QString& placeholder) {
        auto* e = new QLineEdit(this);
        e->setObjectName(m_prefix + QLatin1String(suffix));
        e->setPlaceholderText(placeholder);
        connect(e, &QLineEdit::textChanged, this, &SshAccessBox::changed);
        return e;
    };
    m_host = lineEdit("SshHost", tr("default: the host above"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(prefix + QStringLiteral("SshPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(22);
    m_user = lineEdit("SshUser", QStringLiteral("root"));
    m_auth = new QComboBox(this);
    m_auth->setObjectName(prefix + QStringLiteral("SshAuth"));
    m_auth->addItem(tr("Key file"), int(Auth::KeyFile));
    m_auth->addItem(tr("ssh-agent"), int(Auth::Agent));
    m_auth->setItemData(1, tr("The keys of the running ssh-agent (SSH_AUTH_SOCK)"), Qt::ToolTipRole);
    m_auth->addItem(tr("Password"), int(Auth::Password));
    m_keyFile = lineEdit("SshKeyFile", tr("default: ~/.ssh/id_ed25519, id_ecdsa or id_rsa"));
    m_browseKey = new QToolButton(this);
    m_browseKey->setObjectName(prefix + QStringLiteral("SshKeyBrowse"));
    m_browseKey->setText(tr("…"));
    m_browseKey->setAccessibleName(tr("Choose key file"));
    connect(m_browseKey, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("SSH Private Key"), QDir::homePath() + QStringLiteral("/.ssh"));
        if (!path.isEmpty())
            m_keyFile->setText(path);
    });
    m_password = lineEdit("SshPassword", tr("kept in memory only, unless remembered below"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordEnv = lineEdit("SshPasswordEnv", tr("…or the variable that holds it"));
    m_knownHosts = lineEdit("KnownHosts", QStringLiteral("~/.ssh/known_hosts"));
    m_sudo = new QCheckBox(tr("Use s&udo for files and restarts"), this);
    m_sudo->setObjectName(prefix + QStringLiteral("Sudo"));
    connect(m_sudo, &QCheckBox::toggled, this, &SshAccessBox::changed);
    connect(m_port, &QSpinBox::valueChanged, this, &SshAccessBox::endpointChanged);
    connect(m_auth, &QComboBox::currentIndexChanged, this, [this] {
        updateAuthFields();
        Q_EMIT endpointChanged();
        Q_EMIT changed();
    });
    for (QLineEdit* e : { m_host, m_user, m_keyFile, m_knownHosts })
        connect(e, &QLineEdit::textChanged, this, &SshAccessBox::endpointChanged);
    connect(this, &QGroupBox::toggled, this, [this] {
        Q_EMIT endpointChanged();
        Q_EMIT changed();
    });

    auto* form = new QFormLayout(this);
    auto* hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    auto* portLabel = new QLabel(tr("P&ort:"), this);
    portLabel->setBuddy(m_port);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_port);
    form->addRow(tr("SSH hos&t:"), hostRow);
    static_cast<QLabel*>(form->labelForField(hostRow))->setBuddy(m_host);
    form->addRow(tr("SSH &user:"), m_user);
    form->addRow(tr("&Authentication:"), m_auth);
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyFile, 1);
    keyRow->addWidget(m_browseKey);
    form->addRow(tr("&Key file:"), keyRow);
    static_cast<QLabel*>(form->labelForField(keyRow))->setBuddy(m_keyFile);
    form->addRow(tr("SSH pass&word:"), m_password);
    form->addRow(tr("Password &variable:"), m_passwordEnv);
    form->addRow(tr("Known &hosts file:"), m_knownHosts);
    form->addRow(QString(), m_sudo);
    updateAuthFields();
}

QWidget* SshAccessBox::firstField() const
{
    return m_host;
}

QWidget* SshAccessBox::lastField() const
{
    return m_sudo;
}

SshAccessBox::Auth SshAccessBox::auth() const
{
    return Auth(m_auth->currentData().toInt());
}

bool SshAccessBox::hasTypedPassword() const
{
    return isChecked() && auth() == Auth::Password && !m_password->text().isEmpty();
}

void SshAccessBox::updateAuthFields()
{
    const Auth a = auth();
    m_keyFile->setEnabled(a == Auth::KeyFile);
    m_browseKey->setEnabled(a == Auth::KeyFile);
    m_password->setEnabled(a == Auth::Password);
    m_passwordEnv->setEnabled(a == Auth::Password);
}

void SshAccessBox::load(const ServerProfile& s)
{
    setChecked(s.hasSsh);
    m_extra = s.ssh;
    m_host->setText(s.ssh.host == s.host ? QString() : s.ssh.host);
    m_port->setValue(s.ssh.port);
    m_user->setText(s.ssh.user == QLatin1String("root") ? QString() : s.ssh.user);
    const Auth a = !s.ssh.passwordEnv.isEmpty() || !s.ssh.passwordOverride.isEmpty()
            || !s.ssh.passwordKeychain.isEmpty()
        ? Auth::Password
        : s.ssh.agent ? Auth::Agent
                      : Auth::KeyFile; // an empty key file tries ssh-agent too: the engine's order
    m_auth->setCurrentIndex(m_auth->findData(int(a)));
    m_keyFile->setText(a == Auth::KeyFile ? s.ssh.keyFile : QString());
    m_password->setText(s.ssh.passwordOverride);
    m_passwordEnv->setText(s.ssh.passwordEnv);
    m_knownHosts->setText(
        s.ssh.knownHostsFile == QLatin1String("~/.ssh/known_hosts") ? QString() : s.ssh.knownHostsFile);
    m_sudo->setChecked(s.ssh.sudo);
    updateAuthFields();
}

void SshAccessBox::apply(ServerProfile& s) const
{
    s.hasSsh = isChecked();
    const QString keychain = s.ssh.passwordKeychain;
    s.ssh = m_extra;
    s.ssh.host = m_host->text().trimmed().isEmpty() ? s.host : m_host->text().trimmed();
    s.ssh.port = m_port->value();
    // a placeholder is a default that works: empty fields mean what they show
    s.ssh.user = m_user->text().trimmed().isEmpty() ? QStringLiteral("root") : m_user->text().trimmed();
    const Auth a = auth();
    // "Key file" left empty tries ssh-agent and the usual key files; "ssh-agent" only the agent's keys
    s.ssh.keyFile = a == Auth::KeyFile ? m_keyFile->text().trimmed() : QString();
    s.ssh.agent = a == Auth::Agent;
    s.ssh.passwordEnv = a == Auth::Password ? m_passwordEnv->text().trimmed() : QString();
    s.ssh.passwordOverride = a == Auth::Password ? m_password->text() : QString();
    s.ssh.passwordKeychain = a == Auth::Password ? keychain : QString();
    s.ssh.knownHostsFile = m_knownHosts->text().trimmed().isEmpty() ? QStringLiteral("~/.ssh/known_hosts")
                                                                    : m_knownHosts->text().trimmed();
    s.ssh.sudo = m_sudo->isChecked();
}

QString SshAccessBox::validationProblem() const
{
    if (!isChecked())
        return {};
    static const QRegularExpression hostPattern(QStringLiteral("^[A-Za-z0-9._:\\[\\]-]+$"));
    const QString sh = m_host->text().trimmed();
    if (!sh.isEmpty() && !hostPattern.match(sh).hasMatch())
        return tr("\"%1\" is not a valid SSH host.").arg(sh);
    if (auth() == Auth::Password && m_password->text().isEmpty() && m_passwordEnv->text().trimmed().isEmpty()
        && m_extra.passwordKeychain.isEmpty())
        return tr("Type the SSH password, or name the variable that holds it.");
    return {};
}
