#pragma once

#include <QString>
#include <QStringList>

/** The transactions one server holds that another lacks, read from each server's own record of what it
 *  holds: MySQL's GTID set (`@@gtid_executed`, "uuid:1-5:7,uuid2:1-3") or MariaDB's binary log state
 *  (`@@gtid_binlog_state`, "domain-server-seq" for the last transaction of each (domain, server) pair).
 *  Pure functions: the monitor, the switchover's guards and the status read them. */
namespace GtidSet {

/** What @p holder holds of the transactions that started on @p origin (MySQL: its server_uuid; MariaDB:
 *  its server_id) and @p other lacks: MySQL ranges ("uuid:6-9"); MariaDB the newest such GTID of each
 *  domain ("0-2-9": a domain numbers the transactions of all servers in one sequence, so the state says
 *  which was the origin's last, not how many @p other lacks — at least that one). Empty when @p other holds
 *  all of them, or when either state cannot be read. */
QStringList heldNotIn(const QString& holder, const QString& origin, const QString& other);

/** Whether @p state is a MySQL GTID set (else a MariaDB binary log state or nothing). */
bool isMySqlSet(const QString& state);

} // namespace GtidSet
