#include "host/serverrestart.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "host/detachedcommand.h"

#include <QRegularExpression>
#include <QThread>

#include <algorithm>

namespace {

/** Waits @p ms, a short backoff step: the caller polls something remote between two of them. */
void pause(int ms)
{
    QThread::msleep(ulong(ms));
}
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

bool ServerRestart::upAsNewProcess()
{
    if (!m_ctx.connect(1))
        return false;
    auto uptime = m_ctx.sql->query(QStringLiteral("SHOW GLOBAL STATUS LIKE 'Uptime'"));
    if (!uptime || uptime->isEmpty())
        return false;
    const qint64 up = uptime->first().value(QStringLiteral("Value")).toLongLong();
    if (up <= m_clock.elapsed() / 1000 + 1)
        return true;
    m_ctx.sql->close(); // the old process, not yet stopped
    return false;
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

Result<void> ServerRestart::waitForConnections(qint64 deadlineMs)
{
    StepError last;
    int backoff = 20;
    while (m_clock.elapsed() < deadlineMs) {
        auto c = m_ctx.connect(2);
        if (c)
            return {};
        last = c.error();
        if (last.code == 1045) // a wrong password will not get better by waiting
            return std::unexpected(last);
        pause(backoff);
        backoff = std::min(backoff * 2, 250);
    }
    return std::unexpected(failure(ServerRestart::tr("the server did not accept connections within %1 s: %2")
                                       .arg(deadlineMs / 1000)
                                       .arg(last.text)));
}

Result<void> ServerRestart::run()
{
    const QString& cmd = m_options.command;
    auto shell = m_ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    if (m_ctx.sql)
        m_ctx.sql->close();
    m_clock.start();
    auto job = DetachedCommand::start(**shell, cmd, m_options.errorLog, m_ctx.profile.name);
    if (!job)
        return std::unexpected(failure(ServerRestart::tr(
            "could not launch \"%1\": %2. Check whether the server runs before trying again.")
                                           .arg(cmd, job.error().text)));

    DetachedCommand::State state;
    QString lostConnection;
    qint64 nextProgress = 5000;
    qint64 nextConnect = 20;
    int connectBackoff = 20; // asks soon, then less often: no fixed wait between the attempts
    int backoff = 20;
    for (;;) {
        if (m_clock.elapsed() >= m_options.timeoutMs) {
            // the restore restarts the server next: two restarts must not overlap
            const bool stopped = job->stop(**shell).has_value();
            m_mayStillRun = !stopped;
            return std::unexpected(failure(
                (stopped
                        ? ServerRestart::tr("\"%1\" did not finish within %2 s and was stopped (its output: "
                                            "%3/output)%4")
                        : ServerRestart::tr("\"%1\" did not finish within %2 s and may still run on the host "
                                            "(its output: %3/output)%4"))
                    .arg(cmd)
                    .arg(m_options.timeoutMs / 1000)
                    .arg(job->folder(),
                        lostConnection.isEmpty()
                            ? QString()
                            : ServerRestart::tr("; the SSH connection was lost: %1").arg(lostConnection))));
        }
        auto polled = job->poll(**shell);
        if (!polled) {
            // the connection dropped: the command runs on by itself; the next poll reconnects
            if (lostConnection.isEmpty())
                m_options.progress(ServerRestart::tr("lost the connection to the host while the restart runs "
                                                     "(it goes on by itself): %1; reconnecting")
                                       .arg(polled.error().text));
            lostConnection = polled.error().text;
            // the host is out of reach, the server may not be: a new process answering is the outcome
            if (m_clock.elapsed() >= nextConnect) {
                if (upAsNewProcess()) {
                    m_options.progress(ServerRestart::tr("the server is up again as a new process while the "
                                                         "host cannot be reached over SSH (%1); not waiting "
                                                         "for \"%2\" (its output: %3/output)")
                                           .arg(lostConnection, cmd, job->folder()));
                    return {};
                }
                nextConnect = m_clock.elapsed() + connectBackoff;
                connectBackoff = std::min(connectBackoff * 2, 500);
            }
        } else {
            if (!lostConnection.isEmpty()) {
                m_options.progress(ServerRestart::tr("reconnected; the restart ran on meanwhile"));
                lostConnection.clear();
            }
            state = *polled;
            if (state.phase != DetachedCommand::Phase::Running)
                break;
            if (showsAbortedStart(QString::fromLocal8Bit(state.appended)))
                break; // the server process exited during its start: no use waiting for the command
            // some commands go on after the server is up (an init script's own checks): it is up when a
            // new process answers
            if (m_clock.elapsed() >= nextConnect) {
                if (upAsNewProcess()) {
                    m_options.progress(ServerRestart::tr("the server is up again while \"%1\" still runs; "
                                                         "not waiting for it (its output: %2/output)")
                                           .arg(cmd, job->folder()));
                    return {};
                }
                nextConnect = m_clock.elapsed() + connectBackoff;
                connectBackoff = std::min(connectBackoff * 2, 500);
            }
        }
        if (m_clock.elapsed() >= nextProgress) {
            const QStringList said = relevantLines(QString::fromLocal8Bit(state.output), 1);
            m_options.progress(ServerRestart::tr("still restarting after %1 s%2")
                                   .arg(m_clock.elapsed() / 1000)
                                   .arg(said.isEmpty() ? QString() : QStringLiteral(": ") + said.first()));
            nextProgress += 5000;
        }
        pause(backoff);
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
    if (state.phase == DetachedCommand::Phase::Running) // the server gave up; a script still waiting
        m_mayStillRun = !job->stop(**shell).has_value(); // for it would only get in the way
    const bool commandOk = state.phase == DetachedCommand::Phase::Finished && state.exitCode == 0;
    if (!commandOk) {
        const QString how = state.phase == DetachedCommand::Phase::Finished
            ? ServerRestart::tr("\"%1\" exited with %2").arg(cmd).arg(state.exitCode)
            : state.phase == DetachedCommand::Phase::Vanished
            ? ServerRestart::tr("\"%1\" was killed before it finished").arg(cmd)
            : ServerRestart::tr("the server aborted its start while \"%1\" still ran").arg(cmd);
        return std::unexpected(failure(ServerRestart::tr("%1 after %2 s. The server says:\n%3\n(full output: "
                                                         "%4/output on the host)")
                                           .arg(how)
                                           .arg(m_clock.elapsed() / 1000.0, 0, 'f', 1)
                                           .arg(serverSays(), job->folder())));
    }
    if (auto up = waitForConnections(m_options.timeoutMs); !up)
        return std::unexpected(failure(ServerRestart::tr("\"%1\" succeeded, but %2. The server says:\n%3")
                                           .arg(cmd, up.error().text, serverSays())));
    // a command that returns 0 without restarting anything must not pass for a restart
    auto uptime = m_ctx.sql->query(QStringLiteral("SHOW GLOBAL STATUS LIKE 'Uptime'"));
    const qint64 upSeconds
        = uptime && !uptime->isEmpty() ? uptime->first().value(QStringLiteral("Value")).toLongLong() : 0;
    if (upSeconds > m_clock.elapsed() / 1000 + 2)
        return std::unexpected(failure(
            ServerRestart::tr("\"%1\" returned, but the server has been up for %2 s: it did not restart%3")
                .arg(cmd)
                .arg(upSeconds)
                .arg(output.trimmed().isEmpty() ? QString()
                                                : QStringLiteral(" (%1)").arg(output.trimmed().right(500)))));
    return {}; // the poll that saw the success removed the folder
}
