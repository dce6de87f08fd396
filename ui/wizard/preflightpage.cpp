#include "wizard/preflightpage.h"

#include "setup/setuprunner.h"
#include "wizard/setupwizard.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

PreflightPage::PreflightPage(SetupWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_status(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_findings(new QTreeWidget(this))
    , m_detail(new QLabel(this))
    , m_acknowledge(new QCheckBox(this))
    , m_recheck(new QPushButton(tr("Check &Again"), this))
{
    setObjectName(QStringLiteral("preflightPage"));
    setTitle(tr("Pre-flight checks"));
    setSubTitle(tr("Both servers are inspected; nothing is changed. Every problem is listed at once."));
    m_status->setObjectName(QStringLiteral("preflightStatus"));
    m_status->setWordWrap(true);
    m_busy->setObjectName(QStringLiteral("preflightBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    m_findings->setObjectName(QStringLiteral("preflightFindings"));
    m_findings->setHeaderLabels(
        { tr("Verdict"), tr("Server"), tr("Finding"), tr("What happens / what to do") });
    m_findings->setRootIsDecorated(false);
    m_findings->setWordWrap(true);
    m_findings->setAlternatingRowColors(true);
    m_findings->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_findings->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_findings->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_findings->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_findings->setTextElideMode(Qt::ElideNone);
    // rows grow with their wrapped text when the columns change width
    connect(m_findings->header(), &QHeaderView::sectionResized, m_findings, &QTreeView::doItemsLayout);
    m_detail->setObjectName(QStringLiteral("preflightDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setMinimumHeight(m_detail->fontMetrics().lineSpacing() * 3);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    connect(m_findings, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        // the whole finding, however long: paths and the server's own error text do not always wrap in a cell
        m_detail->setText(item ? QStringLiteral("%1 — %2: %3\n%4")
                                     .arg(item->text(0), item->text(1), item->toolTip(2), item->toolTip(3))
                               : QString());
    });
    m_acknowledge->setObjectName(QStringLiteral("preflightAcknowledge"));
    m_acknowledge->setVisible(false);
    connect(m_acknowledge, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    m_recheck->setObjectName(QStringLiteral("preflightRecheck"));
    connect(m_recheck, &QPushButton::clicked, this, &PreflightPage::startInspection);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_acknowledge, 1);
    bottom->addWidget(m_recheck, 0, Qt::AlignRight); // its own width, whether the tick is shown or not
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_busy);
    layout->addWidget(m_findings, 1);
    layout->addWidget(m_detail);
    layout->addLayout(bottom);
}

PreflightPage::~PreflightPage()
{
    SetupWizard::retire(m_runner);
}

void PreflightPage::initializePage()
{
    startInspection();
}

void PreflightPage::cleanupPage()
{
    SetupWizard::retire(std::exchange(m_runner, nullptr));
    m_busy->setVisible(false);
}

void PreflightPage::startInspection()
{
    SetupWizard::retire(std::exchange(m_runner, nullptr));
    m_haveResult = false;
    m_findings->clear();
    m_acknowledge->setVisible(false);
    m_acknowledge->setChecked(false);
    m_status->setText(
        tr("Inspecting %1 and %2…")
            .arg(m_wizard->profile().servers[0].endpoint(), m_wizard->profile().servers[1].endpoint()));
    m_busy->setVisible(true);
    m_recheck->setEnabled(false);
    m_runner = new SetupRunner(m_wizard->profile(), this);
    connect(m_runner, &SetupRunner::event, m_wizard, &SetupWizard::relayEvent);
    connect(m_runner, &SetupRunner::finished, this, &PreflightPage::onFinished);
    m_runner->start(SetupRunner::Mode::Inspect);
    Q_EMIT completeChanged();
}

void PreflightPage::onFinished(bool ok)
{
    SetupRunner* runner = std::exchange(m_runner, nullptr);
    const SetupPlan plan = runner->plan();
    const StepError error = runner->error();
    m_wizard->relayInspections(runner->inspection(0), runner->inspection(1));
    SetupWizard::retire(runner);
    // a failed inspection without findings (unreachable server, wrong password) is an error finding too
    showResult(plan, ok ? StepError {} : error);
}

void PreflightPage::showResult(const SetupPlan& plan, const StepError& error)
{
    m_busy->setVisible(false);
    m_recheck->setEnabled(true);
    m_findings->clear();
    m_errors = m_warnings = 0;
    QList<Finding> findings = plan.findings;
    if (!error.text.isEmpty() && !plan.hasErrors()) {
        Finding f;
        f.severity = Finding::Severity::Error;
        f.server = error.server;
        f.code = error.step;
        f.text = error.text;
        f.fix = tr("Check the server's address and credentials, then check again.");
        findings.prepend(f);
    }
    for (const Finding& f : std::as_const(findings)) {
        auto* item = new QTreeWidgetItem(
            m_findings, { f.severityName(), f.server.isEmpty() ? tr("both") : f.server, f.text, f.fix });
        QStyle::StandardPixmap icon = QStyle::SP_DialogApplyButton;
        if (f.severity == Finding::Severity::Error) {
            ++m_errors;
            icon = QStyle::SP_MessageBoxCritical;
        } else if (f.severity == Finding::Severity::Warning) {
            ++m_warnings;
            icon = QStyle::SP_MessageBoxWarning;
        }
        item->setIcon(0, style()->standardIcon(icon));
        item->setToolTip(2, f.text);
        item->setToolTip(3, f.fix);
        item->setData(0, Qt::UserRole, f.code);
    }
    // the first problem in full below the list: an error first, else a warning, else the first line
    QTreeWidgetItem* first = m_findings->topLevelItemCount() > 0 ? m_findings->topLevelItem(0) : nullptr;
    for (int i = m_findings->topLevelItemCount() - 1; i >= 0; --i) {
        const Finding& f = findings.at(i);
        if (f.severity == Finding::Severity::Error
            || (f.severity == Finding::Severity::Warning && m_errors == 0))
            first = m_findings->topLevelItem(i);
    }
    m_findings->setCurrentItem(first);
    m_detail->setVisible(first != nullptr);
    if (m_errors > 0)
        m_status->setText(tr(
            "Problems to solve before the setup can run: %n. Fix them and check again.", nullptr, m_errors));
    else if (m_warnings > 0)
        m_status->setText(tr("No blocking problem. Warnings to read: %n.", nullptr, m_warnings));
    else
        m_status->setText(tr("All checks passed."));
    m_acknowledge->setText(tr("I have read the warnings above and want to continue"));
    m_acknowledge->setVisible(m_errors == 0 && m_warnings > 0);
    m_acknowledge->setChecked(false);
    m_haveResult = true;
    Q_EMIT completeChanged();
}

bool PreflightPage::isComplete() const
{
    if (m_runner || !m_haveResult || m_errors > 0)
        return false;
    return m_warnings == 0 || m_acknowledge->isChecked();
}
