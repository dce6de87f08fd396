#pragma once

#include <QString>
#include <QStringList>

/** The options of the command line that the commands read (parsed once by Cli::run). */
struct CliOptions
{
    bool json = false;
    bool yes = false;
    bool sequential = false;
    QString output; ///< plan --output FILE
    QString server; ///< skip --server NAME
    QString confirm; ///< skip --confirm TOKEN
    QString journal; ///< setup/recover --journal FILE
    bool dryRun = false; ///< recover/switchover --dry-run
    QString planFile; ///< setup --plan FILE: the plan approved (written by plan --output)
    QString to; ///< switchover --to NAME
    QString timeout; ///< switchover --timeout SECONDS, as typed
    bool force = false; ///< switchover --force
    bool resume = false; ///< compare --resume
    QString tables; ///< compare --tables db.t1,db.t2
    QString since; ///< compare --since COLUMN=TIME
    QString chunkTime; ///< compare --chunk-time SECONDS
    QString maxLag; ///< compare --max-lag SECONDS
    QString table; ///< repair --table db.t
    QString from; ///< repair/rebuild --from NAME
    QString method; ///< rebuild --method logical|physical|auto
    bool noSave = false; ///< rebuild --no-save
};
