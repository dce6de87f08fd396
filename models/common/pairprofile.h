#pragma once

#include "common/steperror.h"
#include "common/tlssettings.h"

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
    bool agent = false; ///< log in with the keys of the running ssh-agent (SSH_AUTH_SOCK) only, no key file
    QString keyPassphraseEnv; ///< environment variable holding the key's passphrase
    QString passwordEnv; ///< environment variable holding the SSH password
    QString passwordKeychain; ///< name of the OS keychain entry holding the SSH password (never the secret)
    QString knownHostsFile = QStringLiteral("~/.ssh/known_hosts");
    bool acceptNewHostKey = false;
    bool sudo = false;

    /** Transient: an SSH password typed into the GUI or read from the keychain. Never serialised. */
    QString passwordOverride;

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
    QString adminPasswordKeychain; ///< or the name of the OS keychain entry holding it (never the secret)
    QString peerHost; ///< address the *other* server uses to reach this one
    bool hasSsh = false;
    SshEndpoint ssh;
    QString configFile = QStringLiteral("auto");
    QString restartCommand = QStringLiteral("auto");
    /** How long a restart may take before it is stopped (large buffer pools need minutes). */
    int restartTimeoutSeconds = DefaultRestartTimeoutSeconds;
    static constexpr int DefaultRestartTimeoutSeconds = 90;
    /** How RepliPair connects to this server: the pair's mode and the files on the machine running
     *  RepliPair (PairProfile::setTls keeps it equal to the pair's "tls"). */
    TlsSettings tls;
    /** The server's own "tls" override: the files as they are on this server's host (its replication
     *  link uses them); empty fields fall back to the pair's. */
    TlsFiles hostTls;
    /** The CA, certificate and key this server's replica thread reads on its host. */
    TlsFiles hostTlsFiles() const { return hostTls.over(tls.files); }

    /** Transient: a password typed into the GUI or read from the keychain. Never serialised. */
    QString adminPasswordOverride;
    /** Transient: the user answered the GUI's prompt for it (an empty answer is an answer, not a gap). */
    bool adminPasswordAnswered = false;
    /** Whether the profile names no place for the admin password (no variable, file or keychain entry) and
     *  none was typed: the GUI asks rather than trying an empty one. */
    bool adminPasswordUnsourced() const
    {
        return adminPasswordOverride.isEmpty() && !adminPasswordAnswered && adminPasswordEnv.isEmpty()
            && adminPasswordFile.isEmpty() && adminPasswordKeychain.isEmpty();
    }

    QString effectivePeerHost() const { return peerHost.isEmpty() ? host : peerHost; }
    QString endpoint() const { return QStringLiteral("%1:%2").arg(host).arg(port); }
    /** Reads the admin password from the override, the environment variable or the file. */
    Result<QString> adminPassword() const;
    QJsonObject toJson() const;
};

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
