#include "monitor/logview.h"

#include "monitor/replicationevent.h"

#include "appsettings.h"
#include "common/stepid.h"
#include "monitor/logmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSaveFile>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

LogView::LogView(QWidget* parent)
    : QWidget(parent)
    , m_model(new LogModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_serverFilter(new QComboBox(this))
{
    setObjectName(QStringLiteral("logView"));
    m_filter->setSourceModel(m_model);
    m_filter->setFilterRole(LogModel::ServerRole);
    m_filter->setFilterKeyColumn(LogModel::ServerColumn);

    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(LogModel::TimeColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(LogModel::ServerColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(LogModel::KindColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(LogModel::StepColumn, QHeaderView::ResizeToContents);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto* copy = new QAction(tr("&Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &LogView::copySelection);
    m_table->addAction(copy);
    auto* saveAction = new QAction(tr("&Save Log…"), this);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveAction, &QAction::triggered, this, &LogView::save);
    m_table->addAction(saveAction);

    m_serverFilter->setObjectName(QStringLiteral("logServerFilter"));
    m_serverFilter->addItem(tr("All servers"), QString());
    connect(m_serverFilter, &QComboBox::currentIndexChanged, this, [this] {
        const QString server = m_serverFilter->currentData().toString();
        m_filter->setFilterRegularExpression(
            server.isEmpty() ? QString() : QStringLiteral("^%1$").arg(QRegularExpression::escape(server)));
    });

    auto makeButton = [this](const QString& name, const QString& text, auto slot) {
        auto* b = new QToolButton(this);
        b->setObjectName(name);
        b->setText(text);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        connect(b, &QToolButton::clicked, this, slot);
        return b;
    };
    auto* filterLabel = new QLabel(tr("Sh&ow:"), this);
    filterLabel->setBuddy(m_serverFilter);
    auto* bar = new QHBoxLayout;
    bar->addWidget(filterLabel);
    bar->addWidget(m_serverFilter);
    bar->addStretch();
    bar->addWidget(makeButton(QStringLiteral("logCopyButton"), tr("Copy"), &LogView::copySelection));
    bar->addWidget(makeButton(QStringLiteral("logSaveButton"), tr("Save…"), &LogView::save));
    bar->addWidget(makeButton(QStringLiteral("logClearButton"), tr("Clear"), [this] { m_model->clear(); }));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_table);
}

void LogView::append(const ReplicationEvent& event)
{
    SetupEvent line;
    line.time = event.time.toLocalTime();
    line.server = event.server;
    line.step = StepId::Monitor;
    line.text = event.code != 0
        ? tr("%1 %2: %3")
              .arg(ReplicationEvent::kindTitle(event.kind), QString::number(event.code), event.text)
        : tr("%1: %2").arg(ReplicationEvent::kindTitle(event.kind), event.text);
    if (!event.detail.isEmpty())
        line.text += QLatin1Char('\n') + tr("Detail: %1").arg(event.detail);
    line.kind = event.severity() == ReplicationEvent::Severity::Error ? SetupEvent::Kind::StepFailed
        : event.severity() == ReplicationEvent::Severity::Warning     ? SetupEvent::Kind::Warning
                                                                      : SetupEvent::Kind::Info;
    append(line);
}

void LogView::append(const SetupEvent& event)
{
    QScrollBar* bar = m_table->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    m_model->append(event);
    if (atBottom)
        m_table->scrollToBottom();
}

void LogView::setServerNames(const QStringList& names)
{
    const QString current = m_serverFilter->currentData().toString();
    while (m_serverFilter->count() > 1)
        m_serverFilter->removeItem(1);
    for (const QString& n : names)
        m_serverFilter->addItem(n, n);
    m_serverFilter->addItem(tr("Pair"), QString()); // pair-level lines have no server
    const int again = m_serverFilter->findData(current);
    m_serverFilter->setCurrentIndex(qMax(0, again));
}

QList<int> LogView::selectedSourceRows() const
{
    QList<int> rows;
    for (const QModelIndex& i : m_table->selectionModel()->selectedRows())
        rows << m_filter->mapToSource(i).row();
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty())
        for (int r = 0; r < m_filter->rowCount(); ++r)
            rows << m_filter->mapToSource(m_filter->index(r, 0)).row();
    return rows;
}

void LogView::copySelection()
{
    QStringList lines;
    for (int row : selectedSourceRows())
        lines << m_model->lineAt(row);
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

bool LogView::saveTo(const QString& path)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        for (int row = 0; row < m_model->rowCount(); ++row)
            file.write(m_model->lineAt(row).toUtf8() + '\n');
        if (file.commit())
            return true;
    }
    QMessageBox::warning(
        this, tr("Save Log"), tr("The log could not be saved to %1: %2").arg(path, file.errorString()));
    return false;
}

void LogView::save()
{
    const QString dir = AppSettings::value(AppSettings::Key::LastProfileDir).toString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Log"),
        dir + QStringLiteral("/replipair.log"), tr("Log files (*.log *.txt);;All files (*)"));
    if (!path.isEmpty())
        saveTo(path);
}
