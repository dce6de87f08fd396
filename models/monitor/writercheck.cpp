#include "monitor/writercheck.h"

WriterCheck::Verdict WriterCheck::judge(
    int writerIndex, std::optional<bool> writableA, std::optional<bool> writableB)
{
    if (writerIndex < 0 || !writableA || !writableB)
        return Verdict::Fine;
    if (*writableA && *writableB)
        return Verdict::BothWritable;
    if (!*writableA && !*writableB)
        return Verdict::NoneWritable;
    return Verdict::Fine;
}

WriterCheck::Verdict WriterCheck::judge(int writerIndex, const StatusSample& a, const StatusSample& b)
{
    return judge(writerIndex, writable(a), writable(b));
}

std::optional<bool> WriterCheck::writable(const StatusSample& sample)
{
    if (!sample.reachable)
        return std::nullopt;
    return !sample.readOnly;
}

QString WriterCheck::roleId(int writerIndex, int serverIndex)
{
    return writerIndex < 0 || writerIndex == serverIndex ? QStringLiteral("writer")
                                                         : QStringLiteral("reader");
}

QString WriterCheck::roleTitle(int writerIndex, int serverIndex)
{
    if (writerIndex < 0)
        return WriterCheck::tr("writer (both write)");
    return writerIndex == serverIndex ? WriterCheck::tr("writer") : WriterCheck::tr("reader");
}

QString WriterCheck::problem(Verdict verdict, const QString& writer, const QString& reader)
{
    switch (verdict) {
    case Verdict::BothWritable:
        return WriterCheck::tr("both servers accept writes, but only %1 should: the same row written on both "
                               "stops replication. Make %2 read-only again: SET GLOBAL read_only = ON on %2")
            .arg(writer, reader);
    case Verdict::NoneWritable:
        return WriterCheck::tr("no server accepts writes: %1, the writer, is read-only too. SET GLOBAL "
                               "read_only = OFF on %1")
            .arg(writer);
    case Verdict::Fine:
        break;
    }
    return {};
}
