// The writer role against a real sandbox pair: setup makes the reader read_only (live and in its option
// file), replication and RepliPair's own writes (the setup's test row, the monitor's heartbeat) still work
// into it, a real restart keeps it read-only, and status / status --nagios / monitor report a pair with two
// writers.
#include "common/pairprofile.h"
#include "support/setupdriver.h"
#include "support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

#include <optional>

namespace {
QString text(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

/** Polls @p sql on server @p i until it prints @p expected. */
bool waitForValue(Sandbox& sb, int i, const QString& sql, const QString& expected, int ms = 15000)
{
    return QTest::qWaitFor([&] { return sandboxSql(sb, i, sql) == expected; }, ms);
}

#ifdef REPLIPAIR_CLI
/** Runs replipair-cli in English; its exit code (-1 when it crashed or hung) into @p exitCode. */
QString runCli(const QStringList& args, int* exitCode)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("LANG", "C.UTF-8");
    env.insert("LC_ALL", "C.UTF-8");
    env.remove("LANGUAGE");
    p.setProcessEnvironment(env);
    p.start(REPLIPAIR_CLI, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
    }
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
}
#endif
} // namespace

class TestWriterRole : public QObject
{
    Q_OBJECT

    SandboxPair m_pair;
    PairProfile m_profile;
    bool m_setUp = false;

    QString sql(int i, const QString& statement) { return sandboxSql(m_pair.sandbox(), i, statement); }
    /** A row written on A arrives on B (and the other way when @p both). */
    bool replicates(const QString& tag, bool both)
    {
        Sandbox& sb = m_pair.sandbox();
        sql(0, QStringLiteral("INSERT INTO test.w (who) VALUES ('A-%1')").arg(tag));
        if (!waitForValue(
                sb, 1, QStringLiteral("SELECT COUNT(*) FROM test.w WHERE who = 'A-%1'").arg(tag), "1"))
            return false;
        if (!both)
            return true;
        // the admin (root: READ_ONLY ADMIN) may write into the read-only B, and that replicates too
        sql(1, QStringLiteral("INSERT INTO test.w (who) VALUES ('B-%1')").arg(tag));
        return waitForValue(
            sb, 0, QStringLiteral("SELECT COUNT(*) FROM test.w WHERE who = 'B-%1'").arg(tag), "1");
    }

#ifdef REPLIPAIR_CLI
    /** `replipair-cli monitor --json --events` on the pair, every @p interval seconds. */
    bool startMonitor(QProcess& monitor, const QString& interval)
    {
        monitor.start(
            REPLIPAIR_CLI, { "monitor", m_profile.filePath, "--interval", interval, "--json", "--events" });
        return monitor.waitForStarted();
    }
    static void stopMonitor(QProcess& monitor)
    {
        monitor.terminate();
        if (!monitor.waitForFinished(10000))
            monitor.kill();
    }
#endif

private Q_SLOTS:
    void initTestCase()
    {
        if (Sandbox::serverBinary().isEmpty())
            QSKIP("no mariadbd/mysqld on this machine");
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        m_profile = m_pair.sandbox().pairProfile();
        m_profile.writer = 0; // A takes the writes, B is read-only
        m_profile.filePath = m_pair.dir() + QStringLiteral("/writer.replipair.json");
        QVERIFY(m_profile.save(m_profile.filePath));
    }

    void setupMakesTheReaderReadOnlyLiveAndInItsOptionFile()
    {
        Sandbox& sb = m_pair.sandbox();
        // A was read-only before: setup makes it the writer, whatever was there
        sql(0, QStringLiteral("SET GLOBAL read_only = ON"));
        const SetupOutcome setup = runSetup(m_profile);
        qInfo().noquote() << setup.lines.join('\n');
        QVERIFY2(setup.ok, qPrintable(setup.error.toString()));
        m_setUp = true;
        QVERIFY(setup.said(QStringLiteral("B is read-only (read_only = ON)")));
        QCOMPARE(sql(0, "SELECT @@GLOBAL.read_only"), QStringLiteral("0"));
        QCOMPARE(sql(1, "SELECT @@GLOBAL.read_only"), QStringLiteral("1"));
        const QString dropInB = text(sb.servers()[1].dir + QStringLiteral("/conf.d/90-replipair.cnf"));
        const QString dropInA = text(sb.servers()[0].dir + QStringLiteral("/conf.d/90-replipair.cnf"));
        QVERIFY2(dropInB.contains(QStringLiteral("\nread-only = ON\n")), qPrintable(dropInB));
        QVERIFY2(dropInA.contains(QStringLiteral("\nread-only = OFF\n")), qPrintable(dropInA));

        // replication applies into the read-only server; an ordinary account cannot write there
        sql(0,
            QStringLiteral(
                "CREATE TABLE test.w (id INT AUTO_INCREMENT PRIMARY KEY, who VARCHAR(20)) ENGINE=InnoDB"));
        QVERIFY(replicates(QStringLiteral("1"), true));
        // the application's account on B (made by the admin, who may write into the read-only B)
        sql(1,
            QStringLiteral("SET SESSION sql_log_bin = 0; CREATE USER 'app'@'localhost' IDENTIFIED BY "
                           "'app-pw'; GRANT ALL ON test.* TO 'app'@'localhost'"));
        QCOMPARE(sql(1, "SELECT COUNT(*) FROM mysql.user WHERE user = 'app'"), QStringLiteral("1"));
        QProcess client;
        client.start(QStringLiteral("mariadb"),
            { QStringLiteral("--socket=") + sb.servers()[1].socket, QStringLiteral("-uapp"),
                QStringLiteral("-papp-pw"), QStringLiteral("-e"),
                QStringLiteral("INSERT INTO test.w (who) VALUES ('app-on-B')") });
        QVERIFY(client.waitForFinished(30000));
        QVERIFY(client.exitCode() != 0);
        QVERIFY2(
            client.readAllStandardError().contains("read-only"), "the application wrote into the reader");

        // a second run verifies again, the test row written on the read-only B too, and changes nothing
        const SetupOutcome again = runSetup(m_profile);
        qInfo().noquote() << again.lines.join('\n');
        QVERIFY2(again.ok, qPrintable(again.error.toString()));
        QVERIFY(again.said(QStringLiteral("test rows arrived")));
        QCOMPARE(sql(1, "SELECT @@GLOBAL.read_only"), QStringLiteral("1"));
    }

