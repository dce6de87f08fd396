// What RepliPair wrote into a server's option files, read back: its drop-in, its block, the lines it
// disabled.
#include "config/configfootprint.h"
#include "config/mycnf.h"

#include <QTest>

class TestConfigFootprint : public QObject
{
    Q_OBJECT
private slots:
    void dropInBlockAndDisabledLines_data()
    {
        QTest::addColumn<QList<ConfigPlanner::SourceFile>>("files");
        QTest::addColumn<QStringList>("expected"); // "kind path first-line", one per part

        const QByteArray main = "[mysqld]\n" + MyCnf::kDisabledPrefix.toUtf8()
            + "server-id = 1\ndatadir = /var/lib/mysql\n!includedir /etc/mysql/conf.d/\n";
        const QByteArray dropIn = "# written by RepliPair\n[mysqld]\nserver_id = 11\nlog_bin = mysql-bin\n\n";
        QTest::newRow("drop-in and a disabled line")
            << QList<ConfigPlanner::SourceFile> { { "/etc/mysql/my.cnf", main },
                   { "/etc/mysql/conf.d/50-server.cnf", "[mysqld]\nbind-address = 0.0.0.0\n" },
                   { "/etc/mysql/conf.d/90-replipair.cnf", dropIn } }
            << QStringList { "disabled /etc/mysql/my.cnf " + MyCnf::kDisabledPrefix + "server-id = 1",
                   "dropin /etc/mysql/conf.d/90-replipair.cnf # written by RepliPair" };

        MyCnf withBlock = MyCnf::parse("[mysqld]\nport = 3306\n");
        withBlock.setMarkedBlock({ "server_id = 12", "log_slave_updates = ON" });
        QTest::newRow("marked block in the main file")
            << QList<ConfigPlanner::SourceFile> { { "/etc/my.cnf", withBlock.render() } }
            << QStringList { "block /etc/my.cnf " + MyCnf::kBlockBegin };

        QTest::newRow("nothing of ours")
            << QList<ConfigPlanner::SourceFile> { { "/etc/my.cnf", "[mysqld]\nserver-id = 3\n" } }
            << QStringList {};
    }

    void dropInBlockAndDisabledLines()
    {
        QFETCH(QList<ConfigPlanner::SourceFile>, files);
        QFETCH(QStringList, expected);
        const ConfigFootprint f = ConfigFootprint::fromFiles(files.first().path, files);
        QStringList got;
        for (const ConfigFootprint::Part& p : f.parts) {
            const QString kind = p.kind == ConfigFootprint::Kind::DropIn ? "dropin"
                : p.kind == ConfigFootprint::Kind::MarkedBlock           ? "block"
                                                                         : "disabled";
            got << QString("%1 %2 %3").arg(kind, p.path, p.lines.value(0));
        }
        QCOMPARE(got, expected);
        const QString text = f.toText("B");
        QVERIFY(!text.isEmpty());
        for (const ConfigFootprint::Part& p : f.parts)
            for (const QString& line : p.lines)
                QVERIFY2(text.contains(line), qPrintable(text));
        // the block is shown whole, to its end marker; nothing outside it
        if (expected.value(0).startsWith("block")) {
            QVERIFY(text.contains(MyCnf::kBlockEnd));
            QVERIFY(text.contains("log_slave_updates = ON"));
            QVERIFY(!text.contains("port = 3306"));
        }
    }
};

QTEST_APPLESS_MAIN(TestConfigFootprint)
#include "tst_configfootprint.moc"
