#pragma once

#include <QCoreApplication>
#include <QString>

/** The stable ids of the steps that errors and setup events name. Machine output (JSON, the journal,
 *  row keys) carries the id, which never changes with the language; people see title(id). */
class StepId
{
    Q_DECLARE_TR_FUNCTIONS(StepId)
public:
    // the setup checklist, in order
    static inline const QString Inspect = QStringLiteral("inspect");
    static inline const QString ReachPeer = QStringLiteral("reach-peer");
    static inline const QString Preflight = QStringLiteral("preflight");
    static inline const QString ReadConfig = QStringLiteral("read-config");
    static inline const QString CheckConfig = QStringLiteral("check-config");
    static inline const QString Config = QStringLiteral("config");
    static inline const QString ReplicationUser = QStringLiteral("replication-user");
    static inline const QString Coordinates = QStringLiteral("coordinates");
    static inline const QString ChangeSource = QStringLiteral("change-source");
    static inline const QString Copy = QStringLiteral("copy");
    static inline const QString Verify = QStringLiteral("verify");
    static inline const QString VerifyData = QStringLiteral("verify-data");
    static inline const QString Heartbeat = QStringLiteral("heartbeat");
    static inline const QString Setup = QStringLiteral("setup");
    static inline const QString Cancel = QStringLiteral("cancel");
    // what the steps are made of
    static inline const QString Profile = QStringLiteral("profile");
    static inline const QString Credentials = QStringLiteral("credentials");
    static inline const QString Connect = QStringLiteral("connect");
    static inline const QString Restart = QStringLiteral("restart");
    static inline const QString VerifyConfig = QStringLiteral("verify-config");
    static inline const QString FailingEvent = QStringLiteral("failing-event");
    static inline const QString SkipEvent = QStringLiteral("skip-event");

    /** The translated title of step @p id; an unknown id is shown as it is. */
    static QString title(const QString& id);
};
