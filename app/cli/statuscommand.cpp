#include "statuscommand.h"

#include "cli.h"
#include "host/serverworker.h"
#include "sql/replicastatus.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {
QJsonObject toJson(const ReplicaStatus& s)
{
    return QJsonObject { { QStringLiteral("configured"), s.configured },
        { QStringLiteral("source"),
            s.configured ? QStringLiteral("%1:%2").arg(s.sourceHost).arg(s.sourcePort) : QString() },
        { QStringLiteral("ioRunning"), s.ioRunning }, { QStringLiteral("ioState"), s.ioState },
        { QStringLiteral("sqlRunning"), s.sqlRunning },
        { QStringLiteral("secondsBehind"),
            s.secondsBehind ? QJsonValue(qint64(*s.secondsBehind)) : QJsonValue() },
        { QStringLiteral("lastIoErrno"), s.lastIoErrno }, { QStringLiteral("lastIoError"), s.lastIoError },
        { QStringLiteral("lastSqlErrno"), s.lastSqlErrno },
        { QStringLiteral("lastSqlError"), s.lastSqlError }, { QStringLiteral("usingGtid"), s.usingGtid },
        { QStringLiteral("readPosition"),
            QStringLiteral("%1:%2").arg(s.sourceLogFile).arg(s.readSourceLogPos) },
        { QStringLiteral("execPosition"),
            QStringLiteral("%1:%2").arg(s.relaySourceLogFile).arg(s.execSourceLogPos) } };
}
} // namespace

int StatusCommand::run(const PairProfile& profile, const CliOptions& options)
{
    std::unique_ptr<ServerWorker> workers[2];
    QFuture<Result<ReplicaStatus>> futures[2];
    for (int i = 0; i < 2; ++i) {
        workers[i] = std::make_unique<ServerWorker>(i, profile.servers[i]);
        futures[i] = workers[i]->submit([](ServerContext& ctx) -> Result<ReplicaStatus> {
            if (auto c = ctx.connect(); !c)
                return std::unexpected(c.error());
            auto rows = ctx.sql->query(ctx.dialect.showReplicaStatus());
            if (!rows)
                return std::unexpected(rows.error());
            return ReplicaStatus::fromRow(rows->value(0));
        });
    }
    QTextStream& out = Cli::out();
    bool allHealthy = true;
    for (int i = 0; i < 2; ++i) {
        futures[i].waitForFinished();
        const Result<ReplicaStatus> r = futures[i].result();
        const QString name = profile.servers[i].name;
        QJsonObject o { { QStringLiteral("server"), name }, { QStringLiteral("reachable"), bool(r) } };
        if (!r) {
            allHealthy = false;
            o.insert(QStringLiteral("error"), r.error().text);
            if (options.json)
                out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
            else
                out << tr("%1: unreachable: %2").arg(name, r.error().text) << Qt::endl;
            continue;
        }
        const ReplicaStatus& s = *r;
        allHealthy = allHealthy && s.healthy();
        if (options.json) {
            const QJsonObject fields = toJson(s);
            for (auto it = fields.begin(); it != fields.end(); ++it)
                o.insert(it.key(), it.value());
            out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
        } else if (!s.configured) {
            out << tr("%1: not a replica").arg(name) << Qt::endl;
        } else {
            out << tr("%1: from %2:%3  IO %4  SQL %5  behind %6  exec %7:%8")
                       .arg(name, s.sourceHost)
                       .arg(s.sourcePort)
                       .arg(s.ioState, s.sqlRunning ? tr("Yes") : tr("No"),
                           s.secondsBehind ? tr("%1 s").arg(*s.secondsBehind) : QStringLiteral("NULL"),
                           s.relaySourceLogFile)
                       .arg(s.execSourceLogPos)
                << Qt::endl;
            if (s.lastIoErrno)
                out << tr("   IO error %1: %2").arg(s.lastIoErrno).arg(s.lastIoError) << Qt::endl;
            if (s.lastSqlErrno)
                out << tr("   SQL error %1: %2").arg(s.lastSqlErrno).arg(s.lastSqlError) << Qt::endl;
        }
    }
    return allHealthy ? Cli::Success : Cli::Failed;
}
