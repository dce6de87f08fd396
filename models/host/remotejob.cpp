#include "host/remotejob.h"

#include "common/shellquote.h"
#include "host/hostshell.h"

namespace {

/** Reads "<length>\n<bytes>" from @p in at @p pos. */
std::optional<QByteArray> sizedBlock(const QByteArray& in, qsizetype& pos)
{
    const qsizetype nl = in.indexOf('\n', pos);
    if (nl < 0)
        return std::nullopt;
    bool ok = false;
    const qsizetype n = in.mid(pos, nl - pos).trimmed().toLongLong(&ok);
    if (!ok || n < 0 || nl + 1 + n > in.size())
        return std::nullopt;
    pos = nl + 1 + n;
    return in.mid(nl + 1, n);
}

/** A work folder RepliPair made: the only kind it removes. */
bool isWorkDir(const QString& dir)
{
    return dir.startsWith(QLatin1Char('/'))
        && dir.section(QLatin1Char('/'), -1).startsWith(QLatin1String("replipair-"))
        && !dir.contains(QLatin1String("/../"));
}

/** The shell function alive: whether a process of group $p lives, zombies (exited, never reaped by an
 *  init that does not reap) not counted. From /proc, which also sees processes the caller may not signal
 *  (kill -0 says EPERM, not "gone", for those); kill -0 only where there is no /proc. Builtins only. */
const QString kAlive = QStringLiteral("alive() {\n"
                                      "  [ -r /proc/self/stat ] || { kill -0 \"-$p\" 2>/dev/null; return; }\n"
                                      "  for s in /proc/[0-9]*/stat; do\n"
                                      "    { read -r l < \"$s\"; } 2>/dev/null || continue\n"
                                      "    l=${l##*) }\n"
                                      "    set -- $l\n"
                                      "    [ \"$3\" = \"$p\" ] && [ \"$1\" != Z ] && return 0\n"
                                      "  done\n"
                                      "  return 1\n"
                                      "}\n");
} // namespace

RemoteJob::RemoteJob(QString server, QString step, QString workDir)
    : m_server(std::move(server))
    , m_step(std::move(step))
    , m_workDir(std::move(workDir))
{ }

StepError RemoteJob::failure(const QString& text) const
{
    return StepError { m_server, m_step, 0, text };
}

Result<QString> RemoteJob::makeWorkDir(
    HostShell& shell, const QString& server, const QString& step, const QString& kind)
{
    auto r = shell.run(
        QStringLiteral(
            "umask 077; d=$(mktemp -d \"${TMPDIR:-/tmp}/replipair-%1.XXXXXX\") && chmod 700 \"$d\" "
            "&& echo \"$d\"")
            .arg(kind),
        15000);
    if (!r)
        return std::unexpected(r.error());
    const QString dir = QString::fromUtf8(r->out).trimmed();
    if (r->exitCode != 0 || !dir.startsWith(QLatin1Char('/')))
        return stepFailure(server, step,
            RemoteJob::tr("cannot make a private work folder on %1: %2")
                .arg(shell.describe(), QString::fromUtf8(r->err).trimmed()));
    return dir;
}

Result<void> RemoteJob::removeWorkDir(
    HostShell& shell, const QString& server, const QString& step, const QString& workDir)
{
    if (!isWorkDir(workDir))
        return stepFailure(server, step, RemoteJob::tr("refusing to remove %1").arg(workDir));
    auto r = shell.run(QStringLiteral("rm -rf -- %1").arg(Shell::quote(workDir)), 30000);
    if (!r)
        return std::unexpected(r.error());
    if (r->exitCode != 0)
        return stepFailure(server, step,
            RemoteJob::tr("cannot remove %1 on %2: %3")
                .arg(workDir, shell.describe(), QString::fromUtf8(r->err).trimmed()));
    return {};
}

