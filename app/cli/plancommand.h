#pragma once

#include "clioptions.h"
#include "common/pairprofile.h"

#include <QCoreApplication>

/** `replipair-cli plan PROFILE [--output FILE]`: the SQL and config diffs setup would apply. */
class PlanCommand
{
    Q_DECLARE_TR_FUNCTIONS(PlanCommand)
public:
    static int run(const PairProfile& profile, const CliOptions& options);
};
