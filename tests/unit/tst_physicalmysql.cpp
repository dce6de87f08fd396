#include "copy/backuptool.h"
#include "copy/clonestatements.h"
#include "copy/physicalcheck.h"
#include "copy/physicalplan.h"
#include "copy/physicalscript.h"
#include "sql/dialect.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

/** The physical copy for MySQL, without a MySQL server (none on this machine, as docs/mysql.md says): the
 *  backup tool chosen per flavor and version, its version checked, the package named; the exact grants,
 *  option file and scripts; xtrabackup_binlog_info and clone_status read from real-format samples; the
 *  choice between XtraBackup and CLONE; the receiver's GTID state set in its version's words. */
class TestPhysicalMysql : public QObject
{
    Q_OBJECT

    static const inline QString UuidA = QStringLiteral("3e11fa47-71ca-11e1-9e33-c80aa9429562");
    static const inline QString UuidB = QStringLiteral("4e11fa47-71ca-11e1-9e33-c80aa9429562");

    /** A pair A → B of @p version with the tools of @p toolOutput on both hosts, nothing else against it. */
    static PhysicalCopyCheck pair(const QString& version, const QString& toolOutput, bool clone = false)
    {
        PhysicalCopyCheck c;
        c.source = 0;
        for (PhysicalServerFacts& f : c.servers) {
            f.version = version;
            f.dataDir = QStringLiteral("/var/lib/mysql");
            f.pidFile = QStringLiteral("/run/mysqld/mysqld.pid");
            f.restartCommand = QStringLiteral("systemctl restart mysql");
            const BackupTool tool(ServerVersion::parse(version));
            f.backupTool = QStringLiteral("/usr/bin/") + tool.backupNames().value(0);
            f.streamTool = QStringLiteral("/usr/bin/") + tool.streamName();
            f.toolVersion = BackupTool::versionIn(toolOutput);
            f.cloneActive = clone;
            f.platform = QStringLiteral("Linux/x86_64");
        }
        c.sourceBytes = 1 << 20;
        c.targetFreeBytes = 1LL << 40;
        return c;
    }
    static PairProfile profile()
    {
        PairProfile p;
        p.servers[0].name = QStringLiteral("A");
        p.servers[1].name = QStringLiteral("B");
        return p;
    }
    static QStringList codes(const PhysicalCopyCheck& c)
    {
        QStringList out;
        for (const Finding& f : c.findings)
            out << f.code;
        return out;
    }

private Q_SLOTS:
    void toolVersionIsRead_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("version");
        // the first line xtrabackup prints may be the options it read; the check keeps the version line
        QTest::newRow("xtrabackup-8.0") << "xtrabackup version 8.0.35-30 based on MySQL server 8.0.35 Linux "
                                           "(x86_64) (revision id: 6beb4b49)"
                                        << "8.0.35-30";
        QTest::newRow("xtrabackup-2.4") << "xtrabackup version 2.4.29 based on MySQL server 5.7.44 Linux "
                                           "(x86_64) (revision id: 2e6c0951)"
                                        << "2.4.29";
        QTest::newRow("xtrabackup-8.4") << "xtrabackup version 8.4.0-5 based on MySQL server 8.4.0 Linux "
                                           "(x86_64) (revision id: 10e1ba21)"
                                        << "8.4.0-5";
        QTest::newRow("mariadb-backup")
            << "mariadb-backup based on MariaDB server 10.11.19-MariaDB debian-linux-gnu (x86_64)"
            << "10.11.19";
        QTest::newRow("none") << "xtrabackup: command not found"
                              << "";
    }
    void toolVersionIsRead()
    {
        QFETCH(QString, output);
        QFETCH(QString, version);
        QCOMPARE(BackupTool::versionIn(output), version);
        QCOMPARE(PhysicalCopyCheck::toolServerVersion(output), version);
    }

    /** One row per version boundary: the tool, its package and whether the host's tool can copy. */
    void toolFitsTheServer_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("names");
        QTest::addColumn<QString>("package");
        QTest::addColumn<bool>("fits");
        QTest::newRow("mysql-5.7") << "5.7.44-log"
                                   << "2.4.29"
                                   << "xtrabackup/xbstream"
                                   << "percona-xtrabackup-24" << true;
        QTest::newRow("mysql-5.7-xtrabackup-8.0") << "5.7.44"
                                                  << "8.0.35-30"
                                                  << "xtrabackup/xbstream"
                                                  << "percona-xtrabackup-24" << false;
        QTest::newRow("percona-5.7") << "5.7.44-48-log"
                                     << "2.4.29"
                                     << "xtrabackup/xbstream"
                                     << "percona-xtrabackup-24" << true;
        QTest::newRow("mysql-8.0.16") << "8.0.16"
                                      << "8.0.35-30"
                                      << "xtrabackup/xbstream"
                                      << "percona-xtrabackup-80" << true;
        QTest::newRow("8.0-tool-same-minor") << "8.0.35"
                                             << "8.0.35-30"
                                             << "xtrabackup/xbstream"
                                             << "percona-xtrabackup-80" << true;
        QTest::newRow("8.0-tool-older-minor") << "8.0.36"
                                              << "8.0.35-30"
                                              << "xtrabackup/xbstream"
                                              << "percona-xtrabackup-80" << false;
        QTest::newRow("8.0-xtrabackup-2.4") << "8.0.36"
                                            << "2.4.29"
                                            << "xtrabackup/xbstream"
                                            << "percona-xtrabackup-80" << false;
        QTest::newRow("percona-server-8.0") << "8.0.36-28"
                                            << "8.0.36-31"
                                            << "xtrabackup/xbstream"
                                            << "percona-xtrabackup-80" << true;
        QTest::newRow("mysql-8.4") << "8.4.3"
                                   << "8.4.0-5"
                                   << "xtrabackup/xbstream"
                                   << "percona-xtrabackup-84" << true;
        QTest::newRow("8.4-xtrabackup-8.0") << "8.4.3"
                                            << "8.0.35-30"
                                            << "xtrabackup/xbstream"
                                            << "percona-xtrabackup-84" << false;
        QTest::newRow("mysql-9.1") << "9.1.0"
                                   << "9.1.0-1"
                                   << "xtrabackup/xbstream"
                                   << "percona-xtrabackup-91" << true;
        QTest::newRow("9.1-xtrabackup-8.4") << "9.1.0"
                                            << "8.4.0-5"
                                            << "xtrabackup/xbstream"
                                            << "percona-xtrabackup-91" << false;
        QTest::newRow("mariadb-10.11") << "10.11.19-MariaDB-0+deb12u1"
                                       << "10.11.19"
                                       << "mariadb-backup/mbstream"
                                       << "mariadb-backup" << true;
        QTest::newRow("mariadb-10.11-tool-10.6") << "10.11.19-MariaDB"
                                                 << "10.6.20"
                                                 << "mariadb-backup/mbstream"
                                                 << "mariadb-backup" << false;
    }
    void toolFitsTheServer()
    {
        QFETCH(QString, server);
        QFETCH(QString, tool);
        QFETCH(QString, names);
        QFETCH(QString, package);
        QFETCH(bool, fits);
        const BackupTool t(ServerVersion::parse(server));
        QCOMPARE(t.backupNames().value(0) + QLatin1Char('/') + t.streamName(), names);
        QCOMPARE(t.package(), package);
        QVERIFY2(t.installHint().contains(package), qPrintable(t.installHint()));
        const QString why = t.versionProblem(tool);
        QVERIFY2(why.isEmpty() == fits, qPrintable(why));
        // never the one flavor's tool for the other's server
        QCOMPARE(t.isXtraBackup(), !server.contains(QStringLiteral("MariaDB")));
    }

    void missingXtraBackupIsNamedWithThePackage()
    {
        PhysicalCopyCheck c = pair(QStringLiteral("8.0.36"), QStringLiteral("xtrabackup version 8.0.36-31"));
        c.servers[1].backupTool.clear();
        c.judge(profile(), true);
        QCOMPARE(codes(c), QStringList { QStringLiteral("backup-tool-missing") });
        const Finding f = c.findings.value(0);
        QCOMPARE(f.server, QStringLiteral("B"));
        QVERIFY2(f.text.contains(QStringLiteral("xtrabackup")), qPrintable(f.text));
        QVERIFY2(f.fix.contains(QStringLiteral("percona-xtrabackup-80"))
                && f.fix.contains(QStringLiteral("8.0.36 or newer"))
                && !f.fix.contains(QStringLiteral("mariadb")),
            qPrintable(f.fix));
        QVERIFY(!c.toolsPresent());
        QCOMPARE(c.way, PhysicalCopyCheck::Way::BackupTool);
    }

    void mixedFlavorsAreRefused()
    {
        PhysicalCopyCheck c = pair(QStringLiteral("8.0.36"), QStringLiteral("xtrabackup version 8.0.36-31"));
        c.servers[1].version = QStringLiteral("10.11.19-MariaDB");
        c.servers[1].toolVersion = QStringLiteral("10.11.19");
        c.judge(profile(), true);
        QVERIFY(codes(c).contains(QStringLiteral("physical-copy-versions")));
    }

    /** CLONE where it can copy and the old data may go; else XtraBackup; refused when only CLONE could and
     *  the old data is to be kept. */
    void cloneOrXtraBackupIsChosen_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("plugin");
        QTest::addColumn<bool>("oldDataMayGo");
        QTest::addColumn<bool>("xtrabackup");
        QTest::addColumn<QString>("way");
        QTest::addColumn<QString>("findings");
        QTest::newRow("8.0.17-clone") << "8.0.17" << true << true << true << "CLONE INSTANCE"
                                      << "";
        QTest::newRow("8.0.16-no-clone") << "8.0.16" << true << true << true << "xtrabackup 8.0"
                                         << "";
        QTest::newRow("plugin-off") << "8.0.36" << false << true << true << "xtrabackup 8.0"
                                    << "";
        QTest::newRow("8.4-clone") << "8.4.3" << true << true << false << "CLONE INSTANCE"
                                   << "";
        QTest::newRow("keep-old-data-xtrabackup") << "8.0.36" << true << false << true << "xtrabackup 8.0"
                                                  << "";
        QTest::newRow("keep-old-data-only-clone") << "8.0.36" << true << false << false << "xtrabackup 8.0"
                                                  << "clone-keeps-no-old-data";
        QTest::newRow("5.7") << "5.7.44" << true << true << true << "xtrabackup 2.4"
                             << "";
        QTest::newRow("mariadb") << "10.11.19-MariaDB" << true << true << true << "mariadb-backup"
                                 << "";
    }
    void cloneOrXtraBackupIsChosen()
    {
        QFETCH(QString, version);
        QFETCH(bool, plugin);
        QFETCH(bool, oldDataMayGo);
        QFETCH(bool, xtrabackup);
        QFETCH(QString, way);
        QFETCH(QString, findings);
        const ServerVersion v = ServerVersion::parse(version);
        PhysicalCopyCheck c = pair(version,
            QStringLiteral("version %1-1 based on server %1")
                .arg(v.major < 8 ? QStringLiteral("2.4.29") : version),
            plugin);
        if (v.flavor == Flavor::MariaDB)
            for (PhysicalServerFacts& f : c.servers)
                f.toolVersion = QStringLiteral("10.11.19");
        if (!xtrabackup)
            c.servers[0].backupTool.clear();
        c.judge(profile(), oldDataMayGo);
        QCOMPARE(c.toolName(), way);
        QCOMPARE(codes(c).join(QLatin1Char(',')), findings);
        if (!findings.isEmpty())
            QVERIFY2(c.findings.value(0).fix.contains(QStringLiteral("--no-save"))
                    && c.findings.value(0).fix.contains(QStringLiteral("percona-xtrabackup-80")),
                qPrintable(c.findings.value(0).fix));
    }

    void cloneNeedsTheSameVersionAndPlatform()
    {
        PhysicalCopyCheck c = pair(QStringLiteral("8.0.36"), QStringLiteral("version 8.0.36-31"), true);
        c.servers[1].version = QStringLiteral("8.0.35");
        QVERIFY(CloneStatements::problem(c.servers[0], c.servers[1], "A", "B")
                    .contains(QStringLiteral("same server version")));
        c.servers[1].version = QStringLiteral("8.0.36");
        c.servers[1].platform = QStringLiteral("Linux/aarch64");
        QVERIFY(CloneStatements::problem(c.servers[0], c.servers[1], "A", "B")
                    .contains(QStringLiteral("platform")));
        c.servers[1].platform = c.servers[0].platform;
        c.servers[1].cloneActive = false;
        QVERIFY(
            CloneStatements::problem(c.servers[0], c.servers[1], "A", "B").contains(QStringLiteral("on B")));
        c.servers[1].cloneActive = true;
        QCOMPARE(CloneStatements::problem(c.servers[0], c.servers[1], "A", "B"), QString());
    }

    void backupAccountGrants_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QStringList>("grants");
        const QString to = QStringLiteral("'replipair_backup'@'localhost'");
        QTest::newRow("mysql-5.7")
            << "5.7.44"
            << QStringList { "GRANT RELOAD, LOCK TABLES, PROCESS, REPLICATION CLIENT ON *.* TO " + to };
        QTest::newRow("mysql-8.0.23")
            << "8.0.23"
            << QStringList { "GRANT BACKUP_ADMIN, RELOAD, LOCK TABLES, PROCESS, REPLICATION CLIENT ON *.* TO "
                       + to,
                   "GRANT SELECT ON performance_schema.log_status TO " + to,
                   "GRANT SELECT ON performance_schema.replication_group_members TO " + to };
        QTest::newRow("mysql-8.0.24")
            << "8.0.24"
            << QStringList { "GRANT BACKUP_ADMIN, RELOAD, LOCK TABLES, PROCESS, REPLICATION CLIENT ON *.* TO "
                       + to,
                   "GRANT SELECT ON performance_schema.log_status TO " + to,
                   "GRANT SELECT ON performance_schema.replication_group_members TO " + to,
                   "GRANT SELECT ON performance_schema.keyring_component_status TO " + to };
        QTest::newRow("mariadb-10.11")
            << "10.11.19-MariaDB"
            << QStringList { "GRANT RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR, SLAVE MONITOR ON *.* TO "
                   + to };
        QTest::newRow("mariadb-10.4")
            << "10.4.34-MariaDB"
            << QStringList { "GRANT RELOAD, PROCESS, LOCK TABLES, REPLICATION CLIENT ON *.* TO " + to };
    }
    void backupAccountGrants()
    {
        QFETCH(QString, version);
        QFETCH(QStringList, grants);
        const Dialect d(ServerVersion::parse(version));
        QCOMPARE(BackupTool(d.version())
                     .grants(d, d.account(QStringLiteral("replipair_backup"), QStringLiteral("localhost"))),
            grants);
    }

    void xtrabackupScriptsAndOptionFile()
    {
        const BackupTool t(ServerVersion::parse(QStringLiteral("8.0.36")));
        PhysicalScriptParams p;
        p.sourceDir = QStringLiteral("/tmp/replipair-copy.a");
        p.targetDir = QStringLiteral("/var/lib/replipair-copy.b");
        p.backupTool = QStringLiteral("/usr/bin/xtrabackup");
        p.streamTool = QStringLiteral("/usr/bin/xbstream");
        const QString backup = PhysicalScript::backup(p), receive = PhysicalScript::receive(p);
        QVERIFY2(
            backup.contains(QStringLiteral("'/usr/bin/xtrabackup' --defaults-file=\"$d/backup.cnf\" --backup "
                                           "--stream=xbstream")),
            qPrintable(backup));
        QVERIFY2(
            receive.contains(QStringLiteral("'/usr/bin/xbstream' -x -C \"$d/data\"")), qPrintable(receive));
        QVERIFY2(receive.contains(QStringLiteral("'/usr/bin/xtrabackup' --prepare --target-dir=\"$d/data\"")),
            qPrintable(receive));
        QVERIFY(!(backup + receive).contains(QStringLiteral("mariadb")));
        const QString cnf = QString::fromUtf8(PhysicalScript::optionFile(
            QStringLiteral("/run/mysqld/mysqld.sock"), QStringLiteral("replipair_backup"),
            QStringLiteral("s3cr#t"), QStringLiteral("datadir=/var/lib/mysql\n"), t.optionGroup()));
        QCOMPARE(cnf,
            QStringLiteral("[client]\nsocket=\"/run/mysqld/"
                           "mysqld.sock\"\nuser=\"replipair_backup\"\npassword=\"s3cr#t\"\n"
                           "[xtrabackup]\ndatadir=/var/lib/mysql\n"));
        // the receiver keeps its own server_uuid: its auto.cnf goes into the copy before the swap
        const QString swap = PhysicalScript::swap(QStringLiteral("/var/lib/mysql"),
            QStringLiteral("/var/lib/old"), QStringLiteral("/var/lib/new"),
            QStringLiteral("/run/mysqld/mysqld.pid"), QStringLiteral("true"));
        QVERIFY(swap.indexOf(QStringLiteral("cp -p -- \"$dd/auto.cnf\" \"$new/auto.cnf\""))
            < swap.indexOf(QStringLiteral("mv -T -- \"$new\" \"$dd\"")));
        QVERIFY(swap.contains(QStringLiteral("auto.cnf")));
    }

    void binlogInfoIsRead_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("position");
        QTest::addColumn<QString>("gtid");
        QTest::newRow("mysql-one-uuid") << "binlog.000003\t1234\t" + UuidA + ":1-5\n"
                                        << "binlog.000003" << qint64(1234) << UuidA + ":1-5";
        QTest::newRow("mysql-two-uuids-two-lines")
            << "mysql-bin.000012\t157\t" + UuidA + ":1-5,\n" + UuidB + ":1-7\n"
            << "mysql-bin.000012" << qint64(157) << UuidA + ":1-5," + UuidB + ":1-7";
        QTest::newRow("mysql-no-gtid") << "binlog.000001\t4\n"
                                       << "binlog.000001" << qint64(4) << "";
        QTest::newRow("mariadb") << "mariadb-bin.000004 8812 0-1-5532"
                                 << "mariadb-bin.000004" << qint64(8812) << "0-1-5532";
        QTest::newRow("mariadb-two-domains") << "mariadb-bin.000004\t8812\t0-1-5532,1-2-17"
                                             << "mariadb-bin.000004" << qint64(8812) << "0-1-5532,1-2-17";
        QTest::newRow("empty") << ""
                               << "" << qint64(0) << "";
        QTest::newRow("garbage") << "binlog.000001 x"
                                 << "" << qint64(0) << "";
    }
    void binlogInfoIsRead()
    {
        QFETCH(QString, text);
        QFETCH(QString, file);
        QFETCH(qint64, position);
        QFETCH(QString, gtid);
        const BinlogCoordinates c = BackupTool::parseBinlogInfo(text);
        QCOMPARE(c.file, file);
        QCOMPARE(c.position, position);
        QCOMPARE(c.gtid, gtid);
    }

    void receiverStartsAtTheCopysGtids_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QStringList>("statements");
        const QString set = UuidA + QStringLiteral(":1-5,") + UuidB + QStringLiteral(":1-7");
        QTest::newRow("mysql-5.7") << "5.7.44"
                                   << QStringList { "RESET MASTER",
                                          "SET GLOBAL gtid_purged = '" + set + "'" };
        QTest::newRow("mysql-8.0") << "8.0.36"
                                   << QStringList { "RESET MASTER",
                                          "SET GLOBAL gtid_purged = '" + set + "'" };
        QTest::newRow("mysql-8.4") << "8.4.3"
                                   << QStringList { "RESET BINARY LOGS AND GTIDS",
                                          "SET GLOBAL gtid_purged = '" + set + "'" };
        QTest::newRow("mysql-9.1") << "9.1.0"
                                   << QStringList { "RESET BINARY LOGS AND GTIDS",
                                          "SET GLOBAL gtid_purged = '" + set + "'" };
        QTest::newRow("mariadb") << "10.11.19-MariaDB"
                                 << QStringList { "RESET MASTER",
                                        "SET GLOBAL gtid_binlog_state = '" + set + "'" };
    }
    void receiverStartsAtTheCopysGtids()
    {
        QFETCH(QString, version);
        QFETCH(QStringList, statements);
        const QString set = UuidA + QStringLiteral(":1-5,") + UuidB + QStringLiteral(":1-7");
        QCOMPARE(Dialect(ServerVersion::parse(version)).startBinlogAtGtidState(set), statements);
    }

    void cloneStatements()
    {
        const Dialect d(ServerVersion::parse(QStringLiteral("8.0.36")));
        const QString pw = QStringLiteral("pw'1");
        QCOMPARE(CloneStatements::donorAccount(d, QStringLiteral("10.0.0.2"), pw, true),
            (QStringList { "DROP USER IF EXISTS 'replipair_clone'@'10.0.0.2'",
                "CREATE USER 'replipair_clone'@'10.0.0.2' IDENTIFIED BY '***'",
                "GRANT BACKUP_ADMIN ON *.* TO 'replipair_clone'@'10.0.0.2'" }));
        QCOMPARE(CloneStatements::recipientAccount(d, pw, true).value(2),
            QStringLiteral("GRANT CLONE_ADMIN ON *.* TO 'replipair_clone'@'localhost'"));
        // the password only in the statement itself (a 0600 file on B's host), never in what is shown
        QCOMPARE(CloneStatements::cloneInstance(d, QStringLiteral("db-a.example"), 3306, pw, true),
            QStringLiteral("CLONE INSTANCE FROM 'replipair_clone'@'db-a.example':3306 IDENTIFIED BY '***'"));
        QVERIFY(CloneStatements::cloneInstance(d, QStringLiteral("db-a.example"), 3306, pw, false)
                    .contains(d.literal(pw)));
        QVERIFY(!CloneStatements::donorAccount(d, QStringLiteral("10.0.0.2"), pw, true)
                     .join(' ')
                     .contains(QStringLiteral("pw")));
        QCOMPARE(CloneStatements::setDonorList(d, QStringLiteral("db-a.example:3306")),
            QStringLiteral("SET GLOBAL clone_valid_donor_list = 'db-a.example:3306'"));
        // put back as it was: unset is NULL
        QCOMPARE(CloneStatements::setDonorList(d, QString()),
            QStringLiteral("SET GLOBAL clone_valid_donor_list = NULL"));
        QVERIFY(CloneStatements::factsQuery().contains(QStringLiteral("information_schema.PLUGINS")));
    }

    void cloneStatusIsRead()
    {
        // a completed clone, as performance_schema.clone_status shows it on the receiver after its restart
        SqlRow done { { "STATE", "Completed" }, { "ERROR_NO", 0 }, { "ERROR_MESSAGE", "" },
            { "BINLOG_FILE", "binlog.000007" }, { "BINLOG_POSITION", 21503 },
            { "GTID_EXECUTED", UuidA + ":1-5,\n" + UuidB + ":1-7" } };
        auto c = CloneStatements::coordinates(done);
        QVERIFY(c);
        QCOMPARE(c->file, QStringLiteral("binlog.000007"));
        QCOMPARE(c->position, qint64(21503));
        QCOMPARE(c->gtid, UuidA + QStringLiteral(":1-5,") + UuidB + QStringLiteral(":1-7"));
        SqlRow failed { { "STATE", "Failed" }, { "ERROR_NO", 3862 },
            { "ERROR_MESSAGE", "Clone Donor Error: 1045 : Access denied" } };
        QString why;
        QVERIFY(!CloneStatements::coordinates(failed, &why));
        QVERIFY2(why.contains(QStringLiteral("3862")) && why.contains(QStringLiteral("Access denied")),
            qPrintable(why));
        QVERIFY(!CloneStatements::coordinates({}, &why));
        QCOMPARE(CloneStatements::NoSupervisorError, 3707);
    }

    void cloneProgressIsRead()
    {
        const auto stage = [](const char* name, const char* state, qint64 estimate, qint64 data) {
            return SqlRow { { "STAGE", name }, { "STATE", state }, { "ESTIMATE", estimate },
                { "DATA", data } };
        };
        CopyProgress p = CloneStatements::progress({ stage("DROP DATA", "Completed", 0, 0),
            stage("FILE COPY", "In Progress", 1000000, 400000), stage("PAGE COPY", "Not Started", 0, 0) });
        QCOMPARE(p.bytes, qint64(400000));
        QCOMPARE(p.estimatedBytes, qint64(1000000));
        QVERIFY(p.byBytes);
        QVERIFY(!p.finished);
        p = CloneStatements::progress(
            { stage("FILE COPY", "Completed", 1000000, 1000000), stage("RECOVERY", "Completed", 0, 0) });
        QVERIFY(p.finished);
    }

    void cloneJobKeepsThePasswordOffTheCommandLine()
    {
        // a stand-in mysql client on the PATH notes its arguments and what it reads
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString d = dir.path();
        QFile client(d + QStringLiteral("/mysql"));
        QVERIFY(client.open(QIODevice::WriteOnly));
        client.write(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/args\"\ncat > \"$(dirname "
            "\"$0\")/stdin\"\n"
            "echo 'ERROR 3707 (HY000) at line 1: Restart server failed (mysqld is not managed by supervisor "
            "process).' >&2\nexit 1\n");
        client.close();
        client.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const Dialect dialect(ServerVersion::parse(QStringLiteral("8.0.36")));
        const QString statement = CloneStatements::cloneInstance(dialect, QStringLiteral("db-a"), 3306,
                                      QStringLiteral("secret-pw"), false)
            + QStringLiteral(";\n");
        QFile sql(d + QStringLiteral("/clone.sql"));
        QVERIFY(sql.open(QIODevice::WriteOnly));
        sql.write(statement.toUtf8());
        sql.close();
        QProcess sh;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), d + QStringLiteral(":/usr/bin:/bin"));
        sh.setProcessEnvironment(env);
        sh.start(QStringLiteral("sh"), { QStringLiteral("-c"), CloneStatements::clientJob(d) });
        QVERIFY(sh.waitForFinished(10000));
        QCOMPARE(sh.exitCode(), 1);
        QFile args(d + QStringLiteral("/args")), in(d + QStringLiteral("/stdin"));
        QVERIFY(args.open(QIODevice::ReadOnly) && in.open(QIODevice::ReadOnly));
        const QByteArray argv = args.readAll();
        QCOMPARE(argv, "--defaults-file=" + d.toUtf8() + "/clone.cnf\n--batch\n");
        QVERIFY(!argv.contains("secret-pw"));
        QCOMPARE(QString::fromUtf8(in.readAll()), statement);
        QCOMPARE(CloneStatements::clientError(sh.readAllStandardError()), CloneStatements::NoSupervisorError);
        QCOMPARE(CloneStatements::clientError("ERROR 2013 (HY000) at line 1: Lost connection to MySQL server "
                                              "during query\n"),
            2013);
        QCOMPARE(CloneStatements::clientError(""), 0);
    }

    void planNamesTheTool_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("clone");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("grant");
        QTest::newRow("mariadb")
            << "10.11.19-MariaDB" << false
            << "mariadb-backup --backup --stream=xbstream on A's host, carried over SSH into "
               "mbstream -x next to B's data folder, mariadb-backup --prepare"
            << "BINLOG MONITOR";
        QTest::newRow("mysql-8.0-xtrabackup")
            << "8.0.36" << false
            << "xtrabackup --backup --stream=xbstream on A's host, carried over SSH into xbstream -x next to "
               "B's data folder, xtrabackup --prepare"
            << "GRANT BACKUP_ADMIN, RELOAD";
        QTest::newRow("mysql-8.0-clone")
            << "8.0.36" << true
            << "CLONE INSTANCE FROM 'replipair_clone'@'db-a':3306 IDENTIFIED BY '***' "
               "run on B"
            << "GRANT CLONE_ADMIN ON *.* TO 'replipair_clone'@'localhost'";
    }
    void planNamesTheTool()
    {
        QFETCH(QString, version);
        QFETCH(bool, clone);
        QFETCH(QString, title);
        QFETCH(QString, grant);
        PhysicalCopyCheck c = pair(version, QStringLiteral("version %1-1").arg(version), clone);
        PairProfile p = profile();
        p.servers[0].host = QStringLiteral("db-a");
        p.servers[1].host = QStringLiteral("db-b");
        c.judge(p, true);
        QCOMPARE(c.way == PhysicalCopyCheck::Way::Clone, clone);
        const PhysicalPlan plan = PhysicalPlan::of(c, p);
        QVERIFY2(plan.title.contains(title), qPrintable(plan.title));
        QVERIFY2(
            plan.sql.join(QLatin1Char('\n')).contains(grant), qPrintable(plan.sql.join(QLatin1Char('\n'))));
        QVERIFY(!plan.sql.join(QLatin1Char(' ')).contains(QStringLiteral("IDENTIFIED BY ''")));
        // CLONE keeps nothing of B's old data, and says so
        QCOMPARE(plan.undo.contains(QStringLiteral("not kept")), clone);
    }
};

QTEST_APPLESS_MAIN(TestPhysicalMysql)
#include "tst_physicalmysql.moc"
