#include "monitor/pairmonitor.h"

#include "common/stepid.h"
#include "host/serverworker.h"
#include "monitor/heartbeat.h"
#include "monitor/statuspoller.h"
#include "operation/pairstate.h"

#include <QCoreApplication>
#include <QtConcurrent>

namespace {
/** Beats kept waiting per replica: over an hour of beats of a stopped applier. */
constexpr int kKeptBeats = 4096;
/** How long one wait on the replica blocks its probe worker (whole seconds: older servers round the
 *  timeout to an integer, and 0 would mean "forever"); a wait that times out is issued again. */
constexpr int kWaitSec = 1;
/** A beat found applied when its wait began is timed by the bounds around it, if they are this close. */
constexpr qint64 kBoundsUs = 100'000;

QFuture<Result<void>> onServer(
    ServerWorker* worker, int timeoutSec, std::function<Result<void>(SqlSession&)> work)
{
    return worker->submit([work, timeoutSec](ServerContext& context) -> Result<void> {
        if (!context.sql || !context.sql->isOpen()) {
            if (auto connected = context.connect(timeoutSec); !connected)
                return connected;
        }
        auto done = work(*context.sql);
        if (done || !Heartbeat::isConnectionError(done.error().code))
            return done;
        // the session outlived a restart of the server: once more on a fresh connection
        if (auto connected = context.connect(timeoutSec); !connected)
            return connected;
        return work(*context.sql);
    });
}
} // namespace

PairMonitor::PairMonitor(const PairProfile& profile, QObject* parent)
    : QObject(parent)
    , m_profile(profile)
    , m_history(2)
    , m_detector(2)
    , m_monitorId(Heartbeat::newMonitorId())
    , m_timeoutSec(StatusPoller::DefaultTimeoutSec)
    , m_intervalMs(StatusPoller::DefaultIntervalMs)
    , m_heartbeatDatabase(profile.probeDatabase())
{
    qRegisterMetaType<StatusSample>();
    qRegisterMetaType<ReplicationEvent>();
    m_stateFile.setMaxThreadCount(1); // one write after the other: each reads what the one before wrote
    for (int i = 0; i < 2; ++i) {
        m_workers[i] = std::make_unique<ServerWorker>(i, profile.servers[i]);
        m_probeWorkers[i] = std::make_unique<ServerWorker>(i, profile.servers[i]);
        m_pollers[i] = std::make_unique<StatusPoller>(m_workers[i].get(), i, profile.servers[i]);
        m_pollers[i]->setHeartbeat(m_heartbeatDatabase, true, m_monitorId);
        connect(m_pollers[i].get(), &StatusPoller::sample, this, &PairMonitor::onSample);
        m_latest[i].serverIndex = i;
        m_latest[i].server = profile.servers[i].name;
        m_latest[i].role = WriterCheck::roleId(profile.writerIndex(), i);
    }
    m_detector.setWriterIndex(profile.writerIndex());
    m_probeReturn->monitor = this;
}

PairMonitor::~PairMonitor()
{
    {
        QMutexLocker lock(&m_probeReturn->mutex);
        m_probeReturn->monitor = nullptr; // no wait's answer is posted to this monitor from now on
    }
    for (auto& p : m_pollers)
        p.reset();
    for (int i = 0; i < 2; ++i) {
        if (!m_waiting[i] || !QCoreApplication::instance()) {
            m_probeWorkers[i].reset();
            continue;
        }
        // a wait on a lagging replica may block its probe for up to kWaitSec: do not make the caller (the
        // GUI thread) wait for it; the probe goes once that wait has returned
        ServerWorker* probe = m_probeWorkers[i].release();
        probe->submit([](ServerContext&) { return 0; }).then(QCoreApplication::instance(), [probe](int) {
            delete probe;
        });
    }
    for (auto& w : m_workers)
        w.reset();
}

void PairMonitor::setIntervalMs(int ms)
{
    for (auto& p : m_pollers)
        p->setIntervalMs(ms);
    m_intervalMs = m_pollers[0]->intervalMs();
}

void PairMonitor::setTimeoutSec(int seconds)
{
    for (auto& p : m_pollers)
        p->setTimeoutSec(seconds);
    m_timeoutSec = m_pollers[0]->timeoutSec();
}

void PairMonitor::setLagThreshold(double seconds)
{
    m_detector.setLagThreshold(seconds);
}

void PairMonitor::setHeartbeatWrites(bool on)
{
    for (auto& p : m_pollers)
        p->setHeartbeat(m_heartbeatDatabase, on, m_monitorId);
}

