#include "skipcommand.h"

#include "actions/replicarepair.h"
#include "cli.h"
#include "host/serverworker.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

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
    // for --json: the event shown, by its parts (the token to confirm it with, the server's errno)
    auto shown = std::make_shared<QJsonObject>();
    const Result<QString> r = worker.run([token, shown](ServerContext& ctx) -> Result<QString> {
        if (auto c = ctx.connect(); !c)
            return std::unexpected(c.error());
        if (!token.isEmpty())
            return ReplicaRepair::skipConfirmedEvent(ctx, token);
        auto e = ReplicaRepair::failingEvent(ctx);
        if (!e)
            return std::unexpected(e.error());
        *shown = QJsonObject { { QStringLiteral("token"), e->token },
            { QStringLiteral("errno"), e->errorCode }, { QStringLiteral("error"), e->errorText },
            { QStringLiteral("events"), QJsonArray::fromStringList(e->events) } };
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
    if (options.json) {
        QJsonObject o = *shown;
        o.insert(QStringLiteral("server"), options.server);
        o.insert(QStringLiteral("skipped"), !token.isEmpty());
        o.insert(QStringLiteral("text"), *r);
        if (!token.isEmpty())
            o.insert(QStringLiteral("token"), token);
        o.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        Cli::out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    } else
        Cli::out() << *r << Qt::endl;
    return token.isEmpty() ? Cli::Failed : Cli::Success; // shown, not skipped: not done yet
}
