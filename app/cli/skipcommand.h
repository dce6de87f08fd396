#pragma once

#include "clioptions.h"
#include "common/pairprofile.h"

#include <QCoreApplication>

/** `replipair-cli skip PROFILE --server N [--confirm TOKEN]`: shows the event that halted N's SQL thread;
 * with the token shown, skips exactly that event. */
class SkipCommand
{
    Q_DECLARE_TR_FUNCTIONS(SkipCommand)
public:
    static int run(const PairProfile& profile, const CliOptions& options);
};
