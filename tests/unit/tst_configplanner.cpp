#include "config/configplan.h"
#include "config/configpush.h"
#include "config/replicationsettings.h"

#include <QTest>

/** Which files change, how, and whether mysqld must restart: pure planning, no server. */
class TestConfigPlanner : public QObject
{
    Q_OBJECT

    static PairProfile pair()
    {
        PairProfile p;
        p.name = QStringLiteral("orders");
        p.databases = { QStringLiteral("test") };
        p.ignoreDatabases = { QStringLiteral("mysql") };
        p.servers[0].name = QStringLiteral("A");
        p.servers[1].name = QStringLiteral("B");
        return p;
    }
    static ServerInspection server(qint64 id, bool logBin)
    {
        ServerInspection s;
        s.version = ServerVersion::parse(QStringLiteral("10.11.6-MariaDB"));
        s.serverId = id;
        s.logBin = logBin;
        s.variables = { { "server_id", QString::number(id) }, { "log_bin", logBin ? "1" : "0" },
            { "log_slave_updates", "0" }, { "sync_binlog", "0" }, { "auto_increment_increment", "1" },
            { "auto_increment_offset", "1" }, { "binlog_do_db", "" }, { "binlog_ignore_db", "" },
            { "replicate_do_db", "" }, { "replicate_ignore_db", "" }, { "replicate_wild_do_table", "" },
            { "replicate_wild_ignore_table", "" } };
        return s;
    }
    /** What the server would report once the plan's settings are in effect. */
    static QMap<QString, QString> effectiveAfter(
        const QList<DesiredSetting>& settings, QMap<QString, QString> vars)
    {
        for (const DesiredSetting& s : settings)
            vars[s.variable] = s.value;
        return vars;
    }

private Q_SLOTS:
    void serverIds_data()
    {
        QTest::addColumn<qint64>("a");
        QTest::addColumn<qint64>("b");
        QTest::addColumn<qint64>("newA");
        QTest::addColumn<qint64>("newB");
        QTest::newRow("distinct kept") << qint64(7) << qint64(9) << qint64(7) << qint64(9);
        QTest::newRow("clash") << qint64(1) << qint64(1) << qint64(1) << qint64(2);
        QTest::newRow("both zero") << qint64(0) << qint64(0) << qint64(1) << qint64(2);
        QTest::newRow("a zero, b one") << qint64(0) << qint64(1) << qint64(2) << qint64(1);
        QTest::newRow("b zero") << qint64(5) << qint64(0) << qint64(5) << qint64(6);
    }
    void serverIds()
    {
        QFETCH(qint64, a);
        QFETCH(qint64, b);
        QFETCH(qint64, newA);
        QFETCH(qint64, newB);
        const auto ids = ReplicationSettings::serverIds(a, b);
        QCOMPARE(ids.first, newA);
        QCOMPARE(ids.second, newB);
        QVERIFY(ids.first != ids.second);
    }

    void freshServerGetsDropInAndRestart()
    {
        const ServerInspection a = server(1, false), b = server(1, false);
        const auto settings = ReplicationSettings::compute(pair(), 1, b, a, false);
        const QByteArray main("[mysqld]\nserver-id = 1\nport = 3306\n!includedir /etc/mysql/conf.d\n");
        const ConfigPlan plan
            = ConfigPlanner::plan(QStringLiteral("B"), QStringLiteral("orders"), settings, b.variables,
                { { QStringLiteral("/etc/mysql/my.cnf"), main } }, { QStringLiteral("/etc/mysql/conf.d") });
        QCOMPARE(plan.target, QStringLiteral("/etc/mysql/conf.d/90-replipair.cnf"));
        QCOMPARE(plan.edits.size(), 2);
        QCOMPARE(plan.edits[0].after,
            QByteArray("[mysqld]\n# disabled by replipair: server-id = 1\nport = 3306\n!includedir "
                       "/etc/mysql/conf.d\n"));
        QVERIFY(!plan.edits[1].existed);
        const QString dropIn = QString::fromUtf8(plan.edits[1].after);
        for (const char* line : { "server-id = 2", "log-bin = mysql-bin", "log-slave-updates = ON",
                 "sync-binlog = 1", "auto-increment-increment = 2", "auto-increment-offset = 2",
                 "replicate-wild-do-table = test.%", "replicate-wild-ignore-table = mysql.%" })
            QVERIFY2(dropIn.contains(QLatin1String(line)), line);
        // the default filters keep every database in the binary log and never go by the default database
        QVERIFY2(!dropIn.contains(QLatin1String("do-db")), qPrintable(dropIn));
        QVERIFY(plan.restartNeeded());
        QVERIFY(plan.restartFor.contains(QStringLiteral("log_bin")));
        QVERIFY(!plan.restartFor.contains(QStringLiteral("server_id"))); // dynamic: SET GLOBAL
        bool setsId = false;
        for (const DesiredSetting& s : plan.setGlobal)
            setsId = setsId || (s.variable == QLatin1String("server_id") && s.value == QLatin1String("2"));
        QVERIFY(setsId);
        QVERIFY(plan.diff().contains(QStringLiteral("+++ /etc/mysql/conf.d/90-replipair.cnf")));
    }

