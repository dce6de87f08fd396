#include "monitor/statuscharts.h"

#include "appsettings.h"
#include "monitor/statushistory.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMessageBox>
#include <QPen>
#include <QPushButton>
#include <QSaveFile>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

namespace {
/** Per direction (into A, into B): threads and backlog; heartbeat and seconds-behind have hues of their
 *  own, so that no two lag lines share a colour. */
const QColor kColors[2] = { QColor(0x2e, 0x7d, 0xd1), QColor(0xd9, 0x6a, 0x00) };
const QColor kHeartbeatColors[2] = { QColor(0x2e, 0x7d, 0xd1), QColor(0xd9, 0x6a, 0x00) };
const QColor kBehindColors[2] = { QColor(0x1b, 0x9e, 0x77), QColor(0x8e, 0x44, 0xad) };

double nanToZero(float v)
{
    return std::isnan(v) ? 0.0 : double(v);
}
} // namespace

StatusCharts::StatusCharts(QWidget* parent)
    : QWidget(parent)
    , m_lagChart(new QChart)
    , m_threadChart(new QChart)
    , m_backlogChart(new QChart)
    , m_range(new QComboBox(this))
    , m_pause(new QPushButton(tr("&Pause"), this))
    , m_timer(new QTimer(this))
    , m_chartsArea(new QWidget(this))
{
    setObjectName(QStringLiteral("statusCharts"));
    m_names[0] = QStringLiteral("A");
    m_names[1] = QStringLiteral("B");

    m_lagX = makeTimeAxis(m_lagChart);
    // the units go into the chart titles, read horizontally: a rotated axis title turns CJK text sideways
    m_lagY = makeValueAxis(m_lagChart, QString());
    m_lagY->setLabelFormat(QStringLiteral("%g")); // "400", "0.5": no useless ".0"
    m_threadX = makeTimeAxis(m_threadChart);
    m_threadY = makeValueAxis(m_threadChart, QString()); // the chart title says what it counts
    m_threadY->setRange(-0.1, 2.1);
    m_threadY->setTickCount(3);
    m_threadY->setLabelFormat(QStringLiteral("%d"));
    m_backlogX = makeTimeAxis(m_backlogChart);
    m_backlogY = makeValueAxis(m_backlogChart, QString());
    m_backlogY->setLabelFormat(QStringLiteral("%g"));
    m_backlogY->setTickCount(3);
    for (int i = 0; i < 2; ++i) {
        m_heartbeat[i] << addSeries(m_lagChart, {}, kHeartbeatColors[i], Qt::SolidLine, m_lagX, m_lagY);
        m_heartbeat[i].first()->setObjectName(QStringLiteral("heartbeat%1").arg(i));
        m_behind[i] << addSeries(m_lagChart, {}, kBehindColors[i], Qt::DashLine, m_lagX, m_lagY);
        m_behind[i].first()->setObjectName(QStringLiteral("behind%1").arg(i));
        m_threads[i] = addSeries(m_threadChart, {}, kColors[i], Qt::SolidLine, m_threadX, m_threadY);
        m_backlog[i] = addSeries(m_backlogChart, {}, kColors[i], Qt::SolidLine, m_backlogX, m_backlogY);
    }
    retitle();

    m_range->setObjectName(QStringLiteral("chartRange"));
    m_range->addItem(tr("Last 5 minutes"), 300);
    m_range->addItem(tr("Last hour"), 3600);
    m_range->addItem(tr("Last 24 hours"), 86400);
    m_range->setCurrentIndex(
        qMax(0, m_range->findData(AppSettings::value(AppSettings::Key::ChartRangeSec).toInt())));
    m_rangeSec = m_range->currentData().toInt();
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        setRangeSec(m_range->currentData().toInt());
        AppSettings::setValue(AppSettings::Key::ChartRangeSec, m_rangeSec);
    });
    m_pause->setObjectName(QStringLiteral("chartPause"));
    m_pause->setCheckable(true);
    connect(m_pause, &QPushButton::toggled, this, &StatusCharts::setPaused);
    auto* png = new QPushButton(tr("Export P&NG…"), this);
    png->setObjectName(QStringLiteral("chartExportPng"));
    connect(png, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Charts"), QStringLiteral("replipair-charts.png"), tr("PNG images (*.png)"));
        if (!path.isEmpty())
            exportPng(path);
    });
    auto* csv = new QPushButton(tr("Export &CSV…"), this);
    csv->setObjectName(QStringLiteral("chartExportCsv"));
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Samples"), QStringLiteral("replipair-samples.csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });

    auto* rangeLabel = new QLabel(tr("&Range:"), this);
    rangeLabel->setBuddy(m_range);
    auto* bar = new QHBoxLayout;
    bar->addWidget(rangeLabel);
    bar->addWidget(m_range);
    bar->addWidget(m_pause);
    bar->addStretch();
    bar->addWidget(png);
    bar->addWidget(csv);
    auto* charts = new QVBoxLayout(m_chartsArea);
    charts->setContentsMargins(0, 0, 0, 0);
    m_views[0] = makeView(m_lagChart, QStringLiteral("lagChart"));
    m_views[1] = makeView(m_threadChart, QStringLiteral("threadChart"));
    m_views[2] = makeView(m_backlogChart, QStringLiteral("backlogChart"));
    charts->addWidget(m_views[0], 2);
    charts->addWidget(m_views[1], 1);
    charts->addWidget(m_views[2], 1);
    // one time axis for the three: the same plot edges, and one cursor that follows the mouse on all
    for (int i = 0; i < 3; ++i) {
        QChart* chart = m_views[i]->chart();
        connect(chart, &QChart::plotAreaChanged, this,
            [this] { QTimer::singleShot(0, this, &StatusCharts::alignPlots); });
        m_cursor[i] = new QGraphicsLineItem(chart);
        m_cursor[i]->setPen(QPen(palette().color(QPalette::WindowText), 1, Qt::DotLine));
        m_cursor[i]->setZValue(20);
        m_cursor[i]->hide();
        m_views[i]->viewport()->setMouseTracking(true);
        m_views[i]->viewport()->installEventFilter(this);
    }
    m_cursorLabel = new QGraphicsSimpleTextItem(m_lagChart);
    m_cursorLabel->setBrush(palette().color(QPalette::WindowText));
    m_cursorLabel->setZValue(21);
    m_cursorLabel->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_chartsArea, 1);

    m_timer->setObjectName(QStringLiteral("chartRedrawTimer"));
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_dirty && !m_paused && isVisible())
            refresh();
    });
    m_timer->start();
}

