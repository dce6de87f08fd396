#include "appsettings.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace {
struct Entry
{
    AppSettings::Key key;
    const char* name;
    QVariant defaultValue;
};

// The one list of every persisted key and its default.
const QList<Entry>& entries()
{
    static const QList<Entry> list {
        { AppSettings::Key::WindowGeometry, "window/geometry", QByteArray() },
        { AppSettings::Key::WindowState, "window/state", QByteArray() },
        { AppSettings::Key::RecentPairs, "pairs/recent", QStringList() },
        { AppSettings::Key::Language, "ui/language", QString() },
        { AppSettings::Key::MonitorIntervalMs, "monitor/intervalMs", 1000 },
        { AppSettings::Key::LagThresholdSec, "monitor/lagThresholdSec", 5.0 },
        { AppSettings::Key::ChartRangeSec, "charts/rangeSec", 300 },
        { AppSettings::Key::TrayNotifications, "ui/trayNotifications", true },
        { AppSettings::Key::LastProfileDir, "pairs/lastDir", QDir::homePath() },
        { AppSettings::Key::WizardGeometry, "wizard/geometry", QByteArray() },
        { AppSettings::Key::ScheduledCompare, "compare/scheduled", false },
        { AppSettings::Key::ScheduledCompareTime, "compare/time", QStringLiteral("02:00:00") },
    };
    return list;
}

const Entry& entry(AppSettings::Key key)
{
    for (const Entry& e : entries())
        if (e.key == key)
            return e;
    Q_UNREACHABLE();
}

constexpr int kMaxRecent = 10;
} // namespace

QString AppSettings::keyName(Key key)
{
    return QLatin1String(entry(key).name);
}

QVariant AppSettings::defaultValue(Key key)
{
    return entry(key).defaultValue;
}

QVariant AppSettings::value(Key key)
{
    QSettings settings; // QSettings writes through a temporary file and an atomic rename
    const Entry& e = entry(key);
    return settings.value(QLatin1String(e.name), e.defaultValue);
}

void AppSettings::setValue(Key key, const QVariant& value)
{
    QSettings settings;
    settings.setValue(keyName(key), value);
}

QList<AppSettings::Key> AppSettings::allKeys()
{
    QList<Key> keys;
    for (const Entry& e : entries())
        keys << e.key;
    return keys;
}

QStringList AppSettings::recentPairs()
{
    return value(Key::RecentPairs).toStringList();
}

void AppSettings::addRecentPair(const QString& path)
{
    QStringList list = recentPairs();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecent)
        list.removeLast();
    setValue(Key::RecentPairs, list);
}

void AppSettings::removeRecentPair(const QString& path)
{
    QStringList list = recentPairs();
    list.removeAll(path);
    setValue(Key::RecentPairs, list);
}

QString AppSettings::pairsFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/replipair/pairs");
}

QList<std::pair<QString, QString>> AppSettings::migratePairsFolder()
{
    // AppLocalDataLocation already ends in <organisation>/<application>: "/pairs" under it was doubled
    const QString old
        = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/pairs");
    const QString now = pairsFolder();
    QList<std::pair<QString, QString>> moved;
    if (QDir(old).absolutePath() == QDir(now).absolutePath() || !QDir(old).exists())
        return moved;
    QDir().mkpath(now);
    for (const QFileInfo& f : QDir(old).entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot)) {
        const QString target = now + QLatin1Char('/') + f.fileName();
        if (QFileInfo::exists(target) || !QFile::rename(f.absoluteFilePath(), target))
            continue; // never overwrite: a newer profile of the same name stays, the old one where it was
        moved << std::pair { f.absoluteFilePath(), target };
    }
    QStringList recent = recentPairs();
    for (const auto& [from, to] : moved)
        recent.replaceInStrings(
            QRegularExpression(QStringLiteral("^") + QRegularExpression::escape(from) + QStringLiteral("$")),
            to);
    setValue(Key::RecentPairs, recent);
    QDir().rmdir(old); // only when it is empty now
    return moved;
}

QString AppSettings::language()
{
    return value(Key::Language).toString();
}

int AppSettings::monitorIntervalMs()
{
    return qMax(200, value(Key::MonitorIntervalMs).toInt());
}

double AppSettings::lagThresholdSec()
{
    return value(Key::LagThresholdSec).toDouble();
}
