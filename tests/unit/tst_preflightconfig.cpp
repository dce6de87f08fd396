#include "setup/preflightconfig.h"

#include <QTest>

/** The filter-style and restart-policy rules of pre-flight: each fires exactly when it should. */
class TestPreflightConfig : public QObject
{
    Q_OBJECT

    static PairProfile pair()
    {
        PairProfile p;
        p.databases = { QStringLiteral("test") };
        p.servers[0].name = QStringLiteral("A");
        p.servers[1].name = QStringLiteral("B");
        return p;
    }
    static ServerInspection server(bool logBin)
    {
        ServerInspection s;
        s.reachable = true;
        s.logBin = logBin;
        return s;
    }
    static QStringList codes(const QList<Finding>& findings)
    {
        QStringList out;
        for (const Finding& f : findings) {
            out << f.code;
            if (f.text.isEmpty() || f.fix.isEmpty())
                out << QStringLiteral("(no text or fix)");
        }
        return out;
    }

private Q_SLOTS:
    void defaultsSayNothing()
    {
        const ServerInspection in[2] = { server(false), server(true) };
        QCOMPARE(codes(PreflightConfig::check(pair(), in)), QStringList());
    }
    void doDbStyleNamesItsTraps()
    {
        PairProfile p = pair();
        p.filterStyle = FilterStyle::DoDb;
        const ServerInspection in[2] = { server(true), server(true) };
        const QList<Finding> found = PreflightConfig::check(p, in);
        QCOMPARE(codes(found),
            (QStringList {
                QStringLiteral("do-db-filter-ddl"), QStringLiteral("do-db-filter-cross-database") }));
        for (const Finding& f : found)
            QCOMPARE(f.severity, Finding::Severity::Warning);
        QVERIFY(found.first().text.contains(QStringLiteral("CREATE TABLE test.t")));
        p.databases.clear(); // no filter at all: no trap
        QCOMPARE(codes(PreflightConfig::check(p, in)), QStringList());
    }
    void neverRestartWithBinlogOffIsAnError()
    {
        PairProfile p = pair();
        p.restart = RestartPolicy::Never;
        const ServerInspection in[2] = { server(true), server(false) };
        const QList<Finding> found = PreflightConfig::check(p, in);
        QCOMPARE(codes(found), QStringList { QStringLiteral("restart-forbidden") });
        QCOMPARE(found.first().server, QStringLiteral("B"));
        QCOMPARE(found.first().severity, Finding::Severity::Error);
        p.restart = RestartPolicy::Auto;
        QCOMPARE(codes(PreflightConfig::check(p, in)), QStringList());
    }

    /** The reader's admin account must be able to write into a read-only server (setup's test row, the
     *  monitor's heartbeat): READ_ONLY ADMIN on MariaDB 10.11, SUPER before, ALL PRIVILEGES always. */
    void readerAdminCannotWrite_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("writer");
        QTest::addColumn<QString>("grant"); ///< the reader's admin's global grant
        QTest::addColumn<bool>("warned");
        const QString mine = "GRANT RELOAD, PROCESS, SUPER, REPLICATION SLAVE ON *.* TO `admin`@`%`";
        QTest::newRow("all privileges")
            << "10.11.6-MariaDB" << 0 << "GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost`" << false;
        QTest::newRow("10.11: SUPER is not enough") << "10.11.6-MariaDB" << 0 << mine << true;
        QTest::newRow("10.11: READ_ONLY ADMIN")
            << "10.11.6-MariaDB" << 1 << "GRANT SUPER, READ_ONLY ADMIN ON *.* TO `admin`@`%`" << false;
        QTest::newRow("10.6: SUPER") << "10.6.16-MariaDB" << 0 << mine << false;
        QTest::newRow("only on a database")
            << "10.6.16-MariaDB" << 0 << "GRANT ALL PRIVILEGES ON `test`.* TO `admin`@`%`" << true;
        QTest::newRow("mysql 8: CONNECTION_ADMIN")
            << "8.0.36" << 0 << "GRANT CONNECTION_ADMIN ON *.* TO `admin`@`%`" << false;
        QTest::newRow("two writers: no reader") << "10.11.6-MariaDB" << -1 << mine << false;
    }
    void readerAdminCannotWrite()
    {
        QFETCH(QString, version);
        QFETCH(int, writer);
        QFETCH(QString, grant);
        QFETCH(bool, warned);
        PairProfile p = pair();
        p.writer = writer;
        ServerInspection in[2] = { server(true), server(true) };
        for (ServerInspection& s : in) {
            s.version = ServerVersion::parse(version);
            s.grants = { grant };
        }
        const QList<Finding> found = PreflightConfig::readerAdminCannotWrite(p, in);
        QCOMPARE(codes(found), warned ? QStringList { "read-only-admin" } : QStringList());
        if (warned) {
            QCOMPARE(found[0].server, p.servers[1 - writer].name);
            QVERIFY2(found[0].fix.startsWith("GRANT READ_ONLY ADMIN ON *.*"), qPrintable(found[0].fix));
        }
    }
};

QTEST_APPLESS_MAIN(TestPreflightConfig)
#include "tst_preflightconfig.moc"
