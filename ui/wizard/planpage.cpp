#include "wizard/planpage.h"

#include "appsettings.h"
#include "setup/setuprunner.h"
#include "wizard/setupwizard.h"

#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QVBoxLayout>

PlanPage::PlanPage(SetupWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_status(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_steps(new QListWidget(this))
    , m_detail(new QPlainTextEdit(this))
    , m_export(new QPushButton(tr("&Export Plan…"), this))
{
    setObjectName(QStringLiteral("planPage"));
    setTitle(tr("The plan"));
    setSubTitle(
        tr("Exactly what will be done, step by step. Passwords are shown as ***. Nothing has changed yet."));
    setCommitPage(true); // after this the setup runs; Back no longer makes sense
    m_status->setObjectName(QStringLiteral("planStatus"));
    m_status->setWordWrap(true);
    m_busy->setObjectName(QStringLiteral("planBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    m_steps->setObjectName(QStringLiteral("planSteps"));
    m_steps->setAccessibleName(tr("Plan steps"));
    // long step titles wrap instead of being cut off
    m_steps->setWordWrap(true);
    m_steps->setTextElideMode(Qt::ElideNone);
    m_steps->setResizeMode(QListView::Adjust);
    m_detail->setObjectName(QStringLiteral("planDetail"));
    m_detail->setReadOnly(true);
    m_detail->setLineWrapMode(QPlainTextEdit::WidgetWidth); // long statements and paths wrap
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setAccessibleName(tr("Statements and configuration changes of the selected step"));
    m_export->setObjectName(QStringLiteral("planExportButton"));
    m_export->setEnabled(false);
    connect(m_steps, &QListWidget::currentRowChanged, this, &PlanPage::showStep);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString dir = AppSettings::value(AppSettings::Key::LastProfileDir).toString();
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Plan"),
            QStringLiteral("%1/%2-plan.txt").arg(dir, m_wizard->profile().name),
            tr("Text (*.txt);;JSON (*.json)"));
        if (!path.isEmpty())
            exportTo(path);
    });

    auto* split = new QSplitter(this);
    split->addWidget(m_steps);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    auto* bottom = new QHBoxLayout;
    bottom->addStretch();
    bottom->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_busy);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);
}

PlanPage::~PlanPage()
{
    SetupWizard::retire(m_runner);
}

void PlanPage::initializePage()
{
    startPlanning();
}

void PlanPage::cleanupPage()
{
    SetupWizard::retire(std::exchange(m_runner, nullptr));
}

void PlanPage::startPlanning()
{
    SetupWizard::retire(std::exchange(m_runner, nullptr));
    m_ready = false;
    m_steps->clear();
    m_detail->clear();
    m_export->setEnabled(false);
    m_busy->setVisible(true);
    m_status->setText(tr("Working out the plan…"));
    m_runner = new SetupRunner(m_wizard->profile(), this);
    connect(m_runner, &SetupRunner::event, m_wizard, &SetupWizard::relayEvent);
    connect(m_runner, &SetupRunner::finished, this, &PlanPage::onFinished);
    m_runner->start(SetupRunner::Mode::Plan);
    Q_EMIT completeChanged();
}

void PlanPage::onFinished(bool ok)
{
    SetupRunner* runner = std::exchange(m_runner, nullptr);
    const SetupPlan plan = runner->plan();
    const StepError error = runner->error();
    SetupWizard::retire(runner);
    showPlan(plan, ok ? StepError {} : error);
}

void PlanPage::showPlan(const SetupPlan& plan, const StepError& error)
{
    m_busy->setVisible(false);
    m_wizard->plan() = plan;
    m_steps->clear();
    int n = 0;
    for (const PlanStep& s : plan.steps) {
        auto* item = new QListWidgetItem(
            QStringLiteral("%1. %2%3")
                .arg(++n)
                .arg(s.server.isEmpty() ? QString() : QStringLiteral("[%1] ").arg(s.server), s.title),
            m_steps);
        item->setToolTip(s.title);
    }
    if (!error.text.isEmpty()) {
        m_status->setText(tr("No plan: %1").arg(error.toString()));
        m_ready = false;
    } else if (plan.nothingToDo) {
        m_status->setText(tr("Both directions already replicate as configured: there is nothing to change. "
                             "Running the setup only verifies the pair."));
        m_ready = true;
    } else {
        m_status->setText(tr("Steps: %n. Select one to see its statements and configuration changes.",
            nullptr, int(plan.steps.size())));
        m_ready = true;
    }
    m_export->setEnabled(m_ready);
    if (!plan.steps.isEmpty())
        m_steps->setCurrentRow(0);
    else
        m_detail->setPlainText(plan.toText());
    Q_EMIT completeChanged();
}

void PlanPage::showStep(int row)
{
    const SetupPlan& plan = m_wizard->plan();
    if (row < 0 || row >= plan.steps.size())
        return;
    const PlanStep& s = plan.steps.at(row);
    QString text;
    text += QStringLiteral("%1\n\n").arg(s.title);
    if (!s.sql.isEmpty()) {
        text += tr("-- SQL on %1\n").arg(s.server.isEmpty() ? tr("both servers") : s.server);
        for (const QString& q : s.sql)
            text += q + QStringLiteral(";\n");
        text += QLatin1Char('\n');
    }
    if (!s.diff.isEmpty())
        text += tr("# configuration change\n") + s.diff + QLatin1Char('\n');
    if (!s.check.isEmpty())
        text += tr("# checked afterwards: %1\n").arg(s.check);
    if (!s.undo.isEmpty())
        text += tr("# undone by: %1\n").arg(s.undo);
    m_detail->setPlainText(text);
}

bool PlanPage::exportTo(const QString& path)
{
    QSaveFile file(path);
    const SetupPlan& plan = m_wizard->plan();
    const QByteArray data = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
        ? QJsonDocument(plan.toJson()).toJson()
        : plan.toText().toUtf8();
    if (file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit())
        return true;
    QMessageBox::warning(
        this, tr("Export Plan"), tr("The plan could not be written to %1: %2").arg(path, file.errorString()));
    return false;
}

bool PlanPage::isComplete() const
{
    return m_ready && !m_runner;
}
