#include "common/stepid.h"
#include "host/serverworker.h"
#include "monitor/heartbeat.h"
#include "operation/pairstate.h"
#include "operation/switchover.h"
#include "operation/writercontrol.h"
#include "setup/setupjournal.h"
#include "support/haproxyfixture.h"
#include "support/replicatedsandbox.h"
#include "support/rowwriter.h"
#include "support/setupdriver.h"
#include "support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTest>
#include <QUuid>

#include <csignal>

/** Switchover on a real pair set up by RepliPair: each guard refuses with A still the writer, a failing
 *  beforeSwitch hook and a new writer that does not catch up roll back, and a switch under continuous writes
 *  through a real HAProxy (moved by the afterSwitch hook) loses and duplicates nothing. */
class TstSwitchover : public QObject
{
    Q_OBJECT

    SandboxPair m_pair;
    PairProfile m_profile;
    QString m_password;

    Sandbox& sb() { return m_pair.sandbox(); }
    QString sql(int i, const QString& statement)
    {
        bool ok = false;
        const QString out = sandboxSql(sb(), i, statement, &ok);
        if (!ok)
            qWarning() << "SQL failed on" << i << statement << out;
        return out;
    }
    /** A connection of the test's own to server @p i, named @p name: the application's account unless
     *  told otherwise. */
    QSqlDatabase openOwn(const QString& name, int i, const QString& user = QStringLiteral("app"),
        const QString& password = QStringLiteral("app-pw"))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), name);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(sb().servers()[i].port);
        db.setUserName(user);
        db.setPassword(password);
        db.open();
        return db;
    }
    bool readOnly(int i) { return sql(i, QStringLiteral("SELECT @@GLOBAL.read_only")) == QLatin1String("1"); }
    QString profilePath() const { return m_pair.dir() + QStringLiteral("/switch.replipair.json"); }
    PairProfile loaded() { return PairProfile::load(profilePath()).value_or(PairProfile()); }

    Switchover::Outcome switchTo(int to, std::function<void(Switchover::Options&)> tune = {},
        std::function<void(PairProfile&)> edit = {}, QStringList* lines = nullptr)
    {
        PairProfile p = loaded();
        if (edit)
            edit(p);
        Switchover::Options o;
        o.to = to;
        if (tune)
            tune(o);
        Switchover s(p, o, [lines](const SetupEvent& e) {
            if (lines)
                *lines << e.toLine();
            qInfo().noquote() << e.toLine();
        });
        return s.run();
    }
    static QStringList codes(const Switchover::Outcome& o)
    {
        QStringList out;
        for (const Finding& f : o.checks)
            if (f.severity == Finding::Severity::Error)
                out << f.code;
        return out;
    }
    /** A is the writer, B read-only, both directions run: where every test starts. */
    void resetToA()
    {
        sql(0, QStringLiteral("SET GLOBAL read_only = OFF; START SLAVE"));
        sql(1, QStringLiteral("SET GLOBAL read_only = ON; START SLAVE"));
        PairProfile p = sb().pairProfile(); // no hooks
        p.writer = 0;
        QVERIFY(p.save(profilePath()));
        QString error;
        QVERIFY2(waitForSandboxReplication(sb(), 30000, &error), qPrintable(error));
    }
    void verifyAStillWriter()
    {
        QVERIFY(!readOnly(0));
        QVERIFY(readOnly(1));
        QCOMPARE(loaded().writerIndex(), 0);
    }
    /** A client option file with the admin password, for hooks that talk to the servers. */
    QString clientCnf()
    {
        const QString path = m_pair.dir() + QStringLiteral("/client.cnf");
        QFile f(path);
        if (f.open(QIODevice::WriteOnly)) {
            f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
            f.write(QStringLiteral("[client]\nuser=root\npassword=%1\nhost=127.0.0.1\n")
                        .arg(m_password)
                        .toUtf8());
        }
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        QFile pw(sb().adminPasswordFile());
        QVERIFY(pw.open(QIODevice::ReadOnly));
        m_password = QString::fromUtf8(pw.readAll()).trimmed();
        PairProfile p = sb().pairProfile();
        p.writer = 0;
        QVERIFY(p.save(profilePath()));
        const SetupOutcome o = runSetup(loaded());
        const QString said = o.error.toString() + QStringLiteral("\n") + o.lines.join(QStringLiteral("\n"));
        QVERIFY2(o.ok, qPrintable(said));
        // the application's account, on each server (the pair replicates test.% only): no SUPER, so read_only
        // stops it
        const QString account
            = QStringLiteral("SET sql_log_bin = 0; CREATE USER IF NOT EXISTS 'app'@'127.0.0.1' "
                             "IDENTIFIED BY 'app-pw'; GRANT SELECT, INSERT, UPDATE, DELETE ON test.* "
                             "TO 'app'@'127.0.0.1';");
        for (int i = 0; i < 2; ++i) {
            const QString created = sql(i, account);
            QVERIFY2(created.isEmpty(), qPrintable(created));
        }
        sql(0, RowWriter::createTableSql(QStringLiteral("test.orders")));
        QTRY_COMPARE_WITH_TIMEOUT(sql(1,
                                      QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE "
                                                     "TABLE_SCHEMA = 'test' AND TABLE_NAME = 'orders'")),
            QStringLiteral("1"), 30000);
    }
    void init() { resetToA(); }

    void dryRunChecksAndChangesNothing()
    {
        const auto o = switchTo(1, [](Switchover::Options& o) { o.dryRun = true; });
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        QVERIFY(!o.switched);
        QVERIFY(o.steps.size() >= 8);
        QVERIFY(codes(o).isEmpty());
        verifyAStillWriter();
    }

    /** What a DBA reads: a switch to the server that is the writer already names that server as the one that
     *  stays the writer (it said the other one), and a profile without hooks says so instead of showing
     *  "run the beforeSwitch hook: " with nothing after it. */
    void aSwitchToTheWriterNamesItAndAbsentHooksAreSaid()
    {
        QStringList lines;
        const auto same = switchTo(
            0, [](Switchover::Options& o) { o.dryRun = true; }, {}, &lines);
        QVERIFY(same.refused);
        QVERIFY2(codes(same).contains(QStringLiteral("already-writer")), qPrintable(codes(same).join(' ')));
        QVERIFY2(same.error.text.contains(QStringLiteral("A stays the writer")), qPrintable(same.error.text));
        // the refused dry run through the command line says it is refused and why, and lists no step it
        // would never take (it listed nine); its JSON says so by a stable id
        {
            QProcess p;
            p.start(QStringLiteral(REPLIPAIR_CLI),
                { QStringLiteral("switchover"), profilePath(), QStringLiteral("--to"), QStringLiteral("A"),
                    QStringLiteral("--dry-run") });
            QVERIFY(p.waitForFinished(120000));
            const QString said = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            QVERIFY2(p.exitCode() == 1, qPrintable(said));
            QVERIFY2(said.contains(QStringLiteral("would be refused"))
                    && said.contains(QStringLiteral("[REFUSED]")),
                qPrintable(said));
            QVERIFY2(!said.contains(QStringLiteral("The steps")) && !said.contains(QStringLiteral("  1. ")),
                qPrintable(said));
            p.start(QStringLiteral(REPLIPAIR_CLI),
                { QStringLiteral("switchover"), profilePath(), QStringLiteral("--to"), QStringLiteral("A"),
                    QStringLiteral("--dry-run"), QStringLiteral("--json") });
            QVERIFY(p.waitForFinished(120000));
            QJsonObject dry;
            for (const QByteArray& line : p.readAllStandardOutput().split('\n'))
                if (const QJsonObject o = QJsonDocument::fromJson(line).object();
                    o.value(QStringLiteral("event")).toString() == QLatin1String("dry-run"))
                    dry = o;
            QCOMPARE(dry.value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
            QVERIFY(dry.value(QStringLiteral("steps")).toArray().isEmpty());
            QVERIFY2(
                dry.value(QStringLiteral("refusedBy")).toArray().contains(QStringLiteral("already-writer")),
                qPrintable(QJsonDocument(dry).toJson()));
        }
        verifyAStillWriter();
        lines.clear();
        const auto o = switchTo(
            1, [](Switchover::Options& o) { o.dryRun = true; }, {}, &lines);
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        for (const QString& step : o.steps)
            QVERIFY2(!step.trimmed().endsWith(QLatin1Char(':')), qPrintable(step));
        QVERIFY2(o.steps.first().contains(QStringLiteral("beforeSwitch hook: none in the profile")),
            qPrintable(o.steps.first()));
        verifyAStillWriter();
    }

    /** A dry run says what the run itself would refuse first: the pair's last run was killed and left a
     *  change for recover. It said "every check passed" (exit 0) and the run then refused ("Run recover
     *  first"); the rebuild's dry run too. */
    void aDryRunSaysThatAKilledRunWouldRefuseIt()
    {
        const QString journal = profilePath() + QStringLiteral(".journal");
        QFile::remove(journal);
        QVERIFY(appendKilledSwitchover(journal));
        const auto removeJournal = qScopeGuard([&] { QFile::remove(journal); });
        const auto o = switchTo(1, [&](Switchover::Options& o) {
            o.dryRun = true;
            o.journalPath = journal;
        });
        QVERIFY(o.refused);
        QVERIFY2(codes(o).contains(QStringLiteral("run-not-ended")), qPrintable(codes(o).join(',')));
        // through the command line: switchover's and rebuild's dry runs exit 1 and name recover
        for (const QStringList& args :
            { QStringList { QStringLiteral("switchover"), profilePath(), QStringLiteral("--to"),
                  QStringLiteral("B"), QStringLiteral("--dry-run") },
                QStringList { QStringLiteral("rebuild"), profilePath(), QStringLiteral("--server"),
                    QStringLiteral("B"), QStringLiteral("--dry-run") } }) {
            QProcess p;
            p.start(QStringLiteral(REPLIPAIR_CLI), args);
            QVERIFY(p.waitForFinished(120000));
            const QString said = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            QVERIFY2(p.exitCode() == 1, qPrintable(args.first() + QLatin1Char('\n') + said));
            QVERIFY2(said.contains(QStringLiteral("replipair-cli recover")), qPrintable(said));
        }
        verifyAStillWriter();
    }

    void aDelayedReplicaIsRefused()
    {
        sql(1, QStringLiteral("STOP SLAVE; CHANGE MASTER TO MASTER_DELAY = 30; START SLAVE"));
        const auto o = switchTo(1, [](Switchover::Options& o) { o.limits.maxLagSec = 2; });
        sql(1, QStringLiteral("STOP SLAVE; CHANGE MASTER TO MASTER_DELAY = 0; START SLAVE"));
        QVERIFY(o.refused);
        QVERIFY2(codes(o).contains(QStringLiteral("replica-delayed")), qPrintable(codes(o).join(',')));
        verifyAStillWriter();
    }

    void aLaggingReplicaIsRefusedByTheHeartbeat()
    {
        // B's threads run and it has no delay, but it cannot apply the beat written on A: a session on B
        // holds the heartbeat table locked, so the beat does not arrive within the limit (a MASTER_DELAY
        // equal to the limit made this depend on where in its second the beat was written)
        const QString table = loaded().probeDatabase() + QStringLiteral(".replipair_heartbeat");
        ServerWorker a(0, loaded().servers[0]);
        const QString database = loaded().probeDatabase();
        const auto made = a.run([database](ServerContext& ctx) -> Result<bool> {
            if (auto c = ctx.connect(); !c)
                return std::unexpected(c.error());
            return Heartbeat::ensureTable(*ctx.sql, database);
        });
        QVERIFY2(made, qPrintable(made ? QString() : made.error().text));
        QTRY_COMPARE_WITH_TIMEOUT(
            sql(1,
                QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE "
                               "TABLE_SCHEMA = '%1' AND TABLE_NAME = 'replipair_heartbeat'")
                    .arg(loaded().probeDatabase())),
            QStringLiteral("1"), 30000);
        const QString name = QUuid::createUuid().toString(QUuid::Id128);
        Switchover::Outcome o;
        {
            QSqlDatabase db = openOwn(name, 1, QStringLiteral("root"), m_password);
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QSqlQuery q(db);
            QVERIFY2(
                q.exec(QStringLiteral("LOCK TABLES %1 WRITE").arg(table)), qPrintable(q.lastError().text()));
            o = switchTo(1, [](Switchover::Options& o) { o.limits.maxLagSec = 2; });
            QVERIFY(q.exec(QStringLiteral("UNLOCK TABLES")));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        QVERIFY(o.refused);
        QVERIFY2(codes(o).contains(QStringLiteral("replica-lagging")), qPrintable(codes(o).join(',')));
        verifyAStillWriter();
    }

    void aStoppedSqlThreadIsRefused()
    {
        sql(1, QStringLiteral("STOP SLAVE SQL_THREAD"));
        const auto o = switchTo(1);
        sql(1, QStringLiteral("START SLAVE SQL_THREAD"));
        QVERIFY(o.refused);
        QVERIFY2(
            codes(o).contains(QStringLiteral("replication-not-running")), qPrintable(codes(o).join(',')));
        verifyAStillWriter();
    }

    void aLongWriteTransactionOnAIsRefused()
    {
        const QString name = QUuid::createUuid().toString(QUuid::Id128);
        {
            QSqlDatabase db = openOwn(name, 0);
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QSqlQuery q(db);
            QVERIFY(db.transaction());
            QVERIFY2(q.exec(QStringLiteral("INSERT INTO test.orders VALUES (900000001, 'long')")),
                qPrintable(q.lastError().text()));
            // older than the limit below by the server's own clock, as the switch's check reads it
            QTRY_VERIFY_WITH_TIMEOUT(sql(0,
                                         QStringLiteral("SELECT COUNT(*) FROM information_schema.innodb_trx "
                                                        "WHERE trx_rows_modified > 0 AND "
                                                        "TIMESTAMPDIFF(SECOND, trx_started, NOW()) >= 2"))
                                         .toInt()
                    >= 1,
                20000);
            const auto o = switchTo(1, [](Switchover::Options& o) { o.limits.maxTransactionSec = 2; });
            QVERIFY(db.rollback());
            db.close();
            QVERIFY(o.refused);
            QVERIFY2(
                codes(o).contains(QStringLiteral("long-write-transaction")), qPrintable(codes(o).join(',')));
        }
        QSqlDatabase::removeDatabase(name);
        verifyAStillWriter();
    }

    void aTransactionThatEndedIsNotWaitedFor()
    {
        // issue 17: InnoDB refreshes information_schema.innodb_trx only after 100 ms without a read; the wait
        // after read_only read it every 20 ms, so a write transaction seen open by the guard's read went on
        // showing after its commit, for as long as the wait read: the switch timed out and rolled back
        ServerWorker a(0, loaded().servers[0]);
        QVERIFY(a.run([](ServerContext& ctx) { return ctx.connect(); }));
        const QString name = QUuid::createUuid().toString(QUuid::Id128);
        {
            QSqlDatabase db = openOwn(name, 0);
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QSqlQuery q(db);
            QVERIFY(db.transaction());
            QVERIFY2(q.exec(QStringLiteral("INSERT INTO test.orders VALUES (900000030, 'ended')")),
                qPrintable(q.lastError().text()));
            const auto open = a.run([](ServerContext& ctx) { return WriterControl::writeTransactions(ctx); });
            QVERIFY2(open, qPrintable(open ? QString() : open.error().text));
            const bool seen = std::any_of(open->cbegin(), open->cend(),
                [](const WriterControl::WriteTransaction& t) { return !t.applier && t.rowsModified > 0; });
            QVERIFY2(seen, "the open write transaction is not listed");
            QVERIFY(db.commit());
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        const auto waited
            = a.run([](ServerContext& ctx) { return WriterControl::waitForWriteTransactions(ctx, 3); });
        QVERIFY2(waited, qPrintable(waited ? QString() : waited.error().text));
    }

    void aTransactionThatChangedNothingDoesNotHoldTheSwitch()
    {
        // issue 17: the wait after read_only counted every InnoDB transaction holding a lock (the applier's
        // bookkeeping, a SELECT … FOR UPDATE) as a write in flight, and rolled the switch back on timeout;
        // under read_only such a transaction can no longer write, so only rows changed are waited for
        sql(0, QStringLiteral("INSERT INTO test.orders VALUES (900000010, 'locked')"));
        const QString name = QUuid::createUuid().toString(QUuid::Id128);
        {
            QSqlDatabase db = openOwn(name, 0);
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QSqlQuery q(db);
            QVERIFY(db.transaction());
            QVERIFY2(q.exec(QStringLiteral("SELECT * FROM test.orders WHERE seq = 900000010 FOR UPDATE")),
                qPrintable(q.lastError().text()));
            const auto o = switchTo(1, [](Switchover::Options& o) { o.timeoutSec = 3; });
            QVERIFY(db.rollback());
            db.close();
            QVERIFY2(o.ok, qPrintable(o.error.toString()));
        }
        QSqlDatabase::removeDatabase(name);
        QVERIFY(readOnly(0));
        QVERIFY(!readOnly(1));
        QCOMPARE(loaded().writerIndex(), 1);
    }

    void aKilledSwitchoverLeavesAReadOnlyForRecover()
    {
        // the CLI journals each read_only change before it is made: killed outright (SIGKILL) after A went
        // read-only, A stays read-only, a new switchover refuses, and recover makes A writable again
        const QString client = QStringLiteral("mariadb --defaults-extra-file=%1").arg(clientCnf());
        PairProfile p = loaded();
        // B cannot apply A's last row for 60 s: the switch waits in wait-applied, A read-only
        p.hooks.beforeSwitch = QStringLiteral("%1 -P\"$REPLIPAIR_NEW_WRITER_PORT\" -e 'STOP SLAVE; CHANGE "
                                              "MASTER TO MASTER_DELAY = 60; START SLAVE' && %1 "
                                              "-P\"$REPLIPAIR_OLD_WRITER_PORT\" -e \"INSERT INTO test.orders "
                                              "VALUES (900000020, 'killed')\"")
                                   .arg(client);
        QVERIFY(p.save(profilePath()));
        const QString journal = SetupJournal::defaultPath(loaded());
        QProcess cli;
        cli.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        cli.start(QStringLiteral(REPLIPAIR_CLI),
            { QStringLiteral("switchover"), profilePath(), QStringLiteral("--to"), sb().servers()[1].name,
                QStringLiteral("--yes"), QStringLiteral("--timeout"), QStringLiteral("90") });
        QVERIFY(cli.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(readOnly(0), 60000);
        // the intent is on disk before the change is made
        QFile f(journal);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString lines = QString::fromUtf8(f.readAll());
        f.close();
        QVERIFY2(lines.contains(QStringLiteral("\"operation\":\"switchover\"")), qPrintable(lines));
        QVERIFY2(lines.contains(QStringLiteral("\"action\":\"read-only\"")), qPrintable(lines));
        cli.kill(); // SIGKILL: no clean-up at all
        QVERIFY(cli.waitForFinished(10000));
        sql(1, QStringLiteral("STOP SLAVE; CHANGE MASTER TO MASTER_DELAY = 0; START SLAVE"));
        QVERIFY(readOnly(0));
        QVERIFY(readOnly(1));

        // a new switchover refuses and names recover, changing nothing
        QProcess again;
        again.start(QStringLiteral(REPLIPAIR_CLI),
            { QStringLiteral("switchover"), profilePath(), QStringLiteral("--to"), sb().servers()[1].name,
                QStringLiteral("--yes") });
        QVERIFY(again.waitForFinished(120000));
        const QString refused
            = QString::fromUtf8(again.readAllStandardOutput() + again.readAllStandardError());
        QCOMPARE(again.exitCode(), 1);
        QVERIFY2(refused.contains(QStringLiteral("replipair-cli recover")), qPrintable(refused));
        QVERIFY(readOnly(0));

        QProcess recover;
        recover.start(QStringLiteral(REPLIPAIR_CLI), { QStringLiteral("recover"), profilePath() });
        QVERIFY(recover.waitForFinished(120000));
        const QString said
            = QString::fromUtf8(recover.readAllStandardOutput() + recover.readAllStandardError());
        QVERIFY2(recover.exitCode() == 0, qPrintable(said));
        QVERIFY2(!readOnly(0), qPrintable(said));
        QVERIFY(readOnly(1));
        QCOMPARE(loaded().writerIndex(), 0);
    }

    void anErrantTransactionOnBIsRefused()
    {
        // written on B outside the pair's databases: A's replica filters it out, so A never holds it
        sql(1,
            QStringLiteral(
                "CREATE DATABASE IF NOT EXISTS outside; CREATE TABLE IF NOT EXISTS outside.t (i INT); "
                "INSERT INTO outside.t VALUES (1)"));
        const auto o = switchTo(1);
        QVERIFY(o.refused);
        QVERIFY2(codes(o).contains(QStringLiteral("errant-transaction")), qPrintable(codes(o).join(',')));
        verifyAStillWriter();
        // a later transaction of B that A applies moves A's record of B past it again
        sql(1, QStringLiteral("INSERT INTO test.orders VALUES (900000002, 'b')"));
        QTRY_COMPARE_WITH_TIMEOUT(
            sql(0, QStringLiteral("SELECT COUNT(*) FROM test.orders WHERE seq = 900000002")),
            QStringLiteral("1"), 20000);
    }

    void aFailingBeforeSwitchHookKeepsA()
    {
        const QString marker = m_pair.dir() + QStringLiteral("/rolled-back");
        QStringList lines;
        const auto o = switchTo(
            1, {},
            [&](PairProfile& p) {
                p.hooks.beforeSwitch = QStringLiteral("echo load balancer refuses; exit 3");
                p.hooks.rollback = QStringLiteral("echo \"$REPLIPAIR_OLD_WRITER\" > ") + marker;
            },
            &lines);
        QVERIFY(!o.ok);
        QVERIFY(!o.switched);
        QVERIFY(o.rolledBack);
        QCOMPARE(o.error.step, StepId::RunHook);
        QVERIFY2(o.error.text.contains(QStringLiteral("load balancer refuses")), qPrintable(o.error.text));
        QFile f(marker);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()).trimmed(), sb().servers()[0].name);
        verifyAStillWriter();
    }

    void aNewWriterThatDoesNotCatchUpRollsBack()
    {
        // the hook delays B's applier and writes on A: B cannot apply A's final position within the timeout
        const QString client = QStringLiteral("mariadb --defaults-extra-file=%1").arg(clientCnf());
        const auto o = switchTo(
            1, [](Switchover::Options& o) { o.timeoutSec = 2; },
            [&](PairProfile& p) {
                p.hooks.beforeSwitch
                    = QStringLiteral("%1 -P\"$REPLIPAIR_NEW_WRITER_PORT\" -e 'STOP SLAVE; CHANGE "
                                     "MASTER TO MASTER_DELAY = 60; START SLAVE' && %1 "
                                     "-P\"$REPLIPAIR_OLD_WRITER_PORT\" -e \"INSERT INTO test.orders VALUES "
                                     "(900000003, 'late')\"")
                          .arg(client);
            });
        sql(1, QStringLiteral("STOP SLAVE; CHANGE MASTER TO MASTER_DELAY = 0; START SLAVE"));
        QVERIFY(!o.ok);
        QVERIFY(o.rolledBack);
        QCOMPARE(o.error.step, StepId::WaitApplied);
        verifyAStillWriter();
        QTRY_COMPARE_WITH_TIMEOUT(
            sql(1, QStringLiteral("SELECT COUNT(*) FROM test.orders WHERE seq = 900000003")),
            QStringLiteral("1"), 20000);
    }

    void switchoverUnderContinuousWritesThroughHaproxy()
    {
        HaproxyFixture haproxy(m_pair.dir());
        const QString names[2] = { sb().servers()[0].name, sb().servers()[1].name };
        const int ports[2] = { sb().servers()[0].port, sb().servers()[1].port };
        QVERIFY2(haproxy.start(names, ports, 0), qPrintable(haproxy.error()));
        PairProfile p = loaded();
        QJsonObject json = p.toJson();
        QJsonObject hooks;
        hooks.insert(QStringLiteral("afterSwitch"), haproxy.routeHook());
        json.insert(QStringLiteral("hooks"), hooks);
        {
            QFile f(profilePath());
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(json).toJson());
        }
        sql(0, QStringLiteral("DELETE FROM test.orders"));
        RowWriter writer(QStringLiteral("127.0.0.1"), haproxy.port(), QStringLiteral("app"),
            QStringLiteral("app-pw"), QStringLiteral("test.orders"), 10);
        writer.start(1);
        QTRY_VERIFY_WITH_TIMEOUT(writer.committed() >= 50, 30000);
        QProcess cli;
        cli.start(QStringLiteral(REPLIPAIR_CLI),
            { QStringLiteral("switchover"), profilePath(), QStringLiteral("--to"), names[1],
                QStringLiteral("--yes") });
        QVERIFY(cli.waitForFinished(120000));
        const QString said = QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
        qInfo().noquote() << said;
        QVERIFY(cli.exitCode() == 0);
        const qint64 atSwitch = writer.committed();
        QTRY_VERIFY2_WITH_TIMEOUT(writer.committed() >= atSwitch + 50, // the writes go on, to B
            qPrintable(haproxy.command(QStringLiteral("show servers state pair"))), 30000);
        writer.stop();
        const qint64 last = writer.lastSeq();
        QVERIFY(readOnly(0));
        QVERIFY(!readOnly(1));
        QVERIFY(haproxy.isReady(names[1]));
        QVERIFY(!haproxy.isReady(names[0]));
        QCOMPARE(loaded().writerIndex(), 1);
        // nothing lost, nothing twice, on both servers; replication still runs both ways
        const QString expected = QStringLiteral("%1\t%2\t%3").arg(last).arg(last).arg(last);
        for (int i = 0; i < 2; ++i)
            QTRY_COMPARE_WITH_TIMEOUT(
                sql(i,
                    QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT seq), MAX(seq) FROM test.orders "
                                   "WHERE seq < 900000000")),
                expected, 30000);
        QString error;
        QVERIFY2(waitForSandboxReplication(sb(), 10000, &error), qPrintable(error));
        // the option files say so too: a restart of A keeps it read-only
        QFile dropIn(sb().servers()[0].dir + QStringLiteral("/conf.d/90-replipair.cnf"));
        if (dropIn.open(QIODevice::ReadOnly))
            QVERIFY(QString::fromUtf8(dropIn.readAll()).contains(QStringLiteral("read_only = ON")));
        QVERIFY(sb().stop(0));
        QVERIFY(sb().start(0));
        QVERIFY(readOnly(0));
    }

    void aForcedFailoverIsRefusedWhileTheWriterAnswers()
    {
        const auto o = switchTo(1, [](Switchover::Options& o) { o.force = true; });
        QVERIFY(o.refused);
        QVERIFY2(codes(o).contains(QStringLiteral("writer-answers")), qPrintable(codes(o).join(',')));
        verifyAStillWriter();
    }

    /** A writer RepliPair cannot log into is not a writer that is gone: a missing password file or a refused
     *  account made the forced failover's check say "A cannot be reached" and let B open beside a running,
     *  writable A — two writers. */
    void aForcedFailoverIsRefusedWhenTheWriterCannotBeLoggedInto_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("missing password file") << "adminPasswordFile"
                                               << "/nonexistent/replipair-admin-pw";
        QTest::newRow("refused account") << "adminUser"
                                         << "no_such_admin";
    }
    void aForcedFailoverIsRefusedWhenTheWriterCannotBeLoggedInto()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        auto edit = [&](PairProfile& p) {
            if (field == QLatin1String("adminUser"))
                p.servers[0].adminUser = value;
            else
                p.servers[0].adminPasswordFile = value;
        };
        const auto o = switchTo(
            1, [](Switchover::Options& o) { o.force = true; }, edit);
        QVERIFY(o.refused);
        QVERIFY2(codes(o).contains(QStringLiteral("writer-answers")), qPrintable(codes(o).join(',')));
        QVERIFY(!o.switched);
        verifyAStillWriter();
        QVERIFY(!PairState::load(loaded()).value_or(PairState()).isFenced(0));
        // the planned switch says what to fix, not to force the failover
        const auto planned = switchTo(
            1, [](Switchover::Options& o) { o.dryRun = true; }, edit);
        QVERIFY(planned.refused);
        for (const Finding& f : planned.checks)
            QVERIFY2(!f.fix.contains(QStringLiteral("--force")), qPrintable(f.fix));
    }

    void aForcedFailoverFencesAKilledWriter()
    {
        sql(0, QStringLiteral("INSERT INTO test.orders VALUES (900000010, 'before the crash')"));
        QTRY_COMPARE_WITH_TIMEOUT(
            sql(1, QStringLiteral("SELECT COUNT(*) FROM test.orders WHERE seq = 900000010")),
            QStringLiteral("1"), 20000);
        QVERIFY(sb().kill(0));
        QProcess cli;
        cli.start(QStringLiteral(REPLIPAIR_CLI),
            { QStringLiteral("switchover"), profilePath(), QStringLiteral("--to"), sb().servers()[1].name,
                QStringLiteral("--yes"), QStringLiteral("--force") });
        QVERIFY(cli.waitForFinished(120000));
        const QString said = QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
        qInfo().noquote() << said;
        QVERIFY(cli.exitCode() == 0);
        QVERIFY(!readOnly(1));
        QCOMPARE(loaded().writerIndex(), 1);
        const PairState state = PairState::load(loaded()).value_or(PairState());
        QCOMPARE(state.fenced, QStringList { QStringLiteral("A") });
        QCOMPARE(QFile::permissions(PairState::pathFor(loaded())) & 0x0077, QFileDevice::Permissions());
        // A comes back read-only (its option file), and status says it is fenced
        QVERIFY(sb().start(0));
        QVERIFY(readOnly(0));
        QProcess status;
        status.start(QStringLiteral(REPLIPAIR_CLI), { QStringLiteral("status"), profilePath() });
        QVERIFY(status.waitForFinished(60000));
        const QString shown = QString::fromUtf8(status.readAllStandardOutput());
        QVERIFY2(shown.contains(QStringLiteral("FENCED")), qPrintable(shown));
        status.start(QStringLiteral(REPLIPAIR_CLI),
            { QStringLiteral("status"), profilePath(), QStringLiteral("--json") });
        QVERIFY(status.waitForFinished(60000));
        QVERIFY(
            QString::fromUtf8(status.readAllStandardOutput()).contains(QStringLiteral("\"fenced\":true")));
        // a planned switch back to the fenced A is refused
        sql(1, QStringLiteral("START SLAVE"));
        const auto back = switchTo(0);
        QVERIFY(back.refused);
        QVERIFY2(codes(back).contains(QStringLiteral("target-fenced")), qPrintable(codes(back).join(',')));

        // the way back without a copy: A holds nothing B lacks, so it rejoins as the reader
        const auto rejoin = [this](const QStringList& extra, QString* said) {
            QProcess p;
            p.start(QStringLiteral(REPLIPAIR_CLI),
                QStringList { QStringLiteral("rejoin"), profilePath(), QStringLiteral("--server"),
                    sb().servers()[0].name }
                    + extra);
            p.waitForFinished(120000);
            *said = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        QString said2;
        QCOMPARE(rejoin({}, &said2), 2); // neither --yes nor --dry-run
        QVERIFY(PairState::load(loaded()).value_or(PairState()).isFenced(0));
        QCOMPARE(rejoin({ QStringLiteral("--yes") }, &said2), 0);
        qInfo().noquote() << said2;
        QVERIFY(!PairState::load(loaded()).value_or(PairState()).isFenced(0));
        QVERIFY(readOnly(0));
        QVERIFY(!readOnly(1));
        QString error;
        QVERIFY2(waitForSandboxReplication(sb(), 20000, &error), qPrintable(error));

        // a fenced server holding a transaction the writer lacks is refused, with the rebuild named
        PairState fence;
        fence.fence(0, QStringLiteral("test"));
        QVERIFY(fence.save(loaded()));
        sql(1, QStringLiteral("STOP SLAVE"));
        sql(0, QStringLiteral("INSERT INTO test.orders VALUES (900000011, 'written on the fenced A')"));
        QCOMPARE(rejoin({ QStringLiteral("--dry-run"), QStringLiteral("--json") }, &said2), 1);
        QVERIFY2(
            said2.contains(QStringLiteral("errant-transaction")) && said2.contains(QStringLiteral("rebuild")),
            qPrintable(said2));
        QVERIFY(PairState::load(loaded()).value_or(PairState()).isFenced(0));
        sql(1, QStringLiteral("START SLAVE"));
        QVERIFY(PairState().save(loaded())); // the test's own clean-up: no fence left behind
    }
};

QTEST_GUILESS_MAIN(TstSwitchover)
#include "tst_switchover.moc"
