// Issue 16 defect 2: a signal sent to the real replipair-cli during the copy and during the restart cancels
// the run (clean-up, a journal line, exit 130/143); a SIGKILL mid-copy leaves intents that `recover` reads
// to put both servers back, and a re-run tells the user to run it.
#include "common/stepid.h"
#include "support/rowwriter.h"
#include "support/testsupport.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

class TestInterruptedRun : public QObject
{
    Q_OBJECT

    SandboxPair m_pair;
    Sandbox& sb() { return m_pair.sandbox(); }
    QString sql(int i, const QString& s) { return sandboxSql(sb(), i, s); }
    QString journalPath() { return sb().profilePath() + QStringLiteral(".journal"); }

    /** The journal's intent lines ("kind" set), oldest first. */
    QList<QJsonObject> intentLines()
    {
        QList<QJsonObject> out;
        QFile f(journalPath());
        if (!f.open(QIODevice::ReadOnly))
            return out;
        for (const QByteArray& line : f.readAll().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.contains(QStringLiteral("kind")))
                out << o;
        }
        return out;
    }
    /** The folder the copy worked in, from its intent line. */
    QString copyFolder()
    {
        for (const QJsonObject& o : intentLines())
            if (o.value(QStringLiteral("action")).toString() == QLatin1String("work-folder"))
                return o.value(QStringLiteral("undo")).toObject().value(QStringLiteral("path")).toString();
        return {};
    }
    /** Processes whose command line names @p text (the copy's shell jobs run scripts in its folder). */
    static int processesNaming(const QString& text)
    {
        QProcess p;
        p.start(QStringLiteral("pgrep"), { QStringLiteral("-f"), text });
        p.waitForFinished(10000);
        return int(
            QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).size());
    }

    /** Starts `setup --yes --json` (with a copy from A when @p copy) and returns once a JSON event for which
     *  @p when holds has been printed; the process keeps running. */
    bool startSetupUntil(
        QProcess& cli, bool copy, const std::function<bool(const QJsonObject&)>& when, QString* out)
    {
        QStringList args { QStringLiteral("setup"), sb().profilePath(), QStringLiteral("--yes"),
            QStringLiteral("--json") };
        if (copy)
            args << QStringLiteral("--copy-from") << QStringLiteral("A");
        cli.setProcessEnvironment(privateTmp());
        cli.start(QStringLiteral(REPLIPAIR_CLI), args);
        if (!cli.waitForStarted(10000))
            return false;
        QByteArray pending;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 300000 && cli.state() == QProcess::Running) {
            cli.waitForReadyRead(200);
            pending += cli.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                const QByteArray line = pending.left(nl);
                pending.remove(0, nl + 1);
                *out += QString::fromUtf8(line) + QLatin1Char('\n');
                if (when(QJsonDocument::fromJson(line).object()))
                    return true;
            }
        }
        return false;
    }
    /** The CLI's environment with a temporary folder of this test's own: the copy's work folders are made
     *  there, away from those of tests running beside this one. */
    QProcessEnvironment privateTmp()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString tmp = m_pair.dir() + QStringLiteral("/tmp");
        QDir().mkpath(tmp);
        env.insert(QStringLiteral("TMPDIR"), tmp);
        return env;
    }
    static bool isCopyProgress(const QJsonObject& o)
    {
        return o.value(QStringLiteral("step")).toString() == StepId::Copy
            && o.value(QStringLiteral("event")).toString() == QLatin1String("progress")
            && o.value(QStringLiteral("data")).toObject().value(QStringLiteral("phase")).toString()
            == QLatin1String("copy")
            && o.value(QStringLiteral("data")).toObject().value(QStringLiteral("bytes")).toDouble() > 0;
    }
    static bool isRestartStarting(const QJsonObject& o)
    {
        return o.value(QStringLiteral("step")).toString() == StepId::Config
            && o.value(QStringLiteral("text")).toString().contains(QStringLiteral("restarting the server"));
    }
    /** Back to a fresh pair: no replication, no journal, B without the test database, A's data seeded. */
    void resetPair()
    {
        for (int i = 0; i < 2; ++i)
            sql(i,
                QStringLiteral("STOP SLAVE; RESET SLAVE ALL; SET GLOBAL read_only = 0; "
                               "DROP USER IF EXISTS 'replication'@'127.0.0.1'; "
                               "DROP USER IF EXISTS 'replipair_copy'@'127.0.0.1';"));
        sql(1, QStringLiteral("DROP DATABASE IF EXISTS test;"));
        QFile::remove(journalPath());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        QVERIFY(sb().pairProfile().save(sb().profilePath()));
        // A: about 20 MB, so that the copy runs for a while
        QString seed = RowWriter::createTableSql(QStringLiteral("test.orders")) + QStringLiteral(";");
        seed += QStringLiteral(
            "ALTER TABLE test.orders ADD COLUMN pad CHAR(200) NOT NULL DEFAULT '';"
            "INSERT INTO test.orders (seq, note, pad) VALUES (1000000000, 'seed', REPEAT('x', 200));");
        for (int i = 0; i < 17; ++i)
            seed += QStringLiteral("INSERT INTO test.orders (seq, note, pad) SELECT seq + %1, note, pad FROM "
                                   "test.orders WHERE seq >= 1000000000;")
                        .arg(1 << i);
        bool ok = false;
        sandboxSql(sb(), 0, seed, &ok);
        QVERIFY(ok);
    }

    void sigintDuringTheCopyPutsEverythingBack()
    {
        resetPair();
        QProcess cli;
        QString out;
        QVERIFY2(startSetupUntil(cli, true, isCopyProgress, &out), qPrintable(out));
        const QString folder = copyFolder();
        QVERIFY2(!folder.isEmpty(), qPrintable(out));
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("1"));
        ::kill(pid_t(cli.processId()), SIGINT);
        QVERIFY(cli.waitForFinished(120000));
        out += QString::fromUtf8(cli.readAllStandardOutput());
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QVERIFY2(cli.exitCode() == 130, qPrintable(QString::number(cli.exitCode()) + err + out));
        QVERIFY2(err.contains(QStringLiteral("SIGINT")), qPrintable(err));
        // both servers as before: B writable, no copy account on A, no folder, no process of the copy
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("0"));
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE User = 'replipair_copy'")),
            QStringLiteral("0"));
        QVERIFY2(!QFileInfo::exists(folder), qPrintable(folder));
        QTRY_COMPARE_WITH_TIMEOUT(
            processesNaming(folder), 0, 15000); // the killed CLI's last poll ends by itself
        QCOMPARE(sql(1, QStringLiteral("SHOW SLAVE STATUS")), QString());
        // the journal says how the run ended, and recover finds nothing left to put back
        const QList<QJsonObject> lines = intentLines();
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.last().value(QStringLiteral("kind")).toString(), QStringLiteral("end"));
        QCOMPARE(lines.last().value(QStringLiteral("outcome")).toString(), QStringLiteral("cancelled"));
        QProcess recover;
        recover.start(QStringLiteral(REPLIPAIR_CLI),
            { QStringLiteral("recover"), sb().profilePath(), QStringLiteral("--dry-run") });
        QVERIFY(recover.waitForFinished(60000));
        const QString said = QString::fromUtf8(recover.readAllStandardOutput());
        QVERIFY2(said.contains(QStringLiteral("nothing to recover"))
                || said.contains(QStringLiteral("option file")),
            qPrintable(said));
        QVERIFY2(!said.contains(QStringLiteral("read_only")), qPrintable(said));
    }

    void sigkillDuringTheCopyThenRecover()
    {
        resetPair();
        QProcess cli;
        QString out;
        QVERIFY2(startSetupUntil(cli, true, isCopyProgress, &out), qPrintable(out));
        const QString folder = copyFolder();
        QVERIFY(!folder.isEmpty());
        cli.kill(); // SIGKILL: no clean-up at all
        QVERIFY(cli.waitForFinished(30000));
        // what the killed run left
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("1"));
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE User = 'replipair_copy'")),
            QStringLiteral("1"));
        QVERIFY(QFileInfo::exists(folder));

        // a re-run refuses and names recover, changing nothing
        QProcess rerun;
        rerun.setProcessEnvironment(privateTmp());
        rerun.start(QStringLiteral(REPLIPAIR_CLI),
            { QStringLiteral("setup"), sb().profilePath(), QStringLiteral("--yes"),
                QStringLiteral("--copy-from"), QStringLiteral("A") });
        QVERIFY(rerun.waitForFinished(120000));
        const QString rerunErr = QString::fromUtf8(rerun.readAllStandardError());
        QCOMPARE(rerun.exitCode(), 1);
        QVERIFY2(rerunErr.contains(QStringLiteral("replipair-cli recover")), qPrintable(rerunErr));

        // the dry run lists the changes and changes nothing
        QProcess dry;
        dry.start(QStringLiteral(REPLIPAIR_CLI),
            { QStringLiteral("recover"), sb().profilePath(), QStringLiteral("--dry-run") });
        QVERIFY(dry.waitForFinished(60000));
        const QString listed = QString::fromUtf8(dry.readAllStandardOutput());
        QCOMPARE(dry.exitCode(), 1);
        QVERIFY2(listed.contains(QStringLiteral("set read_only back to 0 on B")), qPrintable(listed));
        QVERIFY2(listed.contains(QStringLiteral("replipair_copy")), qPrintable(listed));
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("1"));

        QProcess recover;
        recover.setProcessEnvironment(privateTmp());
        recover.start(QStringLiteral(REPLIPAIR_CLI), { QStringLiteral("recover"), sb().profilePath() });
        QVERIFY(recover.waitForFinished(120000));
        const QString said = QString::fromUtf8(recover.readAllStandardOutput())
            + QString::fromUtf8(recover.readAllStandardError());
        // the copy that was cut short is named, with what to do: recover says it could not make that whole
        QVERIFY2(said.contains(QStringLiteral("partial copy")), qPrintable(said));
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("0"));
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE User = 'replipair_copy'")),
            QStringLiteral("0"));
        QVERIFY2(!QFileInfo::exists(folder), qPrintable(said));
        QTRY_COMPARE_WITH_TIMEOUT(
            processesNaming(folder), 0, 15000); // the killed CLI's last poll ends by itself
        QCOMPARE(sql(1, QStringLiteral("SHOW SLAVE STATUS")), QString());
        // both servers serve
        for (int i = 0; i < 2; ++i)
            QCOMPARE(sql(i, QStringLiteral("SELECT 1")), QStringLiteral("1"));
    }

    void sigtermDuringTheRestartFinishesItThenStops()
    {
        resetPair();
        for (int i = 0; i < 2; ++i) {
            bool ok = false;
            const QString said = sandboxSql(
                sb(), i, QStringLiteral("DROP DATABASE IF EXISTS test; CREATE DATABASE test;"), &ok);
            QVERIFY2(ok, qPrintable(said));
        }
        // a fresh pair: the binary log off on both, so that the config step restarts them
        for (int i = 0; i < 2; ++i) {
            QDir conf(sb().servers()[i].dir + QStringLiteral("/conf.d"));
            for (const QString& f : conf.entryList({ QStringLiteral("*replipair*") }, QDir::Files))
                conf.remove(f);
            QVERIFY(sb().stop(i));
            QVERIFY(sb().start(i));
        }
        QProcess cli;
        QString out;
        const bool reached = startSetupUntil(cli, false, isRestartStarting, &out);
        if (!reached) {
            out += QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
            const QStringList lines = out.split(QLatin1Char('\n'));
            for (const QString& l : lines.mid(std::max<qsizetype>(0, lines.size() - 12)))
                qWarning("%s", qPrintable(l.left(400)));
        }
        QVERIFY(reached);
        ::kill(pid_t(cli.processId()), SIGTERM);
        QVERIFY(cli.waitForFinished(180000));
        out += QString::fromUtf8(cli.readAllStandardOutput());
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(cli.exitCode() == 143, qPrintable(QString::number(cli.exitCode()) + err + out));
        // the restart was not cut half-way: both servers answer
        for (int i = 0; i < 2; ++i)
            QCOMPARE(sql(i, QStringLiteral("SELECT 1")), QStringLiteral("1"));
        // the option file written was in the journal before it was written, and the run's end is there
        bool fileIntent = false, fileDone = false;
        QList<int> fileIds;
        for (const QJsonObject& o : intentLines()) {
            if (o.value(QStringLiteral("action")).toString() == QLatin1String("option-file")) {
                fileIntent = true;
                fileIds << o.value(QStringLiteral("id")).toInt();
            }
            if (o.value(QStringLiteral("kind")).toString() == QLatin1String("done")
                && fileIds.contains(o.value(QStringLiteral("id")).toInt()))
                fileDone = true;
        }
        QVERIFY(fileIntent);
        QVERIFY(fileDone);
        QCOMPARE(
            intentLines().last().value(QStringLiteral("outcome")).toString(), QStringLiteral("cancelled"));
        // recover puts the option files back from their backups
        QProcess recover;
        recover.setProcessEnvironment(privateTmp());
        recover.start(QStringLiteral(REPLIPAIR_CLI), { QStringLiteral("recover"), sb().profilePath() });
        QVERIFY(recover.waitForFinished(120000));
        const QString said = QString::fromUtf8(recover.readAllStandardOutput());
        QVERIFY2(
            recover.exitCode() == 0, qPrintable(said + QString::fromUtf8(recover.readAllStandardError())));
        QVERIFY2(said.contains(QStringLiteral("recovered")), qPrintable(said));
        QDir conf(sb().servers()[1].dir + QStringLiteral("/conf.d"));
        QVERIFY2(conf.entryList({ QStringLiteral("90-replipair.cnf") }, QDir::Files).isEmpty(),
            qPrintable(conf.entryList().join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestInterruptedRun)
#include "tst_interruptedrun.moc"
