#pragma once

#include "actions/chunkedcompare.h"
#include "common/pairprofile.h"

#include <QDialog>
#include <QMutex>
#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;
class QTreeWidget;

/** Data ▸ Compare Data…: the live chunked comparison of the pair (ChunkedCompare on connections of its own,
 *  off the GUI thread) with its progress, then the differing tables and key ranges; Repair… opens the
 *  repair of the selected table. Closing or Cancel stops it after the chunk under way (the SQL threads run
 *  again, always). */
class CompareDialog : public QDialog
{
    Q_OBJECT
public:
    CompareDialog(const PairProfile& profile, QWidget* parent = nullptr);
    ~CompareDialog() override;
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    /** The comparison is over: @p ok false when it could not run or found differences; @p summary for the
     * log. */
    void comparisonFinished(bool ok, const QString& summary);

private:
    /** What the engine's thread hands over; the dialog reads it on a timer. */
    struct Shared
    {
        QMutex mutex;
        CompareProgress progress;
        std::atomic_bool cancel { false };
    };
    void start();
    void showProgress();
    void showReport(const Result<CompareReport>& report);
    void repairSelected();

    PairProfile m_profile;
    std::shared_ptr<Shared> m_shared;
    bool m_running = false;
    QLabel* m_status;
    QProgressBar* m_progress;
    QTreeWidget* m_differences;
    QPushButton* m_repair;
    QPushButton* m_cancel;
    QTimer* m_poll;
};
