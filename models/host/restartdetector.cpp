#include "host/restartdetector.h"

#include "common/shellquote.h"
#include "common/stepid.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <optional>

namespace {

const QStringList& plainUnits()
{
    static const QStringList units { QStringLiteral("mariadb.service"), QStringLiteral("mysql.service"),
        QStringLiteral("mysqld.service") };
    return units;
}

QString unitCommand(const QString& unit)
{
    return QStringLiteral("systemctl restart %1").arg(Shell::word(unit));
}
} // namespace

RestartDetector::RestartDetector(HostShell& shell, QString serverName)
    : m_shell(shell)
    , m_server(std::move(serverName))
{ }

bool RestartDetector::isDatabaseUnit(const QString& unit)
{
    if (!unit.endsWith(QLatin1String(".service")))
        return false;
    const QString base = unit.section(QLatin1Char('.'), 0, -2).section(QLatin1Char('@'), 0, 0);
    return base == QLatin1String("mariadb") || base == QLatin1String("mysql")
        || base == QLatin1String("mysqld");
}

bool RestartDetector::isPrivateInstance(const QStringList& args)
{
    for (const char* name : { "defaults-file", "defaults-extra-file", "defaults-group-suffix" }) {
        bool present = false;
        ServerProcess::optionValue(args, QLatin1String(name), &present);
        if (present)
            return true;
    }
    return false;
}

QList<RestartDetector::Unit> RestartDetector::parseUnits(const QString& systemctlOutput)
{
    // list-unit-files: "mariadb.service enabled enabled"; list-units --plain:
    // "mariadb.service loaded active running MariaDB 10.11 database server"; a leading "●" may appear
    QList<Unit> units;
    for (const QString& raw : systemctlOutput.split(QLatin1Char('\n'))) {
        QStringList cols = raw.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (!cols.isEmpty() && !cols.first().contains(QLatin1Char('.')))
            cols.removeFirst(); // the "●" marker
        if (cols.size() < 2 || !cols.first().endsWith(QLatin1String(".service")))
            continue;
        Unit u;
        u.name = cols.at(0);
        u.state = cols.at(1) == QLatin1String("loaded") && cols.size() > 2 ? cols.at(2) : cols.at(1);
        units << u;
    }
    return units;
}

QString RestartDetector::chooseUnit(
    const QList<Unit>& unitFiles, const QList<Unit>& activeUnits, QString* why)
{
    QStringList running;
    for (const Unit& u : activeUnits)
        if (isDatabaseUnit(u.name) && u.state == QLatin1String("active") && !running.contains(u.name))
            running << u.name;
    if (running.size() == 1)
        return running.first();
    if (running.size() > 1) {
        // Debian: mysql.service and mysqld.service are aliases of mariadb.service, listed once each at most
        if (why)
            *why = RestartDetector::tr("several database units run (%1); say which one in \"restartCommand\"")
                       .arg(running.join(QLatin1String(", ")));
        return {};
    }
    QStringList templates;
    for (const QString& name : plainUnits()) {
        for (const Unit& u : unitFiles)
            if (u.name == name && u.state != QLatin1String("masked") && u.state != QLatin1String("alias"))
                return name;
    }
    for (const Unit& u : unitFiles)
        if (isDatabaseUnit(u.name) && u.name.contains(QLatin1String("@.")))
            templates << u.name;
    if (why)
        *why = templates.isEmpty()
            ? RestartDetector::tr("no mariadb, mysql or mysqld systemd unit is installed")
            : RestartDetector::tr(
                "only the templates %1 exist and no instance of them runs; say which instance in "
                "\"restartCommand\" (e.g. systemctl restart %2)")
                  .arg(templates.join(QLatin1String(", ")),
                      QString(templates.first()).replace(QLatin1String("@."), QLatin1String("@NAME.")));
    return {};
}

void RestartDetector::addPrivilegeWarning(Method& m)
{
    auto id = m_shell.run(QStringLiteral("id -u"), 10000);
    if (id && id->exitCode == 0 && id->out.trimmed() != "0")
        m.warnings << RestartDetector::tr(
            "%1 is not root here (and \"sudo\" is off): \"%2\" will probably be refused")
                          .arg(m_shell.describe(), m.command);
}

