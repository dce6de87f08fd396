#include "monitor/replicationeventdetector.h"

#include <QCoreApplication>

namespace {

/** The IO thread's state as the server says it ("Yes", "No", "Connecting"), in the reader's language; any
 *  other state (the SQL thread's running state) as the server says it. */
QString stateWords(const QString& state)
{
    if (state == QLatin1String("Yes"))
        return ReplicationEventDetector::tr("running");
    if (state == QLatin1String("No"))
        return ReplicationEventDetector::tr("not running");
    if (state == QLatin1String("Connecting"))
        return ReplicationEventDetector::tr("connecting");
    if (state == QLatin1String("Preparing"))
        return ReplicationEventDetector::tr("preparing");
    return state;
}

QString withState(const QString& text, const QString& state)
{
    return state.isEmpty() ? text
                           : ReplicationEventDetector::tr("%1 (state: %2)").arg(text, stateWords(state));
}
} // namespace

ReplicationEventDetector::ReplicationEventDetector(int servers)
{
    m_states.resize(std::max(servers, 1));
}

void ReplicationEventDetector::reset()
{
    for (ServerState& s : m_states)
        s = ServerState();
    m_writerVerdict = WriterCheck::Verdict::Fine;
}

void ReplicationEventDetector::checkWriters(const StatusSample& sample, QList<ReplicationEvent>& out)
{
    ServerState& st = m_states[sample.serverIndex];
    st.name = sample.server;
    st.writable = WriterCheck::writable(sample);
    if (m_writerIndex < 0 || m_writerIndex > 1 || m_states.size() < 2)
        return;
    const WriterCheck::Verdict verdict
        = WriterCheck::judge(m_writerIndex, m_states[0].writable, m_states[1].writable);
    // a server away says nothing about the role: the verdict stands until both answer again
    if (verdict == m_writerVerdict
        || (verdict == WriterCheck::Verdict::Fine && (!m_states[0].writable || !m_states[1].writable)))
        return;
    const int reader = 1 - m_writerIndex;
    const QString writerName = m_states[m_writerIndex].name;
    const QString readerName = m_states[reader].name;
    ReplicationEvent e;
    e.time = sample.time;
    if (verdict == WriterCheck::Verdict::BothWritable) {
        e.kind = ReplicationEvent::Kind::TwoWriters;
        e.serverIndex = reader;
        e.server = readerName;
        e.text = WriterCheck::problem(verdict, writerName, readerName);
    } else if (verdict == WriterCheck::Verdict::NoneWritable) {
        e.kind = ReplicationEvent::Kind::NoWriter;
        e.serverIndex = m_writerIndex;
        e.server = writerName;
        e.text = WriterCheck::problem(verdict, writerName, readerName);
    } else {
        // one server writable again: normally the writer; the other one when writes moved there by hand
        const int writable = *m_states[0].writable ? 0 : 1;
        e.kind = ReplicationEvent::Kind::OneWriter;
        e.serverIndex = writable;
        e.server = m_states[writable].name;
        e.text = writable == m_writerIndex
            ? ReplicationEventDetector::tr("%1 takes the writes again and %2 is read-only")
                  .arg(writerName, readerName)
            : ReplicationEventDetector::tr("only %1 takes writes now, but the profile names %2 the writer")
                  .arg(readerName, writerName);
    }
    m_writerVerdict = verdict;
    out.append(e);
}

