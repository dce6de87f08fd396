#include "actions/replicacontrol.h"

#include "common/stepid.h"
#include "host/restartdetector.h"
#include "host/serverrestart.h"
#include "host/serverworker.h"
#include "sql/replicastatus.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QtConcurrent>

ReplicaControl::ReplicaControl(const PairProfile& profile, QObject* parent)
    : QObject(parent)
    , m_profile(profile)
{
    for (int i = 0; i < 2; ++i)
        m_workers[i] = std::make_unique<ServerWorker>(i, profile.servers[i]);
}

ReplicaControl::~ReplicaControl() = default;

namespace {
Result<void> ensureConnected(ServerContext& ctx)
{
    if (ctx.sql && ctx.sql->isOpen())
        return {};
    return ctx.connect();
}
} // namespace

template<typename T> QFuture<T> ReplicaControl::track(QFuture<T> job)
{
    ++m_pending;
    job.then(this, [this](const T&) {
        if (--m_pending == 0 && m_retired)
            deleteLater();
    });
    return job;
}

QFuture<Result<FailingEvent>> ReplicaControl::failingEvent(int index)
{
    return track(m_workers[index]->submit([](ServerContext& ctx) -> Result<FailingEvent> {
        if (auto c = ensureConnected(ctx); !c)
            return std::unexpected(c.error());
        return ReplicaRepair::failingEvent(ctx);
    }));
}

QFuture<Result<QString>> ReplicaControl::skipConfirmedEvent(int index, const QString& confirmedToken)
{
    const PairProfile profile = m_profile;
    return track(m_workers[index]->submit([confirmedToken, profile](ServerContext& ctx) -> Result<QString> {
        if (auto c = ensureConnected(ctx); !c)
            return std::unexpected(c.error());
        auto skipped = ReplicaRepair::skipConfirmedEvent(ctx, confirmedToken);
        if (skipped)
            ReplicaRepair::recordSkip(profile, ctx.profile.name, confirmedToken);
        return skipped;
    }));
}

QFuture<Result<ReplicaControl::Comparison>> ReplicaControl::compareData()
{
    ServerWorker* a = m_workers[0].get();
    ServerWorker* b = m_workers[1].get();
    const PairProfile profile = m_profile;
    // DataComparison waits on both workers: that waiting happens on a pool thread, never the caller's
    return track(QtConcurrent::run([profile, a, b]() -> Result<Comparison> {
        for (ServerWorker* w : { a, b }) {
            if (const auto c = w->run([](ServerContext& ctx) { return ensureConnected(ctx); }); !c)
                return std::unexpected(c.error());
        }
        Comparison out;
        auto diffs = DataComparison::compare(profile, a, b, &out.tablesCompared);
        if (!diffs)
            return std::unexpected(diffs.error());
        out.differences = *diffs;
        return out;
    }));
}

QFuture<Result<ConfigFootprint>> ReplicaControl::configFootprint(int index)
{
    return track(m_workers[index]->submit([](ServerContext& ctx) { return ConfigFootprint::read(ctx); }));
}

QFuture<Result<QString>> ReplicaControl::setReplicaRunning(int index, bool running)
{
    return track(m_workers[index]->submit([running](ServerContext& ctx) -> Result<QString> {
        if (!ctx.sql || !ctx.sql->isOpen()) {
            if (auto c = ctx.connect(); !c)
                return std::unexpected(c.error());
        }
        const QString sql = running ? ctx.dialect.startReplica() : ctx.dialect.stopReplica();
        const QString step = running ? StepId::StartReplica : StepId::StopReplica;
        ctx.sql->setStep(step);
        auto done = ctx.sql->exec(sql);
        if (!done) {
            ctx.sql->close(); // reconnect next time
            return std::unexpected(done.error());
        }
        if (!running)
            return ReplicaControl::tr("replication stopped on %1").arg(ctx.profile.name);
        // a START that the server accepts may still change nothing (its source is down, the same event
        // fails again): look until both threads run without an error, for a few seconds, and say so if not
        ReplicaStatus status;
        QElapsedTimer clock;
        clock.start();
        for (int wait = 100;; wait = std::min(wait * 2, 800)) {
            auto rows = ctx.sql->query(ctx.dialect.showReplicaStatus());
            if (!rows)
                return std::unexpected(rows.error());
            status = rows->isEmpty() ? ReplicaStatus() : ReplicaStatus::fromRow(rows->first(), ctx.dialect);
            const bool fine = status.configured && status.ioRunning && status.sqlRunning
                && status.lastIoErrno == 0 && status.lastSqlErrno == 0;
            if (fine)
                return ReplicaControl::tr("replication started on %1: both threads run")
                    .arg(ctx.profile.name);
            if (clock.elapsed() > 4000)
                break;
            QThread::msleep(ulong(wait));
        }
        const QString why = !status.configured ? ReplicaControl::tr("no replication is configured")
            : !status.lastError().isEmpty()    ? status.lastError()
                                               : ReplicaControl::tr("IO thread %1, SQL thread %2")
                                                  .arg(status.ioThreadText(), status.sqlThreadText());
        return stepFailure(ctx.profile.name, step,
            ReplicaControl::tr("replication on %1 did not start — the server took the command, but nothing "
                               "changed: %2")
                .arg(ctx.profile.name, why));
    }));
}

QFuture<Result<QString>> ReplicaControl::startServer(
    int index, const QString& errorLog, const QString& dataDir)
{
    return track(m_workers[index]->submit([errorLog, dataDir](ServerContext& ctx) -> Result<QString> {
        const QString name = ctx.profile.name;
        if (ctx.connect(2))
            return stepFailure(name, StepId::Restart,
                ReplicaControl::tr("%1 answers already: nothing was started").arg(name));
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        QString command = ctx.profile.restartCommand;
        if (command.isEmpty() || command == QLatin1String("auto")) {
            auto found = RestartDetector(**shell, name).detect({});
            if (!found)
                return std::unexpected(found.error());
            command = found->command;
        }
        // the same detached, verified start as setup's restart: the command runs in its own process group
        // on the host, and the server counts as back only once the server of this configuration answers
        // as a new process and stays up
        ServerRestart::Options options;
        options.command = command;
        options.errorLog = errorLog;
        options.timeoutMs = ctx.profile.restartTimeoutSeconds * 1000;
        options.expected.dataDir = dataDir;
        options.expected.port = ctx.profile.port;
        ServerRestart start(ctx, options);
        if (auto back = start.run(); !back)
            return std::unexpected(back.error());
        return ReplicaControl::tr("%1 started with its restart command (%2) and answers again")
            .arg(name, command);
    }));
}

void ReplicaControl::retire()
{
    m_retired = true;
    setParent(nullptr);
    if (m_pending == 0)
        deleteLater();
}
