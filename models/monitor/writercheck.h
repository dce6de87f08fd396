#pragma once

#include "monitor/statussample.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

/** Whether a pair's servers take writes as its writer role says: in single-writer mode exactly one of
 *  the two may be writable (read_only OFF). Two writers (the profile's "writer": "both") are never
 *  judged. */
class WriterCheck
{
    Q_DECLARE_TR_FUNCTIONS(WriterCheck)
public:
    enum class Verdict {
        Fine, ///< two-writer mode, one writable server, or not known (a server does not answer)
        BothWritable, ///< single-writer mode, yet both servers accept writes: the rows may clash
        NoneWritable, ///< single-writer mode, yet both are read-only: the application cannot write
    };

    /** @p writable: whether each server accepts writes, empty when it is not known. */
    static Verdict judge(int writerIndex, std::optional<bool> writableA, std::optional<bool> writableB);
    /** From the latest samples of both servers. */
    static Verdict judge(int writerIndex, const StatusSample& a, const StatusSample& b);
    /** Whether a sample's server accepts writes; empty when it did not answer. */
    static std::optional<bool> writable(const StatusSample& sample);
    /** "writer" or "reader", stable for JSON, metrics and Nagios; in two-writer mode both are writers. */
    static QString roleId(int writerIndex, int serverIndex);
    /** The translated role ("writer", "read-only reader"). */
    static QString roleTitle(int writerIndex, int serverIndex);
    /** What is wrong, for people: which server should and which should not take writes. */
    static QString problem(Verdict verdict, const QString& writer, const QString& reader);
};
