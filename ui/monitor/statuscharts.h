#pragma once

#include <QWidget>

class QAbstractSeries;
class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QPushButton;
class QTimer;
class QValueAxis;
class StatusHistory;
struct StatusSample;

/** Charts of a monitored pair from its StatusHistory: lag per direction (heartbeat and seconds-behind),
 *  replica threads over time, binlog bytes not yet executed; 5 min / 1 h / 24 h, pause, PNG and CSV export.
 *  Redraws at most once a second from downsampled buckets, never per sample. */
class StatusCharts : public QWidget
{
    Q_OBJECT
public:
    explicit StatusCharts(QWidget* parent = nullptr);

    /** The history to draw (owned by the monitor); nullptr detaches. */
    void setHistory(const StatusHistory* history);
    void setServerNames(const QString& a, const QString& b);
    /** Marks the charts for a redraw (the next tick draws). */
    void addSample(const StatusSample& sample);
    void setRangeSec(int seconds);
    int rangeSec() const { return m_rangeSec; }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    /** Redraws now from the history (ends at the newest sample, or now). */
    void refresh();
    /** Points currently drawn in all series (for tests and the benchmark). */
    int pointCount() const;
    /** The time the shared cursor stands at (ms since the epoch, UTC), -1 when the mouse is not over a
     *  chart. One vertical line marks it on all three charts. */
    qint64 cursorTimeMs() const { return m_cursorMs; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /** What the Export PNG…/Export CSV… buttons write once their file dialog has a path. */
    bool exportPng(const QString& path);
    bool exportCsv(const QString& path);
    QChartView* makeView(QChart* chart, const QString& objectName);
    QDateTimeAxis* makeTimeAxis(QChart* chart);
    QValueAxis* makeValueAxis(QChart* chart, const QString& title);
    QLineSeries* addSeries(QChart* chart, const QString& name, const QColor& color, Qt::PenStyle style,
        QDateTimeAxis* x, QValueAxis* y);
    /** Draws @p runs (one list of points per stretch without a NULL) into @p segments, adding series of
     *  the first one's look as needed: a NULL is a gap, never a line across it. */
    void drawRuns(QList<QLineSeries*>& segments, const QList<QList<QPointF>>& runs);
    void retitle();
    /** Gives the three plot areas the same left and right edges, so that one time is one x on all of them:
     *  the y-axis labels and the legends differ in width from chart to chart. */
    void alignPlots();
    /** Puts the cursor line on every chart at @p ms (-1 hides it). */
    void showCursor(qint64 ms);

    const StatusHistory* m_history = nullptr;
    QString m_names[2];
    int m_rangeSec = 300;
    bool m_paused = false;
    bool m_dirty = false;

    QChart* m_lagChart;
    QChart* m_threadChart;
    QChart* m_backlogChart;
    QDateTimeAxis* m_lagX;
    QDateTimeAxis* m_threadX;
    QDateTimeAxis* m_backlogX;
    QValueAxis* m_lagY;
    QValueAxis* m_threadY;
    QValueAxis* m_backlogY;
    /** Per direction (into server i: index i's samples), one series per stretch of known values; the first
     *  carries the legend entry. objectName "heartbeat<i>" / "behind<i>". */
    QList<QLineSeries*> m_heartbeat[2];
    QList<QLineSeries*> m_behind[2];
    QLineSeries* m_threads[2];
    QLineSeries* m_backlog[2];
    QComboBox* m_range;
    QPushButton* m_pause;
    QTimer* m_timer;
    QWidget* m_chartsArea;
    QChartView* m_views[3] = { nullptr, nullptr, nullptr };
    QGraphicsLineItem* m_cursor[3] = { nullptr, nullptr, nullptr };
    QGraphicsSimpleTextItem* m_cursorLabel = nullptr;
    qint64 m_cursorMs = -1;
    int m_extraLeft[3] = { 0, 0, 0 }; ///< margin added to each chart by alignPlots()
    int m_extraRight[3] = { 0, 0, 0 };
    bool m_aligning = false;
};