    void aRealRestartKeepsTheReaderReadOnly()
    {
        if (!m_setUp)
            QSKIP("setup failed above");
        Sandbox& sb = m_pair.sandbox();
        const QString pidBefore = text(sb.servers()[1].pidFile).trimmed();
        QVERIFY(sb.stop(1));
        QVERIFY(!sb.isRunning(1));
        QVERIFY(sb.start(1));
        QVERIFY(text(sb.servers()[1].pidFile).trimmed() != pidBefore);
        QCOMPARE(sql(1, "SELECT @@GLOBAL.read_only"), QStringLiteral("1"));
        QCOMPARE(sql(0, "SELECT @@GLOBAL.read_only"), QStringLiteral("0"));
        QVERIFY(replicates(QStringLiteral("2"), true));
    }

    void monitorReportsTheRolesAndWritesItsHeartbeatIntoTheReader()
    {
#ifndef REPLIPAIR_CLI
        QSKIP("built without the path of replipair-cli");
#else
        if (!m_setUp)
            QSKIP("setup failed above");
        int code = -1;
        const QString out
            = runCli({ "monitor", m_profile.filePath, "--interval", "0.5", "--json", "--once" }, &code);
        QCOMPARE(code, 0);
        QMap<QString, QJsonObject> byServer;
        for (const QString& line : out.split('\n', Qt::SkipEmptyParts)) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            if (o.contains("server"))
                byServer[o.value("server").toString()] = o;
        }
        QVERIFY2(byServer.size() == 2, qPrintable(out));
        QCOMPARE(byServer["A"].value("role").toString(), QString("writer"));
        QCOMPARE(byServer["A"].value("writable"), QJsonValue(true));
        QCOMPARE(byServer["B"].value("role").toString(), QString("reader"));
        QCOMPARE(byServer["B"].value("writable"), QJsonValue(false));
        // B's beat was written into the read-only B, and A measured its apply
        QVERIFY2(!byServer["B"].contains("heartbeatError"), qPrintable(out));
        QVERIFY2(byServer["A"].value("heartbeatLag").isDouble(), qPrintable(out));

