#pragma once

#include "common/pairprofile.h"
#include "inspection/serverinspection.h"

#include <QList>
#include <QStringList>

/** One server setting the pair needs, with its option-file form and how to check it took effect. */
struct DesiredSetting
{
    QString variable; ///< system variable name, e.g. "server_id"
    QString value; ///< desired effective value; for lists, comma separated
    QStringList cnfLines; ///< lines for the option file ("server-id = 2"; one per database for filters)
    bool isList = false;
    bool dynamic = false; ///< SET GLOBAL takes effect without a restart
    /** The writer role (read_only): written to the option file with the rest, set live only once
     *  replication is verified, so that setup's own writes (accounts, the test rows) come first. */
    bool writerRole = false;
};

/** The settings the howto sets (server-id, log-bin, log-slave-updates, sync_binlog, auto_increment_*,
 *  do/ignore-db filters, binlog format, GTID options), computed for one server of the pair. */
class ReplicationSettings
{
public:
    /** Server ids for A and B: kept where they are set and distinct, else made distinct. */
    static std::pair<qint64, qint64> serverIds(qint64 a, qint64 b);
    /** Whether the pair uses GTID auto-positioning, from the profile and both servers. */
    static bool useGtid(const PairProfile& pair, const ServerInspection& a, const ServerInspection& b);

    static QList<DesiredSetting> compute(const PairProfile& pair, int index, const ServerInspection& self,
        const ServerInspection& peer, bool gtid);
    /** The replication filters of the pair's filter style (wild-table by default, or the seed's do-db). */
    static QList<DesiredSetting> filters(const Dialect& d, const PairProfile& pair);
    /** The writer role of a server of a single-writer pair: read_only OFF for the one that takes the
     *  writes, ON for the other (with super_read_only on MySQL 5.7.8+, so SUPER accounts cannot write
     *  either). In this order: MySQL turns super_read_only off with read_only, and read_only on with it. */
    static QList<DesiredSetting> writerRole(const Dialect& d, bool takesWrites);
    /** Whether @p setting already holds on a server with the effective @p variables. */
    static bool isEffective(const DesiredSetting& setting, const QMap<QString, QString>& variables);
};
