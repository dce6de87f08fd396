#include "wizard/wizardintropage.h"

#include "wizard/setupwizard.h"

#include <QLabel>
#include <QVBoxLayout>

WizardIntroPage::WizardIntroPage(SetupWizard* wizard)
    : QWizardPage(wizard)
{
    setObjectName(QStringLiteral("introPage"));
    setTitle(tr("Two servers, each a master of the other"));
    setSubTitle(tr("RepliPair sets up MySQL or MariaDB master-master replication and checks that it works."));

    auto* what = new QLabel(this);
    what->setObjectName(QStringLiteral("introWhat"));
    what->setWordWrap(true);
    what->setTextFormat(Qt::RichText);
    what->setText(tr(
        "<p><b>What will happen</b></p><ol>"
        "<li>Both servers are inspected and checked before anything changes: version, server-id, binary log, "
        "filters, privileges, whether each reaches the other, and the databases and their tables on both "
        "sides. You see the plan first.</li>"
        "<li>The configuration (server-id, binary log, auto-increment offsets, filters) is written to a "
        "drop-in file, with a backup; a server is restarted only when a setting needs it.</li>"
        "<li>A replication account is created on each server, allowed only from its peer.</li>"
        "<li>If you choose an initial copy on the options page, one server's databases are copied online to "
        "the other (for a new or empty server).</li>"
        "<li>Start points are taken where the data is known to be the same on both sides, and each server "
        "starts replicating from the other (CHANGE MASTER both ways).</li>"
        "<li>Both replication threads are checked on each side, a test row travels each way, and the "
        "replicated tables are compared between the two servers.</li></ol>"));
    auto* need = new QLabel(this);
    need->setObjectName(QStringLiteral("introNeed"));
    need->setWordWrap(true);
    need->setTextFormat(Qt::RichText);
    need->setText(
        tr("<p><b>What you need</b></p><ul>"
           "<li>The address and port of both servers, and an administrator account on each "
           "(the password stays in memory only).</li>"
           "<li>For a server on another machine: SSH access (key or password) so that RepliPair can edit "
           "its configuration file and restart it; sudo if the files belong to root.</li>"
           "<li>The databases to replicate: either the same data on both servers already, or one server with "
           "the data and the other to receive a copy.</li></ul>"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(need);
    layout->addStretch();
}
