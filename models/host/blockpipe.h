#pragma once

#include "host/hostshell.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QMutex>
#include <QQueue>
#include <QWaitCondition>

/** A bounded pipe of byte blocks from one thread to another: what a command streams out of one host
 *  (HostShell::stream) on its way into a command on another. The writer waits while it is full, the reader
 *  while it is empty; either side, or a third, can break it, which wakes and stops both. Thread-safe. */
class BlockPipe
{
public:
    explicit BlockPipe(qint64 capacityBytes = 16 * 1024 * 1024);

    /** Appends @p bytes, waiting while the pipe is full; false when it is broken. */
    bool push(QByteArrayView bytes);
    /** No more blocks will come: the reader gets End once it has taken the rest. */
    void finish();
    /** Stops both sides: push() fails, pop() has nothing more (Later), broken() is true from now on.
     *  True for the call that broke it (not for a later one). */
    bool breakOff();
    bool broken() const;
    /** finish() was called. */
    bool finished() const;

    /** The next block, waiting up to @p waitMs for one: Data, Later (none yet, or broken) or End
     *  (finished, and all taken). */
    CommandStream::Next pop(QByteArray& block, int waitMs = 100);

    /** Bytes pushed and popped so far. */
    qint64 bytesIn() const;
    qint64 bytesOut() const;

    /** The two ends as CommandStream functions: the source's output, the target's input. */
    CommandStream sourceEnd(int idleTimeoutMs);
    CommandStream targetEnd(int idleTimeoutMs);

private:
    mutable QMutex m_mutex;
    QWaitCondition m_changed;
    QQueue<QByteArray> m_blocks;
    QByteArray m_filling; ///< the block being filled by push(): small pieces are sent together
    qint64 m_capacity;
    qint64 m_queued = 0; ///< bytes in m_blocks and m_filling
    qint64 m_in = 0;
    qint64 m_out = 0;
    bool m_finished = false;
    bool m_broken = false;
};
