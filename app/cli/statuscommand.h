#pragma once

#include "clioptions.h"
#include "common/pairprofile.h"
#include "monitor/statussample.h"
#include "operation/pairstate.h"

#include <QCoreApplication>

#include <array>
#include <optional>

/** `replipair-cli status PROFILE`: both sides' replication state and writer role, in the monitor's schema
 *  (one poll of a PairMonitor without heartbeat); exit 1 unless both replicate and, in single-writer mode,
 *  exactly one server is writable. With --nagios: the exit codes and the one
 *  line with performance data that Nagios and Icinga read. */
class StatusCommand
{
    Q_DECLARE_TR_FUNCTIONS(StatusCommand)
public:
    /** Nagios/Icinga plugin exit codes. */
    enum NagiosCode { NagiosOk = 0, NagiosWarning = 1, NagiosCritical = 2, NagiosUnknown = 3 };
    /** Lag thresholds of --nagios, seconds. */
    struct NagiosThresholds
    {
        double warningSec = 10;
        double criticalSec = 60;
    };

    static int run(const PairProfile& profile, const CliOptions& options);
    static int runNagios(const PairProfile& profile, const NagiosThresholds& thresholds);
    /** Prints "REPLIPAIR UNKNOWN - @p why" and returns NagiosUnknown (bad input under --nagios). */
    static int nagiosUnknown(const QString& why);
    /** The plugin line and exit code for the samples of both servers and the pair's data agreement. */
    static std::pair<int, QString> nagiosReport(const QString& pair,
        const std::array<StatusSample, 2>& samples, const NagiosThresholds& thresholds, int writerIndex = -1,
        const PairState& agreement = {});

private:
    /** One poll of both servers; empty when they did not answer within the timeout. */
    static std::optional<std::array<StatusSample, 2>> pollOnce(const PairProfile& profile);
};
