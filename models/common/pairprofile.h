#pragma once

#include "common/serverprofile.h"
#include "common/steperror.h"
#include "common/tlssettings.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

enum class GtidMode { Auto, On, Off };
/** How the pair limits replication to its databases. */
enum class FilterStyle {
    Wild, ///< binary log keeps every database; replicas filter with replicate-wild-do/ignore-table=<db>.%
    DoDb, ///< the seed's binlog-do-db/replicate-do-db: by the default database (USE), not the table's
};
/** Whether setup may restart a server to apply a setting that needs it. */
enum class RestartPolicy {
    Auto, ///< only a server whose binary log is off (turning it on needs the restart); others keep running
    Allowed, ///< any server with a changed setting that needs a restart
    Never, ///< none: settings that need one wait in the option file for the next planned restart
};

/** How `setup --copy-from` copies the data (the profile's "copyMethod"). */
enum class CopyMethod {
    Logical, ///< mariadb-dump | mariadb of the replicated databases (DataCopy)
    Physical, ///< mariadb-backup --stream | mbstream of the whole server (PhysicalCopy)
    Auto, ///< physical above PhysicalCopyCheck::AutoThresholdBytes when the tools are on both hosts
};

/** Commands run on the machine running RepliPair around a switchover of the writer (empty: none). */
struct SwitchHooks
{
    QString beforeSwitch; ///< a non-zero exit aborts the switch
    QString afterSwitch;
    QString rollback; ///< run when a switch is undone
    int timeoutSeconds = 30; ///< each hook is stopped after this long

    bool isDefault() const;
    QJsonObject toJson() const;
};

/** A `*.replipair.json` pair profile: the two servers, the databases and the options. */
struct PairProfile
{
    Q_DECLARE_TR_FUNCTIONS(PairProfile)
public:
    QString name;
    QStringList databases;
    QStringList ignoreDatabases;
    QString replicationUser = QStringLiteral("replication");
    QString replicationUserHost = QStringLiteral("peer"); ///< "peer" or an explicit host/pattern
    GtidMode gtid = GtidMode::Auto;
    bool autoIncrement = true;
    /** "tls": the mode of every link (replication and RepliPair's own) and RepliPair's files. */
    TlsSettings tls;
    QString binlogFormat; ///< empty: leave as is; else ROW/MIXED/STATEMENT
    int syncBinlog = 1;
    bool rollingRestart = false; ///< restart one server, wait until it is back and verified, then the other
    FilterStyle filterStyle = FilterStyle::Wild;
    RestartPolicy restart = RestartPolicy::Auto;
    int initialCopy = -1; ///< index of the server whose databases are copied to the other first; -1: no copy
    bool replaceTarget = false; ///< the copy may replace the receiver's non-empty databases (saved first)
    CopyMethod copyMethod = CopyMethod::Logical;
    /** Index of the server taking the application's writes (the other is read_only); -1: both take
     *  writes (two writers, the behaviour before the writer role existed). */
    int writer = -1;
    SwitchHooks hooks;
    ServerProfile servers[2];

    QString filePath; ///< where it was loaded from (not serialised)
    /** Things said about the file while reading it (an old field read in a new way); not serialised. */
    QStringList notes;

    /** Sets the pair's TLS and each server's copy of it. */
    void setTls(const TlsSettings& settings);

    /** Parses and validates; every problem found is reported in one error. */
    static Result<PairProfile> fromJson(const QJsonObject& json);
    static Result<PairProfile> load(const QString& path);
    QJsonObject toJson() const;
    Result<void> save(const QString& path) const;

    /** The account host the replication user on server @p index gets (the peer's address by default). */
    QString replicationHostFor(int index) const;
    /** Index of the server called @p nameOrLetter ("A"/"B" also stand for the first/second), else -1. */
    int serverIndex(const QString& nameOrLetter) const;
    /** The writer's index (0 or 1), or -1 when both servers take writes. */
    int writerIndex() const { return writer == 0 || writer == 1 ? writer : -1; }
    /** The database the verification probe writes into (first replicated database, else "replipair"). */
    QString probeDatabase() const;

    static QString gtidToString(GtidMode mode);
    static QString filterStyleToString(FilterStyle style);
    static QString copyMethodToString(CopyMethod method);
    static QString restartPolicyToString(RestartPolicy policy);
    /** Whether setup may restart a server whose binary log is @p logBinOn under this profile's policy. */
    bool mayRestart(bool logBinOn) const;
};
