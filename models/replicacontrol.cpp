#include "replicacontrol.h"

#include "serverworker.h"

#include <QCoreApplication>

ReplicaControl::ReplicaControl(const PairProfile& profile, QObject* parent)
    : QObject(parent)
{
    for (int i = 0; i < 2; ++i)
        m_workers[i] = std::make_unique<ServerWorker>(i, profile.servers[i]);
}

ReplicaControl::~ReplicaControl() = default;

QFuture<Result<QString>> ReplicaControl::setReplicaRunning(int index, bool running)
{
    ++m_pending;
    QFuture<Result<QString>> job = m_workers[index]->submit([running](ServerContext& ctx) -> Result<QString> {
        if (!ctx.sql || !ctx.sql->isOpen()) {
            if (auto c = ctx.connect(); !c)
                return std::unexpected(c.error());
        }
        const QString sql = running ? ctx.dialect.startReplica() : ctx.dialect.stopReplica();
        ctx.sql->setStep(running ? QStringLiteral("start replica") : QStringLiteral("stop replica"));
        auto done = ctx.sql->exec(sql);
        if (!done) {
            ctx.sql->close(); // reconnect next time
            return std::unexpected(done.error());
        }
        return running ? QCoreApplication::translate("ReplicaControl", "replication started on %1 (%2)")
                             .arg(ctx.profile.name, sql)
                       : QCoreApplication::translate("ReplicaControl", "replication stopped on %1 (%2)")
                             .arg(ctx.profile.name, sql);
    });
    job.then(this, [this](const Result<QString>&) {
        if (--m_pending == 0 && m_retired)
            deleteLater();
    });
    return job;
}

void ReplicaControl::retire()
{
    m_retired = true;
    setParent(nullptr);
    if (m_pending == 0)
        deleteLater();
}
