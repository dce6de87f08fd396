#include "copy/datacopy.h"
#include "host/serverworker.h"
#include "support/rowwriter.h"
#include "support/sshdfixture.h"
#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <memory>

/** The copy engine against two real sandbox servers: refusal, replace with a saved copy, cancel in the
 *  middle (the receiver put back, the source untouched), and a copy under writes whose coordinates let
 *  the receiver replicate every later row exactly once. */
class TestDataCopy : public QObject
{
    Q_OBJECT

    SandboxPair m_pair;
    PairProfile m_profile;
    std::unique_ptr<ServerWorker> m_a, m_b;
    QString m_password;

    Sandbox& sb() { return m_pair.sandbox(); }
    QString sql(int i, const QString& s) { return sandboxSql(sb(), i, s); }
    QString checksum(int i, const QString& table)
    {
        return sql(i, QStringLiteral("CHECKSUM TABLE ") + table);
    }
    QStringList copyDirs() const
    {
        return QDir(qEnvironmentVariable("TMPDIR", QStringLiteral("/tmp")))
            .entryList({ QStringLiteral("replipair-copy.*") }, QDir::Dirs);
    }
    bool waitFor(int i, const QString& query, const QString& expected, int ms = 60000)
    {
        for (int t = 0; t < ms; t += 200) {
            if (sql(i, query) == expected)
                return true;
            QTest::qWait(200);
        }
        qWarning() << "last value" << sql(i, query) << "expected" << expected;
        return false;
    }

    struct Run
    {
        Result<CopyResult> result = std::unexpected(StepError {});
        QList<CopyProgress> progress;
        QStringList infos;
        QStringList privateFiles; ///< option files seen during the copy with mode 0600 in a 0700 folder
    };
    Run copy(bool replace, std::atomic_bool* cancel = nullptr, bool cancelAtFirstBytes = false)
    {
        ServerWorker* const workers[2] = { m_a.get(), m_b.get() };
        Run run;
        auto check = CopyCheck::gather(m_profile, 0, workers, replace);
        if (!check) {
            run.result = std::unexpected(check.error());
            return run;
        }
        DataCopy copy(m_profile, 0, workers, cancel);
        copy.setPollIntervalMs(cancelAtFirstBytes ? 100 : 500);
        run.result = copy.run(
            *check,
            [&](const CopyProgress& p) {
                run.progress << p;
                if (p.phase == CopyProgress::Phase::Copy && run.privateFiles.isEmpty())
                    for (const QString& d : copyDirs()) {
                        const QString path = QDir::tempPath() + QLatin1Char('/') + d;
                        const auto owner = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
                        if ((QFileInfo(path).permissions()
                                & ~(owner | QFile::ReadUser | QFile::WriteUser | QFile::ExeUser))
                            != 0)
                            continue;
                        for (const QString& f :
                            { QStringLiteral("source.cnf"), QStringLiteral("target.cnf") })
                            if (QFileInfo(path + QLatin1Char('/') + f).permissions()
                                == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser
                                    | QFile::WriteUser))
                                run.privateFiles << f;
                    }
                if (cancelAtFirstBytes && cancel && p.phase == CopyProgress::Phase::Copy && p.bytes > 0)
                    *cancel = true;
            },
            [&](const QString& server, const QString& text) {
                run.infos << server + QStringLiteral(": ") + text;
            });
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        // both with their binary log on, as after setup's config step
        for (int i = 0; i < 2; ++i) {
            QFile f(sb().servers()[i].dir + QStringLiteral("/conf.d/10-binlog.cnf"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("[mysqld]\nlog-bin = mysql-bin\nserver-id = %1\nbinlog_format = ROW\n")
                        .arg(i + 1)
                        .toUtf8());
            f.close();
            QVERIFY(sb().stop(i));
            QVERIFY(sb().start(i));
        }
        QCOMPARE(sql(0, QStringLiteral("SELECT @@log_bin")), QStringLiteral("1"));
        m_profile = sb().pairProfile();
        QFile pw(sb().adminPasswordFile());
        QVERIFY(pw.open(QIODevice::ReadOnly));
        m_password = QString::fromUtf8(pw.readAll()).trimmed();
        m_a = std::make_unique<ServerWorker>(0, m_profile.servers[0]);
        m_b = std::make_unique<ServerWorker>(1, m_profile.servers[1]);
        for (ServerWorker* w : { m_a.get(), m_b.get() }) {
            auto c = w->submit([](ServerContext& ctx) { return ctx.connect(); });
            c.waitForFinished();
            QVERIFY2(c.result(), qPrintable(c.result().error().toString()));
        }
        // A: about 20 MB in test.orders (doubling), a second table, a view and a trigger
        QString seed = RowWriter::createTableSql(QStringLiteral("test.orders")) + QStringLiteral(";");
        seed += QStringLiteral(
            "ALTER TABLE test.orders ADD COLUMN pad CHAR(60) NOT NULL DEFAULT '';"
            "INSERT INTO test.orders (seq, note, pad) VALUES (1000000000, 'seed', REPEAT('x', 60));");
        for (int i = 0; i < 18; ++i)
            seed += QStringLiteral("INSERT INTO test.orders (seq, note, pad) SELECT seq + %1, note, pad FROM "
                                   "test.orders WHERE seq >= 1000000000;")
                        .arg(1 << i);
        seed += QStringLiteral(
            "CREATE TABLE test.items (id INT PRIMARY KEY, name VARCHAR(20));"
            "INSERT INTO test.items VALUES (1, 'one'), (2, 'two');"
            "CREATE VIEW test.item_names AS SELECT name FROM test.items;"
            "CREATE TRIGGER test.items_bi BEFORE INSERT ON test.items FOR EACH ROW SET NEW.name = "
            "UPPER(NEW.name);");
        bool ok = false;
        sandboxSql(sb(), 0, seed, &ok);
        QVERIFY(ok);
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM test.orders")), QString::number(1 << 18));
    }

