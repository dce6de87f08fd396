#pragma once

#include "common/finding.h"
#include "common/pairprofile.h"
#include "inspection/serverinspection.h"

#include <QCoreApplication>
#include <QList>

/** Pre-flight rules about the configuration setup will write: the filter style's traps and the restart
 *  policy. One function per rule; Preflight::check adds what check() finds. */
class PreflightConfig
{
    Q_DECLARE_TR_FUNCTIONS(PreflightConfig)
public:
    static QList<Finding> check(const PairProfile& pair, const ServerInspection (&in)[2]);

    /** "do-db-filter-ddl": do-db filters drop DDL made without USE <db>. */
    static QList<Finding> doDbDropsDdl(const PairProfile& pair);
    /** "do-db-filter-cross-database": do-db filters go by the default database, not the table's. */
    static QList<Finding> doDbCrossDatabase(const PairProfile& pair);
    /** "restart-forbidden": the binary log is off but the policy forbids the restart that turns it on. */
    static QList<Finding> restartForbidden(const PairProfile& pair, const ServerInspection (&in)[2]);
    /** "read-only-admin": the server setup makes read-only (the profile's "writer" is the other) has an
     *  admin account that cannot write there: setup's test row and the monitor's heartbeat would fail. */
    static QList<Finding> readerAdminCannotWrite(const PairProfile& pair, const ServerInspection (&in)[2]);
};
