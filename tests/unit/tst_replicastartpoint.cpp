#include "replication/replicastartpoint.h"

#include <QTest>

/** The GTIDs a MySQL source had executed at a binary log position, from SHOW BINLOG EVENTS rows. */
class TestReplicaStartPoint : public QObject
{
    Q_OBJECT

    static QVariantMap event(qint64 pos, const char* type, const QString& info, qint64 end)
    {
        return { { "Log_name", "binlog.000007" }, { "Pos", pos }, { "Event_type", QString::fromLatin1(type) },
            { "Info", info }, { "End_log_pos", end } };
    }
    static QVariantMap gtid(qint64 pos, const QString& g)
    {
        return event(pos, "Gtid", QStringLiteral("SET @@SESSION.GTID_NEXT= '%1'").arg(g), pos + 79);
    }

private Q_SLOTS:
    void gtidsBefore_data()
    {
        const QString a = QStringLiteral("3e11fa47-71ca-11e1-9e33-c80aa9429562");
        const QString b = QStringLiteral("4e11fa47-71ca-11e1-9e33-c80aa9429562");
        const QList<QVariantMap> events { event(4, "Format_desc", QStringLiteral("Server ver: 8.0.36"), 126),
            event(126, "Previous_gtids", a + QStringLiteral(":1-5,\n") + b + QStringLiteral(":1-2"), 197),
            gtid(197, a + QStringLiteral(":6")), event(276, "Query", QStringLiteral("BEGIN"), 351),
            event(351, "Xid", QStringLiteral("COMMIT /* xid=9 */"), 382), gtid(382, a + QStringLiteral(":7")),
            event(461, "Xid", QStringLiteral("COMMIT"), 492), gtid(492, b + QStringLiteral(":3")),
            event(571, "Xid", QStringLiteral("COMMIT"), 602), gtid(602, a + QStringLiteral(":9")),
            event(681, "Xid", QStringLiteral("COMMIT"), 712),
            // 8.3+ tagged GTIDs
            gtid(712, a + QStringLiteral(":nightly:1")), event(791, "Xid", QStringLiteral("COMMIT"), 822) };
        QTest::addColumn<QList<QVariantMap>>("events");
        QTest::addColumn<qint64>("upTo");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("end");
        QTest::newRow("before-any") << events << qint64(197) << a + ":1-5," + b + ":1-2" << true;
        QTest::newRow("after-two") << events << qint64(492) << a + ":1-5," + b + ":1-2," + a + ":6-7" << true;
        QTest::newRow("gap") << events << qint64(712) << a + ":1-5," + b + ":1-2," + a + ":6-7:9," + b + ":3"
                             << true;
        QTest::newRow("tagged") << events << qint64(822)
                                << a + ":1-5," + b + ":1-2," + a + ":6-7:9," + b + ":3," + a + ":nightly:1"
                                << false;
    }
    void gtidsBefore()
    {
        QFETCH(QList<QVariantMap>, events);
        QFETCH(qint64, upTo);
        QFETCH(QString, expected);
        QFETCH(bool, end);
        bool reached = false;
        QCOMPARE(ReplicaStartPoint::gtidsBefore({}, events, upTo, &reached), expected);
        QCOMPARE(reached, end);
    }
};

QTEST_APPLESS_MAIN(TestReplicaStartPoint)
#include "tst_replicastartpoint.moc"