    void nonEmptyTargetIsRefusedWithoutConfirmation()
    {
        sql(1,
            RowWriter::createTableSql(QStringLiteral("test.orders"))
                + QStringLiteral(
                    "; INSERT INTO test.orders (seq, note) VALUES (1, 'old'), (2, 'old'), (3, 'old');"));
        const QString before = checksum(1, QStringLiteral("test.orders"));
        ServerWorker* const workers[2] = { m_a.get(), m_b.get() };
        auto check = CopyCheck::gather(m_profile, 0, workers, false);
        QVERIFY(check);
        QVERIFY(check->hasErrors());
        bool named = false;
        for (const Finding& f : check->findings)
            named = named
                || (f.code == QLatin1String("copy-target-not-empty")
                    && f.text.contains(QStringLiteral("test.orders")));
        QVERIFY(named);
        const Run run = copy(false);
        QVERIFY(!run.result);
        QCOMPARE(checksum(1, QStringLiteral("test.orders")), before);
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("0"));
    }

    void cancelInTheMiddlePutsTheOldCopyBackThenRerunReplaces()
    {
        const QString beforeB = checksum(1, QStringLiteral("test.orders"));
        const QString beforeA = checksum(0, QStringLiteral("test.orders"));
        const QStringList dirsBefore = copyDirs();
        std::atomic_bool cancel { false };
        const Run cancelled = copy(true, &cancel, true);
        qInfo().noquote() << cancelled.infos.join(QLatin1Char('\n'));
        QVERIFY(!cancelled.result);
        QVERIFY2(cancelled.result.error().text.contains(QStringLiteral("cancelled")),
            qPrintable(cancelled.result.error().text));
        // the copy had really started: bytes were flowing when it was cancelled
        bool flowing = false;
        for (const CopyProgress& p : cancelled.progress)
            flowing = flowing || (p.phase == CopyProgress::Phase::Copy && p.bytes > 0);
        QVERIFY(flowing);
        // B as it was (old copy loaded back), A untouched, no account, no work folder, read_only back
        QCOMPARE(checksum(1, QStringLiteral("test.orders")), beforeB);
        QCOMPARE(
            sql(1,
                QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA='test'")),
            QStringLiteral("1"));
        QCOMPARE(checksum(0, QStringLiteral("test.orders")), beforeA);
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE user = 'replipair_copy'")),
            QStringLiteral("0"));
        QCOMPARE(copyDirs(), dirsBefore);
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("0"));
        // the saved copy stays on B's host
        QVERIFY(!QDir(sb().servers()[1].dir + QStringLiteral("/replipair-saved"))
                     .entryList({ QStringLiteral("B-before-copy-*.sql") })
                     .isEmpty());

        // again, to the end this time
        const Run again = copy(true);
        QVERIFY2(again.result, qPrintable(again.result ? QString() : again.result.error().toString()));
        QCOMPARE(checksum(1, QStringLiteral("test.orders")), beforeA);
        QCOMPARE(checksum(1, QStringLiteral("test.items")), checksum(0, QStringLiteral("test.items")));
        QCOMPARE(sql(1, QStringLiteral("SELECT COUNT(*) FROM test.item_names")), QStringLiteral("2"));
        QCOMPARE(sql(1,
                     QStringLiteral(
                         "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_NAME='items_bi'")),
            QStringLiteral("1"));
        QVERIFY(!again.result->source.file.isEmpty());
        QVERIFY(!again.result->savedCopy.isEmpty());
        QCOMPARE(
            again.privateFiles, QStringList({ QStringLiteral("source.cnf"), QStringLiteral("target.cnf") }));
        QCOMPARE(again.result->tables, 2);
        QVERIFY(again.result->bytes > 10 * 1024 * 1024);
        // progress at least every poll, with stable phase ids and the table count
        QVERIFY(!again.progress.isEmpty());
        QCOMPARE(
            again.progress.last().toJson().value(QStringLiteral("phase")).toString(), QStringLiteral("copy"));
        QCOMPARE(again.progress.last().totalTables, 2);
        QCOMPARE(copyDirs(), dirsBefore);
    }

    void copyUnderWritesThenReplicationFromItsCoordinatesLosesNothing()
    {
        sql(1, QStringLiteral("DROP DATABASE test; CREATE DATABASE test;"));
        RowWriter writer(QStringLiteral("127.0.0.1"), sb().servers()[0].port, QStringLiteral("root"),
            m_password, QStringLiteral("test.orders"), 3);
        writer.start(1);
        QTest::qWait(300);
        const Run run = copy(false);
        QVERIFY2(run.result, qPrintable(run.result ? QString() : run.result.error().toString()));
        QVERIFY(writer.committed() > 0);
        // B replicates from A by GTID from the dump's snapshot, while the writer goes on
        QVERIFY(!run.result->source.gtid.isEmpty());
        bool ok = false;
        sandboxSql(sb(), 1,
            QStringLiteral(
                "SET GLOBAL gtid_slave_pos = '%1'; CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=%2, "
                "MASTER_USER='root', MASTER_PASSWORD='%3', MASTER_USE_GTID=slave_pos; START SLAVE;")
                .arg(run.result->source.gtid)
                .arg(sb().servers()[0].port)
                .arg(m_password),
            &ok);
        QVERIFY(ok);
        QTest::qWait(1000);
        const qint64 committed = writer.stop();
        QVERIFY(committed > 50);
        QVERIFY(waitFor(1, QStringLiteral("SELECT COUNT(*) FROM test.orders WHERE seq < 1000000000"),
            QString::number(committed)));
        QCOMPARE(sql(1, QStringLiteral("SELECT MAX(seq) FROM test.orders WHERE seq < 1000000000")),
            QString::number(writer.lastSeq()));
        QCOMPARE(checksum(1, QStringLiteral("test.orders")), checksum(0, QStringLiteral("test.orders")));
        sql(1, QStringLiteral("STOP SLAVE; RESET SLAVE ALL;"));
    }

    void copyOnAHostReachedOverSsh()
    {
        // B's host through a real sshd on 127.0.0.1: the job is started, polled and cleaned up over SSH
        SshdFixture sshd;
        QVERIFY2(sshd.start(), qPrintable(sshd.error()));
        PairProfile profile = m_profile;
        profile.servers[1].hasSsh = true;
        profile.servers[1].ssh = sshd.endpoint(sshd.dir() + QStringLiteral("/known_hosts_copy"));
        profile.servers[1].ssh.acceptNewHostKey = true;
        ServerWorker b(1, profile.servers[1]);
        ServerWorker* const workers[2] = { m_a.get(), &b };
        sql(1, QStringLiteral("DROP DATABASE test;"));
        auto check = CopyCheck::gather(profile, 0, workers, false);
        QVERIFY2(check, qPrintable(check ? QString() : check.error().toString()));
        QVERIFY2(!check->hasErrors(), qPrintable(check->findings.value(0).text));
        DataCopy copy(profile, 0, workers);
        int reports = 0;
        auto done = copy.run(*check, [&](const CopyProgress&) { ++reports; }, {});
        QVERIFY2(done, qPrintable(done ? QString() : done.error().toString()));
        QVERIFY(reports > 0);
        QVERIFY(!done->source.file.isEmpty());
        QCOMPARE(checksum(1, QStringLiteral("test.orders")), checksum(0, QStringLiteral("test.orders")));
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE user = 'replipair_copy'")),
            QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestDataCopy)
#include "tst_datacopy.moc"
