#include "host/serverprocess.h"

#include "common/shellquote.h"
#include "common/stepid.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

namespace {

QString normalisedOption(QString name)
{
    return name.replace(QLatin1Char('_'), QLatin1Char('-'));
}

/** show PID prints "P <pid> <cmdline in hex> <cgroup in hex>" ("-" for what cannot be read): a process in
 *  one remote call, NULs and all. */
const QString kShow
    = QStringLiteral("show() { c=$(od -An -v -tx1 \"/proc/$1/cmdline\" 2>/dev/null | tr -d ' \\n'); "
                     "g=$(od -An -v -tx1 \"/proc/$1/cgroup\" 2>/dev/null | tr -d ' \\n'); "
                     "printf 'P %s %s %s\\n' \"$1\" \"${c:--}\" \"${g:--}\"; }\n");

struct Shown
{
    qint64 pid = 0;
    QByteArray cmdline; ///< empty: not read (or a bare pid line)
    QByteArray cgroup;
};

/** The processes a script with kShow printed; a line that is a bare pid counts too (cmdline unknown). */
QList<Shown> parseShown(const QByteArray& out)
{
    QList<Shown> found;
    for (const QByteArray& raw : out.split('\n')) {
        const QList<QByteArray> f = raw.trimmed().split(' ');
        Shown s;
        if (f.size() == 4 && f.at(0) == "P") {
            s.pid = f.at(1).toLongLong();
            if (f.at(2) != "-")
                s.cmdline = QByteArray::fromHex(f.at(2));
            if (f.at(3) != "-")
                s.cgroup = QByteArray::fromHex(f.at(3));
        } else if (f.size() == 1) {
            s.pid = f.at(0).toLongLong();
        }
        if (s.pid > 0)
            found << s;
    }
    return found;
}

bool isServerProgram(const QString& program)
{
    const QString base = program.section(QLatin1Char('/'), -1);
    return base == QLatin1String("mysqld") || base == QLatin1String("mariadbd");
}
} // namespace

QStringList ServerProcess::splitCmdline(const QByteArray& cmdline)
{
    QStringList args;
    QByteArray bytes = cmdline;
    if (bytes.endsWith('\0'))
        bytes.chop(1);
    if (bytes.isEmpty())
        return args;
    for (const QByteArray& a : bytes.split('\0'))
        args << QString::fromLocal8Bit(a);
    return args;
}

QString ServerProcess::optionValue(const QStringList& args, const QString& name, bool* present)
{
    const QString wanted = normalisedOption(name);
    QString value;
    bool found = false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (!a.startsWith(QLatin1String("--")))
            continue;
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        const QString key = normalisedOption(a.mid(2, eq < 0 ? -1 : eq - 2));
        if (key != wanted)
            continue;
        found = true;
        if (eq >= 0)
            value = a.mid(eq + 1);
        else if (i + 1 < args.size() && !args.at(i + 1).startsWith(QLatin1String("--")))
            value = args.at(++i);
        else
            value.clear();
    }
    if (present)
        *present = found;
    return value;
}

QString ServerProcess::systemdUnit(const QByteArray& cgroup)
{
    // cgroup v2: "0::/system.slice/mariadb.service"; v1: "1:name=systemd:/system.slice/mysql.service"
    QString path;
    for (const QByteArray& line : cgroup.split('\n')) {
        const QList<QByteArray> parts = line.split(':');
        if (parts.size() < 3)
            continue;
        if (parts.at(0) == "0" || parts.at(1) == "name=systemd") {
            path = QString::fromUtf8(line.mid(parts.at(0).size() + parts.at(1).size() + 2));
            if (parts.at(1) == "name=systemd")
                break;
        }
    }
    const QStringList components = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (auto it = components.crbegin(); it != components.crend(); ++it)
        if (it->endsWith(QLatin1String(".service")))
            return *it;
    return {};
}

