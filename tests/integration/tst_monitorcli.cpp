#include "monitor/pairmonitor.h"
#include "support/replicatedsandbox.h"
#include "support/testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

/** replipair-cli's monitoring faces against real sandbox pairs: monitor --once (one pair, then two at
 *  once, also from a folder), --format prometheus, status --nagios. */
class tst_MonitorCli : public QObject
{
    Q_OBJECT

private:
    static QString errorText(const Result<void>& r) { return r ? QString() : r.error().toString(); }

    SandboxPair m_pair;

private Q_SLOTS:
    void initTestCase()
    {
        if (Sandbox::serverBinary().isEmpty())
            QSKIP("no mariadbd/mysqld on this machine");
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        QString error;
        QVERIFY2(startSandboxReplication(m_pair.sandbox(), &error), qPrintable(error));
        PairMonitor setupsPart(m_pair.sandbox().pairProfile()); // what setup leaves: the heartbeat table
        QFuture<Result<void>> created = setupsPart.createHeartbeatTable(0);
        QVERIFY(QTest::qWaitFor([&] { return created.isFinished(); }, 10000));
        QVERIFY2(created.result().has_value(), qPrintable(errorText(created.result())));
    }

    void cleanupTestCase() { m_pair.sandbox().down(); }

    void cliPrintsOneRound()
    {
#ifndef REPLIPAIR_CLI
        QSKIP("built without the path of replipair-cli");
#else
        auto run = [&](const QStringList& args, int* exitCode) {
            QProcess p;
            p.start(REPLIPAIR_CLI, args);
            if (!p.waitForFinished(30000)) {
                p.kill();
                p.waitForFinished();
            }
            *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
            return QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
        };
        const QString profile = m_pair.sandbox().profilePath();
        int code = -1;
        const QString json = run({ "monitor", profile, "--interval", "0.5", "--json", "--once" }, &code);
        QVERIFY2(code == 0, qPrintable(json));
        const QStringList lines = json.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QStringList servers;
        for (const QString& line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            for (const char* key :
                { "time", "server", "ioRunning", "sqlRunning", "secondsBehind", "heartbeatLag", "lastError" })
                QVERIFY2(o.contains(key), qPrintable(line));
            QVERIFY(o.value("ioRunning").toBool());
            QVERIFY(o.value("sqlRunning").toBool());
            QVERIFY2(o.value("heartbeatLag").isDouble() && o.value("heartbeatLag").toDouble() < 1.0,
                qPrintable(line));
            servers << o.value("server").toString();
        }
        servers.sort();
        QCOMPARE(servers, QStringList({ "A", "B" }));

        const QString text = run({ "monitor", profile, "--once" }, &code);
        QVERIFY2(code == 0, qPrintable(text));
        QCOMPARE(text.trimmed().split('\n').size(), 2);
        QVERIFY2(text.contains("IO Yes") && text.contains("SQL Yes"), qPrintable(text));

        run({ "monitor", profile, "--interval", "0.05", "--once" }, &code);
        QCOMPARE(code, 2); // below the 200 ms floor
#endif
    }

