#include "fleetmonitor.h"

#include "asynctask.h"
#include "credentialstore.h"
#include "monitor/pairmonitor.h"
#include "passwordrequest.h"

#include <QFileInfo>

QString FleetMonitor::Health::stateName() const
{
    switch (state) {
    case State::Healthy:
        return QStringLiteral("healthy");
    case State::Lagging:
        return QStringLiteral("lagging");
    case State::Broken:
        return QStringLiteral("broken");
    case State::NeedsPassword:
        return QStringLiteral("needs-password");
    case State::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

FleetMonitor::FleetMonitor(CredentialStore* credentials, QObject* parent)
    : QObject(parent)
    , m_credentials(credentials)
{ }

FleetMonitor::~FleetMonitor()
{
    for (Watched& w : m_pairs)
        delete w.monitor;
}

void FleetMonitor::setPairs(const QStringList& paths, const QString& openPath)
{
    for (auto it = m_pairs.begin(); it != m_pairs.end();) {
        if (!paths.contains(it.key())) {
            delete it->monitor;
            it = m_pairs.erase(it);
            continue;
        }
        if (it.key() == openPath) {
            // the window's monitor watches it now: ours stops, and one still starting never will
            delete std::exchange(it->monitor, nullptr);
            it->starting = false;
        }
        ++it;
    }
    for (const QString& path : paths) {
        Watched& w = m_pairs[path];
        if (path != openPath && !w.monitor && !w.starting && w.health.state != Health::State::NeedsPassword)
            start(path);
    }
}

void FleetMonitor::start(const QString& path)
{
    auto loaded = PairProfile::load(path);
    if (!loaded)
        return; // the list shows the file as missing
    loaded->filePath = path;
    m_pairs[path].starting = true;
    AsyncTask::runThenCallback(
        m_credentials->fillFromKeychain(*loaded), this, [this, path](const PairProfile& profile) {
            auto it = m_pairs.find(path);
            if (it == m_pairs.end() || !it->starting)
                return; // no longer wanted, or opened in the window meanwhile
            it->starting = false;
            if (PasswordRequest::needsPassword(profile)) {
                it->health.state = Health::State::NeedsPassword; // "waiting for a password"
                readAgreement(path, *it);
                Q_EMIT healthChanged(path, it->health);
                Q_EMIT passwordNeeded(path, profile);
                return;
            }
            startMonitor(path, profile);
        });
}

void FleetMonitor::watchWith(const QString& path, const PairProfile& profile)
{
    auto it = m_pairs.find(path);
    if (it == m_pairs.end() || it->monitor || PasswordRequest::needsPassword(profile))
        return;
    it->starting = false;
    it->health.state = Health::State::Unknown;
    Q_EMIT healthChanged(path, it->health);
    startMonitor(path, profile);
}

void FleetMonitor::startMonitor(const QString& path, const PairProfile& profile)
{
    auto it = m_pairs.find(path);
    if (it == m_pairs.end())
        return;
    auto* monitor = new PairMonitor(profile, this);
    monitor->setIntervalMs(m_intervalMs);
    monitor->setLagThreshold(m_lagThreshold);
    connect(monitor, &PairMonitor::sample, this,
        [this, path](const StatusSample& sample) { observe(path, sample); });
    connect(monitor, &PairMonitor::event, this, [this, path, name = profile.name](const ReplicationEvent& e) {
        observeEvent(path, e);
        Q_EMIT pairEvent(path, name, e);
    });
    it->monitor = monitor;
    monitor->start();
}

bool FleetMonitor::readAgreement(const QString& path, Watched& w)
{
    PairProfile profile;
    profile.filePath = path;
    const QFileInfo file(PairState::pathFor(profile));
    const QDateTime changed = file.exists() ? file.lastModified() : QDateTime();
    if (changed == w.stateRead && w.stateRead.isValid() == file.exists())
        return false;
    w.stateRead = changed;
    const PairState state = PairState::load(profile).value_or(PairState());
    const bool differs = state.agreement != w.health.agreement;
    w.health.agreement = state.agreement;
    w.health.agreementLine = state.agreementLine();
    return differs;
}

FleetMonitor::Health FleetMonitor::health(const QString& path) const
{
    return m_pairs.value(path).health;
}

void FleetMonitor::observe(const QString& path, const StatusSample& sample)
{
    auto it = m_pairs.find(path);
    if (it == m_pairs.end() || sample.serverIndex < 0 || sample.serverIndex > 1)
        return;
    it->latest[sample.serverIndex] = sample;
    it->sampled[sample.serverIndex] = true;
    update(path);
}

void FleetMonitor::observeEvent(const QString& path, const ReplicationEvent& event)
{
    auto it = m_pairs.find(path);
    if (it == m_pairs.end())
        return;
    it->health.lastEvent = event.time;
    it->health.lastEventText = QStringLiteral("%1: %2").arg(event.server, event.text);
    Q_EMIT healthChanged(path, it->health);
}

void FleetMonitor::update(const QString& path)
{
    Watched& w = m_pairs[path];
    Health h = w.health;
    h.worstLag.reset();
    bool broken = false;
    bool lagging = false;
    bool known = w.sampled[0] && w.sampled[1];
    for (int i = 0; i < 2; ++i) {
        if (!w.sampled[i])
            continue;
        const StatusSample& s = w.latest[i];
        if (!s.healthy())
            broken = true;
        if (const std::optional<double> lag = s.effectiveLag()) {
            h.worstLag = std::max(h.worstLag.value_or(0.0), *lag);
            lagging = lagging || *lag > m_lagThreshold;
        }
    }
    h.state = broken ? Health::State::Broken
        : !known     ? Health::State::Unknown
        : lagging    ? Health::State::Lagging
                     : Health::State::Healthy;
    const bool agreementChanged = readAgreement(path, w);
    h.agreement = w.health.agreement;
    h.agreementLine = w.health.agreementLine;
    const bool changed = h.state != w.health.state || h.worstLag != w.health.worstLag || agreementChanged;
    w.health = h;
    if (changed)
        Q_EMIT healthChanged(path, h);
}
