#include "pairlist.h"

#include "appsettings.h"

#include <QAction>
#include <QFileInfo>

PairList::PairList(QWidget* parent)
    : QListWidget(parent)
{
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
        if (!QFileInfo::exists(path))
            item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
    }
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
