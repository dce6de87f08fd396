#pragma once

#include "fleetmonitor.h"

#include <QHash>
#include <QListWidget>

/** The Saved Pairs list: the recent pair profiles (AppSettings), and the demo's pair while the demo runs
 *  (marked as the demo's, never remembered). Every entry is watched (its FleetMonitor) and shows its health;
 *  activating an entry asks to open it. */
class PairList : public QListWidget
{
    Q_OBJECT
public:
    PairList(CredentialStore* credentials, QWidget* parent = nullptr);

    FleetMonitor* fleet() const { return m_fleet; }
    /** The pair open in the window: watched by the window's monitor, which reports to fleet()->observe(). */
    void setOpenPair(const QString& path);

    /** Rebuilds the list from the recent pairs (the demo's entry stays). */
    void refresh();
    /** Shows the demo's pair at the top; an empty @p path removes it. */
    void setDemoPair(const QString& path, const QString& name);
    QString demoPath() const { return m_demoPath; }
    /** Shows @p path's health: colour, worst lag, time of the last event (the fleet view). */
    void setHealth(const QString& path, const FleetMonitor::Health& health);
    /** The entry of @p path, or nullptr. */
    QListWidgetItem* itemFor(const QString& path) const;

    static constexpr int PathRole = Qt::UserRole;
    static constexpr int DemoRole = Qt::UserRole + 1;
    static constexpr int HealthRole = Qt::UserRole + 2; ///< FleetMonitor::Health::stateName()
    static constexpr int NameRole = Qt::UserRole + 3; ///< the name without the health
    static constexpr int AgreementRole = Qt::UserRole + 4; ///< PairState::agreementName()

Q_SIGNALS:
    void openRequested(const QString& path);

private:
    void decorate(QListWidgetItem* item) const;

    FleetMonitor* m_fleet;
    QString m_openPath;
    QHash<QString, FleetMonitor::Health> m_health;
    QString m_demoPath;
    QString m_demoName;
};
