#pragma once

#include "setup/replicationsteps.h"

#include <QCoreApplication>

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
    /** Whether a replica that has executed up to @p executed has reached @p target of the same source. */
    static bool reached(const QString& executedFile, qint64 executedPos, const BinlogCoordinates& target);
};
