#pragma once

#include <QGraphicsView>

class QMenu;
class TopologyModel;
class TopologyScene;

/** The topology canvas: shows a TopologyScene scaled to the window; click selects a server, the context
 *  menu of a server or of the arrow into it asks for inspection, replication start/stop, the failing event,
 *  a data comparison or the configuration RepliPair wrote (signals; the window acts). */
class TopologyView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit TopologyView(TopologyModel* model, QWidget* parent = nullptr);

    TopologyScene* topologyScene() const { return m_scene; }
    int selectedServer() const;
    void selectServer(int index);

Q_SIGNALS:
    void serverSelected(int index);
    void inspectRequested(int index);
    void startReplicaRequested(int index);
    void stopReplicaRequested(int index);
    void configFootprintRequested(int index);
    void skipEventRequested(int index);
    void compareRequested();
    /** "Move Writes to NAME…": the user asks to make server @p index the writer. */
    void moveWritesRequested(int index);
    /** "Rebuild NAME from PEER…": the user asks to rebuild server @p index from the other one. */
    void rebuildRequested(int index);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void fit();
    /** The context menu of server @p index (also the menu of the arrow into it), objectName topologyMenu;
     *  its actions have object names (actionShowFailingEvent, actionCompareData, …). The caller shows it;
     *  it deletes itself when closed. */
    QMenu* createContextMenu(int index);

    TopologyScene* m_scene;
};
