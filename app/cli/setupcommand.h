#pragma once

#include "clioptions.h"
#include "common/pairprofile.h"
#include "setup/setuprunner.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <expected>

/** `replipair-cli setup PROFILE --yes`: sets up master-master replication and verifies it, printing each
 *  step as it goes. */
class SetupCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetupCommand)
public:
    static int run(const PairProfile& profile, const CliOptions& options);
    /** Runs @p runner to its end in a local event loop, printing its events when @p printEvents. */
    /** The fingerprint in the plan file @p path (plan --output) of @p profile's pair; else why not. */
    static std::expected<QJsonObject, QString> approvedFingerprint(
        const PairProfile& profile, const QString& path);
    static bool runAndWait(SetupRunner& runner, SetupRunner::Mode mode, bool json, bool printEvents);
};
