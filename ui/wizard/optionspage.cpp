#include "wizard/optionspage.h"

#include "wizard/setupwizard.h"
#include "wizard/tlssection.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

OptionsPage::OptionsPage(SetupWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("optionsPage"));
    setTitle(tr("Replication options"));
    setSubTitle(tr("What to replicate and how. The defaults suit most pairs."));
    const PairProfile& p = wizard->profile();

    auto lineEdit = [this](const QString& name, const QString& text, const QString& placeholder) {
        auto* e = new QLineEdit(text, this);
        e->setObjectName(name);
        e->setPlaceholderText(placeholder);
        connect(e, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
        return e;
    };
    m_pairName = lineEdit(QStringLiteral("optionsPairName"), p.name, tr("e.g. orders"));
    m_databases = lineEdit(QStringLiteral("optionsDatabases"), p.databases.join(QStringLiteral(", ")),
        tr("e.g. shop, billing — empty replicates every database"));
    m_ignoreDatabases = lineEdit(QStringLiteral("optionsIgnoreDatabases"),
        p.ignoreDatabases.join(QStringLiteral(", ")), tr("e.g. mysql"));
    // the placeholder is the default: left empty, the account is called "replication"
    m_replicationUser = lineEdit(QStringLiteral("optionsReplicationUser"),
        p.replicationUser == QLatin1String("replication") ? QString() : p.replicationUser,
        QStringLiteral("replication"));

    // "peer" (the default) restricts the account to the other server's address; an explicit host or pattern
    // is for a peer that connects from another address (NAT, a second network)
    m_replicationUserHost = lineEdit(QStringLiteral("optionsReplicationUserHost"),
        p.replicationUserHost == QLatin1String("peer") ? QString() : p.replicationUserHost,
        tr("default: the other server's address"));
    m_replicationUserHost->setToolTip(
        tr("The host the replication account may connect from, e.g. 10.0.0.% for a subnet."));

    m_gtid = new QComboBox(this);
    m_gtid->setObjectName(QStringLiteral("optionsGtid"));
    m_gtid->addItem(tr("Automatic: GTID where both servers support it"), int(GtidMode::Auto));
    m_gtid->addItem(tr("GTID auto-positioning"), int(GtidMode::On));
    m_gtid->addItem(tr("Binary log file and position"), int(GtidMode::Off));
    m_gtid->setCurrentIndex(m_gtid->findData(int(p.gtid)));

    m_autoIncrement
        = new QCheckBox(tr("Interleave &auto-increment values (A odd, B even) so inserts never clash"), this);
    m_autoIncrement->setObjectName(QStringLiteral("optionsAutoIncrement"));
    m_autoIncrement->setChecked(p.autoIncrement);
    m_tls = new TlsSection(this);
    m_tls->setSettings(p.tls);
    connect(m_tls, &TlsSection::changed, this, &QWizardPage::completeChanged);

    m_rollingRestart = new QCheckBox(
        tr("Restart &one server at a time: the second only once the first is back and verified"), this);
    m_rollingRestart->setObjectName(QStringLiteral("optionsRollingRestart"));
    m_rollingRestart->setChecked(p.rollingRestart);

    m_filterStyle = new QComboBox(this);
    m_filterStyle->setObjectName(QStringLiteral("optionsFilterStyle"));
    m_filterStyle->addItem(
        tr("By table (replicate-wild-do-table): every statement on the databases"), int(FilterStyle::Wild));
    m_filterStyle->addItem(
        tr("By default database (binlog-do-db / replicate-do-db): needs USE before each write"),
        int(FilterStyle::DoDb));
    m_filterStyle->setCurrentIndex(qMax(0, m_filterStyle->findData(int(p.filterStyle))));
    m_restart = new QComboBox(this);
    m_restart->setObjectName(QStringLiteral("optionsRestart"));
    m_restart->addItem(tr("Only a server whose binary log is off"), int(RestartPolicy::Auto));
    m_restart->addItem(tr("Any server whose settings need it"), int(RestartPolicy::Allowed));
    m_restart->addItem(tr("Never: settings wait for the next planned restart"), int(RestartPolicy::Never));
    m_restart->setCurrentIndex(qMax(0, m_restart->findData(int(p.restart))));

    m_binlogFormat = new QComboBox(this);
    m_binlogFormat->setObjectName(QStringLiteral("optionsBinlogFormat"));
    m_binlogFormat->addItem(tr("Leave as configured"), QString());
    m_binlogFormat->addItem(tr("ROW (safest with database filters)"), QStringLiteral("ROW"));
    m_binlogFormat->addItem(tr("MIXED"), QStringLiteral("MIXED"));
    m_binlogFormat->addItem(tr("STATEMENT"), QStringLiteral("STATEMENT"));
    m_binlogFormat->setCurrentIndex(qMax(0, m_binlogFormat->findData(p.binlogFormat.toUpper())));

    // the writer role: one server takes the application's writes, the other is read-only
    m_writer = new QComboBox(this);
    m_writer->setObjectName(QStringLiteral("optionsWriter"));
    m_writer->addItem(QString(), 0);
    m_writer->addItem(QString(), 1);
    m_writer->addItem(
        tr("Both take writes (two writers: the same row written on both stops replication)"), -1);
    m_writer->setCurrentIndex(qMax(0, m_writer->findData(p.writerIndex())));
    m_writer->setToolTip(tr("The other server is made read_only, live and in its option file; replication "
                            "still applies there."));

    // the initial copy: the receiver's replicated databases become a copy of the other server's
    m_initialCopy = new QComboBox(this);
    m_initialCopy->setObjectName(QStringLiteral("optionsInitialCopy"));
    m_initialCopy->addItem(tr("No copy: both servers already hold the same data"), -1);
    m_initialCopy->addItem(QString(), 0);
    m_initialCopy->addItem(QString(), 1);
    nameCopyChoices();
    m_initialCopy->setCurrentIndex(qMax(0, m_initialCopy->findData(p.initialCopy)));
    m_initialCopy->setToolTip(tr("Copied online with the server's own dump tool, at the exact binary log "
                                 "position replication then starts from."));
    m_replaceTarget = new QCheckBox(
        tr("&Replace the receiver's existing data (saved first as a dump on its host)"), this);
    m_replaceTarget->setObjectName(QStringLiteral("optionsReplaceTarget"));
    m_replaceTarget->setChecked(p.replaceTarget);
    auto updateReplace = [this] { m_replaceTarget->setEnabled(m_initialCopy->currentData().toInt() >= 0); };
    connect(m_initialCopy, &QComboBox::currentIndexChanged, this, updateReplace);
    updateReplace();

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("optionsProblem"));
    m_problem->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Pair &name:"), m_pairName);
    form->addRow(tr("&Databases:"), m_databases);
    form->addRow(tr("&Writes go to:"), m_writer);
    form->addRow(tr("&Ignore databases:"), m_ignoreDatabases);
    form->addRow(tr("Replication &user:"), m_replicationUser);
    form->addRow(tr("…allowed to connect &from:"), m_replicationUserHost);
    form->addRow(tr("&Positioning:"), m_gtid);
    form->addRow(tr("Binlog &format:"), m_binlogFormat);
    form->addRow(tr("Database &filters:"), m_filterStyle);
    form->addRow(tr("Res&tart a server:"), m_restart);
    form->addRow(QString(), m_autoIncrement);
    form->addRow(QString(), m_rollingRestart);
    form->addRow(tr("Initial &copy:"), m_initialCopy);
    form->addRow(QString(), m_replaceTarget);
    // the options and the TLS section scroll: together they are taller than a laptop's screen allows a
    // wizard page; what is wrong with them stays in sight below
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("optionsContent"));
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_tls);
    layout->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("optionsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    // as wide as the fields need: only the height scrolls
    scroll->setMinimumWidth(
        content->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());
    auto* page = new QVBoxLayout(this);
    page->addWidget(scroll, 1);
    page->addWidget(m_problem);
}

