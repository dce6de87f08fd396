#pragma once

#include "setup/setuprunner.h"

#include <QStringList>

/** Runs a SetupRunner to its end from a test, collecting its events as lines. */
struct SetupOutcome
{
    bool ok = false;
    StepError error;
    QStringList lines;
    SetupPlan plan;
    bool said(const QString& text) const;
};

SetupOutcome runSetup(const PairProfile& profile, SetupRunner::Mode mode = SetupRunner::Mode::Setup,
    std::function<void(SetupRunner&)> configure = {});
