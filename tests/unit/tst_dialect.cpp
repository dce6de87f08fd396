#include "config/configpush.h"
#include "copy/copyaccount.h"
#include "host/serverworker.h"
#include "monitor/heartbeat.h"
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
        // Percona Server and the distributions' builds are MySQL, whatever follows the version
        QTest::newRow("percona-8.0") << QStringLiteral("8.0.36-28") << false << 8 << 0 << 36;
        QTest::newRow("percona-5.7") << QStringLiteral("5.7.44-48-log") << false << 5 << 7 << 44;
        QTest::newRow("ubuntu-8.0") << QStringLiteral("8.0.39-0ubuntu0.22.04.1") << false << 8 << 0 << 39;
        QTest::newRow("mysql-9.1") << QStringLiteral("9.1.0") << false << 9 << 1 << 0;
        QTest::newRow("mysql-8.4-commercial") << QStringLiteral("8.4.3-commercial") << false << 8 << 4 << 3;
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
        QCOMPARE(maria.gtidPositionAt(QStringLiteral("mariadb-bin.000007"), 4),
            QStringLiteral("SELECT BINLOG_GTID_POS('mariadb-bin.000007', 4)"));
    }
    void literalList()
    {
        const Dialect d(ServerVersion::parse(QStringLiteral("10.11.6-MariaDB")));
        QCOMPARE(d.literalList({ QStringLiteral("shop"), QStringLiteral("o'brien") }),
            QStringLiteral("'shop', 'o''brien'"));
        QCOMPARE(d.literalList({}), QStringLiteral("''"));
        QCOMPARE(d.literalList(Dialect::systemSchemas()),
            QStringLiteral("'mysql', 'information_schema', 'performance_schema', 'sys'"));
        QCOMPARE(d.userSchemas(QStringLiteral("s"), { QStringLiteral("shop") }, { QStringLiteral("x") }),
            QStringLiteral("s IN ('shop')"));
        QCOMPARE(d.userSchemas(QStringLiteral("s"), {}, { QStringLiteral("x") }),
            QStringLiteral(
                "s NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys') AND s NOT IN ('x')"));
    }
    void mariadb101HasNoAlterUser()
    {
        const Dialect d(ServerVersion::parse(QStringLiteral("10.1.48-MariaDB")));
        const QStringList sql
            = d.createReplicationUser(QStringLiteral("r"), QStringLiteral("h"), QStringLiteral("pw"), true);
        QCOMPARE(sql.value(1), QStringLiteral("SET PASSWORD FOR 'r'@'h' = PASSWORD('***')"));
    }

    /** Every statement at each version boundary of the MySQL manuals, distribution strings included. */
    void boundaries_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("showReplica");
        QTest::addColumn<QString>("showBinlog");
        QTest::addColumn<QString>("reset");
        QTest::addColumn<QString>("changeHead");
        QTest::addColumn<QString>("posWait");
        QTest::addColumn<QString>("logReplica");
        QTest::addColumn<QString>("dropUser");
        QTest::addColumn<QString>("filtersQuery");
        QTest::addColumn<bool>("superReadOnly");
        const QString ps = QStringLiteral("SELECT FILTER_NAME AS name, FILTER_RULE AS rule FROM "
                                          "performance_schema.replication_applier_global_filters");
        auto row = [&](const char* name, const char* v, const char* show, const char* binlog,
                       const char* reset, const char* head, const char* wait, const char* lru,
                       const char* drop, bool ps80, bool sro) {
            QTest::newRow(name) << QString::fromLatin1(v) << QString::fromLatin1(show)
                                << QString::fromLatin1(binlog) << QString::fromLatin1(reset)
                                << QString::fromLatin1(head) << QString::fromLatin1(wait)
                                << QString::fromLatin1(lru) << QString::fromLatin1(drop)
                                << (ps80 ? ps : QString()) << sro;
        };
        row("5.7.7", "5.7.7-log", "SHOW SLAVE STATUS", "SHOW MASTER STATUS", "RESET SLAVE ALL",
            "CHANGE MASTER TO ", "MASTER_POS_WAIT", "log_slave_updates", "DROP USER 'r'@'h'", false, false);
        row("5.7.8", "5.7.8", "SHOW SLAVE STATUS", "SHOW MASTER STATUS", "RESET SLAVE ALL",
            "CHANGE MASTER TO ", "MASTER_POS_WAIT", "log_slave_updates", "DROP USER IF EXISTS 'r'@'h'", false,
            true);
        row("8.0.19", "8.0.19", "SHOW SLAVE STATUS", "SHOW MASTER STATUS", "RESET SLAVE ALL",
            "CHANGE MASTER TO ", "MASTER_POS_WAIT", "log_slave_updates", "DROP USER IF EXISTS 'r'@'h'", true,
            true);
        row("8.0.20", "8.0.20", "SHOW SLAVE STATUS", "SHOW MASTER STATUS", "RESET SLAVE ALL",
            "CHANGE MASTER TO ", "MASTER_POS_WAIT", "log_slave_updates", "DROP USER IF EXISTS 'r'@'h'", true,
            true);
        row("8.0.22", "8.0.22", "SHOW REPLICA STATUS", "SHOW MASTER STATUS", "RESET REPLICA ALL",
            "CHANGE MASTER TO ", "MASTER_POS_WAIT", "log_slave_updates", "DROP USER IF EXISTS 'r'@'h'", true,
            true);
        row("8.0.23", "8.0.23", "SHOW REPLICA STATUS", "SHOW MASTER STATUS", "RESET REPLICA ALL",
            "CHANGE REPLICATION SOURCE TO ", "MASTER_POS_WAIT", "log_slave_updates",
            "DROP USER IF EXISTS 'r'@'h'", true, true);
        row("8.0.25", "8.0.25", "SHOW REPLICA STATUS", "SHOW MASTER STATUS", "RESET REPLICA ALL",
            "CHANGE REPLICATION SOURCE TO ", "MASTER_POS_WAIT", "log_slave_updates",
            "DROP USER IF EXISTS 'r'@'h'", true, true);
        row("8.0.26", "8.0.26", "SHOW REPLICA STATUS", "SHOW MASTER STATUS", "RESET REPLICA ALL",
            "CHANGE REPLICATION SOURCE TO ", "SOURCE_POS_WAIT", "log_replica_updates",
            "DROP USER IF EXISTS 'r'@'h'", true, true);
        row("percona-8.0.36-28", "8.0.36-28", "SHOW REPLICA STATUS", "SHOW MASTER STATUS",
            "RESET REPLICA ALL", "CHANGE REPLICATION SOURCE TO ", "SOURCE_POS_WAIT", "log_replica_updates",
            "DROP USER IF EXISTS 'r'@'h'", true, true);
        row("ubuntu-8.0.39", "8.0.39-0ubuntu0.22.04.1", "SHOW REPLICA STATUS", "SHOW MASTER STATUS",
            "RESET REPLICA ALL", "CHANGE REPLICATION SOURCE TO ", "SOURCE_POS_WAIT", "log_replica_updates",
            "DROP USER IF EXISTS 'r'@'h'", true, true);
        row("8.1", "8.1.0", "SHOW REPLICA STATUS", "SHOW MASTER STATUS", "RESET REPLICA ALL",
            "CHANGE REPLICATION SOURCE TO ", "SOURCE_POS_WAIT", "log_replica_updates",
            "DROP USER IF EXISTS 'r'@'h'", true, true);
        row("8.2", "8.2.0", "SHOW REPLICA STATUS", "SHOW BINARY LOG STATUS", "RESET REPLICA ALL",
            "CHANGE REPLICATION SOURCE TO ", "SOURCE_POS_WAIT", "log_replica_updates",
            "DROP USER IF EXISTS 'r'@'h'", true, true);
        row("8.4", "8.4.3", "SHOW REPLICA STATUS", "SHOW BINARY LOG STATUS", "RESET REPLICA ALL",
            "CHANGE REPLICATION SOURCE TO ", "SOURCE_POS_WAIT", "log_replica_updates",
            "DROP USER IF EXISTS 'r'@'h'", true, true);
        row("9.1", "9.1.0", "SHOW REPLICA STATUS", "SHOW BINARY LOG STATUS", "RESET REPLICA ALL",
            "CHANGE REPLICATION SOURCE TO ", "SOURCE_POS_WAIT", "log_replica_updates",
            "DROP USER IF EXISTS 'r'@'h'", true, true);
    }
    void boundaries()
    {
        QFETCH(QString, version);
        QFETCH(QString, showReplica);
        QFETCH(QString, showBinlog);
        QFETCH(QString, reset);
        QFETCH(QString, changeHead);
        QFETCH(QString, posWait);
        QFETCH(QString, logReplica);
        QFETCH(QString, dropUser);
        QFETCH(QString, filtersQuery);
        QFETCH(bool, superReadOnly);
        const Dialect d(ServerVersion::parse(version));
        QCOMPARE(d.showReplicaStatus(), showReplica);
        QCOMPARE(d.showBinlogStatus(), showBinlog);
        QCOMPARE(d.resetReplicaAll(), reset);
        QCOMPARE(d.removeReplicaHint(), d.stopReplica() + QStringLiteral("; ") + reset);
        ChangeSourceParams p;
        p.host = QStringLiteral("h");
        QVERIFY(d.changeSource(p, true).startsWith(changeHead));
        QVERIFY(
            d.sourcePosWait(QStringLiteral("f"), 4, 1).startsWith(QStringLiteral("SELECT ") + posWait + '('));
        QCOMPARE(d.logReplicaUpdatesVariable(), logReplica);
        QCOMPARE(d.dropUser(QStringLiteral("r"), QStringLiteral("h")), dropUser);
        QCOMPARE(d.replicationFiltersQuery(), filtersQuery);
        QCOMPARE(d.hasSuperReadOnly(), superReadOnly);
        // IF NOT EXISTS exactly where DROP USER has IF EXISTS (5.7.8, not 5.7.6)
        QCOMPARE(d.createReplicationUser(QStringLiteral("r"), QStringLiteral("h"), {}, true)
                     .first()
                     .startsWith(QStringLiteral("CREATE USER IF NOT EXISTS")),
            dropUser.contains(QStringLiteral("IF EXISTS")));
    }

    /** Replication filters set live: CHANGE REPLICATION FILTER on MySQL 5.7.3+ (database names as
     *  identifiers, patterns as strings), SET GLOBAL on MariaDB, nothing on older MySQL. */
    void replicationFilter_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("expected");
        const QStringList wild { QStringLiteral("app.%"), QStringLiteral("my\\_shop.%") };
        QTest::newRow("mysql-5.6") << "5.6.51"
                                   << "replicate_wild_do_table" << wild << "";
        QTest::newRow("mysql-5.7-wild") << "5.7.44"
                                        << "replicate_wild_do_table" << wild
                                        << "CHANGE REPLICATION FILTER REPLICATE_WILD_DO_TABLE = ('app.%', "
                                           "'my\\\\_shop.%')";
        QTest::newRow("mysql-8.0-do-db")
            << "8.0.36"
            << "replicate_do_db" << QStringList { QStringLiteral("app"), QStringLiteral("we`ird") }
            << "CHANGE REPLICATION FILTER REPLICATE_DO_DB = (`app`, `we``ird`)";
        QTest::newRow("mysql-8.4-clear")
            << "8.4.3"
            << "replicate_ignore_db" << QStringList() << "CHANGE REPLICATION FILTER REPLICATE_IGNORE_DB = ()";
        QTest::newRow("mysql-9.1-ignore-wild")
            << "9.1.0"
            << "replicate_wild_ignore_table" << QStringList { QStringLiteral("tmp.%") }
            << "CHANGE REPLICATION FILTER REPLICATE_WILD_IGNORE_TABLE = "
               "('tmp.%')";
        QTest::newRow("mariadb") << "10.11.6-MariaDB"
                                 << "replicate_wild_do_table" << wild
                                 << "SET GLOBAL replicate_wild_do_table = 'app.%,my\\\\_shop.%'";
        QTest::newRow("not-a-filter") << "8.0.36"
                                      << "server_id" << QStringList() << "";
    }
    void replicationFilter()
    {
        QFETCH(QString, version);
        QFETCH(QString, variable);
        QFETCH(QStringList, values);
        QFETCH(QString, expected);
        const Dialect d(ServerVersion::parse(version));
        QCOMPARE(d.setReplicationFilter(variable, values), expected);
        if (variable.startsWith(QStringLiteral("replicate_")))
            QCOMPARE(d.isDynamic(variable), !expected.isEmpty());
        // what setup runs for the setting is that same statement
        DesiredSetting s;
        s.variable = variable;
        s.value = values.join(QLatin1Char(','));
        s.isList = true;
        if (!expected.isEmpty())
            QCOMPARE(ConfigPush::setGlobalStatement(d, s), expected);
    }
    /** Errors that a stopped applier cures: MariaDB's 1198, CHANGE REPLICATION FILTER's 3017, and 8.0's
     *  3747 for binlog_format; nothing else is retried. */
    void stoppedApplierErrors()
    {
        QVERIFY(ConfigPush::needsStoppedApplier(1198));
        QVERIFY(ConfigPush::needsStoppedApplier(3017));
        QVERIFY(ConfigPush::needsStoppedApplier(3747));
        QVERIFY(!ConfigPush::needsStoppedApplier(1227));
        QVERIFY(!ConfigPush::needsStoppedApplier(0));
    }

    /** The replication account's plugin follows its replica: a 5.7 or MariaDB replica cannot do
     *  caching_sha2_password; MySQL 9 has no mysql_native_password at all. */
    void authPlugin_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("replica");
        QTest::addColumn<QString>("plugin");
        QTest::newRow("5.7-5.7") << "5.7.44"
                                 << "5.7.44"
                                 << "mysql_native_password";
        QTest::newRow("8.0.3-8.0.3") << "8.0.3"
                                     << "8.0.3"
                                     << "mysql_native_password";
        QTest::newRow("8.0.4-8.0.4") << "8.0.4"
                                     << "8.0.4"
                                     << "caching_sha2_password";
        QTest::newRow("8.0-5.7") << "8.0.36"
                                 << "5.7.44"
                                 << "mysql_native_password";
        QTest::newRow("8.4-8.4") << "8.4.3"
                                 << "8.4.3"
                                 << "caching_sha2_password";
        QTest::newRow("8.4-5.7") << "8.4.3"
                                 << "5.7.44-log"
                                 << "mysql_native_password";
        QTest::newRow("9.1-8.0") << "9.1.0"
                                 << "8.0.39-0ubuntu0.22.04.1"
                                 << "caching_sha2_password";
        QTest::newRow("9.1-5.7") << "9.1.0"
                                 << "5.7.44"
                                 << "";
        QTest::newRow("percona-8.0") << "8.0.36-28"
                                     << "8.0.36-28"
                                     << "caching_sha2_password";
        QTest::newRow("mariadb") << "10.11.6-MariaDB"
                                 << "10.11.6-MariaDB"
                                 << "";
    }
    void authPlugin()
    {
        QFETCH(QString, source);
        QFETCH(QString, replica);
        QFETCH(QString, plugin);
        const Dialect d(ServerVersion::parse(source));
        QCOMPARE(d.replicationAuthPlugin(ServerVersion::parse(replica)), plugin);
        QCOMPARE(d.acceptsReplicaOf(ServerVersion::parse(replica)), d.isMariaDb() || !plugin.isEmpty());
        if (plugin.isEmpty())
            return;
        const QStringList sql = d.createReplicationUser(QStringLiteral("r"), QStringLiteral("h"),
            QStringLiteral("pw"), true, d.replicationAuthPlugin(ServerVersion::parse(replica)));
        QCOMPARE(sql.value(0),
            QStringLiteral("CREATE USER IF NOT EXISTS 'r'@'h' IDENTIFIED WITH %1 BY '***'").arg(plugin));
        QCOMPARE(sql.value(1), QStringLiteral("ALTER USER 'r'@'h' IDENTIFIED WITH %1 BY '***'").arg(plugin));
    }

    /** A resumed channel (new credentials, same position) still names TLS or the source's public key. */
    void resumeKeepsTheAuthenticationPath_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("ssl");
        QTest::addColumn<QString>("expected");
        QTest::newRow("5.7") << "5.7.44" << false
                             << "CHANGE MASTER TO MASTER_USER = 'r', MASTER_PASSWORD = '***'";
        QTest::newRow("8.0.22") << "8.0.22" << false
                                << "CHANGE MASTER TO MASTER_USER = 'r', MASTER_PASSWORD = '***', "
                                   "GET_MASTER_PUBLIC_KEY = 1";
        QTest::newRow("8.0.23") << "8.0.23" << false
                                << "CHANGE REPLICATION SOURCE TO SOURCE_USER = 'r', SOURCE_PASSWORD = '***', "
                                   "GET_SOURCE_PUBLIC_KEY = 1";
        QTest::newRow("8.4-ssl")
            << "8.4.3" << true
            << "CHANGE REPLICATION SOURCE TO SOURCE_USER = 'r', SOURCE_PASSWORD = '***', "
               "SOURCE_SSL = 1";
        QTest::newRow("9.1") << "9.1.0" << false
                             << "CHANGE REPLICATION SOURCE TO SOURCE_USER = 'r', SOURCE_PASSWORD = '***', "
                                "GET_SOURCE_PUBLIC_KEY = 1";
        QTest::newRow("mariadb-ssl") << "10.11.6-MariaDB" << true
                                     << "CHANGE MASTER TO MASTER_USER = 'r', MASTER_PASSWORD = '***', "
                                        "MASTER_SSL = 1";
    }
    void resumeKeepsTheAuthenticationPath()
    {
        QFETCH(QString, version);
        QFETCH(bool, ssl);
        QFETCH(QString, expected);
        const Dialect d(ServerVersion::parse(version));
        ChangeSourceParams p;
        p.user = QStringLiteral("r");
        p.password = QStringLiteral("x");
        p.ssl = ssl;
        p.onlyCredentials = true;
        QCOMPARE(d.changeSource(p, true), expected);
    }

    /** TLS on the link: the CA, certificate and key on the replica's host, the certificate check in the
     * verify modes; MariaDB 11.3+ told explicitly when the pair does not verify (it would by default). */
    void changeSourceTls_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("ssl");
        QTest::addColumn<bool>("verify");
        QTest::addColumn<QString>("expected");
        QTest::newRow("mariadb-verify") << "10.11.6-MariaDB" << true << true
                                        << "MASTER_SSL = 1, MASTER_SSL_CA = '/tls/ca.pem', MASTER_SSL_CERT = "
                                           "'/tls/c.pem', MASTER_SSL_KEY = '/tls/k.pem', "
                                           "MASTER_SSL_VERIFY_SERVER_CERT = 1";
        QTest::newRow("mysql-8.4-verify")
            << "8.4.3" << true << true
            << "SOURCE_SSL = 1, SOURCE_SSL_CA = '/tls/ca.pem', SOURCE_SSL_CERT = "
               "'/tls/c.pem', SOURCE_SSL_KEY = '/tls/k.pem', "
               "SOURCE_SSL_VERIFY_SERVER_CERT = 1";
        QTest::newRow("mariadb-11.4-required")
            << "11.4.2-MariaDB" << true << false
            << "MASTER_SSL = 1, MASTER_SSL_CA = '/tls/ca.pem', MASTER_SSL_CERT = "
               "'/tls/c.pem', MASTER_SSL_KEY = '/tls/k.pem', "
               "MASTER_SSL_VERIFY_SERVER_CERT = 0";
        QTest::newRow("mariadb-11.4-off")
            << "11.4.2-MariaDB" << false << false << "MASTER_SSL = 0, MASTER_SSL_VERIFY_SERVER_CERT = 0";
    }
    void changeSourceTls()
    {
        QFETCH(QString, version);
        QFETCH(bool, ssl);
        QFETCH(bool, verify);
        QFETCH(QString, expected);
        const Dialect d(ServerVersion::parse(version));
        ChangeSourceParams p;
        p.user = QStringLiteral("r");
        p.password = QStringLiteral("x");
        p.onlyCredentials = true;
        p.ssl = ssl;
        p.sslVerify = verify;
        if (ssl) {
            p.sslCa = QStringLiteral("/tls/ca.pem");
            p.sslCert = QStringLiteral("/tls/c.pem");
            p.sslKey = QStringLiteral("/tls/k.pem");
        }
        const QString sql = d.changeSource(p, true);
        QVERIFY2(sql.endsWith(expected), qPrintable(sql));
    }

    /** The replication account refuses clear text: ALTER USER … REQUIRE SSL / X509. */
    void requireTls_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("x509");
        QTest::addColumn<QString>("expected");
        QTest::newRow("mariadb") << "10.11.6-MariaDB" << false << "ALTER USER 'r'@'10.0.0.2' REQUIRE SSL";
        QTest::newRow("mysql-x509") << "8.0.36" << true << "ALTER USER 'r'@'10.0.0.2' REQUIRE X509";
        QTest::newRow("mysql-5.6") << "5.6.51" << false << "GRANT USAGE ON *.* TO 'r'@'10.0.0.2' REQUIRE SSL";
    }
    void requireTls()
    {
        QFETCH(QString, version);
        QFETCH(bool, x509);
        QFETCH(QString, expected);
        QCOMPARE(Dialect(ServerVersion::parse(version))
                     .requireTls(QStringLiteral("r"), QStringLiteral("10.0.0.2"), x509),
            expected);
    }

    /** GTIDs marked as applied: 8.0 adds them; 5.7 sets gtid_purged, only on a server without history. */
    void markGtids_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("executed");
        QTest::addColumn<bool>("can");
        QTest::addColumn<QString>("expected");
        const QString set = QStringLiteral("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5");
        QTest::newRow("5.7-empty") << "5.7.44"
                                   << "" << true << "SET GLOBAL gtid_purged = '" + set + "'";
        QTest::newRow("5.7-history") << "5.7.44"
                                     << "4e11fa47-71ca-11e1-9e33-c80aa9429562:1" << false
                                     << "SET GLOBAL gtid_purged = '" + set + "'";
        QTest::newRow("8.0-history") << "8.0.36-28"
                                     << "4e11fa47-71ca-11e1-9e33-c80aa9429562:1" << true
                                     << "SET GLOBAL gtid_purged = '+" + set + "'";
        QTest::newRow("8.4") << "8.4.3"
                             << "" << true << "SET GLOBAL gtid_purged = '+" + set + "'";
    }
    void markGtids()
    {
        QFETCH(QString, version);
        QFETCH(QString, executed);
        QFETCH(bool, can);
        QFETCH(QString, expected);
        const Dialect d(ServerVersion::parse(version));
        QCOMPARE(d.canMarkGtidsApplied(executed), can);
        QCOMPARE(d.markGtidsApplied(QStringLiteral("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5")), expected);
    }

    /** The copy account can read the routines on every version: mysql.proc up to 5.7 (and on MariaDB),
     *  global SELECT on 8.0.0-8.0.19 (which has no mysql.proc), SHOW_ROUTINE from 8.0.20. */
    void copyAccountGrants_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("routines");
        QTest::addColumn<QString>("drop");
        QTest::newRow("5.7.7") << "5.7.7"
                               << "GRANT SELECT ON mysql.proc TO 'replipair_copy'@'h'"
                               << "DROP USER 'replipair_copy'@'h'";
        QTest::newRow("5.7.8") << "5.7.8"
                               << "GRANT SELECT ON mysql.proc TO 'replipair_copy'@'h'"
                               << "DROP USER IF EXISTS 'replipair_copy'@'h'";
        QTest::newRow("8.0.19") << "8.0.19"
                                << "GRANT SELECT ON *.* TO 'replipair_copy'@'h'"
                                << "DROP USER IF EXISTS 'replipair_copy'@'h'";
        QTest::newRow("8.0.20") << "8.0.20"
                                << "GRANT SHOW_ROUTINE ON *.* TO 'replipair_copy'@'h'"
                                << "DROP USER IF EXISTS 'replipair_copy'@'h'";
        QTest::newRow("8.4") << "8.4.3"
                             << "GRANT SHOW_ROUTINE ON *.* TO 'replipair_copy'@'h'"
                             << "DROP USER IF EXISTS 'replipair_copy'@'h'";
        QTest::newRow("mariadb") << "10.11.6-MariaDB"
                                 << "GRANT SELECT ON mysql.proc TO 'replipair_copy'@'h'"
                                 << "DROP USER IF EXISTS 'replipair_copy'@'h'";
    }
    void copyAccountGrants()
    {
        QFETCH(QString, version);
        QFETCH(QString, routines);
        QFETCH(QString, drop);
        ServerContext ctx;
        ctx.dialect = Dialect(ServerVersion::parse(version));
        const QStringList sql = CopyAccount::statements(
            ctx, QStringLiteral("h"), QStringLiteral("pw"), { QStringLiteral("app") }, true);
        QCOMPARE(sql.first(), drop);
        QCOMPARE(sql.last(), routines);
        QVERIFY(!sql.join(QLatin1Char('\n')).contains(QStringLiteral("mysql.proc")) || ctx.dialect.isMariaDb()
            || !ctx.dialect.version().atLeast(8, 0, 0));
    }

    /** Nothing RepliPair sends to MySQL 8.4 or 9.x names what those versions removed: no MASTER_ option,
     *  no SLAVE statement, no SHOW MASTER STATUS. ("REPLICATION SLAVE" is the privilege's only name in
     *  MySQL, also in 8.4 and 9.x, so a GRANT of it is the one exception.) */
    void nothingRemovedFor84_data()
    {
        QTest::addColumn<QString>("version");
        QTest::newRow("8.4.0") << "8.4.0";
        QTest::newRow("8.4.3-ubuntu") << "8.4.3-0ubuntu0.24.04.1";
        QTest::newRow("percona-8.4") << "8.4.2-2";
        QTest::newRow("9.0") << "9.0.1";
        QTest::newRow("9.1") << "9.1.0";
    }
    void nothingRemovedFor84()
    {
        QFETCH(QString, version);
        const Dialect d(ServerVersion::parse(version));
        QStringList all { d.showReplicaStatus(), d.showBinlogStatus(), d.startReplica(), d.stopReplica(),
            d.resetReplicaAll(), d.stopReplicaSqlThread(), d.startReplicaSqlThread(),
            d.startReplicaSqlThreadUntil(QStringLiteral("b.000001"), 4), d.removeReplicaHint(),
            d.sourcePosWait(QStringLiteral("b.000001"), 4, 1), d.beatPositionQuery(),
            d.replicaWaitForBeat(QStringLiteral("u:1"), QStringLiteral("b.000001"), 4, 1),
            d.ownTransactionsQuery(), d.gtidPositionQuery(), d.gtidMissingQuery(QStringLiteral("u:1")),
            d.markGtidsApplied(QStringLiteral("u:1")), d.binlogEvents(QStringLiteral("b.000001"), 4, 10),
            d.replicationFiltersQuery(), d.logReplicaUpdatesVariable(),
            d.dropUser(QStringLiteral("r"), QStringLiteral("h")),
            Heartbeat::beatStatement(d, 1, QStringLiteral("m")) };
        for (const char* f : { "replicate_do_db", "replicate_ignore_db", "replicate_wild_do_table",
                 "replicate_wild_ignore_table" })
            all << d.setReplicationFilter(QLatin1String(f), { QStringLiteral("a.%") });
        for (bool gtid : { false, true })
            for (bool ssl : { false, true })
                for (bool resume : { false, true }) {
                    ChangeSourceParams p;
                    p.host = QStringLiteral("h");
                    p.user = QStringLiteral("r");
                    p.logFile = QStringLiteral("b.000001");
                    p.gtid = gtid;
                    p.ssl = ssl;
                    p.delay = 5;
                    p.onlyCredentials = resume;
                    all << d.changeSource(p, false);
                }
        all << d.createReplicationUser(QStringLiteral("r"), QStringLiteral("h"), QStringLiteral("pw"), false,
            d.replicationAuthPlugin(d.version()));
        ServerContext ctx;
        ctx.dialect = d;
        all << CopyAccount::statements(
            ctx, QStringLiteral("h"), QStringLiteral("pw"), { QStringLiteral("a") }, false);
        for (const QString& sql : all) {
            QString s = sql;
            s.remove(QStringLiteral("GRANT REPLICATION SLAVE ON")); // the privilege's name, see above
            QVERIFY2(!s.contains(QStringLiteral("MASTER_"), Qt::CaseInsensitive), qPrintable(sql));
            QVERIFY2(!s.contains(QStringLiteral("SLAVE"), Qt::CaseInsensitive), qPrintable(sql));
            QVERIFY2(!s.contains(QStringLiteral("SHOW MASTER"), Qt::CaseInsensitive), qPrintable(sql));
        }
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
