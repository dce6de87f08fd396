#include "host/serverworker.h"
#include "setup/pairverifier.h"
#include "support/replicatedsandbox.h"
#include "support/testsupport.h"

#include <QTest>

#include <memory>

/** Issue 16, defect 8: the row test's table (test.replipair_probe) is not left behind when the test fails
 *  half-way, and is never dropped where a test row may still arrive (that would stop the replica's SQL
 *  thread). Two real servers replicating both ways; a replica's IO thread is stopped as a partition
 *  between the servers would, while the test rows are written. */
class TestPairVerifier : public QObject
{
    Q_OBJECT

    SandboxPair m_pair;
    PairProfile m_profile;
    std::unique_ptr<ServerWorker> m_a, m_b;

    Sandbox& sb() { return m_pair.sandbox(); }
    QString sql(int i, const QString& s) { return sandboxSql(sb(), i, s); }
    QString probeTables(int i)
    {
        return sql(i,
            QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'test' AND "
                           "TABLE_NAME = 'replipair_probe'"));
    }
    bool replicating(int i)
    {
        return sandboxReplicaField(sb(), i, QStringLiteral("Slave_IO_Running")) == QLatin1String("Yes")
            && sandboxReplicaField(sb(), i, QStringLiteral("Slave_SQL_Running")) == QLatin1String("Yes")
            && sandboxReplicaField(sb(), i, QStringLiteral("Last_SQL_Errno")) == QLatin1String("0");
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (Sandbox::serverBinary().isEmpty())
            QSKIP("no mariadbd/mysqld on this machine");
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        QString error;
        QVERIFY2(startSandboxReplication(sb(), &error), qPrintable(error));
        m_profile = sb().pairProfile();
        m_a = std::make_unique<ServerWorker>(0, m_profile.servers[0]);
        m_b = std::make_unique<ServerWorker>(1, m_profile.servers[1]);
        for (ServerWorker* w : { m_a.get(), m_b.get() }) {
            auto c = w->submit([](ServerContext& ctx) { return ctx.connect(); });
            c.waitForFinished();
            QVERIFY2(c.result(), qPrintable(c.result().error().toString()));
        }
    }

    void rowLostOnTheWayToBLeavesNoTable()
    {
        // the table is on both (a run before made it); then B stops receiving A's events
        sql(0,
            QStringLiteral(
                "CREATE TABLE test.replipair_probe (token VARCHAR(64) NOT NULL PRIMARY KEY, origin "
                "VARCHAR(64) NOT NULL) ENGINE=InnoDB"));
        QTRY_COMPARE_WITH_TIMEOUT(probeTables(1), QStringLiteral("1"), 20000);
        sql(1, QStringLiteral("STOP SLAVE IO_THREAD"));
        PairVerifier verifier(m_profile, m_a.get(), m_b.get());
        const Result<QString> r = verifier.roundTrip(2000);
        QVERIFY(!r);
        QVERIFY2(r.error().text.contains(QStringLiteral("did not arrive")), qPrintable(r.error().text));
        QVERIFY2(r.error().text.contains(QStringLiteral("dropped")), qPrintable(r.error().text));
        QCOMPARE(probeTables(0), QStringLiteral("0"));
        // B's events in flight arrive in order once the partition ends: the row, then the drop
        sql(1, QStringLiteral("START SLAVE IO_THREAD"));
        QTRY_COMPARE_WITH_TIMEOUT(probeTables(1), QStringLiteral("0"), 20000);
        QVERIFY(replicating(1));
        QVERIFY(replicating(0));
    }

    void rowOfBStillOnItsWayKeepsTheTableForTheNextRun()
    {
        // A stops receiving B's events: A's row reaches B, B's row does not reach A. Dropping the table on
        // A now would stop A's SQL thread when B's row arrives: it stays, and the next run removes it.
        sql(0, QStringLiteral("STOP SLAVE IO_THREAD"));
        PairVerifier verifier(m_profile, m_a.get(), m_b.get());
        const Result<QString> r = verifier.roundTrip(2000);
        QVERIFY(!r);
        QVERIFY2(
            r.error().text.contains(QStringLiteral("stays until the next run")), qPrintable(r.error().text));
        QCOMPARE(probeTables(0), QStringLiteral("1"));
        sql(0, QStringLiteral("START SLAVE IO_THREAD"));
        QTRY_COMPARE_WITH_TIMEOUT(
            sql(0, QStringLiteral("SELECT COUNT(*) FROM test.replipair_probe WHERE origin = 'B'")),
            QStringLiteral("1"), 20000);
        QVERIFY(replicating(0));
        // the next run: its own rows arrive both ways, then the table goes on both
        const Result<QString> next = verifier.roundTrip(20000);
        QVERIFY2(next, qPrintable(next ? QString() : next.error().text));
        QCOMPARE(probeTables(0), QStringLiteral("0"));
        QTRY_COMPARE_WITH_TIMEOUT(probeTables(1), QStringLiteral("0"), 20000);
        QVERIFY(replicating(0));
        QVERIFY(replicating(1));
    }
};

QTEST_GUILESS_MAIN(TestPairVerifier)
#include "tst_pairverifier.moc"