void PairMonitor::setHeartbeatDatabase(const QString& database)
{
    m_heartbeatDatabase = database;
    for (auto& p : m_pollers)
        p->setHeartbeat(database, true, m_monitorId);
}

void PairMonitor::start()
{
    m_running = true;
    for (auto& p : m_pollers)
        p->start();
}

void PairMonitor::stop()
{
    m_running = false;
    for (auto& p : m_pollers)
        p->stop();
    for (int i = 0; i < 2; ++i)
        forgetBeats(i); // a beat timed after a pause would count the pause as lag
}

void PairMonitor::finish()
{
    stop();
    for (auto& p : m_pollers)
        p.reset();
    for (int i = 0; i < 2; ++i) {
        m_probeWorkers[i].reset(); // waits for a running wait to return
        m_waiting[i] = false;
    }
    for (auto& w : m_workers)
        w.reset();
}

void PairMonitor::pollNow()
{
    for (auto& p : m_pollers)
        p->pollNow();
}

QFuture<Result<void>> PairMonitor::createHeartbeatTable(int index)
{
    const QString database = m_heartbeatDatabase;
    return onServer(m_workers[index].get(), m_pollers[index]->timeoutSec(),
        [database](SqlSession& session) { return Heartbeat::createTable(session, database); });
}

QFuture<Result<void>> PairMonitor::removeHeartbeatTable(int index)
{
    const QString database = m_heartbeatDatabase;
    return onServer(m_workers[index].get(), m_pollers[index]->timeoutSec(),
        [database](SqlSession& session) { return Heartbeat::dropTable(session, database); });
}

void PairMonitor::onSample(StatusSample s)
{
    const int i = s.serverIndex;
    s.role = WriterCheck::roleId(m_profile.writerIndex(), i);
    const int peer = 1 - i;
    if (s.beatWrittenUs && m_running) {
        QList<PendingBeat>& pending = m_pending[peer];
        pending.append(PendingBeat { s.beatGtid, s.beatLogFile, s.beatLogPos, *s.beatWrittenUs });
        if (pending.size() > kKeptBeats)
            pending.remove(1); // the oldest stays: the lag of a stopped applier is its age
        waitForApply(peer);
    }
    if (s.reachable && s.replica.configured) {
        s.heartbeatLag = heartbeatLag(i, Heartbeat::localClockUs());
        if (s.heartbeatError.isEmpty() && !m_probeError[i].isEmpty())
            s.heartbeatError = m_probeError[i];
    } else if (s.reachable) {
        forgetBeats(i); // not a replica (any more): nothing to wait for
    }
    const QString names[2] = { m_profile.servers[0].name, m_profile.servers[1].name };
    if (const auto found = m_errant.take(s, names)) {
        // the pair's data are in doubt from now on: the state file says so to every face until a comparison.
        // A local file, still written off this thread; the event follows once it is written.
        ReplicationEvent e;
        e.time = s.time;
        e.serverIndex = found->server;
        e.server = names[found->server];
        e.kind = ReplicationEvent::Kind::DataInDoubt;
        e.text = found->text;
        QtConcurrent::run(&m_stateFile, [profile = m_profile, f = *found] {
            return PairState::update(
                profile, [&f](PairState& state) { state.flagErrant(f.server, f.gtids, f.text); });
        }).then(this, [this, e](const Result<void>& recorded) mutable {
            if (!recorded)
                e.text += QStringLiteral(" (") + recorded.error().text + u')';
            Q_EMIT event(e);
        });
    }
    m_latest[i] = s;
    // this look may have confirmed what the peer holds: its newest sample says so at once (a one-shot status
    // reads the newest samples)
    m_latest[1 - i].errantGtids = m_errant.errant(1 - i);
    m_history.append(s);
    const QList<ReplicationEvent> events = m_detector.process(s);
    Q_EMIT sample(s);
    for (const ReplicationEvent& e : events)
        Q_EMIT event(e);
    m_reported[i] = true;
    if (m_reported[0] && m_reported[1]) {
        m_reported[0] = m_reported[1] = false;
        Q_EMIT roundFinished();
    }
}

void PairMonitor::forgetBeats(int replica)
{
    m_pending[replica].clear();
    m_delayUs[replica].reset();
    m_lastReturnUs[replica] = 0;
    m_measuredAtUs[replica] = 0;
}

