#include "copy/remotejob.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "host/hostshell.h"

RemoteJob::RemoteJob(QString server, QString workDir)
    : m_server(std::move(server))
    , m_workDir(std::move(workDir))
{ }

Result<QString> RemoteJob::makeWorkDir(HostShell& shell, const QString& server)
{
    auto r
        = shell.run(QStringLiteral("umask 077; mktemp -d \"${TMPDIR:-/tmp}/replipair-copy.XXXXXX\""), 15000);
    if (!r)
        return std::unexpected(r.error());
    const QString dir = QString::fromUtf8(r->out).trimmed();
    if (r->exitCode != 0 || !dir.startsWith(QLatin1Char('/')))
        return stepFailure(server, StepId::Copy,
            RemoteJob::tr("cannot make a private work folder on %1: %2")
                .arg(shell.describe(), QString::fromUtf8(r->err).trimmed()));
    return dir;
}

Result<void> RemoteJob::removeWorkDir(HostShell& shell, const QString& server, const QString& workDir)
{
    if (!workDir.contains(QStringLiteral("/replipair-copy.")))
        return stepFailure(server, StepId::Copy, RemoteJob::tr("refusing to remove %1").arg(workDir));
    auto r = shell.run(QStringLiteral("rm -rf -- %1").arg(Shell::quote(workDir)), 30000);
    if (!r)
        return std::unexpected(r.error());
    if (r->exitCode != 0)
        return stepFailure(server, StepId::Copy,
            RemoteJob::tr("cannot remove %1 on %2: %3")
                .arg(workDir, shell.describe(), QString::fromUtf8(r->err).trimmed()));
    return {};
}

Result<void> RemoteJob::writePrivateFile(
    HostShell& shell, const QString& server, const QString& path, const QByteArray& content)
{
    // made empty with mode 0600 first: the atomic write keeps an existing file's mode
    auto made = shell.run(QStringLiteral("umask 077; : > %1 && chmod 600 %1").arg(Shell::quote(path)), 15000);
    if (!made)
        return std::unexpected(made.error());
    if (made->exitCode != 0)
        return stepFailure(server, StepId::Copy,
            RemoteJob::tr("cannot create %1 on %2: %3")
                .arg(path, shell.describe(), QString::fromUtf8(made->err).trimmed()));
    return shell.writeFileAtomic(path, content);
}

Result<void> RemoteJob::start(HostShell& shell, const QString& name, const QString& script)
{
    const QString file = m_workDir + QLatin1Char('/') + name + QStringLiteral(".sh");
    if (auto w = shell.writeFileAtomic(file, script.toUtf8()); !w)
        return w;
    const QString d = Shell::quote(m_workDir);
    auto r = shell.run(QStringLiteral("cd %1 && rm -f job.pid dump.pid dump.rc load.rc finished poll.sleep "
                                      "dump.err load.err bytes.final && "
                                      "{ setsid /bin/sh %2 > %3 2>&1 < /dev/null & }")
                           .arg(d, Shell::quote(file), Shell::quote(m_workDir + QStringLiteral("/job.log"))),
        15000);
    if (!r)
        return std::unexpected(r.error());
    if (r->exitCode != 0)
        return stepFailure(m_server, StepId::Copy,
            RemoteJob::tr("cannot start the copy on %1: %2")
                .arg(shell.describe(), QString::fromUtf8(r->err).trimmed()));
    return {};
}

Result<QMap<QString, QString>> RemoteJob::poll(HostShell& shell, const QString& pollScript)
{
    auto r = shell.run(pollScript, 30000);
    if (!r)
        return std::unexpected(r.error());
    QMap<QString, QString> values;
    for (const QByteArray& line : r->out.split('\n')) {
        const int eq = line.indexOf('=');
        if (eq > 0)
            values.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)).trimmed());
    }
    return values;
}

Result<void> RemoteJob::stop(HostShell& shell)
{
    // "kill -SIG -PGID": dash's kill takes no "--", and with it signalled nothing at all
    const QString body = QStringLiteral("p=$(cat %1/job.pid 2>/dev/null)\n"
                                        "[ -n \"$p\" ] || exit 0\n"
                                        "kill -TERM \"-$p\" 2>/dev/null || exit 0\n"
                                        "i=0; while kill -0 \"-$p\" 2>/dev/null; do\n"
                                        "  i=$((i+1)); [ $i -eq 100 ] && kill -KILL \"-$p\" 2>/dev/null\n"
                                        "  [ $i -gt 150 ] && exit 1\n"
                                        "  sleep 0.1\n"
                                        "done\n"
                                        "exit 0\n")
                             .arg(Shell::quote(m_workDir));
    auto r = shell.run(body, 30000);
    if (!r)
        return std::unexpected(r.error());
    if (r->exitCode != 0)
        return stepFailure(m_server, StepId::Copy,
            RemoteJob::tr("the copy's processes on %1 did not stop").arg(shell.describe()));
    return {};
}

QString RemoteJob::tail(HostShell& shell, const QString& file, int lines)
{
    auto r = shell.run(QStringLiteral("tail -n %1 %2 2>/dev/null")
                           .arg(lines)
                           .arg(Shell::quote(m_workDir + QLatin1Char('/') + file)),
        15000);
    return r ? QString::fromUtf8(r->out).trimmed() : QString();
}
