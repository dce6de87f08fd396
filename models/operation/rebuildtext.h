#pragma once

#include "common/stepid.h"
#include "sql/binlogcoordinates.h"

#include <QLocale>
#include <QString>

/** The sizes and binary log points in a rebuild's lines. */
namespace RebuildText {
inline QString size(qint64 bytes)
{
    return QLocale::c().formattedDataSize(qMax<qint64>(0, bytes), 1, QLocale::DataSizeTraditionalFormat);
}

inline QString shown(const BinlogCoordinates& c)
{
    return c.gtid.isEmpty() ? QStringLiteral("%1:%2").arg(c.file).arg(c.position)
                            : QStringLiteral("%1:%2, GTID %3").arg(c.file).arg(c.position).arg(c.gtid);
}
} // namespace RebuildText
