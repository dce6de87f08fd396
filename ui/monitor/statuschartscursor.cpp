#include "monitor/statuscharts.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QMouseEvent>

// One time axis for the three charts: the same plot edges, and one cursor line that follows the mouse.

void StatusCharts::alignPlots()
{
    if (m_aligning)
        return;
    QChart* charts[3] = { m_lagChart, m_threadChart, m_backlogChart };
    // each chart's plot edges without what alignPlots() added: the natural ones
    qreal left = 0;
    qreal right = 0;
    qreal natural[3][2];
    for (int i = 0; i < 3; ++i) {
        const QRectF plot = charts[i]->plotArea();
        if (plot.isEmpty())
            return; // not laid out yet
        natural[i][0] = plot.left() - m_extraLeft[i];
        natural[i][1] = charts[i]->size().width() - plot.right() - m_extraRight[i];
        left = i == 0 ? natural[i][0] : qMax(left, natural[i][0]);
        right = i == 0 ? natural[i][1] : qMax(right, natural[i][1]);
    }
    m_aligning = true;
    for (int i = 0; i < 3; ++i) {
        const int extraLeft = qRound(left - natural[i][0]);
        const int extraRight = qRound(right - natural[i][1]);
        if (extraLeft == m_extraLeft[i] && extraRight == m_extraRight[i])
            continue;
        QMargins m = charts[i]->margins();
        m.setLeft(m.left() - m_extraLeft[i] + extraLeft);
        m.setRight(m.right() - m_extraRight[i] + extraRight);
        m_extraLeft[i] = extraLeft;
        m_extraRight[i] = extraRight;
        charts[i]->setMargins(m);
    }
    m_aligning = false;
}

bool StatusCharts::eventFilter(QObject* watched, QEvent* event)
{
    for (QChartView* view : m_views) {
        if (!view || watched != view->viewport())
            continue;
        if (event->type() == QEvent::Leave) {
            showCursor(-1);
        } else if (event->type() == QEvent::MouseMove) {
            const QPointF atScene = view->mapToScene(static_cast<QMouseEvent*>(event)->position().toPoint());
            QChart* chart = view->chart();
            const QPointF inChart = chart->mapFromScene(atScene);
            showCursor(chart->plotArea().contains(inChart) ? qint64(chart->mapToValue(inChart).x()) : -1);
        }
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void StatusCharts::showCursor(qint64 ms)
{
    m_cursorMs = ms;
    QChart* charts[3] = { m_lagChart, m_threadChart, m_backlogChart };
    for (int i = 0; i < 3; ++i) {
        if (ms < 0 || charts[i]->series().isEmpty()) {
            m_cursor[i]->hide();
            continue;
        }
        const QRectF plot = charts[i]->plotArea();
        const qreal x = charts[i]->mapToPosition(QPointF(double(ms), 0), charts[i]->series().first()).x();
        m_cursor[i]->setLine(x, plot.top(), x, plot.bottom());
        m_cursor[i]->show();
    }
    m_cursorLabel->setVisible(ms >= 0);
    if (ms >= 0) {
        m_cursorLabel->setText(
            QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("HH:mm:ss")));
        m_cursorLabel->setPos(m_cursor[0]->line().x1() + 4, m_lagChart->plotArea().top());
    }
}
