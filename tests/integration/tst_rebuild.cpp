// Issue 18: `replipair-cli rebuild` on a real pair set up by RepliPair — after a real 1062 conflict with
// different data on both sides while a writer keeps committing on A; after B's replicated data was wiped;
// refused when the rebuilt server would clash with its peer (server_id, server_uuid); cancelled by SIGINT
// in the middle of the copy (A untouched, B back on its old data, recover has nothing left to do). The
// physical copy (real mariadb-backup, both hosts through the test sshd): B whose data was wiped (its SQL
// thread halted) rebuilt with both directions running and the data equal, B keeping its own server_id and
// gtid_domain_id; SIGINT in the middle of the stream (B on its old data folder, running and usable, nothing
// of the copy left); SIGKILL there, then recover (the stream's jobs, folders and account gone, A replicating
// again) and a rebuild again; refused with nothing changed when a host lacks mariadb-backup.
#include "rebuildharness.h"
#include "support/replicatedsandbox.h"
#include "support/rowwriter.h"
#include "support/setupdriver.h"

#include <QScopeGuard>
#include <QTemporaryDir>

class TestRebuild : public QObject, RebuildHarness
{
    Q_OBJECT

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
        QVERIFY(bothThreadsRun(0) && bothThreadsRun(1));
    }

    /** --no-save: every line of the dry run says B's old data is not saved (the copy's own check said
     *  "the old copy is saved first as a dump", beside the preview's "is NOT saved"). */
    void noSaveDryRunSaysNothingIsSaved()
    {
        waitHealthy();
        QString out;
        QCOMPARE(cli({ QStringLiteral("rebuild"), sb().profilePath(), QStringLiteral("--server"),
                         QStringLiteral("B"), QStringLiteral("--no-save"), QStringLiteral("--dry-run") },
                     &out),
            0);
        QVERIFY2(out.contains(QStringLiteral("NOT saved")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("not saved (--no-save)")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("saved first as a dump")), qPrintable(out));
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
        // the physical copy where it can run (root, the test sshd with sudo): B's whole data folder
        // replaced from A by mariadb-backup; else the logical one
        const bool physical = sshReady();
        if (!physical)
            qInfo("no test sshd with sudo: the logical copy rebuilds B");
        waitHealthy();
        const QString ownB = sql(1, QStringLiteral("SELECT CONCAT(@@server_id, '/', @@gtid_domain_id)"));
        QVERIFY(ownB != sql(0, QStringLiteral("SELECT CONCAT(@@server_id, '/', @@gtid_domain_id)")));
        // B's data wiped: its SQL thread halts on the next row A writes
        sql(1, QStringLiteral("SET sql_log_bin = 0; DROP DATABASE test"));
        sql(0, QStringLiteral("INSERT INTO test.orders (seq, note) VALUES (800000000, 'after the wipe')"));
        QTRY_VERIFY_WITH_TIMEOUT(field(1, QStringLiteral("Last_SQL_Errno")) != QLatin1String("0"), 30000);
        QCOMPARE(field(1, QStringLiteral("Slave_SQL_Running")), QStringLiteral("No"));
        const QString dir = dataDirB();
        QVERIFY(useSsh(physical));
        const auto local = qScopeGuard([this] { useSsh(false); });
        QString out;
        QVERIFY2(cli(rebuildArgs() << QStringLiteral("--method")
                                   << QString::fromLatin1(physical ? "physical" : "logical")
                                   << QStringLiteral("--json"),
                     &out)
                == 0,
            qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("\"dataEqual\":true")), qPrintable(out));
        // both directions from the copy's point, the data equal
        QTRY_VERIFY_WITH_TIMEOUT(bothThreadsRun(0) && bothThreadsRun(1), 30000);
        QCOMPARE(field(0, QStringLiteral("Master_Port")), QString::number(sb().servers().at(1).port));
        QCOMPARE(field(1, QStringLiteral("Master_Port")), QString::number(sb().servers().at(0).port));
        QCOMPARE(contents(1, QStringLiteral("test.orders")), contents(0, QStringLiteral("test.orders")));
        QCOMPARE(contents(1, QStringLiteral("test.big")), contents(0, QStringLiteral("test.big")));
        // B kept its own identity (its option file), and is the reader again
        QCOMPARE(sql(1, QStringLiteral("SELECT CONCAT(@@server_id, '/', @@gtid_domain_id)")), ownB);
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("1"));
        QVERIFY(!PairState::load(loaded())->isFenced(1));
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
        sql(1,
            QStringLiteral("SET GLOBAL read_only = 0; INSERT INTO test.orders (seq, note) VALUES (800000002, "
                           "'from B'); SET GLOBAL read_only = 1"));
        QTRY_COMPARE_WITH_TIMEOUT(
            sql(0, QStringLiteral("SELECT COUNT(*) FROM test.orders WHERE seq = 800000002")),
            QStringLiteral("1"), 30000);
        if (!physical)
            return;
        // the old data folder is kept beside the new one (removed here); no work folder left
        QVERIFY2(out.contains(QStringLiteral("mariadb-backup")), qPrintable(out));
        const QStringList kept = besideB(dir);
        QCOMPARE(kept.filter(QStringLiteral("replipair-copy.")), QStringList());
        QCOMPARE(kept.size(), 1);
        QDir(QFileInfo(dir).absolutePath() + QLatin1Char('/') + kept.first()).removeRecursively();
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
        QByteArray seen;
        // B read-only while the copy runs; then Ctrl-C
        const int rc = interruptWhileCopying(rebuildArgs() << QStringLiteral("--json"), &seen,
            [this] { QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("1")); });
        QVERIFY2(rc == 130, qPrintable(QString::number(rc) + QString::fromUtf8(seen)));
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
        // a re-run rebuilds it: killedMidPhysicalCopyThenRecover ends with one (B's 'b-only' rows gone)
    }

    /** A logical rebuild killed outright in the middle of its copy: recover puts back what it can and names
     *  the two things only a rebuild can redo (the databases the copy was loading into B, B's removed
     *  replica settings); the rebuild it names must then run — it was refused before ("run recover first"),
     *  a dead end. */
    void killedMidLogicalCopyThenRecoverThenRebuildAgain()
    {
        waitHealthy();
        QByteArray seen;
        QCOMPARE(interruptWhileCopying(rebuildArgs() << QStringLiteral("--json"), &seen, {}, SIGKILL), -2);
        QString out;
        const int recovered = cli({ QStringLiteral("recover"), sb().profilePath() }, &out);
        QVERIFY2(recovered == 0 || recovered == 1, qPrintable(out));
        QVERIFY2(recovered == 0 || out.contains(QStringLiteral("run the rebuild again")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("run the setup with the copy again")), qPrintable(out));
        QCOMPARE(sql(0, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("0"));
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE User = 'replipair_copy'")),
            QStringLiteral("0"));
        QVERIFY2(cli(rebuildArgs(), &out) == 0, qPrintable(out));
        QTRY_VERIFY_WITH_TIMEOUT(bothThreadsRun(0) && bothThreadsRun(1), 30000);
        QCOMPARE(contents(1, QStringLiteral("test.big")), contents(0, QStringLiteral("test.big")));
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("1"));
        const auto state = PairState::load(loaded());
        QVERIFY(state && !state->isFenced(1));
        // nothing is left for recover
        QCOMPARE(
            cli({ QStringLiteral("recover"), sb().profilePath(), QStringLiteral("--dry-run") }, &out), 0);
    }

    void physicalRefusedWithoutTheBackupTool()
    {
        // B's host (this machine, no SSH) without mariadb-backup: a PATH with every other program
        waitHealthy();
        QTemporaryDir bin;
        QVERIFY(bin.isValid());
        for (const QFileInfo& f : QDir(QStringLiteral("/usr/bin")).entryInfoList(QDir::Files | QDir::System))
            if (!f.fileName().contains(QStringLiteral("backup"))
                && !f.fileName().contains(QStringLiteral("mariabackup")))
                QFile::link(f.absoluteFilePath(), bin.filePath(f.fileName()));
        QProcessEnvironment e = env();
        e.insert(QStringLiteral("PATH"), bin.path() + QStringLiteral(":/usr/sbin:/sbin"));
        const QString dir = dataDirB();
        const QStringList beside = besideB(dir);
        const QString bOrders = contents(1, QStringLiteral("test.orders"));
        QString out;
        QCOMPARE(
            cli(rebuildArgs() << QStringLiteral("--method") << QStringLiteral("physical"), &out, 600000, e),
            1);
        QVERIFY2(out.contains(QStringLiteral("REFUSED")) && out.contains(QStringLiteral("mariadb-backup"))
                && out.contains(QStringLiteral("apt-get install mariadb-backup")),
            qPrintable(out));
        // nothing changed: both directions run, no mark, nothing beside B's data folder, no journal run
        QVERIFY(bothThreadsRun(0) && bothThreadsRun(1));
        QVERIFY(!QFile::exists(sb().profilePath() + QStringLiteral(".state.json")));
        QVERIFY(!QFile::exists(sb().profilePath() + QStringLiteral(".journal")));
        QCOMPARE(besideB(dir), beside);
        QCOMPARE(contents(1, QStringLiteral("test.orders")), bOrders);
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("1"));
    }

    void sigintMidPhysicalCopyPutsBBack_data()
    {
        QTest::addColumn<QString>("phase");
        QTest::newRow("during the stream") << QStringLiteral("copy");
        QTest::newRow("during the data folder swap") << QStringLiteral("swap");
    }

    void sigintMidPhysicalCopyPutsBBack()
    {
        QFETCH(QString, phase);
        if (!sshReady())
            QSKIP("the physical copy's data folder swap needs root and the test sshd with sudo");
        waitHealthy();
        const QString aBefore = contents(0, QStringLiteral("test.big"));
        sql(1,
            QStringLiteral("SET sql_log_bin = 0; SET GLOBAL read_only = 0; "
                           "INSERT INTO test.orders (seq, note) VALUES (500000000, 'b-only'); SET GLOBAL "
                           "read_only = 1"));
        const QString bOrders = contents(1, QStringLiteral("test.orders"));
        const QString dir = dataDirB();
        const QStringList beside = besideB(dir);
        QVERIFY(useSsh(true));
        const auto local = qScopeGuard([this] { useSsh(false); });
        QByteArray seen;
        const int rc = interruptWhileCopying(rebuildArgs()
                << QStringLiteral("--method") << QStringLiteral("physical") << QStringLiteral("--json"),
            &seen, {}, SIGINT, phase);
        QVERIFY2(rc == 130, qPrintable(QString::number(rc) + QString::fromUtf8(seen)));
        // B on its old data folder, running and usable: its own row, its replica settings, read-only
        QCOMPARE(dataDirB(), dir);
        QCOMPARE(contents(1, QStringLiteral("test.orders")), bOrders);
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("1"));
        QCOMPARE(field(1, QStringLiteral("Master_Port")), QString::number(sb().servers().at(0).port));
        QVERIFY(!PairState::load(loaded())->isFenced(1));
        // A untouched and replicating from B again; nothing of the copy on either host
        QCOMPARE(sql(0, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("0"));
        QCOMPARE(contents(0, QStringLiteral("test.big")), aBefore);
        QTRY_VERIFY_WITH_TIMEOUT(bothThreadsRun(0), 30000);
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE User = 'replipair_backup'")),
            QStringLiteral("0"));
        QCOMPARE(besideB(dir), beside);
        QString out;
        QVERIFY2(cli({ QStringLiteral("recover"), sb().profilePath() }, &out) == 0, qPrintable(out));
        sql(1,
            QStringLiteral("SET sql_log_bin = 0; SET GLOBAL read_only = 0; DELETE FROM test.orders WHERE seq "
                           "= 500000000; SET GLOBAL read_only = 1"));
    }

    void killedMidPhysicalCopyThenRecover()
    {
        if (!sshReady())
            QSKIP("the physical copy's data folder swap needs root and the test sshd with sudo");
        waitHealthy();
        const QString dir = dataDirB();
        const QStringList beside = besideB(dir);
        const QString bOrders = contents(1, QStringLiteral("test.orders"));
        QVERIFY(useSsh(true));
        const auto local = qScopeGuard([this] { useSsh(false); });
        QByteArray seen;
        QCOMPARE(
            interruptWhileCopying(rebuildArgs()
                    << QStringLiteral("--method") << QStringLiteral("physical") << QStringLiteral("--json"),
                &seen, {}, SIGKILL),
            -2);
        // the stream's jobs run on, detached; recover stops them and puts back what the journal names
        QString out;
        const int rc = cli({ QStringLiteral("recover"), sb().profilePath() }, &out);
        QVERIFY2(rc == 0 || rc == 1, qPrintable(out));
        QCOMPARE(besideB(dir), beside);
        QCOMPARE(dataDirB(), dir);
        QCOMPARE(contents(1, QStringLiteral("test.orders")), bOrders);
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("1"));
        QCOMPARE(sql(0, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("0"));
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE User = 'replipair_backup'")),
            QStringLiteral("0"));
        QTRY_VERIFY_WITH_TIMEOUT(bothThreadsRun(0), 30000);
        // what recover cannot put back (B's removed replica settings) a rebuild does, also of the rows B had
        // of its own since the interrupted rebuilds above
        QVERIFY2(cli(rebuildArgs(), &out) == 0, qPrintable(out));
        QTRY_VERIFY_WITH_TIMEOUT(bothThreadsRun(0) && bothThreadsRun(1), 30000);
        QCOMPARE(sql(1, QStringLiteral("SELECT COUNT(*) FROM test.orders WHERE note = 'b-only'")),
            QStringLiteral("0"));
        QCOMPARE(contents(1, QStringLiteral("test.orders")), contents(0, QStringLiteral("test.orders")));
    }

    void cleanupTestCase() { }
};

QTEST_GUILESS_MAIN(TestRebuild)
#include "tst_rebuild.moc"
