#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

/** Where a running copy stands: bytes and tables done, rate and remaining time. */
struct CopyProgress
{
    Q_DECLARE_TR_FUNCTIONS(CopyProgress)
public:
    enum class Phase { Save, Copy, Restore };
    Phase phase = Phase::Copy;
    qint64 bytes = 0; ///< written by the dump so far
    qint64 estimatedBytes = 0; ///< the source's data size (information_schema), 0 when unknown
    int tables = 0; ///< tables finished
    int totalTables = 0;
    qint64 elapsedMs = 0;
    bool finished = false; ///< the last report of a phase

    double bytesPerSecond() const;
    /** -1 when it cannot be estimated (no rate yet, or past the estimate). */
    qint64 remainingMs() const;
    QString phaseName() const; ///< stable id: "save", "copy", "restore"
    QString toText() const;
    QJsonObject toJson() const;
};
