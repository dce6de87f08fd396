#pragma once

#include "host/hostshell.h"
#include "host/serverprocess.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/** `restartCommand: "auto"`: how this server is restarted on its host — the systemd unit that runs it
 *  (from its cgroup, else the usual mariadb/mysql/mysqld units, templated mysqld@/mariadb@ included),
 *  else an init script. Says what it found so that the plan can show it before it is used. */
class RestartDetector
{
    Q_DECLARE_TR_FUNCTIONS(RestartDetector)
public:
    struct Method
    {
        QString command; ///< e.g. "systemctl restart mariadb.service"
        QString description; ///< what was found and why it is this server's
        QStringList warnings; ///< e.g. needs root but the login user is not
    };
    /** A service unit as `systemctl list-units`/`list-unit-files` lists it. */
    struct Unit
    {
        QString name; ///< "mariadb.service", "mysqld@replica.service", "mysqld@.service"
        QString state; ///< unit-file state ("enabled", "disabled", "static") or active state ("active")
    };

    RestartDetector(HostShell& shell, QString serverName);

    /** @p hint may be empty; with it, the process that really runs decides. */
    Result<Method> detect(const ServerProcess::Hint& hint);

    /** Lines of `systemctl list-unit-files --type=service --no-legend` or `list-units --no-legend --plain`.
     */
    static QList<Unit> parseUnits(const QString& systemctlOutput);
    /** The unit to restart among @p unitFiles (with @p activeUnits, the running ones); empty with
     *  @p why set when there is none or it is ambiguous. */
    static QString chooseUnit(const QList<Unit>& unitFiles, const QList<Unit>& activeUnits, QString* why);
    /** Whether a unit name is one of the database server's (mariadb, mysql, mysqld, their templates). */
    static bool isDatabaseUnit(const QString& unit);
    /** Whether the command line shows a server of its own (own option file or group), not the host's default
     * one. */
    static bool isPrivateInstance(const QStringList& args);

private:
    Result<Method> fromSystemd(const ServerProcess* process);
    Result<Method> fromInitScripts(const ServerProcess* process);
    void addPrivilegeWarning(Method& m);

    HostShell& m_shell;
    QString m_server;
};
