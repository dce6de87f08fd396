#pragma once

#include "clioptions.h"
#include "common/pairprofile.h"

#include <QCoreApplication>

/** `replipair-cli recover PROFILE [--dry-run]`: puts back what the pair's last run changed and did not put
 *  back itself (a run killed outright, a machine that went down), from the journal's intent lines. */
class RecoverCommand
{
    Q_DECLARE_TR_FUNCTIONS(RecoverCommand)
public:
    static int run(const PairProfile& profile, const CliOptions& options);
};
