#include "host/remotejob.h"
#include "host/serverrestart.h"
#include "sql/runningserver.h"

#include <QTest>

/** What the restart quotes from the server, when it stops waiting, and how a detached command's state
 *  is read back: one row per case. */
class TestServerRestart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void relevantLines()
    {
        // Debian's init script around a datadir file the server cannot open
        const QString said = QStringLiteral(
            "Stopping MariaDB database server: mariadbd.\n"
            "Starting MariaDB database server: mariadbd . . . . . . . . . . . . . . . . . . . . failed!\n"
            "2026-11-25 10:00:01 0 [Note] Starting MariaDB 10.11.6\n"
            "2026-11-25 10:00:01 0 [ERROR] mariadbd: File '/var/lib/mysql/mysql-bin.index' not found "
            "(Errcode: 13 \"Permission denied\")\n"
            "2026-11-25 10:00:01 0 [ERROR] Aborting\n");
        const QStringList lines = ServerRestart::relevantLines(said);
        QVERIFY(lines.contains(QStringLiteral(
            "2026-11-25 10:00:01 0 [ERROR] mariadbd: File '/var/lib/mysql/mysql-bin.index' not found "
            "(Errcode: 13 \"Permission denied\")")));
        QVERIFY(!lines.contains(QStringLiteral("2026-11-25 10:00:01 0 [Note] Starting MariaDB 10.11.6")));
        // nothing telling: the last lines
        QCOMPARE(ServerRestart::relevantLines(QStringLiteral("a\nb\nc\n"), 2),
            (QStringList { QStringLiteral("b"), QStringLiteral("c") }));
    }
    void abortedStart()
    {
        QVERIFY(
            ServerRestart::showsAbortedStart(QStringLiteral("x\n2026-11-25 10:00:01 0 [ERROR] Aborting\n")));
        QVERIFY(ServerRestart::showsAbortedStart(QStringLiteral("[ERROR] mysqld: Aborting")));
        QVERIFY(!ServerRestart::showsAbortedStart(QStringLiteral("[Note] ready for connections")));
    }
    void systemdUnit()
    {
        QCOMPARE(ServerRestart::systemdUnitOf(QStringLiteral("systemctl restart mariadb.service")),
            QStringLiteral("mariadb.service"));
        QCOMPARE(ServerRestart::systemdUnitOf(
                     QStringLiteral("sudo systemctl --no-block restart 'mysqld@a.service'")),
            QStringLiteral("mysqld@a.service"));
        QCOMPARE(ServerRestart::systemdUnitOf(QStringLiteral("/etc/init.d/mariadb restart")), QString());
    }
    void pollStates_data()
    {
        QTest::addColumn<QByteArray>("printed");
        QTest::addColumn<int>("phase");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QByteArray>("appended");
        QTest::newRow("running") << QByteArray("running\n3\nab\n0\n") << int(RemoteJob::Phase::Running) << -1
                                 << QByteArray("ab\n") << QByteArray();
        QTest::newRow("finished") << QByteArray("finished 1\n0\n5\nx\ny\n\n")
                                  << int(RemoteJob::Phase::Finished) << 1 << QByteArray()
                                  << QByteArray("x\ny\n\n");
        QTest::newRow("vanished") << QByteArray("vanished\n0\n0\n") << int(RemoteJob::Phase::Vanished) << -1
                                  << QByteArray() << QByteArray();
    }
    void pollStates()
    {
        QFETCH(QByteArray, printed);
        QFETCH(int, phase);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, output);
        QFETCH(QByteArray, appended);
        const auto st = RemoteJob::parseState(printed);
        QVERIFY(st);
        QCOMPARE(int(st->phase), phase);
        QCOMPARE(st->exitCode, exitCode);
        QCOMPARE(st->output, output);
        QCOMPARE(st->appended, appended);
    }
    void truncatedPollIsRefused()
    {
        QVERIFY(!RemoteJob::parseState("running\n10\nab"));
        QVERIFY(!RemoteJob::parseState("finished x\n0\n0\n"));
        QVERIFY(!RemoteJob::parseState(""));
    }
    /** A server paused (SIGSTOP, a stopped VM) between the clock's read and the Uptime's is still the same
     *  process: its start is known within the reads' spread; a restart is still told apart. */
    void sameProcessAcrossAPause()
    {
        RunningServer first;
        first.dataDir = QStringLiteral("/var/lib/mysql/");
        first.port = 3306;
        first.serverId = 2;
        first.uptime = 8;
        first.startedAt = 1000;
        first.connections = 10;
        RunningServer paused = first;
        // clock read at 1008, the server then paused 5 s, its Uptime read as 13, the clock again at 1013
        paused.uptime = 13;
        paused.startedAt = 1008 - 13;
        paused.startSpread = 5;
        QVERIFY(first.sameProcess(paused));
        // the same readings without the spread (the clock read once) would have seen another start
        RunningServer unspread = paused;
        unspread.startSpread = 0;
        QVERIFY(!first.sameProcess(unspread));
        // a restart: started later, up for less
        RunningServer restarted = first;
        restarted.startedAt = 1009;
        restarted.uptime = 1;
        QVERIFY(!first.sameProcess(restarted));
        // a new process started within the same second: fewer connections
        RunningServer quick = first;
        quick.uptime = 9;
        quick.connections = 2;
        QVERIFY(!first.sameProcess(quick));
    }
};

QTEST_APPLESS_MAIN(TestServerRestart)
#include "tst_serverrestart.moc"
