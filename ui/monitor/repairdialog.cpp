#include "monitor/repairdialog.h"

#include "asynctask.h"
#include "host/serverworker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

RepairDialog::RepairDialog(const PairProfile& profile, const QString& table, QWidget* parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_table(table)
    , m_cancel(std::make_shared<std::atomic_bool>(false))
    , m_from(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_rows(new QTableWidget(this))
    , m_confirm(new QCheckBox(this))
    , m_apply(new QPushButton(tr("&Apply the Fix"), this))
{
    setObjectName(QStringLiteral("repairDialog"));
    setWindowTitle(tr("Repair %1").arg(table));
    m_from->setObjectName(QStringLiteral("repairFrom"));
    m_from->addItems({ profile.servers[0].name, profile.servers[1].name });
    m_status->setObjectName(QStringLiteral("repairStatus"));
    m_status->setWordWrap(true);
    m_rows->setObjectName(QStringLiteral("repairRows"));
    m_rows->setColumnCount(5);
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rows->horizontalHeader()->setStretchLastSection(true);
    m_confirm->setObjectName(QStringLiteral("repairConfirm"));
    m_apply->setObjectName(QStringLiteral("repairApplyButton"));
    m_apply->setEnabled(false);
    auto* close = new QPushButton(tr("&Close"), this);
    close->setObjectName(QStringLiteral("repairCloseButton"));
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_apply, QDialogButtonBox::AcceptRole);
    buttons->addButton(close, QDialogButtonBox::RejectRole);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, [this] { run(true); });
    connect(m_confirm, &QCheckBox::toggled, this, &RepairDialog::updateApply);
    connect(m_from, &QComboBox::currentIndexChanged, this, [this] {
        m_confirm->setChecked(false);
        run(false);
    });
    auto* form = new QFormLayout;
    form->addRow(tr("Rows that are right:"), m_from);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_rows);
    layout->addWidget(m_confirm);
    layout->addWidget(buttons);
    resize(820, 480);
    run(false);
}

RepairDialog::~RepairDialog()
{
    m_cancel->store(true);
}

void RepairDialog::updateApply()
{
    m_apply->setEnabled(!m_busy && m_found > 0 && m_confirm->isChecked());
}

void RepairDialog::run(bool apply)
{
    if (m_busy)
        return;
    m_busy = true;
    updateApply();
    m_from->setEnabled(false);
    const int from = m_from->currentIndex();
    const QString source = m_profile.servers[from].name, target = m_profile.servers[1 - from].name;
    m_confirm->setText(tr("Change %1's rows of %2 to %3's (not written to %1's binary log, so nothing flows "
                          "back to %3)")
                           .arg(target, m_table, source));
    m_status->setText(apply ? tr("Repairing %1 on %2…").arg(m_table, target)
                            : tr("Reading the rows of %1 that differ, at one point of %2's binary log…")
                                  .arg(m_table, source));
    auto future = QtConcurrent::run(
        [profile = m_profile, table = m_table, from, apply, cancel = m_cancel]() -> Result<RepairReport> {
            ServerWorker a(0, profile.servers[0]), b(1, profile.servers[1]);
            for (ServerWorker* w : { &a, &b }) {
                if (const auto c = w->run([](ServerContext& ctx) { return ctx.connect(); }); !c)
                    return std::unexpected(c.error());
            }
            return RowRepair(profile, &a, &b, cancel.get()).run(table, from, apply);
        });
    AsyncTask::runThenCallback(
        future, this, [this, apply](const Result<RepairReport>& r) { showReport(r, apply); });
}

void RepairDialog::showReport(const Result<RepairReport>& r, bool apply)
{
    m_busy = false;
    m_from->setEnabled(true);
    const int from = m_from->currentIndex();
    const QString source = m_profile.servers[from].name, target = m_profile.servers[1 - from].name;
    if (!r) {
        m_found = 0;
        m_status->setText(r.error().toString());
        updateApply();
        Q_EMIT done(false, false);
        return;
    }
    m_rows->clearContents();
    m_rows->setHorizontalHeaderLabels({ tr("Key"), tr("Difference"), tr("Column"), source, target });
    int n = 0;
    for (const RowDifference& d : r->rows)
        n += d.kind == RowDifference::Kind::Different ? int(d.columns.size()) : 1;
    m_rows->setRowCount(n);
    int row = 0;
    for (const RowDifference& d : r->rows) {
        const QString what = d.kind == RowDifference::Kind::MissingOnTarget ? tr("missing on %1").arg(target)
            : d.kind == RowDifference::Kind::ExtraOnTarget                  ? tr("extra on %1").arg(target)
                                                                            : tr("different");
        const int cells = d.kind == RowDifference::Kind::Different ? int(d.columns.size()) : 1;
        for (int i = 0; i < cells; ++i, ++row) {
            const bool whole = d.kind != RowDifference::Kind::Different;
            const QStringList values { d.key.join(QStringLiteral(", ")), what,
                whole ? tr("(row)") : d.columns[i], whole ? d.source.join(QStringLiteral(", ")) : d.source[i],
                whole ? d.target.join(QStringLiteral(", ")) : d.target[i] };
            for (int c = 0; c < values.size(); ++c)
                m_rows->setItem(row, c, new QTableWidgetItem(values[c]));
        }
    }
    m_found = int(r->rows.size());
    QString text;
    if (apply)
        text = r->equalAfter ? tr("Repaired: %1 is now the same on both (%2 row(s) changed on %3).")
                                   .arg(m_table)
                                   .arg(r->rows.size())
                                   .arg(target)
                             : tr("Repaired %1 row(s) on %2, but %3 still differs: compare again.")
                                   .arg(r->rows.size())
                                   .arg(target, m_table);
    else
        text = r->rows.isEmpty() ? tr("No row of %1 differs now.").arg(m_table)
                                 : tr("%1 row(s) of %2 differ (%3 key range(s)).")
                                       .arg(r->rows.size())
                                       .arg(m_table)
                                       .arg(r->chunks.size());
    if (!r->notCompared.isEmpty())
        text += QLatin1Char('\n') + tr("Not compared: %1").arg(r->notCompared.join(QStringLiteral("; ")));
    m_status->setText(text);
    if (apply) {
        m_found = 0;
        m_confirm->setChecked(false);
    }
    updateApply();
    Q_EMIT done(apply, r->equalAfter);
}
