#include "monitor/alertbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

AlertBanner::AlertBanner(QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_showEvent(new QPushButton(tr("Show the &Failing Event…"), this))
    , m_close(new QPushButton(tr("&Dismiss"), this))
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
        if (m_server >= 0)
            Q_EMIT skipEventRequested(m_server);
    });
    m_close->setObjectName(QStringLiteral("alertDismiss"));
    connect(m_close, &QPushButton::clicked, this, &QWidget::hide);
    connect(m_action, &QPushButton::clicked, this, [this] {
        if (m_server >= 0)
            Q_EMIT startReplicaRequested(m_server);
    });
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_showEvent);
    layout->addWidget(m_action);
    layout->addWidget(m_close);
    hide();
}

QString AlertBanner::text() const
{
    return m_text->text();
}

void AlertBanner::showAlert(const ReplicationEvent& event)
{
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
    m_text->setText(tr("%1 — %2 on %3: %4")
                        .arg(event.time.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                            ReplicationEvent::kindTitle(event.kind), event.server, event.text));
    m_server = event.serverIndex;
    const bool stopped = event.kind == ReplicationEvent::Kind::IoThreadStopped
        || event.kind == ReplicationEvent::Kind::SqlThreadStopped
        || event.kind == ReplicationEvent::Kind::IoError || event.kind == ReplicationEvent::Kind::SqlError;
    m_action->setText(tr("&Start Replication on %1").arg(event.server));
    m_action->setVisible(stopped);
    // a SQL error: the safe next step is to look at the event first, not to restart blindly
    m_showEvent->setVisible(event.kind == ReplicationEvent::Kind::SqlError);
    show();
}