QList<qint64> ServerProcess::pidsFromSs(const QString& ssOutput)
{
    QList<qint64> pids;
    static const QRegularExpression re(QStringLiteral("pid=(\\d+)"));
    for (auto it = re.globalMatch(ssOutput); it.hasNext();) {
        const qint64 pid = it.next().captured(1).toLongLong();
        if (!pids.contains(pid))
            pids << pid;
    }
    return pids;
}

QString ServerProcess::describe() const
{
    QStringList shown = m_args.mid(0, 4);
    shown[0] = program().section(QLatin1Char('/'), -1);
    return ServerProcess::tr("pid %1 (%2%3)")
        .arg(QString::number(m_pid), shown.join(QLatin1Char(' ')),
            m_args.size() > 4 ? QStringLiteral(" …") : QString());
}

Result<ServerProcess> ServerProcess::load(HostShell& shell, qint64 pid, const QString& serverName)
{
    // command line and cgroup in one remote call; each file on its own only when that did not work
    if (auto shown = shell.run(kShow + QStringLiteral("show %1").arg(pid), 10000)) {
        const QList<Shown> found = parseShown(shown->out);
        if (!found.isEmpty() && found.first().pid == pid && !found.first().cmdline.isEmpty())
            return fromShown(pid, found.first().cmdline, found.first().cgroup);
    }
    auto cmdline = shell.readFile(QStringLiteral("/proc/%1/cmdline").arg(pid));
    ServerProcess p;
    p.m_pid = pid;
    if (cmdline && !cmdline->isEmpty()) {
        p.m_args = splitCmdline(*cmdline);
    } else {
        // no /proc (or not readable): ps prints the arguments joined by spaces, which is the best there is
        auto ps = shell.run(QStringLiteral("ps -o args= -p %1").arg(pid), 10000);
        if (!ps || ps->exitCode != 0 || ps->out.trimmed().isEmpty())
            return stepFailure(serverName, StepId::LocateServer,
                ServerProcess::tr("no process %1 on %2").arg(QString::number(pid), shell.describe()));
        p.m_args = QString::fromLocal8Bit(ps->out.trimmed()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    if (auto cg = shell.readFile(QStringLiteral("/proc/%1/cgroup").arg(pid)))
        p.m_cgroup = *cg;
    return p;
}

ServerProcess ServerProcess::fromShown(qint64 pid, const QByteArray& cmdline, const QByteArray& cgroup)
{
    ServerProcess p;
    p.m_pid = pid;
    p.m_args = splitCmdline(cmdline);
    p.m_cgroup = cgroup;
    return p;
}

Result<QList<ServerProcess>> ServerProcess::all(HostShell& shell, const QString& serverName)
{
    // every server process with its command line and cgroup: one remote call
    auto r = shell.run(kShow
            + QStringLiteral("for d in /proc/[0-9]*; do read -r c < \"$d/comm\" 2>/dev/null || continue; "
                             "case \"$c\" in mysqld|mariadbd) show \"${d#/proc/}\";; esac; done"),
        15000);
    if (!r)
        return std::unexpected(r.error());
    QList<ServerProcess> found;
    for (const Shown& s : parseShown(r->out)) {
        if (!s.cmdline.isEmpty())
            found << fromShown(s.pid, s.cmdline, s.cgroup);
        else if (auto p = load(shell, s.pid, serverName))
            found << *p;
    }
    return found;
}

QString ServerProcess::pidFileScript(const Hint& hint)
{
    if (hint.pidFile.isEmpty())
        return {};
    const QString file = QDir::isAbsolutePath(hint.pidFile) || hint.dataDir.isEmpty()
        ? hint.pidFile
        : QDir(hint.dataDir).filePath(hint.pidFile);
    return kShow
        + QStringLiteral("p=$(tr -dc 0-9 < %1 2>/dev/null)\n[ -n \"$p\" ] && show \"$p\"")
              .arg(Shell::quote(file));
}

std::optional<ServerProcess> ServerProcess::fromPidFileScript(const QByteArray& printed)
{
    const QList<Shown> found = parseShown(printed.left(printed.indexOf('\n') + 1));
    if (found.isEmpty() || found.first().cmdline.isEmpty())
        return std::nullopt;
    return fromShown(found.first().pid, found.first().cmdline, found.first().cgroup);
}

Result<ServerProcess> ServerProcess::find(HostShell& shell, const Hint& hint, const QString& serverName)
{
    if (hint.pid > 0)
        return load(shell, hint.pid, serverName);
    QStringList notes; // why the better ways did not work, for the final message
    if (!hint.pidFile.isEmpty()) {
        const QString file = QDir::isAbsolutePath(hint.pidFile) || hint.dataDir.isEmpty()
            ? hint.pidFile
            : QDir(hint.dataDir).filePath(hint.pidFile);
        // the pid file and the process it names in one remote call
        if (auto shown = shell.run(pidFileScript(hint) + QStringLiteral("\nexit 0"), 10000))
            if (auto found = fromPidFileScript(shown->out))
                return *found;
        auto content = shell.readFile(file);
        const qint64 pid = content ? content->trimmed().toLongLong() : 0;
        if (pid > 0)
            return load(shell, pid, serverName);
        notes << (content ? ServerProcess::tr("the pid file %1 holds no pid").arg(file)
                          : content.error().text);
    }
    if (hint.port > 0) {
        auto ss = shell.run(QStringLiteral("ss -Hltnp 'sport = :%1' 2>/dev/null").arg(hint.port), 10000);
        if (ss && ss->exitCode == 0) {
            for (qint64 pid : pidsFromSs(QString::fromUtf8(ss->out)))
                if (auto p = load(shell, pid, serverName); p && isServerProgram(p->program()))
                    return p;
        }
    }
    auto every = all(shell, serverName);
    if (!every)
        return std::unexpected(every.error());
    QList<ServerProcess> matching;
    for (const ServerProcess& p : *every) {
        bool hasPort = false;
        const int port = p.option(QStringLiteral("port"), &hasPort).toInt();
        if ((hint.port > 0 && hasPort && port == hint.port)
            || (!hint.dataDir.isEmpty()
                && QDir::cleanPath(p.option(QStringLiteral("datadir"))) == QDir::cleanPath(hint.dataDir)))
            matching << p;
    }
    if (matching.isEmpty() && hint.port > 0) {
        // instances that keep their port in an option file of their own (sandboxes, mysqld@ units)
        static const QRegularExpression portLine(
            QStringLiteral("^\\s*port\\s*=\\s*(\\d+)\\s*$"), QRegularExpression::MultilineOption);
        for (const ServerProcess& p : *every) {
            for (const char* option : { "defaults-file", "defaults-extra-file" }) {
                const QString file = p.option(QLatin1String(option));
                auto content = file.isEmpty() ? Result<QByteArray>() : shell.readFile(file);
                if (file.isEmpty() || !content)
                    continue;
                for (auto it = portLine.globalMatch(QString::fromUtf8(*content)); it.hasNext();)
                    if (it.next().captured(1).toInt() == hint.port && !matching.contains(p))
                        matching << p;
            }
        }
    }
    if (matching.size() == 1)
        return matching.first();
    if (every->size() == 1)
        return every->first();
    const QString why
        = notes.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(notes.join(QLatin1String("; ")));
    if (every->isEmpty())
        return stepFailure(serverName, StepId::LocateServer,
            ServerProcess::tr("no mysqld or mariadbd process runs on %1%2").arg(shell.describe(), why));
    return stepFailure(serverName, StepId::LocateServer,
        ServerProcess::tr(
            "%1 mysqld/mariadbd processes run on %2 and none can be told apart as the one on port %3%4")
            .arg(QString::number(every->size()), shell.describe(), QString::number(hint.port), why));
}
