#include "monitor/errantwatch.h"
#include "sql/gtidset.h"

#include <QTest>

namespace {
/** A look at server @p i (0 A, 1 B) with GTID state @p state, its poll begun at @p startUs and 300 us long.
 */
StatusSample sample(int i, const QString& state, qint64 startUs)
{
    StatusSample s;
    s.serverIndex = i;
    s.reachable = true;
    s.gtidState = state;
    s.gtidSelf = QString::number(i + 1);
    s.pollStartUs = startUs;
    s.pollMicros = 300;
    return s;
}
} // namespace

/** The transactions one server holds of an origin that another lacks, from the states each reports. */
class TstGtidSet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void heldNotIn_data()
    {
        QTest::addColumn<QString>("holder");
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("other");
        QTest::addColumn<QStringList>("held");
        const QString a = QStringLiteral("3e11fa47-71ca-11e1-9e33-c80aa9429562"),
                      b = QStringLiteral("4f22ab58-82db-22f2-af44-d91bb0530673");
        QTest::newRow("mysql: the other holds all")
            << a + ":1-10," + b + ":1-5" << a << a + ":1-10," + b + ":1-3" << QStringList();
        QTest::newRow("mysql: a tail") << a + ":1-10" << a << a + ":1-6" << QStringList { a + ":7-10" };
        QTest::newRow("mysql: holes and a single one") << a + ":1-10:12\n," + b
                + ":1-2" << a << a + ":1-3:5-8" << QStringList { a + ":4", a + ":9-10", a + ":12" };
        QTest::newRow("mysql: other origin ignored") << b + ":1-9" << a << QString() << QStringList();
        QTest::newRow("mysql: the other never had it")
            << a.toUpper() + ":1-3" << a << b + ":1-4" << QStringList { a + ":1-3" };
        QTest::newRow("mariadb: equal") << "1-1-40,2-2-7"
                                        << "2"
                                        << "2-2-7,1-1-40" << QStringList();
        QTest::newRow("mariadb: three ahead") << "1-1-40,2-2-10"
                                              << "2"
                                              << "1-1-40,2-2-7" << QStringList { "2-2-10" };
        QTest::newRow("mariadb: one ahead, written in the origin's domain on another")
            << "0-1-5,1-2-3"
            << "2"
            << "1-2-2" << QStringList { "1-2-3" };
        QTest::newRow("mariadb: the other lacks the pair") << "1-1-4"
                                                           << "1"
                                                           << "2-2-9" << QStringList { "1-1-4" };
        QTest::newRow("mariadb: unreadable state") << "1-1-x"
                                                   << "1"
                                                   << "" << QStringList();
        QTest::newRow("no state") << ""
                                  << "1"
                                  << "1-1-3" << QStringList();
    }
    void heldNotIn()
    {
        QFETCH(QString, holder);
        QFETCH(QString, origin);
        QFETCH(QString, other);
        QFETCH(QStringList, held);
        const QStringList got = GtidSet::heldNotIn(holder, origin, other);
        QCOMPARE(got, held);
    }

    /** ErrantWatch confirms a holding only by a look at the peer that began after the holder's ended. */
    void errantNeedsALaterLookAtThePeer()
    {
        const QString names[2] = { QStringLiteral("A"), QStringLiteral("B") };
        ErrantWatch w;
        // round 1, in parallel: B holds 0-1-7, A (read while B was) has 0-1-5 only: not proof
        StatusSample b1 = sample(1, QStringLiteral("0-1-7,0-2-3"), 1000);
        QVERIFY(!w.take(b1, names));
        StatusSample a1 = sample(0, QStringLiteral("0-1-5,0-2-3"), 1100);
        QVERIFY(!w.take(a1, names));
        QVERIFY(w.pending());
        // A committed 6 and 7 meanwhile and B received them: A's later look has them, nothing is flagged
        StatusSample a2 = sample(0, QStringLiteral("0-1-7,0-2-3"), 2000);
        QVERIFY(!w.take(a2, names));
        QVERIFY(w.errant(1).isEmpty());
        // B then holds 0-1-9 that A, looked at later, lacks: flagged on B, once
        StatusSample b2 = sample(1, QStringLiteral("0-1-9,0-2-3"), 3000);
        QVERIFY(!w.take(b2, names));
        StatusSample a3 = sample(0, QStringLiteral("0-1-7,0-2-3"), 3500);
        const auto found = w.take(a3, names);
        QVERIFY(found);
        QCOMPARE(found->server, 1);
        QCOMPARE(found->gtids, QStringList { QStringLiteral("0-1-9") });
        QVERIFY(found->text.startsWith(QStringLiteral("B holds transactions that started on A")));
        StatusSample b3 = sample(1, QStringLiteral("0-1-9,0-2-3"), 4000);
        QVERIFY(!w.take(b3, names));
        QCOMPARE(b3.errantGtids, QStringList { QStringLiteral("0-1-9") });
        StatusSample a4 = sample(0, QStringLiteral("0-1-7,0-2-3"), 4500);
        QVERIFY(!w.take(a4, names)); // the same set: not said again
        QVERIFY(!w.pending());
    }

    /** notOnPeer (a server's own transactions its peer lacks) compares a look of the server with a look at
     *  the peer that began after it ended: B's beat just written, read while A was read, was shown as
     *  "notOnPeer":["0-2-4"] on a healthy pair. */
    void notOnPeerOnlyAgainstALaterLookAtThePeer()
    {
        const QString names[2] = { QStringLiteral("A"), QStringLiteral("B") };
        ErrantWatch w;
        // round 1, in parallel: B's beat 0-2-4, committed as A was read, is no proof of anything
        StatusSample a1 = sample(0, QStringLiteral("0-1-5,0-2-3"), 1000);
        w.take(a1, names);
        StatusSample b1 = sample(1, QStringLiteral("0-1-5,0-2-4"), 1100);
        w.take(b1, names);
        QVERIFY2(b1.notOnPeer.isEmpty(), qPrintable(b1.notOnPeer.join(',')));
        // round 2: A has it; B has written its next beat, which A's look (again in parallel) lacks
        StatusSample a2 = sample(0, QStringLiteral("0-1-5,0-2-4"), 2000);
        w.take(a2, names);
        StatusSample b2 = sample(1, QStringLiteral("0-1-5,0-2-5"), 2100);
        w.take(b2, names);
        QVERIFY2(b2.notOnPeer.isEmpty(), qPrintable(b2.notOnPeer.join(',')));
        // round 3: A, looked at after B's look of round 2 ended, still lacks 0-2-5: that is said
        StatusSample a3 = sample(0, QStringLiteral("0-1-5,0-2-4"), 3000);
        w.take(a3, names);
        StatusSample b3 = sample(1, QStringLiteral("0-1-5,0-2-6"), 3100);
        w.take(b3, names);
        QCOMPARE(b3.notOnPeer, QStringList { QStringLiteral("0-2-5") });
    }
};

QTEST_GUILESS_MAIN(TstGtidSet)
#include "tst_gtidset.moc"
