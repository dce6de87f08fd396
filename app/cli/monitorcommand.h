#pragma once

#include "common/pairprofile.h"

#include <QCoreApplication>
#include <QStringList>

/** `replipair-cli monitor PROFILE [--interval SECONDS] [--json] [--once] [--events] [--lag-threshold SECONDS]
 *  [--timeout SECONDS]`: one line per sample per server (a JSON object with --json) until interrupted;
 *  --once prints one round and exits 0 when both servers answer and replicate, else 1. Bad options: 2. */
class MonitorCommand
{
    Q_DECLARE_TR_FUNCTIONS(MonitorCommand)
public:
    /** @p args are the options after PROFILE (positional arguments are ignored). Runs its own event loop. */
    static int run(const PairProfile& profile, const QStringList& args);
};
