#include "common/textdiff.h"
#include "config/mycnf.h"

#include <QTest>

/** my.cnf parsing and edits: one row per case; an edit keeps every other byte. */
class TestMyCnf : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keys_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("spaces") << "server-id       = 1"
                                << "server_id"
                                << "1";
        QTest::newRow("underscore") << "log_bin=mysql-bin"
                                    << "log_bin"
                                    << "mysql-bin";
        QTest::newRow("flag") << "log-slave-updates"
                              << "log_slave_updates"
                              << "";
        QTest::newRow("loose") << "loose-sync_binlog = 1"
                               << "sync_binlog"
                               << "1";
        QTest::newRow("quoted") << "binlog-do-db = \"te st\""
                                << "binlog_do_db"
                                << "te st";
        QTest::newRow("inline comment") << "auto_increment_offset = 2   # B"
                                        << "auto_increment_offset"
                                        << "2";
        QTest::newRow("upper") << "Server-ID=3"
                               << "server_id"
                               << "3";
    }
    void keys()
    {
        QFETCH(QString, line);
        QFETCH(QString, key);
        QFETCH(QString, value);
        const MyCnf cnf = MyCnf::parse(("[mysqld]\n" + line + "\n").toUtf8());
        QCOMPARE(cnf.lines().size(), 2);
        QCOMPARE(cnf.lines()[1].key, key);
        QCOMPARE(cnf.lines()[1].value, value);
        QCOMPARE(cnf.lines()[1].section, QStringLiteral("mysqld"));
    }

    void serverSections_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<bool>("server");
        QTest::newRow("mysqld") << "mysqld" << true;
        QTest::newRow("server") << "server" << true;
        QTest::newRow("mariadb") << "mariadb" << true;
        QTest::newRow("mariadb-10.11") << "mariadb-10.11" << true;
        QTest::newRow("mysqld-8.0") << "mysqld-8.0" << true;
        QTest::newRow("client") << "client" << false;
        QTest::newRow("mysqldump") << "mysqldump" << false;
        QTest::newRow("mysqld_safe") << "mysqld_safe" << false;
    }
    void serverSections()
    {
        QFETCH(QString, section);
        QFETCH(bool, server);
        QCOMPARE(MyCnf::isServerSection(section), server);
    }

    void roundTripKeepsEveryByte_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("howto") << QByteArray("# A\n[mysqld]\nlog-bin=mysql-bin\nserver-id       = 1\n; old "
                                             "style comment\n\n!includedir /etc/mysql/conf.d/\n");
        QTest::newRow("no trailing newline") << QByteArray("[client]\nport=3306");
        QTest::newRow("crlf is kept as text") << QByteArray("[mysqld]\nserver-id=1\n");
        QTest::newRow("empty") << QByteArray();
    }
    void roundTripKeepsEveryByte()
    {
        QFETCH(QByteArray, content);
        QCOMPARE(MyCnf::parse(content).render(), content);
    }

    void otherEncodingsSurviveAnEdit()
    {
        // a Latin-1 password in [client] and CRLF line ends: bytes RepliPair never touches stay as they were
        const QByteArray original("[client]\r\npassword=caf\xe9\r\n[mysqld]\r\nserver-id = 1\r\n");
        MyCnf cnf = MyCnf::parse(original);
        QCOMPARE(cnf.render(), original);
        cnf.disableLine(cnf.findOption(QStringLiteral("server_id")).first());
        QCOMPARE(cnf.render(),
            QByteArray(
                "[client]\r\npassword=caf\xe9\r\n[mysqld]\r\n# disabled by replipair: server-id = 1\r\n"));
    }

    void includes()
    {
        const MyCnf cnf = MyCnf::parse("[mysqld]\n!include /etc/mysql/extra.cnf\n!includedir "
                                       "/etc/mysql/conf.d/\n!includedir /etc/mysql/mariadb.conf.d/\n");
        QCOMPARE(cnf.includes(), QStringList { QStringLiteral("/etc/mysql/extra.cnf") });
        QCOMPARE(cnf.includeDirs(),
            QStringList(
                { QStringLiteral("/etc/mysql/conf.d/"), QStringLiteral("/etc/mysql/mariadb.conf.d/") }));
    }

    void findOnlyInServerSections()
    {
        const MyCnf cnf
            = MyCnf::parse("[client]\nport=3306\n[mysqld]\nport=3307\nskip-log-bin\n[mysqldump]\nport=1\n");
        QCOMPARE(cnf.findOption(QStringLiteral("port")), QList<int>({ 3 }));
        QCOMPARE(cnf.findOption(QStringLiteral("log-bin")), QList<int>({ 4 }));
        bool found = false;
        QCOMPARE(cnf.lastValue(QStringLiteral("log_bin"), &found), QStringLiteral("OFF"));
        QVERIFY(found);
        QCOMPARE(cnf.lastValue(QStringLiteral("port")), QStringLiteral("3307"));
    }

    void markedBlockAppendsThenReplaces()
    {
        const QByteArray original("# main file\n[mysqld]\ndatadir=/var/lib/mysql\n");
        MyCnf cnf = MyCnf::parse(original);
        cnf.setMarkedBlock({ QStringLiteral("server-id = 1") });
        const QByteArray once = cnf.render();
        QVERIFY(once.startsWith(original));
        QVERIFY(once.contains("# BEGIN replipair"));
        QVERIFY(once.contains("[mysqld]\nserver-id = 1\n# END replipair\n"));
        // applied again: replaced in place, not appended twice
        MyCnf again = MyCnf::parse(once);
        QVERIFY(again.hasMarkedBlock());
        again.setMarkedBlock({ QStringLiteral("server-id = 2") });
        const QByteArray twice = again.render();
        QCOMPARE(twice.count("# BEGIN replipair"), 1);
        QVERIFY(twice.contains("server-id = 2"));
        QVERIFY(!twice.contains("server-id = 1"));
        // our own block does not count as a conflicting setting
        QVERIFY(MyCnf::parse(twice).findOption(QStringLiteral("server_id")).isEmpty());
    }

    void disableLineKeepsTheRest()
    {
        MyCnf cnf = MyCnf::parse("[mysqld]\n# keep me\nserver-id = 1\nport=3306\n");
        cnf.disableLine(cnf.findOption(QStringLiteral("server_id")).first());
        QCOMPARE(cnf.render(),
            QByteArray("[mysqld]\n# keep me\n# disabled by replipair: server-id = 1\nport=3306\n"));
        QVERIFY(cnf.findOption(QStringLiteral("server_id")).isEmpty());
    }

    void unifiedDiff()
    {
        const QString before = QStringLiteral("a\nb\nc\nd\ne\nf\ng\nh\n");
        const QString after = QStringLiteral("a\nb\nc\nD\ne\nf\ng\nh\ni\n");
        const QString diff
            = TextDiff::unified(before, after, QStringLiteral("old"), QStringLiteral("new"), 1);
        QCOMPARE(diff,
            QStringLiteral("--- old\n+++ new\n@@ -3,3 +3,3 @@\n c\n-d\n+D\n e\n@@ -8,1 +8,2 @@\n h\n+i\n"));
        QVERIFY(TextDiff::unified(before, before, QStringLiteral("x"), QStringLiteral("x")).isEmpty());
        QCOMPARE(TextDiff::unified(
                     QString(), QStringLiteral("x\n"), QStringLiteral("/dev/null"), QStringLiteral("f")),
            QStringLiteral("--- /dev/null\n+++ f\n@@ -0,0 +1,1 @@\n+x\n"));
    }
};

QTEST_APPLESS_MAIN(TestMyCnf)
#include "tst_mycnf.moc"
