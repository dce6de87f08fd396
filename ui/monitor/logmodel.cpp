#include "monitor/logmodel.h"

#include <QBrush>
#include <QColor>

LogModel::LogModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

int LogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int LogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const SetupEvent& e = m_events.at(index.row());
    if (role == ServerRole)
        return e.server;
    if (role == Qt::ForegroundRole && index.column() == KindColumn) {
        if (e.kind == SetupEvent::Kind::StepFailed)
            return QBrush(QColor(0xd9, 0x30, 0x25));
        if (e.kind == SetupEvent::Kind::Warning)
            return QBrush(QColor(0xd0, 0x8a, 0x00));
        if (e.kind == SetupEvent::Kind::StepFinished)
            return QBrush(QColor(0x2e, 0x9d, 0x4a));
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == TextColumn)
        return e.text;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return e.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    case ServerColumn:
        return e.server.isEmpty() ? tr("pair") : e.server;
    case KindColumn:
        switch (e.kind) {
        case SetupEvent::Kind::StepStarted:
            return tr("started");
        case SetupEvent::Kind::StepFinished:
            return tr("done");
        case SetupEvent::Kind::StepFailed:
            return tr("failed");
        case SetupEvent::Kind::Warning:
            return tr("warning");
        case SetupEvent::Kind::Info:
            return tr("info");
        case SetupEvent::Kind::Progress:
            return tr("progress");
        }
        return {};
    case StepColumn:
        return e.stepTitle();
    case TextColumn:
        return e.elapsedMs >= 0 ? tr("%1 (%2 ms)").arg(e.text).arg(e.elapsedMs) : e.text;
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ServerColumn:
        return tr("Server");
    case KindColumn:
        return tr("Event");
    case StepColumn:
        return tr("Step");
    case TextColumn:
        return tr("Message");
    default:
        return {};
    }
}

void LogModel::append(const SetupEvent& event)
{
    if (m_events.size() >= m_maxLines) {
        const int drop = int(m_events.size()) - m_maxLines + 1;
        beginRemoveRows({}, 0, drop - 1);
        m_events.remove(0, drop);
        endRemoveRows();
    }
    beginInsertRows({}, int(m_events.size()), int(m_events.size()));
    m_events.append(event);
    endInsertRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_events.clear();
    endResetModel();
}

QString LogModel::lineAt(int row) const
{
    QStringList cols;
    for (int c = 0; c < ColumnCount; ++c)
        cols << data(index(row, c)).toString();
    return cols.join(QLatin1Char('\t'));
}
