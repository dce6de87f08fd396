#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

/** Where a running copy stands: bytes and tables done, rate and remaining time. */
struct CopyProgress
{
    Q_DECLARE_TR_FUNCTIONS(CopyProgress)
public:
    enum class Phase { Save, Copy, Restore, Prepare, Swap };
    Phase phase = Phase::Copy;
    qint64 bytes = 0; ///< written by the dump so far (what the rate shows)
    qint64 estimatedBytes = 0; ///< the source's data + indexes (information_schema), 0 when unknown
    /** The remaining time is measured in rows, the one unit both ends count alike: InnoDB's row estimate
     *  (TABLE_ROWS) of the tables the copy made on the receiver so far, against the source's. */
    qint64 rows = 0;
    qint64 estimatedRows = 0; ///< the source's TABLE_ROWS, 0 when unknown
    int tables = 0; ///< tables finished
    int totalTables = 0;
    qint64 elapsedMs = 0;
    bool finished = false; ///< the last report of a phase
    /** The physical copy: the remaining time is measured in bytes against estimatedBytes (no tables are
     *  counted). */
    bool byBytes = false;

    double bytesPerSecond() const;
    double rowsPerSecond() const;
    /** At the rate rows have been loaded so far; -1 when it cannot be estimated (no rows yet, or past
     *  the estimate). */
    qint64 remainingMs() const;
    QString phaseName() const; ///< stable id: "save", "copy", "restore", "prepare", "swap"
    QString toText() const;
    QJsonObject toJson() const;
};
