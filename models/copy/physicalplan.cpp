#include "copy/physicalplan.h"

#include "copy/backuptool.h"
#include "copy/clonestatements.h"
#include "copy/physicalcopy.h"
#include "sql/dialect.h"

#include <QFileInfo>
#include <QLocale>

PhysicalPlan PhysicalPlan::of(const PhysicalCopyCheck& pc, const PairProfile& profile)
{
    const int target = 1 - pc.source;
    const ServerProfile &from = profile.servers[pc.source], &to = profile.servers[target];
    const PhysicalServerFacts& t = pc.servers[target];
    const QString size
        = QLocale::c().formattedDataSize(pc.sourceBytes, 1, QLocale::DataSizeTraditionalFormat);
    const Dialect source(ServerVersion::parse(pc.servers[pc.source].version));
    PhysicalPlan p;
    if (pc.way == PhysicalCopyCheck::Way::Clone) {
        p.title
            = tr("Copy all of %1 (%2) to %3 with MySQL's CLONE: %4 run on %3, which replaces its data "
                 "directory %5 in place and restarts on it")
                  .arg(from.name, size, to.name,
                      CloneStatements::cloneInstance(source, from.effectivePeerHost(), from.port, {}, true),
                      t.dataDir);
        p.sql << CloneStatements::donorAccount(source, profile.replicationHostFor(pc.source), {}, true)
              << CloneStatements::recipientAccount(Dialect(ServerVersion::parse(t.version)), {}, true)
              << CloneStatements::setDonorList(
                     source, QStringLiteral("%1:%2").arg(from.effectivePeerHost()).arg(from.port));
        p.check
            = tr("before: the clone plugin ACTIVE on both servers, the same MySQL version (8.0.17 or newer) "
                 "and platform, %1's admin account on %2; after: %1 back, performance_schema.clone_status "
                 "Completed with the donor's coordinates")
                  .arg(to.name, from.name);
        p.undo
            = tr("%1's old data is not kept (CLONE replaces it in place): a clone that fails or is cancelled "
                 "leaves %1 in an unknown state until it is copied again; %2 is never written")
                  .arg(to.name, from.name);
        return p;
    }
    const BackupTool tool(source.version());
    const QString backup = tool.backupNames().value(0);
    p.title = tr("Copy all of %1 (%2) to %3 physically: %5 --backup --stream=xbstream on %1's host, "
                 "carried over SSH into %6 -x next to %3's data folder, %5 --prepare; then %3 "
                 "stopped, %4 moved aside, the copy moved in, %3 started")
                  .arg(from.name, size, to.name, t.dataDir, backup, tool.streamName());
    const QString account = source.account(PhysicalCopy::accountName(), QStringLiteral("localhost"));
    for (const QString& grant : tool.grants(source, account))
        p.sql << QStringLiteral("-- on %1: %2").arg(from.name, grant);
    p.sql << tr("-- on %1: temporary account %2, generated password in a 0600 option file on %1's host")
                 .arg(from.name, account);
    p.check
        = tr("before: %1 and %2 of the servers' version on both hosts (%3), room next to %4's data "
             "folder, %4's admin account on %5; after: the exit codes, %4 back and verified, the backup's "
             "coordinates")
              .arg(backup, tool.streamName(), tool.isXtraBackup() ? tool.package() : tool.series(), to.name,
                  from.name);
    p.undo = tr("on failure or cancel %1 stays on (or goes back to) its old data folder; %2 is "
                "never written; the old folder is kept as %3-before-copy-<time>")
                 .arg(to.name, from.name, t.dataDir);
    return p;
}
