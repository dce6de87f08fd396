#include "config/configlocator.h"
#include "support/fakehostshell.h"

#include <QTest>

static QByteArray cmdline(std::initializer_list<const char*> args)
{
    QByteArray out;
    for (const char* a : args)
        out += QByteArray(a) + '\0';
    return out;
}

/** configFile "auto": the command line first, then the binary's default files with their includes. */
class TestConfigLocator : public QObject
{
    Q_OBJECT

    static void addServer(FakeHostShell& host, qint64 pid, const QByteArray& args)
    {
        host.files.insert(QStringLiteral("/proc/%1/cmdline").arg(pid), args);
        host.files.insert(QStringLiteral("/proc/%1/cgroup").arg(pid), "0::/\n");
    }
    static ServerProcess::Hint pid(qint64 p)
    {
        ServerProcess::Hint h;
        h.pid = p;
        return h;
    }

private Q_SLOTS:
    void commandLineFiles_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("defaultsFile");
        QTest::addColumn<QString>("extraFile");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<bool>("noDefaults");
        const QString bin = "/usr/sbin/mariadbd";
        QTest::newRow("none") << QStringList { bin, "--port=3306" } << ""
                              << ""
                              << "" << false;
        QTest::newRow("defaults-file")
            << QStringList { bin, "--defaults-file=/srv/a/my.cnf" } << "/srv/a/my.cnf"
            << ""
            << "" << false;
        QTest::newRow("extra file, separate word")
            << QStringList { bin, "--defaults-extra-file", "/etc/b.cnf" } << ""
            << "/etc/b.cnf"
            << "" << false;
        QTest::newRow("group suffix") << QStringList { bin, "--defaults-group-suffix=2" } << ""
                                      << ""
                                      << "2" << false;
        QTest::newRow("no-defaults") << QStringList { bin, "--no-defaults", "--datadir=/x" } << ""
                                     << ""
                                     << "" << true;
        QTest::newRow("mysqld_safe style") << QStringList { "/usr/sbin/mysqld", "--defaults-file=/etc/my.cnf",
            "--basedir=/usr", "--plugin-dir=/usr/lib/mysql/plugin" }
                                           << "/etc/my.cnf"
                                           << ""
                                           << "" << false;
    }
    void commandLineFiles()
    {
        QFETCH(QStringList, args);
        const auto f = ConfigLocator::commandLineFiles(args);
        QTEST(f.defaultsFile, "defaultsFile");
        QTEST(f.extraFile, "extraFile");
        QTEST(f.groupSuffix, "suffix");
        QTEST(f.noDefaults, "noDefaults");
    }

    void parseDefaultFilesHelp_data()
    {
        QTest::addColumn<QString>("help");
        QTest::addColumn<QStringList>("files");
        QTest::newRow("mariadb 10.11")
            << "mariadbd  Ver 10.11.6\nDefault options are read from the following files in the given "
               "order:\n"
               "/etc/my.cnf /etc/mysql/my.cnf ~/.my.cnf \nThe following groups are read: mysqld server\n"
            << QStringList { "/etc/my.cnf", "/etc/mysql/my.cnf", "~/.my.cnf" };
        QTest::newRow("mysql 8") << "Default options are read from the following files in the given order:\n"
                                    "/etc/my.cnf /etc/mysql/my.cnf /usr/etc/my.cnf ~/.my.cnf\n"
                                 << QStringList { "/etc/my.cnf", "/etc/mysql/my.cnf", "/usr/etc/my.cnf",
                                        "~/.my.cnf" };
        QTest::newRow("absent") << "mysqld: unknown option\n" << QStringList();
    }
    void parseDefaultFilesHelp()
    {
        QFETCH(QString, help);
        QTEST(ConfigLocator::parseDefaultFilesHelp(help), "files");
    }

    void includes_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("expected"); // "dir:" or "file:" + path
        QTest::newRow("debian my.cnf")
            << QByteArray("[client-server]\nsocket = /run/mysqld/mysqld.sock\n\n"
                          "!includedir /etc/mysql/conf.d/\n!includedir /etc/mysql/mariadb.conf.d/\n")
            << QStringList { "dir:/etc/mysql/conf.d", "dir:/etc/mysql/mariadb.conf.d" };
        QTest::newRow("file and relative") << QByteArray("!include extra.cnf\n  !includedir   my.cnf.d  \n")
                                           << QStringList { "file:/etc/extra.cnf", "dir:/etc/my.cnf.d" };
        QTest::newRow("comments and lookalikes") << QByteArray(
            "# !includedir /nope\n;!include /nope\n!includedirs /nope\n"
            "[mysqld]\nlog-bin = !include\n") << QStringList();
    }
    void includes()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, expected);
        QStringList got;
        for (const auto& inc : ConfigLocator::includes(content, "/etc"))
            got << (inc.directory ? "dir:" : "file:") + inc.path;
        QCOMPARE(got, expected);
    }

    void twoServersOnOneHostEachGetTheirOwnFile()
    {
        FakeHostShell host;
        addServer(
            host, 100, cmdline({ "/usr/sbin/mariadbd", "--defaults-file=/srv/a/my.cnf", "--port=3306" }));
        addServer(
            host, 200, cmdline({ "/usr/sbin/mariadbd", "--defaults-file=/srv/b/my.cnf", "--port=3307" }));
        host.addCommand("/proc/[0-9]*", "100\n200\n");
        host.files.insert("/srv/a/my.cnf", "[mysqld]\nport=3306\n!includedir /srv/a/conf.d\n");
        host.files.insert("/srv/a/conf.d/10-base.cnf", "[mysqld]\n");
        host.files.insert("/srv/b/my.cnf", "[mysqld]\nport=3307\n");
        ConfigLocator locator(host, "A");
        ServerProcess::Hint a;
        a.port = 3306;
        ServerProcess::Hint b;
        b.port = 3307;
        auto la = locator.locate(a, Flavor::MariaDB);
        auto lb = locator.locate(b, Flavor::MariaDB);
        QVERIFY2(la && lb, qPrintable(!la ? la.error().text : lb ? QString() : lb.error().text));
        QCOMPARE(la->mainFile, QString("/srv/a/my.cnf"));
        QCOMPARE(lb->mainFile, QString("/srv/b/my.cnf"));
        QCOMPARE(la->readOrder, (QStringList { "/srv/a/my.cnf", "/srv/a/conf.d/10-base.cnf" }));
        QVERIFY(la->reason.contains("--defaults-file"));
        QVERIFY(la->warnings.isEmpty());
    }

    void defaultFilesFollowIncludes()
    {
        FakeHostShell host;
        addServer(host, 7, cmdline({ "/usr/sbin/mariadbd", "--basedir=/usr" }));
        host.addCommand("--help --verbose",
            "Default options are read from the following files in the given order:\n/etc/my.cnf "
            "/etc/mysql/my.cnf ~/.my.cnf\n");
        host.addCommand("/proc/[0-9]*", "7\n8\n");
        addServer(host, 8,
            cmdline({ "/usr/sbin/mariadbd", "--port=3310" })); // a second server without a file of its own
        host.files.insert("/etc/mysql/my.cnf",
            "[client-server]\n!includedir /etc/mysql/conf.d/\n!includedir /etc/mysql/mariadb.conf.d/\n");
        host.files.insert("/etc/mysql/conf.d/mysql.cnf", "[mysql]\n");
        host.files.insert(
            "/etc/mysql/mariadb.conf.d/50-server.cnf", "[mysqld]\n!include /etc/mysql/extra.cnf\n");
        host.files.insert("/etc/mysql/mariadb.conf.d/50-client.cnf", "[client]\n");
        host.files.insert("/etc/mysql/extra.cnf", "[mysqld]\n");
        ConfigLocator locator(host, "A");
        auto loc = locator.locate(pid(7), Flavor::MariaDB);
        QVERIFY2(loc.has_value(), qPrintable(loc ? QString() : loc.error().text));
        QCOMPARE(loc->mainFile, QString("/etc/mysql/my.cnf"));
        QCOMPARE(loc->readOrder,
            (QStringList { "/etc/mysql/my.cnf", "/etc/mysql/conf.d/mysql.cnf",
                "/etc/mysql/mariadb.conf.d/50-client.cnf", "/etc/mysql/mariadb.conf.d/50-server.cnf",
                "/etc/mysql/extra.cnf" }));
        QCOMPARE(loc->warnings.size(), 1);
        QVERIFY2(loc->warnings.first().contains("pid 8"), qPrintable(loc->warnings.first()));
    }

    void extraFileWinsOverTheGlobalOnes()
    {
        FakeHostShell host;
        addServer(host, 7, cmdline({ "/usr/sbin/mysqld", "--defaults-extra-file=/etc/mysql/instance2.cnf" }));
        host.files.insert("/etc/my.cnf", "[mysqld]\n");
        host.files.insert("/etc/mysql/instance2.cnf", "[mysqld]\nport=3307\n");
        ConfigLocator locator(host, "A");
        auto loc = locator.locate(pid(7), Flavor::MySQL); // binary cannot be asked: the flavor's list
        QVERIFY2(loc.has_value(), qPrintable(loc ? QString() : loc.error().text));
        QCOMPARE(loc->mainFile, QString("/etc/mysql/instance2.cnf"));
        QCOMPARE(loc->readOrder, (QStringList { "/etc/my.cnf", "/etc/mysql/instance2.cnf" }));
    }

    void noDefaultsAndNoFilesAreExplained()
    {
        FakeHostShell host;
        addServer(host, 7, cmdline({ "/usr/sbin/mysqld", "--no-defaults", "--port=3306" }));
        addServer(host, 8, cmdline({ "/usr/sbin/mysqld", "--port=3307" }));
        ConfigLocator locator(host, "A");
        auto none = locator.locate(pid(7), Flavor::MySQL);
        QVERIFY(!none);
        QVERIFY2(none.error().text.contains("--no-defaults"), qPrintable(none.error().text));
        auto missing = locator.locate(pid(8), Flavor::MySQL);
        QVERIFY(!missing);
        QVERIFY2(missing.error().text.contains("/etc/my.cnf") && missing.error().text.contains("configFile"),
            qPrintable(missing.error().text));
    }
};

QTEST_APPLESS_MAIN(TestConfigLocator)
#include "tst_configlocator.moc"
