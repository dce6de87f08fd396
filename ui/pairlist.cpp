#include "pairlist.h"

#include "appsettings.h"

#include <QAction>
#include <QFileInfo>

PairList::PairList(CredentialStore* credentials, QWidget* parent)
    : QListWidget(parent)
    , m_fleet(new FleetMonitor(credentials, this))
{
    m_fleet->setIntervalMs(AppSettings::monitorIntervalMs());
    m_fleet->setLagThreshold(AppSettings::lagThresholdSec());
    connect(m_fleet, &FleetMonitor::healthChanged, this, &PairList::setHealth);
    setObjectName(QStringLiteral("pairList"));
    setAccessibleName(tr("Saved pairs"));
    setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(this, &QListWidget::itemActivated, this,
        [this](QListWidgetItem* item) { Q_EMIT openRequested(item->data(PathRole).toString()); });
    auto* forget = new QAction(tr("&Remove from List"), this);
    forget->setObjectName(QStringLiteral("actionRemovePair"));
    forget->setShortcut(QKeySequence::Delete);
    forget->setShortcutContext(Qt::WidgetShortcut);
    connect(forget, &QAction::triggered, this, [this] {
        if (QListWidgetItem* item = currentItem()) {
            if (item->data(DemoRole).toBool())
                m_demoPath.clear();
            else
                AppSettings::removeRecentPair(item->data(PathRole).toString());
            refresh();
        }
    });
    addAction(forget);
    refresh();
}

void PairList::refresh()
{
    clear();
    if (!m_demoPath.isEmpty()) {
        auto* item = new QListWidgetItem(tr("%1 (demo)").arg(m_demoName), this);
        item->setData(PathRole, m_demoPath);
        item->setData(DemoRole, true);
        item->setToolTip(tr("The demo's pair: it goes when the demo's servers stop.\n%1").arg(m_demoPath));
        QFont f = item->font();
        f.setItalic(true);
        item->setFont(f);
        item->setData(NameRole, item->text());
        decorate(item);
    }
    for (const QString& path : AppSettings::recentPairs()) {
        if (path == m_demoPath)
            continue;
        QString name = QFileInfo(path).fileName();
        name.remove(QStringLiteral(".replipair.json"));
        auto* item = new QListWidgetItem(name, this);
        item->setData(PathRole, path);
        item->setData(DemoRole, false);
        item->setToolTip(path);
        item->setData(NameRole, name);
        if (!QFileInfo::exists(path))
            item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        else
            decorate(item);
    }
    QStringList paths;
    for (int i = 0; i < count(); ++i)
        if (QFileInfo::exists(item(i)->data(PathRole).toString()))
            paths << item(i)->data(PathRole).toString();
    m_fleet->setPairs(paths, m_openPath);
}

void PairList::setOpenPair(const QString& path)
{
    m_openPath = path;
    refresh();
}

void PairList::setHealth(const QString& path, const FleetMonitor::Health& health)
{
    m_health[path] = health;
    if (QListWidgetItem* item = itemFor(path))
        decorate(item);
}

void PairList::decorate(QListWidgetItem* item) const
{
    const QString path = item->data(PathRole).toString();
    const QString name = item->data(NameRole).toString();
    const auto found = m_health.constFind(path);
    if (found == m_health.constEnd())
        return;
    const FleetMonitor::Health& h = *found;
    using State = FleetMonitor::Health::State;
    QStringList parts { name };
    if (h.state == State::NeedsPassword)
        parts << tr("waiting for a password");
    if (h.worstLag)
        parts << tr("lag %1 s").arg(*h.worstLag, 0, 'f', *h.worstLag < 10 ? 1 : 0);
    if (h.dataInDoubt())
        parts << PairState::agreementTitle(h.agreement);
    if (h.lastEvent.isValid())
        parts << h.lastEvent.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    item->setText(parts.join(QStringLiteral(" · ")));
    item->setData(HealthRole, h.stateName());
    item->setData(AgreementRole, PairState::agreementName(h.agreement));
    // the arrows' colours: green replicating, amber lagging, red stopped or failed
    const QColor colour = h.state == State::Broken ? QColor(0xd9, 0x30, 0x25)
        : h.state == State::Lagging                ? QColor(0xe6, 0xa1, 0x00)
        : h.state == State::Lagging || (h.state == State::Healthy && h.dataInDoubt())
        ? QColor(0xe6, 0xa1, 0x00)
        : h.state == State::Healthy ? QColor(0x2e, 0x9d, 0x4a)
                                    : palette().color(QPalette::Text);
    item->setForeground(colour);
    QString tip = item->data(PathRole).toString();
    if (h.state == State::NeedsPassword)
        tip += QLatin1Char('\n')
            + tr("Waiting for a password: open the pair to type it (its passwords are neither remembered "
                 "nor in a variable or file).");
    if (h.dataInDoubt())
        tip += QLatin1Char('\n') + h.agreementLine;
    if (!h.lastEventText.isEmpty())
        tip += QLatin1Char('\n') + tr("Last event: %1").arg(h.lastEventText);
    item->setToolTip(tip);
}

void PairList::setDemoPair(const QString& path, const QString& name)
{
    m_demoPath = path;
    m_demoName = name;
    refresh();
}

QListWidgetItem* PairList::itemFor(const QString& path) const
{
    for (int i = 0; i < count(); ++i)
        if (item(i)->data(PathRole).toString() == path)
            return item(i);
    return nullptr;
}
