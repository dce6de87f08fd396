#pragma once

#include "common/finding.h"
#include "common/pairprofile.h"
#include "inspection/serverinspection.h"

#include <QCoreApplication>
#include <QList>

/** Pre-flight rules that only MySQL servers need: super_read_only, the replication account's
 *  authentication plugin across versions, and what "gtid": "on" makes the server refuse. One function
 *  per rule; Preflight::check adds what check() finds. */
class PreflightMySql
{
    Q_DECLARE_TR_FUNCTIONS(PreflightMySql)
public:
    static QList<Finding> check(const PairProfile& pair, const ServerInspection (&in)[2], bool gtid);

    /** "super-read-only": setup's own writes (account, probe, heartbeat) would fail with ERROR 1290. */
    static QList<Finding> superReadOnly(const PairProfile& pair, const ServerInspection (&in)[2]);
    /** "replica-auth-plugin": no authentication plugin both the source and its replica speak (a 5.7 or
     *  MariaDB replica of MySQL 9.x), or one the source has off by default (mysql_native_password on
     *  8.4). */
    static QList<Finding> authPlugin(const PairProfile& pair, const ServerInspection (&in)[2]);
    /** "gtid-consistency": turning enforce_gtid_consistency on makes the server refuse statements the
     *  applications may send. */
    static QList<Finding> gtidConsistency(
        const PairProfile& pair, const ServerInspection (&in)[2], bool gtid);
};
