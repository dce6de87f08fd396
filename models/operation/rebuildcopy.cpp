#include "operation/rebuildcopy.h"

#include "common/stepid.h"
#include "copy/physicalcopy.h"
#include "host/serverworker.h"
#include "replication/replicationsteps.h"

QString RebuildCopy::id(CopyMethod method)
{
    switch (method) {
    case CopyMethod::Logical:
        return QStringLiteral("logical");
    case CopyMethod::Physical:
        return QStringLiteral("physical");
    case CopyMethod::Auto:
        break;
    }
    return QStringLiteral("auto");
}

std::optional<CopyMethod> RebuildCopy::fromId(const QString& id)
{
    for (CopyMethod m : { CopyMethod::Logical, CopyMethod::Physical, CopyMethod::Auto })
        if (RebuildCopy::id(m) == id)
            return m;
    return std::nullopt;
}

QString RebuildCopy::unavailable(CopyMethod method)
{
    Q_UNUSED(method)
    return {}; // both copies are in this build; what a host lacks is PhysicalCopyCheck's to say
}

CopyMethod RebuildCopy::resolve(CopyMethod method, const PhysicalCopyCheck* physical)
{
    if (method != CopyMethod::Auto)
        return method;
    // as setup's copyMethod "auto": the physical copy above the threshold, when nothing is against it
    return physical && !physical->hasErrors() && physical->sourceBytes > PhysicalCopyCheck::AutoThresholdBytes
        ? CopyMethod::Physical
        : CopyMethod::Logical;
}

QString RebuildCopy::replaces(CopyMethod resolved, const CopyCheck& check, const QString& receiver)
{
    if (resolved == CopyMethod::Physical)
        return tr("%1's whole data directory (every database and account) is replaced").arg(receiver);
    return tr("%1's replicated databases (%2) are replaced; its other databases and its accounts stay")
        .arg(receiver, check.databases.join(QStringLiteral(", ")));
}

Result<CopyResult> RebuildCopy::run(CopyMethod resolved, const PairProfile& profile, int source,
    ServerWorker* const (&workers)[2], const CopyCheck& check, const PhysicalCopyCheck* physical,
    const std::atomic_bool* cancel, const DataCopy::ProgressFn& progress, const DataCopy::InfoFn& info,
    bool* receiverDataLost)
{
    const int target = 1 - source;
    const QString to = profile.servers[target].name;
    if (const QString why = unavailable(resolved); !why.isEmpty())
        return stepFailure(to, StepId::Copy, why);
    if (resolved != CopyMethod::Physical) {
        DataCopy copy(profile, source, workers, cancel);
        return copy.run(check, progress, info);
    }
    if (!physical)
        return stepFailure(to, StepId::Copy, tr("the physical copy was not checked first"));
    PhysicalCopy copy(profile, source, workers, cancel);
    auto done = copy.run(*physical, progress, info);
    if (receiverDataLost)
        *receiverDataLost = copy.receiverDataLost();
    if (!done)
        return done;
    done->databases = check.databases;
    // the receiver was restarted on the copy: its option file's read_only, the source's replica settings
    // (if the copy brought any) and a binary log without the copy's GTID history. Read-only again, those
    // settings gone, its binary log started at the copy's GTID state: the peer replicates from there.
    const QString gtid = done->source.gtid;
    auto own = workers[target]->run([gtid](ServerContext& ctx) -> Result<BinlogCoordinates> {
        if (!ctx.sql || !ctx.sql->isOpen())
            if (auto c = ctx.connect(); !c)
                return std::unexpected(c.error());
        ctx.sql->setStep(StepId::Copy);
        if (auto r = ctx.sql->exec(QStringLiteral("SET GLOBAL read_only = 1")); !r)
            return std::unexpected(r.error());
        ctx.sql->exec(ctx.dialect.stopReplica());
        if (auto r = ctx.sql->exec(ctx.dialect.resetReplicaAll()); !r)
            return std::unexpected(r.error());
        if (!gtid.isEmpty())
            for (const QString& statement : ctx.dialect.startBinlogAtGtidState(gtid))
                if (auto r = ctx.sql->exec(statement); !r)
                    return std::unexpected(r.error());
        return ReplicationSteps::readCoordinates(ctx);
    });
    if (!own)
        return std::unexpected(own.error());
    done->target = *own;
    if (info)
        info(to,
            gtid.isEmpty()
                ? tr("%1 is read-only again, without replica settings").arg(to)
                : tr("%1 is read-only again, without replica settings; its binary log starts at the copy's "
                     "GTID state %2")
                      .arg(to, gtid));
    return done;
}
