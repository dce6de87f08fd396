#pragma once

#include "config/configplan.h"
#include "host/serverworker.h"

#include <QCoreApplication>
#include <QStringList>

/** The option files a server's mysqld reads: where the main one is, and its content with every file it
 *  includes, in reading order — read through the host shell in one remote call. */
class OptionFiles
{
    Q_DECLARE_TR_FUNCTIONS(OptionFiles)
public:
    struct Files
    {
        QList<ConfigPlanner::SourceFile> files;
        QStringList includeDirs;
        QString mainFile;
    };

    /** The main option file: the profile's, or "auto" (mysqld's --defaults-file, then the usual places). */
    static Result<QString> locateMain(
        ServerContext& ctx, const ServerInspection& inspection, QString* how = nullptr);
    /** The main file and every file it includes (up to 4 levels), as mysqld reads them. */
    static Result<Files> read(ServerContext& ctx, const QString& mainFile);
};
