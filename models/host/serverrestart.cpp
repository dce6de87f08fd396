#include "host/serverrestart.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "host/remotejob.h"

#include <QRegularExpression>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <future>

namespace {

/** Waits @p ms, a short backoff step: the caller polls something remote between two of them. */
void pause(int ms)
{
    QThread::msleep(ulong(std::max(ms, 0)));
}

/** While the server is away, a SQL connect attempt this often, beside the host's poll: the new server is
 *  seen within this long of answering. */
constexpr int kConnectEveryMs = 25;
/** How long one poll of the host waits there for the command's end: it answers within 20 ms of the end, so
 *  a longer wait costs no latency, only fewer polls (each an SSH channel, sudo and a shell beside a starting
 *  server; the SQL looks go on meanwhile). */
constexpr int kPollWaitMs = 1000;
} // namespace

ServerRestart::ServerRestart(ServerContext& ctx, Options options)
    : m_ctx(ctx)
    , m_options(std::move(options))
{
    if (!m_options.progress)
        m_options.progress = [](const QString&) {};
}

StepError ServerRestart::failure(const QString& text) const
{
    return StepError { m_ctx.profile.name, StepId::Restart, 0, text };
}

QStringList ServerRestart::relevantLines(const QString& text, int max, bool tellingOnly)
{
    static const QRegularExpression telling(
        QStringLiteral("\\[ERROR\\]|\\bERROR\\b|Errcode|errno|error:|[Ff]ailed|FAILED|[Pp]ermission "
                       "denied|[Cc]annot|[Cc]an't|"
                       "[Uu]nknown (variable|option)|[Aa]borting"));
    QStringList lines;
    for (const QString& l : text.split(QLatin1Char('\n'))) {
        const QString t = l.trimmed();
        if (!t.isEmpty())
            lines << t;
    }
    QStringList picked;
    for (const QString& l : lines)
        if (telling.match(l).hasMatch() && !picked.contains(l))
            picked << l;
    if (picked.isEmpty() && !tellingOnly)
        picked = lines;
    return picked.mid(std::max<qsizetype>(0, picked.size() - max));
}

bool ServerRestart::showsAbortedStart(const QString& appendedLog)
{
    static const QRegularExpression aborted(QStringLiteral("\\[ERROR\\] (\\S+: )?Aborting"));
    return aborted.match(appendedLog).hasMatch();
}

