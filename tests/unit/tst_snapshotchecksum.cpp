#include "setup/snapshotchecksum.h"

#include <QTest>

/** The pure parts of the final data check's per-server reads: a server's own GTIDs picked out of its
 *  GTID state, and the per-table checksum SELECT. */
class TestSnapshotChecksum : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ownPart_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("self");
        QTest::addColumn<bool>("mariaDb");
        QTest::addColumn<QString>("own");
        QTest::newRow("mariadb-two-domains") << "1-1-697,2-2-474"
                                             << "2" << true << "2-2-474";
        QTest::newRow("mariadb-own-in-two-domains") << "0-1-3,1-1-697,2-2-474"
                                                    << "1" << true << "0-1-3,1-1-697";
        QTest::newRow("mariadb-server-id-is-not-a-prefix") << "1-12-5,1-2-7"
                                                           << "1" << true << "";
        QTest::newRow("mariadb-empty") << ""
                                       << "1" << true << "";
        QTest::newRow("mysql-multi-line")
            << "3E11FA47-71CA-11E1-9E33-C80AA9429562:1-77,\n 4a5b6c7d-0000-11e1-9e33-c80aa9429562:1-5"
            << "4a5b6c7d-0000-11e1-9e33-c80aa9429562" << false << "4a5b6c7d-0000-11e1-9e33-c80aa9429562:1-5";
        QTest::newRow("mysql-uuid-case")
            << "3E11FA47-71CA-11E1-9E33-C80AA9429562:1-77"
            << "3e11fa47-71ca-11e1-9e33-c80aa9429562" << false << "3E11FA47-71CA-11E1-9E33-C80AA9429562:1-77";
    }
    void ownPart()
    {
        QFETCH(QString, state);
        QFETCH(QString, self);
        QFETCH(bool, mariaDb);
        QFETCH(QString, own);
        QCOMPARE(SnapshotChecksum::ownPart(state, self, mariaDb), own);
    }

    void reachesEveryDomain()
    {
        // domain 1: A's transactions, domain 2: B's; B holds A's up to 697 and its own up to 480
        const QStringList b { QStringLiteral("1-1-697"), QStringLiteral("1-1-690,2-2-480") };
        QVERIFY(SnapshotChecksum::reachesEveryDomain(b, QStringLiteral("1-1-697,2-2-474")));
        QVERIFY(!SnapshotChecksum::reachesEveryDomain(b, QStringLiteral("1-1-698,2-2-474")));
        QVERIFY(!SnapshotChecksum::reachesEveryDomain(b, QStringLiteral("1-1-697,2-2-481")));
        QVERIFY(!SnapshotChecksum::reachesEveryDomain(b, QStringLiteral("0-1-1")));
        QVERIFY(SnapshotChecksum::reachesEveryDomain(b, QString()));
    }

    void checksumSqlReadsEveryColumnWithNullMarkers()
    {
        const QString sql = SnapshotChecksum::checksumSql(QStringLiteral("shop"), QStringLiteral("or`ders"),
            { QStringLiteral("id"), QStringLiteral("note") });
        QCOMPARE(sql,
            QStringLiteral(
                "SELECT COUNT(*) AS n, COALESCE(BIT_XOR(h), 0) AS x, COALESCE(SUM(h), 0) AS s FROM "
                "(SELECT CRC32(CONCAT_WS(CHAR(31), CAST(`id` AS BINARY), CAST(`note` AS BINARY), "
                "CONCAT(ISNULL(`id`), ISNULL(`note`)))) AS h FROM `shop`.`or``ders`) AS rows_crc"));
    }

    /** A table whose rows are unique (a primary or NOT NULL unique key) is read without the SUM: no pair of
     *  equal rows can cancel out in its BIT_XOR. */
    void checksumSqlOfUniqueRowsLeavesTheSumOut()
    {
        const QString keyed = SnapshotChecksum::checksumSql(QStringLiteral("shop"), QStringLiteral("o"),
            { QStringLiteral("id") }, {}, {}, SnapshotChecksum::RowIdentity::Unique);
        QVERIFY(
            keyed.startsWith(QStringLiteral("SELECT COUNT(*) AS n, COALESCE(BIT_XOR(h), 0) AS x, 0 AS s ")));
        QVERIFY(!keyed.contains(QStringLiteral("SUM(")));
        const QString loose = SnapshotChecksum::checksumSql(
            QStringLiteral("shop"), QStringLiteral("o"), { QStringLiteral("id") });
        QVERIFY(loose.contains(QStringLiteral("COALESCE(SUM(h), 0) AS s")));
    }

    /** Floats as decimals (their shortest text differs between versions); a chunk's range as a WHERE. */
    void checksumSqlReadsFloatsAsDecimalsOverARange()
    {
        const QString sql = SnapshotChecksum::checksumSql(QStringLiteral("shop"), QStringLiteral("m"),
            { QStringLiteral("id"), QStringLiteral("f"), QStringLiteral("d") },
            { QStringLiteral("int"), QStringLiteral("float"), QStringLiteral("double") },
            QStringLiteral("`id` > 5"));
        QVERIFY(
            sql.contains(QStringLiteral("CAST(`id` AS BINARY), CAST(CAST(`f` AS DECIMAL(65,30)) AS BINARY), "
                                        "CAST(CAST(`d` AS DECIMAL(65,30)) AS BINARY)")));
        QVERIFY(sql.endsWith(QStringLiteral("FROM `shop`.`m` WHERE `id` > 5) AS rows_crc")));
    }
};

QTEST_APPLESS_MAIN(TestSnapshotChecksum)
#include "tst_snapshotchecksum.moc"
