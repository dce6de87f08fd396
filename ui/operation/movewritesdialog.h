#pragma once

#include "common/pairprofile.h"
#include "operation/switchover.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

/** "Move Writes to B…": runs the switchover's checks without changing anything and shows them with the
 *  steps a switch takes; Move Writes (enabled when nothing refuses) then switches, its steps shown as they
 *  go. When the only refusal is that the writer cannot be reached, a forced failover is offered behind a
 *  stronger confirmation (a box to tick: the old writer is fenced). Every run is on a thread of its own. */
class MoveWritesDialog : public QDialog
{
    Q_OBJECT
public:
    MoveWritesDialog(const PairProfile& profile, int to, QWidget* parent = nullptr);

    /** The last outcome (the checks after open, the switch after Move Writes). */
    const Switchover::Outcome& outcome() const { return m_outcome; }
    bool isBusy() const { return m_busy; }

    /** Closing is refused while a run goes on (a switch is not left half-way by a window). */
    void reject() override;

Q_SIGNALS:
    /** The writer role moved to server @p writer (the profile file says so already). */
    void writerMoved(int writer);
    /** A step's event, for the window's log. */
    void logLine(const SetupEvent& event);

private:
    void check();
    void start(bool force);
    void showChecks();
    void addEvent(const SetupEvent& event);

    PairProfile m_profile;
    const int m_to;
    bool m_busy = false;
    bool m_forceOffered = false;
    Switchover::Outcome m_outcome;
    QLabel* m_summary;
    QTreeWidget* m_checks;
    QTreeWidget* m_steps;
    QPlainTextEdit* m_log;
    QCheckBox* m_confirmForce;
    QPushButton* m_moveButton;
    QPushButton* m_forceButton;
    QPushButton* m_closeButton;
};