QList<ReplicationEvent> ReplicationEventDetector::process(const StatusSample& sample)
{
    QList<ReplicationEvent> out;
    if (sample.serverIndex < 0)
        return out;
    if (sample.serverIndex >= m_states.size())
        m_states.resize(sample.serverIndex + 1);
    ServerState& st = m_states[sample.serverIndex];
    const bool first = !st.seen;
    const bool hadProblem = st.problem();
    st.seen = true;

    auto emitEvent = [&](ReplicationEvent::Kind kind, const QString& text, int code = 0) {
        ReplicationEvent e;
        e.time = sample.time;
        e.serverIndex = sample.serverIndex;
        e.server = sample.server;
        e.kind = kind;
        e.code = code;
        e.text = text;
        out.append(e);
    };

    if (!sample.reachable) {
        if (!st.unreachable)
            emitEvent(ReplicationEvent::Kind::ServerUnreachable,
                ReplicationEventDetector::tr("server %1 does not answer: %2")
                    .arg(sample.server, sample.unreachableReason));
        if (!out.isEmpty() && out.last().kind == ReplicationEvent::Kind::ServerUnreachable
            && sample.unreachableDetail != sample.unreachableReason)
            out.last().detail = sample.unreachableDetail;
        st.unreachable = true;
        checkWriters(sample, out);
        return out; // nothing else is known while it is away
    }
    const bool wasUnreachable = st.unreachable;
    st.unreachable = false;

    const ReplicaStatus& r = sample.replica;
    if (!r.configured) {
        if (st.configured)
            emitEvent(ReplicationEvent::Kind::ReplicaRemoved,
                ReplicationEventDetector::tr("server %1 has no replication configured").arg(sample.server));
        st.configured = false;
        st.ioStopped = st.sqlStopped = st.lagHigh = false;
        st.ioErrno = st.sqlErrno = 0;
        if (wasUnreachable)
            emitEvent(ReplicationEvent::Kind::ServerReachable,
                ReplicationEventDetector::tr("server %1 answers again").arg(sample.server));
        checkWriters(sample, out);
        return out;
    }
    st.configured = true;

    QList<ReplicationEvent> problems;
    std::swap(out, problems);
    // the SQL thread: an error (it stops on one) or a plain stop
    const bool sqlNewlyStopped = !r.sqlRunning && !st.sqlStopped;
    if (r.lastSqlErrno != 0 && (r.lastSqlErrno != st.sqlErrno || sqlNewlyStopped)) {
        emitEvent(ReplicationEvent::Kind::SqlError,
            // the server's own words: the title and the code are shown beside them (ReplicationEvent::code)
            withState(r.lastSqlError.isEmpty() ? r.sqlErrorText() : r.lastSqlError,
                r.sqlRunning ? QString() : ReplicationEventDetector::tr("stopped")),
            r.lastSqlErrno);
    } else if (sqlNewlyStopped) {
        emitEvent(ReplicationEvent::Kind::SqlThreadStopped,
            withState(ReplicationEventDetector::tr("the SQL thread of %1 is not running").arg(sample.server),
                r.sqlState));
    }
    st.sqlErrno = r.lastSqlErrno;
    st.sqlStopped = !r.sqlRunning;

    // the IO thread: an error (it keeps retrying in "Connecting") or a plain stop
    const bool ioNewlyStopped = !r.ioRunning && !st.ioStopped;
    if (r.lastIoErrno != 0 && (r.lastIoErrno != st.ioErrno || ioNewlyStopped)) {
        emitEvent(ReplicationEvent::Kind::IoError,
            withState(r.lastIoError.isEmpty() ? r.ioErrorText() : r.lastIoError, r.ioState), r.lastIoErrno);
    } else if (ioNewlyStopped) {
        emitEvent(ReplicationEvent::Kind::IoThreadStopped,
            withState(ReplicationEventDetector::tr("the IO thread of %1 is not running").arg(sample.server),
                r.ioState));
    }
    st.ioErrno = r.lastIoErrno;
    st.ioStopped = !r.ioRunning;

    const std::optional<double> lag = sample.effectiveLag();
    if (lag && *lag > m_lagThreshold && !st.lagHigh) {
        emitEvent(ReplicationEvent::Kind::LagHigh,
            ReplicationEventDetector::tr("%1 is %2 s behind its source (threshold %3 s)")
                .arg(sample.server)
                .arg(*lag, 0, 'f', 1)
                .arg(m_lagThreshold, 0, 'f', 1));
        st.lagHigh = true;
    } else if (st.lagHigh && (!lag || *lag <= m_lagThreshold)) {
        st.lagHigh = false;
    }
    std::swap(out, problems);

    if (wasUnreachable && st.problem())
        emitEvent(ReplicationEvent::Kind::ServerReachable,
            ReplicationEventDetector::tr("server %1 answers again").arg(sample.server));
    out.append(problems);
    if (!first && (hadProblem || wasUnreachable) && !st.problem())
        emitEvent(ReplicationEvent::Kind::Recovered,
            wasUnreachable
                ? ReplicationEventDetector::tr("server %1 answers again and replicates").arg(sample.server)
                : ReplicationEventDetector::tr("replication on %1 is healthy again").arg(sample.server));
    checkWriters(sample, out);
    return out;
}
