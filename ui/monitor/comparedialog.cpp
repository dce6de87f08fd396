#include "monitor/comparedialog.h"

#include "asynctask.h"
#include "host/serverworker.h"
#include "monitor/repairdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

CompareDialog::CompareDialog(const PairProfile& profile, QWidget* parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_shared(std::make_shared<Shared>())
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_differences(new QTreeWidget(this))
    , m_repair(new QPushButton(tr("&Repair…"), this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_poll(new QTimer(this))
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare Data of %1 and %2").arg(profile.servers[0].name, profile.servers[1].name));
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_status->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("compareProgress"));
    m_differences->setObjectName(QStringLiteral("compareDifferences"));
    m_differences->setHeaderLabels({ tr("Table"), tr("Key range"),
        tr("Rows on %1").arg(profile.servers[0].name), tr("Rows on %1").arg(profile.servers[1].name) });
    m_differences->setRootIsDecorated(false);
    m_differences->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_repair->setObjectName(QStringLiteral("compareRepairButton"));
    m_repair->setEnabled(false);
    m_cancel->setObjectName(QStringLiteral("compareCancelButton"));
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_repair, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_running) {
            m_shared->cancel.store(true);
            m_status->setText(tr("Cancelling after the chunk under way…"));
        } else
            reject();
    });
    connect(m_differences, &QTreeWidget::itemSelectionChanged, this,
        [this] { m_repair->setEnabled(!m_running && !m_differences->selectedItems().isEmpty()); });
    connect(m_repair, &QPushButton::clicked, this, &CompareDialog::repairSelected);
    connect(m_poll, &QTimer::timeout, this, &CompareDialog::showProgress);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_differences);
    layout->addWidget(buttons);
    resize(760, 420);
    start();
}

CompareDialog::~CompareDialog()
{
    m_shared->cancel.store(true); // the run stops after its chunk; its SQL threads start again
}

void CompareDialog::start()
{
    m_running = true;
    m_status->setText(tr("Comparing the replicated tables, chunk by chunk, while the application writes…"));
    m_progress->setRange(0, 0);
    m_poll->start(200);
    auto future = QtConcurrent::run([profile = m_profile, shared = m_shared]() -> Result<CompareReport> {
        return ChunkedCompare::runOnPair(profile, &shared->cancel, [shared](const CompareProgress& p) {
            const QMutexLocker lock(&shared->mutex);
            shared->progress = p;
        });
    });
    AsyncTask::runThenCallback(future, this, [this](const Result<CompareReport>& r) { showReport(r); });
}

void CompareDialog::showProgress()
{
    CompareProgress p;
    {
        const QMutexLocker lock(&m_shared->mutex);
        p = m_shared->progress;
    }
    if (p.tables == 0 || m_shared->cancel.load())
        return;
    if (p.estimatedRows > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(qMin<qint64>(1000, p.rows * 1000 / p.estimatedRows)));
    }
    m_status->setText(p.throttled
            ? tr("Paused: a replica lags or a source is busy (%1 of %2 tables, %3 rows).")
                  .arg(p.tablesDone)
                  .arg(p.tables)
                  .arg(p.rows)
            : tr("%1 of %2 tables, %3 chunks, %4 rows compared%5.")
                  .arg(p.tablesDone)
                  .arg(p.tables)
                  .arg(p.chunks)
                  .arg(p.rows)
                  .arg(p.secondsLeft >= 0 ? tr(", about %1 s left").arg(qRound(p.secondsLeft)) : QString()));
}

void CompareDialog::showReport(const Result<CompareReport>& r)
{
    m_running = false;
    m_poll->stop();
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    m_cancel->setText(tr("&Close"));
    if (!r) {
        m_status->setText(tr("The data could not be compared: %1").arg(r.error().toString()));
        Q_EMIT comparisonFinished(false, m_status->text());
        return;
    }
    for (const ChunkDifference& d : r->differences) {
        auto* item = new QTreeWidgetItem(m_differences,
            { d.table, d.rangeText(), QString::number(d.rows[0]), QString::number(d.rows[1]) });
        item->setData(0, Qt::UserRole, d.table);
    }
    QString text = r->cancelled ? tr("Cancelled: every SQL thread runs again. ") : QString();
    text += r->differences.isEmpty() && r->notCompared.isEmpty()
        ? tr("The replicated data is the same on both: %1 table(s), %2 row(s) compared.")
              .arg(r->tablesCompared)
              .arg(r->rows)
        : tr("%1 key range(s) differ; %2 could not be compared.")
              .arg(r->differences.size())
              .arg(r->notCompared.size());
    if (!r->notCompared.isEmpty())
        text += QLatin1Char('\n') + r->notCompared.join(QLatin1Char('\n'));
    m_status->setText(text);
    if (m_differences->topLevelItemCount() > 0)
        m_differences->setCurrentItem(m_differences->topLevelItem(0));
    m_repair->setEnabled(!m_differences->selectedItems().isEmpty());
    Q_EMIT comparisonFinished(r->differences.isEmpty() && r->notCompared.isEmpty() && !r->cancelled, text);
}

void CompareDialog::repairSelected()
{
    const QList<QTreeWidgetItem*> selected = m_differences->selectedItems();
    if (selected.isEmpty())
        return;
    auto* dialog = new RepairDialog(m_profile, selected.first()->data(0, Qt::UserRole).toString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}
