#include "host/blockpipe.h"

#include <QDeadlineTimer>

namespace {
/** Small pieces are gathered into blocks of this size: fewer, larger writes on the reader's side. */
constexpr qsizetype BlockBytes = 256 * 1024;
} // namespace

BlockPipe::BlockPipe(qint64 capacityBytes)
    : m_capacity(qMax<qint64>(capacityBytes, BlockBytes))
{ }

bool BlockPipe::push(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return !broken();
    QMutexLocker lock(&m_mutex);
    while (!m_broken && m_queued >= m_capacity)
        m_changed.wait(&m_mutex);
    if (m_broken)
        return false;
    if (m_blocks.isEmpty() || m_blocks.last().size() >= BlockBytes) {
        m_blocks.enqueue(QByteArray());
        m_blocks.last().reserve(qMax(BlockBytes, bytes.size()));
    }
    m_blocks.last().append(bytes);
    m_queued += bytes.size();
    m_in += bytes.size();
    m_changed.wakeAll();
    return true;
}

void BlockPipe::finish()
{
    QMutexLocker lock(&m_mutex);
    m_finished = true;
    m_changed.wakeAll();
}

bool BlockPipe::breakOff()
{
    QMutexLocker lock(&m_mutex);
    if (m_broken)
        return false;
    m_broken = true;
    m_blocks.clear();
    m_queued = 0;
    m_changed.wakeAll();
    return true;
}

bool BlockPipe::broken() const
{
    QMutexLocker lock(&m_mutex);
    return m_broken;
}

bool BlockPipe::finished() const
{
    QMutexLocker lock(&m_mutex);
    return m_finished;
}

CommandStream::Next BlockPipe::pop(QByteArray& block, int waitMs)
{
    QMutexLocker lock(&m_mutex);
    if (m_blocks.isEmpty() && !m_finished && !m_broken)
        m_changed.wait(&m_mutex, QDeadlineTimer(waitMs));
    if (m_broken)
        return CommandStream::Next::Later; // not End: the command is stopped, its input not ended
    if (m_blocks.isEmpty())
        return m_finished ? CommandStream::Next::End : CommandStream::Next::Later;
    block = m_blocks.dequeue();
    m_queued -= block.size();
    m_out += block.size();
    m_changed.wakeAll();
    return CommandStream::Next::Data;
}

qint64 BlockPipe::bytesIn() const
{
    QMutexLocker lock(&m_mutex);
    return m_in;
}

qint64 BlockPipe::bytesOut() const
{
    QMutexLocker lock(&m_mutex);
    return m_out;
}

CommandStream BlockPipe::sourceEnd(int idleTimeoutMs)
{
    CommandStream ends;
    ends.output = [this](QByteArrayView piece) { return push(piece); };
    ends.stopped = [this] { return broken(); };
    ends.idleTimeoutMs = idleTimeoutMs;
    return ends;
}

CommandStream BlockPipe::targetEnd(int idleTimeoutMs)
{
    CommandStream ends;
    ends.input = [this](QByteArray& piece) { return pop(piece); };
    ends.stopped = [this] { return broken(); };
    ends.idleTimeoutMs = idleTimeoutMs;
    return ends;
}
