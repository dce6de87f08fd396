#include "common/stepid.h"
#include "setup/planfingerprint.h"

#include <QTest>

/** The fingerprint of a plan: the same servers give the same one; a change of identity, of a setting the
 *  plan depends on, of an option file or of a step is named; binary log positions are not a change. */
class TestPlanFingerprint : public QObject
{
    Q_OBJECT

    struct Made
    {
        PairProfile profile;
        ServerInspection in[2];
        QMap<QString, QByteArray> files[2];
        QList<PlanStep> steps;
        QJsonObject fingerprint() const { return PlanFingerprint::make(profile, in, files, steps); }
    };
    static Made example()
    {
        Made m;
        m.profile.name = QStringLiteral("p");
        m.profile.servers[0].name = QStringLiteral("A");
        m.profile.servers[1].name = QStringLiteral("B");
        for (int i = 0; i < 2; ++i) {
            ServerInspection& s = m.in[i];
            s.serverId = 1;
            s.serverUuid = QStringLiteral("uuid-%1").arg(i);
            s.versionString = QStringLiteral("10.11.6-MariaDB");
            s.datadir = QStringLiteral("/var/lib/mysql%1/").arg(i);
            s.variables = { { QStringLiteral("log_bin"), QStringLiteral("0") },
                { QStringLiteral("auto_increment_increment"), QStringLiteral("1") },
                { QStringLiteral("gtid_binlog_pos"), QStringLiteral("0-1-%1").arg(10 + i) } };
            m.files[i] = { { QStringLiteral("/etc/mysql/my.cnf"), QByteArray("[mysqld]\nserver-id = 1\n") } };
        }
        PlanStep config;
        config.id = StepId::Config;
        config.server = QStringLiteral("B");
        config.title = QStringLiteral("Replication settings in /etc/mysql/conf.d/90-replipair.cnf");
        config.diff = QStringLiteral("+server-id = 2\n");
        PlanStep coordinates;
        coordinates.id = StepId::Coordinates;
        coordinates.server = QStringLiteral("A");
        coordinates.title = QStringLiteral("Start point: mysql-bin.000001:328");
        m.steps << config << coordinates;
        return m;
    }

private Q_SLOTS:
    void sameServersSameFingerprint()
    {
        const Made a = example();
        Made b = example();
        // what a live server moves with each write is no change of the plan
        b.in[0].variables[QStringLiteral("gtid_binlog_pos")] = QStringLiteral("0-1-99");
        b.steps[1].title = QStringLiteral("Start point: mysql-bin.000001:9000");
        QCOMPARE(PlanFingerprint::differences(a.fingerprint(), b.fingerprint()), QStringList());
        QCOMPARE(PlanFingerprint::digest(a.fingerprint()), PlanFingerprint::digest(b.fingerprint()));
        QCOMPARE(PlanFingerprint::digest(a.fingerprint()).size(), 64);
    }

    void changeIsNamed_data()
    {
        QTest::addColumn<int>("change");
        QTest::addColumn<QString>("named");
        QTest::newRow("setting") << 0 << "[B] setting auto_increment_increment was 1, is now 7";
        QTest::newRow("option file") << 1
                                     << "[B] option file /etc/mysql/my.cnf changed since the plan was made";
        QTest::newRow("new option file") << 2 << "[A] option file /etc/mysql/conf.d/x.cnf is new";
        QTest::newRow("another server") << 3 << "[A] server_uuid was uuid-0, is now uuid-other";
        QTest::newRow("server id") << 4 << "[B] server_id was 1, is now 5";
        QTest::newRow("step") << 5 << "[B] step 1 (config) would now do something else";
        QTest::newRow("steps") << 6 << "the plan's steps are now";
        QTest::newRow("profile") << 7 << "the profile changed";
    }
    void changeIsNamed()
    {
        QFETCH(int, change);
        QFETCH(QString, named);
        const Made a = example();
        Made b = example();
        switch (change) {
        case 0:
            b.in[1].variables[QStringLiteral("auto_increment_increment")] = QStringLiteral("7");
            break;
        case 1:
            b.files[1][QStringLiteral("/etc/mysql/my.cnf")] += "# an admin's edit\n";
            break;
        case 2:
            b.files[0].insert(QStringLiteral("/etc/mysql/conf.d/x.cnf"), "[mysqld]\n");
            break;
        case 3:
            b.in[0].serverUuid = QStringLiteral("uuid-other");
            break;
        case 4:
            b.in[1].serverId = 5;
            break;
        case 5:
            b.steps[0].diff = QStringLiteral("+server-id = 3\n");
            break;
        case 6:
            b.steps.removeFirst();
            break;
        case 7:
            b.profile.databases = { QStringLiteral("shop") };
            break;
        }
        const QStringList d = PlanFingerprint::differences(a.fingerprint(), b.fingerprint());
        QVERIFY2(d.join(QLatin1Char('\n')).contains(named), qPrintable(d.join(QLatin1Char('\n'))));
        QVERIFY(PlanFingerprint::digest(a.fingerprint()) != PlanFingerprint::digest(b.fingerprint()));
    }

    void anotherFormatIsRefused()
    {
        QJsonObject old = example().fingerprint();
        old.insert(QStringLiteral("format"), 0);
        const QStringList d = PlanFingerprint::differences(old, example().fingerprint());
        QCOMPARE(d.size(), 1);
        QVERIFY(d.first().contains(QStringLiteral("another version")));
    }
};

QTEST_APPLESS_MAIN(TestPlanFingerprint)
#include "tst_planfingerprint.moc"
