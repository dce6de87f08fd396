#pragma once

#include "copy/datacopy.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <optional>

class ServerWorker;

// CopyMethod (logical, physical, auto) is the profile's: common/pairprofile.h

/** The seam between a rebuild and its copy: which methods this build has, and one function that runs the
 *  chosen one. Each method puts the receiver back as it was on failure or cancel, and returns the
 *  coordinates the receiver replicates from. */
class RebuildCopy
{
    Q_DECLARE_TR_FUNCTIONS(RebuildCopy)
public:
    /** "logical", "physical", "auto": the stable ids the CLI and the journal use. */
    static QString id(CopyMethod method);
    static std::optional<CopyMethod> fromId(const QString& id);
    /** Whether this build can copy with @p method; else why not (empty: it can). */
    static QString unavailable(CopyMethod method);
    /** The method @p method stands for with @p check (Auto resolved). */
    static CopyMethod resolve(CopyMethod method, const CopyCheck& check);
    /** What the method replaces on the receiver, in the DBA's words, for the confirmation. */
    static QString replaces(CopyMethod method, const CopyCheck& check, const QString& receiver);

    /** Copies from @p source onto the other server with @p method (resolved). */
    static Result<CopyResult> run(CopyMethod method, const PairProfile& profile, int source,
        ServerWorker* const (&workers)[2], const CopyCheck& check, const std::atomic_bool* cancel,
        const DataCopy::ProgressFn& progress, const DataCopy::InfoFn& info);
};