    void secondRunChangesNothing()
    {
        ServerInspection b = server(1, false);
        const ServerInspection a = server(1, false);
        const auto settings = ReplicationSettings::compute(pair(), 1, b, a, false);
        const QByteArray main("[mysqld]\nserver-id = 1\n!includedir /etc/mysql/conf.d\n");
        const ConfigPlan first
            = ConfigPlanner::plan(QStringLiteral("B"), QStringLiteral("orders"), settings, b.variables,
                { { QStringLiteral("/etc/mysql/my.cnf"), main } }, { QStringLiteral("/etc/mysql/conf.d") });
        // after the first run: files as written, server restarted with binlog on and everything effective
        b.logBin = true;
        b.serverId = 2;
        b.variables = effectiveAfter(settings, b.variables);
        const auto again = ReplicationSettings::compute(pair(), 1, b, server(1, true), false);
        const ConfigPlan second
            = ConfigPlanner::plan(QStringLiteral("B"), QStringLiteral("orders"), again, b.variables,
                { { QStringLiteral("/etc/mysql/my.cnf"), first.edits[0].after },
                    { first.edits[1].path, first.edits[1].after } },
                { QStringLiteral("/etc/mysql/conf.d") });
        QVERIFY2(second.isEmpty(), qPrintable(second.diff()));
        QVERIFY(!second.restartNeeded());
    }

    void someoneElsesLogBinStays()
    {
        ServerInspection a = server(1, true);
        a.variables
            = effectiveAfter(ReplicationSettings::compute(pair(), 0, a, server(2, true), false), a.variables);
        const auto settings = ReplicationSettings::compute(pair(), 0, a, server(2, true), false);
        const QByteArray main("[mysqld]\nlog-bin = /var/log/mysql/binlog\n!includedir /etc/mysql/conf.d\n");
        const ConfigPlan plan
            = ConfigPlanner::plan(QStringLiteral("A"), QStringLiteral("orders"), settings, a.variables,
                { { QStringLiteral("/etc/mysql/my.cnf"), main } }, { QStringLiteral("/etc/mysql/conf.d") });
        QCOMPARE(plan.edits.size(), 1); // only the new drop-in; the main file's log-bin is left alone
        QVERIFY(!QString::fromUtf8(plan.edits[0].after).contains(QStringLiteral("log-bin")));
        QVERIFY(!plan.restartNeeded());
    }

    void noIncludeDirMeansMarkedBlock()
    {
        const ServerInspection a = server(1, false);
        const auto settings = ReplicationSettings::compute(pair(), 0, a, server(2, false), false);
        const QByteArray main(
            "# company template\n[mysqld]\nreplicate-do-db = legacy\ndatadir=/data\n[client]\nport=3306\n");
        const ConfigPlan plan = ConfigPlanner::plan(QStringLiteral("A"), QStringLiteral("orders"), settings,
            a.variables, { { QStringLiteral("/etc/my.cnf"), main } }, {});
        QCOMPARE(plan.target, QStringLiteral("/etc/my.cnf"));
        QCOMPARE(plan.edits.size(), 1);
        const QString after = QString::fromUtf8(plan.edits[0].after);
        QVERIFY(after.startsWith(
            QStringLiteral("# company template\n[mysqld]\n# disabled by replipair: replicate-do-db = "
                           "legacy\ndatadir=/data\n[client]\nport=3306\n")));
        QVERIFY(after.contains(QStringLiteral("# BEGIN replipair")));
        QVERIFY(after.contains(QStringLiteral("replicate-wild-do-table = test.%")));
    }

