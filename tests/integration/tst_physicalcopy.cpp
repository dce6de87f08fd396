#include "common/stepid.h"
#include "copy/physicalcopy.h"
#include "copy/physicalscript.h"
#include "host/serverworker.h"
#include "support/rowwriter.h"
#include "support/sshdfixture.h"
#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

#include <memory>

/** The physical copy against two real sandbox servers, both hosts reached through a real sshd on 127.0.0.1
 *  (with sudo: the servers run as root): a copy under writes after which B replicates from A at the
 *  backup's point and the data compares equal; the real mariadb-backup killed half-way (B back on its old
 *  data and running, A untouched, no process or file of the copy left); a host without the tool. */
class TestPhysicalCopy : public QObject
{
    Q_OBJECT

    SandboxPair m_pair;
    SshdFixture m_sshd;
    PairProfile m_profile;
    QString m_password;

    Sandbox& sb() { return m_pair.sandbox(); }
    QString sql(int i, const QString& s) { return sandboxSql(sb(), i, s); }
    QString checksum(int i, const QString& table)
    {
        return sql(i, QStringLiteral("CHECKSUM TABLE ") + table);
    }
    QString dataDir(int i) { return m_pair.sandbox().servers()[i].dir + QStringLiteral("/data"); }
    /** What lies next to B's data folder that the copy makes: its work folders and the old data folders. */
    QStringList besideB()
    {
        return QDir(QFileInfo(dataDir(1)).absolutePath())
            .entryList({ QStringLiteral("replipair-copy.*"), QStringLiteral("data-before-copy-*") },
                QDir::Dirs | QDir::Hidden);
    }
    static QString cmdline(const QString& pid)
    {
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().replace('\0', ' ')) : QString();
    }
    /** Processes whose command line names one of @p dirs. */
    static QStringList processesIn(const QStringList& dirs)
    {
        QStringList found;
        for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            if (!pid.toInt() || pid.toInt() == ::getpid())
                continue;
            const QString cmd = cmdline(pid);
            for (const QString& d : dirs)
                if (!d.isEmpty() && cmd.contains(d))
                    found << pid + QLatin1Char(' ') + cmd;
        }
        return found;
    }
    /** This sandbox A's running mariadb-backup --backup: its pid and work folder (from its option file,
     *  which names A's socket). */
    QPair<int, QString> runningBackup()
    {
        for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            const QString cmd = cmdline(pid);
            if (!pid.toInt() || !cmd.contains(QStringLiteral("--backup"))
                || !cmd.contains(QStringLiteral("backup.cnf")))
                continue;
            const QString cnf
                = cmd.section(QStringLiteral("--defaults-file="), 1).section(QLatin1Char(' '), 0, 0);
            QFile f(cnf);
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(sb().servers()[0].socket.toUtf8()))
                return { pid.toInt(), QFileInfo(cnf).absolutePath() };
        }
        return { 0, {} };
    }
    Result<PhysicalCopyCheck> checkOf(const PairProfile& profile, ServerWorker* a, ServerWorker* b)
    {
        ServerWorker* const workers[2] = { a, b };
        return PhysicalCopyCheck::gather(profile, 0, workers);
    }

    /** When server @p i started, by its own clock (a restart changes it). */
    QString startedAt(int i)
    {
        return sql(i,
            QStringLiteral("SELECT UNIX_TIMESTAMP() - VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS "
                           "WHERE VARIABLE_NAME='UPTIME'"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the sandbox servers run as root only when the test does; the copy's swap needs sudo");
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        for (int i = 0; i < 2; ++i) {
            QFile f(sb().servers()[i].dir + QStringLiteral("/conf.d/10-binlog.cnf"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("[mysqld]\nlog-bin = mysql-bin\nserver-id = %1\nbinlog_format = ROW\n")
                        .arg(i + 1)
                        .toUtf8());
            f.close();
            QVERIFY(sb().stop(i));
            QVERIFY(sb().start(i));
        }
        QVERIFY2(m_sshd.start(), qPrintable(m_sshd.error()));
        QVERIFY(m_sshd.allowSudo());
        m_profile = sb().pairProfile();
        for (int i = 0; i < 2; ++i) {
            m_profile.servers[i].hasSsh = true;
            m_profile.servers[i].ssh = m_sshd.endpoint(m_sshd.dir() + QStringLiteral("/known_hosts_pc"));
            m_profile.servers[i].ssh.acceptNewHostKey = true;
            m_profile.servers[i].ssh.sudo = true;
        }
        QFile pw(sb().adminPasswordFile());
        QVERIFY(pw.open(QIODevice::ReadOnly));
        m_password = QString::fromUtf8(pw.readAll()).trimmed();
        // A: about 25 MB in test.orders; B: a database of its own, which the copy replaces
        QString seed = RowWriter::createTableSql(QStringLiteral("test.orders")) + QStringLiteral(";");
        seed += QStringLiteral(
            "ALTER TABLE test.orders ADD COLUMN pad CHAR(60) NOT NULL DEFAULT '';"
            "INSERT INTO test.orders (seq, note, pad) VALUES (1000000000, 'seed', REPEAT('x', 60));");
        for (int i = 0; i < 18; ++i)
            seed += QStringLiteral("INSERT INTO test.orders (seq, note, pad) SELECT seq + %1, note, pad FROM "
                                   "test.orders WHERE seq >= 1000000000;")
                        .arg(1 << i);
        bool ok = false;
        sandboxSql(sb(), 0, seed, &ok);
        QVERIFY(ok);
        sandboxSql(sb(), 1,
            QStringLiteral("CREATE DATABASE bonly; CREATE TABLE bonly.t (id INT PRIMARY KEY); "
                           "INSERT INTO bonly.t VALUES (7);"),
            &ok);
        QVERIFY(ok);
    }

    void versionsAreRead()
    {
        QCOMPARE(PhysicalCopyCheck::toolServerVersion(QStringLiteral(
                     "mariadb-backup based on MariaDB server 10.11.19-MariaDB debian-linux-gnu (x86_64)")),
            QStringLiteral("10.11.19"));
        QCOMPARE(PhysicalCopyCheck::majorOf(QStringLiteral("10.11.19-MariaDB-0+deb12u1")),
            QStringLiteral("10.11"));
        QCOMPARE(PhysicalScript::ddBytes("3+1 records in\n3+1 records out\n3221225 bytes (3.2 MB, 3.1 MiB) "
                                         "copied, 0.01 s, 322 MB/s\n"),
            qint64(3221225));
        QCOMPARE(PhysicalScript::ddBytes("dd: cannot open"), qint64(-1));
    }

    void missingToolIsNamedWithTheFix()
    {
        // A's host without mariadb-backup: a login whose PATH has every other program (this machine, no SSH)
        QTemporaryDir bin;
        QVERIFY(bin.isValid());
        for (const QFileInfo& f : QDir(QStringLiteral("/usr/bin")).entryInfoList(QDir::Files | QDir::System))
            if (!f.fileName().contains(QStringLiteral("backup"))
                && !f.fileName().contains(QStringLiteral("mariabackup")))
                QFile::link(f.absoluteFilePath(), bin.filePath(f.fileName()));
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", bin.path().toLocal8Bit() + ":/usr/sbin:/sbin");
        PairProfile local = sb().pairProfile();
        ServerWorker a(0, local.servers[0]), b(1, local.servers[1]);
        auto check = checkOf(local, &a, &b);
        qputenv("PATH", path);
        QVERIFY2(check, qPrintable(check ? QString() : check.error().toString()));
        QVERIFY(check->hasErrors());
        QVERIFY(!check->toolsPresent());
        const Finding f = check->findings.value(0);
        QCOMPARE(f.code, QStringLiteral("backup-tool-missing"));
        QVERIFY2(f.text.contains(QStringLiteral("mariadb-backup")), qPrintable(f.text));
        QVERIFY2(f.fix.contains(QStringLiteral("apt-get install mariadb-backup")), qPrintable(f.fix));
        // refused before anything changes
        ServerWorker* const workers[2] = { &a, &b };
        const QStringList before = besideB();
        auto run = PhysicalCopy(local, 0, workers).run(*check, {}, {});
        QVERIFY(!run);
        QVERIFY2(run.error().text.contains(QStringLiteral("apt-get install mariadb-backup")),
            qPrintable(run.error().text));
        QCOMPARE(besideB(), before);
        QCOMPARE(sql(1, QStringLiteral("SELECT id FROM bonly.t")), QStringLiteral("7"));
    }

    void killedBackupLeavesBOnItsOldData()
    {
        ServerWorker a(0, m_profile.servers[0]), b(1, m_profile.servers[1]);
        auto check = checkOf(m_profile, &a, &b);
        QVERIFY2(check, qPrintable(check ? QString() : check.error().toString()));
        QVERIFY2(!check->hasErrors(), qPrintable(check->findings.value(0).text));
        const QString beforeA = checksum(0, QStringLiteral("test.orders"));
        const QString bStarted = startedAt(1);
        const QStringList before = besideB();
        ServerWorker* const workers[2] = { &a, &b };
        PhysicalCopy copy(m_profile, 0, workers);
        copy.setPollIntervalMs(20); // progress comes often: caught while it streams
        QString sourceDir;
        int killed = 0;
        auto run = copy.run(*check,
            [&](const CopyProgress& p) {
                if (killed || p.phase != CopyProgress::Phase::Copy || p.bytes <= 0)
                    return;
                const auto [pid, dir] = runningBackup();
                if (pid > 0 && ::kill(pid, SIGKILL) == 0) {
                    killed = pid;
                    sourceDir = dir;
                }
            },
            {});
        QVERIFY2(killed > 0, "mariadb-backup was not caught streaming");
        QVERIFY(!run);
        QCOMPARE(run.error().step, StepId::Copy);
        QVERIFY2(run.error().text.contains(QStringLiteral("mariadb-backup --backup")),
            qPrintable(run.error().text));
        // B: its own data, never stopped; A untouched; nothing of the copy on either host
        QCOMPARE(sql(1, QStringLiteral("SELECT id FROM bonly.t")), QStringLiteral("7"));
        QCOMPARE(
            sql(1,
                QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA='test'")),
            QStringLiteral("0"));
        QCOMPARE(startedAt(1), bStarted);
        QCOMPARE(checksum(0, QStringLiteral("test.orders")), beforeA);
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE user = 'replipair_backup'")),
            QStringLiteral("0"));
        QCOMPARE(besideB(), before);
        QVERIFY(!sourceDir.isEmpty());
        QVERIFY2(!QFileInfo::exists(sourceDir), qPrintable(sourceDir));
        QCOMPARE(processesIn({ sourceDir,
                     QFileInfo(dataDir(1)).absolutePath() + QStringLiteral("/replipair-copy.") }),
            QStringList());
    }

    void relayKilledHalfWayLeavesBOnItsOldData_data()
    {
        QTest::addColumn<QString>("end");
        QTest::addColumn<QString>("said");
        QTest::newRow("on the source's host") << QStringLiteral("if=") << QStringLiteral("the stream from A");
        QTest::newRow("on the receiver's host")
            << QStringLiteral("of=") << QStringLiteral("the stream into B");
    }

    /** One of the two long-lived commands that carry the stream (the dd reading the backup's FIFO on A's
     *  host, or the one feeding mbstream's on B's) killed while bytes flow. */
    void relayKilledHalfWayLeavesBOnItsOldData()
    {
        QFETCH(QString, end);
        QFETCH(QString, said);
        ServerWorker a(0, m_profile.servers[0]), b(1, m_profile.servers[1]);
        auto check = checkOf(m_profile, &a, &b);
        QVERIFY2(check, qPrintable(check ? QString() : check.error().toString()));
        QVERIFY2(!check->hasErrors(), qPrintable(check->findings.value(0).text));
        const QString beforeA = checksum(0, QStringLiteral("test.orders"));
        const QString bStarted = startedAt(1);
        const QStringList before = besideB();
        ServerWorker* const workers[2] = { &a, &b };
        PhysicalCopy copy(m_profile, 0, workers);
        copy.setPollIntervalMs(20);
        QStringList dirs;
        int killed = 0;
        auto run = copy.run(*check,
            [&](const CopyProgress& p) {
                if (killed || p.phase != CopyProgress::Phase::Copy || p.bytes <= 0)
                    return;
                for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
                    const QString cmd = cmdline(pid);
                    if (!pid.toInt() || !cmd.startsWith(QStringLiteral("dd ")) || !cmd.contains(end)
                        || !cmd.contains(QStringLiteral("/replipair-copy.")))
                        continue;
                    const QString fifo = cmd.section(end, 1).section(QLatin1Char(' '), 0, 0);
                    dirs << QFileInfo(fifo).absolutePath();
                    if (::kill(pid.toInt(), SIGKILL) == 0)
                        killed = pid.toInt();
                }
            },
            {});
        QVERIFY2(killed > 0, "the relay's dd was not caught streaming");
        QVERIFY(!run);
        QCOMPARE(run.error().step, StepId::Copy);
        QVERIFY2(run.error().text.contains(said), qPrintable(run.error().text));
        QVERIFY2(run.error().text.contains(QStringLiteral("SIGKILL")), qPrintable(run.error().text));
        // B: its own data, never stopped; A untouched; nothing of the copy on either host
        QCOMPARE(sql(1, QStringLiteral("SELECT id FROM bonly.t")), QStringLiteral("7"));
        QCOMPARE(startedAt(1), bStarted);
        QCOMPARE(checksum(0, QStringLiteral("test.orders")), beforeA);
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE user = 'replipair_backup'")),
            QStringLiteral("0"));
        QCOMPARE(besideB(), before);
        for (const QString& d : dirs)
            QVERIFY2(!QFileInfo::exists(d), qPrintable(d));
        QCOMPARE(
            processesIn(dirs << QFileInfo(dataDir(1)).absolutePath() + QStringLiteral("/replipair-copy.")),
            QStringList());
        QCOMPARE(runningBackup().first, 0);
    }

    void copyUnderWritesThenReplicationFromTheBackupsPoint()
    {
        ServerWorker a(0, m_profile.servers[0]), b(1, m_profile.servers[1]);
        auto check = checkOf(m_profile, &a, &b);
        QVERIFY2(check, qPrintable(check ? QString() : check.error().toString()));
        QVERIFY2(!check->hasErrors(), qPrintable(check->findings.value(0).text));
        RowWriter writer(QStringLiteral("127.0.0.1"), sb().servers()[0].port, QStringLiteral("root"),
            m_password, QStringLiteral("test.orders"), 3);
        writer.start(1);
        QTRY_VERIFY_WITH_TIMEOUT(writer.committed() > 0, 20000);
        ServerWorker* const workers[2] = { &a, &b };
        PhysicalCopy copy(m_profile, 0, workers);
        QList<CopyProgress> progress;
        QStringList infos;
        auto run = copy.run(
            *check, [&](const CopyProgress& p) { progress << p; },
            [&](const QString&, const QString& text) { infos << text; });
        QVERIFY2(run, qPrintable(run ? QString() : run.error().toString() + infos.join(QLatin1Char('\n'))));
        QVERIFY(run->bytes > 10 * 1024 * 1024);
        QVERIFY(!run->source.file.isEmpty());
        QVERIFY(!run->source.gtid.isEmpty());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.first().toJson().value(QStringLiteral("phase")).toString(), QStringLiteral("copy"));
        // B runs on A's data; its old data folder is kept beside, with its owner
        QVERIFY(QFileInfo(run->savedCopy).isDir());
        QCOMPARE(QFileInfo(run->savedCopy).ownerId(), QFileInfo(dataDir(1)).ownerId());
        QCOMPARE(
            sql(1,
                QStringLiteral("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME='bonly'")),
            QStringLiteral("0"));
        QCOMPARE(sql(1, QStringLiteral("SELECT @@server_id")), QStringLiteral("2"));
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE user = 'replipair_backup'")),
            QStringLiteral("0"));
        QCOMPARE(sql(1, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE user = 'replipair_backup'")),
            QStringLiteral("0"));
        // B replicates from A by GTID from the backup's point while the writer goes on
        bool ok = false;
        sandboxSql(sb(), 1,
            QStringLiteral(
                "SET GLOBAL gtid_slave_pos = '%1'; CHANGE MASTER TO MASTER_HOST='127.0.0.1', "
                "MASTER_PORT=%2, MASTER_USER='root', MASTER_PASSWORD='%3', MASTER_USE_GTID=slave_pos; "
                "START SLAVE;")
                .arg(run->source.gtid)
                .arg(sb().servers()[0].port)
                .arg(m_password),
            &ok);
        QVERIFY(ok);
        const qint64 atStart = writer.committed();
        QTRY_VERIFY_WITH_TIMEOUT(writer.committed() > atStart + 20, 20000);
        const qint64 committed = writer.stop();
        const QString count = QStringLiteral("SELECT COUNT(*) FROM test.orders WHERE seq < 1000000000");
        QVERIFY(QTest::qWaitFor([&] { return sql(1, count) == QString::number(committed); }, 60000));
        QCOMPARE(checksum(1, QStringLiteral("test.orders")), checksum(0, QStringLiteral("test.orders")));
        sql(1, QStringLiteral("STOP SLAVE; RESET SLAVE ALL;"));
        // no work folder, no job left; the old data folder is the admin's to remove
        QCOMPARE(besideB().filter(QStringLiteral("replipair-copy.")), QStringList());
        QCOMPARE(processesIn({ QFileInfo(dataDir(1)).absolutePath() + QStringLiteral("/replipair-copy.") }),
            QStringList());
        QDir(run->savedCopy).removeRecursively();
    }
};

QTEST_GUILESS_MAIN(TestPhysicalCopy)
#include "tst_physicalcopy.moc"
