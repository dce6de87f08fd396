#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"
#include "inspection/serverinspection.h"
#include "setup/setupplan.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class HostShell;

/** What a setup run does: look, look and plan, or change both servers. */
enum class SetupMode { Inspect, Plan, Setup };

/** What a setup run is told before it starts; the run keeps its own copy. */
struct SetupOptions
{
    using ShellFactory = std::function<Result<std::unique_ptr<HostShell>>(const ServerProfile&)>;

    bool sequential = false; ///< every per-server step one server after the other (for the benchmark)
    int verifyTimeoutMs = 30000;
    int restartTimeoutMs = 0; ///< 0: each server's "restartTimeoutSeconds"; else this (tests)
    ShellFactory shellFactory; ///< how host shells are made (tests inject an SSH fixture's); empty: default
    /** Test hook, called on the run's thread after the step with this id; may kill a server, etc. */
    std::function<void(const QString& stepId)> afterStep;
    /** The fingerprint of the plan the user approved (SetupPlan::fingerprint): a setup runs only while
     *  the plan it makes has the same one, else it stops before changing anything. Empty: no check. */
    QJsonObject approvedFingerprint;
    /** Where a setup appends its journal line; empty: SetupJournal::defaultPath() of the profile. */
    QString journalPath;
};

/** Set by the owner to ask a run to stop at its next safe point; shared so it outlives either side. */
using CancelFlag = std::shared_ptr<std::atomic_bool>;

/** What a setup run hands back when it ends. */
struct SetupResult
{
    bool ok = false;
    StepError error; ///< the first error, when !ok
    SetupPlan plan; ///< findings (always), steps (Plan and Setup)
    ServerInspection inspection[2];
    QJsonObject journal; ///< the record of what a setup changed
};
