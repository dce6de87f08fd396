#include "host/detachedcommand.h"

#include "common/shellquote.h"
#include "common/stepid.h"

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
} // namespace

Result<DetachedCommand> DetachedCommand::start(
    HostShell& shell, const QString& command, const QString& watchFile, const QString& serverName)
{
    // The command goes into a file of the private folder (no quoting on a second command line); the
    // runner writes its exit status to "status" atomically once it is done.
    const QString body = QStringLiteral(
        "umask 077\n"
        "d=$(mktemp -d \"${TMPDIR:-/tmp}/replipair-run.XXXXXX\") || exit 90\n"
        "chmod 700 \"$d\" || exit 90\n"
        "printf '%s\\n' %1 > \"$d/command\" || exit 90\n"
        "w=%2\n"
        "s=0\n"
        "if [ -n \"$w\" ] && [ -f \"$w\" ]; then s=$(wc -c < \"$w\"); fi\n"
        "S=\n"
        "if command -v setsid >/dev/null 2>&1; then S=setsid; fi\n"
        "cd /\n"
        "$S nohup /bin/sh -c '/bin/sh \"$1/command\"; echo $? > \"$1/status.new\"; "
        "mv -f \"$1/status.new\" \"$1/status\"' replipair-run \"$d\" < /dev/null > \"$d/output\" 2>&1 &\n"
        "echo $! > \"$d/pid\"\n"
        "printf '%s\\n%s\\n' \"$d\" \"$s\"\n")
                             .arg(Shell::quote(command), Shell::quote(watchFile));
    auto r = shell.run(body, 15000);
    if (!r)
        return std::unexpected(r.error());
    const QList<QByteArray> lines = r->out.trimmed().split('\n');
    if (r->exitCode != 0 || lines.size() < 2 || !lines.first().startsWith('/'))
        return stepFailure(serverName, StepId::Restart,
            DetachedCommand::tr("cannot start \"%1\" on %2 (no private folder for its output): %3")
                .arg(command, shell.describe(), QString::fromUtf8(r->err).trimmed()));
    DetachedCommand job;
    job.m_dir = QString::fromUtf8(lines.at(0));
    job.m_watchFile = watchFile;
    job.m_watchFrom = lines.at(1).trimmed().toLongLong();
    job.m_server = serverName;
    return job;
}

std::optional<DetachedCommand::State> DetachedCommand::parsePoll(const QByteArray& printed)
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

Result<DetachedCommand::State> DetachedCommand::poll(HostShell& shell) const
{
    const QString body
        = QStringLiteral(
            "export LC_ALL=C\n"
            "d=%1\n"
            "w=%2\n"
            "from=%3\n"
            // wait on the host (up to ~0.4 s) for the end: one round trip learns it at once
            "i=0\n"
            "st=\n"
            "while [ ! -f \"$d/status\" ] && [ $i -lt 20 ]; do sleep 0.02 2>/dev/null || break; "
            "i=$((i + 1)); done\n"
            "if [ -f \"$d/status\" ]; then st=$(cat \"$d/status\"); printf 'finished %s\\n' \"$st\"\n"
            "elif [ -f \"$d/pid\" ] && kill -0 \"$(cat \"$d/pid\")\" 2>/dev/null; then echo running\n"
            "elif [ -f \"$d/status\" ]; then st=$(cat \"$d/status\"); printf 'finished %s\\n' \"$st\"\n"
            "else echo vanished; fi\n"
            "o=$(tail -c 16000 \"$d/output\" 2>/dev/null; echo x); o=${o%x}\n"
            "printf '%s\\n%s' \"${#o}\" \"$o\"\n"
            "a=\n"
            "if [ -n \"$w\" ] && [ -f \"$w\" ]; then\n"
            "  n=$(wc -c < \"$w\"); [ \"$n\" -lt \"$from\" ] && from=0\n"
            "  a=$(tail -c +$((from + 1)) \"$w\" 2>/dev/null | head -c 65536; echo x)\n"
            "  a=${a%x}\n"
            "fi\n"
            "printf '%s\\n%s' \"${#a}\" \"$a\"\n"
            // a success needs no record on the host any more; a failure keeps it for the admin
            "if [ \"$st\" = 0 ]; then rm -rf -- \"$d\"; fi\n")
              .arg(Shell::quote(m_dir), Shell::quote(m_watchFile), QString::number(m_watchFrom));
    auto r = shell.run(body, 15000);
    if (!r)
        return std::unexpected(r.error());
    const auto st = parsePoll(r->out);
    if (!st)
        return stepFailure(m_server, StepId::Restart,
            DetachedCommand::tr("cannot read the state of the restart in %1 on %2: %3")
                .arg(m_dir, shell.describe(), QString::fromUtf8(r->err).trimmed()));
    return *st;
}

Result<void> DetachedCommand::stop(HostShell& shell) const
{
    // setsid made the runner the leader of a process group of its own: signal the whole group
    auto r = shell.run(
        QStringLiteral("p=$(cat %1/pid 2>/dev/null) && [ -n \"$p\" ] && "
                       "{ kill -TERM -- \"-$p\" 2>/dev/null || kill -TERM \"$p\" 2>/dev/null; }; exit 0")
            .arg(Shell::quote(m_dir)),
        15000);
    if (!r)
        return std::unexpected(r.error());
    return {};
}
