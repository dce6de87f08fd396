#pragma once

#include "actions/rowrepair.h"
#include "common/pairprofile.h"

#include <QDialog>
#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

/** Repair… on a differing table: the rows that differ side by side (found at one point of the binary log,
 *  RowRepair off the GUI thread), the server whose rows are right, and — after the tick that confirms it —
 *  the fix applied on the other server with sql_log_bin = 0, then the table compared again. */
class RepairDialog : public QDialog
{
    Q_OBJECT
public:
    RepairDialog(const PairProfile& profile, const QString& table, QWidget* parent = nullptr);
    ~RepairDialog() override;
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    /** A look or a repair is over. */
    void done(bool applied, bool equal);

private:
    void run(bool apply);
    void showReport(const Result<RepairReport>& report, bool apply);
    void updateApply();

    PairProfile m_profile;
    QString m_table;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_busy = false;
    int m_found = 0;
    QComboBox* m_from;
    QLabel* m_status;
    QTableWidget* m_rows;
    QCheckBox* m_confirm;
    QPushButton* m_apply;
};
