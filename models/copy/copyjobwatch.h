#pragma once

#include "common/steperror.h"
#include "copy/copyprogress.h"

#include <QCoreApplication>
#include <QMap>
#include <QStringList>

#include <atomic>
#include <functional>

class CopyReceiver;
class RemoteJob;

/** Starts one job of the copy (save, copy, restore) on the receiver's host and watches it to its end:
 *  a poll a second (one sleep on the host, cut short when the job ends), each turned into a progress
 *  report — the bytes the dump wrote, and for the copy the tables and rows the receiver holds so far. */
class CopyJobWatch
{
    Q_DECLARE_TR_FUNCTIONS(CopyJobWatch)
public:
    using ProgressFn = std::function<void(const CopyProgress&)>;

    CopyJobWatch(CopyReceiver& receiver, RemoteJob& job, const std::atomic_bool* cancel, ProgressFn progress);
    void setPollIntervalMs(int ms) { m_pollMs = ms; }
    /** For the copy phase: count what the receiver holds in @p databases made since @p since (its clock). */
    void countLoaded(const QStringList& databases, const QString& since);

    struct Outcome
    {
        QMap<QString, QString> values; ///< dump.rc, load.rc, ... as the job left them
        qint64 bytes = 0;
        int tables = 0;
        qint64 elapsedMs = 0;
    };
    /** Starts @p script as job @p name and waits for it; fails on cancel when @p cancellable. */
    Result<Outcome> run(const QString& name, const QString& script, CopyProgress progress, bool cancellable);
    bool running() const { return m_running; }
    /** Stops the running job's whole process group. */
    Result<void> stop();

private:
    CopyReceiver& m_receiver;
    RemoteJob& m_job;
    const std::atomic_bool* m_cancel;
    ProgressFn m_progress;
    int m_pollMs = 1000;
    static constexpr int kCancelCheckMs = 250;
    QStringList m_databases;
    QString m_since;
    bool m_running = false;
};
