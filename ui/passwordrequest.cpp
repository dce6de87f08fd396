#include "passwordrequest.h"

#include "asynctask.h"
#include "credentialstore.h"

#include <QInputDialog>

bool PasswordRequest::needsSqlPassword(const ServerProfile& s)
{
    if (!s.adminPasswordOverride.isEmpty())
        return false;
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

void PasswordRequest::askMissing(
    PairProfile profile, QPointer<QWidget> parent, std::function<void(const PairProfile&)> done)
{
    for (int i = 0; i < 2; ++i) {
        ServerProfile& s = profile.servers[i];
        const bool sql = needsSqlPassword(s);
        if (!sql && !needsSshPassword(s))
            continue;
        auto* dialog = new QInputDialog(parent);
        dialog->setObjectName(QStringLiteral("passwordPrompt"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setTextEchoMode(QLineEdit::Password);
        dialog->setWindowTitle(tr("Password for %1").arg(s.name));
        dialog->setLabelText(sql
                ? tr("Password of %1 on %2 (kept in memory only):").arg(s.adminUser, s.endpoint())
                : tr("SSH password of %1 on %2 (kept in memory only):").arg(s.ssh.user, s.ssh.host));
        QObject::connect(dialog, &QInputDialog::textValueSelected, dialog,
            [profile, i, sql, parent, done](const QString& typed) mutable {
                ServerProfile& server = profile.servers[i];
                if (sql) {
                    server.adminPasswordOverride = typed;
                    server.adminPasswordEnv.clear();
                    server.adminPasswordFile.clear();
                    if (typed.isEmpty())
                        server.adminPasswordKeychain.clear(); // an empty password asked for is an answer
                } else {
                    server.ssh.passwordOverride = typed;
                    if (typed.isEmpty())
                        server.ssh.passwordKeychain.clear();
                }
                askMissing(profile, parent, done);
            });
        dialog->open();
        return;
    }
    done(profile);
}

void PasswordRequest::fill(const PairProfile& profile, CredentialStore* store, QWidget* parent,
    std::function<void(const PairProfile&)> done)
{
    QPointer<QWidget> guard(parent);
    AsyncTask::runThenCallback(store->fillFromKeychain(profile), parent,
        [guard, done](const PairProfile& filled) { askMissing(filled, guard, done); });
}
