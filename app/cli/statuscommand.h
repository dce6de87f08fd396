#pragma once

#include "clioptions.h"
#include "common/pairprofile.h"

#include <QCoreApplication>

/** `replipair-cli status PROFILE`: both sides' replication state; exit 1 unless both replicate. */
class StatusCommand
{
    Q_DECLARE_TR_FUNCTIONS(StatusCommand)
public:
    static int run(const PairProfile& profile, const CliOptions& options);
};
