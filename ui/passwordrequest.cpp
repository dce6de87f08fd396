#include "passwordrequest.h"

#include "asynctask.h"
#include "credentialstore.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

bool PasswordRequest::needsSqlPassword(const ServerProfile& s)
{
    if (!s.adminPasswordOverride.isEmpty() || s.adminPasswordAnswered)
        return false;
    if (s.adminPasswordUnsourced())
        return true; // typed in the wizard and not remembered: ask, never try an empty one
    return !s.adminPasswordKeychain.isEmpty() || !s.adminPassword().has_value();
}

bool PasswordRequest::needsSshPassword(const ServerProfile& s)
{
    if (!s.hasSsh || !s.ssh.passwordOverride.isEmpty())
        return false;
    return !s.ssh.passwordKeychain.isEmpty()
        || (!s.ssh.passwordEnv.isEmpty()
            && qEnvironmentVariableIsEmpty(s.ssh.passwordEnv.toLocal8Bit().constData()));
}

bool PasswordRequest::needsPassword(const PairProfile& profile)
{
    for (const ServerProfile& s : profile.servers)
        if (needsSqlPassword(s) || needsSshPassword(s))
            return true;
    return false;
}

void PasswordRequest::ask(const PairProfile& profile, CredentialStore* store, QWidget* parent,
    std::function<void(const PairProfile&)> done, std::function<void()> cancelled)
{
    if (!needsPassword(profile)) {
        done(profile);
        return;
    }
    auto* dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("passwordPrompt"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Passwords for %1").arg(profile.name));
    auto* layout = new QVBoxLayout(dialog);
    auto* intro = new QLabel(tr("RepliPair needs these passwords to watch the pair %1. They are kept in "
                                "memory only, unless remembered in the keychain.")
                                 .arg(profile.name),
        dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    QLineEdit* sqlFields[2] = { nullptr, nullptr };
    QLineEdit* sshFields[2] = { nullptr, nullptr };
    auto field = [dialog, form](const QString& objectName, const QString& label) {
        auto* edit = new QLineEdit(dialog);
        edit->setObjectName(objectName);
        edit->setEchoMode(QLineEdit::Password);
        form->addRow(label, edit);
        return edit;
    };
    for (int i = 0; i < 2; ++i) {
        const ServerProfile& s = profile.servers[i];
        if (needsSqlPassword(s))
            sqlFields[i] = field(QStringLiteral("passwordField%1").arg(i),
                tr("%1 — password of %2 on %3:").arg(s.name, s.adminUser, s.endpoint()));
        if (needsSshPassword(s))
            sshFields[i] = field(QStringLiteral("sshPasswordField%1").arg(i),
                tr("%1 — SSH password of %2 on %3:").arg(s.name, s.ssh.user, s.ssh.host));
    }
    layout->addLayout(form);
    auto* remember = new QCheckBox(tr("&Remember in the keychain"), dialog);
    remember->setObjectName(QStringLiteral("rememberPasswords"));
    remember->setToolTip(tr("The profile then names the keychain entries, never the passwords; the next "
                            "start reads them from there."));
    layout->addWidget(remember);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->setObjectName(QStringLiteral("passwordButtons"));
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    if (cancelled)
        QObject::connect(dialog, &QDialog::rejected, dialog, cancelled);
    QPointer<CredentialStore> keychain(store);
    QObject::connect(dialog, &QDialog::accepted, dialog, [=]() mutable {
        PairProfile filled = profile;
        for (int i = 0; i < 2; ++i) {
            ServerProfile& s = filled.servers[i];
            if (sqlFields[i]) {
                s.adminPasswordOverride = sqlFields[i]->text();
                s.adminPasswordAnswered = true; // an empty password typed here is an answer
                s.adminPasswordEnv.clear();
                s.adminPasswordFile.clear();
                s.adminPasswordKeychain = remember->isChecked() && !s.adminPasswordOverride.isEmpty()
                    ? CredentialStore::entryName(s, CredentialStore::Secret::Sql)
                    : QString();
            }
            if (sshFields[i]) {
                s.ssh.passwordOverride = sshFields[i]->text();
                s.ssh.passwordKeychain = remember->isChecked() && !s.ssh.passwordOverride.isEmpty()
                    ? CredentialStore::entryName(s, CredentialStore::Secret::Ssh)
                    : QString();
            }
        }
        if (remember->isChecked() && keychain) {
            // the keychain holds the secrets; the profile file names the entries (and holds no secret)
            keychain->storeFromProfile(filled);
            if (!filled.filePath.isEmpty())
                (void)filled.save(filled.filePath);
        }
        done(filled);
    });
    dialog->open();
}

void PasswordRequest::fill(const PairProfile& profile, CredentialStore* store, QWidget* parent,
    std::function<void(const PairProfile&)> done, std::function<void()> cancelled)
{
    QPointer<QWidget> guard(parent);
    QPointer<CredentialStore> keychain(store);
    AsyncTask::runThenCallback(store->fillFromKeychain(profile), parent,
        [guard, keychain, done, cancelled](
            const PairProfile& filled) { ask(filled, keychain, guard, done, cancelled); });
}
