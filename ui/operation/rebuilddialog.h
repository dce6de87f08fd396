#pragma once

#include "common/pairprofile.h"
#include "operation/rebuild.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QButtonGroup;
class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

/** "Rebuild B from A…": runs the rebuild's checks without changing anything and says what will happen to
 *  B — its replicated databases replaced, its old data saved (size, folder, free space) or not, when the
 *  admin unticks the box; or, with the physical copy chosen (logical / physical / auto), its whole data
 *  folder replaced and the old one kept beside it — with the checks and the steps; Rebuild (enabled when
 * nothing refuses) then rebuilds, its steps and the copy's progress shown as they go; Cancel during the run
 * stops it and puts B back. Every run is on a thread of its own (Rebuild blocks on the servers' workers). */
class RebuildDialog : public QDialog
{
    Q_OBJECT
public:
    RebuildDialog(const PairProfile& profile, int target, QWidget* parent = nullptr);

    const Rebuild::Outcome& outcome() const { return m_outcome; }
    bool isBusy() const { return m_busy; }

    /** While a run goes on, closing asks it to stop (B put back) instead of leaving it half-way. */
    void reject() override;

Q_SIGNALS:
    /** Server @p target was rebuilt and verified. */
    void rebuilt(int target);
    /** A step's event, for the window's log. */
    void logLine(const SetupEvent& event);

private:
    void check();
    void start();
    void showChecks();
    void addEvent(const SetupEvent& event);
    Rebuild::Options options(bool dryRun) const;

    PairProfile m_profile;
    const int m_target;
    bool m_busy = false;
    bool m_running = false;
    std::shared_ptr<std::atomic_bool> m_cancel;
    Rebuild::Outcome m_outcome;
    QLabel* m_summary;
    QLabel* m_preview;
    QCheckBox* m_saveOld;
    QButtonGroup* m_method; ///< the copy method: ids are CopyMethod values
    bool m_checkAgain = false; ///< a choice changed while the checks ran
    QTreeWidget* m_checks;
    QTreeWidget* m_steps;
    QProgressBar* m_progress;
    QPlainTextEdit* m_log;
    QPushButton* m_rebuildButton;
    QPushButton* m_closeButton;
};
