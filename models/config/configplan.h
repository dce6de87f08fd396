#pragma once

#include "config/replicationsettings.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

/** One option file before and after an edit. */
struct FileEdit
{
    QString path;
    QByteArray before;
    QByteArray after;
    bool existed = true;

    QString diff() const;
};

/** What a server's configuration needs: file edits, SET GLOBALs, and whether mysqld must restart. */
struct ConfigPlan
{
    QString server;
    QString target; ///< the drop-in file, or the main file holding our marked block
    QList<DesiredSetting> settings;
    QList<DesiredSetting> setGlobal; ///< dynamic settings not yet effective
    QList<DesiredSetting> writerRole; ///< read_only settings not yet effective: set live after verification
    QStringList restartFor; ///< non-dynamic variables not yet effective, applied by a restart now
    QStringList pendingRestart; ///< non-dynamic variables written for the next restart (none now: policy)
    QList<FileEdit> edits; ///< only files whose content changes
    QString restartCommand; ///< how mysqld is restarted here (resolved when a restart is needed)

    bool restartNeeded() const { return !restartFor.isEmpty(); }
    bool isEmpty() const
    {
        return edits.isEmpty() && setGlobal.isEmpty() && restartFor.isEmpty() && pendingRestart.isEmpty();
    }
    QString diff() const;
};

/** Computes a ConfigPlan from the option files a server reads; pure logic, no I/O. */
class ConfigPlanner
{
public:
    struct SourceFile
    {
        QString path;
        QByteArray content;
        bool exists = true; ///< false: a new file the profile names ("configFile"), made by the plan
    };

    static QString dropInName() { return QStringLiteral("90-replipair.cnf"); }

    /** @p files: the main file first, then every file it reads, in reading order.
     *  @p includeDirs: the !includedir folders of the main file that exist (absolute).
     *  @p restartAllowed false: non-dynamic settings go to the file only, for the next restart
     * (pendingRestart); turning the binary log on always needs the restart. */
    static ConfigPlan plan(const QString& server, const QString& pairName,
        const QList<DesiredSetting>& settings, const QMap<QString, QString>& effective,
        const QList<SourceFile>& files, const QStringList& includeDirs, bool restartAllowed = true);
    /** Keeps the log-bin line of our own earlier drop-in when nothing else turns the binary log on. */
    static void carryOverLogBin(QStringList& body, const QList<DesiredSetting>& settings,
        const QList<SourceFile>& files, const QString& dropIn);
    /** Other names of the same variable, that must not be left set elsewhere. */
    static QStringList aliases(const QString& variable);
};