Result<void> RemoteJob::writePrivateFile(HostShell& shell, const QString& server, const QString& step,
    const QString& path, const QByteArray& content)
{
    // made empty with mode 0600 first: the atomic write keeps an existing file's mode
    auto made = shell.run(QStringLiteral("umask 077; : > %1 && chmod 600 %1").arg(Shell::quote(path)), 15000);
    if (!made)
        return std::unexpected(made.error());
    if (made->exitCode != 0)
        return stepFailure(server, step,
            RemoteJob::tr("cannot create %1 on %2: %3")
                .arg(path, shell.describe(), QString::fromUtf8(made->err).trimmed()));
    return shell.writeFileAtomic(path, content);
}

QString RemoteJob::startScript(const QString& workDir, const QString& kind, const QString& name,
    const QString& script, const QStringList& clearFirst, const QString& watchFile)
{
    QStringList clear { QStringLiteral("status"), QStringLiteral("status.new"), QStringLiteral("output"),
        QStringLiteral("job.pid"), QStringLiteral("unwatched") };
    for (const QString& f : clearFirst)
        clear << Shell::quote(f);
    const QString dir = workDir.isEmpty()
        ? QStringLiteral("d=$(mktemp -d \"${TMPDIR:-/tmp}/replipair-%1.XXXXXX\") || exit 90\n"
                         "chmod 700 \"$d\" || exit 90\n")
              .arg(kind)
        : QStringLiteral("d=%1\n").arg(Shell::quote(workDir));
    // The runner is the leader of a new session and process group (setsid from a shell without job
    // control does not fork: $! is its pid and the group's id). It writes the job's exit status
    // atomically, and removes the folder itself after a success once nobody watches it (release()).
    return QStringLiteral("umask 077\n") + dir
        + QStringLiteral(
            "cd \"$d\" || exit 90\n"
            "rm -f -- %1 || exit 90\n"
            "command -v setsid >/dev/null 2>&1 || { echo 'setsid is not installed' >&2; exit 91; }\n"
            "printf '%s\\n' %2 > \"$d/%3.sh\" || exit 90\n"
            "w=%4\n"
            "s=0\n"
            "if [ -n \"$w\" ] && [ -f \"$w\" ]; then s=$(wc -c < \"$w\"); fi\n"
            "cd /\n"
            "setsid /bin/sh -c '/bin/sh \"$1/$2.sh\"; r=$?; echo $r > \"$1/status.new\"; "
            "mv -f \"$1/status.new\" \"$1/status\"; "
            "if [ $r -eq 0 ] && [ -e \"$1/unwatched\" ]; then rm -rf -- \"$1\"; fi' "
            "replipair-job \"$d\" %3 < /dev/null > \"$d/output\" 2>&1 &\n"
            "echo $! > \"$d/job.pid\"\n"
            "printf '%s\\n%s\\n' \"$d\" \"$s\"\n")
              .arg(clear.join(QLatin1Char(' ')), Shell::quote(script), name, Shell::quote(watchFile));
}

QString RemoteJob::launchScript(const QString& kind, const QString& script, const QString& watchFile)
{
    return startScript({}, kind, QStringLiteral("job"), script, {}, watchFile);
}

Result<RemoteJob> RemoteJob::launched(const HostShell& shell, const QString& server, const QString& step,
    const Result<CommandResult>& r, const QString& watchFile)
{
    if (!r)
        return std::unexpected(r.error());
    const QList<QByteArray> lines = r->out.trimmed().split('\n');
    if (r->exitCode != 0 || lines.size() < 2 || !lines.first().startsWith('/'))
        return stepFailure(server, step,
            RemoteJob::tr("cannot start a job on %1 (in a private folder of its own): %2")
                .arg(shell.describe(), QString::fromUtf8(r->err).trimmed()));
    RemoteJob job(server, step, QString::fromUtf8(lines.at(0)));
    job.m_watchFile = watchFile;
    job.m_watchFrom = lines.at(1).trimmed().toLongLong();
    return job;
}

Result<RemoteJob> RemoteJob::launch(HostShell& shell, const QString& server, const QString& step,
    const QString& kind, const QString& script, const QString& watchFile)
{
    return launched(shell, server, step, shell.run(launchScript(kind, script, watchFile), 15000), watchFile);
}

