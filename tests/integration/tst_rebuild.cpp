// Issue 18: `replipair-cli rebuild` on a real pair set up by RepliPair — after a real 1062 conflict with
// different data on both sides while a writer keeps committing on A; after B's replicated data was wiped;
// refused when the rebuilt server would clash with its peer (server_id, server_uuid); cancelled by SIGINT
// in the middle of the copy (A untouched, B back on its old data, recover has nothing left to do).
#include "operation/pairstate.h"
#include "support/replicatedsandbox.h"
#include "support/rowwriter.h"
#include "support/setupdriver.h"
#include "support/testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>

class TestRebuild : public QObject
{
    Q_OBJECT

    SandboxPair m_pair;
    QString m_password;
    Sandbox& sb() { return m_pair.sandbox(); }
    QString sql(int i, const QString& s)
    {
        bool ok = false;
        const QString out = sandboxSql(sb(), i, s, &ok);
        if (!ok)
            qWarning() << "SQL failed on" << i << s << out;
        return out;
    }
    QString field(int i, const QString& column) { return sandboxReplicaField(sb(), i, column); }
    PairProfile loaded() { return PairProfile::load(sb().profilePath()).value_or(PairProfile()); }
    QProcessEnvironment env()
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        const QString tmp = m_pair.dir() + QStringLiteral("/tmp");
        QDir().mkpath(tmp);
        e.insert(QStringLiteral("TMPDIR"), tmp);
        return e;
    }
    /** Runs the CLI to its end; returns its exit code, its stdout and stderr in @p out. */
    int cli(const QStringList& args, QString* out, int timeoutMs = 600000)
    {
        QProcess p;
        p.setProcessEnvironment(env());
        p.start(QStringLiteral(REPLIPAIR_CLI), args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
        }
        *out = QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
        qInfo().noquote() << *out;
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    QStringList rebuildArgs()
    {
        return { QStringLiteral("rebuild"), m_pair.sandbox().profilePath(), QStringLiteral("--server"),
            QStringLiteral("B"), QStringLiteral("--from"), QStringLiteral("A"), QStringLiteral("--yes") };
    }
    bool bothThreadsRun(int i)
    {
        return field(i, QStringLiteral("Slave_IO_Running")) == QLatin1String("Yes")
            && field(i, QStringLiteral("Slave_SQL_Running")) == QLatin1String("Yes");
    }
    /** What a table holds, in one line: rows, sum of keys, and a checksum of every row. */
    QString contents(int i, const QString& table)
    {
        return sql(i,
            QStringLiteral("SELECT CONCAT(COUNT(*), '/', COALESCE(SUM(seq), 0), '/', "
                           "COALESCE(SUM(CRC32(CONCAT_WS('|', seq, note))), 0)) FROM %1")
                .arg(table));
    }
    /** Waits until B's SQL thread halts on @p errno. */
    bool haltsOn(int errno_)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 60000) {
            if (field(1, QStringLiteral("Last_SQL_Errno")) == QString::number(errno_)
                && field(1, QStringLiteral("Slave_SQL_Running")) == QLatin1String("No"))
                return true;
            QTest::qWait(100);
        }
        return false;
    }
    void waitHealthy()
    {
        QString error;
        QVERIFY2(waitForSandboxReplication(sb(), 60000, &error), qPrintable(error));
    }
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        QFile pw(sb().adminPasswordFile());
        QVERIFY(pw.open(QIODevice::ReadOnly));
        m_password = QString::fromUtf8(pw.readAll()).trimmed();
        PairProfile p = sb().pairProfile();
        p.writer = 0; // A takes the writes, B is read-only
        QVERIFY(p.save(sb().profilePath()));
        const SetupOutcome o = runSetup(loaded());
        QVERIFY2(o.ok, qPrintable(o.error.toString() + QLatin1Char('\n') + o.lines.join(QLatin1Char('\n'))));
        // about 20 MB in test.big, so that a copy runs for a few seconds; test.orders takes the writer's rows
        QString seed = RowWriter::createTableSql(QStringLiteral("test.orders")) + QStringLiteral(";");
        seed += QStringLiteral(
            "CREATE TABLE test.big (seq BIGINT PRIMARY KEY, note VARCHAR(40), pad CHAR(200));"
            "INSERT INTO test.big VALUES (1, 'seed', REPEAT('x', 200));");
        for (int i = 0; i < 17; ++i)
            seed += QStringLiteral("INSERT INTO test.big SELECT seq + %1, note, pad FROM test.big;")
                        .arg(1 << i);
        bool ok = false;
        sandboxSql(sb(), 0, seed, &ok);
        QVERIFY(ok);
        QTRY_COMPARE_WITH_TIMEOUT(
            sql(1, QStringLiteral("SELECT COUNT(*) FROM test.big")), QString::number(1 << 17), 120000);
        waitHealthy();
    }
    void init() { QFile::remove(sb().profilePath() + QStringLiteral(".journal")); }

    void badInputChangesNothing()
    {
        QString out;
        QCOMPARE(cli({ QStringLiteral("rebuild"), sb().profilePath(), QStringLiteral("--yes") }, &out), 2);
        QVERIFY2(out.contains(QStringLiteral("--server")), qPrintable(out));
        QCOMPARE(cli({ QStringLiteral("rebuild"), sb().profilePath(), QStringLiteral("--server"),
                         QStringLiteral("B"), QStringLiteral("--from"), QStringLiteral("B"),
                         QStringLiteral("--yes") },
                     &out),
            2);
        QCOMPARE(cli(rebuildArgs() << QStringLiteral("--method") << QStringLiteral("tape"), &out), 2);
        // without --yes: what would happen to B, and nothing done
        QCOMPARE(cli({ QStringLiteral("rebuild"), sb().profilePath(), QStringLiteral("--server"),
                         QStringLiteral("B") },
                     &out),
            2);
        QVERIFY2(out.contains(QStringLiteral("replaced")) && out.contains(QStringLiteral("saved")),
            qPrintable(out));
        // the physical copy belongs to another build
        QCOMPARE(cli(rebuildArgs() << QStringLiteral("--method") << QStringLiteral("physical"), &out), 1);
        QVERIFY2(out.contains(QStringLiteral("rebuild-method-unavailable"))
                || out.contains(QStringLiteral("not available")),
            qPrintable(out));
        QVERIFY(bothThreadsRun(0) && bothThreadsRun(1));
    }

    void rebuildAfterAConflictUnderWrites()
    {
        waitHealthy();
        RowWriter app(QStringLiteral("127.0.0.1"), sb().servers().at(0).port, QStringLiteral("root"),
            m_password, QStringLiteral("test.orders"), 10);
        app.start(1);
        QTRY_VERIFY_WITH_TIMEOUT(app.committed() > 20, 30000);
        // B gets rows of its own, outside replication: one the writer will reach soon (a 1062 when it
        // arrives), one A never has
        const qint64 clash = app.lastSeq() + 100;
        sql(1,
            QStringLiteral(
                "SET sql_log_bin = 0; SET GLOBAL read_only = 0; "
                "INSERT INTO test.orders (seq, note) VALUES (%1, 'b-only'), (900000000, 'b-only'); "
                "SET GLOBAL read_only = 1")
                .arg(clash));
        QVERIFY2(haltsOn(1062), qPrintable(field(1, QStringLiteral("Last_SQL_Error"))));
        QString out;
        const int rc = cli(rebuildArgs() << QStringLiteral("--json"), &out);
        QVERIFY2(rc == 0, qPrintable(out));
        // the writer went on all along; a while more, then the pair must hold every row once
        const qint64 before = app.committed();
        QTRY_VERIFY_WITH_TIMEOUT(app.committed() > before + 20, 30000);
        const qint64 committed = app.stop();
        QVERIFY(committed > 0);
        QTRY_VERIFY_WITH_TIMEOUT(bothThreadsRun(0) && bothThreadsRun(1), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(
            contents(1, QStringLiteral("test.orders")), contents(0, QStringLiteral("test.orders")), 60000);
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM test.orders WHERE seq < 900000000")),
            QString::number(committed));
        QCOMPARE(sql(1, QStringLiteral("SELECT COUNT(*) FROM test.orders WHERE note = 'b-only'")),
            QStringLiteral("0"));
        QCOMPARE(contents(1, QStringLiteral("test.big")), contents(0, QStringLiteral("test.big")));
        QVERIFY2(out.contains(QStringLiteral("\"dataEqual\":true")), qPrintable(out));
        // B is the reader again, not fenced; the old copy of its data is kept on its host
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("1"));
        QCOMPARE(sql(0, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("0"));
        const auto state = PairState::load(loaded());
        QVERIFY(state && !state->isFenced(1));
    }

    void rebuildAfterTheDataWasWiped()
    {
        waitHealthy();
        sql(1, QStringLiteral("SET sql_log_bin = 0; DROP DATABASE test"));
        sql(0, QStringLiteral("INSERT INTO test.orders (seq, note) VALUES (800000000, 'after the wipe')"));
        QTRY_VERIFY_WITH_TIMEOUT(field(1, QStringLiteral("Last_SQL_Errno")) != QLatin1String("0"), 30000);
        QString out;
        QVERIFY2(cli(rebuildArgs(), &out) == 0, qPrintable(out));
        QTRY_VERIFY_WITH_TIMEOUT(bothThreadsRun(0) && bothThreadsRun(1), 30000);
        QCOMPARE(contents(1, QStringLiteral("test.orders")), contents(0, QStringLiteral("test.orders")));
        QCOMPARE(contents(1, QStringLiteral("test.big")), contents(0, QStringLiteral("test.big")));
        // the pair's TLS ("verify-ca" in the sandbox) kept: both links encrypted and verified, both
        // replication accounts REQUIRE SSL
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(field(i, QStringLiteral("Master_SSL_Allowed")), QStringLiteral("Yes"));
            QCOMPARE(field(i, QStringLiteral("Master_SSL_Verify_Server_Cert")), QStringLiteral("Yes"));
            QCOMPARE(sql(i,
                         QStringLiteral("SELECT DISTINCT ssl_type FROM mysql.user WHERE user = '%1'")
                             .arg(loaded().replicationUser)),
                QStringLiteral("ANY"));
        }
        // and writes go on both ways
        sql(0, QStringLiteral("INSERT INTO test.orders (seq, note) VALUES (800000001, 'then')"));
        QTRY_COMPARE_WITH_TIMEOUT(
            sql(1, QStringLiteral("SELECT COUNT(*) FROM test.orders WHERE seq = 800000001")),
            QStringLiteral("1"), 30000);
    }

    void serverIdClashRefusedBeforeAnyChange()
    {
        waitHealthy();
        // what a server cloned from its peer's files gets: the peer's server_id (a copied option file)
        const QString ownId = sql(1, QStringLiteral("SELECT @@GLOBAL.server_id"));
        const QString peerId = sql(0, QStringLiteral("SELECT @@GLOBAL.server_id"));
        sql(1, QStringLiteral("SET GLOBAL server_id = %1").arg(peerId));
        QString out;
        const int rc = cli(rebuildArgs(), &out);
        sql(1, QStringLiteral("SET GLOBAL server_id = %1; START SLAVE").arg(ownId));
        sql(0, QStringLiteral("START SLAVE"));
        QCOMPARE(rc, 1);
        QVERIFY2(out.contains(QStringLiteral("server_id")) && out.contains(QStringLiteral("REFUSED")),
            qPrintable(out));
        QVERIFY(!field(1, QStringLiteral("Master_Host")).isEmpty()); // B's replica settings untouched
        QVERIFY(!QFile::exists(sb().profilePath() + QStringLiteral(".state.json")));
    }

    void serverUuidClashRefusedBeforeAnyChange()
    {
        if (sql(1,
                QStringLiteral("SELECT COUNT(*) FROM information_schema.GLOBAL_VARIABLES WHERE "
                               "VARIABLE_NAME = 'SERVER_UUID'"))
            != QLatin1String("1"))
            QSKIP("the server_uuid clash needs MySQL (MariaDB has no server_uuid and no auto.cnf); the "
                  "server_id "
                  "clash is its MariaDB counterpart");
        waitHealthy();
        // a copied auto.cnf: B restarted with A's server_uuid
        const QString dirA = sql(0, QStringLiteral("SELECT @@GLOBAL.datadir")),
                      dirB = sql(1, QStringLiteral("SELECT @@GLOBAL.datadir"));
        QVERIFY(sb().stop(1));
        QFile::remove(dirB + QStringLiteral("/auto.cnf"));
        QVERIFY(QFile::copy(dirA + QStringLiteral("/auto.cnf"), dirB + QStringLiteral("/auto.cnf")));
        QVERIFY(sb().start(1));
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.server_uuid")),
            sql(0, QStringLiteral("SELECT @@GLOBAL.server_uuid")));
        QString out;
        const int rc = cli(rebuildArgs(), &out);
        QVERIFY(sb().stop(1));
        QFile::remove(dirB + QStringLiteral("/auto.cnf")); // a new uuid at the next start
        QVERIFY(sb().start(1));
        QCOMPARE(rc, 1);
        QVERIFY2(out.contains(QStringLiteral("server_uuid")) && out.contains(QStringLiteral("auto.cnf")),
            qPrintable(out));
    }

    void sigintMidCopyPutsBBack()
    {
        waitHealthy();
        const QString aBefore = contents(0, QStringLiteral("test.big")),
                      bBefore = contents(1, QStringLiteral("test.big"));
        sql(1,
            QStringLiteral("SET sql_log_bin = 0; SET GLOBAL read_only = 0; "
                           "INSERT INTO test.orders (seq, note) VALUES (700000000, 'b-only'); SET GLOBAL "
                           "read_only = 1"));
        const QString bOrders = contents(1, QStringLiteral("test.orders"));
        QProcess p;
        p.setProcessEnvironment(env());
        p.start(QStringLiteral(REPLIPAIR_CLI), rebuildArgs() << QStringLiteral("--json"));
        QVERIFY(p.waitForStarted(10000));
        QByteArray seen;
        bool copying = false;
        QElapsedTimer t;
        t.start();
        while (!copying && t.elapsed() < 300000 && p.state() == QProcess::Running) {
            p.waitForReadyRead(200);
            seen += p.readAllStandardOutput();
            for (const QByteArray& line : seen.split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o.value(QStringLiteral("step")).toString() == QLatin1String("copy")
                    && o.value(QStringLiteral("event")).toString() == QLatin1String("progress")
                    && o.value(QStringLiteral("data")).toObject().value(QStringLiteral("phase")).toString()
                        == QLatin1String("copy"))
                    copying = true;
            }
        }
        QVERIFY2(copying, seen.constData());
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("1"));
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(180000));
        seen += p.readAllStandardOutput();
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(
            p.exitCode() == 130, qPrintable(QString::number(p.exitCode()) + err + QString::fromUtf8(seen)));
        // A untouched: writable, same data, replicating from B again
        QCOMPARE(sql(0, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("0"));
        QCOMPARE(contents(0, QStringLiteral("test.big")), aBefore);
        QTRY_VERIFY_WITH_TIMEOUT(bothThreadsRun(0), 30000);
        // B usable: its old data back (its own row too), its replica settings back, not fenced
        QCOMPARE(contents(1, QStringLiteral("test.big")), bBefore);
        QCOMPARE(contents(1, QStringLiteral("test.orders")), bOrders);
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("1"));
        QCOMPARE(field(1, QStringLiteral("Master_Port")), QString::number(sb().servers().at(0).port));
        const auto state = PairState::load(loaded());
        QVERIFY(state && !state->isFenced(1));
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE User = 'replipair_copy'")),
            QStringLiteral("0"));
        QString out;
        QVERIFY2(cli({ QStringLiteral("recover"), sb().profilePath() }, &out) == 0, qPrintable(out));
        // and a re-run rebuilds it
        QVERIFY2(cli(rebuildArgs(), &out) == 0, qPrintable(out));
        QTRY_VERIFY_WITH_TIMEOUT(bothThreadsRun(0) && bothThreadsRun(1), 30000);
        QCOMPARE(sql(1, QStringLiteral("SELECT COUNT(*) FROM test.orders WHERE note = 'b-only'")),
            QStringLiteral("0"));
    }

    void cleanupTestCase() { }
};

QTEST_GUILESS_MAIN(TestRebuild)
#include "tst_rebuild.moc"
