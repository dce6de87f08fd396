#include "monitor/topologymodel.h"

#include "operation/pairstate.h"

#include <QFileInfo>

#include <QCoreApplication>

QString TopologyModel::Link::errorText() const
{
    QStringList parts { status.ioErrorText(), status.sqlErrorText() };
    parts.removeAll(QString());
    return parts.join(QLatin1Char('\n'));
}

TopologyModel::TopologyModel(QObject* parent)
    : QObject(parent)
{
    clear();
}

void TopologyModel::clear()
{
    m_hasPair = false;
    m_pairName.clear();
    m_writerIndex = -1;
    m_fencedSince = {};
    for (int i = 0; i < 2; ++i) {
        m_fenced[i].clear();
        m_servers[i] = Server {};
        m_links[i] = Link {};
        m_links[i].source = i;
        m_links[i].replica = 1 - i;
        m_hasInspection[i] = false;
        m_inspections[i] = ServerInspection {};
    }
    m_pairState = PairState();
    Q_EMIT modelReset();
}

void TopologyModel::setPairState(const PairState& state)
{
    const bool same = state.agreement == m_pairState.agreement
        && state.agreementSince == m_pairState.agreementSince && state.fenced == m_pairState.fenced;
    m_pairState = state;
    if (!same)
        Q_EMIT pairStateChanged();
}

void TopologyModel::setProfile(const PairProfile& profile)
{
    clear();
    m_hasPair = true;
    m_pairName = profile.name;
    m_writerIndex = profile.writerIndex();
    for (int i = 0; i < 2; ++i) {
        m_servers[i].name = profile.servers[i].name;
        m_servers[i].endpoint = profile.servers[i].endpoint();
    }
    m_profile = profile;
    m_stateRead = {};
    m_stateExisted = false;
    reloadPairState();
    Q_EMIT modelReset();
}

void TopologyModel::reloadPairState()
{
    if (!m_hasPair)
        return;
    const QFileInfo file(PairState::pathFor(m_profile));
    const bool exists = file.exists();
    if (exists == m_stateExisted && (!exists || file.lastModified() == m_stateRead))
        return;
    m_stateExisted = exists;
    m_stateRead = exists ? file.lastModified() : QDateTime();
    const PairState state = PairState::load(m_profile).value_or(PairState());
    for (int i = 0; i < 2; ++i) {
        const QString reason
            = state.isFenced(i) ? (state.reason.isEmpty() ? tr("fenced") : state.reason) : QString();
        if (reason == m_fenced[i])
            continue;
        m_fenced[i] = reason;
        Q_EMIT serverChanged(i);
    }
    m_fencedSince = state.since;
}

WriterCheck::Verdict TopologyModel::writerVerdict() const
{
    const auto writable = [this](int i) -> std::optional<bool> {
        const Server& s = m_servers[i];
        if (!s.reachable || !s.readOnly)
            return std::nullopt;
        return !*s.readOnly;
    };
    return WriterCheck::judge(m_writerIndex, writable(0), writable(1));
}

namespace {
/** The same instant on the local clock, as the canvas and the panel show times. */
QDateTime shownTime(const QDateTime& time)
{
    return (time.isValid() ? time : QDateTime::currentDateTimeUtc()).toLocalTime();
}
} // namespace

void TopologyModel::applyInspection(int index, const ServerInspection& inspection, const QDateTime& time)
{
    m_inspections[index] = inspection;
    m_hasInspection[index] = true;
    Server& s = m_servers[index];
    s.known = true;
    if (inspection.reachable) {
        s.flavorVersion
            = inspection.version.isValid() ? inspection.version.toString() : inspection.versionString;
        s.serverId = inspection.serverId;
    }
    if (s.sampled) {
        // the live monitor's samples say how the server is now: an inspection that ran before a break and
        // finished after it must not bring back the state before
        Q_EMIT serverChanged(index);
        return;
    }
    s.reachable = inspection.reachable;
    s.error = inspection.reachable ? QString() : inspection.error.text;
    if (inspection.reachable)
        s.readOnly = inspection.readOnly;
    Q_EMIT serverChanged(index);
    if (inspection.reachable) {
        setLinkStatus(index, inspection.replica, std::nullopt, time, false);
    } else {
        Link& l = m_links[directionInto(index)];
        l.state = LinkState::Unknown;
        l.updated = shownTime(time);
        l.fromMonitor = false;
        Q_EMIT linkChanged(directionInto(index));
    }
}

