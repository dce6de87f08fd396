#pragma once

#include "clioptions.h"
#include "common/pairprofile.h"

#include <QCoreApplication>

/** `replipair-cli compare PROFILE`: CHECKSUM TABLE of the replicated tables on both servers; exit 1 when any
 * differ. */
class CompareCommand
{
    Q_DECLARE_TR_FUNCTIONS(CompareCommand)
public:
    static int run(const PairProfile& profile, const CliOptions& options);
};
