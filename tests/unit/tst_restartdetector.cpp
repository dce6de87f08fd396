#include "host/restartdetector.h"
#include "support/fakehostshell.h"

#include <QTest>

static QByteArray cmdline(std::initializer_list<const char*> args)
{
    QByteArray out;
    for (const char* a : args)
        out += QByteArray(a) + '\0';
    return out;
}

/** restartCommand "auto": the unit in the server's cgroup, else the usual units, else init scripts. */
class TestRestartDetector : public QObject
{
    Q_OBJECT

    static ServerProcess::Hint pid(qint64 p)
    {
        ServerProcess::Hint h;
        h.pid = p;
        return h;
    }

private Q_SLOTS:
    void isDatabaseUnit_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<bool>("database");
        QTest::newRow("mariadb") << "mariadb.service" << true;
        QTest::newRow("mysql") << "mysql.service" << true;
        QTest::newRow("mysqld") << "mysqld.service" << true;
        QTest::newRow("template") << "mysqld@.service" << true;
        QTest::newRow("instance") << "mariadb@replica.service" << true;
        QTest::newRow("socket") << "mariadb.socket" << false;
        QTest::newRow("router") << "mysqlrouter.service" << false;
        QTest::newRow("cron") << "cron.service" << false;
    }
    void isDatabaseUnit()
    {
        QFETCH(QString, unit);
        QTEST(RestartDetector::isDatabaseUnit(unit), "database");
    }

    void parseUnits()
    {
        const auto files = RestartDetector::parseUnits("mariadb.service                enabled  enabled\n"
                                                       "mariadb@.service               disabled enabled\n"
                                                       "mysql.service                  alias    -\n"
                                                       "ssh.service                    enabled  enabled\n");
        QCOMPARE(files.size(), 4);
        QCOMPARE(files.at(2).name, QString("mysql.service"));
        QCOMPARE(files.at(2).state, QString("alias"));
        const auto active
            = RestartDetector::parseUnits("mysqld@b.service loaded active running MySQL Server b\n"
                                          "● cron.service loaded active running Regular background\n");
        QCOMPARE(active.size(), 2);
        QCOMPARE(active.at(0).state, QString("active"));
        QCOMPARE(active.at(1).name, QString("cron.service"));
    }

    void chooseUnit_data()
    {
        QTest::addColumn<QString>("files");
        QTest::addColumn<QString>("active");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("whyContains");
        QTest::newRow("debian mariadb, running")
            << "mariadb.service enabled enabled\nmysql.service alias -\nmysqld.service alias -\n"
            << "mariadb.service loaded active running MariaDB\n"
            << "mariadb.service"
            << "";
        QTest::newRow("installed, stopped") << "mysql.service enabled enabled\n"
                                            << ""
                                            << "mysql.service"
                                            << "";
        QTest::newRow("rhel mysqld")
            << "mysqld.service disabled disabled\nmysqld@.service disabled disabled\n"
            << ""
            << "mysqld.service"
            << "";
        QTest::newRow("one running instance") << "mysqld@.service disabled disabled\n"
                                              << "mysqld@orders.service loaded active running MySQL orders\n"
                                              << "mysqld@orders.service"
                                              << "";
        QTest::newRow("only a template") << "mysqld@.service disabled disabled\n"
                                         << ""
                                         << ""
                                         << "mysqld@NAME.service";
        QTest::newRow("two running")
            << "mysqld@.service disabled disabled\n"
            << "mysqld@a.service loaded active running a\nmysqld@b.service loaded active running b\n"
            << ""
            << "mysqld@a.service, mysqld@b.service";
        QTest::newRow("masked") << "mariadb.service masked masked\n"
                                << ""
                                << ""
                                << "no mariadb";
        QTest::newRow("nothing") << "ssh.service enabled enabled\n"
                                 << ""
                                 << ""
                                 << "no mariadb";
    }
    void chooseUnit()
    {
        QFETCH(QString, files);
        QFETCH(QString, active);
        QFETCH(QString, unit);
        QFETCH(QString, whyContains);
        QString why;
        QCOMPARE(RestartDetector::chooseUnit(
                     RestartDetector::parseUnits(files), RestartDetector::parseUnits(active), &why),
            unit);
        if (!whyContains.isEmpty())
            QVERIFY2(why.contains(whyContains), qPrintable(why));
    }

    void theUnitInTheCgroupDecides()
    {
        FakeHostShell host;
        host.addCommand("test -d /run/systemd/system", "");
        host.addCommand("id -u", "0\n");
        host.files.insert("/proc/55/cmdline", cmdline({ "/usr/sbin/mysqld", "--defaults-group-suffix=@b" }));
        host.files.insert("/proc/55/cgroup", "0::/system.slice/system-mysqld.slice/mysqld@b.service\n");
        RestartDetector detector(host, "B");
        auto m = detector.detect(pid(55));
        QVERIFY2(m.has_value(), qPrintable(m ? QString() : m.error().text));
        QCOMPARE(m->command, QString("systemctl restart mysqld@b.service"));
        QVERIFY2(m->description.contains("pid 55"), qPrintable(m->description));
        QVERIFY(m->warnings.isEmpty());
    }

    void aServerStartedByHandIsNotRestartedByTheHostsUnit()
    {
        FakeHostShell host;
        host.addCommand("test -d /run/systemd/system", "");
        host.files.insert("/proc/55/cmdline", cmdline({ "/usr/sbin/mariadbd", "--port=3310" }));
        host.files.insert("/proc/55/cgroup", "0::/user.slice/user-1000.slice/session-4.scope\n");
        RestartDetector detector(host, "B");
        auto m = detector.detect(pid(55));
        QVERIFY(!m);
        QVERIFY2(m.error().text.contains("restartCommand"), qPrintable(m.error().text));
    }

    void unitFilesWhenTheProcessIsUnknown()
    {
        FakeHostShell host;
        host.addCommand("test -d /run/systemd/system", "");
        host.addCommand("list-unit-files", "mariadb.service enabled enabled\nmysql.service alias -\n");
        host.addCommand("list-units", "mariadb.service loaded active running MariaDB\n");
        host.addCommand("id -u", "1000\n");
        RestartDetector detector(host, "A");
        auto m = detector.detect({});
        QVERIFY2(m.has_value(), qPrintable(m ? QString() : m.error().text));
        QCOMPARE(m->command, QString("systemctl restart mariadb.service"));
        QCOMPARE(m->warnings.size(), 1); // not root
    }

    void initScriptsWithoutSystemd()
    {
        FakeHostShell host;
        host.addCommand("test -d /run/systemd/system", "", 1);
        host.addCommand("id -u", "0\n");
        host.files.insert("/etc/init.d/mysql", "#!/bin/sh\n");
        host.files.insert("/proc/9/cmdline", cmdline({ "/usr/sbin/mysqld", "--basedir=/usr" }));
        host.files.insert(
            "/proc/10/cmdline", cmdline({ "/usr/sbin/mariadbd", "--defaults-file=/srv/sandbox/my.cnf" }));
        RestartDetector detector(host, "A");
        auto m = detector.detect(pid(9));
        QVERIFY2(m.has_value(), qPrintable(m ? QString() : m.error().text));
        QCOMPARE(m->command, QString("/etc/init.d/mysql restart"));
        // a sandbox-like server of its own must not be "restarted" by the host's init script
        auto own = detector.detect(pid(10));
        QVERIFY(!own);
        QVERIFY2(own.error().text.contains("option file of its own"), qPrintable(own.error().text));
    }

    void noGuessWhenTheServerCannotBeToldApart()
    {
        FakeHostShell host;
        host.addCommand("test -d /run/systemd/system", "", 1);
        host.addCommand("/proc/[0-9]*", "9\n10\n");
        host.files.insert("/etc/init.d/mariadb", "#!/bin/sh\n");
        host.files.insert("/proc/9/cmdline", cmdline({ "/usr/sbin/mariadbd" }));
        host.files.insert("/proc/10/cmdline", cmdline({ "/usr/sbin/mariadbd" }));
        RestartDetector detector(host, "A");
        ServerProcess::Hint hint;
        hint.port = 3399;
        auto m = detector.detect(hint);
        QVERIFY(!m);
        QVERIFY2(m.error().text.contains("restartCommand"), qPrintable(m.error().text));
    }
};

QTEST_APPLESS_MAIN(TestRestartDetector)
#include "tst_restartdetector.moc"
