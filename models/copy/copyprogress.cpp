#include "copy/copyprogress.h"

#include <QLocale>

double CopyProgress::bytesPerSecond() const
{
    return elapsedMs > 0 ? double(bytes) * 1000.0 / double(elapsedMs) : 0.0;
}

double CopyProgress::rowsPerSecond() const
{
    return elapsedMs > 0 ? double(rows) * 1000.0 / double(elapsedMs) : 0.0;
}

qint64 CopyProgress::remainingMs() const
{
    if (finished)
        return 0;
    if (byBytes) {
        const double byteRate = bytesPerSecond();
        if (byteRate <= 0 || estimatedBytes <= 0 || bytes >= estimatedBytes)
            return -1;
        return qint64(double(estimatedBytes - bytes) / byteRate * 1000.0);
    }
    const double rate = rowsPerSecond();
    if (rate <= 0 || estimatedRows <= 0 || rows >= estimatedRows)
        return -1;
    return qint64(double(estimatedRows - rows) / rate * 1000.0);
}

QString CopyProgress::phaseName() const
{
    switch (phase) {
    case Phase::Save:
        return QStringLiteral("save");
    case Phase::Copy:
        return QStringLiteral("copy");
    case Phase::Restore:
        return QStringLiteral("restore");
    case Phase::Prepare:
        return QStringLiteral("prepare");
    case Phase::Swap:
        return QStringLiteral("swap");
    }
    return QStringLiteral("copy");
}

QString CopyProgress::toText() const
{
    const QLocale c = QLocale::c();
    const QString size = c.formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
    const QString rate = c.formattedDataSize(qint64(bytesPerSecond()), 1, QLocale::DataSizeTraditionalFormat);
    const qint64 left = remainingMs();
    // "about 12 s left", or that it cannot be told yet (never "about unknown left")
    const QString remaining = left < 0 ? CopyProgress::tr("time left unknown")
                                       : CopyProgress::tr("about %1 s left").arg((left + 999) / 1000);
    switch (phase) {
    case Phase::Save:
        return CopyProgress::tr("saving the old copy: %1, %2/s").arg(size, rate);
    case Phase::Restore:
        return CopyProgress::tr("restoring the old copy: %1 s").arg(elapsedMs / 1000);
    case Phase::Prepare:
        return CopyProgress::tr("preparing the copy (the backup tool's --prepare): %1 s")
            .arg(elapsedMs / 1000);
    case Phase::Swap:
        return CopyProgress::tr("swapping the data folder and starting the server on the copy");
    case Phase::Copy:
        break;
    }
    if (byBytes) {
        if (estimatedBytes <= 0)
            return CopyProgress::tr("%1 streamed, %2/s, %3 (the size to copy is unknown)")
                .arg(size, rate, remaining);
        return CopyProgress::tr("%1 streamed of about %2, %3/s, %4")
            .arg(size, c.formattedDataSize(estimatedBytes, 1, QLocale::DataSizeTraditionalFormat), rate,
                remaining);
    }
    return CopyProgress::tr("%1 copied, %2 of %3 tables, %4/s, %5")
        .arg(size)
        .arg(tables)
        .arg(totalTables)
        .arg(rate, remaining);
}

QJsonObject CopyProgress::toJson() const
{
    return QJsonObject { { QStringLiteral("phase"), phaseName() }, { QStringLiteral("bytes"), bytes },
        { QStringLiteral("estimatedBytes"), estimatedBytes }, { QStringLiteral("rows"), rows },
        { QStringLiteral("estimatedRows"), estimatedRows }, { QStringLiteral("tables"), tables },
        { QStringLiteral("totalTables"), totalTables }, { QStringLiteral("elapsedMs"), elapsedMs },
        { QStringLiteral("bytesPerSecond"), qint64(bytesPerSecond()) },
        { QStringLiteral("remainingMs"), remainingMs() }, { QStringLiteral("finished"), finished } };
}
