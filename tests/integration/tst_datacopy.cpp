#include "common/sqlquote.h"
#include "common/stepid.h"
#include "copy/datacopy.h"
#include "host/serverworker.h"
#include "support/rowwriter.h"
#include "support/sshdfixture.h"
#include "support/testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/mount.h>
#include <unistd.h>

#include <memory>

/** The copy engine against two real sandbox servers: refusal (data on the receiver, no room for its
 *  saved copy on a real small filesystem), replace with a saved copy, cancel in the middle (the receiver
 *  put back, the source untouched), a dump killed in the middle, a copy under writes whose coordinates
 *  let the receiver replicate every later row exactly once, and the whole setup through the CLI. */
class TestDataCopy : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp { QStringLiteral("/tmp/rpdc-XXXXXX") };

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
    /** Processes still running from the copy work folders @p dirs (the dump and client read their
     *  option files there), whatever their parent. */
    static QStringList jobProcesses(const QStringList& dirs)
    {
        QStringList found;
        for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
            if (!pid.toInt() || !f.open(QIODevice::ReadOnly))
                continue;
            const QString cmd = QString::fromUtf8(f.readAll().replace('\0', ' '));
            for (const QString& d : dirs)
                if (cmd.contains(d) && !cmd.contains(QStringLiteral("rm -rf")))
                    found << pid + QLatin1Char(' ') + cmd;
        }
        return found;
    }
    bool waitFor(int i, const QString& query, const QString& expected, int ms = 60000)
    {
        if (QTest::qWaitFor([&] { return sql(i, query) == expected; }, ms))
            return true;
        qWarning() << "last value" << sql(i, query) << "expected" << expected;
        return false;
    }

    /** The copy of @p check, run as it is (the test changes the servers between the check and the run). */
    struct Plain
    {
        Result<CopyResult> result = std::unexpected(StepError {});
        QStringList infos;
    };
    Plain runChecked(const PairProfile& profile, const CopyCheck& check, ServerWorker* b = nullptr)
    {
        ServerWorker* const workers[2] = { m_a.get(), b ? b : m_b.get() };
        DataCopy copy(profile, 0, workers);
        copy.setPollIntervalMs(200);
        Plain out;
        out.result = copy.run(check, {}, [&](const QString& server, const QString& text) {
            out.infos << server + QStringLiteral(": ") + text;
        });
        return out;
    }
    Result<CopyCheck> checkOf(const PairProfile& profile, bool replace, ServerWorker* b = nullptr)
    {
        ServerWorker* const workers[2] = { m_a.get(), b ? b : m_b.get() };
        return CopyCheck::gather(profile, 0, workers, replace);
    }
    QString savedFolder() { return sb().servers()[1].dir + QStringLiteral("/replipair-saved"); }
    QStringList savedFiles()
    {
        return QDir(savedFolder()).entryList({ QStringLiteral("*.sql") }, QDir::Files);
    }
    /** A profile copying only the small databases @p dbs (made on A by initTestCase). */
    PairProfile small(const QStringList& dbs) const
    {
        PairProfile p = m_profile;
        p.databases = dbs;
        return p;
    }

    struct Run
    {
        Result<CopyResult> result = std::unexpected(StepError {});
        QList<CopyProgress> progress;
        QStringList infos;
        QStringList privateFiles; ///< option files seen during the copy with mode 0600 in a 0700 folder
        QStringList workDirs; ///< the copy's work folders seen while it ran
    };
    Run copy(bool replace, std::atomic_bool* cancel = nullptr, bool cancelAtFirstBytes = false,
        const std::function<void(const CopyProgress&)>& also = {})
    {
        ServerWorker* const workers[2] = { m_a.get(), m_b.get() };
        Run run;
        const QStringList dirsBefore = copyDirs();
        auto check = CopyCheck::gather(m_profile, 0, workers, replace);
        if (!check) {
            run.result = std::unexpected(check.error());
            return run;
        }
        DataCopy copy(m_profile, 0, workers, cancel);
        copy.setPollIntervalMs(cancelAtFirstBytes || also ? 100 : 500);
        run.result = copy.run(
            *check,
            [&](const CopyProgress& p) {
                run.progress << p;
                for (const QString& d : copyDirs())
                    if (!dirsBefore.contains(d) && !run.workDirs.contains(d))
                        run.workDirs << d;
                if (p.phase == CopyProgress::Phase::Copy && run.privateFiles.isEmpty())
                    for (const QString& d : copyDirs()) {
                        const QString path = QDir::tempPath() + QLatin1Char('/') + d;
                        // only this copy's folder: new, and its login names this sandbox's B (other test runs
                        // on the machine copy at the same time)
                        QFile target(path + QStringLiteral("/target.cnf"));
                        if (dirsBefore.contains(d) || !target.open(QIODevice::ReadOnly)
                            || !target.readAll().contains(
                                QByteArray("port=") + QByteArray::number(sb().servers()[1].port) + '\n'))
                            continue;
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
                if (also)
                    also(p);
            },
            [&](const QString& server, const QString& text) {
                run.infos << server + QStringLiteral(": ") + text;
            });
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // the copies' work folders go into a temporary folder of this test's own: it counts and inspects
        // them, and other tests running beside it make theirs in /tmp
        QVERIFY(m_tmp.isValid());
        QFile::setPermissions(m_tmp.path(), QFileDevice::Permissions(0x7777));
        qputenv("TMPDIR", m_tmp.path().toLocal8Bit());
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
        // two small databases for the tests of what the receiver holds
        sandboxSql(sb(), 0,
            QStringLiteral("CREATE DATABASE small; CREATE TABLE small.t (id INT PRIMARY KEY, v VARCHAR(20));"
                           "INSERT INTO small.t VALUES (1, 'from A'), (2, 'from A');"
                           "CREATE DATABASE late; CREATE TABLE late.t (id INT PRIMARY KEY, v VARCHAR(20));"
                           "INSERT INTO late.t VALUES (1, 'from A');"),
            &ok);
        QVERIFY(ok);
    }

    void databaseMadeOnTheReceiverAfterThePreflightIsNeverDroppedUnsaved()
    {
        // B has neither database at the pre-flight; then a client makes `late` on B and writes a row into
        // it, before the copy makes B read-only. The dump drops every database it carries on B.
        const PairProfile profile = small({ QStringLiteral("late"), QStringLiteral("small") });
        sql(1, QStringLiteral("DROP DATABASE IF EXISTS late; DROP DATABASE IF EXISTS small;"));
        auto check = checkOf(profile, false);
        QVERIFY2(check && !check->hasErrors(), qPrintable(check ? check->findings.value(0).text : QString()));
        QVERIFY(check->existingOnTarget.isEmpty());
        sql(1,
            QStringLiteral("CREATE DATABASE late; CREATE TABLE late.t (id INT PRIMARY KEY, v VARCHAR(20));"
                           "INSERT INTO late.t VALUES (7, 'only on B');"));
        // not confirmed: refused, B's row kept, nothing left changed
        const Plain refused = runChecked(profile, *check);
        QVERIFY(!refused.result);
        QVERIFY2(refused.result.error().text.contains(QStringLiteral("late.t")),
            qPrintable(refused.result.error().text));
        QCOMPARE(sql(1, QStringLiteral("SELECT v FROM late.t")), QStringLiteral("only on B"));
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("0"));
        QCOMPARE(sql(1, QStringLiteral("SHOW DATABASES LIKE 'small'")), QString());
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE user = 'replipair_copy'")),
            QStringLiteral("0"));

        // confirmed (at a pre-flight that did not see it either): saved first, then replaced
        sql(1, QStringLiteral("DROP DATABASE late; CREATE DATABASE small;")); // small: there, but empty
        auto confirmed = checkOf(profile, true);
        QVERIFY(confirmed && !confirmed->hasErrors());
        sql(1,
            QStringLiteral("CREATE DATABASE late; CREATE TABLE late.t (id INT PRIMARY KEY, v VARCHAR(20));"
                           "INSERT INTO late.t VALUES (7, 'only on B');"));
        const QStringList before = savedFiles();
        const Plain replaced = runChecked(profile, *confirmed);
        QVERIFY2(
            replaced.result, qPrintable(replaced.result ? QString() : replaced.result.error().toString()));
        QCOMPARE(sql(1, QStringLiteral("SELECT v FROM late.t")), QStringLiteral("from A"));
        QCOMPARE(sql(1, QStringLiteral("SELECT COUNT(*) FROM small.t")), QStringLiteral("2"));
        const QString saved = replaced.result->savedCopy;
        QVERIFY(!saved.isEmpty());
        QCOMPARE(savedFiles().size(), before.size() + 1);
        QFile f(saved);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray dump = f.readAll();
        QVERIFY2(dump.contains("only on B"), "B's row is not in the saved copy");
        QVERIFY2(!dump.contains("`small`"), "the empty database was saved");
        QVERIFY2(replaced.infos.join(QLatin1Char('\n')).contains(QStringLiteral("late.t")),
            qPrintable(replaced.infos.join(QLatin1Char('\n'))));
        QFile::remove(saved);
    }

    void savedCopyIsPrivateInAPrivateFolder()
    {
        // the folder exists already, open to all: it is closed, and the file in it is the owner's alone
        QVERIFY(QDir().mkpath(savedFolder()));
        QVERIFY(QFile::setPermissions(savedFolder(),
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadUser | QFile::WriteUser
                | QFile::ExeUser | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        sql(1,
            QStringLiteral(
                "DROP DATABASE IF EXISTS small; CREATE DATABASE small; CREATE TABLE small.t (id INT "
                "PRIMARY KEY, v VARCHAR(20)); INSERT INTO small.t VALUES (5, 'old on B');"));
        const PairProfile profile = small({ QStringLiteral("small") });
        auto check = checkOf(profile, true);
        QVERIFY(check && !check->hasErrors());
        const Plain run = runChecked(profile, *check);
        QVERIFY2(run.result, qPrintable(run.result ? QString() : run.result.error().toString()));
        const QString saved = run.result->savedCopy;
        QVERIFY(saved.startsWith(savedFolder() + QLatin1Char('/')));
        const QFileInfo file(saved), folder(savedFolder());
        const auto owner = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
        const auto user = QFile::ReadUser | QFile::WriteUser | QFile::ExeUser; // the same bits, seen as ours
        QCOMPARE(folder.permissions() & ~user, owner);
        QCOMPARE(file.permissions() & ~user, QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(file.ownerId(), uint(::geteuid()));
        QCOMPARE(sql(1, QStringLiteral("SELECT COUNT(*) FROM small.t")), QStringLiteral("2"));
        QFile::remove(saved);
    }

    void nothingIsSavedWhenTheReceiversDatabasesAreEmpty()
    {
        sql(1, QStringLiteral("DROP DATABASE IF EXISTS small; CREATE DATABASE small CHARACTER SET latin1;"));
        const PairProfile profile = small({ QStringLiteral("small") });
        auto check = checkOf(profile, false);
        QVERIFY2(check && !check->hasErrors(), qPrintable(check ? check->findings.value(0).text : QString()));
        QCOMPARE(check->existingOnTarget, QStringList({ QStringLiteral("small") }));
        const QStringList before = savedFiles();
        const Plain run = runChecked(profile, *check);
        QVERIFY2(run.result, qPrintable(run.result ? QString() : run.result.error().toString()));
        QCOMPARE(run.result->savedCopy, QString());
        QCOMPARE(savedFiles(), before);
        QVERIFY2(run.infos.join(QLatin1Char('\n')).contains(QStringLiteral("nothing saved")),
            qPrintable(run.infos.join(QLatin1Char('\n'))));
        QCOMPARE(sql(1, QStringLiteral("SELECT COUNT(*) FROM small.t")), QStringLiteral("2"));
    }

    void adminPasswordWithLineBreakQuoteAndBackslashLogsIn()
    {
        // B's admin account has a password that an option file must escape: the copy's own login to B (the
        // save, the load) reads it from the work folder's option file
        const QString password = QStringLiteral("q\"b\\s\nn'#;x ");
        sql(1,
            QStringLiteral("CREATE USER 'odd'@'127.0.0.1' IDENTIFIED BY %1; GRANT ALL ON *.* TO "
                           "'odd'@'127.0.0.1' WITH GRANT OPTION;")
                .arg(SqlQuote::literal(password)));
        const auto dropUser = qScopeGuard([&] { sql(1, QStringLiteral("DROP USER 'odd'@'127.0.0.1'")); });
        PairProfile profile = small({ QStringLiteral("small") });
        profile.servers[1].adminUser = QStringLiteral("odd");
        profile.servers[1].adminPasswordOverride = password;
        ServerWorker b(1, profile.servers[1]);
        sql(1,
            QStringLiteral(
                "DROP DATABASE IF EXISTS small; CREATE DATABASE small; CREATE TABLE small.t (id INT "
                "PRIMARY KEY, v VARCHAR(20)); INSERT INTO small.t VALUES (9, 'old on B');"));
        auto check = checkOf(profile, true, &b);
        QVERIFY2(check && !check->hasErrors(),
            qPrintable(check ? check->findings.value(0).text : check.error().text));
        const Plain run = runChecked(profile, *check, &b);
        QVERIFY2(run.result, qPrintable(run.result ? QString() : run.result.error().toString()));
        QCOMPARE(sql(1, QStringLiteral("SELECT GROUP_CONCAT(id ORDER BY id) FROM small.t")),
            QStringLiteral("1,2"));
        QFile saved(run.result->savedCopy);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll().contains("old on B"));
        saved.remove();
    }

    void freshlyLoadedTableIsEstimatedNearItsSize()
    {
        // loaded just before the check: InnoDB's statistics still show the empty table's 16 kB pages
        bool ok = false;
        sandboxSql(sb(), 0,
            QStringLiteral(
                "CREATE DATABASE fresh; CREATE TABLE fresh.t (id INT PRIMARY KEY, note "
                "VARCHAR(120)) ENGINE=InnoDB; INSERT INTO fresh.t SELECT seq, REPEAT('n', 100) FROM "
                "test.seq_1_to_20000;"),
            &ok);
        QVERIFY(ok);
        const auto drop = qScopeGuard([&] { sql(0, QStringLiteral("DROP DATABASE fresh")); });
        PairProfile profile = m_profile;
        profile.databases = { QStringLiteral("fresh") };
        ServerWorker* const workers[2] = { m_a.get(), m_b.get() };
        auto check = CopyCheck::gather(profile, 0, workers, false);
        QVERIFY2(check, qPrintable(check ? QString() : check.error().toString()));
        // what the dump carries: the rows' own bytes
        const qint64 real
            = sql(0, QStringLiteral("SELECT SUM(LENGTH(id) + LENGTH(note)) FROM fresh.t")).toLongLong();
        QVERIFY(real > 2000000);
        qInfo("estimated %lld bytes for %lld bytes of rows", qlonglong(check->sourceBytes), qlonglong(real));
        QVERIFY2(check->sourceBytes > real / 2 && check->sourceBytes < real * 2,
            qPrintable(QString::number(check->sourceBytes)));
        // nothing of it went to A's binary log
        const QString file = sql(0, QStringLiteral("SHOW MASTER STATUS")).section(QLatin1Char('\t'), 0, 0);
        QVERIFY(!file.isEmpty());
        const QString events = sql(0, QStringLiteral("SHOW BINLOG EVENTS IN '%1'").arg(file));
        QVERIFY2(events.contains(QStringLiteral("fresh.t")), qPrintable(events)); // the right log is read
        QVERIFY2(!events.contains(QStringLiteral("ANALYZE"), Qt::CaseInsensitive), qPrintable(events));
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

    void replaceIsRefusedWhenTheSavedCopyDoesNotFit()
    {
        // B's old copy (about 3 MB once analysed) is to be saved next to its data folder, on a real 1 MB
        // filesystem mounted there: refused before anything changes, naming that folder
        if (::geteuid() != 0)
            QSKIP("mounting a small tmpfs needs root");
        bool ok = false;
        sandboxSql(sb(), 1,
            QStringLiteral("INSERT INTO test.orders (seq, note) SELECT seq + 10, REPEAT('o', 40) FROM "
                           "test.seq_1_to_40000; ANALYZE TABLE test.orders;"),
            &ok);
        QVERIFY(ok);
        const auto restoreRows = qScopeGuard([&] {
            sql(1, QStringLiteral("DELETE FROM test.orders WHERE seq > 3; ANALYZE TABLE test.orders;"));
        });
        const QString saved = sb().servers()[1].dir + QStringLiteral("/replipair-saved");
        QVERIFY(QDir().mkpath(saved));
        if (::mount("tmpfs", saved.toLocal8Bit().constData(), "tmpfs", 0, "size=1m,mode=0700") != 0)
            QSKIP("cannot mount a tmpfs here");
        const auto unmount = qScopeGuard([&] { ::umount(saved.toLocal8Bit().constData()); });
        const QString before = checksum(1, QStringLiteral("test.orders"));
        ServerWorker* const workers[2] = { m_a.get(), m_b.get() };
        auto check = CopyCheck::gather(m_profile, 0, workers, true);
        QVERIFY(check);
        QVERIFY2(check->targetBytes > 2 * 1024 * 1024, qPrintable(QString::number(check->targetBytes)));
        QCOMPARE(check->saveDir, saved);
        QVERIFY(!check->saveOnDataFilesystem);
        QVERIFY(check->saveFreeBytes > 0 && check->saveFreeBytes <= 1024 * 1024);
        bool named = false;
        for (const Finding& f : check->findings)
            named = named || (f.code == QLatin1String("copy-no-space") && f.text.contains(saved));
        QVERIFY2(named, qPrintable(check->findings.value(0).text));
        const Run run = copy(true);
        QVERIFY(!run.result);
        QCOMPARE(run.result.error().step, StepId::Copy);
        QCOMPARE(checksum(1, QStringLiteral("test.orders")), before);
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("0"));
        QVERIFY(QDir(saved).entryList(QDir::Files).isEmpty());
    }

    void cancelInTheMiddlePutsTheOldCopyBackThenRerunReplaces()
    {
        const QString beforeB = checksum(1, QStringLiteral("test.orders"));
        const QString beforeA = checksum(0, QStringLiteral("test.orders"));
        const QStringList dirsBefore = copyDirs();
        std::atomic_bool cancel { false };
        const Run cancelled = copy(true, &cancel, true);
        qInfo().noquote() << cancelled.infos.join(QLatin1Char('\n'))
                          << (cancelled.result ? QString() : cancelled.result.error().text);
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
        QVERIFY(!cancelled.workDirs.isEmpty());
        QCOMPARE(jobProcesses(cancelled.workDirs), QStringList()); // stopped, not left running on its own
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
        QTRY_VERIFY_WITH_TIMEOUT(writer.committed() > 0, 20000);
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
        // rows after B's replication began, which only replication brings
        const qint64 atStart = writer.committed();
        QTRY_VERIFY_WITH_TIMEOUT(writer.committed() > atStart + 20, 20000);
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

    void killedDumpLeavesNothingBehind()
    {
        // a real fault, not a cancel: the dump process on B's host is killed while it streams
        sql(1, QStringLiteral("DROP DATABASE IF EXISTS test;"));
        const QString beforeA = checksum(0, QStringLiteral("test.orders"));
        const QStringList dirsBefore = copyDirs();
        qint64 killed = 0;
        const Run run = copy(false, nullptr, false, [&](const CopyProgress& p) {
            if (killed || p.phase != CopyProgress::Phase::Copy || p.bytes <= 0)
                return;
            for (const QString& d : copyDirs()) {
                // only this copy's dump: its folder is new and its option file names this sandbox's A
                const QString path = QDir::tempPath() + QLatin1Char('/') + d;
                QFile cnf(path + QStringLiteral("/source.cnf")), pid(path + QStringLiteral("/dump.pid"));
                if (dirsBefore.contains(d) || !cnf.open(QIODevice::ReadOnly)
                    || !cnf.readAll().contains(
                        QByteArray("port=") + QByteArray::number(sb().servers()[0].port))
                    || !pid.open(QIODevice::ReadOnly))
                    continue;
                if (::kill(pid.readAll().trimmed().toInt(), SIGKILL) == 0)
                    killed = p.bytes;
            }
        });
        QVERIFY2(killed > 0, "the dump was not caught streaming");
        QVERIFY(!run.result);
        QCOMPARE(run.result.error().step, StepId::Copy);
        QVERIFY2(run.result.error().text.contains(QStringLiteral("exit 137")),
            qPrintable(run.result.error().text));
        // A: untouched, no temporary account; B: no partial database, no work folder, read_only and its
        // replica settings as they were
        QCOMPARE(checksum(0, QStringLiteral("test.orders")), beforeA);
        QCOMPARE(sql(0, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE user = 'replipair_copy'")),
            QStringLiteral("0"));
        QCOMPARE(sql(1,
                     QStringLiteral(
                         "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'test'")),
            QStringLiteral("0"));
        QCOMPARE(copyDirs(), dirsBefore);
        QVERIFY(!run.workDirs.isEmpty());
        QCOMPARE(jobProcesses(run.workDirs), QStringList());
        QCOMPARE(sql(1, QStringLiteral("SELECT @@GLOBAL.read_only")), QStringLiteral("0"));
        QCOMPARE(sql(1, QStringLiteral("SHOW SLAVE STATUS")), QString());
        QVERIFY2(run.infos.join(QLatin1Char('\n')).contains(QStringLiteral("partial copy removed: test")),
            qPrintable(run.infos.join(QLatin1Char('\n'))));
    }

    void setupWithCopyThroughTheCli()
    {
        // the whole setup as a user runs it: progress events in the JSON stream at most 2 s apart
        sql(1, QStringLiteral("DROP DATABASE IF EXISTS test;"));
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(REPLIPAIR_CLI),
            { QStringLiteral("setup"), sb().profilePath(), QStringLiteral("--copy-from"), QStringLiteral("A"),
                QStringLiteral("--yes"), QStringLiteral("--json") });
        QVERIFY(cli.waitForFinished(600000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0,
            qPrintable(out + QString::fromUtf8(cli.readAllStandardError())));
        QList<QDateTime> times; // the copy step's start, its progress reports, its end
        bool copyFinished = false, lastFinished = false;
        for (const QString& line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            if (o.value(QStringLiteral("step")).toString() != StepId::Copy)
                continue;
            const QString event = o.value(QStringLiteral("event")).toString();
            if (event == QLatin1String("started") || event == QLatin1String("progress")
                || event == QLatin1String("finished"))
                times << QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
            if (event == QLatin1String("progress"))
                lastFinished
                    = o.value(QStringLiteral("data")).toObject().value(QStringLiteral("finished")).toBool();
            copyFinished = copyFinished || event == QLatin1String("finished");
        }
        QVERIFY2(copyFinished, qPrintable(out));
        QVERIFY(lastFinished);
        // started, the last progress (finished), finished: a copy that takes longer reports in between, and
        // the gaps below are what holds it to one report every 2 s at least
        QVERIFY2(times.size() >= 3, qPrintable(out));
        for (int i = 1; i < times.size(); ++i)
            QVERIFY2(times[i - 1].msecsTo(times[i]) <= 2000,
                qPrintable(QStringLiteral("%1 ms between copy events %2 and %3")
                               .arg(times[i - 1].msecsTo(times[i]))
                               .arg(i - 1)
                               .arg(i)));
        QCOMPARE(checksum(1, QStringLiteral("test.orders")), checksum(0, QStringLiteral("test.orders")));
        // B replicates from A now, and the copy's own replica settings did not linger in its place
        QVERIFY(
            sql(1, QStringLiteral("SHOW SLAVE STATUS")).contains(QString::number(sb().servers()[0].port)));
    }
};

QTEST_GUILESS_MAIN(TestDataCopy)
#include "tst_datacopy.moc"
