#pragma once

#include "common/pairprofile.h"
#include "monitor/replicationevent.h"
#include "monitor/statussample.h"
#include "operation/pairstate.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <optional>

class CredentialStore;
class PairMonitor;

/** Watches every saved pair at once (the fleet view): a PairMonitor per pair, with the passwords it can get
 *  without asking (keychain, variable, file); a pair that would need a prompt is marked so and not watched.
 *  The pair open in the window is watched by the window's own monitor, which reports into observe() here,
 *  so that every pair's health is worked out the same way. */
class FleetMonitor : public QObject
{
    Q_OBJECT
public:
    /** A pair's health as the Saved Pairs list shows it. */
    struct Health
    {
        enum class State { Unknown, Healthy, Lagging, Broken, NeedsPassword };
        State state = State::Unknown;
        std::optional<double> worstLag;
        QDateTime lastEvent;
        QString lastEventText;
        /** What the pair's state file says of its data (differs, unverified since a skip, …). */
        PairState::Agreement agreement = PairState::Agreement::Unknown;
        QString agreementLine;
        bool dataInDoubt() const
        {
            return agreement == PairState::Agreement::Differs
                || agreement == PairState::Agreement::Unverified;
        }
        /** A stable name for tests and tooltips: "unknown", "healthy", "lagging", "broken", "needs-password".
         */
        QString stateName() const;
    };

    FleetMonitor(CredentialStore* credentials, QObject* parent = nullptr);
    ~FleetMonitor() override;

    /** Watches exactly @p paths, except @p openPath (watched by the window and reported through observe()).
     */
    void setPairs(const QStringList& paths, const QString& openPath);
    void setIntervalMs(int ms) { m_intervalMs = ms; }
    void setLagThreshold(double seconds) { m_lagThreshold = seconds; }
    Health health(const QString& path) const;

    /** Watches the pair at @p path with @p profile, which holds the passwords the user typed for it. */
    void watchWith(const QString& path, const PairProfile& profile);

    /** A sample or event of the open pair, from the window's own monitor. */
    void observe(const QString& path, const StatusSample& sample);
    void observeEvent(const QString& path, const ReplicationEvent& event);

Q_SIGNALS:
    void healthChanged(const QString& path, const FleetMonitor::Health& health);
    /** The pair at @p path is not watched until its passwords are typed (@p profile: as far as the keychain
     *  filled it). Nothing connects meanwhile: no alarm for a password nobody was asked for. */
    void passwordNeeded(const QString& path, const PairProfile& profile);
    /** An event of a watched pair other than the open one. */
    void pairEvent(const QString& path, const QString& pairName, const ReplicationEvent& event);

private:
    struct Watched
    {
        PairMonitor* monitor = nullptr;
        StatusSample latest[2];
        bool sampled[2] = { false, false };
        bool starting = false; ///< reading the keychain before its monitor starts
        Health health;
        QDateTime stateRead; ///< modification time of the pair's state file when last read
    };
    /** Reads the pair's state file when it changed; true when the agreement changed. */
    bool readAgreement(const QString& path, Watched& w);
    void start(const QString& path);
    void startMonitor(const QString& path, const PairProfile& profile);
    void update(const QString& path);

    CredentialStore* m_credentials;
    QHash<QString, Watched> m_pairs;
    int m_intervalMs = 1000;
    double m_lagThreshold = 5.0;
};