std::optional<double> PairMonitor::heartbeatLag(int replica, qint64 nowUs) const
{
    if (!m_delayUs[replica])
        return std::nullopt;
    qint64 lag = *m_delayUs[replica];
    if (!m_pending[replica].isEmpty())
        lag = std::max(lag, nowUs - m_pending[replica].first().writtenUs);
    else if (nowUs - m_measuredAtUs[replica] > 3 * qint64(m_pollers[1 - replica]->beatIntervalMs()) * 1000)
        return std::nullopt; // the source has stopped beating: the last measurement is old news
    return double(std::max<qint64>(lag, 0)) / 1e6;
}

void PairMonitor::waitForApply(int replica)
{
    if (m_waiting[replica] || m_pending[replica].isEmpty() || !m_running)
        return;
    m_waiting[replica] = true;
    const PendingBeat beat = m_pending[replica].first();
    const int timeoutSec = m_timeoutSec;
    // posted, not submitted: no future and no continuation per beat; the answer comes back as one queued
    // call, unless the monitor has gone meanwhile
    auto wait = [beat, timeoutSec](ServerContext& ctx) -> Result<ApplyWait> {
        if (!ctx.sql || !ctx.sql->isOpen()) {
            if (auto connected = ctx.connect(timeoutSec); !connected)
                return std::unexpected(connected.error());
        }
        ctx.sql->setStep(StepId::Heartbeat);
        ApplyWait w;
        w.issuedUs = Heartbeat::localClockUs();
        auto rows = ctx.sql->query(ctx.dialect.replicaWaitForBeat(beat.gtid, beat.file, beat.pos, kWaitSec));
        w.returnedUs = Heartbeat::localClockUs();
        if (!rows) {
            if (Heartbeat::isConnectionError(rows.error().code))
                ctx.sql->close();
            return std::unexpected(rows.error());
        }
        const SqlRow row = rows->value(0);
        const QVariant waited = row.value(QStringLiteral("waited"));
        if (waited.isNull())
            return w;
        w.waited = waited.toLongLong();
        if (const QVariant already = row.value(QStringLiteral("already")); already.isValid()) {
            // MASTER_GTID_WAIT: 0 reached, -1 timed out; the first, without waiting, tells whether the
            // beat was applied before the wait began (as MASTER_POS_WAIT's 0 does)
            if (already.toLongLong() == 0)
                w.waited = 0;
            else
                w.waited = *w.waited == 0 ? 1 : -1;
        }
        return w;
    };
    m_probeWorkers[replica]->post([wait, replica, beat, back = m_probeReturn](ServerContext& ctx) {
        Result<ApplyWait> result = wait(ctx);
        QMutexLocker lock(&back->mutex);
        if (PairMonitor* monitor = back->monitor)
            QMetaObject::invokeMethod(
                monitor,
                [monitor, replica, beat, result = std::move(result)] {
                    monitor->onApplyWait(replica, beat, result);
                },
                Qt::QueuedConnection);
    });
}

void PairMonitor::onApplyWait(int replica, const PendingBeat& beat, const Result<ApplyWait>& result)
{
    m_waiting[replica] = false;
    QList<PendingBeat>& pending = m_pending[replica];
    const bool current = !pending.isEmpty() && pending.first().writtenUs == beat.writtenUs;
    if (!result) {
        m_probeError[replica] = result.error().toString();
        return; // tried again with the next beat
    }
    m_probeError[replica].clear();
    if (!current)
        return; // the beats were forgotten meanwhile
    if (!result->waited || *result->waited < 0) {
        // not applied when the wait returned: a lower bound for its apply
        m_lastReturnUs[replica] = result->returnedUs;
        // timed out: wait on; the SQL thread does not run (MASTER_POS_WAIT's NULL, or the replica's last
        // poll for the GTID wait, which only times out then): with the next beat
        const ReplicaStatus& status = m_latest[replica].replica;
        if (result->waited && !(status.configured && !status.sqlRunning))
            waitForApply(replica);
        return;
    }
    pending.removeFirst();
    if (*result->waited > 0) {
        // applied while we waited: the moment the wait returned is the moment of the apply
        m_delayUs[replica] = result->returnedUs - beat.writtenUs;
    } else {
        // applied before the wait began: after it was written and after the previous wait saw it (or the
        // beat before it) missing
        const qint64 low = std::max(beat.writtenUs, m_lastReturnUs[replica]) - beat.writtenUs;
        const qint64 high = result->issuedUs - beat.writtenUs;
        if (high - low <= kBoundsUs)
            m_delayUs[replica] = (low + high) / 2;
    }
    m_measuredAtUs[replica] = result->returnedUs;
    m_lastReturnUs[replica] = result->returnedUs;
    waitForApply(replica);
}