Result<void> RemoteJob::start(HostShell& shell, const QString& name, const QString& script,
    const QStringList& clearFirst, const QString& watchFile)
{
    auto r = shell.run(startScript(m_workDir, {}, name, script, clearFirst, watchFile), 15000);
    if (!r)
        return std::unexpected(r.error());
    const QList<QByteArray> lines = r->out.trimmed().split('\n');
    if (r->exitCode != 0 || lines.size() < 2)
        return std::unexpected(
            failure(RemoteJob::tr("cannot start %1 on %2: %3")
                        .arg(name, shell.describe(), QString::fromUtf8(r->err).trimmed())));
    m_watchFile = watchFile;
    m_watchFrom = lines.at(1).trimmed().toLongLong();
    return {};
}

std::optional<RemoteJob::State> RemoteJob::parseState(const QByteArray& printed)
{
    const qsizetype nl = printed.indexOf('\n');
    if (nl < 0)
        return std::nullopt;
    const QList<QByteArray> head = printed.left(nl).split(' ');
    State st;
    if (head.value(0) == "finished") {
        bool ok = false;
        st.phase = Phase::Finished;
        st.exitCode = head.value(1).toInt(&ok);
        if (!ok)
            return std::nullopt;
    } else if (head.value(0) == "running") {
        st.phase = Phase::Running;
    } else if (head.value(0) == "vanished") {
        st.phase = Phase::Vanished;
    } else {
        return std::nullopt;
    }
    qsizetype pos = nl + 1;
    const auto output = sizedBlock(printed, pos);
    const auto appended = output ? sizedBlock(printed, pos) : std::nullopt;
    if (!output || !appended)
        return std::nullopt;
    st.output = *output;
    st.appended = *appended;
    return st;
}

Result<RemoteJob::State> RemoteJob::state(HostShell& shell, int waitMs) const
{
    const QString body = QStringLiteral(
        "export LC_ALL=C\n"
        "d=%1\n"
        "w=%2\n"
        "from=%3\n"
        // wait on the host for the end: one round trip learns it at once
        "i=0\n"
        "while [ ! -f \"$d/status\" ] && [ $i -lt %4 ]; do sleep 0.02 2>/dev/null || break; "
        "i=$((i + 1)); done\n"
        "p=\n"
        "[ -f \"$d/job.pid\" ] && read -r p < \"$d/job.pid\"\n"
        "z=\n"
        "[ -n \"$p\" ] && { read -r l < \"/proc/$p/stat\"; } 2>/dev/null && l=${l##*) } && z=${l%% *}\n"
        "if [ -f \"$d/status\" ]; then read -r st < \"$d/status\"; printf 'finished %s\\n' \"$st\"\n"
        "elif [ -n \"$p\" ] && [ \"$z\" != Z ] && kill -0 \"$p\" 2>/dev/null; then echo running\n"
        "elif [ -f \"$d/status\" ]; then read -r st < \"$d/status\"; printf 'finished %s\\n' \"$st\"\n"
        "else echo vanished; fi\n"
        "o=$(tail -c 16000 \"$d/output\" 2>/dev/null; echo x); o=${o%x}\n"
        "printf '%s\\n%s' \"${#o}\" \"$o\"\n"
        "a=\n"
        "if [ -n \"$w\" ] && [ -f \"$w\" ]; then\n"
        "  n=$(wc -c < \"$w\"); [ \"$n\" -lt \"$from\" ] && from=0\n"
        "  a=$(tail -c +$((from + 1)) \"$w\" 2>/dev/null | head -c 65536; echo x)\n"
        "  a=${a%x}\n"
        "fi\n"
        "printf '%s\\n%s' \"${#a}\" \"$a\"\n")
                             .arg(Shell::quote(m_workDir), Shell::quote(m_watchFile),
                                 QString::number(m_watchFrom), QString::number(qMax(0, waitMs / 20)));
    auto r = shell.run(body, 15000 + waitMs);
    if (!r)
        return std::unexpected(r.error());
    const auto st = parseState(r->out);
    if (!st)
        return std::unexpected(
            failure(RemoteJob::tr("cannot read the state of the job in %1 on %2: %3")
                        .arg(m_workDir, shell.describe(), QString::fromUtf8(r->err).trimmed())));
    return *st;
}

