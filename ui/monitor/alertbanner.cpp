#include "monitor/alertbanner.h"

#include "monitor/topologymodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace {
using Kind = ReplicationEvent::Kind;

/** Conditions of one family replace each other: a SQL error and a stopped SQL thread are one condition. */
int family(Kind kind)
{
    switch (kind) {
    case Kind::SqlError:
    case Kind::SqlThreadStopped:
        return 1;
    case Kind::IoError:
    case Kind::IoThreadStopped:
        return 2;
    case Kind::LagHigh:
        return 3;
    case Kind::ServerUnreachable:
    case Kind::ServerReachable:
        return 4;
    case Kind::ReplicaRemoved:
        return 5;
    case Kind::TwoWriters:
    case Kind::NoWriter:
    case Kind::OneWriter:
        return 6; // one condition of the pair, whichever server it names
    case Kind::DataDiffers:
        return 7;
    case Kind::DataInDoubt:
        return 9;
    case Kind::UserAction:
        return 8;
    case Kind::Recovered:
        return 0;
    }
    return 0;
}

/** What goes first: a server that is down explains the rest (its peer's IO error, its own arrow), then
 *  errors, warnings, news of the moment. */
int rank(const ReplicationEvent& event)
{
    if (event.kind == Kind::ServerUnreachable)
        return 3;
    const ReplicationEvent::Severity severity = event.severity();
    return severity == ReplicationEvent::Severity::Error  ? 2
        : severity == ReplicationEvent::Severity::Warning ? 1
                                                          : 0;
}
} // namespace

