#pragma once

#include "common/steperror.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

/** How to reach a server's host over SSH; absent (`"ssh": null`) means the host is this machine. */
struct SshEndpoint
{
    QString host;
    int port = 22;
    QString user;
    QString keyFile; ///< may start with "~/"
    QString keyPassphraseEnv; ///< environment variable holding the key's passphrase
    QString passwordEnv; ///< environment variable holding the SSH password
    QString knownHostsFile = QStringLiteral("~/.ssh/known_hosts");
    bool acceptNewHostKey = false;
    bool sudo = false;

    QJsonObject toJson() const;
};

/** One server of the pair as the profile describes it. Secrets are references, never values. */
struct ServerProfile
{
    QString name;
    QString host;
    int port = 3306;
    QString adminUser = QStringLiteral("root");
    QString adminPasswordEnv; ///< environment variable holding the admin password
    QString adminPasswordFile; ///< or a file (mode 0600) holding it, like a ~/.my.cnf
    QString peerHost; ///< address the *other* server uses to reach this one
    bool hasSsh = false;
    SshEndpoint ssh;
    QString configFile = QStringLiteral("auto");
    QString restartCommand = QStringLiteral("auto");

    /** Transient: a password typed into the GUI. Never serialised. */
    QString adminPasswordOverride;

    QString effectivePeerHost() const { return peerHost.isEmpty() ? host : peerHost; }
    QString endpoint() const { return QStringLiteral("%1:%2").arg(host).arg(port); }
    /** Reads the admin password from the override, the environment variable or the file. */
    Result<QString> adminPassword() const;
    QJsonObject toJson() const;
};

enum class GtidMode { Auto, On, Off };

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
    bool ssl = false;
    QString binlogFormat; ///< empty: leave as is; else ROW/MIXED/STATEMENT
    int syncBinlog = 1;
    bool rollingRestart = false; ///< restart one server, wait until it is back and verified, then the other
    int initialCopy = -1; ///< index of the server whose databases are copied to the other first; -1: no copy
    bool replaceTarget = false; ///< the copy may replace the receiver's non-empty databases (saved first)
    ServerProfile servers[2];

    QString filePath; ///< where it was loaded from (not serialised)

    /** Parses and validates; every problem found is reported in one error. */
    static Result<PairProfile> fromJson(const QJsonObject& json);
    static Result<PairProfile> load(const QString& path);
    QJsonObject toJson() const;
    Result<void> save(const QString& path) const;

    /** The account host the replication user on server @p index gets (the peer's address by default). */
    QString replicationHostFor(int index) const;
    /** Index of the server called @p nameOrLetter ("A"/"B" also stand for the first/second), else -1. */
    int serverIndex(const QString& nameOrLetter) const;
    /** The database the verification probe writes into (first replicated database, else "replipair"). */
    QString probeDatabase() const;

    static QString gtidToString(GtidMode mode);
};