    void doDbStyleKeepsTheSeedFilters()
    {
        PairProfile p = pair();
        p.filterStyle = FilterStyle::DoDb;
        const ServerInspection a = server(1, false);
        const auto settings = ReplicationSettings::compute(p, 0, a, server(2, false), false);
        QStringList lines;
        for (const DesiredSetting& s : settings)
            lines << s.cnfLines;
        for (const char* line : { "binlog-do-db = test", "binlog-ignore-db = mysql", "replicate-do-db = test",
                 "replicate-ignore-db = mysql" })
            QVERIFY2(lines.contains(QLatin1String(line)), line);
        QVERIFY(!lines.join(QLatin1Char('\n')).contains(QLatin1String("wild")));
    }

    void liveServerIsNotRestartedUnlessAllowed()
    {
        // binary log already on, log_slave_updates off (needs a restart on this server version)
        ServerInspection a = server(1, true);
        a.variables.insert(QStringLiteral("log_slave_updates"), QStringLiteral("OFF"));
        const auto settings = ReplicationSettings::compute(pair(), 0, a, server(2, true), false);
        const QByteArray main("[mysqld]\nlog-bin = mysql-bin\n!includedir /etc/mysql/conf.d\n");
        PairProfile p = pair();
        const auto planFor = [&](bool allowed) {
            return ConfigPlanner::plan(QStringLiteral("A"), QStringLiteral("orders"), settings, a.variables,
                { { QStringLiteral("/etc/mysql/my.cnf"), main } }, { QStringLiteral("/etc/mysql/conf.d") },
                allowed);
        };
        QVERIFY(!p.mayRestart(true)); // "restart": "auto" leaves a server with its binary log on running
        QVERIFY(p.mayRestart(false)); // but turns the binary log on where it is off
        const ConfigPlan live = planFor(p.mayRestart(true));
        QVERIFY(!live.restartNeeded());
        QCOMPARE(live.pendingRestart, QStringList { QStringLiteral("log_slave_updates") });
        QVERIFY(
            QString::fromUtf8(live.edits.last().after).contains(QStringLiteral("log-slave-updates = ON")));
        p.restart = RestartPolicy::Allowed;
        const ConfigPlan restarted = planFor(p.mayRestart(true));
        QVERIFY(restarted.restartNeeded());
        QVERIFY(restarted.pendingRestart.isEmpty());
    }

