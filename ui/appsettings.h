#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

#include <utility>

/** Every setting the desktop app persists, with its key and its default, in one place (QSettings). */
class AppSettings
{
public:
    enum class Key {
        WindowGeometry, ///< QByteArray, saveGeometry()
        WindowState, ///< QByteArray, saveState()
        RecentPairs, ///< QStringList of *.replipair.json paths, newest first
        Language, ///< "" follows the system locale, else "en" or "zh_CN"
        MonitorIntervalMs, ///< poll interval of the live monitor
        LagThresholdSec, ///< lag above this turns an arrow amber
        ChartRangeSec, ///< 300, 3600 or 86400
        TrayNotifications, ///< notify state changes in the system tray
        LastProfileDir, ///< where the last profile was opened from or saved to
        WizardGeometry, ///< QByteArray of the setup wizard
        ScheduledCompare, ///< compare the open pair's data every day at ScheduledCompareTime
        ScheduledCompareTime, ///< "HH:mm:ss", local time
    };

    static QString keyName(Key key);
    static QVariant defaultValue(Key key);
    static QVariant value(Key key);
    static void setValue(Key key, const QVariant& value);
    /** Every key, for documentation and tests. */
    static QList<Key> allKeys();

    static QStringList recentPairs();
    /** Puts @p path first in the recent pairs, keeping at most 10. */
    static void addRecentPair(const QString& path);
    static void removeRecentPair(const QString& path);
    /** Where the wizard saves new profiles: <data>/replipair/pairs (beside replipair/state). */
    static QString pairsFolder();
    /** Moves the profiles (with their journals and state files) an older version saved in the doubled
     *  folder <data>/RepliPair/replipair/pairs into pairsFolder(), and the recent pairs with them. Returns
     *  the paths moved (old → new). */
    static QList<std::pair<QString, QString>> migratePairsFolder();
    static QString language();
    static int monitorIntervalMs();
    static double lagThresholdSec();
};
