#include "monitor/heartbeat.h"
#include "monitor/statussample.h"

#include <QJsonDocument>
#include <QTest>

/** The heartbeat's SQL and the one status schema every machine output shares. */
class tst_Heartbeat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clockExpressionHasMicroseconds()
    {
        QVERIFY(Heartbeat::clockExpression(Dialect(ServerVersion::parse("10.11.6-MariaDB")))
                    .contains("UTC_TIMESTAMP(6)"));
        QVERIFY(
            Heartbeat::clockExpression(Dialect(ServerVersion::parse("8.0.36"))).contains("UTC_TIMESTAMP(6)"));
        QVERIFY(Heartbeat::clockExpression(Dialect(ServerVersion::parse("5.5.62-log")))
                    .contains("UTC_TIMESTAMP()"));
    }

    /** The beat updates its row without VALUES(), deprecated since MySQL 8.0.20 (a warning per beat). */
    void beatStatementPerDialect_data()
    {
        QTest::addColumn<QString>("version");
        QTest::newRow("mysql-5.7") << "5.7.44-log";
        QTest::newRow("mysql-8.0.19") << "8.0.19";
        QTest::newRow("mysql-8.0.20") << "8.0.20";
        QTest::newRow("mysql-8.4") << "8.4.3";
        QTest::newRow("mysql-9.1") << "9.1.0";
        QTest::newRow("mariadb") << "10.11.6-MariaDB";
    }
    void beatStatementPerDialect()
    {
        QFETCH(QString, version);
        const Dialect d(ServerVersion::parse(version));
        const QString clock = Heartbeat::clockExpression(d);
        QCOMPARE(Heartbeat::beatStatement(d, 7, QStringLiteral("m1")),
            QStringLiteral("INSERT INTO %1 (server_id, written_by, ts_us) VALUES (7, 'm1', %2) ON DUPLICATE "
                           "KEY UPDATE ts_us = %2")
                .arg(Heartbeat::tableName(), clock));
        QVERIFY(!Heartbeat::beatStatement(d, 7, QStringLiteral("m1")).contains(QStringLiteral("VALUES(")));
    }

    void positionWaitPerDialect_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("sql");
        QTest::newRow("mariadb") << "10.11.6-MariaDB"
                                 << "SELECT MASTER_POS_WAIT('mysql-bin.000002', 1234, 1) AS waited";
        QTest::newRow("mysql-5.7") << "5.7.44-log"
                                   << "SELECT MASTER_POS_WAIT('mysql-bin.000002', 1234, 1) AS waited";
        QTest::newRow("mysql-8.0.26") << "8.0.26"
                                      << "SELECT SOURCE_POS_WAIT('mysql-bin.000002', 1234, 1) AS waited";
    }
    void positionWaitPerDialect()
    {
        QFETCH(QString, version);
        QFETCH(QString, sql);
        QCOMPARE(Dialect(ServerVersion::parse(version)).sourcePosWait("mysql-bin.000002", 1234, 1), sql);
    }

    void monitorIdsDiffer()
    {
        const QString a = Heartbeat::newMonitorId();
        const QString b = Heartbeat::newMonitorId();
        QVERIFY(a != b);
        QVERIFY(a.size() <= 64 && !a.isEmpty());
    }

    void sampleJsonHasTheDocumentedKeys()
    {
        StatusSample s;
        s.time = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC);
        s.server = "B";
        s.reachable = true;
        s.replica.configured = true;
        s.replica.ioRunning = true;
        s.replica.sqlRunning = false;
        s.replica.lastSqlErrno = 1062;
        s.replica.lastSqlError = "Duplicate entry '1' for key 'PRIMARY'";
        s.heartbeatLag = 0.1234;
        const QJsonObject o = s.toJson();
        for (const char* key :
            { "time", "server", "ioRunning", "sqlRunning", "secondsBehind", "heartbeatLag", "lag",
                "lastError", "replicaConfigured", "readSourceLogPos", "execSourceLogPos", "backlogBytes" })
            QVERIFY2(o.contains(key), key);
        QCOMPARE(o.value("time").toString(), QString("2023-11-14T22:13:20.123Z"));
        QVERIFY(o.value("secondsBehind").isNull()); // NULL stays null, not 0
        QCOMPARE(o.value("heartbeatLag").toDouble(), 0.123);
        QVERIFY(o.value("lastError").toString().contains("1062"));
        s.replica.secondsBehind = 0;
        QCOMPARE(s.toJson().value("secondsBehind").toInt(-1), 0);
        // one line
        QVERIFY(!QJsonDocument(o).toJson(QJsonDocument::Compact).contains('\n'));
    }

    void sampleJsonIsTheReplicaStatusJsonAndMore()
    {
        StatusSample s;
        s.reachable = true;
        s.replica = ReplicaStatus::fromRow({ { "Master_Host", "h" }, { "Master_Port", 3307 },
            { "Slave_IO_Running", "Connecting" }, { "Slave_SQL_Running", "Yes" },
            { "Seconds_Behind_Master", QVariant() }, { "Last_IO_Errno", 2003 } });
        const QJsonObject status = s.replica.toJson();
        const QJsonObject sample = s.toJson();
        for (auto it = status.constBegin(); it != status.constEnd(); ++it)
            QVERIFY2(sample.value(it.key()) == it.value(), qPrintable(it.key()));
        QCOMPARE(status.value("sourcePort").toInt(), 3307);
        QCOMPARE(status.value("ioState").toString(), QString("Connecting"));
    }

    void lagShownIsHeartbeatElseSecondsBehindElseNothing()
    {
        ReplicaStatus r;
        QVERIFY(!r.lag(1.5)); // not a replica: no lag, whatever the heartbeat says
        r.configured = true;
        QVERIFY(!r.lag()); // NULL is not 0
        r.secondsBehind = 3;
        QCOMPARE(*r.lag(), 3.0);
        QCOMPARE(*r.lag(2.4), 2.4);
    }

    void threadStatesReadAlike()
    {
        ReplicaStatus r;
        r.configured = true;
        r.ioState = "Yes";
        r.ioRunning = true;
        r.sqlRunning = true;
        QCOMPARE(r.ioThreadText(), r.sqlThreadText());
        r.ioState = "No";
        r.ioRunning = false;
        r.sqlRunning = false;
        QCOMPARE(r.ioThreadText(), r.sqlThreadText());
        r.ioState = "Connecting";
        QCOMPARE(r.ioThreadText(), QString("connecting"));
    }

    void backlogFromPositions()
    {
        ReplicaStatus r;
        r.configured = true;
        r.sourceLogFile = r.relaySourceLogFile = "mysql-bin.000002";
        r.readSourceLogPos = 5000;
        r.execSourceLogPos = 1200;
        r.relayLogSpace = 99999;
        QCOMPARE(r.backlogBytes(), 3800);
        r.relaySourceLogFile = "mysql-bin.000001";
        QCOMPARE(r.backlogBytes(), 99999);
    }
};

QTEST_APPLESS_MAIN(tst_Heartbeat)
#include "tst_heartbeat.moc"
