#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/** The stable ids of the steps that errors and setup events name. Machine output (JSON, the journal,
 *  row keys) carries the id, which never changes with the language; people see title(id). Every id is
 *  lowercase ASCII words joined by dashes and has a title in stepid.cpp. */
class StepId
{
    Q_DECLARE_TR_FUNCTIONS(StepId)
public:
    // the setup checklist, in order
    static inline const QString Inspect = QStringLiteral("inspect");
    static inline const QString ReachPeer = QStringLiteral("reach-peer");
    static inline const QString CheckTls = QStringLiteral("check-tls");
    static inline const QString Preflight = QStringLiteral("preflight");
    static inline const QString PlanChanged = QStringLiteral("plan-changed");
    static inline const QString ReadConfig = QStringLiteral("read-config");
    static inline const QString CheckConfig = QStringLiteral("check-config");
    static inline const QString Config = QStringLiteral("config");
    static inline const QString ReplicationUser = QStringLiteral("replication-user");
    static inline const QString Copy = QStringLiteral("copy");
    static inline const QString Coordinates = QStringLiteral("coordinates");
    static inline const QString ChangeSource = QStringLiteral("change-source");
    static inline const QString Verify = QStringLiteral("verify");
    static inline const QString WriterRole = QStringLiteral("writer-role");
    static inline const QString Heartbeat = QStringLiteral("heartbeat");
    static inline const QString VerifyData = QStringLiteral("verify-data");
    static inline const QString Setup = QStringLiteral("setup");
    static inline const QString Cancel = QStringLiteral("cancel");
    static inline const QString Recover = QStringLiteral("recover");
    static inline const QString Journal = QStringLiteral("journal");
    // what the steps are made of
    static inline const QString Profile = QStringLiteral("profile");
    static inline const QString Credentials = QStringLiteral("credentials");
    static inline const QString Keychain = QStringLiteral("keychain");
    static inline const QString Connect = QStringLiteral("connect");
    static inline const QString Sql = QStringLiteral("sql");
    static inline const QString Ssh = QStringLiteral("ssh");
    static inline const QString Sudo = QStringLiteral("sudo");
    static inline const QString FileExists = QStringLiteral("file-exists");
    static inline const QString ReadFile = QStringLiteral("read-file");
    static inline const QString WriteFile = QStringLiteral("write-file");
    static inline const QString Backup = QStringLiteral("backup");
    static inline const QString RemoveFile = QStringLiteral("remove-file");
    static inline const QString ListFolder = QStringLiteral("list-folder");
    static inline const QString RunCommand = QStringLiteral("run-command");
    static inline const QString LocateServer = QStringLiteral("locate-server");
    static inline const QString Restart = QStringLiteral("restart");
    static inline const QString VerifyConfig = QStringLiteral("verify-config");
    static inline const QString Sandbox = QStringLiteral("sandbox");
    // monitoring and the actions on a running pair
    static inline const QString Poll = QStringLiteral("poll");
    static inline const QString Monitor = QStringLiteral("monitor");
    static inline const QString StartReplica = QStringLiteral("start-replica");
    static inline const QString StopReplica = QStringLiteral("stop-replica");
    static inline const QString FailingEvent = QStringLiteral("failing-event");
    static inline const QString SkipEvent = QStringLiteral("skip-event");
    static inline const QString CompareData = QStringLiteral("compare-data");
    // moving the writer role (switchover, failover)
    static inline const QString Switchover = QStringLiteral("switchover");
    static inline const QString Failover = QStringLiteral("failover");
    static inline const QString SwitchGuards = QStringLiteral("switch-guards");
    static inline const QString RunHook = QStringLiteral("run-hook");
    static inline const QString SetReadOnly = QStringLiteral("set-read-only");
    static inline const QString WaitTransactions = QStringLiteral("wait-transactions");
    static inline const QString FinalPosition = QStringLiteral("final-position");
    static inline const QString WaitApplied = QStringLiteral("wait-applied");
    static inline const QString OpenWriter = QStringLiteral("open-writer");
    static inline const QString VerifyWriter = QStringLiteral("verify-writer");
    static inline const QString Rollback = QStringLiteral("rollback");
    static inline const QString Fence = QStringLiteral("fence");
    static inline const QString Rejoin = QStringLiteral("rejoin");
    // rebuilding a server from its peer
    static inline const QString Rebuild = QStringLiteral("rebuild");
    static inline const QString RebuildGuards = QStringLiteral("rebuild-guards");
    static inline const QString ResetReplica = QStringLiteral("reset-replica");
    static inline const QString CheckRebuilt = QStringLiteral("check-rebuilt");

    /** The translated title of step @p id; an unknown id is shown as it is. */
    static QString title(const QString& id);
    /** Whether @p id is one of the constants above (and so has a title). */
    static bool isKnown(const QString& id);
    /** Every id above, in the order of the header. */
    static QStringList all();

private:
    struct Entry
    {
        const QString* id;
        const char* title;
    };
    static const QList<Entry>& entries();
};
