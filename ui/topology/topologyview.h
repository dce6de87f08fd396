#pragma once

#include <QGraphicsView>

class TopologyModel;
class TopologyScene;

/** The topology canvas: shows a TopologyScene scaled to the window; click selects a server, the context
 *  menu asks for inspection, replication start/stop or the config diff (signals; the window acts). */
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
    void configDiffRequested(int index);
    void skipEventRequested(int index);
    void compareRequested();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void fit();
    void showMenu(int index, const QPoint& globalPos);

    TopologyScene* m_scene;
};
