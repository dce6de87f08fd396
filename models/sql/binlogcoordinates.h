#pragma once

#include <QString>

/** Binlog coordinates of a source, read under a short read lock. */
struct BinlogCoordinates
{
    QString file;
    qint64 position = 0;
    QString gtid;
    qint64 lockHeldMs = 0;
};
