#pragma once

#include "monitor/replicationevent.h"
#include "monitor/statussample.h"
#include "monitor/writercheck.h"

#include <QCoreApplication>
#include <QList>

/** Turns a stream of samples into events on state changes only: a condition is reported when it
 *  appears (also on the first sample), not again while it lasts, and "recovered" when all are gone. */
class ReplicationEventDetector
{
    Q_DECLARE_TR_FUNCTIONS(ReplicationEventDetector)
public:
    static constexpr double DefaultLagThresholdSec = 10.0;

    explicit ReplicationEventDetector(int servers = 2);

    void setLagThreshold(double seconds) { m_lagThreshold = seconds; }
    /** The profile's writer (0 or 1): both servers writable, or neither, is then an event; -1 (two
     *  writers, the default): never. */
    void setWriterIndex(int index) { m_writerIndex = index; }
    double lagThreshold() const { return m_lagThreshold; }

    /** The events @p sample causes, in the order an admin should read them. */
    QList<ReplicationEvent> process(const StatusSample& sample);
    void reset();

private:
    /** What was last reported for one server. */
    struct ServerState
    {
        bool seen = false;
        bool unreachable = false;
        bool configured = false;
        bool ioStopped = false;
        bool sqlStopped = false;
        int ioErrno = 0;
        int sqlErrno = 0;
        bool lagHigh = false;
        QString name;
        std::optional<bool> writable; ///< the last answer's read_only, inverted; empty while away
        /** An error number left behind by a thread that runs again is history, not a problem. */
        bool problem() const { return unreachable || ioStopped || sqlStopped || lagHigh; }
    };

    /** A TwoWriters / NoWriter / OneWriter event when the pair's writer verdict changed. */
    void checkWriters(const StatusSample& sample, QList<ReplicationEvent>& out);

    QList<ServerState> m_states;
    int m_writerIndex = -1;
    WriterCheck::Verdict m_writerVerdict = WriterCheck::Verdict::Fine;
    double m_lagThreshold = DefaultLagThresholdSec;
};
