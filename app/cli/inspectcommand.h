#pragma once

#include "clioptions.h"
#include "common/pairprofile.h"

#include <QCoreApplication>

/** `replipair-cli inspect PROFILE`: what both servers are and every problem found; changes nothing. */
class InspectCommand
{
    Q_DECLARE_TR_FUNCTIONS(InspectCommand)
public:
    static int run(const PairProfile& profile, const CliOptions& options);
};
