#pragma once

#include "copy/datacopy.h"
#include "copy/physicalcheck.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <optional>

class ServerWorker;

// CopyMethod (logical, physical, auto) is the profile's: common/pairprofile.h

/** The seam between a rebuild and its copy: which methods this build has, and one function that runs the
 *  chosen one. Each method puts the receiver back as it was on failure or cancel, and returns the
 *  coordinates the receiver replicates from. The logical copy is DataCopy (the replicated databases); the
 *  physical one is PhysicalCopy (mariadb-backup streamed from the source's host to the receiver's, the
 *  receiver's whole data folder swapped, the old one kept beside it and put back on failure or cancel). */
class RebuildCopy
{
    Q_DECLARE_TR_FUNCTIONS(RebuildCopy)
public:
    /** "logical", "physical", "auto": the stable ids the CLI and the journal use. */
    static QString id(CopyMethod method);
    static std::optional<CopyMethod> fromId(const QString& id);
    /** Whether this build can copy with @p method; else why not (empty: it can). */
    static QString unavailable(CopyMethod method);
    /** The method @p method stands for (Auto resolved): physical above PhysicalCopyCheck::AutoThresholdBytes
     *  of the source's data when @p physical (its check) found nothing against it, as setup's "auto". */
    static CopyMethod resolve(CopyMethod method, const PhysicalCopyCheck* physical);
    /** What the method replaces on the receiver, in the DBA's words, for the confirmation. */
    static QString replaces(CopyMethod resolved, const CopyCheck& check, const QString& receiver);

    /** Copies from @p source onto the other server with @p resolved (Logical or Physical; Physical needs
     *  @p physical). After a physical copy the receiver, restarted on the copy, is made read-only again,
     *  its copied replica settings removed and its binary log's GTID state set to the copy's point. */
    static Result<CopyResult> run(CopyMethod resolved, const PairProfile& profile, int source,
        ServerWorker* const (&workers)[2], const CopyCheck& check, const PhysicalCopyCheck* physical,
        const std::atomic_bool* cancel, const DataCopy::ProgressFn& progress, const DataCopy::InfoFn& info,
        bool* receiverDataLost = nullptr);
};
