#include "copy/dumptool.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

/** The copy's options come from the dump tool on the receiver's host, read from its own --help. */
class TestDumpTool : public QObject
{
    Q_OBJECT

    /** MariaDB 10.11's mariadb-dump --help, the lines that matter, verbatim (as this machine's prints). */
    static QString mariaDbHelp()
    {
        return QStringLiteral(
            "mariadb-dump  Ver 10.19 Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)\n"
            "\n"
            "  --dump-slave[=#]    This causes the binary log position and filename of the\n"
            "                      master to be appended to the dumped data output. Setting\n"
            "                      the value to 1, will printit as a CHANGE MASTER command\n"
            "                      in the dumped data output; if equal to 2, that command\n"
            "                      will be prefixed with a comment symbol. This option will\n"
            "                      turn --lock-all-tables on, unless --single-transaction is\n"
            "                      specified too (in which case a global read lock is only\n"
            "                      taken a short time at the beginning of the dump - don't\n"
            "                      forget to read about --single-transaction below). In all\n"
            "                      cases any action on logs will happen at the exact moment\n"
            "                      of the dump.Option automatically turns --lock-tables off.\n"
            "  -E, --events        Dump events.\n"
            "  --ssl               Enable SSL for connection (automatically enabled with\n"
            "                      other flags).\n"
            "  --gtid              Used together with --master-data=1 or --dump-slave=1.When\n"
            "                      enabled, the output from those options will set the GTID\n"
            "                      position instead of the binlog file and offset; the\n"
            "                      file/offset will appear only as a comment. When disabled,\n"
            "                      the GTID position will still appear in the output, but\n"
            "                      only commented.\n"
            "  --master-data[=#]   This causes the binary log position and filename to be\n"
            "                      appended to the output. If equal to 1, will print it as a\n"
            "                      CHANGE MASTER command; if equal to 2, that command will\n"
            "                      be prefixed with a comment symbol. This option will turn\n"
            "                      --lock-all-tables on, unless --single-transaction is\n"
            "                      specified too (on servers before MariaDB 5.3 this will\n"
            "                      still take a global read lock for a short time at the\n"
            "                      beginning of the dump; don't forget to read about\n"
            "                      --single-transaction below). In all cases, any action on\n"
            "                      logs will happen at the exact moment of the dump. Option\n"
            "                      automatically turns --lock-tables off.\n");
    }
    /** MySQL 5.7's mysqldump --help, the lines that matter (as the 5.6-5.7 manual pages print them). */
    static QString mySql57Help()
    {
        return QStringLiteral(
            "mysqldump  Ver 10.13 Distrib 5.7.44, for Linux (x86_64)\n"
            "Copyright (c) 2000, 2023, Oracle and/or its affiliates.\n"
            "\n"
            "  --master-data[=#]   This causes the binary log position and filename to be\n"
            "                      appended to the output. If equal to 1, will print it as a\n"
            "                      CHANGE MASTER command; if equal to 2, that command will\n"
            "                      be prefixed with a comment symbol.\n"
            "  --set-gtid-purged[=name]\n"
            "                      Add 'SET @@GLOBAL.GTID_PURGED' to the output. Possible\n"
            "                      values for this option are ON, OFF and AUTO. If ON is\n"
            "                      used and GTIDs are not enabled on the server, an error is\n"
            "                      generated. If OFF is used, this option does nothing. If\n"
            "                      AUTO is used and GTIDs are enabled on the server, 'SET\n"
            "                      @@GLOBAL.GTID_PURGED' is added to the output. If GTIDs\n"
            "                      are disabled, AUTO does nothing. Default is AUTO.\n"
            "  --ssl-mode=name     SSL connection mode.\n");
    }
    /** MySQL 8.0.36's mysqldump --help, the lines that matter. */
    static QString mySql80Help()
    {
        return QStringLiteral(
            "mysqldump  Ver 8.0.36 for Linux on x86_64 (MySQL Community Server - GPL)\n"
            "Copyright (c) 2000, 2024, Oracle and/or its affiliates.\n"
            "\n"
            "  --master-data[=#]   This option is deprecated and will be removed in a future\n"
            "                      version. Use source-data instead.\n"
            "  --source-data[=#]   This causes the binary log position and filename of the\n"
            "                      source to be appended to the dumped data output. Setting\n"
            "                      the value to 1, will print it as a CHANGE MASTER command\n"
            "                      in the dumped data output; if equal to 2, that command\n"
            "                      will be prefixed with a comment symbol. This option will\n"
            "                      turn --lock-all-tables on, unless --single-transaction is\n"
            "                      specified too.\n"
            "  --set-gtid-purged[=name]\n"
            "                      Add 'SET @@GLOBAL.GTID_PURGED' to the output. Possible\n"
            "                      values for this option are ON, COMMENTED, OFF and AUTO.\n"
            "  --ssl-mode=name     SSL connection mode.\n");
    }
    /** MySQL 8.0.25's: no --source-data yet (it came in 8.0.26). */
    static QString mySql8025Help()
    {
        QString h = mySql57Help();
        return h.replace(QStringLiteral("Ver 10.13 Distrib 5.7.44, for Linux (x86_64)"),
            QStringLiteral("Ver 8.0.25 for Linux on x86_64 (MySQL Community Server - GPL)"));
    }

private Q_SLOTS:
    void options_data()
    {
        QTest::addColumn<QString>("help");
        QTest::addColumn<bool>("mariadb");
        QTest::addColumn<QString>("coordinates");
        QTest::addColumn<QString>("gtidPurged");
        QTest::addColumn<bool>("sslMode");
        QTest::newRow("mariadb-dump-10.11") << mariaDbHelp() << true << "--master-data=1"
                                            << "" << false;
        QTest::newRow("mysqldump-5.7") << mySql57Help() << false << "--master-data=1"
                                       << "--set-gtid-purged=OFF" << true;
        QTest::newRow("mysqldump-8.0.25") << mySql8025Help() << false << "--master-data=1"
                                          << "--set-gtid-purged=OFF" << true;
        QTest::newRow("mysqldump-8.0.36") << mySql80Help() << false << "--source-data=1"
                                          << "--set-gtid-purged=OFF" << true;
    }
    void options()
    {
        QFETCH(QString, help);
        QFETCH(bool, mariadb);
        QFETCH(QString, coordinates);
        QFETCH(QString, gtidPurged);
        QFETCH(bool, sslMode);
        const DumpTool t = DumpTool::fromHelp(QStringLiteral("mysqldump"), help);
        QCOMPARE(t.mariaDb, mariadb);
        QVERIFY(t.knowsCoordinates());
        QCOMPARE(t.coordinatesOption(), coordinates);
        QCOMPARE(t.gtidPurgedOption(), gtidPurged);
        QCOMPARE(t.sslMode, sslMode); // how the copy's option files say TLS
    }
    /** An option named only inside another's description is not one the tool has. */
    void optionNamedInADescriptionIsNotAnOption()
    {
        const DumpTool t = DumpTool::fromHelp(QStringLiteral("x"),
            QStringLiteral("x  Ver 1\n  --lock-all-tables   Locks all tables; see --source-data and\n"
                           "                      --set-gtid-purged\n"));
        QVERIFY(!t.sourceData);
        QVERIFY(!t.setGtidPurged);
        QVERIFY(!t.knowsCoordinates());
        QVERIFY(!DumpTool::fromHelp(QStringLiteral("x"), QString()).knowsCoordinates());
    }
    /** The real mariadb-dump of this machine, asked the way the copy asks it on the receiver's host. */
    void realMariaDbDump()
    {
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("mariadb-dump"));
        if (tool.isEmpty())
            QSKIP("mariadb-dump is not installed here");
        QProcess p;
        p.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), DumpTool::helpCommand(tool) });
        QVERIFY(p.waitForFinished(30000));
        const DumpTool t = DumpTool::fromHelp(tool, QString::fromUtf8(p.readAllStandardOutput()));
        QVERIFY(t.mariaDb);
        QVERIFY(t.masterData);
        QVERIFY(!t.sourceData);
        QVERIFY(!t.setGtidPurged);
        QVERIFY(!t.sslMode);
        QCOMPARE(t.coordinatesOption(), QStringLiteral("--master-data=1"));
        QVERIFY(t.gtidPurgedOption().isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestDumpTool)
#include "tst_dumptool.moc"
