#pragma once

// What tst_rebuild's tests share: the sandbox pair, the test sshd for the physical copy, the CLI run to its
// end or interrupted by SIGINT while its copy streams, and the looks at both servers.
#include "operation/pairstate.h"
#include "support/replicatedsandbox.h"
#include "support/sshdfixture.h"
#include "support/testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <functional>
#include <unistd.h>

class RebuildHarness
{
protected:
    SandboxPair m_pair;
    SshdFixture m_sshd;
    int m_sshUp = -1; ///< -1 not tried, 0 failed, 1 running
    QString m_password;
    Sandbox& sb() { return m_pair.sandbox(); }
    QString sql(int i, const QString& s)
    {
        bool ok = false;
        const QString out = sandboxSql(sb(), i, s, &ok);
        if (!ok)
            qWarning() << "SQL failed on" << i << s << out;
        return out;
    }
    QString field(int i, const QString& column) { return sandboxReplicaField(sb(), i, column); }
    PairProfile loaded() { return PairProfile::load(sb().profilePath()).value_or(PairProfile()); }
    QProcessEnvironment env()
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        const QString tmp = m_pair.dir() + QStringLiteral("/tmp");
        QDir().mkpath(tmp);
        e.insert(QStringLiteral("TMPDIR"), tmp);
        return e;
    }
    /** Runs the CLI to its end; returns its exit code, its stdout and stderr in @p out. */
    int cli(const QStringList& args, QString* out, int timeoutMs = 600000,
        const QProcessEnvironment& environment = {})
    {
        QProcess p;
        p.setProcessEnvironment(environment.isEmpty() ? env() : environment);
        p.start(QStringLiteral(REPLIPAIR_CLI), args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
        }
        *out = QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
        qInfo().noquote() << *out;
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    QStringList rebuildArgs()
    {
        return { QStringLiteral("rebuild"), m_pair.sandbox().profilePath(), QStringLiteral("--server"),
            QStringLiteral("B"), QStringLiteral("--from"), QStringLiteral("A"), QStringLiteral("--yes") };
    }
    bool bothThreadsRun(int i)
    {
        return field(i, QStringLiteral("Slave_IO_Running")) == QLatin1String("Yes")
            && field(i, QStringLiteral("Slave_SQL_Running")) == QLatin1String("Yes");
    }
    /** What a table holds, in one line: rows, sum of keys, and a checksum of every row. */
    QString contents(int i, const QString& table)
    {
        return sql(i,
            QStringLiteral("SELECT CONCAT(COUNT(*), '/', COALESCE(SUM(seq), 0), '/', "
                           "COALESCE(SUM(CRC32(CONCAT_WS('|', seq, note))), 0)) FROM %1")
                .arg(table));
    }
    /** Waits until B's SQL thread halts on @p errno. */
    bool haltsOn(int errno_)
    {
        return QTest::qWaitFor(
            [&] {
                return field(1, QStringLiteral("Last_SQL_Errno")) == QString::number(errno_)
                    && field(1, QStringLiteral("Slave_SQL_Running")) == QLatin1String("No");
            },
            60000);
    }
    /** The test sshd (sudo: the servers run as root), started at the first physical test. */
    bool sshReady()
    {
        if (m_sshUp < 0)
            m_sshUp = ::geteuid() == 0 && m_sshd.start() && m_sshd.allowSudo() ? 1 : 0;
        return m_sshUp == 1;
    }
    /** The saved profile with both hosts reached through the test sshd (on) or on this machine (off). */
    bool useSsh(bool on)
    {
        PairProfile p = loaded();
        for (int i = 0; i < 2; ++i) {
            p.servers[i].hasSsh = on;
            if (!on)
                continue;
            p.servers[i].ssh = m_sshd.endpoint(m_sshd.dir() + QStringLiteral("/known_hosts_rebuild"));
            p.servers[i].ssh.acceptNewHostKey = true;
            p.servers[i].ssh.sudo = true;
        }
        return p.save(sb().profilePath()).has_value();
    }
    QString dataDirB()
    {
        QString d = sql(1, QStringLiteral("SELECT @@GLOBAL.datadir"));
        while (d.endsWith(QLatin1Char('/')))
            d.chop(1);
        return d;
    }
    /** What the physical copy makes beside B's data folder: its work folders and the old data folders. */
    QStringList besideB(const QString& dataDir)
    {
        return QDir(QFileInfo(dataDir).absolutePath())
            .entryList({ QStringLiteral("replipair-copy.*"), QStringLiteral("*-before-copy-*") },
                QDir::Dirs | QDir::Hidden);
    }
    void waitHealthy()
    {
        QString error;
        QVERIFY2(waitForSandboxReplication(sb(), 60000, &error), qPrintable(error));
    }
    /** Starts the CLI with @p args (--json among them), sends it @p signal once its copy reports progress
     *  in @p phase ("copy": the stream; "swap": the data folder swap), waits for its end; its exit code (-1:
     *  never seen in that phase; -2: killed by the signal), its output in @p seen. */
    int interruptWhileCopying(const QStringList& args, QByteArray* seen,
        const std::function<void()>& beforeSignal = {}, int signal = SIGINT,
        const QString& phase = QStringLiteral("copy"))
    {
        QProcess p;
        p.setProcessEnvironment(env());
        p.start(QStringLiteral(REPLIPAIR_CLI), args);
        if (!p.waitForStarted(10000))
            return -1;
        bool copying = false;
        QElapsedTimer t;
        t.start();
        while (!copying && t.elapsed() < 300000 && p.state() == QProcess::Running) {
            p.waitForReadyRead(100);
            *seen += p.readAllStandardOutput();
            for (const QByteArray& line : seen->split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o.value(QStringLiteral("step")).toString() == QLatin1String("copy")
                    && o.value(QStringLiteral("event")).toString() == QLatin1String("progress")
                    && o.value(QStringLiteral("data")).toObject().value(QStringLiteral("phase")).toString()
                        == phase)
                    copying = true;
            }
        }
        if (copying && beforeSignal)
            beforeSignal();
        if (copying)
            ::kill(pid_t(p.processId()), signal);
        p.waitForFinished(180000);
        *seen += p.readAllStandardOutput() + p.readAllStandardError();
        if (!copying)
            return -1;
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    }
};
