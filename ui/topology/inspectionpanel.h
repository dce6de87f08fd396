#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;
class TopologyModel;

/** The side panel for the selected server: its replication as the live monitor sees it now (with the time
 *  of the newest sample; the monitor wins over an inspection that finishes later), then what the last
 *  inspection found (with the time it ran). */
class InspectionPanel : public QWidget
{
    Q_OBJECT
public:
    explicit InspectionPanel(TopologyModel* model, QWidget* parent = nullptr);

    void setServer(int index);
    int server() const { return m_index; }
    /** Server @p index was inspected at @p time (the model keeps what it found). */
    void setInspectedAt(int index, const QDateTime& time);

private:
    void refresh();
    void addLiveSection();
    void addInspectionSections();
    QTreeWidgetItem* section(const QString& title);

    TopologyModel* m_model;
    int m_index = -1;
    QDateTime m_inspectedAt[2];
    QLabel* m_title;
    QTreeWidget* m_tree;
};
