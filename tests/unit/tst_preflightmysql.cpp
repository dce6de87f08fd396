#include "setup/preflightmysql.h"

#include <QTest>

/** Pre-flight rules of MySQL pairs: super_read_only, the account's plugin across versions, and what
 *  "gtid": "on" makes the server refuse. */
class TestPreflightMySql : public QObject
{
    Q_OBJECT

    static PairProfile pair()
    {
        PairProfile p;
        p.servers[0].name = QStringLiteral("A");
        p.servers[1].name = QStringLiteral("B");
        return p;
    }
    static QStringList codes(const QList<Finding>& findings)
    {
        QStringList out;
        for (const Finding& f : findings)
            out << QStringLiteral("%1:%2:%3")
                       .arg(
                           f.severity == Finding::Severity::Error ? QStringLiteral("E") : QStringLiteral("W"),
                           f.server, f.code);
        return out;
    }

private Q_SLOTS:
    void findings_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("superReadOnlyB");
        QTest::addColumn<bool>("gtid");
        QTest::addColumn<QString>("consistencyA");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("8.0-pair") << "8.0.36"
                                  << "8.0.36-28" << false << false << "OFF" << QStringList();
        QTest::newRow("super-read-only")
            << "8.4.3"
            << "8.4.3" << true << false << "OFF" << QStringList { QStringLiteral("E:B:super-read-only") };
        // a 5.7 replica of 8.0 gets a mysql_native_password account: nothing to say
        QTest::newRow("5.7-8.0") << "5.7.44"
                                 << "8.0.36" << false << false << "OFF" << QStringList();
        // 8.4 has that plugin off by default
        QTest::newRow("5.7-8.4") << "5.7.44"
                                 << "8.4.3" << false << false << "OFF"
                                 << QStringList { QStringLiteral("W:B:replica-auth-plugin") };
        // 9.x has none the 5.7 replica speaks
        QTest::newRow("5.7-9.1") << "5.7.44"
                                 << "9.1.0" << false << false << "OFF"
                                 << QStringList { QStringLiteral("E:B:replica-auth-plugin") };
        QTest::newRow("gtid-on") << "8.0.39-0ubuntu0.22.04.1"
                                 << "8.0.39" << false << true << "OFF"
                                 << QStringList { QStringLiteral("W:A:gtid-consistency"),
                                        QStringLiteral("W:B:gtid-consistency") };
        QTest::newRow("gtid-already-consistent")
            << "8.0.36"
            << "8.0.36" << false << true << "ON" << QStringList { QStringLiteral("W:B:gtid-consistency") };
        QTest::newRow("mariadb") << "10.11.6-MariaDB"
                                 << "10.11.6-MariaDB" << false << true << "" << QStringList();
    }
    void findings()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, superReadOnlyB);
        QFETCH(bool, gtid);
        QFETCH(QString, consistencyA);
        QFETCH(QStringList, expected);
        ServerInspection in[2];
        in[0].version = ServerVersion::parse(a);
        in[0].versionString = a;
        in[1].version = ServerVersion::parse(b);
        in[1].versionString = b;
        in[1].superReadOnly = superReadOnlyB;
        in[0].variables.insert(QStringLiteral("enforce_gtid_consistency"), consistencyA);
        QCOMPARE(codes(PreflightMySql::check(pair(), in, gtid)), expected);
    }
};

QTEST_APPLESS_MAIN(TestPreflightMySql)
#include "tst_preflightmysql.moc"
