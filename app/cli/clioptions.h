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
    QString journal; ///< setup --journal FILE
    QString to; ///< switchover --to NAME
    QString timeout; ///< switchover --timeout SECONDS, as typed
    bool dryRun = false; ///< switchover --dry-run
    bool force = false; ///< switchover --force
};
