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
    /** "tls": the mode and files at the pair, each host's own files, round trip; verify modes need a CA. */
    void tlsSettings()
    {
        QJsonObject o = example();
        o.insert(QStringLiteral("tls"),
            QJsonObject { { QStringLiteral("mode"), QStringLiteral("verify-identity") },
                { QStringLiteral("ca"), QStringLiteral("/etc/tls/ca.pem") } });
        QJsonArray servers = o.value(QStringLiteral("servers")).toArray();
        QJsonObject b = servers[1].toObject();
        b.insert(
            QStringLiteral("tls"), QJsonObject { { QStringLiteral("ca"), QStringLiteral("/srv/ca.pem") } });
        servers[1] = b;
        o.insert(QStringLiteral("servers"), servers);
        auto p = PairProfile::fromJson(o);
        QVERIFY2(p, qPrintable(p ? QString() : p.error().text));
        QCOMPARE(p->tls.mode, TlsMode::VerifyIdentity);
        QCOMPARE(p->servers[0].tls.files.ca, QStringLiteral("/etc/tls/ca.pem")); // RepliPair's own
        QCOMPARE(p->servers[0].hostTlsFiles().ca, QStringLiteral("/etc/tls/ca.pem"));
        QCOMPARE(p->servers[1].hostTlsFiles().ca, QStringLiteral("/srv/ca.pem"));
        QVERIFY(p->notes.isEmpty());
        auto again = PairProfile::fromJson(p->toJson());
        QVERIFY(again);
        QCOMPARE(again->toJson(), p->toJson());

        o.insert(
            QStringLiteral("tls"), QJsonObject { { QStringLiteral("mode"), QStringLiteral("verify-ca") } });
        auto noCa = PairProfile::fromJson(o);
        QVERIFY(!noCa);
        QVERIFY2(noCa.error().text.contains(QStringLiteral("\"ca\"")), qPrintable(noCa.error().text));
        o.insert(QStringLiteral("tls"), QJsonObject { { QStringLiteral("mode"), QStringLiteral("verify") } });
        QVERIFY(!PairProfile::fromJson(o));
        o.insert(QStringLiteral("tls"),
            QJsonObject { { QStringLiteral("mode"), QStringLiteral("required") },
                { QStringLiteral("ca"), QStringLiteral("/a;b.pem") } });
        QVERIFY(!PairProfile::fromJson(o));
    }
    /** The field before "tls": "ssl": true is read as "required", with a note; saving writes "tls". */
    void oldSslField()
    {
        QJsonObject o = example();
        o.insert(QStringLiteral("ssl"), true);
        auto p = PairProfile::fromJson(o);
        QVERIFY(p);
        QCOMPARE(p->tls.mode, TlsMode::Required);
        QCOMPARE(p->servers[1].tls.mode, TlsMode::Required);
        QCOMPARE(p->notes.size(), 1);
        QVERIFY(!p->toJson().contains(QStringLiteral("ssl")));
        QCOMPARE(p->toJson().value(QStringLiteral("tls")).toObject().value(QStringLiteral("mode")).toString(),
            QStringLiteral("required"));
        o.insert(QStringLiteral("ssl"), false);
        auto off = PairProfile::fromJson(o);
        QVERIFY(off);
        QCOMPARE(off->tls.mode, TlsMode::Off);
    }
    void initialCopyNamesTheServerCopiedFrom()
    {
        QJsonObject o = example();
        QVERIFY(PairProfile::fromJson(o)->initialCopy == -1);
        o.insert(QStringLiteral("initialCopy"), QStringLiteral("A"));
        o.insert(QStringLiteral("replaceTarget"), true);
        auto p = PairProfile::fromJson(o);
        QVERIFY2(p, qPrintable(p ? QString() : p.error().text));
        QCOMPARE(p->initialCopy, 0);
        QVERIFY(p->replaceTarget);
        auto again = PairProfile::fromJson(p->toJson());
        QCOMPARE(again->initialCopy, 0);
        QVERIFY(again->replaceTarget);
        o.insert(QStringLiteral("initialCopy"), QJsonValue());
        QCOMPARE(PairProfile::fromJson(o)->initialCopy, -1);
    }

    /** "writer": absent means both (today's behaviour, written out explicitly); "A"/"B" or a server's
     *  name picks one; it survives a round trip by the server's name. */
    void writerRole_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("written");
        QTest::newRow("absent") << QJsonValue() << -1 << "both";
        QTest::newRow("both") << QJsonValue(QStringLiteral("both")) << -1 << "both";
        QTest::newRow("A") << QJsonValue(QStringLiteral("A")) << 0 << "db1";
        QTest::newRow("B") << QJsonValue(QStringLiteral("B")) << 1 << "db2";
        QTest::newRow("by name") << QJsonValue(QStringLiteral("db2")) << 1 << "db2";
    }
    void writerRole()
    {
        QFETCH(QJsonValue, value);
        QFETCH(int, index);
        QFETCH(QString, written);
        QJsonObject o = example();
        QJsonArray servers = o.value(QStringLiteral("servers")).toArray();
        for (int i = 0; i < 2; ++i) {
            QJsonObject s = servers.at(i).toObject();
            s.insert(QStringLiteral("name"), QStringLiteral("db%1").arg(i + 1));
            servers[i] = s;
        }
        o.insert(QStringLiteral("servers"), servers);
        if (!value.isNull())
            o.insert(QStringLiteral("writer"), value);
        auto p = PairProfile::fromJson(o);
        QVERIFY2(p, qPrintable(p ? QString() : p.error().text));
        QCOMPARE(p->writerIndex(), index);
        QCOMPARE(p->toJson().value(QStringLiteral("writer")).toString(), written);
        auto again = PairProfile::fromJson(p->toJson());
        QVERIFY(again);
        QCOMPARE(again->writerIndex(), index);
    }
    void hooksStoredAsWritten()
    {
        QJsonObject o = example();
        QVERIFY(PairProfile::fromJson(o)->hooks.isDefault());
        QVERIFY(!PairProfile::fromJson(o)->toJson().contains(QStringLiteral("hooks")));
        const QString vip
            = QStringLiteral("sudo ip addr add 10.0.0.9/24 dev eth0 && echo \"$REPLIPAIR_NEW_WRITER\"");
        o.insert(QStringLiteral("hooks"),
            QJsonObject {
                { QStringLiteral("beforeSwitch"), QStringLiteral("/usr/local/bin/drain 'app pool'") },
                { QStringLiteral("afterSwitch"), vip },
                { QStringLiteral("rollback"), QStringLiteral("true") },
                { QStringLiteral("timeoutSeconds"), 12 } });
        auto p = PairProfile::fromJson(o);
        QVERIFY2(p, qPrintable(p ? QString() : p.error().text));
        QCOMPARE(p->hooks.beforeSwitch, QStringLiteral("/usr/local/bin/drain 'app pool'"));
        QCOMPARE(p->hooks.afterSwitch, vip);
        QCOMPARE(p->hooks.rollback, QStringLiteral("true"));
        QCOMPARE(p->hooks.timeoutSeconds, 12);
        auto again = PairProfile::fromJson(p->toJson());
        QVERIFY(again);
        QCOMPARE(again->hooks.afterSwitch, vip);
        QCOMPARE(again->hooks.timeoutSeconds, 12);
        o.insert(
            QStringLiteral("hooks"), QJsonObject { { QStringLiteral("afterSwitch"), QStringLiteral("x") } });
        QCOMPARE(PairProfile::fromJson(o)->hooks.timeoutSeconds, 30);
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
        QTest::newRow("copy-unknown-server")
            << "initialCopy" << QJsonValue(QStringLiteral("C")) << "\"initialCopy\" must be null or the name";
        QTest::newRow("copy-type") << "initialCopy" << QJsonValue(1)
                                   << "\"initialCopy\" must be null or the name";
        QTest::newRow("replace-type")
            << "replaceTarget" << QJsonValue(QStringLiteral("yes")) << "replaceTarget";
        QTest::newRow("db-type") << "databases" << QJsonValue(QStringLiteral("test")) << "must be an array";
        QTest::newRow("writer-unknown-server")
            << "writer" << QJsonValue(QStringLiteral("C")) << "\"writer\" must be \"both\" or the name";
        QTest::newRow("writer-case") << "writer" << QJsonValue(QStringLiteral("Both"))
                                     << "\"writer\" must be \"both\" or the name";
        QTest::newRow("writer-type") << "writer" << QJsonValue(0) << "\"writer\" must be a string";
        QTest::newRow("hooks-type") << "hooks" << QJsonValue(QStringLiteral("true"))
                                    << "\"hooks\" must be an object or null";
        QTest::newRow("hooks-typo") << "hooks" << QJsonValue(QJsonObject { { QStringLiteral("before"), 1 } })
                                    << "hooks: unknown key \"before\"";
        QTest::newRow("hooks-command-type")
            << "hooks" << QJsonValue(QJsonObject { { QStringLiteral("afterSwitch"), 1 } })
            << "hooks: \"afterSwitch\" must be a string";
        QTest::newRow("hooks-newline")
            << "hooks"
            << QJsonValue(QJsonObject { { QStringLiteral("beforeSwitch"), QStringLiteral("true\nreboot") } })
            << "hooks: \"beforeSwitch\": \"true\\nreboot\" holds a control character";
        QTest::newRow("hooks-nul") << "hooks"
                                   << QJsonValue(QJsonObject { { QStringLiteral("rollback"),
                                          QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")) } })
                                   << "hooks: \"rollback\"";
        QTest::newRow("hooks-timeout-zero")
            << "hooks" << QJsonValue(QJsonObject { { QStringLiteral("timeoutSeconds"), 0 } })
            << "\"timeoutSeconds\" must be a whole number of seconds from 1 to 3600";
        QTest::newRow("hooks-timeout-fraction")
            << "hooks" << QJsonValue(QJsonObject { { QStringLiteral("timeoutSeconds"), 1.5 } })
            << "\"timeoutSeconds\" must be a whole number";
        QTest::newRow("hooks-timeout-text")
            << "hooks"
            << QJsonValue(QJsonObject { { QStringLiteral("timeoutSeconds"), QStringLiteral("30") } })
            << "\"timeoutSeconds\" must be a whole number";
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
    /** A value that could write into an option file, a command or an output line is refused, saying
     *  which field and what is allowed; a good value passes. */
    void valueRules_data()
    {
        QTest::addColumn<QString>("server"); ///< "" for the pair, else "0"/"1", "0.ssh"
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message"); ///< empty: accepted
        QTest::newRow("pair name newline") << ""
                                           << "name"
                                           << "B\n[mysqld]\nmax-connections = 7\n#"
                                           << "profile: \"name\": \"B\\n[mysqld]";
        QTest::newRow("pair name ok") << ""
                                      << "name"
                                      << "orders-2.eu_west"
                                      << "";
        QTest::newRow("pair name long") << ""
                                        << "name" << QString(33, QLatin1Char('a')) << "1 to 32";
        QTest::newRow("server name newline") << "1"
                                             << "name"
                                             << "B\n[mysqld]\nmax-connections = 7\n#"
                                             << "servers[1]: \"name\": \"B\\n[mysqld]\\nmax-connections = 7";
        QTest::newRow("server name space") << "0"
                                           << "name"
                                           << "A B"
                                           << "letters a-z, A-Z, the digits 0-9 and _ - .";
        QTest::newRow("server name ok") << "0"
                                        << "name"
                                        << "db-1.a"
                                        << "";
        QTest::newRow("host shell") << "0"
                                    << "host"
                                    << "127.0.0.1; rm -rf /"
                                    << "servers[0]: \"host\"";
        QTest::newRow("host quote") << "1"
                                    << "peerHost"
                                    << "10.0.0.1'"
                                    << "servers[1]: \"peerHost\"";
        QTest::newRow("host label too long") << "0"
                                             << "host" << QString(64, QLatin1Char('a')) << "RFC 1123";
        QTest::newRow("host dash start") << "0"
                                         << "host"
                                         << "-db"
                                         << "RFC 1123";
        QTest::newRow("host bad ipv4") << "0"
                                       << "host"
                                       << "10.0.0.256"
                                       << "RFC 1123";
        QTest::newRow("host name ok") << "0"
                                      << "host"
                                      << "db1.example.net"
                                      << "";
        // 4 labels of 63: 255 characters; 3 of 63 and one of 61: 253, the most a name may have
        QTest::newRow("host over 253")
            << "0"
            << "host" << QStringList(4, QString(63, QLatin1Char('a'))).join(QLatin1Char('.'))
            << "at most 253 characters";
        QTest::newRow("host 253 ok") << "0"
                                     << "host"
                                     << QStringList(3, QString(63, QLatin1Char('a'))).join(QLatin1Char('.'))
                + QLatin1Char('.') + QString(61, QLatin1Char('b'))
                                     << "";
        QTest::newRow("host ipv6 ok") << "0"
                                      << "host"
                                      << "fd00::1"
                                      << "";
        QTest::newRow("host ipv6 brackets") << "0"
                                            << "host"
                                            << "[fd00::1]"
                                            << "without brackets";
        QTest::newRow("ssh host") << "0.ssh"
                                  << "host"
                                  << "h\nx"
                                  << "servers[0].ssh: \"host\"";
        QTest::newRow("ssh user") << "0.ssh"
                                  << "user"
                                  << "root\nx"
                                  << "servers[0].ssh: \"user\"";
        QTest::newRow("replication user") << ""
                                          << "replicationUser"
                                          << "repl'--"
                                          << "\"replicationUser\"";
        QTest::newRow("account host pattern ok") << ""
                                                 << "replicationUserHost"
                                                 << "10.0.0.%"
                                                 << "";
        QTest::newRow("account host quote") << ""
                                            << "replicationUserHost"
                                            << "10.0.0.%'"
                                            << "account host";
        QTest::newRow("admin user") << "1"
                                    << "adminUser"
                                    << "root\n"
                                    << "\"adminUser\"";
        QTest::newRow("env name") << "1"
                                  << "adminPasswordEnv"
                                  << "B PW"
                                  << "environment variable name";
        QTest::newRow("keychain ok") << "1"
                                     << "adminPasswordKeychain"
                                     << "sql:root@fd00::1:3306"
                                     << "";
        QTest::newRow("keychain newline")
            << "1"
            << "adminPasswordKeychain"
            << "sql:root@db\n[mysqld]"
            << "servers[1]: \"adminPasswordKeychain\": \"sql:root@db\\n[mysqld]\" is not a "
               "keychain entry name: use 1 to 400 of the letters";
        QTest::newRow("keychain space") << "1"
                                        << "adminPasswordKeychain"
                                        << "sql:root@db 1"
                                        << "_ . @ : / -";
        QTest::newRow("keychain long")
            << "1"
            << "adminPasswordKeychain" << QString(401, QLatin1Char('k')) << "1 to 400";
        QTest::newRow("ssh keychain line separator")
            << "0.ssh"
            << "passwordKeychain" << QStringLiteral("ssh:root@db\u2028x")
            << "servers[0].ssh: \"passwordKeychain\": \"ssh:root@db\\u2028x\"";
        QTest::newRow("ssh keychain ok") << "0.ssh"
                                         << "passwordKeychain"
                                         << "ssh:root@192.168.1.108:22"
                                         << "";
        QTest::newRow("config file newline") << "1"
                                             << "configFile"
                                             << "/etc/my.cnf\n#"
                                             << "control character";
        // issue 16, defect 4: "../../etc/passwd" was backed up and rewritten
        QTest::newRow("config file relative")
            << "1"
            << "configFile"
            << "../../etc/passwd"
            << "servers[1]: \"configFile\": \"../../etc/passwd\" is not an absolute path";
        QTest::newRow("config file dot-dot") << "0"
                                             << "configFile"
                                             << "/etc/mysql/conf.d/../../passwd"
                                             << "\"..\" component";
        QTest::newRow("config file dot") << "0"
                                         << "configFile"
                                         << "/etc/mysql/./my.cnf"
                                         << "\".\" component";
        QTest::newRow("config file folder") << "0"
                                            << "configFile"
                                            << "/etc/mysql/conf.d/"
                                            << "names a folder";
        QTest::newRow("config file absolute ok") << "0"
                                                 << "configFile"
                                                 << "/etc/mysql/mariadb.conf.d/50-server.cnf"
                                                 << "";
        QTest::newRow("config file auto ok") << "0"
                                             << "configFile"
                                             << "auto"
                                             << "";
        QTest::newRow("restart newline") << "1"
                                         << "restartCommand"
                                         << "true\nreboot"
                                         << "control character";
        QTest::newRow("restart ok") << "1"
                                    << "restartCommand"
                                    << "systemctl restart 'mariadb'"
                                    << "";
    }
    void valueRules()
    {
        QFETCH(QString, server);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, message);
        QJsonObject o = example();
        if (server.isEmpty()) {
            o.insert(key, value);
        } else {
            QJsonArray servers = o.value(QStringLiteral("servers")).toArray();
            const int i = server.left(1).toInt();
            QJsonObject s = servers.at(i).toObject();
            if (server.endsWith(QLatin1String(".ssh"))) {
                QJsonObject ssh = s.value(QStringLiteral("ssh")).toObject();
                ssh.insert(key, value);
                s.insert(QStringLiteral("ssh"), ssh);
            } else {
                s.insert(key, value);
            }
            servers[i] = s;
            o.insert(QStringLiteral("servers"), servers);
        }
        auto p = PairProfile::fromJson(o);
        if (message.isEmpty()) {
            QVERIFY2(p.has_value(), qPrintable(p ? QString() : p.error().text));
            return;
        }
        QVERIFY(!p);
        QVERIFY2(p.error().text.contains(message), qPrintable(p.error().text));
        // the value is shown with its line breaks escaped: one problem, one line
        for (const QString& line : p.error().text.split(QLatin1Char('\n')))
            QVERIFY2(!line.startsWith(QLatin1String("[mysqld]")) && !line.startsWith(QLatin1String("max-")),
                qPrintable(p.error().text));
    }
    void restartTimeout_data()
    {
        QTest::addColumn<QJsonValue>("value"); ///< B's "restartTimeoutSeconds"; undefined: absent
        QTest::addColumn<int>("seconds"); ///< as read; 0: rejected
        QTest::addColumn<QString>("message");
        QTest::newRow("absent: default") << QJsonValue(QJsonValue::Undefined) << 90 << "";
        QTest::newRow("null: default") << QJsonValue(QJsonValue::Null) << 90 << "";
        QTest::newRow("large buffer pool") << QJsonValue(600) << 600 << "";
        QTest::newRow("lowest") << QJsonValue(10) << 10 << "";
        QTest::newRow("highest") << QJsonValue(3600) << 3600 << "";
        QTest::newRow("too short") << QJsonValue(9) << 0 << "give 10 to 3600 seconds";
        QTest::newRow("too long") << QJsonValue(3601) << 0 << "give 10 to 3600 seconds";
        QTest::newRow("negative") << QJsonValue(-90) << 0 << "give 10 to 3600 seconds";
        QTest::newRow("fraction") << QJsonValue(90.5) << 0 << "must be a whole number";
        QTest::newRow("string") << QJsonValue(QStringLiteral("90")) << 0 << "must be a whole number";
    }
    void restartTimeout()
    {
        QFETCH(QJsonValue, value);
        QFETCH(int, seconds);
        QFETCH(QString, message);
        QJsonObject o = example();
        QJsonArray servers = o.value(QStringLiteral("servers")).toArray();
        QJsonObject b = servers.at(1).toObject();
        if (!value.isUndefined())
            b.insert(QStringLiteral("restartTimeoutSeconds"), value);
        servers[1] = b;
        o.insert(QStringLiteral("servers"), servers);
        auto p = PairProfile::fromJson(o);
        if (seconds == 0) {
            QVERIFY(!p);
            QVERIFY2(
                p.error().text.contains(QStringLiteral("restartTimeoutSeconds")), qPrintable(p.error().text));
            QVERIFY2(p.error().text.contains(message), qPrintable(p.error().text));
            return;
        }
        QVERIFY2(p, qPrintable(p ? QString() : p.error().text));
        QCOMPARE(p->servers[1].restartTimeoutSeconds, seconds);
        QCOMPARE(p->servers[0].restartTimeoutSeconds, 90);
        // written back as read
        auto again = PairProfile::fromJson(p->toJson());
        QVERIFY(again);
        QCOMPARE(again->servers[1].restartTimeoutSeconds, seconds);
    }
    void databaseNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("plain") << QStringLiteral("orders_2024") << true;
        QTest::newRow("unicode letters") << QStringLiteral("订单") << true;
        QTest::newRow("newline") << QStringLiteral("a\nb") << false;
        QTest::newRow("line separator") << QStringLiteral("a\u2028replicate-do-db=mysql") << false;
        QTest::newRow("paragraph separator") << QStringLiteral("a\u2029b") << false;
        QTest::newRow("next line") << QStringLiteral("a\u0085b") << false;
        QTest::newRow("comment") << QStringLiteral("a#b") << false;
        QTest::newRow("comma") << QStringLiteral("a,b") << false;
        QTest::newRow("blank") << QStringLiteral(" a") << false;
    }
    /** A database name goes into option files and filter lists: nothing in it may start a new line. */
    void databaseNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, accepted);
        for (const char* key : { "databases", "ignoreDatabases" }) {
            QJsonObject o = example();
            o.insert(QLatin1String(key), QJsonArray { name });
            auto p = PairProfile::fromJson(o);
            QCOMPARE(p.has_value(), accepted);
            if (accepted)
                continue;
            QVERIFY2(p.error().text.contains(QStringLiteral("in \"%1\"").arg(QLatin1String(key))),
                qPrintable(p.error().text));
            QVERIFY2(!p.error().text.contains(QChar(0x2028)) && !p.error().text.contains(QChar(0x2029))
                    && !p.error().text.contains(QChar(0x85)),
                qPrintable(p.error().text)); // shown escaped
        }
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
    void sshAgent()
    {
        // "agent": true, kept through a save; absent means false
        QJsonObject o = example();
        QJsonArray servers = o.value(QStringLiteral("servers")).toArray();
        QJsonObject a = servers.at(0).toObject();
        QJsonObject ssh = a.value(QStringLiteral("ssh")).toObject();
        ssh.remove(QStringLiteral("keyFile"));
        ssh.insert(QStringLiteral("agent"), true);
        a.insert(QStringLiteral("ssh"), ssh);
        servers[0] = a;
        o.insert(QStringLiteral("servers"), servers);
        auto p = PairProfile::fromJson(o);
        QVERIFY2(p, qPrintable(p ? QString() : p.error().text));
        QVERIFY(p->servers[0].ssh.agent);
        auto again = PairProfile::fromJson(p->toJson());
        QVERIFY(again && again->servers[0].ssh.agent);
        QVERIFY(!PairProfile::fromJson(example())->servers[0].ssh.agent);
        // written only when true: profiles without it stay as they were
        const QJsonObject plain = PairProfile::fromJson(example())->toJson();
        QVERIFY(!plain["servers"].toArray()[0].toObject()["ssh"].toObject().contains("agent"));
        QCOMPARE(p->toJson()["servers"].toArray()[0].toObject()["ssh"].toObject()["agent"], QJsonValue(true));
        // with a key file it contradicts itself; not a boolean is refused too
        ssh.insert(QStringLiteral("keyFile"), QStringLiteral("~/.ssh/id_ed25519"));
        a.insert(QStringLiteral("ssh"), ssh);
        servers[0] = a;
        o.insert(QStringLiteral("servers"), servers);
        auto both = PairProfile::fromJson(o);
        QVERIFY(!both);
        QVERIFY2(both.error().text.contains(QStringLiteral("servers[0].ssh"))
                && both.error().text.contains("\"agent\""),
            qPrintable(both.error().text));
        ssh.remove(QStringLiteral("keyFile"));
        ssh.insert(QStringLiteral("agent"), QStringLiteral("yes"));
        a.insert(QStringLiteral("ssh"), ssh);
        servers[0] = a;
        o.insert(QStringLiteral("servers"), servers);
        QVERIFY(!PairProfile::fromJson(o));
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