    /** MySQL has no replicate_* variables: the filters in effect come from performance_schema (8.0.11+)
     *  or SHOW SLAVE STATUS (5.7, only with a replica), and a filter not known to hold is set live with
     *  CHANGE REPLICATION FILTER, never assumed to hold. A server with nothing else to change (binary log
     *  and log_replica_updates on, as on 8.0 by default) still gets its filters. */
    void mysqlFiltersAreSetLive_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("readable"); ///< the server shows its filters (performance_schema)
        QTest::addColumn<QString>("inEffect"); ///< REPLICATE_WILD_DO_TABLE rule it shows
        QTest::addColumn<QStringList>("live"); ///< statements the plan runs
        QTest::addColumn<QStringList>("restart");
        const QString wild = QStringLiteral("CHANGE REPLICATION FILTER REPLICATE_WILD_DO_TABLE = ('test.%')");
        const QString wildIgnore
            = QStringLiteral("CHANGE REPLICATION FILTER REPLICATE_WILD_IGNORE_TABLE = ('mysql.%')");
        QTest::newRow("5.6-unknown") << "5.6.51" << false << "" << QStringList()
                                     << QStringList { QStringLiteral("replicate_do_db"),
                                            QStringLiteral("replicate_ignore_db"),
                                            QStringLiteral("replicate_wild_do_table"),
                                            QStringLiteral("replicate_wild_ignore_table") };
        QTest::newRow("5.7-unknown")
            << "5.7.44-log" << false << ""
            << QStringList { QStringLiteral("CHANGE REPLICATION FILTER REPLICATE_DO_DB = ()"),
                   QStringLiteral("CHANGE REPLICATION FILTER REPLICATE_IGNORE_DB = ()"), wild, wildIgnore }
            << QStringList();
        QTest::newRow("8.0.36-none") << "8.0.36" << true << "" << QStringList { wild, wildIgnore }
                                     << QStringList();
        QTest::newRow("percona-8.0-none")
            << "8.0.36-28" << true << "" << QStringList { wild, wildIgnore } << QStringList();
        QTest::newRow("8.4-other") << "8.4.3" << true << "shop.%" << QStringList { wild, wildIgnore }
                                   << QStringList();
        QTest::newRow("9.1-in-effect")
            << "9.1.0" << true << "test.%" << QStringList { wildIgnore } << QStringList();
    }
    void mysqlFiltersAreSetLive()
    {
        QFETCH(QString, version);
        QFETCH(bool, readable);
        QFETCH(QString, inEffect);
        QFETCH(QStringList, live);
        QFETCH(QStringList, restart);
        ServerInspection a;
        a.version = ServerVersion::parse(version);
        a.serverId = 1;
        a.logBin = true;
        const Dialect d(a.version);
        a.variables = { { "server_id", "1" }, { "log_bin", "1" }, { d.logReplicaUpdatesVariable(), "1" },
            { "sync_binlog", "1" }, { "binlog_do_db", "" }, { "binlog_ignore_db", "" } };
        ServerInspection b = a;
        b.serverId = 2;
        if (readable) {
            QList<QVariantMap> rows;
            if (!inEffect.isEmpty())
                rows << QVariantMap { { "name", "REPLICATE_WILD_DO_TABLE" }, { "rule", inEffect } };
            a.variables.insert(ServerInspection::filtersFromRows(rows));
        }
        PairProfile p = pair();
        p.syncBinlog = 1;
        p.autoIncrement = false;
        const auto settings = ReplicationSettings::compute(p, 0, a, b, false);
        const ConfigPlan plan = ConfigPlanner::plan(
            QStringLiteral("A"), QStringLiteral("orders"), settings, a.variables, {}, {}, true);
        QStringList sql;
        for (const DesiredSetting& s : plan.setGlobal)
            sql << ConfigPush::setGlobalStatement(d, s);
        QCOMPARE(sql, live);
        QCOMPARE(plan.restartFor, restart);
    }

    void conflictsInIncludedFilesAreDisabled()
    {
        const ServerInspection a = server(1, true);
        const auto settings = ReplicationSettings::compute(pair(), 0, a, server(2, true), false);
        const QByteArray main("[mysqld]\n!includedir /etc/mysql/mariadb.conf.d\n");
        const QByteArray server50(
            "[mysqld]\n#server-id = 1\nlog_slave_updates = 0\nbind-address = 0.0.0.0\n");
        const ConfigPlan plan
            = ConfigPlanner::plan(QStringLiteral("A"), QStringLiteral("orders"), settings, a.variables,
                { { QStringLiteral("/etc/mysql/my.cnf"), main },
                    { QStringLiteral("/etc/mysql/mariadb.conf.d/50-server.cnf"), server50 } },
                { QStringLiteral("/etc/mysql/mariadb.conf.d") });
        QCOMPARE(plan.edits.size(), 2);
        QCOMPARE(plan.edits[0].path, QStringLiteral("/etc/mysql/mariadb.conf.d/50-server.cnf"));
        QCOMPARE(plan.edits[0].after,
            QByteArray("[mysqld]\n#server-id = 1\n# disabled by replipair: log_slave_updates = "
                       "0\nbind-address = 0.0.0.0\n"));
    }

    /** "writer": the reader gets read_only ON, the writer OFF (super_read_only too on MySQL 5.7.8+), in
     *  its option file with the rest, but live only after verification (ConfigPlan::writerRole), and
     *  someone else's read-only line is disabled; two writers leave read_only alone. */
    void writerRole_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("writer");
        QTest::addColumn<int>("index");
        QTest::addColumn<QStringList>("lines"); // the drop-in's read-only lines; empty: none
        QTest::newRow("mariadb reader") << "10.11.6-MariaDB" << 0 << 1 << QStringList { "read-only = ON" };
        QTest::newRow("mariadb writer") << "10.11.6-MariaDB" << 0 << 0 << QStringList { "read-only = OFF" };
        QTest::newRow("writer B") << "10.11.6-MariaDB" << 1 << 0 << QStringList { "read-only = ON" };
        QTest::newRow("both write") << "10.11.6-MariaDB" << -1 << 1 << QStringList {};
        QTest::newRow("mysql 8 reader")
            << "8.0.36" << 0 << 1 << QStringList { "read-only = ON", "super-read-only = ON" };
        QTest::newRow("mysql 8 writer")
            << "8.0.36" << 0 << 0 << QStringList { "read-only = OFF", "super-read-only = OFF" };
        QTest::newRow("mysql 5.7.7 has no super_read_only")
            << "5.7.7-log" << 0 << 1 << QStringList { "read-only = ON" };
    }
    void writerRole()
    {
        QFETCH(QString, version);
        QFETCH(int, writer);
        QFETCH(int, index);
        QFETCH(QStringList, lines);
        PairProfile p = pair();
        p.writer = writer;
        ServerInspection self = server(index + 1, true), peer = server(2 - index, true);
        self.version = peer.version = ServerVersion::parse(version);
        self.variables.insert("read_only", "OFF");
        const auto settings = ReplicationSettings::compute(p, index, self, peer, false);
        const QByteArray main("[mysqld]\nread_only = 1\n!includedir /etc/mysql/conf.d\n");
        const ConfigPlan plan
            = ConfigPlanner::plan(QStringLiteral("B"), QStringLiteral("orders"), settings, self.variables,
                { { QStringLiteral("/etc/mysql/my.cnf"), main } }, { QStringLiteral("/etc/mysql/conf.d") });
        const QString dropIn = QString::fromUtf8(plan.edits.last().after);
        QStringList found;
        for (const QString& line : dropIn.split('\n'))
            if (line.contains("read-only"))
                found << line;
        QCOMPARE(found, lines);
        QStringList live;
        for (const DesiredSetting& s : plan.writerRole)
            live << s.variable + '=' + s.value;
        for (const DesiredSetting& s : plan.setGlobal)
            QVERIFY2(!s.variable.contains("read_only"), qPrintable(s.variable)); // not before verification
        if (lines.isEmpty()) {
            QVERIFY(live.isEmpty());
            for (const FileEdit& e : plan.edits) // someone else's line stays in charge
                QVERIFY2(e.path != "/etc/mysql/my.cnf", qPrintable(e.diff()));
            return;
        }
        // read_only OFF is in force already on the writer: only the reader has something to set live
        QCOMPARE(live.isEmpty(), writer == index && lines.size() == 1);
        QVERIFY(
            QString::fromUtf8(plan.edits.first().after).contains("# disabled by replipair: read_only = 1"));
    }

    void gtidSettingsPerFlavor()
    {
        ServerInspection maria = server(1, true);
        auto settings = ReplicationSettings::compute(pair(), 1, maria, server(2, true), true);
        bool domain = false;
        for (const DesiredSetting& s : settings)
            domain = domain
                || (s.variable == QLatin1String("gtid_domain_id") && s.value == QLatin1String("2")
                    && s.dynamic);
        QVERIFY(domain);
        ServerInspection mysql = server(1, true);
        mysql.version = ServerVersion::parse(QStringLiteral("8.0.36"));
        settings = ReplicationSettings::compute(pair(), 0, mysql, server(2, true), true);
        QStringList vars;
        for (const DesiredSetting& s : settings)
            vars << s.variable;
        QVERIFY(vars.contains(QStringLiteral("gtid_mode")));
        QVERIFY(vars.contains(QStringLiteral("enforce_gtid_consistency")));
        QVERIFY(vars.contains(QStringLiteral("log_replica_updates")));
    }
};

QTEST_APPLESS_MAIN(TestConfigPlanner)
#include "tst_configplanner.moc"
