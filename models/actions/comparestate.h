#pragma once

#include "actions/chunkedcompare.h"

#include <QCoreApplication>
#include <optional>

/** Where an unfinished live compare stopped, for `compare --resume`: a JSON file beside the profile's
 *  journal (PROFILE.journal → PROFILE.compare-state), mode 0600, written after each chunk and removed once
 *  a run finishes. It holds key values of the tables, never a password. */
class CompareState
{
    Q_DECLARE_TR_FUNCTIONS(CompareState)
public:
    static QString path(const PairProfile& profile);
    /** The saved report, if any and if it was made with the same @p options (tables, --since). */
    static Result<std::optional<CompareReport>> load(
        const PairProfile& profile, const CompareOptions& options);
    static Result<void> save(
        const PairProfile& profile, const CompareOptions& options, const CompareReport& report);
    static void remove(const PairProfile& profile);
};
