#pragma once

#include "host/hostshell.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/** The running mysqld/mariadbd on a host (found by pid, pid file or port) as its host sees it:
 *  command line and cgroup. Read through a HostShell, so locally and over SSH alike. */
class ServerProcess
{
    Q_DECLARE_TR_FUNCTIONS(ServerProcess)
public:
    /** What the SQL side knows (@@pid_file, @@datadir, @@port); any of it may be missing. */
    struct Hint
    {
        qint64 pid = 0;
        QString pidFile; ///< relative paths are taken relative to dataDir
        QString dataDir;
        int port = 0;
    };

    static Result<ServerProcess> find(HostShell& shell, const Hint& hint, const QString& serverName);
    /** The script find() runs first for a hint with a pid file: prints the process it names
     *  ("P <pid> <cmdline in hex> <cgroup in hex>") and leaves its pid in $p; empty without a pid file. A
     *  caller may append more to it (one remote call). */
    static QString pidFileScript(const Hint& hint);
    /** The process a pidFileScript() printed (its first line), when it printed one with a command line. */
    static std::optional<ServerProcess> fromPidFileScript(const QByteArray& printed);
    /** Every mysqld/mariadbd process on the host. */
    static Result<QList<ServerProcess>> all(HostShell& shell, const QString& serverName);

    qint64 pid() const { return m_pid; }
    bool operator==(const ServerProcess& other) const { return m_pid == other.m_pid; }
    const QStringList& arguments() const { return m_args; }
    QString program() const { return m_args.value(0); }
    const QByteArray& cgroup() const { return m_cgroup; }
    /** Value of --name=value / --name value (dashes and underscores alike; the last one wins). */
    QString option(const QString& name, bool* present = nullptr) const
    {
        return optionValue(m_args, name, present);
    }
    /** "pid 123 (mariadbd --port=3307 …)": for messages. */
    QString describe() const;

    /** /proc/PID/cmdline: NUL-separated arguments. */
    static QStringList splitCmdline(const QByteArray& cmdline);
    static QString optionValue(const QStringList& args, const QString& name, bool* present = nullptr);
    /** The systemd unit in /proc/PID/cgroup ("mariadb.service", "mysqld@a.service"), or empty. */
    static QString systemdUnit(const QByteArray& cgroup);
    /** The pids in `ss -Hltnp` output ("users:(("mariadbd",pid=812,fd=21))"). */
    static QList<qint64> pidsFromSs(const QString& ssOutput);

private:
    static Result<ServerProcess> load(HostShell& shell, qint64 pid, const QString& serverName);
    static ServerProcess fromShown(qint64 pid, const QByteArray& cmdline, const QByteArray& cgroup);

    qint64 m_pid = 0;
    QStringList m_args;
    QByteArray m_cgroup;
};
