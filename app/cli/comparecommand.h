#pragma once

#include "clioptions.h"
#include "common/pairprofile.h"

#include <QCoreApplication>

struct CompareOptions;

/** `replipair-cli compare PROFILE`: the live chunked comparison (ChunkedCompare) with progress on stderr,
 *  --tables, --since, --resume and --json. Exit 0 equal, 1 differs (or failed), 2 bad input, 3 some chunks
 *  could not be compared, 130/143 cancelled by SIGINT/SIGTERM (the SQL threads running again, --resume
 *  goes on from there). */
class CompareCommand
{
    Q_DECLARE_TR_FUNCTIONS(CompareCommand)
public:
    static int run(const PairProfile& profile, const CliOptions& options);
    /** --tables and --since into @p into; false with @p error on bad input. */
    static bool parseOptions(const CliOptions& options, CompareOptions* into, QString* error);
};