        const QString status = runCli({ "status", m_profile.filePath }, &code);
        QCOMPARE(code, 0);
        QVERIFY2(status.contains("A (writer, writable)"), qPrintable(status));
        QVERIFY2(status.contains("B (reader, read-only)"), qPrintable(status));
        const QString nagios = runCli({ "status", m_profile.filePath, "--nagios" }, &code);
        QVERIFY2(code == 0 && nagios.startsWith("REPLIPAIR OK"), qPrintable(nagios));
        QVERIFY2(nagios.contains("'B_writable'=0;;;0;1"), qPrintable(nagios));
#endif
    }

    void twoWritersAreReportedByStatusNagiosAndMonitor()
    {
#ifndef REPLIPAIR_CLI
        QSKIP("built without the path of replipair-cli");
#else
        if (!m_setUp)
            QSKIP("setup failed above");
        // someone makes the reader writable by hand
        QProcess monitor;
        QVERIFY(startMonitor(monitor, QStringLiteral("0.3")));
        auto stop = qScopeGuard([&] { stopMonitor(monitor); });
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT(
            (seen += monitor.readAllStandardOutput()).contains("\"role\":\"reader\""), 20000);
        sql(1, QStringLiteral("SET GLOBAL read_only = OFF"));
        auto back = qScopeGuard([this] { sql(1, QStringLiteral("SET GLOBAL read_only = ON")); });

        int code = -1;
        const QString status = runCli({ "status", m_profile.filePath }, &code);
        QCOMPARE(code, 1);
        QVERIFY2(status.contains("B (reader, writable)"), qPrintable(status));
        QVERIFY2(
            status.contains("WARNING: both servers accept writes, but only A should"), qPrintable(status));
        const QString json = runCli({ "status", m_profile.filePath, "--json" }, &code);
        QCOMPARE(code, 1);
        QVERIFY2(json.contains("\"kind\":\"twoWriters\""), qPrintable(json));
        const QString nagios = runCli({ "status", m_profile.filePath, "--nagios" }, &code);
        QCOMPARE(code, 1);
        QVERIFY2(nagios.startsWith("REPLIPAIR WARNING"), qPrintable(nagios));
        QVERIFY2(nagios.contains("both servers accept writes"), qPrintable(nagios));

        // the running monitor says it once, as an event
        QTRY_VERIFY_WITH_TIMEOUT(
            (seen += monitor.readAllStandardOutput()).contains("\"kind\":\"twoWriters\""), 20000);
        QVERIFY(seen.contains("\"server\":\"B\""));
        // and one writer again when B is read-only once more
        back.dismiss();
        sql(1, QStringLiteral("SET GLOBAL read_only = ON"));
        QTRY_VERIFY_WITH_TIMEOUT(
            (seen += monitor.readAllStandardOutput()).contains("\"kind\":\"oneWriter\""), 20000);
        QCOMPARE(
            runCli({ "status", m_profile.filePath, "--nagios" }, &code).left(11), QString("REPLIPAIR O"));
        QCOMPARE(code, 0);
#endif
    }

    void aWriteUnderThePeersIdIsFlaggedAsErrant()
    {
#ifndef REPLIPAIR_CLI
        QSKIP("built without the path of replipair-cli");
#else
        if (!m_setUp)
            QSKIP("setup failed above");
        // a healthy pair under writes on both sides (the monitor's beats, rows on A): nothing flagged
        QProcess monitor;
        QVERIFY(startMonitor(monitor, QStringLiteral("0.2")));
        auto stop = qScopeGuard([&] { stopMonitor(monitor); });
        QByteArray seen;
        for (int i = 0; i < 30; ++i) {
            sql(0, QStringLiteral("INSERT INTO test.w (who) VALUES ('busy-%1')").arg(i));
            QTest::qWait(50);
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            (seen += monitor.readAllStandardOutput()).count("\"errantGtids\":[]") >= 10, 20000);
        QVERIFY2(!seen.contains("\"errantGtids\":[\""), seen.constData());
        QVERIFY2(!seen.contains("dataInDoubt"), seen.constData());
        int code = -1;
        QString json = runCli({ "status", m_profile.filePath, "--json" }, &code);
        QVERIFY2(json.contains("\"agreement\":\"unknown\"") && !json.contains("\"errantGtids\":[\""),
            qPrintable(json));

        // a write on B under A's server_id: A's IO thread skips it as its own, so only B holds it
        const QString idA = sql(0, QStringLiteral("SELECT @@GLOBAL.server_id"));
        sql(1,
            QStringLiteral("SET SESSION server_id = %1; INSERT INTO test.w (who) VALUES ('errant-on-B')")
                .arg(idA));
        QVERIFY(waitForValue(m_pair.sandbox(), 1,
            QStringLiteral("SELECT COUNT(*) FROM test.w WHERE who = 'errant-on-B'"), QStringLiteral("1")));
        // the running monitor says it, once, as the data being in doubt
        QTRY_VERIFY_WITH_TIMEOUT(
            (seen += monitor.readAllStandardOutput()).contains("\"kind\":\"dataInDoubt\""), 20000);
        QCOMPARE(seen.count("\"kind\":\"dataInDoubt\""), 1);
        QByteArray doubt;
        for (const QByteArray& line : seen.split('\n'))
            if (line.contains("\"kind\":\"dataInDoubt\""))
                doubt = line;
        QVERIFY2(
            doubt.contains("B holds transactions that started on A and that A lacks"), doubt.constData());
        json = runCli({ "status", m_profile.filePath, "--json" }, &code);
        QVERIFY2(json.contains("\"agreement\":\"unverified\"") && json.contains("\"cause\":\"errant-gtid\""),
            qPrintable(json));
        QJsonObject b;
        for (const QString& line : json.split('\n', Qt::SkipEmptyParts)) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            if (o.value("server").toString() == QLatin1String("B"))
                b = o;
        }
        QCOMPARE(b.value("errantGtids").toArray().size(), 1);
        QVERIFY2(b.value("errantGtids")
                     .toArray()
                     .at(0)
                     .toString()
                     .contains(QLatin1Char('-') + idA + QLatin1Char('-')),
            qPrintable(json));
        const QString text = runCli({ "status", m_profile.filePath }, &code);
        QVERIFY2(
            text.contains("ERRANT: holds transactions that started on A and that A lacks"), qPrintable(text));
        const QString nagios = runCli({ "status", m_profile.filePath, "--nagios" }, &code);
        QVERIFY2(code == 1 && nagios.startsWith("REPLIPAIR WARNING"), qPrintable(nagios));
#endif
    }
};

QTEST_GUILESS_MAIN(TestWriterRole)
#include "tst_writerrole.moc"
