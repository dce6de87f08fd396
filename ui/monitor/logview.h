#pragma once

#include <QWidget>

class LogModel;
class QComboBox;
class QSortFilterProxyModel;
class QTableView;
struct SetupEvent;

/** The live log: timestamped lines per server, filterable, copyable and savable. */
struct ReplicationEvent;

class LogView : public QWidget
{
    Q_OBJECT
public:
    explicit LogView(QWidget* parent = nullptr);

    LogModel* model() const { return m_model; }
    void append(const SetupEvent& event);
    /** A monitoring event as a log line (its severity as the line's kind). */
    void append(const ReplicationEvent& event);
    /** Offers the server names of the open pair in the filter. */
    void setServerNames(const QStringList& names);

private:
    /** Copy (button, Ctrl+C, context menu): the selected lines (all lines when none is selected) to the
     *  clipboard. */
    void copySelection();
    /** Save… (button, Ctrl+S, context menu): asks for a file, then saveTo(). */
    void save();
    /** Writes every line to @p path; false with a message box when that fails. */
    bool saveTo(const QString& path);
    QList<int> selectedSourceRows() const;

    LogModel* m_model;
    QSortFilterProxyModel* m_filter;
    QTableView* m_table;
    QComboBox* m_serverFilter;
};
