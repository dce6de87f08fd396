#include "wizard/executepage.h"

#include "setup/setuprunner.h"
#include "wizard/setupwizard.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
enum Column { ServerColumn, StepColumn, StateColumn, ElapsedColumn, OutputColumn };

QString seconds(qint64 ms)
{
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}
} // namespace

ExecutePage::ExecutePage(SetupWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_status(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_steps(new QTreeWidget(this))
    , m_log(new QPlainTextEdit(this))
    , m_ticker(new QTimer(this))
{
    setObjectName(QStringLiteral("executePage"));
    setTitle(tr("Setting up"));
    setSubTitle(tr("Each step shows its state and time. Cancel stops at the next safe point."));
    m_status->setObjectName(QStringLiteral("executeStatus"));
    m_status->setWordWrap(true);
    m_busy->setObjectName(QStringLiteral("executeBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    m_steps->setObjectName(QStringLiteral("executeSteps"));
    m_steps->setHeaderLabels({ tr("Server"), tr("Step"), tr("State"), tr("Elapsed"), tr("Output") });
    m_steps->setRootIsDecorated(false);
    m_steps->setAlternatingRowColors(true);
    m_steps->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(OutputColumn, QHeaderView::Stretch);
    m_log->setObjectName(QStringLiteral("executeLog"));
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(5000);
    m_log->setAccessibleName(tr("Setup output"));
    m_ticker->setInterval(200);
    connect(m_ticker, &QTimer::timeout, this, &ExecutePage::tick);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_steps);
    split->addWidget(m_log);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_busy);
    layout->addWidget(split, 1);
}

ExecutePage::~ExecutePage()
{
    SetupWizard::retire(m_runner);
}

void ExecutePage::initializePage()
{
    if (m_runner)
        return;
    m_finished = m_ok = m_cancelRequested = false;
    m_error = {};
    m_rows.clear();
    m_running.clear();
    m_steps->clear();
    m_log->clear();
    m_busy->setVisible(true);
    m_status->setText(tr("Running the setup of %1…").arg(m_wizard->profile().name));
    m_total.start();
    m_runner = new SetupRunner(m_wizard->profile(), this);
    // the plan shown on the plan page, and no other: the run stops when the servers changed since
    m_runner->options().approvedFingerprint = m_wizard->plan().fingerprint;
    connect(m_runner, &SetupRunner::event, this, &ExecutePage::addEvent);
    connect(m_runner, &SetupRunner::event, m_wizard, &SetupWizard::relayEvent);
    connect(m_runner, &SetupRunner::finished, this, &ExecutePage::onFinished);
    m_runner->start(SetupRunner::Mode::Setup);
    m_ticker->start();
    Q_EMIT completeChanged();
}

QTreeWidgetItem* ExecutePage::rowFor(const SetupEvent& event)
{
    const QString key = event.server + QChar(0x1f) + event.step; // ids: the same in every language
    if (QTreeWidgetItem* row = m_rows.value(key))
        return row;
    auto* row = new QTreeWidgetItem(
        m_steps, { event.server.isEmpty() ? tr("both") : event.server, event.stepTitle() });
    m_rows.insert(key, row);
    m_steps->scrollToItem(row);
    return row;
}

void ExecutePage::addEvent(const SetupEvent& event)
{
    m_log->appendPlainText(event.toLine());
    if (event.step.isEmpty())
        return;
    QTreeWidgetItem* row = rowFor(event);
    switch (event.kind) {
    case SetupEvent::Kind::StepStarted: {
        row->setText(StateColumn, tr("running"));
        row->setIcon(StateColumn, style()->standardIcon(QStyle::SP_MediaPlay));
        QElapsedTimer t;
        t.start();
        m_running.insert(row, t);
        break;
    }
    case SetupEvent::Kind::StepFinished:
        row->setText(StateColumn, tr("done"));
        row->setIcon(StateColumn, style()->standardIcon(QStyle::SP_DialogApplyButton));
        m_running.remove(row);
        break;
    case SetupEvent::Kind::StepFailed:
        row->setText(StateColumn, tr("failed"));
        row->setIcon(StateColumn, style()->standardIcon(QStyle::SP_MessageBoxCritical));
        m_running.remove(row);
        break;
    case SetupEvent::Kind::Warning:
        if (row->text(StateColumn).isEmpty())
            row->setText(StateColumn, tr("warning"));
        row->setIcon(StateColumn, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        break;
    case SetupEvent::Kind::Info:
    case SetupEvent::Kind::Progress:
        break;
    }
    if (event.elapsedMs >= 0)
        row->setText(ElapsedColumn, seconds(event.elapsedMs));
    if (!event.text.isEmpty()) {
        row->setText(OutputColumn, event.text.section(QLatin1Char('\n'), 0, 0));
        row->setToolTip(OutputColumn, event.text);
    }
}

void ExecutePage::tick()
{
    for (auto it = m_running.cbegin(); it != m_running.cend(); ++it)
        it.key()->setText(ElapsedColumn, seconds(it.value().elapsed()));
    if (m_runner)
        m_status->setText(
            (m_cancelRequested ? tr("Cancelling at the next safe point… %1") : tr("Running the setup… %1"))
                .arg(seconds(m_total.elapsed())));
}

void ExecutePage::cancelSetup()
{
    if (!m_runner)
        return;
    m_cancelRequested = true;
    m_runner->cancel();
    tick();
}

void ExecutePage::onFinished(bool ok)
{
    SetupRunner* runner = std::exchange(m_runner, nullptr);
    m_ok = ok;
    m_error = runner->error();
    m_wizard->relayInspections(runner->inspection(0), runner->inspection(1));
    if (!runner->plan().steps.isEmpty())
        m_wizard->plan() = runner->plan();
    SetupWizard::retire(runner);
    m_ticker->stop();
    tick();
    for (auto it = m_running.cbegin(); it != m_running.cend(); ++it)
        it.key()->setText(StateColumn, ok ? tr("done") : tr("stopped"));
    m_running.clear();
    m_busy->setVisible(false);
    m_finished = true;
    QMetaObject::invokeMethod(
        this, [this, ok] { Q_EMIT runFinished(ok); }, Qt::QueuedConnection);
    if (ok)
        m_status->setText(tr("Done in %1: both directions replicate.").arg(seconds(m_total.elapsed())));
    else if (m_cancelRequested)
        m_status->setText(tr("Cancelled after %1. Both servers are usable; running the setup again resumes.")
                              .arg(seconds(m_total.elapsed())));
    else
        m_status->setText(tr("Failed after %1: %2").arg(seconds(m_total.elapsed()), m_error.toString()));
    Q_EMIT completeChanged();
}

bool ExecutePage::isComplete() const
{
    return m_finished;
}
