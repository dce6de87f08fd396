#pragma once

#include "clioptions.h"
#include "common/pairprofile.h"

#include <QCoreApplication>

/** `replipair-cli rebuild PROFILE --server B [--from A] [--method logical|physical|auto] [--no-save]
 *  [--yes|--dry-run] [--json]`: rebuilds server B from its peer A (Rebuild). Without --yes it says what
 *  would happen to B and changes nothing. Exit 0 rebuilt and verified (or, with --dry-run, nothing refuses
 *  it), 1 refused or failed (B put back, or left fenced: see the last line), 2 bad input or no --yes,
 *  130/143 cancelled by SIGINT/SIGTERM (B put back). */
class RebuildCommand
{
    Q_DECLARE_TR_FUNCTIONS(RebuildCommand)
public:
    static int run(const PairProfile& profile, const CliOptions& options);
};
