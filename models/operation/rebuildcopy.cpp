#include "operation/rebuildcopy.h"

#include "common/stepid.h"

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
    // the physical copy (mariadb-backup / xtrabackup streamed between the hosts) plugs in here
    if (method == CopyMethod::Physical)
        return tr("the physical copy is not available in this build: use --method logical");
    return {};
}

CopyMethod RebuildCopy::resolve(CopyMethod method, const CopyCheck& check)
{
    Q_UNUSED(check)
    if (method == CopyMethod::Auto)
        return unavailable(CopyMethod::Physical).isEmpty() ? CopyMethod::Physical : CopyMethod::Logical;
    return method;
}

QString RebuildCopy::replaces(CopyMethod method, const CopyCheck& check, const QString& receiver)
{
    if (resolve(method, check) == CopyMethod::Physical)
        return tr("%1's whole data directory (every database and account) is replaced").arg(receiver);
    return tr("%1's replicated databases (%2) are replaced; its other databases and its accounts stay")
        .arg(receiver, check.databases.join(QStringLiteral(", ")));
}

Result<CopyResult> RebuildCopy::run(CopyMethod method, const PairProfile& profile, int source,
    ServerWorker* const (&workers)[2], const CopyCheck& check, const std::atomic_bool* cancel,
    const DataCopy::ProgressFn& progress, const DataCopy::InfoFn& info)
{
    const CopyMethod chosen = resolve(method, check);
    if (const QString why = unavailable(chosen); !why.isEmpty())
        return stepFailure(profile.servers[1 - source].name, StepId::Copy, why);
    DataCopy copy(profile, source, workers, cancel);
    return copy.run(check, progress, info);
}
