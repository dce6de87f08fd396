#pragma once

#include "common/finding.h"
#include "common/pairprofile.h"
#include "common/steperror.h"
#include "copy/dumptool.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

class ServerWorker;
struct ServerContext;

/** What is known before a copy changes anything: what would be copied from the source, what the
 *  receiver holds in its place, the space and the tools on the receiver's host — and the verdicts. */
struct CopyCheck
{
    Q_DECLARE_TR_FUNCTIONS(CopyCheck)
public:
    int source = 0; ///< index of the server copied from
    QStringList databases; ///< copied (and replaced on the receiver)
    qint64 sourceBytes = 0; ///< data + indexes on the source (information_schema)
    qint64 sourceDataBytes = 0; ///< data only
    qint64 sourceRows = 0; ///< InnoDB's row estimate (TABLE_ROWS): what the remaining time is measured in
    int sourceTables = 0;
    QStringList existingOnTarget; ///< databases of the list the receiver already has
    QStringList targetTables; ///< "db.table" the receiver holds in them
    qint64 targetBytes = 0;
    QString targetDatadir;
    qint64 targetFreeBytes = -1; ///< -1: unknown
    QString saveDir; ///< where the old copy would be saved on the receiver's host (it may not exist yet)
    qint64 saveFreeBytes = -1; ///< free space where saveDir is (or would be made); -1: unknown
    bool saveOnDataFilesystem = true; ///< saveDir and the data folder share one filesystem
    QString dumpTool;
    DumpTool dumpOptions; ///< what dumpTool understands, from its own --help on the receiver's host
    QString clientTool;
    bool targetReadOnly = false;
    bool replace = false; ///< the user confirmed replacing the receiver's databases (saved first)
    QList<Finding> findings;

    /** Reads both servers (on their workers) and judges; @p replace: the user confirmed replacing. */
    static Result<CopyCheck> gather(
        const PairProfile& profile, int source, ServerWorker* const (&workers)[2], bool replace);
    bool hasErrors() const;
    /** Folder on the receiver's host where its old copy is saved before it is replaced: next to its data
     *  folder (<datadir>/../replipair-saved) when that can be written, else $HOME/replipair-saved. */
    QString saveFolder() const;
    /** The folder next to @p datadir the old copy is saved in when it can be written. */
    static QString saveFolderBeside(const QString& datadir);
    /** The databases of @p profile the source @p ctx has (sorted), and the listed ones it lacks. */
    static Result<QPair<QStringList, QStringList>> sourceDatabases(
        ServerContext& ctx, const PairProfile& profile);
};
