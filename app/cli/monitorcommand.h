#pragma once

#include "common/pairprofile.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

/** `replipair-cli monitor PROFILE|FOLDER... [--interval SECONDS] [--json | --format json|text|prometheus
 *  [--output FILE]] [--once] [--events] [--lag-threshold SECONDS] [--timeout SECONDS]`: every pair at once,
 *  one line per sample per server (a JSON object tagged with "pair" with --json), or the Prometheus text
 *  of all pairs after every round, until interrupted; --once prints one round and exits 0 when every server
 *  of every pair answers and replicates, else 1. Bad options or profiles: 2. */
class MonitorCommand
{
    Q_DECLARE_TR_FUNCTIONS(MonitorCommand)
public:
    /** @p profilePaths profile files or folders of `*.replipair.json`; @p args the monitor's options.
     *  Runs its own event loop. */
    static int run(const QStringList& profilePaths, const QStringList& args);
    /** Loads the profiles named by @p paths (folders: every `*.replipair.json` in them, by name); the
     *  error text when one cannot be read or two pairs share a name. */
    static std::optional<QString> loadProfiles(const QStringList& paths, QList<PairProfile>& profiles);
};
