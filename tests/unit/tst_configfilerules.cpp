#include "config/configfilerules.h"

#include <QTest>

/** "configFile" of a profile: one of the files the server reads (or a new drop-in in one of its folders),
 *  and an option file (issue 16, defect 4: "../../etc/passwd" was backed up and rewritten). */
class TestConfigFileRules : public QObject
{
    Q_OBJECT

    static QStringList readOrder()
    {
        return { QStringLiteral("/etc/mysql/my.cnf"), QStringLiteral("/etc/mysql/mariadb.cnf"),
            QStringLiteral("/etc/mysql/mariadb.conf.d/50-server.cnf") };
    }
    static QStringList includeDirs()
    {
        return { QStringLiteral("/etc/mysql/conf.d"), QStringLiteral("/etc/mysql/mariadb.conf.d") };
    }

private Q_SLOTS:
    void placement_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("problem"); // empty: accepted
        QTest::newRow("main file") << "/etc/mysql/my.cnf"
                                   << "";
        QTest::newRow("included file") << "/etc/mysql/mariadb.conf.d/50-server.cnf"
                                       << "";
        QTest::newRow("new drop-in") << "/etc/mysql/conf.d/60-replipair.cnf"
                                     << "";
        QTest::newRow("drop-in not read") << "/etc/mysql/conf.d/60-replipair.conf"
                                          << "only the *.cnf";
        QTest::newRow("passwd") << "/etc/passwd"
                                << "is not one of the option files the server reads";
        QTest::newRow("beside the tree") << "/etc/mysql/debian.cnf"
                                         << "is not one of the option files";
        QTest::newRow("sub-folder of an includedir") << "/etc/mysql/conf.d/x/y.cnf"
                                                     << "is not one of the option files";
        QTest::newRow("not cleaned") << "/etc/mysql//my.cnf"
                                     << "";
    }
    void placement()
    {
        QFETCH(QString, path);
        QFETCH(QString, problem);
        const auto p = ConfigFileRules::placement(path, readOrder(), includeDirs());
        if (problem.isEmpty())
            QVERIFY2(!p, qPrintable(p.value_or(QString())));
        else
            QVERIFY2(p && p->contains(problem), qPrintable(p.value_or(QStringLiteral("accepted"))));
    }

    void placementThroughLinks()
    {
        // Debian: /etc/mysql/my.cnf → /etc/alternatives/my.cnf → /etc/mysql/mariadb.cnf
        const QMap<QString, QString> real { { "/etc/mysql/my.cnf", "/etc/mysql/mariadb.cnf" },
            { "/etc/alternatives/my.cnf", "/etc/mysql/mariadb.cnf" } };
        QVERIFY(!ConfigFileRules::placement("/etc/alternatives/my.cnf", { "/etc/mysql/my.cnf" }, {}, real));
        QVERIFY(ConfigFileRules::placement("/etc/alternatives/my.cnf", { "/etc/mysql/my.cnf" }, {}));
        // a folder reached through a link
        const QMap<QString, QString> dir { { "/srv/cnf/new.cnf", "/etc/mysql/conf.d/new.cnf" },
            { "/etc/mysql/conf.d", "/etc/mysql/conf.d" } };
        QVERIFY(!ConfigFileRules::placement("/srv/cnf/new.cnf", {}, { "/etc/mysql/conf.d" }, dir));
    }

    void content_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("problem"); // empty: an option file
        QTest::newRow("empty") << QByteArray() << "";
        QTest::newRow("debian my.cnf") << QByteArray("# The MariaDB configuration file\n"
                                                     "[client-server]\n"
                                                     "socket = /run/mysqld/mysqld.sock\n\n"
                                                     "!includedir /etc/mysql/conf.d/\n"
                                                     "!includedir /etc/mysql/mariadb.conf.d/\n")
                                       << "";
        QTest::newRow("server section") << QByteArray("[mysqld]\r\nserver-id=1\r\nskip-name-resolve\r\n"
                                                      "loose-innodb_x = 'a b # c'\r\n; old comment\r\n"
                                                      "validate_password.length = 8\n"
                                                      "log-bin # on\n[mariadb-10.11]\n")
                                        << "";
        QTest::newRow("passwd") << QByteArray("root:x:0:0:root:/root:/bin/bash\n"
                                              "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n")
                                << "line 1 (\"root:x:0:0:root:/root:/bin/bash\") is neither";
        QTest::newRow("option before any group")
            << QByteArray("server-id = 1\n[mysqld]\n") << "outside any [group]";
        QTest::newRow("shell script") << QByteArray("#!/bin/sh\necho hello\n") << "line 2";
        QTest::newRow("binary") << QByteArray("[mysqld]\n\0\1\2", 12) << "binary";
        QTest::newRow("broken group") << QByteArray("[mysqld\nx=1\n") << "line 1";
    }
    void content()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, problem);
        const auto p = ConfigFileRules::content(content);
        if (problem.isEmpty())
            QVERIFY2(!p, qPrintable(p.value_or(QString())));
        else
            QVERIFY2(p && p->contains(problem), qPrintable(p.value_or(QStringLiteral("accepted"))));
    }
};

QTEST_APPLESS_MAIN(TestConfigFileRules)
#include "tst_configfilerules.moc"