QString ServerRestart::systemdUnitOf(const QString& command)
{
    static const QRegularExpression re(
        QStringLiteral("\\bsystemctl\\s+(?:\\S+\\s+)*?restart\\s+'?([^'\\s]+)'?"));
    const auto m = re.match(command);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString ServerRestart::serviceJournal()
{
    const QString unit = systemdUnitOf(m_options.command);
    if (unit.isEmpty())
        return {};
    auto shell = m_ctx.hostShell();
    if (!shell)
        return {};
    auto r = (*shell)->run(
        QStringLiteral("journalctl -u %1 -n 30 --no-pager -o cat 2>/dev/null").arg(Shell::quote(unit)),
        15000);
    return r && r->exitCode == 0 ? QString::fromUtf8(r->out) : QString();
}

StepError ServerRestart::timedOut(HostShell& shell, const RemoteJob& job, const QString& lostConnection)
{
    // the restore restarts the server next: two restarts must not overlap, so the command's whole process
    // group must be gone first
    const auto stopped = job.stop(shell);
    m_mayStillRun = !stopped;
    const QString lost = lostConnection.isEmpty()
        ? QString()
        : ServerRestart::tr("; the SSH connection was lost: %1").arg(lostConnection);
    if (stopped)
        return failure(ServerRestart::tr("\"%1\" did not finish within %2 s and was stopped with all it had "
                                         "started (its output: %3/output)%4")
                           .arg(m_options.command)
                           .arg(m_options.timeoutMs / 1000)
                           .arg(job.workDir(), lost));
    return failure(ServerRestart::tr("\"%1\" did not finish within %2 s and may still run on the host: %3 "
                                     "(its output: %4/output)%5")
                       .arg(m_options.command)
                       .arg(m_options.timeoutMs / 1000)
                       .arg(stopped.error().text, job.workDir(), lost));
}

Result<void> ServerRestart::judgeSettled(RestartedServer& server)
{
    const QString missing = server.settingsMissing();
    if (missing.isEmpty()) {
        m_backAs = server.candidate();
        return {};
    }
    return std::unexpected(
        failure(ServerRestart::tr("the server came back, but not with the configuration "
                                  "just written: %1. Another option file may override ours.")
                    .arg(missing)));
}

Result<void> ServerRestart::waitUntilBack(RestartedServer& server)
{
    int backoff = 20;
    for (;;) {
        const qint64 now = m_clock.elapsed();
        const auto seen = server.observe(now);
        if (seen == RestartedServer::Seen::Old)
            // a command that returns 0 without restarting anything must not pass for a restart
            return std::unexpected(failure(ServerRestart::tr("\"%1\" returned, but the server has been up "
                                                             "for %2 s: it did not restart")
                                               .arg(m_options.command)
                                               .arg(server.last() ? server.last()->uptime : now / 1000)));
        if (server.settled(m_clock.elapsed(), m_options.settleAfterEndMs))
            return judgeSettled(server);
        // a candidate still settling may finish doing so past the timeout
        const qint64 deadline
            = m_options.timeoutMs + (server.hasCandidate() ? m_options.settleAfterEndMs : 0);
        if (m_clock.elapsed() >= deadline) {
            const QString strangers = server.strangers();
            return std::unexpected(
                failure(ServerRestart::tr("the server did not come back within %1 s%2")
                            .arg(m_options.timeoutMs / 1000)
                            .arg(strangers.isEmpty() ? QString()
                                                     : QStringLiteral(" (") + strangers + QLatin1Char(')'))));
        }
        // nothing answers yet: the next look soon; a candidate settling: its last look at the settle's end
        qint64 wait = seen == RestartedServer::Seen::Nothing ? std::min(backoff, kConnectEveryMs) : backoff;
        if (server.hasCandidate())
            wait = std::clamp<qint64>(
                server.settledAt(m_options.settleAfterEndMs) - m_clock.elapsed(), 1, wait);
        pause(int(wait));
        backoff = std::min(backoff * 2, 250);
    }
}

Result<void> ServerRestart::run()
{
    auto shell = m_ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    const QString launch = beginLaunch();
    return follow((*shell)->run(launch, LaunchTimeoutMs));
}

QString ServerRestart::beginLaunch()
{
    if (m_ctx.sql)
        m_ctx.sql->close();
    m_clock.start(); // before the launch: a server started after this is a new one
    return RemoteJob::launchScript(QStringLiteral("run"), m_options.command, m_options.errorLog);
}

Result<void> ServerRestart::follow(const Result<CommandResult>& launched)
{
    const QString& cmd = m_options.command;
    auto shell = m_ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    auto job
        = RemoteJob::launched(**shell, m_ctx.profile.name, StepId::Restart, launched, m_options.errorLog);
    if (!job)
        return std::unexpected(failure(ServerRestart::tr(
            "could not launch \"%1\": %2. Check whether the server runs before trying again.")
                                           .arg(cmd, job.error().text)));
    RestartedServer server(m_ctx, m_options.expected);

    RemoteJob::State state;
    QString lostConnection;
    qint64 nextProgress = 5000;
    qint64 nextConnect = 0;
    int connectBackoff = kConnectEveryMs; // often while nothing answers, less often once the server does
    int backoff = 20;
    // SQL looks at the server beside the host's poll: every 25 ms while nothing answers (the new server is
    // seen as soon as it answers, not at the poll's end), every 100 ms while the old server is still stopping
    // or another one answers, then less often while a candidate stays
    auto look = [&] {
        if (m_clock.elapsed() < nextConnect)
            return;
        const auto seen = server.observe(m_clock.elapsed());
        if (seen == RestartedServer::Seen::Candidate)
            connectBackoff = std::min(connectBackoff * 2, 500);
        else if (seen == RestartedServer::Seen::Nothing)
            connectBackoff = kConnectEveryMs;
        else
            connectBackoff = 100;
        nextConnect = m_clock.elapsed() + connectBackoff;
    };
    // a server that answers while the command still runs is back once it has stayed up long enough
    auto backWhileRunning = [&]() -> bool {
        look();
        return server.settled(m_clock.elapsed(), SettleWhileRunningMs);
    };
    // the host's poll runs on a thread of its own while this one only looks at the server over SQL (the shell
    // is used by one thread at a time); the poll's answer is taken as soon as it comes
    auto pollHost = [&]() -> Result<RemoteJob::State> {
        HostShell* sh = *shell;
        const RemoteJob& j = *job;
        const int waitMs = int(std::clamp<qint64>(m_options.timeoutMs - m_clock.elapsed(), 0, kPollWaitMs));
        auto pending = std::async(std::launch::async, [&j, sh, waitMs] { return j.state(*sh, waitMs); });
        while (pending.wait_for(std::chrono::milliseconds(
                   std::clamp<qint64>(nextConnect - m_clock.elapsed(), 1, kConnectEveryMs)))
            == std::future_status::timeout)
            look();
        return pending.get();
    };
    for (;;) {
        if (m_clock.elapsed() >= m_options.timeoutMs)
            return std::unexpected(timedOut(**shell, *job, lostConnection));
        auto polled = pollHost();
        if (!polled) {
            // the connection dropped: the command runs on by itself; the next poll reconnects
            if (lostConnection.isEmpty())
                m_options.progress(ServerRestart::tr("lost the connection to the host while the restart runs "
                                                     "(it goes on by itself): %1; reconnecting")
                                       .arg(polled.error().text));
            lostConnection = polled.error().text;
            // the host is out of reach, the server may not be: the server back and up is the outcome
            if (backWhileRunning()) {
                if (auto judged = judgeSettled(server); !judged) {
                    m_mayStillRun = true; // and it cannot be stopped without the host
                    return judged;
                }
                m_options.progress(ServerRestart::tr("the server is back and has stayed up while the host "
                                                     "cannot be reached over SSH (%1); not waiting for "
                                                     "\"%2\" (its output: %3/output)")
                                       .arg(lostConnection, cmd, job->workDir()));
                return {};
            }
        } else {
            if (!lostConnection.isEmpty()) {
                m_options.progress(ServerRestart::tr("reconnected; the restart ran on meanwhile"));
                lostConnection.clear();
            }
            state = *polled;
            if (state.phase != RemoteJob::Phase::Running)
                break;
            if (showsAbortedStart(QString::fromLocal8Bit(state.appended)))
                break; // the server process exited during its start: no use waiting for the command
            // some commands go on after the server is up (an init script's own checks)
            if (backWhileRunning()) {
                if (auto judged = judgeSettled(server); !judged) {
                    // the restore restarts next: nothing of this command may run on meanwhile
                    m_mayStillRun = !job->stop(**shell).has_value();
                    return judged;
                }
                m_options.progress(
                    ServerRestart::tr("the server is back and has stayed up while \"%1\" still "
                                      "runs; not waiting for it")
                        .arg(cmd));
                // nobody reads its outcome now: it removes its folder itself when it ends with 0
                if (auto released = job->release(**shell); !released)
                    m_options.progress(released.error().text);
                return {};
            }
        }
        if (m_clock.elapsed() >= nextProgress) {
            const QStringList said = relevantLines(QString::fromLocal8Bit(state.output), 1);
            m_options.progress(ServerRestart::tr("still restarting after %1 s%2")
                                   .arg(m_clock.elapsed() / 1000)
                                   .arg(said.isEmpty() ? QString() : QStringLiteral(": ") + said.first()));
            // 5 s after the second this line says (a poll may end late in a second: never two lines 4 s
            // apart)
            nextProgress = m_clock.elapsed() / 1000 * 1000 + 5000;
        }
        // the host's poll already waits on the host for the end: between two of them a short breath only,
        // the SQL looks going on
        const qint64 until = m_clock.elapsed() + backoff;
        while (m_clock.elapsed() < until) {
            pause(int(std::min<qint64>(until - m_clock.elapsed(), kConnectEveryMs)));
            look();
        }
        backoff = std::min(backoff * 2, lostConnection.isEmpty() ? 100 : 1000);
    }

    const QString output = QString::fromLocal8Bit(state.output);
    const QString logged = QString::fromLocal8Bit(state.appended);
    auto serverSays = [&] {
        // the lines that say why, from wherever they are (error log, the command's output, the service
        // journal); only when none of them says anything telling, the last lines of each
        const QString journal = serviceJournal();
        QStringList words;
        for (const QString& source : { logged, output, journal })
            for (const QString& l : relevantLines(source, 8, true))
                if (!words.contains(l))
                    words << l;
        if (!words.isEmpty())
            return words.join(QLatin1Char('\n'));
        for (const QString& source : { logged, output, journal })
            for (const QString& l : relevantLines(source, 4))
                if (!words.contains(l))
                    words << l;
        return words.join(QLatin1Char('\n'));
    };
    // the server gave up (a script still waiting for it would only get in the way), or the runner was
    // killed from outside (what it started may live on): nothing of the command may run on
    if (state.phase != RemoteJob::Phase::Finished)
        if (auto stopped = job->stop(**shell); !stopped) {
            m_mayStillRun = true;
            m_options.progress(stopped.error().text);
        }
    const bool commandOk = state.phase == RemoteJob::Phase::Finished && state.exitCode == 0;
    if (!commandOk) {
        const QString how = state.phase == RemoteJob::Phase::Finished
            ? ServerRestart::tr("\"%1\" exited with %2").arg(cmd).arg(state.exitCode)
            : state.phase == RemoteJob::Phase::Vanished
            ? ServerRestart::tr("\"%1\" was killed before it finished").arg(cmd)
            : ServerRestart::tr("the server aborted its start while \"%1\" still ran").arg(cmd);
        server.observe(m_clock.elapsed()); // whether a server that answered meanwhile is still there
        const QString strangers = server.strangers();
        return std::unexpected(
            failure(ServerRestart::tr("%1 after %2 s%3. The server says:\n%4\n(full output: "
                                      "%5/output on the host)")
                        .arg(how)
                        .arg(m_clock.elapsed() / 1000.0, 0, 'f', 1)
                        .arg(strangers.isEmpty() ? QString() : QStringLiteral("; ") + strangers, serverSays(),
                            job->workDir())));
    }
    if (auto back = waitUntilBack(server); !back)
        return std::unexpected(failure(ServerRestart::tr("\"%1\" succeeded, but %2. The server says:\n%3")
                                           .arg(cmd, back.error().text, serverSays())));
    // a success needs no record on the host; a failure keeps it for the admin
    if (m_options.cleanUpInBackground)
        // off the critical path; a folder that could not be removed only stays in the host's temp folder
        m_ctx.onHostShellInBackground([done = *job](HostShell& sh) { done.remove(sh); });
    else if (auto removed = job->remove(**shell); !removed)
        m_options.progress(removed.error().text);
    return {};
}
