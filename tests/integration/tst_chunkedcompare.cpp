#include "actions/chunkedcompare.h"
#include "actions/comparestate.h"
#include "host/serverworker.h"
#include "setup/finaldatacheck.h"
#include "support/replicatedsandbox.h"
#include "support/rowwriter.h"
#include "support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

#include <csignal>
#include <memory>

/** The live compare and repair on a replicating sandbox pair with a writer committing on A every 5 ms
 *  throughout: equal data is equal every run, rows changed on B behind replication's back are found with
 *  their key range, TIMESTAMPs read alike whatever each server's time zone, repair fixes B without a byte
 *  reaching A's binary log, and a cancel leaves every SQL thread running. */
class TestChunkedCompare : public QObject
{
    Q_OBJECT

    SandboxPair m_pair;
    QString m_password;
    std::unique_ptr<RowWriter> m_writer;
    qint64 m_nextSeq = 1;

    Sandbox& sb() { return m_pair.sandbox(); }
    QString sql(int i, const QString& s) { return sandboxSql(sb(), i, s); }
    QString sqlRunning(int i) { return sandboxReplicaField(sb(), i, QStringLiteral("Slave_SQL_Running")); }
    /** B has applied everything A has written so far. */
    void catchUp()
    {
        const QStringList st = sql(0, QStringLiteral("SHOW MASTER STATUS")).split(QLatin1Char('\t'));
        QCOMPARE(
            sql(1, QStringLiteral("SELECT MASTER_POS_WAIT('%1', %2, 60) >= 0").arg(st.value(0), st.value(1))),
            QStringLiteral("1"));
    }
    void startWriter()
    {
        m_writer = std::make_unique<RowWriter>(QStringLiteral("127.0.0.1"), sb().servers()[0].port,
            QStringLiteral("root"), m_password, QStringLiteral("test.orders"), 5);
        m_writer->start(m_nextSeq);
        QTRY_VERIFY_WITH_TIMEOUT(m_writer->committed() > 5, 20000);
    }
    void stopWriter()
    {
        if (!m_writer)
            return;
        m_writer->stop();
        m_nextSeq = m_writer->lastSeq() + 1;
        m_writer.reset();
    }
    struct Cli
    {
        int code = -1;
        QString out, err;
        QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    };
    Cli cli(const QStringList& args)
    {
        QProcess p;
        p.start(QStringLiteral(REPLIPAIR_CLI), args);
        p.waitForFinished(300000);
        Cli c { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError()) };
        qInfo().noquote() << args.join(QLatin1Char(' ')) << "→" << c.code << c.out.left(3000)
                          << c.err.right(600);
        return c;
    }
    Result<CompareReport> compareNow(const CompareOptions& options)
    {
        const PairProfile profile = sb().pairProfile();
        ServerWorker a(0, profile.servers[0]), b(1, profile.servers[1]);
        for (ServerWorker* w : { &a, &b }) {
            auto c = w->submit([](ServerContext& ctx) { return ctx.connect(); });
            c.waitForFinished();
            if (!c.result())
                return std::unexpected(c.result().error());
        }
        ChunkedCompare compare(profile, &a, &b, nullptr);
        compare.setOptions(options);
        return compare.run();
    }
    /** Whether some differing range of @p table in @p json holds the integer key @p key. */
    static bool rangeHolds(
        const QJsonObject& json, const QString& table, qint64 key, QJsonObject* found = nullptr)
    {
        auto value = [](const QJsonValue& v) {
            return v.toArray().first().toString().remove(QLatin1Char('\'')).toLongLong();
        };
        for (const QJsonValue& d : json.value(QStringLiteral("differences")).toArray()) {
            const QJsonObject o = d.toObject();
            if (o.value(QStringLiteral("table")).toString() != table)
                continue;
            const bool aboveLower
                = o.value(QStringLiteral("lower")).isNull() || key > value(o.value(QStringLiteral("lower")));
            const bool belowUpper
                = o.value(QStringLiteral("upper")).isNull() || key <= value(o.value(QStringLiteral("upper")));
            if (aboveLower && belowUpper) {
                if (found)
                    *found = o;
                return true;
            }
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pair.up(), qPrintable(m_pair.error()));
        QFile pw(sb().adminPasswordFile());
        QVERIFY(pw.open(QIODevice::ReadOnly));
        m_password = QString::fromUtf8(pw.readAll()).trimmed();
        QString error;
        QVERIFY2(startSandboxReplication(sb(), &error), qPrintable(error));
        // 32768 rows in test.orders (keys from 1000000000), written on A and replicated
        QString seed = RowWriter::createTableSql(QStringLiteral("test.orders"))
            + QStringLiteral(";INSERT INTO test.orders VALUES (1000000000, 'seed');");
        for (int i = 0; i < 15; ++i)
            seed += QStringLiteral("INSERT INTO test.orders SELECT seq + %1, note FROM test.orders;")
                        .arg(1 << i);
        seed += QStringLiteral(
            "CREATE TABLE test.events (id INT PRIMARY KEY, at TIMESTAMP(3) NULL, f FLOAT, d DOUBLE);"
            "INSERT INTO test.events VALUES (1, '2026-01-01 10:00:00.125', 0.1, 1e-7), "
            "(2, '2026-06-30 23:59:59', 3.14159, 2.5), (3, NULL, NULL, NULL);"
            "CREATE TABLE test.nokey (v INT);INSERT INTO test.nokey VALUES (1), (1);");
        bool ok = false;
        const QString out = sandboxSql(sb(), 0, seed, &ok);
        QVERIFY2(ok, qPrintable(out));
        catchUp();
        QCOMPARE(sql(1, QStringLiteral("SELECT COUNT(*) FROM test.orders")), QStringLiteral("32768"));
    }

    void cleanup()
    {
        stopWriter();
        QCOMPARE(sqlRunning(0), QStringLiteral("Yes"));
        QCOMPARE(sqlRunning(1), QStringLiteral("Yes"));
    }

    /** The same data under writes on A is "equal" run after run, in many chunks. */
    void equalDataUnderWritesIsEqualEveryRun()
    {
        startWriter();
        CompareOptions options;
        options.firstChunkRows = 2000;
        options.chunkSeconds = 0.05; // many small chunks: many points at which a false difference could show
        for (int run = 0; run < 4; ++run) {
            auto r = compareNow(options);
            QVERIFY2(r, qPrintable(r ? QString() : r.error().text));
            QVERIFY2(r->differences.isEmpty(),
                qPrintable(QJsonDocument(r->toJson(QStringLiteral("A"), QStringLiteral("B"))).toJson()));
            QVERIFY2(r->notCompared.isEmpty(), qPrintable(r->notCompared.join(QLatin1Char('\n'))));
            QVERIFY(r->chunks > 3);
            QVERIFY(r->rows >= 32768);
            QCOMPARE(r->wholeTables, QStringList { QStringLiteral("test.nokey") });
        }
        QVERIFY(m_writer->committed() > 20);
    }

    /** A TIMESTAMP read on servers whose time zones differ (A at -03:00, B at +05:00): the same instant,
     *  so equal — for setup's final comparison and for compare. */
    void timestampsCompareEqualAcrossTimeZones()
    {
        sql(0, QStringLiteral("SET GLOBAL time_zone = '-03:00'"));
        sql(1, QStringLiteral("SET GLOBAL time_zone = '+05:00'"));
        const auto restore = qScopeGuard([this] {
            for (int i = 0; i < 2; ++i)
                sql(i, QStringLiteral("SET GLOBAL time_zone = 'SYSTEM'"));
        });
        const PairProfile profile = sb().pairProfile();
        ServerWorker a(0, profile.servers[0]), b(1, profile.servers[1]);
        for (ServerWorker* w : { &a, &b }) {
            auto c = w->submit([](ServerContext& ctx) { return ctx.connect(); });
            c.waitForFinished();
            QVERIFY(c.result());
        }
        FinalDataCheck check(profile, &a, &b, nullptr);
        const FinalDataCheck::Outcome o = check.run(60000);
        QVERIFY2(o.verdict == FinalDataCheck::Verdict::Equal, qPrintable(o.text));
        CompareOptions options;
        options.tables = { QStringLiteral("test.events") };
        auto r = compareNow(options);
        QVERIFY(r);
        QVERIFY2(r->differences.isEmpty() && r->notCompared.isEmpty(),
            qPrintable(QJsonDocument(r->toJson(QStringLiteral("A"), QStringLiteral("B"))).toJson()));
        QCOMPARE(r->rows, 3);
    }

    /** Rows changed, deleted and added on B with sql_log_bin = 0 while A takes writes: compare exits 1 and
     *  names each one's key range with both row counts. */
    void rowsChangedOnOneSideAreFoundWithTheirRange()
    {
        startWriter();
        QVERIFY(sandboxSql(sb(), 1,
            QStringLiteral(
                "SET sql_log_bin = 0; UPDATE test.orders SET note = 'drift' WHERE seq = 1000000100;"
                "DELETE FROM test.orders WHERE seq = 1000020000;"
                "INSERT INTO test.orders VALUES (1000040000, 'extra');"))
                    .isEmpty());
        const Cli c = cli({ QStringLiteral("compare"), sb().profilePath(), QStringLiteral("--json"),
            QStringLiteral("--tables"), QStringLiteral("test.orders") });
        QCOMPARE(c.code, 1);
        const QJsonObject json = c.json();
        QCOMPARE(json.value(QStringLiteral("equal")).toBool(true), false);
        QJsonObject d;
        QVERIFY(rangeHolds(json, QStringLiteral("test.orders"), 1000000100, &d));
        QCOMPARE(d.value(QStringLiteral("key")).toArray().first().toString(), QStringLiteral("seq"));
        QVERIFY(rangeHolds(json, QStringLiteral("test.orders"), 1000020000, &d));
        const QJsonObject rows = d.value(QStringLiteral("rows")).toObject();
        QVERIFY2(rows.value(QStringLiteral("A")).toInteger() > rows.value(QStringLiteral("B")).toInteger(),
            qPrintable(QJsonDocument(d).toJson()));
        QVERIFY(rangeHolds(json, QStringLiteral("test.orders"), 1000040000));
        // only the ranges of the three rows: the writer's rows are the same on both
        QVERIFY(json.value(QStringLiteral("differences")).toArray().size() <= 3);
    }

    /** repair --dry-run changes nothing; repair --yes makes the table equal, and nothing it wrote reaches A
     *  (no event of B's server_id in A's binary log, B's own GTIDs unchanged). */
    void repairMakesTheTableEqualWithoutReachingA()
    {
        startWriter();
        const QString beforeB = sql(1,
            QStringLiteral("SELECT COUNT(*), SUM(note = 'drift') FROM test.orders WHERE seq >= 1000000000"));
        const Cli dry = cli({ QStringLiteral("repair"), sb().profilePath(), QStringLiteral("--table"),
            QStringLiteral("test.orders"), QStringLiteral("--from"), QStringLiteral("A"),
            QStringLiteral("--dry-run") });
        QCOMPARE(dry.code, 1);
        QVERIFY(dry.out.contains(
            QStringLiteral("UPDATE `test`.`orders` SET `note` = 'seed' WHERE `seq` = '1000000100'")));
        QVERIFY(dry.out.contains(QStringLiteral("INSERT INTO `test`.`orders`")));
        QVERIFY(dry.out.contains(QStringLiteral("DELETE FROM `test`.`orders` WHERE `seq` = '1000040000'")));
        QCOMPARE(sql(1,
                     QStringLiteral(
                         "SELECT COUNT(*), SUM(note = 'drift') FROM test.orders WHERE seq >= 1000000000")),
            beforeB);

        const QStringList aAt = sql(0, QStringLiteral("SHOW MASTER STATUS")).split(QLatin1Char('\t'));
        const QString bOwn = sql(1, QStringLiteral("SELECT @@gtid_binlog_state"));
        const Cli fix = cli({ QStringLiteral("repair"), sb().profilePath(), QStringLiteral("--table"),
            QStringLiteral("test.orders"), QStringLiteral("--from"), QStringLiteral("A"),
            QStringLiteral("--yes"), QStringLiteral("--json") });
        QCOMPARE(fix.code, 0);
        QVERIFY(fix.json().value(QStringLiteral("applied")).toBool());
        QVERIFY(fix.json().value(QStringLiteral("equal")).toBool());
        QCOMPARE(fix.json().value(QStringLiteral("rows")).toArray().size(), 3);
        stopWriter();
        catchUp();
        // B's own part of its GTID state did not move: it logged nothing of its own
        auto ownPart = [](const QString& state) {
            QStringList own;
            for (const QString& g : state.split(QLatin1Char(',')))
                if (g.section(QLatin1Char('-'), 1, 1) == QLatin1String("12"))
                    own << g;
            return own;
        };
        QCOMPARE(ownPart(sql(1, QStringLiteral("SELECT @@gtid_binlog_state"))), ownPart(bOwn));
        const QString events
            = sql(0, QStringLiteral("SHOW BINLOG EVENTS IN '%1' FROM %2").arg(aAt.value(0), aAt.value(1)));
        for (const QString& line : events.split(QLatin1Char('\n')))
            QVERIFY2(line.split(QLatin1Char('\t')).value(3) != QLatin1String("12"), qPrintable(line));
        QCOMPARE(sql(1, QStringLiteral("SELECT COUNT(*) FROM test.orders")),
            sql(0, QStringLiteral("SELECT COUNT(*) FROM test.orders")));
        const Cli again = cli({ QStringLiteral("compare"), sb().profilePath() });
        QCOMPARE(again.code, 0);
    }

    void repairRefusesATableWithoutKey()
    {
        const Cli c = cli({ QStringLiteral("repair"), sb().profilePath(), QStringLiteral("--table"),
            QStringLiteral("test.nokey"), QStringLiteral("--from"), QStringLiteral("A"),
            QStringLiteral("--yes") });
        QCOMPARE(c.code, 1);
        QVERIFY2(c.err.contains(QStringLiteral("rebuild")), qPrintable(c.err));
        QCOMPARE(cli({ QStringLiteral("repair"), sb().profilePath(), QStringLiteral("--table"),
                         QStringLiteral("test.orders") })
                     .code,
            2);
        QCOMPARE(cli({ QStringLiteral("compare"), sb().profilePath(), QStringLiteral("--since"),
                         QStringLiteral("nonsense") })
                     .code,
            2);
        QCOMPARE(cli({ QStringLiteral("compare"), sb().profilePath(), QStringLiteral("--chunk-time"),
                         QStringLiteral("0") })
                     .code,
            2);
    }

    /** --since COLUMN=TIME: only the rows at or after TIME; tables without the column are skipped. */
    void sinceComparesOnlyRecentRows()
    {
        const Cli c = cli({ QStringLiteral("compare"), sb().profilePath(), QStringLiteral("--json"),
            QStringLiteral("--tables"), QStringLiteral("test.events,test.orders"), QStringLiteral("--since"),
            QStringLiteral("at=2026-03-01 00:00:00") });
        QCOMPARE(c.code, 0);
        QCOMPARE(c.json().value(QStringLiteral("rows")).toInteger(), 1);
        QCOMPARE(c.json().value(QStringLiteral("skipped")).toArray(),
            QJsonArray { QStringLiteral("test.orders") });
    }

    /** SIGINT in the middle: exit 130, both SQL threads run, the state file is the owner's only; --resume
     *  finishes from there. */
    void cancelLeavesEverySqlThreadRunning()
    {
        startWriter();
        auto profile = PairProfile::load(sb().profilePath());
        QVERIFY(profile);
        const QString state = CompareState::path(*profile);
        QFile::remove(state);
        QProcess p;
        // small chunks: a run long enough to be stopped in the middle
        p.start(QStringLiteral(REPLIPAIR_CLI),
            { QStringLiteral("compare"), sb().profilePath(), QStringLiteral("--chunk-time"),
                QStringLiteral("0.01") });
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(state), 60000);
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(60000));
        qInfo().noquote() << p.readAllStandardOutput() << p.readAllStandardError();
        QCOMPARE(p.exitCode(), 130);
        QCOMPARE(sqlRunning(0), QStringLiteral("Yes"));
        QCOMPARE(sqlRunning(1), QStringLiteral("Yes"));
        QVERIFY(QFile::exists(state));
        QCOMPARE(QFile::permissions(state) & 0x0077, QFileDevice::Permissions());
        const Cli resumed
            = cli({ QStringLiteral("compare"), sb().profilePath(), QStringLiteral("--resume") });
        QCOMPARE(resumed.code, 0);
        QVERIFY(!QFile::exists(state));
    }
};

QTEST_GUILESS_MAIN(TestChunkedCompare)
#include "tst_chunkedcompare.moc"
