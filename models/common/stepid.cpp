#include "common/stepid.h"

#include <QLatin1StringView>

QString StepId::title(const QString& id)
{
    struct Entry
    {
        const char* id;
        const char* title;
    };
    static const Entry table[] = {
        { "inspect", QT_TR_NOOP("inspect") },
        { "reach-peer", QT_TR_NOOP("reach peer") },
        { "preflight", QT_TR_NOOP("pre-flight") },
        { "read-config", QT_TR_NOOP("read config") },
        { "check-config", QT_TR_NOOP("check config") },
        { "config", QT_TR_NOOP("config") },
        { "replication-user", QT_TR_NOOP("replication user") },
        { "coordinates", QT_TR_NOOP("coordinates") },
        { "change-source", QT_TR_NOOP("change source") },
        { "copy", QT_TR_NOOP("copy data") },
        { "verify", QT_TR_NOOP("verify") },
        { "verify-data", QT_TR_NOOP("compare data") },
        { "heartbeat", QT_TR_NOOP("heartbeat") },
        { "setup", QT_TR_NOOP("setup") },
        { "cancel", QT_TR_NOOP("cancel") },
        { "profile", QT_TR_NOOP("profile") },
        { "credentials", QT_TR_NOOP("credentials") },
        { "connect", QT_TR_NOOP("connect") },
        { "restart", QT_TR_NOOP("restart") },
        { "verify-config", QT_TR_NOOP("verify config") },
        { "failing-event", QT_TR_NOOP("failing event") },
        { "skip-event", QT_TR_NOOP("skip event") },
        { "sql", QT_TR_NOOP("sql") },
        { "ssh", QT_TR_NOOP("ssh") },
        { "sandbox", QT_TR_NOOP("sandbox") },
    };
    for (const Entry& e : table)
        if (id == QLatin1StringView(e.id))
            return tr(e.title);
    return id;
}
