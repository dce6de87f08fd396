#include "wizard/hostkeydialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

HostKeyDialog::HostKeyDialog(
    const QString& server, const QString& host, int port, const SshHostKey& key, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("hostKeyDialog"));
    setWindowTitle(tr("SSH Host Key of %1").arg(server));
    const bool changed = key.status == SshHostKey::Status::Changed;

    auto* icon = new QLabel(this);
    icon->setPixmap(
        style()
            ->standardIcon(changed ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxQuestion)
            .pixmap(48, 48));
    auto* text = new QLabel(this);
    text->setObjectName(QStringLiteral("hostKeyText"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    if (changed)
        text->setText(
            tr("The host key of %1 (port %2) has CHANGED since it was last trusted. Someone may be "
               "intercepting the connection, or the host was reinstalled. RepliPair will not connect. "
               "Check the key with the host's administrator and fix the known_hosts file by hand.")
                .arg(host)
                .arg(port));
    else
        text->setText(
            tr("RepliPair has not seen %1 (port %2) before. Compare this fingerprint with the one the host "
               "shows (ssh-keygen -lf /etc/ssh/ssh_host_%3_key.pub) before you trust it.")
                .arg(host)
                .arg(port)
                .arg(key.type.section(QLatin1Char('-'), 1)));

    auto* fingerprint = new QLineEdit(QStringLiteral("%1 %2").arg(key.type, key.fingerprint), this);
    fingerprint->setObjectName(QStringLiteral("hostKeyFingerprint"));
    fingerprint->setReadOnly(true);
    fingerprint->setFont(QFont(QStringLiteral("monospace")));
    fingerprint->setAccessibleName(tr("Host key fingerprint"));

    auto* buttons = new QDialogButtonBox(this);
    if (!changed) {
        auto* trust = buttons->addButton(tr("&Trust and Connect"), QDialogButtonBox::AcceptRole);
        trust->setObjectName(QStringLiteral("hostKeyTrustButton"));
    }
    auto* cancel
        = buttons->addButton(changed ? tr("&Close") : tr("&Do Not Trust"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("hostKeyRejectButton"));
    cancel->setDefault(true); // the safe answer is the default
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    if (changed && !key.knownFingerprints.isEmpty()) {
        auto* known = new QLabel(
            tr("known_hosts holds: %1").arg(key.knownFingerprints.join(QStringLiteral(", "))), this);
        known->setWordWrap(true);
        layout->addWidget(known);
    }
    layout->addWidget(new QLabel(changed ? tr("The host now presents:") : tr("Fingerprint:"), this));
    layout->addWidget(fingerprint);
    layout->addWidget(buttons);
}