QChartView* StatusCharts::makeView(QChart* chart, const QString& objectName)
{
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setTheme(palette().color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark
                                                                        : QChart::ChartThemeLight);
    auto* view = new QChartView(chart, m_chartsArea);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(120);
    return view;
}

QDateTimeAxis* StatusCharts::makeTimeAxis(QChart* chart)
{
    auto* axis = new QDateTimeAxis;
    axis->setFormat(QStringLiteral("HH:mm:ss"));
    axis->setTickCount(6);
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

QValueAxis* StatusCharts::makeValueAxis(QChart* chart, const QString& title)
{
    auto* axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setMin(0);
    chart->addAxis(axis, Qt::AlignLeft);
    return axis;
}

QLineSeries* StatusCharts::addSeries(QChart* chart, const QString& name, const QColor& color,
    Qt::PenStyle style, QDateTimeAxis* x, QValueAxis* y)
{
    auto* series = new QLineSeries;
    series->setName(name);
    QPen pen(color, 2, style);
    series->setPen(pen);
    series->setUseOpenGL(false);
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
    return series;
}

void StatusCharts::retitle()
{
    m_lagChart->setTitle(tr("Replication lag (seconds)"));
    m_threadChart->setTitle(tr("Replica threads running (IO + SQL)"));
    m_backlogChart->setTitle(tr("Binlog not yet executed (KiB)"));
    for (int i = 0; i < 2; ++i) {
        // the sample of server i describes the direction from its peer into it
        const QString direction = QStringLiteral("%1 → %2").arg(m_names[1 - i], m_names[i]);
        m_heartbeat[i].first()->setName(tr("%1 heartbeat").arg(direction));
        m_behind[i].first()->setName(tr("%1 seconds behind").arg(direction));
        m_threads[i]->setName(tr("on %1").arg(m_names[i]));
        m_backlog[i]->setName(direction);
    }
}

void StatusCharts::setHistory(const StatusHistory* history)
{
    m_history = history;
    m_dirty = true;
    if (!history)
        for (int i = 0; i < 2; ++i) {
            for (QLineSeries* s : { m_threads[i], m_backlog[i] })
                s->clear();
            for (QLineSeries* s : m_heartbeat[i] + m_behind[i])
                s->clear();
        }
}

void StatusCharts::setServerNames(const QString& a, const QString& b)
{
    m_names[0] = a;
    m_names[1] = b;
    retitle();
}

void StatusCharts::addSample(const StatusSample&)
{
    m_dirty = true;
}

void StatusCharts::setRangeSec(int seconds)
{
    m_rangeSec = seconds;
    m_range->setCurrentIndex(qMax(0, m_range->findData(seconds)));
    m_lagX->setFormat(seconds > 3600 ? QStringLiteral("HH:mm") : QStringLiteral("HH:mm:ss"));
    m_threadX->setFormat(m_lagX->format());
    m_backlogX->setFormat(m_lagX->format());
    refresh();
}

void StatusCharts::setPaused(bool paused)
{
    m_paused = paused;
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    if (!paused)
        refresh();
}

void StatusCharts::refresh()
{
    m_dirty = false;
    qint64 end = QDateTime::currentMSecsSinceEpoch();
    if (m_history) {
        const qint64 newest = qMax(m_history->lastTimeMs(0), m_history->lastTimeMs(1));
        if (newest > 0)
            end = qMax(end, newest);
    }
    const qint64 start = end - qint64(m_rangeSec) * 1000;
    double maxLag = 1;
    double maxBytes = 1; // KiB
    // one point per two pixels of plot width is as much as a line can show
    const int maxPoints = qBound(120, int(m_lagChart->plotArea().width() / 2), 1000);
    for (int i = 0; i < 2 && m_history; ++i) {
        const QList<HistoryBucket> buckets = m_history->query(i, start, end, maxPoints);
        QList<QList<QPointF>> hb { {} }, behind { {} };
        QList<QPointF> threads, backlog;
        threads.reserve(buckets.size());
        backlog.reserve(buckets.size());
        for (const HistoryBucket& b : buckets) {
            const double t = double(b.endMs);
            // the worst of the bucket: max lag, fewest threads running
            // a bucket without a value (the server said NULL) ends the stretch: a gap, not "0 s behind"
            for (auto [summary, runs] :
                { std::pair { &b.heartbeatLag, &hb }, std::pair { &b.secondsBehind, &behind } }) {
                if (summary->isEmpty()) {
                    if (!runs->last().isEmpty())
                        runs->append(QList<QPointF>());
                    continue;
                }
                runs->last() << QPointF(t, summary->max);
                maxLag = qMax(maxLag, double(summary->max));
            }
            const int running = ((b.flagsAll & HistoryPoint::IoRunning) ? 1 : 0)
                + ((b.flagsAll & HistoryPoint::SqlRunning) ? 1 : 0);
            threads << QPointF(t, running);
            if (!b.backlogBytes.isEmpty()) {
                backlog << QPointF(t, nanToZero(b.backlogBytes.max) / 1024.0);
                maxBytes = qMax(maxBytes, double(b.backlogBytes.max) / 1024.0);
            }
        }
        // replace() swaps the whole list in one go: no per-point signals, no full chart rebuild
        drawRuns(m_heartbeat[i], hb);
        drawRuns(m_behind[i], behind);
        m_threads[i]->replace(threads);
        m_backlog[i]->replace(backlog);
    }
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(start);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(end);
    for (QDateTimeAxis* x : { m_lagX, m_threadX, m_backlogX })
        x->setRange(from, to);
    m_lagY->setRange(0, maxLag * 1.15);
    m_backlogY->setRange(0, maxBytes * 1.15);
    m_lagY->applyNiceNumbers();
    m_backlogY->applyNiceNumbers();
}

void StatusCharts::drawRuns(QList<QLineSeries*>& segments, const QList<QList<QPointF>>& runs)
{
    QList<QList<QPointF>> drawn = runs;
    drawn.removeAll(QList<QPointF>());
    QLineSeries* first = segments.first();
    while (segments.size() < drawn.size()) {
        QLineSeries* more = addSeries(
            first->chart(), QString(), first->pen().color(), first->pen().style(), m_lagX, m_lagY);
        more->setObjectName(first->objectName());
        for (QLegendMarker* marker : first->chart()->legend()->markers(more))
            marker->setVisible(false); // one legend entry per line, however many stretches it has
        segments << more;
    }
    // replace() swaps the whole list in one go: no per-point signals, no full chart rebuild
    for (qsizetype k = 0; k < segments.size(); ++k)
        segments[k]->replace(k < drawn.size() ? drawn.at(k) : QList<QPointF>());
}

int StatusCharts::pointCount() const
{
    int n = 0;
    for (int i = 0; i < 2; ++i) {
        n += m_threads[i]->count() + m_backlog[i]->count();
        for (const QLineSeries* s : m_heartbeat[i] + m_behind[i])
            n += s->count();
    }
    return n;
}

bool StatusCharts::exportPng(const QString& path)
{
    const QPixmap pixmap = m_chartsArea->grab();
    if (pixmap.save(path, "PNG"))
        return true;
    QMessageBox::warning(this, tr("Export Charts"), tr("Could not write %1.").arg(path));
    return false;
}

bool StatusCharts::exportCsv(const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        QMessageBox::warning(
            this, tr("Export Samples"), tr("Could not write %1: %2").arg(path, file.errorString()));
        return false;
    }
    // column names stay English: the file is read by scripts
    file.write("time,server,reachable,io_running,sql_running,seconds_behind,heartbeat_lag,backlog_bytes\n");
    const qint64 end = QDateTime::currentMSecsSinceEpoch() + 1000;
    const qint64 start = end - qint64(m_rangeSec) * 1000 - 1000;
    auto num = [](float v) { return std::isnan(v) ? QByteArray() : QByteArray::number(double(v), 'g', 6); };
    for (int i = 0; i < 2 && m_history; ++i) {
        for (const HistoryPoint& p : m_history->rawPoints(i, start, end)) {
            QByteArray line
                = QDateTime::fromMSecsSinceEpoch(p.timeMs, Qt::UTC).toString(Qt::ISODateWithMs).toUtf8();
            line += ',' + m_names[i].toUtf8();
            line += ',' + QByteArray::number(p.has(HistoryPoint::Reachable) ? 1 : 0);
            line += ',' + QByteArray::number(p.has(HistoryPoint::IoRunning) ? 1 : 0);
            line += ',' + QByteArray::number(p.has(HistoryPoint::SqlRunning) ? 1 : 0);
            line += ',' + num(p.secondsBehind) + ',' + num(p.heartbeatLag) + ',' + num(p.backlogBytes) + '\n';
            file.write(line);
        }
    }
    if (file.commit())
        return true;
    QMessageBox::warning(
        this, tr("Export Samples"), tr("Could not write %1: %2").arg(path, file.errorString()));
    return false;
}
