#include "common/stepid.h"

const QList<StepId::Entry>& StepId::entries()
{
    static const QList<Entry> table {
        { &Inspect, QT_TR_NOOP("inspect") },
        { &ReachPeer, QT_TR_NOOP("reach peer") },
        { &CheckTls, QT_TR_NOOP("check TLS") },
        { &Preflight, QT_TR_NOOP("pre-flight") },
        { &PlanChanged, QT_TR_NOOP("plan changed") },
        { &ReadConfig, QT_TR_NOOP("read config") },
        { &CheckConfig, QT_TR_NOOP("check config") },
        { &Config, QT_TR_NOOP("config") },
        { &ReplicationUser, QT_TR_NOOP("replication user") },
        { &Copy, QT_TR_NOOP("copy data") },
        { &Coordinates, QT_TR_NOOP("coordinates") },
        { &ChangeSource, QT_TR_NOOP("change source") },
        { &Verify, QT_TR_NOOP("verify") },
        { &WriterRole, QT_TR_NOOP("writer role") },
        { &Heartbeat, QT_TR_NOOP("heartbeat") },
        { &VerifyData, QT_TR_NOOP("compare data") },
        { &Setup, QT_TR_NOOP("setup") },
        { &Cancel, QT_TR_NOOP("cancel") },
        { &Recover, QT_TR_NOOP("recover") },
        { &Journal, QT_TR_NOOP("journal") },
        { &Profile, QT_TR_NOOP("profile") },
        { &Credentials, QT_TR_NOOP("credentials") },
        { &Keychain, QT_TR_NOOP("keychain") },
        { &Connect, QT_TR_NOOP("connect") },
        { &Sql, QT_TR_NOOP("sql") },
        { &Ssh, QT_TR_NOOP("ssh") },
        { &Sudo, QT_TR_NOOP("sudo") },
        { &FileExists, QT_TR_NOOP("check file") },
        { &ReadFile, QT_TR_NOOP("read file") },
        { &WriteFile, QT_TR_NOOP("write file") },
        { &Backup, QT_TR_NOOP("backup") },
        { &RemoveFile, QT_TR_NOOP("remove file") },
        { &ListFolder, QT_TR_NOOP("list folder") },
        { &RunCommand, QT_TR_NOOP("run command") },
        { &LocateServer, QT_TR_NOOP("locate server") },
        { &Restart, QT_TR_NOOP("restart") },
        { &VerifyConfig, QT_TR_NOOP("verify config") },
        { &Sandbox, QT_TR_NOOP("sandbox") },
        { &Poll, QT_TR_NOOP("poll") },
        { &Monitor, QT_TR_NOOP("monitor") },
        { &StartReplica, QT_TR_NOOP("start replica") },
        { &StopReplica, QT_TR_NOOP("stop replica") },
        { &FailingEvent, QT_TR_NOOP("failing event") },
        { &SkipEvent, QT_TR_NOOP("skip event") },
        { &CompareData, QT_TR_NOOP("compare data") },
        { &Switchover, QT_TR_NOOP("switchover") },
        { &Failover, QT_TR_NOOP("failover") },
        { &SwitchGuards, QT_TR_NOOP("switch checks") },
        { &RunHook, QT_TR_NOOP("run hook") },
        { &SetReadOnly, QT_TR_NOOP("set read-only") },
        { &WaitTransactions, QT_TR_NOOP("wait for transactions") },
        { &FinalPosition, QT_TR_NOOP("final position") },
        { &WaitApplied, QT_TR_NOOP("wait until applied") },
        { &OpenWriter, QT_TR_NOOP("open the new writer") },
        { &VerifyWriter, QT_TR_NOOP("verify the new writer") },
        { &Rollback, QT_TR_NOOP("roll back") },
        { &Fence, QT_TR_NOOP("fence") },
        { &Rejoin, QT_TR_NOOP("rejoin") },
        { &Rebuild, QT_TR_NOOP("rebuild") },
        { &RebuildGuards, QT_TR_NOOP("rebuild checks") },
        { &ResetReplica, QT_TR_NOOP("reset replica settings") },
        { &CheckRebuilt, QT_TR_NOOP("check the rebuilt server") },
    };
    return table;
}

QString StepId::title(const QString& id)
{
    for (const Entry& e : entries())
        if (id == *e.id)
            return tr(e.title);
    return id;
}

bool StepId::isKnown(const QString& id)
{
    for (const Entry& e : entries())
        if (id == *e.id)
            return true;
    return false;
}

QStringList StepId::all()
{
    QStringList ids;
    for (const Entry& e : entries())
        ids << *e.id;
    return ids;
}
