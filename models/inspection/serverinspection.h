#pragma once

#include "common/steperror.h"
#include "host/serverprocess.h"
#include "sql/dialect.h"
#include "sql/replicastatus.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

struct ServerContext;

/** What a server is and how it is configured right now, read without changing anything. */
struct ServerInspection
{
    Q_DECLARE_TR_FUNCTIONS(ServerInspection)
public:
    QString server; ///< profile name
    bool reachable = false;
    StepError error; ///< why not reachable

    QString versionString;
    ServerVersion version;
    qint64 serverId = 0;
    QString serverUuid; ///< MySQL only
    QString hostname;
    QString datadir;
    int port = 0;
    QString pidFile;
    bool logBin = false;
    QString binlogFormat;
    bool readOnly = false;
    bool superReadOnly = false; ///< MySQL 5.7.8+: even an administrator's writes are refused
    QString gtidMode; ///< MySQL @@gtid_mode; empty on MariaDB
    QString gtidBinlogPos; ///< MariaDB gtid_binlog_pos / MySQL gtid_executed
    QString binlogDoDb; ///< from SHOW MASTER STATUS, comma separated
    QString binlogIgnoreDb;
    QMap<QString, QString> variables; ///< effective value of every variable the plan touches
    ReplicaStatus replica;
    QStringList databases; ///< user databases
    QMap<QString, QStringList> tables; ///< user database → its table names
    QStringList grants; ///< SHOW GRANTS of the admin account
    QStringList missingPrivileges;

    /** What the SQL side knows to find the server's process on its host (pid file, datadir, port). */
    ServerProcess::Hint processHint() const { return { 0, pidFile, datadir, port }; }
    /** An identity that two distinct servers never share (uuid, else hostname + datadir + port). */
    QString identity() const;
    QJsonObject toJson() const;

    /** The replication filters in effect, as variables (replicate_do_db, replicate_wild_do_table, …;
     *  comma separated), from @p rows of Dialect::replicationFiltersQuery(); every filter is present,
     *  empty when not set. */
    static QMap<QString, QString> filtersFromRows(const QList<QVariantMap>& rows);
    /** Reads everything through the context's open session. */
    static Result<ServerInspection> inspect(ServerContext& ctx);
    /** The settings part of inspect() alone: the variables (with the binary log's and the replica's filters)
     *  and what they say (server_id, datadir, log_bin, …); no replica status (except where MySQL shows its
     *  filters only there), databases, tables or grants. For a look at what a restart put in effect. */
    static Result<ServerInspection> inspectSettings(ServerContext& ctx);

private:
    static Result<ServerInspection> inspect(ServerContext& ctx, bool everything);
};
