#include "common/shellquote.h"
#include "common/stepid.h"
#include "host/localshell.h"
#include "host/remotejob.h"
#include "support/fakehostshell.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <optional>
#include <unistd.h>

namespace {

/** LocalShell with another /bin/sh: dash (Debian's) or bash (others'). */
class ShellOf : public LocalShell
{
public:
    explicit ShellOf(QString program)
        : LocalShell(QStringLiteral("host"))
        , m_program(std::move(program))
    { }
    Result<CommandResult> run(const QString& command, int timeoutMs) override
    {
        QProcess p;
        p.start(m_program, { QStringLiteral("-c"), command });
        if (!p.waitForStarted(5000) || !p.waitForFinished(timeoutMs))
            return stepFailure(QStringLiteral("host"), StepId::RunCommand, QStringLiteral("did not run"));
        CommandResult r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private:
    QString m_program;
};

QString text(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
}

/** The live (not zombie: this machine's init does not reap) processes of process group @p pgid, from
 *  /proc; kill(-pgid, 0) says whether the group has any process at all. */
QStringList liveMembers(pid_t pgid)
{
    QStringList live;
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        if (entry.toInt() <= 0)
            continue;
        const QString stat = text(QStringLiteral("/proc/%1/stat").arg(entry));
        const QStringList f = stat.mid(stat.lastIndexOf(QLatin1Char(')')) + 2).split(QLatin1Char(' '));
        if (f.size() > 2 && f.at(2).toInt() == pgid && f.at(0) != QLatin1String("Z"))
            live << entry + QLatin1Char(' ') + stat.section(QLatin1Char(' '), 1, 2);
    }
    return live;
}

bool groupExists(pid_t pgid)
{
    return ::kill(-pgid, 0) == 0;
}
} // namespace

/** RemoteJob on real processes: a job is a process group of its own, stopped as a whole under dash and
 *  bash alike (TERM, then KILL for a group that ignores TERM, stopped processes included), a group that
 *  cannot be signalled is reported as surviving, the exit status and output are read back, and the work
 *  folder goes away after a success once nobody watches it and stays after a failure. */
