#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

/** One local mariadbd/mysqld instance of a sandbox. */
struct SandboxServer
{
    QString name; ///< "A", "B"
    QString dir; ///< its own folder
    int port = 0;
    QString host = QStringLiteral("127.0.0.1");
    QString configFile; ///< the my.cnf it is started with (--defaults-file)
    QString socket;
    QString pidFile;
    QString errorLog;
    QString restartCommand; ///< a shell command that really restarts it
};

/** Local database servers in a folder of their own (ports, sockets, config files, restart scripts):
 *  the demo's embedded pair and the integration tests' fixture. Works as root and as an ordinary user. */
class Sandbox
{
    Q_DECLARE_TR_FUNCTIONS(Sandbox)
public:
    explicit Sandbox(QString dir);

    /** Creates (first time) and starts @p count servers named A, B, ... on free loopback ports. */
    Result<void> up(int count = 2);
    /** Stops every server of the sandbox. */
    Result<void> down();
    Result<void> start(int index);
    Result<void> stop(int index);
    /** SIGKILL, as a crash would. */
    Result<void> kill(int index);
    bool isRunning(int index) const;

    const QList<SandboxServer>& servers() const { return m_servers; }
    QString dir() const { return m_dir; }
    /** File holding the admin (root) password, mode 0600. */
    QString adminPasswordFile() const;
    /** A pair profile for servers 0 and 1, written to dir/pair.replipair.json. */
    PairProfile pairProfile(const QStringList& databases = { QStringLiteral("test") }) const;
    QString profilePath() const;

    /** Whether servers made from now on have TLS on (the default): a CA of the sandbox's own in dir/tls,
     *  a certificate per server for 127.0.0.1 and localhost, and the profile in "verify-ca" mode. */
    void setTls(bool on) { m_tls = on; }
    bool tls() const { return m_tls; }
    /** The sandbox's CA certificate (dir/tls/ca.pem). */
    QString caFile() const;

    /** The mariadbd/mysqld binary found on this machine, or empty. */
    static QString serverBinary();

    /** A port free on 127.0.0.1 now, picked at random below the kernel's range for outgoing connections
     *  (Linux: /proc/sys/net/ipv4/ip_local_port_range). A port from that range (what listen(0) gives) can
     *  be taken by any client's connection, or handed to another test's server, while a sandbox server
     *  restarts; below it, only another listener picking the same port at random can take it. 0 if none. */
    static int freeLoopbackPort();

private:
    Result<void> create(int index);
    Result<void> load();
    Result<void> save() const;

    QString m_dir;
    QList<SandboxServer> m_servers;
    bool m_tls = true;
};
