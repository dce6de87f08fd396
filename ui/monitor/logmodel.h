#pragma once

#include "setup/setupevent.h"

#include <QAbstractTableModel>
#include <QList>

/** The live log's lines: time, server, kind, step and text, bounded to the newest lines. */
class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ServerColumn, KindColumn, StepColumn, TextColumn, ColumnCount };
    enum Role { ServerRole = Qt::UserRole + 1 };

    explicit LogModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** Appends one event; the engine has already redacted every password. */
    void append(const SetupEvent& event);
    void clear();
    /** One plain-text line per row, as copied or saved. */
    QString lineAt(int row) const;

private:
    QList<SetupEvent> m_events;
    int m_maxLines = 20000;
};