    /** Issue 12: every saved pair at once (a second sandbox pair), Prometheus text, Nagios exit codes. */
    void cliWatchesEveryPairPrometheusAndNagios()
    {
#ifndef REPLIPAIR_CLI
        QSKIP("built without the path of replipair-cli");
#else
        SandboxPair second;
        QVERIFY2(second.up(), qPrintable(second.error()));
        QString error;
        QVERIFY2(startSandboxReplication(second.sandbox(), &error), qPrintable(error));
        {
            PairMonitor setupsPart(second.sandbox().pairProfile()); // what setup leaves: the heartbeat table
            QFuture<Result<void>> created = setupsPart.createHeartbeatTable(0);
            QVERIFY(QTest::qWaitFor([&] { return created.isFinished(); }, 10000));
            QVERIFY2(created.result().has_value(), qPrintable(errorText(created.result())));
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        PairProfile p1 = m_pair.sandbox().pairProfile();
        p1.name = "east";
        PairProfile p2 = second.sandbox().pairProfile();
        p2.name = "west";
        const QString f1 = dir.filePath("east.replipair.json");
        const QString f2 = dir.filePath("west.replipair.json");
        QVERIFY(p1.save(f1).has_value());
        QVERIFY(p2.save(f2).has_value());
        auto run = [](const QStringList& args, int* exitCode) {
            QProcess p;
            p.start(REPLIPAIR_CLI, args);
            if (!p.waitForFinished(30000)) {
                p.kill();
                p.waitForFinished();
            }
            *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
            return QString::fromUtf8(p.readAllStandardOutput());
        };
        int code = -1;

        // two profiles, one round, JSON lines tagged with their pair
        const QString json = run({ "monitor", f1, f2, "--interval", "0.5", "--once", "--json" }, &code);
        QVERIFY2(code == 0, qPrintable(json));
        const QStringList lines = json.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QStringList seen;
        for (const QString& line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            QVERIFY2(o.value("ioRunning").toBool() && o.value("sqlRunning").toBool(), qPrintable(line));
            seen << o.value("pair").toString() + "/" + o.value("server").toString();
        }
        seen.sort();
        QCOMPARE(seen, QStringList({ "east/A", "east/B", "west/A", "west/B" }));
        // the folder form reads both
        const QString folder = run({ "monitor", dir.path(), "--interval", "0.5", "--once", "--json" }, &code);
        QCOMPARE(code, 0);
        QCOMPARE(folder.trimmed().split('\n').size(), 4);

        // Prometheus: every line a valid exposition line, HELP and TYPE for each metric, both pairs
        const QString prom
            = run({ "monitor", f1, f2, "--interval", "0.5", "--once", "--format", "prometheus" }, &code);
        QVERIFY2(code == 0, qPrintable(prom));
        static const QRegularExpression help("^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \\S.*$");
        static const QRegularExpression type("^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter|untyped)$");
        static const QRegularExpression sample("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{pair=\"((?:[^\"\\\\]|\\\\.)*)"
                                               "\",server=\"((?:[^\"\\\\]|\\\\.)*)\"\\} "
                                               "(-?[0-9.]+(?:e[+-]?[0-9]+)?|NaN|[+-]Inf)$");
        QSet<QString> helped, typed, pairs;
        QHash<QString, int> samplesOf;
        for (const QString& line : prom.split('\n', Qt::SkipEmptyParts)) {
            if (const auto m = help.match(line); m.hasMatch()) {
                helped << m.captured(1);
            } else if (const auto m = type.match(line); m.hasMatch()) {
                QVERIFY2(helped.contains(m.captured(1)), qPrintable(line));
                typed << m.captured(1);
            } else {
                const auto s = sample.match(line);
                QVERIFY2(s.hasMatch(), qPrintable("not an exposition line: " + line));
                QVERIFY2(typed.contains(s.captured(1)), qPrintable("sample before its TYPE: " + line));
                pairs << s.captured(2);
                ++samplesOf[s.captured(1) + "/" + s.captured(2) + "/" + s.captured(3)];
            }
        }
        QCOMPARE(pairs, QSet<QString>({ "east", "west" }));
        for (const char* metric :
            { "mysql_up", "mysql_slave_status_slave_io_running", "mysql_slave_status_slave_sql_running",
                "mysql_slave_status_seconds_behind_master", "replipair_heartbeat_lag_seconds" })
            for (const char* key : { "east/A", "east/B", "west/A", "west/B" })
                QVERIFY2(samplesOf.value(QString("%1/%2").arg(metric, key)) == 1,
                    qPrintable(QString("%1 %2").arg(metric, key)));
        QVERIFY(prom.contains("mysql_slave_status_slave_sql_running{pair=\"west\",server=\"B\"} 1\n"));
        // to a file for node_exporter's textfile collector
        const QString promFile = dir.filePath("replipair.prom");
        run({ "monitor", f1, f2, "--interval", "0.5", "--once", "--format", "prometheus", "--output",
                promFile },
            &code);
        QCOMPARE(code, 0);
        QFile written(promFile);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readAll().contains("# TYPE replipair_heartbeat_lag_seconds gauge"));

        // Nagios: OK, WARNING on lag, CRITICAL when a thread stops; --once exits 1 when one pair breaks
        QString line = run({ "status", f2, "--nagios" }, &code);
        QVERIFY2(
            code == 0 && line.startsWith("REPLIPAIR OK - west:") && line.count('\n') == 1, qPrintable(line));
        QVERIFY2(line.contains("'A_lag'=") && line.contains("'B_sql_running'=1"), qPrintable(line));
        line = run({ "status", f2, "--nagios", "--warning", "0" }, &code);
        QVERIFY2(code == 1 && line.startsWith("REPLIPAIR WARNING"), qPrintable(line));
        sandboxSql(second.sandbox(), 1, "STOP SLAVE SQL_THREAD");
        line = run({ "status", f2, "--nagios" }, &code);
        QVERIFY2(code == 2 && line.startsWith("REPLIPAIR CRITICAL") && line.contains("'B_sql_running'=0"),
            qPrintable(line));
        QCOMPARE(run({ "status", f2 }, &code).isEmpty(), false);
        QCOMPARE(code, 1); // the default exit codes stay
        run({ "monitor", f1, f2, "--interval", "0.5", "--once", "--json" }, &code);
        QCOMPARE(code, 1);
        line = run({ "status", dir.filePath("missing.replipair.json"), "--nagios" }, &code);
        QVERIFY2(code == 3 && line.startsWith("REPLIPAIR UNKNOWN"), qPrintable(line));
        second.sandbox().down();
#endif
    }
};

QTEST_GUILESS_MAIN(tst_MonitorCli)
#include "tst_monitorcli.moc"
