#include "copy/copyprogress.h"
#include "copy/copyscript.h"

#include <QTest>

/** The copy's scripts and what is parsed from the dump's head. */
class TestCopyScript : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseCoordinates_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("found");
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("position");
        QTest::addColumn<QString>("gtid");
        QTest::newRow("mariadb") << QByteArray(
            "-- Server version\t10.11.19\n"
            "-- CHANGE MASTER TO MASTER_LOG_FILE='mysql-bin.000001', MASTER_LOG_POS=1001;\n")
                                 << true << QStringLiteral("mysql-bin.000001") << qint64(1001) << QString();
        QTest::newRow("gtid line first is not taken")
            << QByteArray("-- CHANGE MASTER TO MASTER_USE_GTID=slave_pos;\n"
                          "-- CHANGE MASTER TO MASTER_LOG_FILE='b.000007', MASTER_LOG_POS=4;\n")
            << true << QStringLiteral("b.000007") << qint64(4) << QString();
        QTest::newRow("mysql 8.0.26 with gtid") << QByteArray(
            "SET @@SESSION.SQL_LOG_BIN= 0;\n"
            "SET @@GLOBAL.GTID_PURGED=/*!80000 '+'*/ '3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5';\n"
            "-- CHANGE REPLICATION SOURCE TO SOURCE_LOG_FILE='binlog.000002', SOURCE_LOG_POS=157;\n")
                                                << true << QStringLiteral("binlog.000002") << qint64(157)
                                                << QStringLiteral("3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5");
        QTest::newRow("binlog off: no coordinates") << QByteArray("-- MariaDB dump\nCREATE DATABASE x;\n")
                                                    << false << QString() << qint64(0) << QString();
    }
    void parseCoordinates()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, found);
        const auto c = CopyScript::parseCoordinates(head);
        QCOMPARE(c.has_value(), found);
        if (!found)
            return;
        QTEST(c->file, "file");
        QTEST(c->position, "position");
        QTEST(c->gtidPurged, "gtid");
    }

    void optionFileEscapesAndKeepsThePasswordOffTheCommandLine()
    {
        const QByteArray cnf = CopyScript::optionFile(
            QStringLiteral("10.0.0.1"), 3307, QStringLiteral("u"), QStringLiteral("p\"w\\d"));
        QVERIFY(cnf.contains("password=\"p\\\"w\\\\d\"\n"));
        QVERIFY(cnf.contains("port=3307\n"));
        CopyScriptParams p;
        p.workDir = QStringLiteral("/tmp/replipair-copy.x");
        p.dumpTool = QStringLiteral("mariadb-dump");
        p.clientTool = QStringLiteral("mariadb");
        p.databases = { QStringLiteral("shop"), QStringLiteral("it's") };
        const QString script = CopyScript::copy(p);
        QVERIFY(script.contains(QStringLiteral("--defaults-file=\"$d/source.cnf\"")));
        QVERIFY(script.contains(QStringLiteral("--single-transaction")));
        QVERIFY(script.contains(QStringLiteral("--master-data=2")));
        QVERIFY(script.contains(QStringLiteral("SET SESSION sql_log_bin=0")));
        QVERIFY(script.contains(QStringLiteral("'shop' 'it'\\''s'")));
        QVERIFY(!script.contains(QStringLiteral("password")));
        p.sourceData = true;
        QVERIFY(CopyScript::copy(p).contains(QStringLiteral("--source-data=2")));
    }

    void progressRateAndRemainingTime()
    {
        CopyProgress p;
        p.bytes = 50 * 1000 * 1000;
        p.estimatedBytes = 200 * 1000 * 1000;
        p.elapsedMs = 10000;
        p.tables = 3;
        p.totalTables = 7;
        QCOMPARE(qint64(p.bytesPerSecond()), qint64(5 * 1000 * 1000));
        QCOMPARE(p.remainingMs(), qint64(30000));
        QCOMPARE(p.toJson().value(QStringLiteral("phase")).toString(), QStringLiteral("copy"));
        QCOMPARE(p.toJson().value(QStringLiteral("remainingMs")).toInteger(), qint64(30000));
        p.bytes = p.estimatedBytes + 1; // past the estimate: unknown, never negative
        QCOMPARE(p.remainingMs(), qint64(-1));
    }
};

QTEST_APPLESS_MAIN(TestCopyScript)
#include "tst_copyscript.moc"
