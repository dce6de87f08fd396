#include "actions/replicacontrol.h"

#include "common/stepid.h"
#include "host/serverworker.h"

#include <QCoreApplication>
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
    return track(m_workers[index]->submit([confirmedToken](ServerContext& ctx) -> Result<QString> {
        if (auto c = ensureConnected(ctx); !c)
            return std::unexpected(c.error());
        return ReplicaRepair::skipConfirmedEvent(ctx, confirmedToken);
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
        ctx.sql->setStep(running ? StepId::StartReplica : StepId::StopReplica);
        auto done = ctx.sql->exec(sql);
        if (!done) {
            ctx.sql->close(); // reconnect next time
            return std::unexpected(done.error());
        }
        return running ? ReplicaControl::tr("replication started on %1 (%2)").arg(ctx.profile.name, sql)
                       : ReplicaControl::tr("replication stopped on %1 (%2)").arg(ctx.profile.name, sql);
    }));
}

void ReplicaControl::retire()
{
    m_retired = true;
    setParent(nullptr);
    if (m_pending == 0)
        deleteLater();
}
