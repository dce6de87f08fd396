#include "copy/datacopy.h"

#include "common/stepid.h"
#include "copy/copyaccount.h"
#include "copy/datacopyundo.h"
#include "host/serverworker.h"

// What a failed copy puts back on the receiver, and what every copy removes when it ends.

void DataCopy::putBack(Undo& undo, QStringList& problems)
{
    if (undo.watch && undo.watch->running())
        if (auto stopped = undo.watch->stop(); !stopped)
            problems << stopped.error().text;
    if (!undo.loadStarted)
        return;
    const qsizetype problemsBefore = problems.size();
    // databases the receiver did not have go again, empty ones are made again as they were; the ones that
    // held data come back from the saved copy
    QStringList created;
    for (const QString& db : undo.params.databases)
        if (!undo.replaced.holdingData.contains(db))
            created << db;
    if (!created.isEmpty()) {
        if (auto dropped = undo.receiver.dropDatabases(created); !dropped)
            problems << DataCopy::tr("could not remove the partial copy of %1: %2")
                            .arg(created.join(QStringLiteral(", ")), dropped.error().text);
        else
            inform(DataCopy::tr("partial copy removed: %1").arg(created.join(QStringLiteral(", "))));
        if (!undo.replaced.emptyDefinitions.isEmpty())
            if (auto made = undo.receiver.createDatabases(undo.replaced.emptyDefinitions); !made)
                problems
                    << DataCopy::tr("could not make the empty databases again: %1").arg(made.error().text);
    }
    if (!undo.savedCopy.isEmpty()) {
        CopyProgress p;
        p.phase = CopyProgress::Phase::Restore;
        undo.watch->countLoaded({}, {});
        auto restored = undo.watch->run(
            QStringLiteral("restore"), CopyScript::restore(undo.params, undo.savedCopy), p, false);
        if (!restored)
            problems << DataCopy::tr("could not load the old copy back (%1); it is kept in %2")
                            .arg(restored.error().text, undo.savedCopy);
        else if (restored->values.value(QStringLiteral("load.rc")) != QLatin1String("0"))
            problems << DataCopy::tr("could not load the old copy back (%1); it is kept in %2")
                            .arg(undo.receiver.tail(undo.job.get(), QStringLiteral("load.err")),
                                undo.savedCopy);
        else
            inform(DataCopy::tr("old copy loaded back from %1").arg(undo.savedCopy));
    }
    if (problems.size() == problemsBefore)
        release(1 - m_source, undo.loadIntent);
}

void DataCopy::cleanUp(Undo& undo, QStringList& problems)
{
    const QString from = m_profile.servers[m_source].name, to = m_profile.servers[1 - m_source].name;
    const int target = 1 - m_source;
    if (undo.watch && undo.watch->running()) {
        if (auto stopped = undo.watch->stop(); !stopped)
            problems << stopped.error().text;
        else
            release(target, undo.jobIntent);
    } else {
        release(target, undo.jobIntent);
    }
    if (auto forgot = undo.receiver.forgetReplica(); !forgot)
        problems << DataCopy::tr("could not remove the replica settings the copy made on %1: %2")
                        .arg(to, forgot.error().text);
    else
        release(target, undo.replicaIntent);
    if (undo.accountMade) {
        auto dropped = m_workers[m_source]->run(
            [host = undo.accountHost](ServerContext& ctx) { return CopyAccount::drop(ctx, host); });
        if (!dropped)
            problems << DataCopy::tr("could not drop the temporary account %1 on %2: %3")
                            .arg(CopyAccount::userName(), from, dropped.error().text);
        else
            release(m_source, undo.accountIntent);
    }
    if (!undo.params.workDir.isEmpty()) {
        if (auto removed = undo.receiver.removeWorkDir(undo.params.workDir); !removed)
            problems << removed.error().text;
        else
            release(target, undo.folderIntent);
    }
    if (undo.readOnlyWas >= 0) {
        if (auto back = undo.receiver.setReadOnly(undo.readOnlyWas); !back)
            problems << DataCopy::tr("could not set read_only back to %1 on %2: %3")
                            .arg(undo.readOnlyWas)
                            .arg(to, back.error().text);
        else {
            release(target, undo.readOnlyIntent);
            inform(DataCopy::tr("read_only back to %1").arg(undo.readOnlyWas));
        }
    }
}
