#pragma once

#include "clioptions.h"
#include "common/pairprofile.h"

#include <QCoreApplication>

/** `replipair-cli switchover PROFILE --to NAME [--yes] [--timeout S] [--dry-run] [--force]`: moves the
 *  writer role to server NAME after its checks (Switchover); --force when the writer is gone (a fenced
 *  failover). Exit 0 switched (or, with --dry-run, nothing refuses it), 1 refused or failed (the old writer
 *  kept, or the new writer took the role but a step after it failed), 2 bad input. */
class SwitchoverCommand
{
    Q_DECLARE_TR_FUNCTIONS(SwitchoverCommand)
public:
    static int run(const PairProfile& profile, const CliOptions& options);
};