Result<RestartDetector::Method> RestartDetector::detect(const ServerProcess::Hint& hint)
{
    std::optional<ServerProcess> process;
    QString processProblem;
    if (hint.pid > 0 || !hint.pidFile.isEmpty() || hint.port > 0) {
        auto p = ServerProcess::find(m_shell, hint, m_server);
        if (p) {
            process = *p;
        } else {
            // guessing the host's usual service is only fair when no database server runs there at all
            auto running = ServerProcess::all(m_shell, m_server);
            if (!running || !running->isEmpty())
                return stepFailure(m_server, StepId::Restart,
                    RestartDetector::tr(
                        "cannot tell which process is this server (%1), so not how to restart it; say so "
                        "in \"restartCommand\"")
                        .arg(p.error().text));
            processProblem = p.error().text;
        }
    }
    auto systemd = m_shell.run(QStringLiteral("test -d /run/systemd/system"), 10000);
    if (!systemd)
        return std::unexpected(systemd.error());
    auto method = systemd->exitCode == 0 ? fromSystemd(process ? &*process : nullptr)
                                         : fromInitScripts(process ? &*process : nullptr);
    if (method) {
        if (!processProblem.isEmpty())
            method->warnings << RestartDetector::tr(
                "the running server was not found (%1), so this is the host's usual server")
                                    .arg(processProblem);
        addPrivilegeWarning(*method);
    }
    return method;
}

Result<RestartDetector::Method> RestartDetector::fromSystemd(const ServerProcess* process)
{
    if (process && !process->cgroup().isEmpty()) {
        // the cgroup says which unit runs this very process: definitive, also with several servers
        const QString unit = ServerProcess::systemdUnit(process->cgroup());
        if (unit.isEmpty())
            return stepFailure(m_server, StepId::Restart,
                RestartDetector::tr(
                    "%1 is not run by a systemd service (started by hand or by a script); say how to "
                    "restart it in \"restartCommand\"")
                    .arg(process->describe()));
        bool runsServer = isDatabaseUnit(unit);
        if (!runsServer) {
            auto exec = m_shell.run(
                QStringLiteral("systemctl show -p ExecStart --value %1").arg(Shell::word(unit)), 10000);
            runsServer = exec && exec->exitCode == 0
                && (exec->out.contains("mysqld") || exec->out.contains("mariadbd"));
        }
        if (!runsServer)
            return stepFailure(m_server, StepId::Restart,
                RestartDetector::tr(
                    "%1 runs inside the systemd unit %2, which does not start a database server; say "
                    "how to restart it in \"restartCommand\"")
                    .arg(process->describe(), unit));
        return Method { unitCommand(unit),
            RestartDetector::tr("systemd unit %1 runs the server (%2, seen in its cgroup)")
                .arg(unit, process->describe()),
            {} };
    }
    auto files = m_shell.run(
        QStringLiteral("systemctl list-unit-files --type=service --no-legend --no-pager"), 15000);
    auto active = m_shell.run(
        QStringLiteral("systemctl list-units --type=service --state=active --no-legend --no-pager --plain"),
        15000);
    if (!files)
        return std::unexpected(files.error());
    if (!active)
        return std::unexpected(active.error());
    QString why;
    const QString unit = chooseUnit(
        parseUnits(QString::fromUtf8(files->out)), parseUnits(QString::fromUtf8(active->out)), &why);
    if (unit.isEmpty()) {
        auto script = fromInitScripts(process);
        if (script)
            return script;
        return stepFailure(m_server, StepId::Restart,
            RestartDetector::tr("cannot tell how to restart the server on %1: %2")
                .arg(m_shell.describe(), why));
    }
    return Method { unitCommand(unit),
        RestartDetector::tr("systemd unit %1 on %2").arg(unit, m_shell.describe()), {} };
}

Result<RestartDetector::Method> RestartDetector::fromInitScripts(const ServerProcess* process)
{
    if (process && isPrivateInstance(process->arguments()))
        return stepFailure(m_server, StepId::Restart,
            RestartDetector::tr(
                "%1 was started with an option file of its own, so the host's init script would restart "
                "another server; say how to restart it in \"restartCommand\"")
                .arg(process->describe()));
    for (const QString& script : { QStringLiteral("/etc/init.d/mariadb"), QStringLiteral("/etc/init.d/mysql"),
             QStringLiteral("/etc/init.d/mysqld") }) {
        auto exists = m_shell.exists(script);
        if (!exists)
            return std::unexpected(exists.error());
        if (*exists)
            return Method { script + QStringLiteral(" restart"),
                RestartDetector::tr("init script %1 on %2 (no systemd there)")
                    .arg(script, m_shell.describe()),
                {} };
    }
    return stepFailure(m_server, StepId::Restart,
        RestartDetector::tr(
            "no systemd unit and no init script (/etc/init.d/mariadb, mysql, mysqld) found on %1; say how "
            "to restart the server in \"restartCommand\"")
            .arg(m_shell.describe()));
}
