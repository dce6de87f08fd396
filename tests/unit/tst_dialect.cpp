#include "sql/binlogstatus.h"
#include "sql/dialect.h"
#include "sql/replicastatus.h"

#include <QTest>

/** Every dialect from the documented syntax and column names. */
class TestDialect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseVersion_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("mariadb");
        QTest::addColumn<int>("major");
        QTest::addColumn<int>("minor");
        QTest::addColumn<int>("patch");
        QTest::newRow("mysql-5.1") << QStringLiteral("5.1.26-rc-log") << false << 5 << 1 << 26;
        QTest::newRow("mysql-5.7") << QStringLiteral("5.7.44-log") << false << 5 << 7 << 44;
        QTest::newRow("mysql-8.0") << QStringLiteral("8.0.36") << false << 8 << 0 << 36;
        QTest::newRow("mysql-8.4") << QStringLiteral("8.4.2") << false << 8 << 4 << 2;
        QTest::newRow("mariadb-debian")
            << QStringLiteral("10.11.19-MariaDB-0+deb12u1") << true << 10 << 11 << 19;
        QTest::newRow("mariadb-handshake")
            << QStringLiteral("5.5.5-10.6.18-MariaDB") << true << 10 << 6 << 18;
        QTest::newRow("mariadb-11") << QStringLiteral("11.4.3-MariaDB-log") << true << 11 << 4 << 3;
    }
    void parseVersion()
    {
        QFETCH(QString, text);
        QFETCH(bool, mariadb);
        QFETCH(int, major);
        QFETCH(int, minor);
        QFETCH(int, patch);
        const ServerVersion v = ServerVersion::parse(text);
        QCOMPARE(v.flavor == Flavor::MariaDB, mariadb);
        QCOMPARE(v.major, major);
        QCOMPARE(v.minor, minor);
        QCOMPARE(v.patch, patch);
    }

    void statements_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("showReplica");
        QTest::addColumn<QString>("showBinlog");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("logReplicaUpdates");
        QTest::newRow("mysql-5.1") << "5.1.26"
                                   << "SHOW SLAVE STATUS"
                                   << "SHOW MASTER STATUS"
                                   << "START SLAVE"
                                   << "log_slave_updates";
        QTest::newRow("mysql-5.7") << "5.7.44"
                                   << "SHOW SLAVE STATUS"
                                   << "SHOW MASTER STATUS"
                                   << "START SLAVE"
                                   << "log_slave_updates";
        QTest::newRow("mysql-8.0.21") << "8.0.21"
                                      << "SHOW SLAVE STATUS"
                                      << "SHOW MASTER STATUS"
                                      << "START SLAVE"
                                      << "log_slave_updates";
        QTest::newRow("mysql-8.0.22") << "8.0.22"
                                      << "SHOW REPLICA STATUS"
                                      << "SHOW MASTER STATUS"
                                      << "START REPLICA"
                                      << "log_slave_updates";
        QTest::newRow("mysql-8.0.26") << "8.0.26"
                                      << "SHOW REPLICA STATUS"
                                      << "SHOW MASTER STATUS"
                                      << "START REPLICA"
                                      << "log_replica_updates";
        QTest::newRow("mysql-8.4") << "8.4.0"
                                   << "SHOW REPLICA STATUS"
                                   << "SHOW BINARY LOG STATUS"
                                   << "START REPLICA"
                                   << "log_replica_updates";
        QTest::newRow("mariadb-10.3") << "10.3.39-MariaDB"
                                      << "SHOW SLAVE STATUS"
                                      << "SHOW MASTER STATUS"
                                      << "START SLAVE"
                                      << "log_slave_updates";
        QTest::newRow("mariadb-11.4") << "11.4.3-MariaDB"
                                      << "SHOW SLAVE STATUS"
                                      << "SHOW MASTER STATUS"
                                      << "START SLAVE"
                                      << "log_slave_updates";
    }
    void statements()
    {
        QFETCH(QString, version);
        QFETCH(QString, showReplica);
        QFETCH(QString, showBinlog);
        QFETCH(QString, start);
        QFETCH(QString, logReplicaUpdates);
        const Dialect d(ServerVersion::parse(version));
        QCOMPARE(d.showReplicaStatus(), showReplica);
        QCOMPARE(d.showBinlogStatus(), showBinlog);
        QCOMPARE(d.startReplica(), start);
        QCOMPARE(d.stopReplica(), QString(start).replace(QStringLiteral("START"), QStringLiteral("STOP")));
        QCOMPARE(d.logReplicaUpdatesVariable(), logReplicaUpdates);
    }

    /** The heartbeat's own position: MariaDB knows the beat by the GTID its session committed and waits for
     *  exactly that; MySQL (and MariaDB before MASTER_GTID_WAIT) by where the binary log ended after it. */
    void beatPosition_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("gtid");
        QTest::addColumn<QString>("position");
        QTest::addColumn<QString>("wait");
        QTest::newRow("mariadb-10.11") << "10.11.6-MariaDB"
                                       << "0-1-42"
                                       << "SELECT @@last_gtid AS beat_gtid"
                                       << "SELECT MASTER_GTID_WAIT('0-1-42', 0) AS already, "
                                          "MASTER_GTID_WAIT('0-1-42', 1) AS waited";
        QTest::newRow("mariadb-10.0.9") << "10.0.9-MariaDB"
                                        << "2-7-1"
                                        << "SELECT @@last_gtid AS beat_gtid"
                                        << "SELECT MASTER_GTID_WAIT('2-7-1', 0) AS already, "
                                           "MASTER_GTID_WAIT('2-7-1', 1) AS waited";
        // no GTID known (the binary log was off when the beat was written): by file and position
        QTest::newRow("mariadb-no-gtid") << "11.4.3-MariaDB"
                                         << ""
                                         << "SELECT @@last_gtid AS beat_gtid"
                                         << "SELECT MASTER_POS_WAIT('bin.000003', 1234, 1) AS waited";
        QTest::newRow("mariadb-10.0.8") << "10.0.8-MariaDB"
                                        << "0-1-42"
                                        << "SHOW MASTER STATUS"
                                        << "SELECT MASTER_POS_WAIT('bin.000003', 1234, 1) AS waited";
        QTest::newRow("mysql-8.0.25") << "8.0.25"
                                      << ""
                                      << "SHOW MASTER STATUS"
                                      << "SELECT MASTER_POS_WAIT('bin.000003', 1234, 1) AS waited";
        QTest::newRow("mysql-8.4") << "8.4.0"
                                   << "3e11fa47-71ca-11e1-9e33-c80aa9429562:23"
                                   << "SHOW BINARY LOG STATUS"
                                   << "SELECT SOURCE_POS_WAIT('bin.000003', 1234, 1) AS waited";
    }
    void beatPosition()
    {
        QFETCH(QString, version);
        QFETCH(QString, gtid);
        QFETCH(QString, position);
        QFETCH(QString, wait);
        const Dialect d(ServerVersion::parse(version));
        QCOMPARE(d.beatPositionQuery(), position);
        QCOMPARE(d.beatsByGtid(), position.contains(QStringLiteral("last_gtid")));
        QCOMPARE(d.replicaWaitForBeat(gtid, QStringLiteral("bin.000003"), 1234, 1), wait);
    }

    void changeSource_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("gtid");
        QTest::addColumn<QString>("expected");
        QTest::newRow("mysql-5.1-pos") << "5.1.26" << false
                                       << "CHANGE MASTER TO MASTER_HOST = '192.168.1.110', MASTER_PORT = "
                                          "3306, MASTER_USER = 'replication', "
                                          "MASTER_PASSWORD = '***', MASTER_LOG_FILE = 'mysql-bin.000014', "
                                          "MASTER_LOG_POS = 704, MASTER_CONNECT_RETRY = 10";
        QTest::newRow("mysql-5.7-gtid")
            << "5.7.44" << true
            << "CHANGE MASTER TO MASTER_HOST = '192.168.1.110', MASTER_PORT = 3306, MASTER_USER = "
               "'replication', "
               "MASTER_PASSWORD = '***', MASTER_AUTO_POSITION = 1, MASTER_CONNECT_RETRY = 10";
        QTest::newRow("mysql-8.0.22-pos")
            << "8.0.22" << false
            << "CHANGE MASTER TO MASTER_HOST = '192.168.1.110', MASTER_PORT = 3306, MASTER_USER = "
               "'replication', "
               "MASTER_PASSWORD = '***', MASTER_LOG_FILE = 'mysql-bin.000014', MASTER_LOG_POS = 704, "
               "MASTER_AUTO_POSITION = 0, MASTER_CONNECT_RETRY = 10, GET_MASTER_PUBLIC_KEY = 1";
        QTest::newRow("mysql-8.0.23-gtid") << "8.0.23" << true
                                           << "CHANGE REPLICATION SOURCE TO SOURCE_HOST = '192.168.1.110', "
                                              "SOURCE_PORT = 3306, SOURCE_USER = 'replication', "
                                              "SOURCE_PASSWORD = '***', SOURCE_AUTO_POSITION = 1, "
                                              "SOURCE_CONNECT_RETRY = 10, GET_SOURCE_PUBLIC_KEY = 1";
        QTest::newRow("mysql-8.4-pos")
            << "8.4.2" << false
            << "CHANGE REPLICATION SOURCE TO SOURCE_HOST = '192.168.1.110', SOURCE_PORT = 3306, SOURCE_USER "
               "= 'replication', "
               "SOURCE_PASSWORD = '***', SOURCE_LOG_FILE = 'mysql-bin.000014', SOURCE_LOG_POS = 704, "
               "SOURCE_AUTO_POSITION = 0, SOURCE_CONNECT_RETRY = 10, GET_SOURCE_PUBLIC_KEY = 1";
        QTest::newRow("mariadb-gtid")
            << "10.11.19-MariaDB" << true
            << "CHANGE MASTER TO MASTER_HOST = '192.168.1.110', MASTER_PORT = 3306, MASTER_USER = "
               "'replication', "
               "MASTER_PASSWORD = '***', MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 10";
        QTest::newRow("mariadb-pos") << "10.11.19-MariaDB" << false
                                     << "CHANGE MASTER TO MASTER_HOST = '192.168.1.110', MASTER_PORT = 3306, "
                                        "MASTER_USER = 'replication', "
                                        "MASTER_PASSWORD = '***', MASTER_LOG_FILE = 'mysql-bin.000014', "
                                        "MASTER_LOG_POS = 704, MASTER_CONNECT_RETRY = 10";
    }
    void changeSource()
    {
        QFETCH(QString, version);
        QFETCH(bool, gtid);
        QFETCH(QString, expected);
        const Dialect d(ServerVersion::parse(version));
        ChangeSourceParams p;
        p.host = QStringLiteral("192.168.1.110");
        p.user = QStringLiteral("replication");
        p.password = QStringLiteral("s3cr'et\\");
        p.logFile = QStringLiteral("mysql-bin.000014");
        p.logPos = 704;
        p.gtid = gtid;
        QCOMPARE(d.changeSource(p, true), expected);
        // unredacted: the password is there, quoted
        const QString real = d.changeSource(p, false);
        QVERIFY(real.contains(QStringLiteral("'s3cr''et\\\\'")));
        QVERIFY(!real.contains(QStringLiteral("***")));
    }

    void changeCredentialsOnly()
    {
        const Dialect d(ServerVersion::parse(QStringLiteral("10.11.2-MariaDB")));
        ChangeSourceParams p;
        p.user = QStringLiteral("r");
        p.password = QStringLiteral("x");
        p.onlyCredentials = true;
        QCOMPARE(d.changeSource(p, true),
            QStringLiteral("CHANGE MASTER TO MASTER_USER = 'r', MASTER_PASSWORD = '***'"));
    }

    void createUser_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("mysql-5.1")
            << "5.1.26"
            << QStringList {
                   "GRANT REPLICATION SLAVE ON *.* TO 'replication'@'192.168.1.110' IDENTIFIED BY '***'"
               };
        QTest::newRow("mysql-8.0")
            << "8.0.36"
            << QStringList { "CREATE USER IF NOT EXISTS 'replication'@'192.168.1.110' IDENTIFIED BY '***'",
                   "ALTER USER 'replication'@'192.168.1.110' IDENTIFIED BY '***'",
                   "GRANT REPLICATION SLAVE ON *.* TO 'replication'@'192.168.1.110'" };
        QTest::newRow("mariadb-10.11")
            << "10.11.19-MariaDB"
            << QStringList { "CREATE USER IF NOT EXISTS 'replication'@'192.168.1.110' IDENTIFIED BY '***'",
                   "ALTER USER 'replication'@'192.168.1.110' IDENTIFIED BY '***'",
                   "GRANT REPLICATION SLAVE ON *.* TO 'replication'@'192.168.1.110'" };
    }
    void createUser()
    {
        QFETCH(QString, version);
        QFETCH(QStringList, expected);
        const Dialect d(ServerVersion::parse(version));
        QCOMPARE(d.createReplicationUser(QStringLiteral("replication"), QStringLiteral("192.168.1.110"),
                     QStringLiteral("pw"), true),
            expected);
        // least privilege: never FILE, never ALL
        for (const QString& s :
            d.createReplicationUser(QStringLiteral("r"), QStringLiteral("h"), QStringLiteral("pw"), false)) {
            QVERIFY(!s.contains(QStringLiteral("FILE")));
            QVERIFY(!s.contains(QStringLiteral("ALL")));
        }
    }

    void gtidAlignment()
    {
        const Dialect mysql(ServerVersion::parse(QStringLiteral("8.0.36")));
        QCOMPARE(mysql.gtidMissingQuery(QStringLiteral("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5")),
            QStringLiteral("SELECT GTID_SUBTRACT('3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5', "
                           "@@GLOBAL.gtid_executed) AS missing"));
        QCOMPARE(mysql.markGtidsApplied(QStringLiteral("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5")),
            QStringLiteral("SET GLOBAL gtid_purged = '+3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5'"));
        const Dialect maria(ServerVersion::parse(QStringLiteral("10.11.6-MariaDB")));
        QCOMPARE(maria.setGtidReplicaPos(QStringLiteral("0-1-42,1-1-7")),
            QStringLiteral("SET GLOBAL gtid_slave_pos = '0-1-42,1-1-7'"));
    }
    void mariadb101HasNoAlterUser()
    {
        const Dialect d(ServerVersion::parse(QStringLiteral("10.1.48-MariaDB")));
        const QStringList sql
            = d.createReplicationUser(QStringLiteral("r"), QStringLiteral("h"), QStringLiteral("pw"), true);
        QCOMPARE(sql.value(1), QStringLiteral("SET PASSWORD FOR 'r'@'h' = PASSWORD('***')"));
    }

    void replicaStatusByName_data()
    {
        QTest::addColumn<QVariantMap>("row");
        QVariantMap old { { "Slave_IO_Running", "Yes" }, { "Slave_SQL_Running", "No" },
            { "Master_Host", "h" }, { "Master_Port", 3307 }, { "Seconds_Behind_Master", QVariant() },
            { "Last_SQL_Errno", 1062 }, { "Last_SQL_Error", "Duplicate entry" },
            { "Exec_Master_Log_Pos", 866 } };
        QVariantMap modern { { "Replica_IO_Running", "Yes" }, { "Replica_SQL_Running", "No" },
            { "Source_Host", "h" }, { "Source_Port", 3307 }, { "Seconds_Behind_Source", QVariant() },
            { "Last_SQL_Errno", 1062 }, { "Last_SQL_Error", "Duplicate entry" },
            { "Exec_Source_Log_Pos", 866 } };
        QTest::newRow("slave-columns") << old;
        QTest::newRow("replica-columns") << modern;
    }
    void replicaStatusByName()
    {
        QFETCH(QVariantMap, row);
        const ReplicaStatus s = ReplicaStatus::fromRow(row);
        QVERIFY(s.configured);
        QVERIFY(s.ioRunning);
        QVERIFY(!s.sqlRunning);
        QCOMPARE(s.sourceHost, QStringLiteral("h"));
        QCOMPARE(s.sourcePort, 3307);
        QVERIFY(!s.secondsBehind.has_value()); // NULL is not 0
        QCOMPARE(s.lastSqlErrno, 1062);
        QCOMPARE(s.execSourceLogPos, 866);
        QVERIFY(!s.healthy());
    }
    void replicaStatusColumnsPerDialect_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("io");
        QTest::addColumn<QString>("gtid");
        QTest::newRow("mariadb-10.11") << "10.11.6-MariaDB"
                                       << "Slave_IO_Running"
                                       << "Using_Gtid";
        QTest::newRow("mysql-5.7") << "5.7.44"
                                   << "Slave_IO_Running"
                                   << "Auto_Position";
        QTest::newRow("mysql-8.0.21") << "8.0.21"
                                      << "Slave_IO_Running"
                                      << "Auto_Position";
        QTest::newRow("mysql-8.0.22") << "8.0.22"
                                      << "Replica_IO_Running"
                                      << "Auto_Position";
    }
    void replicaStatusColumnsPerDialect()
    {
        QFETCH(QString, version);
        QFETCH(QString, io);
        QFETCH(QString, gtid);
        const Dialect d(ServerVersion::parse(version));
        QCOMPARE(QString(d.replicaStatusColumns().ioRunning), io);
        QCOMPARE(QString(d.replicaStatusColumns().usingGtid), gtid);
        // the dialect's reader takes its own names and nothing else
        const ReplicaStatus s = ReplicaStatus::fromRow(
            { { io, "Yes" }, { QString(d.replicaStatusColumns().sqlRunning), "Yes" }, { gtid, "1" } }, d);
        QVERIFY(s.healthy());
        QVERIFY(s.usingGtid);
    }
    void sqlThreadUntil_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("stop");
        QTest::addColumn<QString>("until");
        QTest::addColumn<bool>("snapshotStatus");
        QTest::newRow("mysql-5.7") << "5.7.44"
                                   << "STOP SLAVE SQL_THREAD"
                                   << "START SLAVE SQL_THREAD UNTIL MASTER_LOG_FILE = 'bin.000003', "
                                      "MASTER_LOG_POS = 1234"
                                   << false;
        QTest::newRow("mysql-8.0.22") << "8.0.22"
                                      << "STOP REPLICA SQL_THREAD"
                                      << "START REPLICA SQL_THREAD UNTIL MASTER_LOG_FILE = 'bin.000003', "
                                         "MASTER_LOG_POS = 1234"
                                      << false;
        QTest::newRow("mysql-8.4") << "8.4.0"
                                   << "STOP REPLICA SQL_THREAD"
                                   << "START REPLICA SQL_THREAD UNTIL SOURCE_LOG_FILE = 'bin.000003', "
                                      "SOURCE_LOG_POS = 1234"
                                   << false;
        QTest::newRow("mariadb-10.11") << "10.11.6-MariaDB"
                                       << "STOP SLAVE SQL_THREAD"
                                       << "START SLAVE SQL_THREAD UNTIL MASTER_LOG_FILE = 'bin.000003', "
                                          "MASTER_LOG_POS = 1234"
                                       << true;
    }
    void sqlThreadUntil()
    {
        QFETCH(QString, version);
        QFETCH(QString, stop);
        QFETCH(QString, until);
        QFETCH(bool, snapshotStatus);
        const Dialect d(ServerVersion::parse(version));
        QCOMPARE(d.stopReplicaSqlThread(), stop);
        QCOMPARE(d.startReplicaSqlThread(),
            QString(stop).replace(QStringLiteral("STOP"), QStringLiteral("START")));
        QCOMPARE(d.startReplicaSqlThreadUntil(QStringLiteral("bin.000003"), 1234), until);
        QCOMPARE(d.hasBinlogSnapshotStatus(), snapshotStatus);
        QVERIFY(d.ownTransactionsQuery().contains(
            snapshotStatus ? QStringLiteral("gtid_binlog_state") : QStringLiteral("server_uuid")));
    }

    void secondsBehindZeroIsNotNull()
    {
        const ReplicaStatus s = ReplicaStatus::fromRow({ { "Seconds_Behind_Master", 0 } });
        QVERIFY(s.secondsBehind.has_value());
        QCOMPARE(*s.secondsBehind, 0);
        QVERIFY(!ReplicaStatus::fromRow({}).configured);
    }
    /** What the CLI prints of a replica: NULL apart from 0, the server's words for the threads. */
    void replicaSummary()
    {
        ReplicaStatus s = ReplicaStatus::fromRow(
            { { "Master_Host", "10.0.0.2" }, { "Master_Port", 3307 }, { "Slave_IO_Running", "Connecting" },
                { "Slave_SQL_Running", "Yes" }, { "Seconds_Behind_Master", QVariant() } });
        QCOMPARE(s.secondsBehindText(), QStringLiteral("NULL"));
        QCOMPARE(s.summary(), QStringLiteral("from 10.0.0.2:3307  IO Connecting  SQL Yes  behind NULL"));
        s.secondsBehind = 0;
        QCOMPARE(s.secondsBehindText(), QStringLiteral("0 s"));
        QCOMPARE(ReplicaStatus().summary(), QStringLiteral("not a replica"));
    }
    /** SHOW MASTER STATUS / SHOW BINARY LOG STATUS rows as MySQL and MariaDB write them; no row: log off. */
    /** Who may write into a read_only server, and whether super_read_only exists, per flavor and version. */
    void readOnly_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("superReadOnly");
        QTest::addColumn<QStringList>("bypass");
        QTest::newRow("mariadb 10.11") << "10.11.6-MariaDB" << false << QStringList { "READ_ONLY ADMIN" };
        QTest::newRow("mariadb 10.6")
            << "10.6.16-MariaDB" << false << QStringList { "READ_ONLY ADMIN", "SUPER" };
        QTest::newRow("mariadb 10.4") << "10.4.30-MariaDB" << false << QStringList { "SUPER" };
        QTest::newRow("mysql 5.7.7") << "5.7.7-log" << false << QStringList { "SUPER" };
        QTest::newRow("mysql 5.7.8") << "5.7.8-log" << true << QStringList { "SUPER" };
        QTest::newRow("mysql 8.0") << "8.0.36" << true << QStringList { "CONNECTION_ADMIN", "SUPER" };
    }
    void readOnly()
    {
        QFETCH(QString, version);
        QFETCH(bool, superReadOnly);
        QFETCH(QStringList, bypass);
        const Dialect d(ServerVersion::parse(version));
        QCOMPARE(d.hasSuperReadOnly(), superReadOnly);
        QCOMPARE(d.readOnlyBypassPrivileges(), bypass);
        QVERIFY(d.isDynamic("read_only"));
    }

    void binlogStatusRow()
    {
        const auto mysql = BinlogStatus::fromRows({ { { "File", "binlog.000007" }, { "Position", 1234 },
            { "Binlog_Do_DB", "app" }, { "Binlog_Ignore_DB", "" },
            { "Executed_Gtid_Set",
                "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,\n 4e11fa47-71ca-11e1-9e33-c80aa9429562:1-3" } } });
        QVERIFY(mysql.has_value());
        QCOMPARE(mysql->file, QStringLiteral("binlog.000007"));
        QCOMPARE(mysql->position, 1234);
        QCOMPARE(mysql->doDb, QStringLiteral("app"));
        QCOMPARE(mysql->executedGtidSet,
            QStringLiteral(
                "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,4e11fa47-71ca-11e1-9e33-c80aa9429562:1-3"));
        const auto mariadb = BinlogStatus::fromRows({ { { "File", "mysqld-bin.000002" },
            { "Position", "342" }, { "Binlog_Do_DB", "" }, { "Binlog_Ignore_DB", "mysql" } } });
        QVERIFY(mariadb.has_value());
        QCOMPARE(mariadb->position, 342);
        QCOMPARE(mariadb->ignoreDb, QStringLiteral("mysql"));
        QVERIFY(mariadb->executedGtidSet.isEmpty());
        QVERIFY(!BinlogStatus::fromRows({}).has_value());
    }
};

QTEST_APPLESS_MAIN(TestDialect)
#include "tst_dialect.moc"
