#include "skipcommand.h"

#include "actions/replicarepair.h"
#include "cli.h"
#include "host/serverworker.h"

#include <QJsonDocument>
#include <QJsonObject>

int SkipCommand::run(const PairProfile& profile, const CliOptions& options)
{
    int index = -1;
    for (int i = 0; i < 2; ++i)
        if (profile.servers[i].name == options.server)
            index = i;
    if (index < 0)
        return Cli::badInput(tr("skip needs --server with the name of one of the two servers"));
    const QString token = options.confirm;
    ServerWorker worker(index, profile.servers[index]);
    const Result<QString> r = worker.run([token](ServerContext& ctx) -> Result<QString> {
        if (auto c = ctx.connect(); !c)
            return std::unexpected(c.error());
        if (!token.isEmpty())
            return ReplicaRepair::skipConfirmedEvent(ctx, token);
        auto e = ReplicaRepair::failingEvent(ctx);
        if (!e)
            return std::unexpected(e.error());
        return tr("The SQL thread stopped on error %1: %2\nThe event group it could not apply:\n  %3\n"
                  "Skipping it leaves the servers different. To skip exactly this event: --confirm %4")
            .arg(e->errorCode)
            .arg(e->errorText, e->events.join(QStringLiteral("\n  ")), e->token);
    });
    if (!r) {
        Cli::printFailure(r.error(), options.json);
        return Cli::Failed;
    }
    if (!token.isEmpty())
        ReplicaRepair::recordSkip(profile, options.server, token);
    if (options.json)
        Cli::out() << QJsonDocument(
            QJsonObject { { QStringLiteral("server"), options.server },
                { QStringLiteral("skipped"), !token.isEmpty() }, { QStringLiteral("text"), *r } })
                          .toJson(QJsonDocument::Compact)
                   << Qt::endl;
    else
        Cli::out() << *r << Qt::endl;
    return token.isEmpty() ? Cli::Failed : Cli::Success; // shown, not skipped: not done yet
}