Result<QMap<QString, QString>> RemoteJob::poll(HostShell& shell, const QString& pollScript) const
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

QString RemoteJob::stopScript(const QString& workDir, int graceMs)
{
    const int grace = qMax(1, graceMs / 100);
    // "kill -SIG -PGID", never "kill -SIG -- -PGID": dash's kill takes no "--" and signals nothing then
    const QString head
        = QStringLiteral("export LC_ALL=C\n"
                         "d=%1\n"
                         "p=\n"
                         "{ read -r p < \"$d/job.pid\"; } 2>/dev/null\n"
                         "case \"$p\" in ''|*[!0-9]*) echo stopped; exit 0;; esac\n"
                         "[ \"$p\" -gt 1 ] || { echo \"no process group in $d/job.pid\" >&2; exit 2; }\n")
              .arg(Shell::quote(workDir));
    // a process outside the group (a command that streams into or out of the job) may wait to open one of
    // the job's FIFOs that nobody will open any more: opening it read-write lets it go (it reads the end,
    // or gets SIGPIPE on its first write)
    const QString unblock = QStringLiteral(
        "unblock() { for f in \"$d\"/*.fifo; do [ -p \"$f\" ] && : 3<>\"$f\"; done; return 0; }\n");
    return head + kAlive + unblock
        + QStringLiteral("alive || { unblock; echo stopped; exit 0; }\n"
                         "kill -TERM \"-$p\" 2>/dev/null\n"
                         "kill -CONT \"-$p\" 2>/dev/null\n" // a stopped process acts on TERM once continued
                         "i=0\n"
                         "while alive; do\n"
                         "  i=$((i + 1))\n"
                         "  if [ $i -eq %1 ]; then kill -KILL \"-$p\" 2>/dev/null; echo killed; fi\n"
                         "  if [ $i -gt %2 ]; then echo survived; exit 1; fi\n"
                         "  sleep 0.1\n"
                         "done\n"
                         "unblock\n"
                         "echo stopped\n")
              .arg(QString::number(grace), QString::number(grace + 50));
}

Result<void> RemoteJob::stop(HostShell& shell, int graceMs) const
{
    auto r = shell.run(stopScript(m_workDir, graceMs), graceMs + 20000);
    if (!r)
        return std::unexpected(r.error());
    if (r->exitCode != 0)
        return std::unexpected(
            failure(RemoteJob::tr("the processes of the job in %1 on %2 did not stop, not even on SIGKILL%3")
                        .arg(m_workDir, shell.describe(),
                            r->err.trimmed().isEmpty()
                                ? QString()
                                : QStringLiteral(": ") + QString::fromUtf8(r->err.trimmed()))));
    return {};
}

Result<void> RemoteJob::release(HostShell& shell) const
{
    // marked first, then the status read: the runner writes its status first, then reads the mark
    auto r = shell.run(QStringLiteral("d=%1\n"
                                      "[ -d \"$d\" ] || exit 0\n"
                                      ": > \"$d/unwatched\" || exit 1\n"
                                      "st=\n"
                                      "{ read -r st < \"$d/status\"; } 2>/dev/null\n"
                                      "[ \"$st\" = 0 ] && rm -rf -- \"$d\"\n"
                                      "exit 0\n")
                           .arg(Shell::quote(m_workDir)),
        15000);
    if (!r)
        return std::unexpected(r.error());
    if (r->exitCode != 0)
        return std::unexpected(
            failure(RemoteJob::tr("cannot mark %1 on %2: %3")
                        .arg(m_workDir, shell.describe(), QString::fromUtf8(r->err).trimmed())));
    return {};
}

Result<void> RemoteJob::remove(HostShell& shell) const
{
    return removeWorkDir(shell, m_server, m_step, m_workDir);
}

QString RemoteJob::tail(HostShell& shell, const QString& file, int lines) const
{
    auto r = shell.run(QStringLiteral("tail -n %1 %2 2>/dev/null")
                           .arg(lines)
                           .arg(Shell::quote(m_workDir + QLatin1Char('/') + file)),
        15000);
    return r ? QString::fromUtf8(r->out).trimmed() : QString();
}
