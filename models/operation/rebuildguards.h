#pragma once

#include "common/finding.h"
#include "common/pairprofile.h"
#include "copy/copycheck.h"
#include "operation/rebuildcopy.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

class ServerWorker;

/** What is checked before a rebuild of one server from its peer changes anything — both servers answer,
 *  the rebuilt server does not take the writes, the source's binary log is on, the copy method is there,
 *  the copy itself (CopyCheck; for the physical copy also PhysicalCopyCheck: the backup tools of the
 *  servers' version on both hosts, room beside the rebuilt server's data folder), room to save the rebuilt
 * server's old data — and, before and after, what a rebuilt server gets wrong: a server_id or server_uuid
 * equal to its peer's (a copied option file or auto.cnf), a gtid_domain_id clash, a relay log older than the
 * copy. Each a Finding with a stable code and the fix. Blocks on the workers: run it off the GUI thread. */
class RebuildGuards
{
    Q_DECLARE_TR_FUNCTIONS(RebuildGuards)
public:
    RebuildGuards(const PairProfile& profile, ServerWorker* const (&workers)[2], int target);

    /** The checks before anything changes; the copy's check is kept for the run (copyCheck()). */
    QList<Finding> before(CopyMethod method, bool saveOld);
    /** server_id, server_uuid and gtid_domain_id of the two servers apart. */
    QList<Finding> identity();
    /** After the rebuild: the identity again, and the rebuilt server's replica at its new source point
     *  (@p copyFile: the source's binary log file of the copy's point) with a relay log of its own. */
    QList<Finding> after(const QString& copyFile);

    const std::optional<CopyCheck>& copyCheck() const { return m_check; }
    /** The physical copy's check, when the method asked is physical or auto. */
    const std::optional<PhysicalCopyCheck>& physicalCheck() const { return m_physical; }
    /** The method that will copy (auto resolved) after before(). */
    CopyMethod method() const { return m_method; }
    /** Whether the pair replicates by GTID (either replica said so at the last identity()). */
    bool usesGtid() const { return m_gtid; }
    static bool refused(const QList<Finding>& findings);

private:
    Finding ok(const QString& code, const QString& server, const QString& text) const;
    Finding error(const QString& code, const QString& server, const QString& text, const QString& fix) const;

    const PairProfile& m_profile;
    ServerWorker* m_workers[2];
    const int m_target;
    const int m_source;
    std::optional<CopyCheck> m_check;
    std::optional<PhysicalCopyCheck> m_physical;
    CopyMethod m_method = CopyMethod::Logical;
    /** The physical copy's checks for @p method (physical or auto); sets m_physical and m_method. */
    QList<Finding> physical(CopyMethod method, bool saveOld);
    bool m_gtid = false; ///< the pair replicates by GTID (either replica says so)
};
