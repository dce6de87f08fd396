#include "common/shellquote.h"
#include "common/stepid.h"
#include "support/setupdriver.h"
#include "support/sshdfixture.h"
#include "support/testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTime>

#include <atomic>
#include <csignal>
#include <thread>

#include <unistd.h>

/** ConfigPush and its restart against real sandboxes: a server that refuses the new settings is reported
 *  with its own error line soon after it gives up, and restored; an SSH session killed between stop and start
 *  does not stop the restart; the default filters replicate DDL made without USE; a live server with its
 *  binary log on is paired without a restart. One sandbox pair serves the first three, in order. */
class TestConfigPush : public QObject
{
    Q_OBJECT

    static QString text(const QString& path)
    {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return QString::fromUtf8(f.readAll());
    }
    static void dump(const SetupOutcome& o) { qInfo().noquote() << o.lines.join(QLatin1Char('\n')); }
    static qint64 uptime(Sandbox& sb, int i)
    {
        return sandboxSql(sb, i, QStringLiteral("SHOW GLOBAL STATUS LIKE 'Uptime'"))
            .section(QLatin1Char('\t'), 1)
            .toLongLong();
    }
    static pid_t parentOf(pid_t pid)
    {
        const QString status = text(QStringLiteral("/proc/%1/status").arg(pid));
        const qsizetype at = status.indexOf(QLatin1String("\nPPid:"));
        return at < 0 ? 0 : pid_t(status.mid(at + 6).section(QLatin1Char('\n'), 0, 0).trimmed().toInt());
    }
    /** Processes whose command line contains @p text. */
    static QStringList processesNaming(const QString& text)
    {
        QStringList out;
        for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            QFile f(QStringLiteral("/proc/%1/cmdline").arg(entry));
            if (entry.toInt() > 0 && f.open(QIODevice::ReadOnly)
                && QString::fromUtf8(f.readAll().replace('\0', ' ')).contains(text))
                out << entry;
        }
        return out;
    }
    /** Every process serving a session of the fixture: all descendants of its listening sshd (with
     *  privilege separation the TCP connection is held by a grandchild, the user's commands lower still). */
    static QList<pid_t> sessionProcesses(const SshdFixture& sshd)
    {
        const pid_t listener = pid_t(text(sshd.dir() + QStringLiteral("/sshd.pid")).trimmed().toInt());
        QList<pid_t> out;
        if (listener <= 0)
            return out;
        for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            bool numeric = false;
            const pid_t pid = pid_t(entry.toInt(&numeric));
            if (!numeric || pid == listener)
                continue;
            int hops = 0;
            for (pid_t up = parentOf(pid); up > 1 && hops < 64; up = parentOf(up), ++hops)
                if (up == listener) {
                    out << pid;
                    break;
                }
        }
        return out;
    }
    /** Kills every session process (the listener stays), stopped first so that none reacts meanwhile. */
    static int killSessions(const SshdFixture& sshd)
    {
        int killed = 0;
        const QList<pid_t> tree = sessionProcesses(sshd);
        for (pid_t pid : tree)
            ::kill(pid, SIGSTOP);
        for (pid_t pid : tree)
            if (::kill(pid, SIGKILL) == 0)
                ++killed;
        return killed;
    }
    /** The N of every "still restarting after N s" line of @p server, in order; @p at: each line's own time
     *  (ms since midnight, from its "HH:mm:ss.zzz" prefix). */
    static QList<int> progressSeconds(const SetupOutcome& o, const QString& server, QList<int>* at = nullptr)
    {
        const QRegularExpression re(
            QStringLiteral("\\[%1\\] [^:]*: still restarting after (\\d+) s").arg(server));
        QList<int> out;
        for (const QString& line : o.lines)
            if (const auto m = re.match(line); m.hasMatch()) {
                out << m.captured(1).toInt();
                if (at)
                    *at << QTime::fromString(line.left(12), QStringLiteral("HH:mm:ss.zzz"))
                               .msecsSinceStartOfDay();
            }
        return out;
    }

    static void writeScript(const QString& path, const QString& body)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(body.toUtf8());
        f.close();
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    /** The pair's profile with a restart command for B that misbehaves the first time (@p firstTime, a sh
     *  fragment run after it notes @p once) and restarts B as usual after that. */
    static PairProfile withFaultyRestartOnce(SandboxPair& pair, const QString& once, const QString& firstTime)
    {
        Sandbox& sb = pair.sandbox();
        const QString script = pair.dir() + QStringLiteral("/restart-b.sh");
        writeScript(script,
            QStringLiteral("#!/bin/sh\n"
                           "if [ -e %1 ]; then exec %2/restart.sh; fi\n"
                           "touch %1\n")
                    .arg(Shell::quote(once), Shell::quote(sb.servers()[1].dir))
                + firstTime);
        PairProfile profile = sb.pairProfile();
        profile.servers[1].restartCommand = Shell::quote(script);
        return profile;
    }
    /** TMPDIR is @p dir (the restart's folders are made there) until the returned guard ends. */
    [[nodiscard]] static auto tmpDirAt(const QString& dir)
    {
        const QByteArray old = qgetenv("TMPDIR");
        qputenv("TMPDIR", dir.toUtf8());
        return qScopeGuard([old] { qputenv("TMPDIR", old); });
    }
    /** Server @p i with its binary log on in the admin's own file, restarted. */
    static bool binaryLogOn(Sandbox& sb, int i)
    {
        QFile f(sb.servers()[i].dir + QStringLiteral("/conf.d/10-binlog.cnf"));
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write("[mysqld]\nlog-bin = mysql-bin\n");
        f.close();
        return sb.stop(i) && sb.start(i);
    }
    /** The processes of group @p pgid that live (zombies apart), from /proc. */
    static QStringList liveGroupMembers(pid_t pgid)
    {
        QStringList live;
        for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            if (entry.toInt() <= 0)
                continue;
            const QString stat = text(QStringLiteral("/proc/%1/stat").arg(entry));
            const QStringList f = stat.mid(stat.lastIndexOf(QLatin1Char(')')) + 2).split(QLatin1Char(' '));
            if (f.size() > 2 && f.at(2).toInt() == pgid && f.at(0) != QLatin1String("Z"))
                live << stat.left(80);
        }
        return live;
    }

    SandboxPair m_pair;
    SshdFixture m_sshd;
    QString m_journalProfile;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        QVERIFY2(m_sshd.start(), qPrintable(m_sshd.error()));
        QVERIFY(m_sshd.allowSudo());
        m_journalProfile = m_pair.dir() + QStringLiteral("/pair.replipair.json");
        // a profile that is a regular file keeps its journal beside it
        if (!QFile::exists(m_journalProfile))
            QVERIFY(m_pair.sandbox().pairProfile().save(m_journalProfile));
    }

    void failedStartIsReportedWithTheServersOwnWordsAndRestored()
    {
        Sandbox& sb = m_pair.sandbox();
        const SandboxServer& b = sb.servers()[1];
        // with the binary log on, B cannot open its index (a folder stands in the way): it aborts its start.
        // The restart command then keeps the caller waiting 40 s more, as an init script does before it
        // gives up: setup must stop waiting once the server has aborted, not when the command returns.
        const QString index = b.dir + QStringLiteral("/data/mysql-bin.index");
        QVERIFY(QDir().mkpath(index));
        PairProfile profile = sb.pairProfile();
        profile.servers[1].restartCommand = QStringLiteral("%1 || { sleep 40; exit 1; }")
                                                .arg(Shell::quote(b.dir + QStringLiteral("/restart.sh")));
        const QString before = text(b.configFile);
        QElapsedTimer t;
        t.start();
        const SetupOutcome o = runSetup(
            profile, SetupRunner::Mode::Setup, [](SetupRunner& r) { r.setRestartTimeoutMs(90000); });
        const qint64 took = t.elapsed();
        dump(o);
        QDir().rmdir(index);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.server, QStringLiteral("B"));
        // the server's own line, from its error log
        QVERIFY2(o.error.text.contains(QStringLiteral("[ERROR]"))
                && o.error.text.contains(QStringLiteral("mysql-bin.index")),
            qPrintable(o.error.text));
        QVERIFY2(o.error.text.contains(QStringLiteral("server is back up")), qPrintable(o.error.text));
        QVERIFY2(took < 30000, qPrintable(QStringLiteral("took %1 ms").arg(took))); // not the command's 40 s
        QCOMPARE(text(b.configFile), before);
        QVERIFY(!QFile::exists(b.dir + QStringLiteral("/conf.d/90-replipair.cnf")));
        QVERIFY(sb.isRunning(1));
        QCOMPARE(sandboxSql(sb, 1, QStringLiteral("SELECT @@log_bin")), QStringLiteral("0"));
    }

    void restartSurvivesAKilledSshSession()
    {
        Sandbox& sb = m_pair.sandbox();
        PairProfile profile = sb.pairProfile();
        profile.filePath = m_journalProfile;
        const QString marker = m_pair.dir() + QStringLiteral("/stopped");
        QFile::remove(marker);
        for (int i = 0; i < 2; ++i) {
            ServerProfile& s = profile.servers[i];
            s.hasSsh = true;
            s.ssh = m_sshd.endpoint(m_sshd.dir() + QStringLiteral("/known_hosts_configpush"));
            s.ssh.acceptNewHostKey = true;
            s.ssh.sudo = ::geteuid() == 0;
            // stop, then a pause between stop and start in which the session is killed; an init script
            // prints as it goes (a command tied to the dead session would die on that write)
            const QString dir = Shell::quote(sb.servers()[i].dir);
            s.restartCommand
                = QStringLiteral("%1/stop.sh && touch %2 && sleep %3 && echo starting && %1/start.sh")
                      .arg(dir, Shell::quote(marker), i == 1 ? QStringLiteral("11") : QStringLiteral("6"));
        }
        std::atomic<int> killed { 0 };
        std::atomic<bool> done { false };
        std::thread killer([&] {
            while (!done && !QFile::exists(marker))
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            if (done)
                return;
            killed = killSessions(m_sshd);
        });
        const SetupOutcome o = runSetup(profile);
        done = true;
        killer.join();
        dump(o);
        QVERIFY2(killed > 0, "no SSH session was killed during the restart");
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        QVERIFY(o.said(QStringLiteral("lost the connection to the host while the restart runs")));
        QVERIFY(o.said(QStringLiteral("reconnected")));
        // progress while it waits: not before 5 s, then not more often than every 5 s (B's restart takes over
        // 11 s), each line telling the time it was really said at (its own clock against the first one's),
        // however late a loaded machine let it come
        QList<int> at;
        const QList<int> progress = progressSeconds(o, QStringLiteral("B"), &at);
        QVERIFY2(progress.size() >= 2, qPrintable(QStringLiteral("%1 progress lines").arg(progress.size())));
        QVERIFY2(progress.at(0) >= 5, qPrintable(QString::number(progress.at(0))));
        for (qsizetype i = 1; i < progress.size(); ++i) {
            QVERIFY2(progress.at(i) - progress.at(i - 1) >= 5,
                qPrintable(QStringLiteral("%1 s after %2 s").arg(progress.at(i)).arg(progress.at(i - 1))));
            const int said = (at.at(i) - at.at(0)) / 1000, told = progress.at(i) - progress.at(0);
            QVERIFY2(qAbs(said - told) <= 1,
                qPrintable(QStringLiteral("line %1 says %2 s after the first, said %3 s after it")
                               .arg(i)
                               .arg(told)
                               .arg(said)));
        }
        QVERIFY(o.said(QStringLiteral("verified in both directions")));
        for (int i = 0; i < 2; ++i) {
            QVERIFY(sb.isRunning(i));
            QCOMPARE(sandboxSql(sb, i, QStringLiteral("SELECT @@log_bin")), QStringLiteral("1"));
        }
        // the journal lists every file written, on both servers
        const QStringList lines = text(m_journalProfile + QStringLiteral(".journal"))
                                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(!lines.isEmpty());
        const QJsonArray steps = QJsonDocument::fromJson(lines.last().toUtf8())
                                     .object()
                                     .value(QStringLiteral("steps"))
                                     .toArray();
        QStringList written, wrote;
        for (const QJsonValue& s : steps)
            for (const QJsonValue& w : s.toObject().value(QStringLiteral("written")).toArray())
                written << w.toString();
        for (const QString& line : o.lines)
            if (line.contains(QLatin1String(" config: wrote ")))
                wrote << line.section(QLatin1String(" config: wrote "), 1);
        written.sort();
        wrote.sort();
        QVERIFY(wrote.contains(sb.servers()[1].dir + QStringLiteral("/conf.d/90-replipair.cnf")));
        QCOMPARE(written, wrote);
    }

    void failedStartQuotedFromTheRestartCommandsOwnOutput()
    {
        // no error log says why: only the restart command prints the server's error (as an init script
        // that starts the server in the foreground does), then fails after its own 4 s. The second run of
        // the same command (the restore) restarts for real.
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        const SandboxServer& b = sb.servers()[1];
        const QString once = pair.dir() + QStringLiteral("/failed-once");
        const QString script = pair.dir() + QStringLiteral("/restart-b.sh");
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            QStringLiteral("#!/bin/sh\n"
                           "if [ -e %1 ]; then exec %2/restart.sh; fi\n"
                           "touch %1\n"
                           "%2/stop.sh || exit 1\n"
                           "echo 'Starting MariaDB database server: mariadbd'\n"
                           "sleep 4\n"
                           "echo '2026-12-01  7:00:00 0 [ERROR] mariadbd: File ./mysql-bin.index not found "
                           "(Errcode: 13 \"Permission denied\")'\n"
                           "echo ' failed!'\n"
                           "exit 1\n")
                .arg(Shell::quote(once), Shell::quote(b.dir))
                .toUtf8());
        f.close();
        QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        PairProfile profile = sb.pairProfile();
        profile.servers[1].restartCommand = Shell::quote(script);
        const QString before = text(b.configFile);
        QElapsedTimer t;
        t.start();
        const SetupOutcome o = runSetup(profile);
        const qint64 took = t.elapsed();
        dump(o);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.server, QStringLiteral("B"));
        QVERIFY2(o.error.text.contains(QStringLiteral("Errcode: 13 \"Permission denied\"")),
            qPrintable(o.error.text));
        QVERIFY2(o.error.text.contains(QStringLiteral("exited with 1")), qPrintable(o.error.text));
        // the telling line, not the shutdown notes the error log gained meanwhile
        QVERIFY2(!o.error.text.contains(QStringLiteral("Normal shutdown")), qPrintable(o.error.text));
        QVERIFY2(o.error.text.contains(QStringLiteral("server is back up")), qPrintable(o.error.text));
        // the command's own 4 s, the restore's restart and the rest of the run: well under a minute
        QVERIFY2(took < 4000 + 30000, qPrintable(QStringLiteral("took %1 ms").arg(took)));
        QCOMPARE(text(b.configFile), before);
        QVERIFY(!QFile::exists(b.dir + QStringLiteral("/conf.d/90-replipair.cnf")));
        QVERIFY(sb.isRunning(1));
        QCOMPARE(sandboxSql(sb, 1, QStringLiteral("SELECT @@log_bin")), QStringLiteral("0"));
    }

    void failedRestoreIsReportedAndNotRestartedAgain()
    {
        // the restart fails, and by then a folder stands where the new drop-in was: it cannot be removed,
        // so the old configuration cannot be restored. No second restart with a mix of both; the message
        // says what is where.
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        const SandboxServer& b = sb.servers()[1];
        const QString dropIn = b.dir + QStringLiteral("/conf.d/90-replipair.cnf");
        const QString count = pair.dir() + QStringLiteral("/restarts");
        PairProfile profile = sb.pairProfile();
        profile.servers[1].restartCommand
            = QStringLiteral("echo run >> %1; %2/stop.sh; rm -f %3; mkdir -p %3/in-the-way; exit 1")
                  .arg(Shell::quote(count), Shell::quote(b.dir), Shell::quote(dropIn));
        const SetupOutcome o = runSetup(profile);
        dump(o);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.server, QStringLiteral("B"));
        QVERIFY2(o.error.text.contains(QStringLiteral("could NOT remove %1").arg(dropIn)),
            qPrintable(o.error.text));
        QVERIFY2(o.error.text.contains(QStringLiteral("NOT restarted again")), qPrintable(o.error.text));
        QVERIFY2(o.error.text.contains(QStringLiteral("does NOT answer")), qPrintable(o.error.text));
        QVERIFY2(!o.error.text.contains(QStringLiteral("restarted with the old configuration")),
            qPrintable(o.error.text));
        QCOMPARE(text(count), QStringLiteral("run\n")); // one restart, not two
        QVERIFY(!sb.isRunning(1));
        // by hand, as the message says: the folder away, the server started
        QVERIFY(QDir(dropIn).removeRecursively());
        QVERIFY(sb.start(1));
    }

    void restartThatMayStillRunIsNotRaced()
    {
        // B's SSH sessions die during its restart and sshd stays down: RepliPair cannot learn the outcome
        // nor stop the command before its timeout. It must not restore and restart on top of it; the restart
        // goes on by itself and the server comes up with the new configuration, as the message says.
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        SshdFixture sshd;
        QVERIFY2(sshd.start(), qPrintable(sshd.error()));
        Sandbox& sb = pair.sandbox();
        const SandboxServer& b = sb.servers()[1];
        const QString marker = pair.dir() + QStringLiteral("/stopped");
        const QString count = pair.dir() + QStringLiteral("/restarts");
        PairProfile profile = sb.pairProfile();
        ServerProfile& s = profile.servers[1];
        s.hasSsh = true;
        s.ssh = sshd.endpoint(sshd.dir() + QStringLiteral("/known_hosts_race"));
        s.ssh.acceptNewHostKey = true;
        s.ssh.sudo = ::geteuid() == 0;
        // the server stays down past the restart timeout (9 s): no answer on its port to learn from either
        s.restartCommand = QStringLiteral("echo run >> %1; %2/stop.sh && touch %3 && sleep 14 && %2/start.sh")
                               .arg(Shell::quote(count), Shell::quote(b.dir), Shell::quote(marker));
        std::atomic<bool> done { false };
        std::atomic<int> killed { 0 };
        std::thread killer([&] {
            while (!done && !QFile::exists(marker))
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            if (done)
                return;
            const pid_t listener = pid_t(text(sshd.dir() + QStringLiteral("/sshd.pid")).trimmed().toInt());
            const QList<pid_t> sessions = sessionProcesses(sshd);
            ::kill(listener, SIGKILL); // no reconnect possible
            for (pid_t pid : sessions)
                ::kill(pid, SIGSTOP);
            for (pid_t pid : sessions)
                if (::kill(pid, SIGKILL) == 0)
                    ++killed;
        });
        const SetupOutcome o = runSetup(
            profile, SetupRunner::Mode::Setup, [](SetupRunner& r) { r.setRestartTimeoutMs(9000); });
        done = true;
        killer.join();
        dump(o);
        QVERIFY2(killed > 0, "no SSH session was killed during the restart");
        QVERIFY(!o.ok);
        QCOMPARE(o.error.server, QStringLiteral("B"));
        QVERIFY2(
            o.error.text.contains(QStringLiteral("may still run on the host")), qPrintable(o.error.text));
        QVERIFY2(o.error.text.contains(QStringLiteral("NOT restored")), qPrintable(o.error.text));
        QVERIFY2(!o.error.text.contains(QStringLiteral("restarted with the old configuration")),
            qPrintable(o.error.text));
        QVERIFY(!o.said(QStringLiteral("restoring the old one and restarting again")));
        // the restart ran on by itself: B is up with the new configuration, restarted once
        QTRY_VERIFY_WITH_TIMEOUT(sb.isRunning(1), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            sandboxSql(sb, 1, QStringLiteral("SELECT @@log_bin")), QStringLiteral("1"), 20000);
        QVERIFY(QFile::exists(b.dir + QStringLiteral("/conf.d/90-replipair.cnf")));
        // once no process of a restart command is left (its shell names the count file), nothing can add a
        // run any more: then it ran once
        QTRY_VERIFY_WITH_TIMEOUT(processesNaming(count).isEmpty(), 30000);
        QCOMPARE(text(count), QStringLiteral("run\n"));
    }

    void anImpostorOnThePortIsNotTheServerBack()
    {
        // B's restart kills B and leaves another server on B's port and socket: B's new configuration, but
        // another datadir, gone again after 6 s (as an init script's diagnostic start is). It answers as
        // a new process with the settings just written: it must not pass for B, nor ever be "verified".
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        QVERIFY(sb.up(3)); // C lends its datadir to the impostor
        QVERIFY(sb.stop(2));
        const SandboxServer &b = sb.servers()[1], &c = sb.servers()[2];
        const QString once = pair.dir() + QStringLiteral("/impostor-once");
        const PairProfile profile = withFaultyRestartOnce(pair, once,
            QStringLiteral("%1/stop.sh || exit 1\n"
                           "%2 --defaults-file=%1/my.cnf --datadir=%3/data --pid-file=%3/impostor.pid %4"
                           "</dev/null >>%3/impostor.log 2>&1 &\n"
                           "pid=$!\n"
                           "( sleep 6; kill $pid ) </dev/null >/dev/null 2>&1 &\n"
                           "i=0; while [ ! -S %5 ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done\n"
                           "exit 0\n")
                .arg(Shell::quote(b.dir), Shell::quote(Sandbox::serverBinary()), Shell::quote(c.dir),
                    ::geteuid() == 0 ? QStringLiteral("--user=root ") : QString(), Shell::quote(b.socket)));
        const SetupOutcome o = runSetup(
            profile, SetupRunner::Mode::Setup, [](SetupRunner& r) { r.setRestartTimeoutMs(15000); });
        dump(o);
        QVERIFY(QFile::exists(once));
        QVERIFY(!o.ok);
        QVERIFY(!o.said(QStringLiteral("replication verified")));
        QCOMPARE(o.error.server, QStringLiteral("B"));
        QVERIFY2(o.error.text.contains(QStringLiteral("another server answered on its port")),
            qPrintable(o.error.text));
        QVERIFY2(o.error.text.contains(c.dir), qPrintable(o.error.text));
        // put back and restarted for real: B itself, with its old configuration
        QVERIFY2(o.error.text.contains(QStringLiteral("server is back up")), qPrintable(o.error.text));
        QVERIFY(sb.isRunning(1));
        QCOMPARE(sandboxSql(sb, 1, QStringLiteral("SELECT @@datadir")), b.dir + QStringLiteral("/data/"));
        QCOMPARE(sandboxSql(sb, 1, QStringLiteral("SELECT @@log_bin")), QStringLiteral("0"));
    }

    void aShortDiagnosticStartIsNotTheServerBack()
    {
        // as Debian's init script after a failed start: B itself (its datadir, its new configuration) runs
        // for 6 s as a diagnostic while the script still runs, then the script fails. The short-lived
        // server must not pass for B being back.
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        const SandboxServer& b = sb.servers()[1];
        const QString once = pair.dir() + QStringLiteral("/diagnostic-once");
        const PairProfile profile = withFaultyRestartOnce(pair, once,
            QStringLiteral("%1/stop.sh || exit 1\n"
                           "echo 'Starting MariaDB database server: mariadbd . . . failed!'\n"
                           "timeout 6 %2 --defaults-file=%1/my.cnf %3</dev/null >/dev/null 2>&1\n"
                           "exit 1\n")
                .arg(Shell::quote(b.dir), Shell::quote(Sandbox::serverBinary()),
                    ::geteuid() == 0 ? QStringLiteral("--user=root ") : QString()));
        const SetupOutcome o = runSetup(profile);
        dump(o);
        QVERIFY(QFile::exists(once));
        QVERIFY(!o.ok);
        QVERIFY(!o.said(QStringLiteral("replication verified")));
        QCOMPARE(o.error.server, QStringLiteral("B"));
        QVERIFY2(o.error.text.contains(QStringLiteral("exited with 1")), qPrintable(o.error.text));
        QVERIFY2(o.error.text.contains(QStringLiteral("went away again")), qPrintable(o.error.text));
        QVERIFY2(o.error.text.contains(QStringLiteral("server is back up")), qPrintable(o.error.text));
        QVERIFY(sb.isRunning(1));
        QCOMPARE(sandboxSql(sb, 1, QStringLiteral("SELECT @@log_bin")), QStringLiteral("0"));
    }

    void aServerThatRestartsRightAfterSetupsRestartIsNeverVerified()
    {
        // setup counts B back as soon as its new process answers after the restart command ended with 0 (no
        // 2 s settle): that very process must then be the one the verification starts and ends with. Here B
        // goes down and comes up again as another process right after setup's restart (as a server that
        // crashes and is started again by its supervisor): setup must fail — the next step on B finds its
        // session lost, or the verification another process (tst_verifierlostserver tests that part alone)
        // — and never say "verified".
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        qint64 upAfterRestart = -1;
        bool restartedAgain = false;
        const SetupOutcome o = runSetup(sb.pairProfile(), SetupRunner::Mode::Setup, [&](SetupRunner& r) {
            r.setAfterStepHook([&](const QString& step) {
                if (step != StepId::Config)
                    return;
                upAfterRestart = uptime(sb, 1);
                restartedAgain = sb.stop(1) && sb.start(1);
            });
        });
        dump(o);
        QVERIFY(restartedAgain);
        QVERIFY2(upAfterRestart >= 0 && upAfterRestart < 5, qPrintable(QString::number(upAfterRestart)));
        QVERIFY(!o.ok);
        QVERIFY(!o.said(QStringLiteral("replication verified")));
        QCOMPARE(o.error.server, QStringLiteral("B"));
    }

    void aHungRestartIsStoppedWithItsWholeGroupAndNeverRunsOn()
    {
        // B's restart stops B and then hangs (a real sleep in the command's process group) longer than
        // the restart timeout: it must be stopped with everything it started before the old configuration
        // is restarted, and never start B later. Its folder stays for the admin; the successful restart's
        // folder does not.
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        const SandboxServer& b = sb.servers()[1];
        const QString once = pair.dir() + QStringLiteral("/hung-once");
        const QString group = pair.dir() + QStringLiteral("/hung-group");
        const QString late = pair.dir() + QStringLiteral("/ran-on");
        const PairProfile profile = withFaultyRestartOnce(pair, once,
            QStringLiteral("ps -o pgid= -p $$ | tr -d ' ' > %2\n"
                           "%1/stop.sh || exit 1\n"
                           "sleep 300\n"
                           "touch %3\n"
                           "exec %1/start.sh\n")
                .arg(Shell::quote(b.dir), Shell::quote(group), Shell::quote(late)));
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const auto restoreTmp = tmpDirAt(tmp.path());
        QElapsedTimer t;
        t.start();
        const SetupOutcome o = runSetup(
            profile, SetupRunner::Mode::Setup, [](SetupRunner& r) { r.setRestartTimeoutMs(10000); });
        dump(o);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.server, QStringLiteral("B"));
        QVERIFY2(o.error.text.contains(QStringLiteral("was stopped with all it had started")),
            qPrintable(o.error.text));
        QVERIFY2(o.error.text.contains(QStringLiteral("server is back up")), qPrintable(o.error.text));
        const pid_t pgid = pid_t(text(group).trimmed().toInt());
        QVERIFY(pgid > 1);
        // no process of the hung command's group lives (kill(-pgid, 0) may still see zombies: this
        // machine's init does not reap them)
        QVERIFY2(
            liveGroupMembers(pgid).isEmpty(), qPrintable(liveGroupMembers(pgid).join(QLatin1Char('\n'))));
        QVERIFY(!QFile::exists(late));
        // B runs its old configuration, started once by the restore; nothing restarts it afterwards
        QVERIFY(sb.isRunning(1));
        QCOMPARE(sandboxSql(sb, 1, QStringLiteral("SELECT @@log_bin")), QStringLiteral("0"));
        const qint64 up = uptime(sb, 1);
        QTRY_VERIFY_WITH_TIMEOUT(uptime(sb, 1) >= up + 2, 10000);
        QVERIFY(!QFile::exists(late));
        // the failed restart's folder stays, with its output; the successful one's is gone
        const QStringList left
            = QDir(tmp.path()).entryList({ QStringLiteral("replipair-run.*") }, QDir::Dirs);
        QCOMPARE(left.size(), 1);
        QVERIFY(QFile::exists(tmp.filePath(left.first() + QStringLiteral("/output"))));
    }

    void aSuccessfulRestartLeavesNoFolder()
    {
        // the command goes on for 3 s after the server is up (as an init script's own checks do)
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const auto restoreTmp = tmpDirAt(tmp.path());
        PairProfile profile = sb.pairProfile();
        profile.servers[1].restartCommand
            = QStringLiteral("%1 && sleep 3")
                  .arg(Shell::quote(sb.servers()[1].dir + QStringLiteral("/restart.sh")));
        const SetupOutcome o = runSetup(profile);
        dump(o);
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        QVERIFY(o.said(QStringLiteral("verified in both directions")));
        const QStringList left = QDir(tmp.path()).entryList({ QStringLiteral("replipair-*") }, QDir::Dirs);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    }

    void ddlWithoutUseReplicatesUnderTheDefaultFilters()
    {
        Sandbox& sb = m_pair.sandbox();
        QVERIFY2(text(sb.servers()[1].dir + QStringLiteral("/conf.d/90-replipair.cnf"))
                     .contains(QStringLiteral("replicate-wild-do-table = test.%")),
            "the previous test set the pair up");
        bool ok = false;
        // no default database: the client is started without one
        sandboxSql(
            sb, 0, QStringLiteral("CREATE TABLE test.ddl_no_use (id INT PRIMARY KEY, v VARCHAR(10))"), &ok);
        QVERIFY(ok);
        sandboxSql(sb, 0, QStringLiteral("INSERT INTO test.ddl_no_use VALUES (1, 'a')"), &ok);
        QVERIFY(ok);
        QTRY_COMPARE_WITH_TIMEOUT(
            sandboxSql(sb, 1, QStringLiteral("SELECT v FROM test.ddl_no_use WHERE id = 1")),
            QStringLiteral("a"), 20000);
        // other databases stay out of the replica, whatever the default database
        sandboxSql(
            sb, 0, QStringLiteral("CREATE DATABASE IF NOT EXISTS other; CREATE TABLE other.t (id INT)"), &ok);
        QVERIFY(ok);
        sandboxSql(sb, 0, QStringLiteral("USE other; INSERT INTO test.ddl_no_use VALUES (2, 'b')"), &ok);
        QVERIFY(ok);
        QTRY_COMPARE_WITH_TIMEOUT(
            sandboxSql(sb, 1, QStringLiteral("SELECT v FROM test.ddl_no_use WHERE id = 2")),
            QStringLiteral("b"), 20000);
        QCOMPARE(sandboxSql(sb, 1,
                     QStringLiteral(
                         "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'other'")),
            QStringLiteral("0"));
        QCOMPARE(sandboxSql(sb, 1,
                     QStringLiteral(
                         "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE schema_name = 'other'")),
            QStringLiteral("0"));
        QCOMPARE(sandboxSql(sb, 1, QStringLiteral("SHOW GLOBAL STATUS LIKE 'Slave_running'")),
            QStringLiteral("Slave_running\tON"));
    }

    void liveServerWithItsBinaryLogOnIsNotRestarted()
    {
        SandboxPair live;
        QVERIFY2(live.up(), qPrintable(live.error()));
        Sandbox& sb = live.sandbox();
        // a production server: binary log on in the admin's own file, log_slave_updates off
        for (int i = 0; i < 2; ++i)
            QVERIFY(binaryLogOn(sb, i));
        // up for two seconds at least, so that a restart would show as a smaller uptime
        QTRY_VERIFY_WITH_TIMEOUT(uptime(sb, 0) >= 2 && uptime(sb, 1) >= 2, 20000);
        const qint64 before[2] = { uptime(sb, 0), uptime(sb, 1) };
        QVERIFY(before[0] >= 2 && before[1] >= 2);
        const SetupOutcome o = runSetup(sb.pairProfile());
        dump(o);
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        for (int i = 0; i < 2; ++i) {
            const qint64 after = uptime(sb, i);
            QVERIFY2(after >= before[i],
                qPrintable(QStringLiteral("%1: uptime %2 → %3").arg(i).arg(before[i]).arg(after)));
            // written for the next restart, not applied, and said so with what it means
            QVERIFY(text(sb.servers()[i].dir + QStringLiteral("/conf.d/90-replipair.cnf"))
                        .contains(QStringLiteral("log-slave-updates = ON")));
        }
        QVERIFY(o.said(QStringLiteral("takes effect at the next restart")));
        QVERIFY(!o.said(QStringLiteral("restarting the server")));
        QVERIFY(o.said(QStringLiteral("verified in both directions")));
    }

    /** The replication filters of a live server that needs no restart are in force after setup, not only
     *  written for the next restart: a write to a database outside the pair's list does not arrive (MySQL
     *  8 had this trap: no replicate_* variables, nothing restarted, every database replicated). Only
     *  SQL both flavors speak, so this runs unchanged against MySQL servers. */
    void liveServerFiltersAreInForceWithoutARestart()
    {
        SandboxPair live;
        QVERIFY2(live.up(), qPrintable(live.error()));
        Sandbox& sb = live.sandbox();
        for (int i = 0; i < 2; ++i) {
            QVERIFY(binaryLogOn(sb, i));
            // a database outside the pair, on both servers before the setup
            bool ok = false;
            sandboxSql(sb, i,
                QStringLiteral("CREATE DATABASE IF NOT EXISTS outside; "
                               "CREATE TABLE IF NOT EXISTS outside.t (id INT PRIMARY KEY); "
                               "CREATE TABLE IF NOT EXISTS test.marker (id INT PRIMARY KEY)"),
                &ok);
            QVERIFY(ok);
        }
        // up for two seconds at least, so that a restart would show as a smaller uptime
        QTRY_VERIFY_WITH_TIMEOUT(uptime(sb, 0) >= 2 && uptime(sb, 1) >= 2, 20000);
        const qint64 before[2] = { uptime(sb, 0), uptime(sb, 1) };
        const SetupOutcome o = runSetup(sb.pairProfile({ QStringLiteral("test") }));
        dump(o);
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        for (int i = 0; i < 2; ++i)
            QVERIFY2(uptime(sb, i) >= before[i], "the server was restarted");
        QVERIFY(!o.said(QStringLiteral("restarting the server")));
        // each way: a row outside the list, then a marker inside it; once the marker is there, the row
        // before it has been applied or filtered
        for (int from = 0; from < 2; ++from) {
            const int to = 1 - from;
            bool ok = false;
            sandboxSql(sb, from,
                QStringLiteral("INSERT INTO outside.t VALUES (%1); INSERT INTO test.marker VALUES (%1)")
                    .arg(from + 1),
                &ok);
            QVERIFY(ok);
            QTRY_COMPARE_WITH_TIMEOUT(
                sandboxSql(
                    sb, to, QStringLiteral("SELECT COUNT(*) FROM test.marker WHERE id = %1").arg(from + 1))
                    .trimmed(),
                QStringLiteral("1"), 20000);
            QCOMPARE(sandboxSql(
                         sb, to, QStringLiteral("SELECT COUNT(*) FROM outside.t WHERE id = %1").arg(from + 1))
                         .trimmed(),
                QStringLiteral("0"));
        }
    }
};

QTEST_GUILESS_MAIN(TestConfigPush)
#include "tst_configpush.moc"
