#include "host/serverprocess.h"
#include "support/fakehostshell.h"

#include <QTest>

static QByteArray cmdline(std::initializer_list<const char*> args)
{
    QByteArray out;
    for (const char* a : args)
        out += QByteArray(a) + '\0';
    return out;
}

/** Reading a running server's command line and cgroup, and finding it by pid file or port. */
class TestServerProcess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitCmdline()
    {
        QCOMPARE(ServerProcess::splitCmdline(
                     cmdline({ "/usr/sbin/mariadbd", "--defaults-file=/a b/my.cnf", "--port=3307" })),
            (QStringList { "/usr/sbin/mariadbd", "--defaults-file=/a b/my.cnf", "--port=3307" }));
        QCOMPARE(ServerProcess::splitCmdline(QByteArray()), QStringList());
    }

    void optionValue_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("present");
        QTest::addColumn<QString>("value");
        const QString bin = "/usr/sbin/mysqld";
        QTest::newRow("equals") << QStringList { bin, "--port=3307" } << "port" << true << "3307";
        QTest::newRow("separate word")
            << QStringList { bin, "--datadir", "/var/lib/b" } << "datadir" << true << "/var/lib/b";
        QTest::newRow("underscore = dash")
            << QStringList { bin, "--defaults_file=/x.cnf" } << "defaults-file" << true << "/x.cnf";
        QTest::newRow("last wins") << QStringList { bin, "--port=1", "--port=2" } << "port" << true << "2";
        QTest::newRow("flag") << QStringList { bin, "--no-defaults", "--port=1" } << "no-defaults" << true
                              << "";
        QTest::newRow("absent") << QStringList { bin, "--port=1" } << "socket" << false << "";
        QTest::newRow("prefix is not a match")
            << QStringList { bin, "--port-open-timeout=5" } << "port" << false << "";
        QTest::newRow("program name ignored") << QStringList { "--port=9" } << "port" << false << "";
    }
    void optionValue()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, name);
        QFETCH(bool, present);
        QFETCH(QString, value);
        bool found = !present;
        QCOMPARE(ServerProcess::optionValue(args, name, &found), value);
        QCOMPARE(found, present);
    }

    void systemdUnit_data()
    {
        QTest::addColumn<QByteArray>("cgroup");
        QTest::addColumn<QString>("unit");
        QTest::newRow("v2") << QByteArray("0::/system.slice/mariadb.service\n") << "mariadb.service";
        QTest::newRow("v2 template") << QByteArray(
            "0::/system.slice/system-mysqld.slice/mysqld@replica.service\n")
                                     << "mysqld@replica.service";
        QTest::newRow("v2 delegated subgroup")
            << QByteArray("0::/system.slice/mysql.service/payload\n") << "mysql.service";
        QTest::newRow("v1") << QByteArray(
            "12:pids:/system.slice/mysqld.service\n1:name=systemd:/system.slice/mysqld.service\n")
                            << "mysqld.service";
        QTest::newRow("user session") << QByteArray("0::/user.slice/user-0.slice/session-3.scope\n") << "";
        QTest::newRow("container root") << QByteArray("0::/\n") << "";
        QTest::newRow("empty") << QByteArray() << "";
    }
    void systemdUnit()
    {
        QFETCH(QByteArray, cgroup);
        QFETCH(QString, unit);
        QCOMPARE(ServerProcess::systemdUnit(cgroup), unit);
    }

    void pidsFromSs()
    {
        const QString out = "LISTEN 0 80 127.0.0.1:3307 0.0.0.0:* users:((\"mariadbd\",pid=812,fd=21))\n"
                            "LISTEN 0 80 [::1]:3307 [::]:* users:((\"mariadbd\",pid=812,fd=22))\n";
        QCOMPARE(ServerProcess::pidsFromSs(out), (QList<qint64> { 812 }));
        QCOMPARE(ServerProcess::pidsFromSs(QString()), QList<qint64>());
    }

    void findsByPidFileRelativeToDatadir()
    {
        FakeHostShell host;
        host.files.insert("/var/lib/b/host.pid", "4242\n");
        host.files.insert("/proc/4242/cmdline", cmdline({ "/usr/sbin/mysqld", "--port=3308" }));
        host.files.insert("/proc/4242/cgroup", "0::/system.slice/mysqld@b.service\n");
        ServerProcess::Hint hint;
        hint.pidFile = "host.pid";
        hint.dataDir = "/var/lib/b";
        auto p = ServerProcess::find(host, hint, "B");
        QVERIFY2(p.has_value(), qPrintable(p ? QString() : p.error().text));
        QCOMPARE(p->pid(), 4242);
        QCOMPARE(p->option("port"), QString("3308"));
    }

    void findsByPortAmongSeveral()
    {
        FakeHostShell host;
        host.addCommand("/proc/[0-9]*", "100\n200\n");
        host.files.insert("/proc/100/cmdline",
            cmdline({ "/usr/sbin/mariadbd", "--defaults-file=/srv/a/my.cnf", "--port=3306" }));
        host.files.insert("/proc/200/cmdline",
            cmdline({ "/usr/sbin/mariadbd", "--defaults-file=/srv/b/my.cnf", "--port=3307" }));
        ServerProcess::Hint hint;
        hint.port = 3307;
        auto p = ServerProcess::find(host, hint, "B");
        QVERIFY2(p.has_value(), qPrintable(p ? QString() : p.error().text));
        QCOMPARE(p->pid(), 200);
        hint.port = 3399;
        auto none = ServerProcess::find(host, hint, "B");
        QVERIFY(!none);
        QVERIFY2(none.error().text.contains("3399"), qPrintable(none.error().text));
    }

    void findsByThePortInItsOwnOptionFile()
    {
        FakeHostShell host;
        host.addCommand("/proc/[0-9]*", "100\n200\n");
        host.files.insert(
            "/proc/100/cmdline", cmdline({ "/usr/sbin/mariadbd", "--defaults-file=/srv/a/my.cnf" }));
        host.files.insert(
            "/proc/200/cmdline", cmdline({ "/usr/sbin/mariadbd", "--defaults-file=/srv/b/my.cnf" }));
        host.files.insert("/srv/a/my.cnf", "[mysqld]\nport = 3306\n");
        host.files.insert("/srv/b/my.cnf", "[client]\nsocket=/x\n[mysqld]\nport=3307\ndatadir=/srv/b\n");
        ServerProcess::Hint hint;
        hint.pidFile = "/srv/b/unreadable.pid";
        hint.port = 3307;
        auto p = ServerProcess::find(host, hint, "B");
        QVERIFY2(p.has_value(), qPrintable(p ? QString() : p.error().text));
        QCOMPARE(p->pid(), 200);
    }
};

QTEST_APPLESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
