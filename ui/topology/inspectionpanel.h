#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;
class TopologyModel;

/** The side panel: everything the last inspection found about the selected server. */
class InspectionPanel : public QWidget
{
    Q_OBJECT
public:
    explicit InspectionPanel(TopologyModel* model, QWidget* parent = nullptr);

    void setServer(int index);
    int server() const { return m_index; }

private:
    void refresh();

    TopologyModel* m_model;
    int m_index = -1;
    QLabel* m_title;
    QTreeWidget* m_tree;
};
