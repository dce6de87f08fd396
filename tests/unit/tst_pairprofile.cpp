#include "common/pairprofile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

/** The profile format: the issue's example parses; every bad input gets a specific error. */
class TestPairProfile : public QObject
{
    Q_OBJECT
    static QJsonObject example()
    {
        return QJsonDocument::fromJson(R"({
          "name": "orders",
          "databases": ["test"], "ignoreDatabases": ["mysql"],
          "replicationUser": "replication",
          "gtid": "auto", "autoIncrement": true,
          "servers": [
            { "name": "A", "host": "192.168.1.108", "port": 3306,
              "adminUser": "root", "adminPasswordEnv": "A_ROOT_PW",
              "peerHost": "192.168.1.108",
              "ssh": { "host": "192.168.1.108", "port": 22, "user": "root",
                       "keyFile": "~/.ssh/id_ed25519", "passwordEnv": null,
                       "knownHostsFile": "~/.ssh/known_hosts", "acceptNewHostKey": false, "sudo": false },
              "configFile": "auto", "restartCommand": "auto" },
            { "name": "B", "host": "192.168.1.110", "adminPasswordEnv": "B_ROOT_PW", "ssh": null }
          ]})")
            .object();
    }
private Q_SLOTS:
    void parsesTheExample()
    {
        auto p = PairProfile::fromJson(example());
        QVERIFY2(p.has_value(), qPrintable(p ? QString() : p.error().text));
        QCOMPARE(p->name, QStringLiteral("orders"));
        QCOMPARE(p->databases, QStringList { QStringLiteral("test") });
        QCOMPARE(p->gtid, GtidMode::Auto);
        QVERIFY(p->servers[0].hasSsh);
        QCOMPARE(p->servers[0].ssh.user, QStringLiteral("root"));
        QVERIFY(!p->servers[1].hasSsh);
        QCOMPARE(p->servers[1].port, 3306);
        QCOMPARE(p->servers[1].configFile, QStringLiteral("auto"));
        // the replication account on A is for B, as A sees it; and vice versa
        QCOMPARE(p->replicationHostFor(0), QStringLiteral("192.168.1.110"));
        QCOMPARE(p->replicationHostFor(1), QStringLiteral("192.168.1.108"));
    }
    void filterStyleAndRestartPolicy()
    {
        auto defaults = PairProfile::fromJson(example());
        QVERIFY(defaults);
        QCOMPARE(defaults->filterStyle, FilterStyle::Wild);
        QCOMPARE(defaults->restart, RestartPolicy::Auto);
        QJsonObject o = example();
        o.insert(QStringLiteral("filterStyle"), QStringLiteral("do-db"));
        o.insert(QStringLiteral("restart"), QStringLiteral("never"));
        auto p = PairProfile::fromJson(o);
        QVERIFY(p);
        QCOMPARE(p->filterStyle, FilterStyle::DoDb);
        QCOMPARE(p->restart, RestartPolicy::Never);
        QCOMPARE(p->toJson().value(QStringLiteral("filterStyle")).toString(), QStringLiteral("do-db"));
        QCOMPARE(p->toJson().value(QStringLiteral("restart")).toString(), QStringLiteral("never"));
    }
    void explicitReplicationHost()
    {
        QJsonObject o = example();
        o.insert(QStringLiteral("replicationUserHost"), QStringLiteral("10.0.0.%"));
        auto p = PairProfile::fromJson(o);
        QVERIFY(p);
        QCOMPARE(p->replicationHostFor(0), QStringLiteral("10.0.0.%"));
    }
    void roundTrip()
    {
        auto p = PairProfile::fromJson(example());
        QVERIFY(p);
        auto again = PairProfile::fromJson(p->toJson());
        QVERIFY(again);
        QCOMPARE(again->toJson(), p->toJson());
    }
    void rejects_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("gtid") << "gtid" << QJsonValue(QStringLiteral("maybe")) << "\"gtid\" must be";
        QTest::newRow("servers-count") << "servers" << QJsonValue(QJsonArray {}) << "exactly two servers";
        QTest::newRow("typo") << "databses" << QJsonValue(QJsonArray {}) << "unknown key \"databses\"";
        QTest::newRow("autoinc") << "autoIncrement" << QJsonValue(QStringLiteral("yes"))
                                 << "\"autoIncrement\" must be true or false";
        QTest::newRow("format") << "binlogFormat" << QJsonValue(QStringLiteral("fast"))
                                << "\"binlogFormat\" must be";
        QTest::newRow("filter-style") << "filterStyle" << QJsonValue(QStringLiteral("do_db"))
                                      << "\"filterStyle\" must be \"wild\" or \"do-db\"";
        QTest::newRow("restart") << "restart" << QJsonValue(QStringLiteral("always"))
                                 << "\"restart\" must be \"auto\", \"allowed\" or \"never\"";
        QTest::newRow("db-type") << "databases" << QJsonValue(QStringLiteral("test")) << "must be an array";
    }
    void rejects()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        QJsonObject o = example();
        o.insert(key, value);
        auto p = PairProfile::fromJson(o);
        QVERIFY(!p);
        QVERIFY2(p.error().text.contains(message), qPrintable(p.error().text));
    }
    void serverProblemsAllReported()
    {
        QJsonObject o = example();
        QJsonArray servers = o.value(QStringLiteral("servers")).toArray();
        QJsonObject b = servers.at(1).toObject();
        b.remove(QStringLiteral("host"));
        b.insert(QStringLiteral("port"), 70000);
        b.insert(QStringLiteral("name"), QStringLiteral("A"));
        servers[1] = b;
        o.insert(QStringLiteral("servers"), servers);
        auto p = PairProfile::fromJson(o);
        QVERIFY(!p);
        QVERIFY(p.error().text.contains(QStringLiteral("servers[1]: missing \"host\"")));
        QVERIFY(p.error().text.contains(QStringLiteral("port number")));
        QVERIFY(p.error().text.contains(QStringLiteral("different names")));
    }
    void sameServerTwice()
    {
        QJsonObject o = example();
        QJsonArray servers = o.value(QStringLiteral("servers")).toArray();
        QJsonObject b = servers.at(1).toObject();
        b.insert(QStringLiteral("host"), QStringLiteral("192.168.1.108"));
        servers[1] = b;
        o.insert(QStringLiteral("servers"), servers);
        auto p = PairProfile::fromJson(o);
        QVERIFY(!p);
        QVERIFY(p.error().text.contains(QStringLiteral("cannot replicate with itself")));
    }
    void passwordFromEnvironment()
    {
        auto p = PairProfile::fromJson(example());
        QVERIFY(p);
        qunsetenv("A_ROOT_PW");
        auto missing = p->servers[0].adminPassword();
        QVERIFY(!missing);
        QVERIFY(missing.error().text.contains(QStringLiteral("A_ROOT_PW")));
        qputenv("A_ROOT_PW", "pa'ss");
        QCOMPARE(*p->servers[0].adminPassword(), QStringLiteral("pa'ss"));
        // the password never goes into the saved profile
        QVERIFY(!QJsonDocument(p->toJson()).toJson().contains("pa'ss"));
    }
    void unreadableFile()
    {
        auto p = PairProfile::load(QStringLiteral("/nonexistent/x.replipair.json"));
        QVERIFY(!p);
        QVERIFY(p.error().text.contains(QStringLiteral("/nonexistent/x.replipair.json")));
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ not json");
        f.close();
        auto bad = PairProfile::load(f.fileName());
        QVERIFY(!bad);
        QVERIFY(bad.error().text.contains(QStringLiteral("not valid JSON")));
    }
};

QTEST_APPLESS_MAIN(TestPairProfile)
#include "tst_pairprofile.moc"