class TestRemoteJob : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

    /** Starts @p script as a "run" job under @p shell and waits until @p processes of its group live. */
    static std::optional<RemoteJob> launched(
        HostShell& shell, const QString& script, int processes, pid_t* pgid)
    {
        auto job
            = RemoteJob::launch(shell, QStringLiteral("B"), StepId::Restart, QStringLiteral("run"), script);
        if (!job)
            return std::nullopt;
        *pgid = pid_t(text(job->workDir() + QStringLiteral("/job.pid")).toInt());
        const pid_t group = *pgid;
        if (group <= 1 || !QTest::qWaitFor([&] { return liveMembers(group).size() >= processes; }, 10000))
            return std::nullopt;
        return *job;
    }
    static RemoteJob::Phase phase(const RemoteJob& job, HostShell& shell)
    {
        auto st = job.state(shell, 0);
        return st ? st->phase : RemoteJob::Phase::Running;
    }
    static void touch(const QString& path)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("TMPDIR", m_tmp.path().toUtf8()); // this test's own folders only
    }

    void stopsTheWholeGroup_data()
    {
        QTest::addColumn<QString>("shell");
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("processes"); // runner, the job's shell, its children
        QTest::addColumn<bool>("needsKill");
        for (const QString& sh : { QStringLiteral("/bin/dash"), QStringLiteral("/bin/bash") }) {
            const QByteArray name = sh.section(QLatin1Char('/'), -1).toUtf8();
            QTest::newRow(name + ", children")
                << sh << QStringLiteral("sleep 300 & sleep 301 & wait") << 4 << false;
            // reparented to init, yet in the group: what signalling the runner alone leaves behind
            QTest::newRow(name + ", grandchild of a gone subshell")
                << sh << QStringLiteral("( sleep 302 & ) ; sleep 303") << 4 << false;
            // TERM ignored (inherited by the children): only SIGKILL ends it
            QTest::newRow(name + ", TERM ignored")
                << sh << QStringLiteral("trap '' TERM; sleep 304 & sleep 305; wait") << 4 << true;
            QTest::newRow(name + ", a stopped child")
                << sh << QStringLiteral("sleep 306 & kill -STOP $!; sleep 307") << 4 << false;
        }
    }
    void stopsTheWholeGroup()
    {
        QFETCH(QString, shell);
        QFETCH(QString, script);
        QFETCH(int, processes);
        QFETCH(bool, needsKill);
        if (!QFile::exists(shell))
            QSKIP("shell not installed");
        ShellOf sh(shell);
        pid_t pgid = 0;
        const auto launchedJob = launched(sh, script, processes, &pgid);
        QVERIFY2(launchedJob, qPrintable(liveMembers(pgid).join(QLatin1Char('\n'))));
        const RemoteJob& job = *launchedJob;
        auto printed = sh.run(RemoteJob::stopScript(job.workDir(), 1000), 20000);
        QVERIFY(printed);
        QCOMPARE(printed->exitCode, 0);
        QCOMPARE(printed->out.contains("killed"), needsKill);
        QVERIFY(printed->out.endsWith("stopped\n"));
        // gone for real, zombies apart (kill(-pgid, 0) still sees those here: this init does not reap)
        QVERIFY2(liveMembers(pgid).isEmpty(), qPrintable(liveMembers(pgid).join(QLatin1Char('\n'))));
        // and RemoteJob::stop() on a group that is gone: done at once
        QVERIFY(job.stop(sh));
        auto st = job.state(sh, 0);
        QVERIFY(st);
        QCOMPARE(int(st->phase), int(RemoteJob::Phase::Vanished));
        QVERIFY(job.remove(sh));
    }

    void stopOfAGroupThatCannotBeSignalledFails()
    {
        // the stop runs as "nobody" against a job of root's: TERM and KILL are refused, the group lives
        if (::geteuid() != 0 || !QFile::exists(QStringLiteral("/usr/bin/setpriv")))
            QSKIP("needs root and setpriv");
        LocalShell root(QStringLiteral("B"));
        pid_t pgid = 0;
        const auto launchedJob = launched(root, QStringLiteral("sleep 308"), 2, &pgid);
        QVERIFY(launchedJob);
        const RemoteJob& job = *launchedJob;
        const auto open
            = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther;
        QFile::setPermissions(m_tmp.path(), open);
        QFile::setPermissions(job.workDir(),
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
        QFile::setPermissions(
            job.workDir() + QStringLiteral("/job.pid"), QFile::ReadOwner | QFile::ReadOther);
        class AsNobody : public LocalShell
        {
        public:
            AsNobody()
                : LocalShell(QStringLiteral("B"))
            { }
            Result<CommandResult> run(const QString& command, int timeoutMs) override
            {
                return LocalShell::run(
                    QStringLiteral("exec setpriv --reuid=65534 --regid=65534 --clear-groups "
                                   "/bin/sh -c %1")
                        .arg(Shell::quote(command)),
                    timeoutMs);
            }
        } nobody;
        auto stopped = job.stop(nobody, 300);
        QVERIFY(!stopped);
        QVERIFY2(
            stopped.error().text.contains(QStringLiteral("did not stop")), qPrintable(stopped.error().text));
        QCOMPARE(stopped.error().step, StepId::Restart);
        QVERIFY(!liveMembers(pgid).isEmpty());
        QVERIFY(groupExists(pgid));
        QVERIFY(job.stop(root));
        QVERIFY(liveMembers(pgid).isEmpty());
        QVERIFY(job.remove(root));
    }

    void stopFailureIsReportedFromTheScriptsExit()
    {
        FakeHostShell fake;
        fake.addCommand(QStringLiteral("alive()"), "survived\n", 1);
        const RemoteJob job(QStringLiteral("B"), StepId::Copy, QStringLiteral("/tmp/replipair-copy.x"));
        auto stopped = job.stop(fake, 100);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().step, StepId::Copy);
        QVERIFY(!fake.ran.isEmpty());
        // never "kill -SIG -- -PGID": dash rejects it and then signals nothing
        QVERIFY(!fake.ran.last().contains(QRegularExpression(QStringLiteral("kill\\s+-[A-Z0-9]+\\s+--"))));
        QVERIFY(fake.ran.last().contains(QStringLiteral("kill -TERM \"-$p\"")));
    }

    void exitStatusAndOutputAreReadBack()
    {
        LocalShell sh(QStringLiteral("B"));
        const QString watched = m_tmp.filePath(QStringLiteral("error.log"));
        QFile w(watched);
        QVERIFY(w.open(QIODevice::WriteOnly));
        w.write("before\n");
        w.close();
        auto job = RemoteJob::launch(sh, QStringLiteral("B"), StepId::Restart, QStringLiteral("run"),
            QStringLiteral("echo said it; echo '[ERROR] logged' >> %1; exit 3").arg(Shell::quote(watched)),
            watched);
        QVERIFY(job);
        QVERIFY(QFileInfo(job->workDir()).permissions()
            == (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadUser | QFile::WriteUser
                | QFile::ExeUser));
        RemoteJob::State st;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto s = job->state(sh);
                st = s ? *s : RemoteJob::State {};
                return st.phase == RemoteJob::Phase::Finished;
            }(),
            10000);
        QCOMPARE(st.exitCode, 3);
        QCOMPARE(st.output, QByteArray("said it\n"));
        QCOMPARE(st.appended, QByteArray("[ERROR] logged\n"));
        QVERIFY(job->remove(sh));
        QVERIFY(!QFile::exists(job->workDir()));
    }

    void aRunnerKilledFromOutsideHasVanished()
    {
        LocalShell sh(QStringLiteral("B"));
        pid_t pgid = 0;
        const auto launchedJob = launched(sh, QStringLiteral("sleep 309"), 3, &pgid);
        QVERIFY(launchedJob);
        const RemoteJob& job = *launchedJob;
        QCOMPARE(::kill(pgid, SIGKILL), 0); // the runner only; its sleep lives on in the group
        QTRY_COMPARE_WITH_TIMEOUT(int(phase(job, sh)), int(RemoteJob::Phase::Vanished), 10000);
        QVERIFY(!liveMembers(pgid).isEmpty());
        QVERIFY(job.stop(sh));
        QVERIFY(liveMembers(pgid).isEmpty());
        QVERIFY(job.remove(sh));
    }

    void releasedJobRemovesItsFolderOnlyAfterASuccess_data()
    {
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<bool>("endsFirst"); // released after it ended, or while it still runs
        QTest::newRow("success, released while running") << 0 << false;
        QTest::newRow("success, released after its end") << 0 << true;
        QTest::newRow("failure, released while running") << 4 << false;
        QTest::newRow("failure, released after its end") << 4 << true;
    }
    void releasedJobRemovesItsFolderOnlyAfterASuccess()
    {
        QFETCH(int, exitCode);
        QFETCH(bool, endsFirst);
        LocalShell sh(QStringLiteral("B"));
        const QString go = m_tmp.filePath(
            QStringLiteral("go-%1").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')));
        auto job = RemoteJob::launch(sh, QStringLiteral("B"), StepId::Restart, QStringLiteral("run"),
            QStringLiteral("while [ ! -e %1 ]; do sleep 0.05; done; exit %2")
                .arg(Shell::quote(go))
                .arg(exitCode));
        QVERIFY(job);
        auto finished = [&] { return phase(*job, sh) == RemoteJob::Phase::Finished; };
        if (endsFirst) {
            touch(go);
            QTRY_VERIFY_WITH_TIMEOUT(finished(), 10000);
            QVERIFY(job->release(sh));
        } else {
            QVERIFY(job->release(sh));
            QVERIFY(QFile::exists(job->workDir()));
            touch(go);
        }
        if (exitCode == 0) {
            QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(job->workDir()), 10000);
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(finished(), 10000);
            QVERIFY(QFile::exists(job->workDir() + QStringLiteral("/output")));
            QCOMPARE(text(job->workDir() + QStringLiteral("/status")), QString::number(exitCode));
            QVERIFY(job->remove(sh));
        }
    }

    void removeRefusesAFolderNotItsOwn()
    {
        LocalShell sh(QStringLiteral("B"));
        const RemoteJob job(QStringLiteral("B"), StepId::Copy, m_tmp.path());
        QVERIFY(!job.remove(sh));
        QVERIFY(QFile::exists(m_tmp.path()));
    }
};

QTEST_GUILESS_MAIN(TestRemoteJob)
#include "tst_remotejob.moc"
