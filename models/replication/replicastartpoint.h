#pragma once

#include "replication/replicationsteps.h"

#include <QCoreApplication>
#include <optional>

/** Where the replica of one source is to start, as decided before the run: the plan shows it and the
 *  run follows it (ReplicaStartPoint::rule is the one place it is decided). */
struct PlannedStart
{
    enum class Rule {
        Copy, ///< the copy's coordinates (source) / where the receiver stood after it
        Inspection, ///< the binary log's end read when the data was inspected (compared), without a lock
        RestartedLog, ///< file:4 of the binary log this setup's restart turns on
        ReadLock, ///< read under a short FLUSH TABLES WITH READ LOCK
    };
    Rule rule = Rule::ReadLock;
    std::optional<BinlogCoordinates> known; ///< Inspection: the point already read
};

/** Where a replica should start so that nothing committed on its source since the data was last known
 *  equal is skipped: a point read without any lock (when the data is compared, or right after the restart
 *  that turned the binary log on), with the GTID position of exactly that point. */
class ReplicaStartPoint
{
    Q_DECLARE_TR_FUNCTIONS(ReplicaStartPoint)
public:
    /** The binary log's current end (SHOW MASTER STATUS) and the GTID position there. */
    static Result<BinlogCoordinates> now(ServerContext& ctx);
    /** The start of the binary log file now written (file, 4) and the GTID position there: with a binary
     *  log just turned on by a restart, every transaction since the restart is after this point. */
    static Result<BinlogCoordinates> startOfCurrentFile(ServerContext& ctx);
    /** MySQL: the GTID set executed on this source at @p at (file:position), from its binary log: the
     *  file's Previous_gtids and the GTIDs of the transactions before the position. Empty when the
     *  source runs without GTIDs. Used where a dump carries no SET @@GLOBAL.GTID_PURGED. */
    static Result<QString> gtidSetAt(ServerContext& ctx, const BinlogCoordinates& at);
    /** The GTID set of @p previous plus the Gtid events of @p events (SHOW BINLOG EVENTS rows) that
     *  begin before @p upTo; @p reachedEnd set when an event at or past @p upTo was seen. */
    static QString gtidsBefore(
        const QString& previous, const QList<QVariantMap>& events, qint64 upTo, bool* reachedEnd = nullptr);
    /** The rule for one source: a copy brings its own points; else the point read at the inspection
     *  (binary log already on); else the start of the log a restart of this setup turns on; else a read
     *  under a short read lock. */
    static PlannedStart::Rule rule(bool copy, bool readAtInspection, bool restartTurnsLogOn);
    /** Whether a replica that has executed up to @p executed has reached @p target of the same source. */
    static bool reached(const QString& executedFile, qint64 executedPos, const BinlogCoordinates& target);
};