AlertBanner::AlertBanner(const TopologyModel* model, QWidget* parent)
    : QFrame(parent)
    , m_model(model)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_showEvent(new QPushButton(tr("Show the &Failing Event…"), this))
    , m_compare(new QPushButton(tr("&Compare Data…"), this))
    , m_rebuild(new QPushButton(this))
    , m_close(new QPushButton(tr("&Dismiss"), this))
    , m_startServer(new QPushButton(this))
{
    setObjectName(QStringLiteral("alertBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("alertText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setObjectName(QStringLiteral("alertAction"));
    m_showEvent->setObjectName(QStringLiteral("alertShowEvent"));
    connect(m_showEvent, &QPushButton::clicked, this, [this] {
        if (m_shown >= 0)
            Q_EMIT skipEventRequested(m_alerts[m_shown].event.serverIndex);
    });
    m_compare->setObjectName(QStringLiteral("alertCompare"));
    connect(m_compare, &QPushButton::clicked, this, &AlertBanner::compareRequested);
    m_rebuild->setObjectName(QStringLiteral("alertRebuild"));
    connect(m_rebuild, &QPushButton::clicked, this, [this] {
        if (m_shown >= 0)
            Q_EMIT rebuildRequested(m_alerts[m_shown].event.serverIndex);
    });
    m_close->setObjectName(QStringLiteral("alertDismiss"));
    connect(m_close, &QPushButton::clicked, this, [this] {
        if (m_shown >= 0)
            m_alerts[m_shown].dismissed = true;
        refresh();
    });
    connect(m_action, &QPushButton::clicked, this, [this] {
        if (m_shown >= 0)
            Q_EMIT startReplicaRequested(m_alerts[m_shown].event.serverIndex);
    });
    m_startServer->setObjectName(QStringLiteral("alertStartServer"));
    connect(m_startServer, &QPushButton::clicked, this, [this] {
        if (m_shown >= 0)
            Q_EMIT startServerRequested(m_alerts[m_shown].event.serverIndex);
    });
    if (m_model) {
        connect(m_model, &TopologyModel::linkChanged, this, [this] {
            prune();
            refresh();
        });
        connect(m_model, &TopologyModel::serverChanged, this, [this] {
            prune();
            refresh();
        });
        connect(m_model, &TopologyModel::modelReset, this, &AlertBanner::clear);
        connect(m_model, &TopologyModel::pairStateChanged, this, &AlertBanner::watchAgreement);
    }
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_showEvent);
    layout->addWidget(m_compare);
    layout->addWidget(m_rebuild);
    layout->addWidget(m_startServer);
    layout->addWidget(m_action);
    layout->addWidget(m_close);
    hide();
}

QString AlertBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

QString AlertBanner::shownPair() const
{
    return m_shown >= 0 ? m_alerts[m_shown].pair : QString();
}

ReplicationEvent AlertBanner::shownEvent() const
{
    if (m_shown >= 0)
        return m_alerts[m_shown].event;
    ReplicationEvent none;
    none.serverIndex = -1;
    return none;
}

void AlertBanner::clear()
{
    m_alerts.removeIf([](const Alert& a) { return a.pair.isEmpty(); });
    refresh();
}

void AlertBanner::forgetPair(const QString& pair)
{
    m_alerts.removeIf([&](const Alert& a) { return a.pair == pair; });
    refresh();
}

void AlertBanner::showAlert(const ReplicationEvent& event, const QString& pair)
{
    // news of the moment (recovered, answers again) only lasts until the next event
    m_alerts.removeIf([&](const Alert& a) {
        return a.event.severity() == ReplicationEvent::Severity::Info
            || (a.pair == pair && a.event.serverIndex == event.serverIndex
                && (event.kind == Kind::Recovered || family(a.event.kind) == family(event.kind)))
            || (a.pair == pair && family(event.kind) == 6 && family(a.event.kind) == 6);
    });
    m_alerts << Alert { event, pair, false };
    refresh();
}

void AlertBanner::watchAgreement()
{
    // the data's doubt is a condition of the pair, not of a server: it lasts until a comparison says equal
    m_alerts.removeIf([](const Alert& a) { return a.pair.isEmpty() && a.event.kind == Kind::DataInDoubt; });
    if (m_model && m_model->hasPair() && m_model->dataInDoubt()) {
        const PairState& state = m_model->pairState();
        ReplicationEvent e;
        e.time = state.agreementSince.isValid() ? state.agreementSince : QDateTime::currentDateTimeUtc();
        e.serverIndex = -1;
        e.kind = Kind::DataInDoubt;
        e.text = state.agreementLine();
        m_alerts << Alert { e, QString(), false };
    }
    refresh();
}

bool AlertBanner::isConsequence(const Alert& alert) const
{
    // A's IO thread cannot reach B while B is down: B being down is the cause, A's error one of its effects
    const ReplicationEvent& e = alert.event;
    if (e.kind != Kind::IoError && e.kind != Kind::IoThreadStopped)
        return false;
    if (e.serverIndex < 0 || e.serverIndex > 1)
        return false;
    for (const Alert& other : m_alerts)
        if (other.pair == alert.pair && other.event.kind == Kind::ServerUnreachable
            && other.event.serverIndex == 1 - e.serverIndex && !other.dismissed)
            return true;
    return false;
}

bool AlertBanner::stillTrue(const Alert& alert) const
{
    const ReplicationEvent& e = alert.event;
    if (!alert.pair.isEmpty())
        return true; // another pair's: its own Recovered clears it
    if (e.kind == Kind::DataInDoubt)
        return m_model && m_model->dataInDoubt();
    if (!m_model || !m_model->hasPair() || e.serverIndex < 0 || e.serverIndex > 1)
        return true;
    if (e.kind == Kind::ServerUnreachable)
        return !m_model->server(e.serverIndex).reachable;
    if (e.kind == Kind::TwoWriters)
        return m_model->writerVerdict() != WriterCheck::Verdict::NoneWritable
            && (m_model->writerVerdict() == WriterCheck::Verdict::BothWritable
                || !m_model->server(0).reachable || !m_model->server(1).reachable);
    if (e.kind == Kind::NoWriter)
        return m_model->writerVerdict() != WriterCheck::Verdict::BothWritable
            && (m_model->writerVerdict() == WriterCheck::Verdict::NoneWritable
                || !m_model->server(0).reachable || !m_model->server(1).reachable);
    if (!m_model->server(e.serverIndex).reachable)
        return true; // nothing new is known while it is away
    const TopologyModel::Link& link = m_model->link(TopologyModel::directionInto(e.serverIndex));
    switch (e.kind) {
    case Kind::SqlError:
    case Kind::SqlThreadStopped:
        return link.status.configured && (!link.status.sqlRunning || link.status.lastSqlErrno != 0);
    case Kind::IoError:
    case Kind::IoThreadStopped:
        return link.status.configured && (!link.status.ioRunning || link.status.lastIoErrno != 0);
    case Kind::LagHigh:
        return link.state == TopologyModel::LinkState::Lagging;
    case Kind::ReplicaRemoved:
        return !link.status.configured;
    case Kind::ServerUnreachable:
    case Kind::ServerReachable:
    case Kind::Recovered:
    case Kind::TwoWriters:
    case Kind::NoWriter:
    case Kind::OneWriter:
    case Kind::DataDiffers: // until dismissed, or a comparison says equal
    case Kind::DataInDoubt:
    case Kind::UserAction:
        return true;
    }
    return true;
}

void AlertBanner::prune()
{
    m_alerts.removeIf([this](const Alert& a) { return !stillTrue(a); });
}

void AlertBanner::refresh()
{
    m_shown = -1;
    for (int i = 0; i < m_alerts.size(); ++i) {
        if (m_alerts[i].dismissed || isConsequence(m_alerts[i]))
            continue;
        // the cause first, then the most severe; among equals the newest
        if (m_shown < 0 || rank(m_alerts[i].event) >= rank(m_alerts[m_shown].event))
            m_shown = i;
    }
    if (m_shown < 0) {
        hide();
        return;
    }
    // what the headline explains is listed under it; other open conditions are counted
    QStringList consequences;
    int others = 0;
    for (int i = 0; i < m_alerts.size(); ++i) {
        const Alert& a = m_alerts[i];
        if (i == m_shown || a.dismissed || a.event.severity() == ReplicationEvent::Severity::Info)
            continue;
        if (isConsequence(a) && a.pair == m_alerts[m_shown].pair
            && a.event.serverIndex == 1 - m_alerts[m_shown].event.serverIndex)
            consequences << tr("%1 cannot replicate from %2 (%3)")
                                .arg(a.event.server, m_alerts[m_shown].event.server, a.event.headline());
        else
            ++others;
    }
    display(m_alerts[m_shown], others, consequences);
}

void AlertBanner::display(const Alert& alert, int others, const QStringList& consequences)
{
    const ReplicationEvent& event = alert.event;
    const ReplicationEvent::Severity severity = event.severity();
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QColor tint(0x2e, 0x9d, 0x4a);
    if (severity == ReplicationEvent::Severity::Error) {
        icon = QStyle::SP_MessageBoxCritical;
        tint = QColor(0xd9, 0x30, 0x25);
    } else if (severity == ReplicationEvent::Severity::Warning) {
        icon = QStyle::SP_MessageBoxWarning;
        tint = QColor(0xe6, 0xa1, 0x00);
    }
    QPalette pal = palette();
    const QColor base = QPalette().color(QPalette::Window);
    // a light tint of the state colour over the window colour: readable in light and dark palettes
    pal.setColor(QPalette::Window,
        QColor::fromRgbF(base.redF() * 0.8 + tint.redF() * 0.2, base.greenF() * 0.8 + tint.greenF() * 0.2,
            base.blueF() * 0.8 + tint.blueF() * 0.2));
    setPalette(pal);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(24, 24));
    const QString when = event.time.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    QString headline = event.headline();
    QString what = event.text;
    if (event.kind == Kind::ServerUnreachable)
        headline = tr("%1 is down").arg(event.server);
    else if (event.kind == Kind::DataInDoubt)
        headline = PairState::agreementTitle(
            m_model ? m_model->pairState().agreement : PairState::Agreement::Unverified);
    else if (event.kind == Kind::LagHigh && alert.pair.isEmpty() && m_model && event.serverIndex >= 0
        && event.serverIndex <= 1) {
        // the lag now, not the lag of the moment it crossed the threshold
        const std::optional<double> lag
            = m_model->link(TopologyModel::directionInto(event.serverIndex)).lag();
        if (lag)
            what = tr("%1 is %2 s behind its source (alert above %3 s)")
                       .arg(event.server)
                       .arg(*lag, 0, 'f', 1)
                       .arg(m_model->lagThreshold(), 0, 'f', 1);
    }
    QString text = alert.pair.isEmpty() ? tr("%1 — %2: %3").arg(when, headline, what)
                                        : tr("%1 — pair %2: %3: %4").arg(when, alert.pair, headline, what);
    for (const QString& c : consequences)
        text += QLatin1Char('\n') + tr("Because of it: %1").arg(c);
    if (others > 0)
        text += QLatin1Char(' ') + tr("(+%n more)", nullptr, others);
    m_text->setText(text);
    // the actions act on the open pair: another pair's alert says which pair to open
    const bool open = alert.pair.isEmpty();
    // a stopped thread or an IO error (once its cause is fixed) starts again; a SQL error would only stop
    // again on the same event: the safe next steps are to look at that event and to compare the data
    // (not while the source is down: the IO thread would only fail to connect again)
    const bool sourceDown = m_model && m_model->hasPair() && event.serverIndex >= 0 && event.serverIndex <= 1
        && m_model->server(1 - event.serverIndex).known && !m_model->server(1 - event.serverIndex).reachable;
    const bool startable = (event.kind == Kind::IoThreadStopped || event.kind == Kind::SqlThreadStopped
                               || event.kind == Kind::IoError)
        && !((event.kind == Kind::IoError || event.kind == Kind::IoThreadStopped) && sourceDown);
    m_action->setText(tr("&Start Replication on %1").arg(event.server));
    m_action->setVisible(startable && open);
    m_startServer->setText(tr("Start &Server %1").arg(event.server));
    m_startServer->setVisible(event.kind == Kind::ServerUnreachable && open);
    m_showEvent->setVisible(event.kind == Kind::SqlError && open);
    m_compare->setVisible(
        (event.kind == Kind::SqlError || event.kind == Kind::DataDiffers || event.kind == Kind::DataInDoubt)
        && open);
    m_close->setVisible(event.kind != Kind::DataInDoubt); // it goes when a comparison says equal
    // the way back when the data is already apart: the server rebuilt from its peer
    const bool twoServers = m_model && m_model->hasPair() && event.serverIndex >= 0 && event.serverIndex <= 1;
    m_rebuild->setText(twoServers
            ? tr("&Rebuild %1 from %2…").arg(event.server, m_model->server(1 - event.serverIndex).name)
            : tr("&Rebuild %1…").arg(event.server));
    m_rebuild->setVisible(event.kind == Kind::SqlError && open);
    QFrame::show();
}