void TopologyModel::applyReplicaStatus(
    int replica, const ReplicaStatus& status, std::optional<double> heartbeatLag, const QDateTime& time)
{
    m_servers[replica].sampled = true;
    setLinkStatus(replica, status, heartbeatLag, time, true);
}

void TopologyModel::setLinkStatus(int replica, const ReplicaStatus& status,
    std::optional<double> heartbeatLag, const QDateTime& time, bool fromMonitor)
{
    const int direction = directionInto(replica);
    Link& l = m_links[direction];
    l.status = status;
    l.heartbeatLag = heartbeatLag;
    l.updated = shownTime(time);
    l.fromMonitor = fromMonitor;
    Server& s = m_servers[replica];
    const bool serverWasDown = !s.reachable || !s.known;
    s.reachable = true;
    s.known = true;
    if (serverWasDown)
        s.error.clear();
    updateLinkState(l);
    if (serverWasDown)
        Q_EMIT serverChanged(replica);
    Q_EMIT linkChanged(direction);
}

void TopologyModel::applySample(const StatusSample& sample)
{
    reloadPairState();
    const int index = sample.serverIndex;
    if (index < 0 || index > 1)
        return;
    Server& s = m_servers[index];
    if (!sample.reachable) {
        s.sampled = true;
        m_links[directionInto(index)].updated = shownTime(sample.time);
        m_links[directionInto(index)].fromMonitor = true;
        setServerReachable(index, false, sample.unreachableReason);
        return;
    }
    const bool changed = s.readOnly != sample.readOnly || (sample.serverId && s.serverId != sample.serverId)
        || s.errantGtids != sample.errantGtids || s.notOnPeer != sample.notOnPeer
        || s.gtidKnown == sample.gtidState.isEmpty();
    s.readOnly = sample.readOnly;
    s.errantGtids = sample.errantGtids;
    s.notOnPeer = sample.notOnPeer;
    s.gtidKnown = !sample.gtidState.isEmpty();
    if (sample.serverId)
        s.serverId = sample.serverId;
    applyReplicaStatus(index, sample.replica, sample.heartbeatLag, sample.time);
    if (changed)
        Q_EMIT serverChanged(index);
}

void TopologyModel::setServerReachable(int index, bool reachable, const QString& error)
{
    Server& s = m_servers[index];
    s.known = true;
    s.reachable = reachable;
    s.error = reachable ? QString() : error;
    Q_EMIT serverChanged(index);
    if (!reachable) {
        Link& l = m_links[directionInto(index)];
        l.state = LinkState::Unknown;
        Q_EMIT linkChanged(directionInto(index));
    }
}

void TopologyModel::setReadOnly(int index, bool readOnly)
{
    if (m_servers[index].readOnly == readOnly)
        return;
    m_servers[index].readOnly = readOnly;
    Q_EMIT serverChanged(index);
}

void TopologyModel::setLagThreshold(double seconds)
{
    m_lagThreshold = seconds;
    for (int d = 0; d < 2; ++d) {
        const LinkState before = m_links[d].state;
        updateLinkState(m_links[d]);
        if (before != m_links[d].state)
            Q_EMIT linkChanged(d);
    }
}

void TopologyModel::updateLinkState(Link& l) const
{
    if (!m_servers[l.replica].reachable && m_servers[l.replica].known) {
        l.state = LinkState::Unknown;
    } else if (!l.status.configured) {
        l.state = LinkState::Unknown;
    } else if (l.status.lastIoErrno != 0 || l.status.lastSqlErrno != 0) {
        l.state = LinkState::Error;
    } else if (!l.status.ioRunning || !l.status.sqlRunning) {
        l.state = LinkState::Stopped;
    } else if (const auto lag = l.lag(); lag && *lag > m_lagThreshold) {
        l.state = LinkState::Lagging;
    } else {
        l.state = LinkState::Running;
    }
}

QString TopologyModel::stateName(LinkState state)
{
    switch (state) {
    case LinkState::Running:
        return TopologyModel::tr("running");
    case LinkState::Lagging:
        return TopologyModel::tr("lagging");
    case LinkState::Stopped:
        return TopologyModel::tr("stopped");
    case LinkState::Error:
        return TopologyModel::tr("error");
    case LinkState::Unknown:
        break;
    }
    return TopologyModel::tr("unknown");
}
