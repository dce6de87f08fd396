#pragma once

#include "clioptions.h"
#include "common/pairprofile.h"

#include <QCoreApplication>

/** `replipair-cli rejoin PROFILE --server NAME [--yes|--dry-run] [--timeout S] [--json]`: brings the fenced
 *  server NAME back as the pair's reader without a copy (Rejoin), when it holds no transaction the writer
 *  lacks. Exit 0 rejoined (or, with --dry-run, nothing refuses it), 1 refused or failed (it stays fenced),
 *  2 bad input. */
class RejoinCommand
{
    Q_DECLARE_TR_FUNCTIONS(RejoinCommand)
public:
    static int run(const PairProfile& profile, const CliOptions& options);
};