void OptionsPage::nameCopyChoices()
{
    // the servers' names as the server pages left them
    const PairProfile& p = m_wizard->profile();
    m_initialCopy->setItemText(
        1, tr("%1 gets a copy of %2's databases").arg(p.servers[1].name, p.servers[0].name));
    m_initialCopy->setItemText(
        2, tr("%1 gets a copy of %2's databases").arg(p.servers[0].name, p.servers[1].name));
    for (int i = 0; i < 2; ++i)
        m_writer->setItemText(
            i, tr("%1 takes the writes; %2 is read-only").arg(p.servers[i].name, p.servers[1 - i].name));
}

void OptionsPage::initializePage()
{
    nameCopyChoices();
    m_tls->setPair(m_wizard->profile());
}

QStringList OptionsPage::splitNames(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

QString OptionsPage::validationProblem() const
{
    static const QRegularExpression userPattern(QStringLiteral("^[A-Za-z0-9_.-]{1,32}$"));
    if (m_pairName->text().trimmed().isEmpty())
        return tr("Give the pair a name; it names the profile file.");
    const QString user = m_replicationUser->text().trimmed();
    if (!user.isEmpty() && !userPattern.match(user).hasMatch())
        return tr("The replication user may hold letters, digits, '.', '-' and '_' (at most 32).");
    static const QRegularExpression hostPattern(QStringLiteral("^[A-Za-z0-9._%:\\[\\]-]{1,255}$"));
    const QString host = m_replicationUserHost->text().trimmed();
    if (!host.isEmpty() && !hostPattern.match(host).hasMatch())
        return tr("\"%1\" is not a host name, address or pattern (letters, digits, '.', '-', '%').")
            .arg(host);
    const QStringList dbs = splitNames(m_databases->text());
    for (const QString& db : splitNames(m_ignoreDatabases->text()))
        if (dbs.contains(db))
            return tr("%1 is both replicated and ignored.").arg(db);
    for (const QString& db : dbs)
        if (db.size() > 64)
            return tr("The database name %1 is longer than 64 characters.").arg(db);
    return m_tls->problem();
}

bool OptionsPage::isComplete() const
{
    const QString problem = validationProblem();
    m_problem->setText(problem);
    return problem.isEmpty();
}

bool OptionsPage::validatePage()
{
    PairProfile& p = m_wizard->profile();
    p.name = m_pairName->text().trimmed();
    p.databases = splitNames(m_databases->text());
    p.ignoreDatabases = splitNames(m_ignoreDatabases->text());
    p.replicationUser = m_replicationUser->text().trimmed().isEmpty() ? QStringLiteral("replication")
                                                                      : m_replicationUser->text().trimmed();
    p.replicationUserHost = m_replicationUserHost->text().trimmed().isEmpty()
        ? QStringLiteral("peer")
        : m_replicationUserHost->text().trimmed();
    p.rollingRestart = m_rollingRestart->isChecked();
    p.filterStyle = FilterStyle(m_filterStyle->currentData().toInt());
    p.restart = RestartPolicy(m_restart->currentData().toInt());
    p.gtid = GtidMode(m_gtid->currentData().toInt());
    p.autoIncrement = m_autoIncrement->isChecked();
    p.setTls(m_tls->settings());
    p.binlogFormat = m_binlogFormat->currentData().toString();
    p.initialCopy = m_initialCopy->currentData().toInt();
    p.replaceTarget = p.initialCopy >= 0 && m_replaceTarget->isChecked();
    p.writer = m_writer->currentData().toInt();
    return true;
}

void OptionsPage::cleanupPage() { }
