#include "setup/preflight.h"

#include <QTest>

/** Every pre-flight verdict from hand-made inspections: one row per problem. */
class TestPreflight : public QObject
{
    Q_OBJECT

    static PairProfile pair()
    {
        PairProfile p;
        p.name = QStringLiteral("orders");
        p.databases = { QStringLiteral("test") };
        p.binlogFormat = QStringLiteral("ROW");
        p.servers[0].name = QStringLiteral("A");
        p.servers[0].host = QStringLiteral("10.0.0.1");
        p.servers[1].name = QStringLiteral("B");
        p.servers[1].host = QStringLiteral("10.0.0.2");
        return p;
    }
    static ServerInspection good(int i)
    {
        ServerInspection s;
        s.server = i == 0 ? QStringLiteral("A") : QStringLiteral("B");
        s.reachable = true;
        s.versionString = QStringLiteral("10.11.6-MariaDB");
        s.version = ServerVersion::parse(s.versionString);
        s.serverId = i + 1;
        s.hostname = QStringLiteral("host%1").arg(i);
        s.datadir = QStringLiteral("/var/lib/mysql/");
        s.port = 3306;
        s.logBin = true;
        s.binlogFormat = QStringLiteral("ROW");
        s.databases = { QStringLiteral("test") };
        s.tables[QStringLiteral("test")] = { QStringLiteral("orders") };
        return s;
    }

private Q_SLOTS:
    void cleanPairHasNoFinding()
    {
        const ServerInspection in[2] = { good(0), good(1) };
        const int reach[2] = { 1, 1 };
        QVERIFY(Preflight::check(pair(), in, true, reach).isEmpty());
    }

    void verdicts_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("error");
        QTest::newRow("same server") << 0 << "same-server" << true;
        QTest::newRow("server-id clash") << 1 << "server-id-clash" << false;
        QTest::newRow("binlog off") << 2 << "binlog-off" << false;
        QTest::newRow("mysql with mariadb") << 3 << "flavor-mix" << true;
        QTest::newRow("version skew") << 4 << "version-skew" << false;
        QTest::newRow("replicates elsewhere") << 5 << "existing-replication" << true;
        QTest::newRow("broken replication") << 6 << "replication-broken" << true;
        QTest::newRow("stopped replication") << 7 << "replication-stopped" << false;
        QTest::newRow("missing privileges") << 8 << "privileges" << true;
        QTest::newRow("peer unreachable") << 9 << "peer-unreachable" << true;
        QTest::newRow("database missing") << 10 << "database-missing" << true;
        QTest::newRow("tables differ") << 11 << "databases-differ" << true;
        QTest::newRow("statement filters") << 12 << "statement-filters" << false;
        QTest::newRow("admin refused") << 13 << "unreachable" << true;
        QTest::newRow("read only") << 14 << "read-only" << false;
        QTest::newRow("any host") << 15 << "user-host-any" << false;
    }
    void verdicts()
    {
        QFETCH(int, scenario);
        QFETCH(QString, code);
        QFETCH(bool, error);
        PairProfile p = pair();
        ServerInspection in[2] = { good(0), good(1) };
        int reach[2] = { 1, 1 };
        switch (scenario) {
        case 0:
            in[1].hostname = in[0].hostname;
            break;
        case 1:
            in[1].serverId = 1;
            break;
        case 2:
            in[1].logBin = false;
            break;
        case 3:
            in[1].versionString = QStringLiteral("8.0.36");
            in[1].version = ServerVersion::parse(in[1].versionString);
            break;
        case 4:
            in[1].versionString = QStringLiteral("10.6.18-MariaDB");
            in[1].version = ServerVersion::parse(in[1].versionString);
            break;
        case 5:
            in[1].replica = ReplicaStatus::fromRow({ { "Master_Host", "10.9.9.9" }, { "Master_Port", 3306 },
                { "Slave_IO_Running", "Yes" }, { "Slave_SQL_Running", "Yes" } });
            break;
        case 6:
            in[1].replica = ReplicaStatus::fromRow({ { "Master_Host", "10.0.0.1" }, { "Master_Port", 3306 },
                { "Slave_IO_Running", "Yes" }, { "Slave_SQL_Running", "No" }, { "Last_SQL_Errno", 1062 },
                { "Last_SQL_Error", "Duplicate entry '1'" } });
            break;
        case 7:
            in[1].replica = ReplicaStatus::fromRow({ { "Master_Host", "10.0.0.1" }, { "Master_Port", 3306 },
                { "Slave_IO_Running", "No" }, { "Slave_SQL_Running", "No" } });
            break;
        case 8:
            in[0].missingPrivileges = { QStringLiteral("RELOAD") };
            break;
        case 9:
            reach[0] = 0;
            break;
        case 10:
            in[1].databases.clear();
            break;
        case 11:
            in[1].tables[QStringLiteral("test")] << QStringLiteral("extra");
            break;
        case 12:
            p.filterStyle = FilterStyle::DoDb; // the wild-table filters go by the table, whatever the format
            p.binlogFormat.clear();
            in[0].binlogFormat = QStringLiteral("MIXED");
            break;
        case 13:
            in[1].reachable = false;
            in[1].error = StepError { QStringLiteral("B"), QStringLiteral("connect"), 1045,
                QStringLiteral("refused") };
            break;
        case 14:
            in[0].readOnly = true;
            break;
        case 15:
            p.replicationUserHost = QStringLiteral("%");
            break;
        }
        const QList<Finding> findings = Preflight::check(p, in, true, reach);
        const Finding* hit = nullptr;
        for (const Finding& f : findings)
            if (f.code == code)
                hit = &f;
        QVERIFY2(hit, qPrintable(QStringLiteral("no finding %1").arg(code)));
        QCOMPARE(hit->severity == Finding::Severity::Error, error);
        QVERIFY(!hit->text.isEmpty());
        QVERIFY(!hit->fix.isEmpty());
    }

    void clashNamesTheNewId()
    {
        ServerInspection in[2] = { good(0), good(1) };
        in[1].serverId = 1;
        const int reach[2] = { 1, 1 };
        const QList<Finding> f = Preflight::check(pair(), in, true, reach);
        QCOMPARE(f.size(), 1);
        QCOMPARE(f[0].fix, QStringLiteral("A keeps server_id 1, B gets server_id 2"));
    }

    void directions()
    {
        ServerInspection in[2] = { good(0), good(1) };
        QCOMPARE(Preflight::direction(pair(), in, 1), DirectionState::Fresh);
        in[1].replica = ReplicaStatus::fromRow({ { "Master_Host", "10.0.0.1" }, { "Master_Port", 3306 },
            { "Slave_IO_Running", "Yes" }, { "Slave_SQL_Running", "Yes" } });
        QCOMPARE(Preflight::direction(pair(), in, 1), DirectionState::Healthy);
        in[1].replica.lastIoErrno = 1045;
        in[1].replica.ioRunning = false;
        QCOMPARE(Preflight::direction(pair(), in, 1), DirectionState::Resumable);
    }
};

QTEST_APPLESS_MAIN(TestPreflight)
#include "tst_preflight.moc"
