#pragma once

#include "common/pairprofile.h"
#include "config/configplan.h"

#include <QCoreApplication>

struct ServerContext;

/** Keeps a server's writability in the option file RepliPair writes (its drop-in, else its marked block in
 *  the main file), so that a restart never makes a read-only server writable again: `read_only = ON|OFF`,
 *  and `super_read_only` with it on MySQL 5.7.8+. Applied through ConfigPush (checked, backed up, written
 *  atomically); every other line is left as it is. Runs on the server's worker thread. */
class WriterOptionFile
{
    Q_DECLARE_TR_FUNCTIONS(WriterOptionFile)
public:
    /** The edit of pure text: @p files (main file first, as OptionFiles::read returns them) made to say
     *  @p readOnly in our file, and no other file left setting it. */
    static ConfigPlan plan(const QString& server, const QString& pairName, bool readOnly, bool superReadOnly,
        const QList<ConfigPlanner::SourceFile>& files, const QStringList& includeDirs);

    /** Reads the option files of @p ctx's server and writes @p readOnly into ours. @p serverRunning false:
     *  the files only (the server is down; it reads them at its next start). Says what it wrote. */
    static Result<QString> apply(
        ServerContext& ctx, const PairProfile& profile, bool readOnly, bool serverRunning);
};
