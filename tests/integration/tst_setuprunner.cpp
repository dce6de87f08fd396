#include "common/pairprofile.h"
#include "common/stepid.h"
#include "sql/sqlsession.h"
#include "support/setupdriver.h"
#include "support/testsupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <QThread>

#include <atomic>
#include <csignal>
#include <thread>
#include <unistd.h>

/** The setup engine against two real sandbox MariaDB servers: the issue's scenarios, one per test. */
class TestSetupRunner : public QObject
{
    Q_OBJECT

    static QString text(const QString& path)
    {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return QString::fromUtf8(f.readAll());
    }
    static QString pid(Sandbox& sb, int i) { return text(sb.servers()[i].pidFile).trimmed(); }
    static QString dropIn(Sandbox& sb, int i)
    {
        return sb.servers()[i].dir + QStringLiteral("/conf.d/90-replipair.cnf");
    }
    static void dump(const SetupOutcome& o) { qInfo().noquote() << o.lines.join(QLatin1Char('\n')); }

    /** Polls @p sql on server @p i until it prints @p expected. */
    static bool waitForValue(Sandbox& sb, int i, const QString& sql, const QString& expected, int ms = 10000)
    {
        return QTest::qWaitFor([&] { return sandboxSql(sb, i, sql) == expected; }, ms);
    }

    /** A profile saved as a regular file, so that its runs journal beside it. */
    static PairProfile journaled(SandboxPair& pair, PairProfile profile)
    {
        profile.filePath = pair.dir() + QStringLiteral("/pair.replipair.json");
        if (!QFile::exists(profile.filePath))
            profile.save(profile.filePath);
        return profile;
    }
    /** Every run record of the journal of @p profile, oldest first (the intent lines, with "kind", aside). */
    static QList<QJsonObject> journal(const PairProfile& profile)
    {
        QList<QJsonObject> out;
        for (const QString& line :
            text(profile.filePath + QStringLiteral(".journal")).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
                !o.contains(QStringLiteral("kind")))
                out << o;
        return out;
    }
    static bool hasStep(const QJsonObject& record, const QString& id)
    {
        for (const QJsonValue& v : record.value(QStringLiteral("steps")).toArray())
            if (v.toString() == id)
                return true;
        return false;
    }

private Q_SLOTS:
    void freshPairReplicatesBothWaysThenRerunChangesNothing()
    {
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        const PairProfile profile = sb.pairProfile();

        const SetupOutcome first = runSetup(profile);
        dump(first);
        QVERIFY2(first.ok, qPrintable(first.error.toString()));
        QVERIFY(first.said(QStringLiteral("verified in both directions")));
        // server-id clash resolved, binary log on, both threads both ways
        QCOMPARE(sandboxSql(sb, 0, QStringLiteral("SELECT @@server_id, @@log_bin")), QStringLiteral("1\t1"));
        QCOMPARE(sandboxSql(sb, 1, QStringLiteral("SELECT @@server_id, @@log_bin")), QStringLiteral("2\t1"));
        QVERIFY(QFile::exists(dropIn(sb, 0)));
        QVERIFY(text(sb.servers()[0].configFile)
                    .contains(QStringLiteral("# disabled by replipair: server-id = 1")));
        QVERIFY(!QDir(sb.servers()[0].dir).entryList({ QStringLiteral("my.cnf.replipair-*.bak") }).isEmpty());

        // data really flows both ways, outside the probe too
        sandboxSql(sb, 0,
            QStringLiteral(
                "USE test; CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, who CHAR(1)) ENGINE=InnoDB;"));
        QVERIFY(waitForValue(sb, 1,
            QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA='test' AND "
                           "TABLE_NAME='t'"),
            QStringLiteral("1")));
        // auto_increment offsets effective: A writes odd ids, B even ids
        sandboxSql(sb, 0, QStringLiteral("USE test; INSERT INTO t (who) VALUES ('A'),('A');"));
        sandboxSql(sb, 1, QStringLiteral("USE test; INSERT INTO t (who) VALUES ('B'),('B');"));
        QVERIFY(waitForValue(sb, 0, QStringLiteral("SELECT COUNT(*) FROM test.t"), QStringLiteral("4")));
        QVERIFY(waitForValue(sb, 1, QStringLiteral("SELECT COUNT(*) FROM test.t"), QStringLiteral("4")));
        QCOMPARE(
            sandboxSql(sb, 0, QStringLiteral("SELECT COUNT(*) FROM test.t WHERE who='A' AND id % 2 = 1")),
            QStringLiteral("2"));
        QCOMPARE(
            sandboxSql(sb, 1, QStringLiteral("SELECT COUNT(*) FROM test.t WHERE who='B' AND id % 2 = 0")),
            QStringLiteral("2"));
        // the probe table is gone, the replication account has REPLICATION SLAVE only
        QCOMPARE(
            sandboxSql(sb, 0,
                QStringLiteral(
                    "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_NAME='replipair_probe'")),
            QStringLiteral("0"));
        const QString grants = sandboxSql(sb, 0, QStringLiteral("SHOW GRANTS FOR 'replication'@'127.0.0.1'"));
        QVERIFY2(grants.contains(QStringLiteral("GRANT REPLICATION SLAVE ON *.*")), qPrintable(grants));
        QVERIFY(!grants.contains(QStringLiteral("FILE")));

        // re-run on a healthy pair: nothing changed, no restart, says so
        const QString pidA = pid(sb, 0), pidB = pid(sb, 1);
        const QString cnfA = text(sb.servers()[0].configFile), dropA = text(dropIn(sb, 0));
        const QDateTime dropTime = QFileInfo(dropIn(sb, 0)).lastModified();
        const SetupOutcome again = runSetup(profile);
        dump(again);
        QVERIFY2(again.ok, qPrintable(again.error.toString()));
        QVERIFY(again.said(QStringLiteral("nothing changed")));
        // a healthy look is not a proof: the row test runs again on every run
        QVERIFY(again.said(QStringLiteral("test rows arrived")));
        QCOMPARE(pid(sb, 0), pidA);
        QCOMPARE(pid(sb, 1), pidB);
        QCOMPARE(text(sb.servers()[0].configFile), cnfA);
        QCOMPARE(text(dropIn(sb, 0)), dropA);
        QCOMPARE(QFileInfo(dropIn(sb, 0)).lastModified(), dropTime);
    }

    void planNamesTheStartPointTheRunUses()
    {
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        const PairProfile profile = sb.pairProfile();
        QCOMPARE(sandboxSql(sb, 0, QStringLiteral("SELECT @@log_bin")), QStringLiteral("0"));
        static const QRegularExpression started(
            QStringLiteral("\\[([AB])\\] [^:]*: replicates from ([AB]) starting at (mysql-bin\\.\\d+:\\d+)"));
        const auto startLines = [](const SetupOutcome& o) {
            QMap<QString, QString> at; // source → file:pos the run started its replica at
            for (const QString& l : o.lines)
                if (const QRegularExpressionMatch m = started.match(l); m.hasMatch())
                    at.insert(m.captured(2), m.captured(3));
            return at;
        };
        const auto coordinateSteps = [](const SetupOutcome& o) {
            QList<PlanStep> steps;
            for (const PlanStep& s : o.plan.steps)
                if (s.id == StepId::Coordinates)
                    steps << s;
            return steps;
        };
        const auto takesALock = [](const SetupOutcome& o) {
            for (const PlanStep& s : o.plan.steps)
                for (const QString& q : s.sql)
                    if (q.contains(QStringLiteral("READ LOCK")))
                        return true;
            return false;
        };

        // 1. binary logs off: the restart of the config step turns them on, each replica starts at file:4
        const SetupOutcome fresh = runSetup(profile);
        dump(fresh);
        QVERIFY2(fresh.ok, qPrintable(fresh.error.toString()));
        QVERIFY(!takesALock(fresh));
        const QList<PlanStep> restarted = coordinateSteps(fresh);
        QCOMPARE(restarted.size(), 2);
        for (const PlanStep& s : restarted)
            QVERIFY2(s.title.contains(QStringLiteral("position 4"))
                    && s.title.contains(QStringLiteral("turns on")),
                qPrintable(s.title));
        const QMap<QString, QString> freshAt = startLines(fresh);
        QCOMPARE(freshAt.keys(), QStringList({ QStringLiteral("A"), QStringLiteral("B") }));
        for (const QString& at : freshAt)
            QVERIFY2(at.endsWith(QStringLiteral(":4")), qPrintable(at));
        for (const PlanStep& s : fresh.plan.steps) {
            const QString sql = s.sql.join(QLatin1Char(' '));
            if (s.id == StepId::ChangeSource && sql.contains(QStringLiteral("LOG_POS")))
                QVERIFY2(
                    sql.contains(QStringLiteral("LOG_POS = 4")), qPrintable(sql)); // by file, not by GTID
        }

        // 2. binary logs on, no replication: the point read at the inspection, shown in the plan as read
        for (int i = 0; i < 2; ++i)
            sandboxSql(sb, i, QStringLiteral("STOP SLAVE; RESET SLAVE ALL;"));
        const SetupOutcome again = runSetup(profile);
        dump(again);
        QVERIFY2(again.ok, qPrintable(again.error.toString()));
        QVERIFY(!takesALock(again));
        static const QRegularExpression inspected(QStringLiteral(
            "where ([AB])'s binary log stood when the data was inspected, (mysql-bin\\.\\d+:\\d+)"));
        QMap<QString, QString> planned;
        for (const PlanStep& s : coordinateSteps(again)) {
            const QRegularExpressionMatch m = inspected.match(s.title);
            QVERIFY2(m.hasMatch(), qPrintable(s.title));
            QCOMPARE(m.captured(1), s.server);
            planned.insert(m.captured(1), m.captured(2));
        }
        QCOMPARE(planned.size(), 2);
        QCOMPARE(startLines(again), planned);
    }

    void wrongAdminPasswordChangesNothing()
    {
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        PairProfile profile = sb.pairProfile();
        profile.servers[1].adminPasswordFile.clear();
        profile.servers[1].adminPasswordOverride = QStringLiteral("definitely-wrong");
        const QString cnf = text(sb.servers()[1].configFile);
        const SetupOutcome o = runSetup(profile);
        dump(o);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.server, QStringLiteral("B"));
        QCOMPARE(o.error.code, 1045);
        QVERIFY2(o.error.text.contains(QStringLiteral("refused the admin account root")),
            qPrintable(o.error.text));
        QVERIFY(!o.error.text.contains(QStringLiteral("definitely-wrong")));
        QCOMPARE(text(sb.servers()[1].configFile), cnf);
        QVERIFY(!QFile::exists(dropIn(sb, 0)));
        QVERIFY(!QFile::exists(dropIn(sb, 1)));
    }

    void twoServersSharingOneOptionFileAreRefused()
    {
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        PairProfile profile = sb.pairProfile();
        profile.servers[1].configFile = sb.servers()[0].configFile; // a mistake: B pointed at A's file
        const SetupOutcome o = runSetup(profile);
        dump(o);
        QVERIFY(!o.ok);
        // B does not read A's file: refused as a "configFile" outside B's option files (issue 16, defect 4)
        QVERIFY2(o.error.text.contains(QStringLiteral("is not one of the option files the server reads")),
            qPrintable(o.error.text));
        QVERIFY(!QFile::exists(dropIn(sb, 0)));
    }

    void unreachablePeerIsAPreflightError()
    {
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        PairProfile profile = sb.pairProfile();
        profile.servers[1].peerHost = QStringLiteral("127.0.0.9"); // B listens on 127.0.0.1 only
        const SetupOutcome o = runSetup(profile);
        dump(o);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.step, QStringLiteral("preflight"));
        QVERIFY2(
            o.error.text.contains(
                QStringLiteral("cannot open a connection to B at 127.0.0.9:%1").arg(sb.servers()[1].port)),
            qPrintable(o.error.text));
        QVERIFY(o.error.text.contains(QStringLiteral("nothing was changed")));
        QVERIFY(!QFile::exists(dropIn(sb, 0)));
        QCOMPARE(sandboxSql(sb, 0, QStringLiteral("SELECT @@log_bin")), QStringLiteral("0"));
    }

    void statementFiltersWarnAndRowFormatReplicatesWritesOutsideTheDatabase()
    {
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        PairProfile profile = sb.pairProfile();
        profile.filterStyle = FilterStyle::DoDb; // the seed's filters: by the default database
        profile.binlogFormat.clear(); // as the server is configured: MIXED
        const SetupOutcome plan = runSetup(profile, SetupRunner::Mode::Plan);
        bool warned = false;
        for (const Finding& f : plan.plan.findings)
            warned = warned
                || (f.code == QLatin1String("statement-filters") && f.fix.contains(QStringLiteral("ROW")));
        QVERIFY2(warned, qPrintable(plan.lines.join(QLatin1Char('\n'))));

        profile.binlogFormat = QStringLiteral("ROW");
        const SetupOutcome o = runSetup(profile);
        dump(o);
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        QCOMPARE(sandboxSql(sb, 0, QStringLiteral("SELECT @@GLOBAL.binlog_format")), QStringLiteral("ROW"));
        sandboxSql(sb, 0, QStringLiteral("USE test; CREATE TABLE f (id INT PRIMARY KEY) ENGINE=InnoDB;"));
        QVERIFY(waitForValue(sb, 1,
            QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA='test' AND "
                           "TABLE_NAME='f'"),
            QStringLiteral("1")));
        // a write made from another default database: dropped by statement filters, replicated with ROW
        bool ok = false;
        sandboxSql(sb, 0, QStringLiteral("USE mysql; INSERT INTO test.f VALUES (42);"), &ok);
        QVERIFY(ok);
        QVERIFY(waitForValue(
            sb, 1, QStringLiteral("SELECT COUNT(*) FROM test.f WHERE id = 42"), QStringLiteral("1")));
    }

    void configFileNotWritableIsRefusedBeforeAnythingChanges()
    {
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        const QString confDir = sb.servers()[1].dir + QStringLiteral("/conf.d");
        const QString cnfA = text(sb.servers()[0].configFile), cnfB = text(sb.servers()[1].configFile);
        QString message;
        if (::geteuid() == 0) {
            // root can write any file: run the CLI as an unprivileged user who can read but not write B's
            // files
            QFile pw(sb.adminPasswordFile());
            QVERIFY(pw.open(QIODevice::ReadOnly));
            const QString password = QString::fromUtf8(pw.readAll()).trimmed();
            PairProfile profile = sb.pairProfile();
            for (ServerProfile& s : profile.servers) {
                s.adminPasswordFile.clear();
                s.adminPasswordEnv = QStringLiteral("RP_TEST_ADMIN_PW");
            }
            const QString profilePath = pair.dir() + QStringLiteral("/nobody.replipair.json");
            QVERIFY(profile.save(profilePath));
            for (const QString& p : { pair.dir(), pair.dir() + QStringLiteral("/sb"), sb.servers()[0].dir,
                     sb.servers()[1].dir, confDir, sb.servers()[0].dir + QStringLiteral("/conf.d") })
                QFile::setPermissions(p,
                    QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                        | QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup);
            QFile::setPermissions(profilePath, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
            // A's files are writable by the user, B's are not: the refusal must come before A is touched
            QProcess chown;
            chown.start(QStringLiteral("chown"),
                { QStringLiteral("-R"), QStringLiteral("65534"), sb.servers()[0].configFile,
                    sb.servers()[0].dir + QStringLiteral("/conf.d"), sb.servers()[0].dir });
            chown.waitForFinished();
            // a run that cannot journal its intents does not start: nobody's journal goes where nobody writes
            const QString nobodyJournal = QDir::tempPath()
                + QStringLiteral("/replipair-nobody-%1.journal").arg(QCoreApplication::applicationPid());
            QFile::remove(nobodyJournal);
            QProcess cli;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(
                QStringLiteral("RP_TEST_ADMIN_PW"), password); // by environment, never on a command line
            cli.setProcessEnvironment(env);
            cli.start(QStringLiteral("setpriv"),
                { QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                    QStringLiteral("--clear-groups"), QStringLiteral(REPLIPAIR_CLI), QStringLiteral("setup"),
                    profilePath, QStringLiteral("--yes"), QStringLiteral("--journal"), nobodyJournal });
            QVERIFY(cli.waitForFinished(300000));
            QFile::remove(nobodyJournal);
            message = QString::fromUtf8(cli.readAllStandardError() + cli.readAllStandardOutput());
            qInfo().noquote() << message;
            QCOMPARE(cli.exitCode(), 1);
            QVERIFY(!message.contains(password));
        } else {
            QFile::setPermissions(confDir, QFile::ReadOwner | QFile::ExeOwner);
            QFile::setPermissions(sb.servers()[1].configFile, QFile::ReadOwner);
            const SetupOutcome o = runSetup(sb.pairProfile());
            dump(o);
            QVERIFY(!o.ok);
            message = o.error.toString();
            QFile::setPermissions(confDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        QVERIFY2(
            message.contains(confDir) || message.contains(sb.servers()[1].configFile), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("nothing was changed")), qPrintable(message));
        QCOMPARE(text(sb.servers()[0].configFile), cnfA);
        QCOMPARE(text(sb.servers()[1].configFile), cnfB);
        QVERIFY(!QFile::exists(dropIn(sb, 0)));
        QVERIFY(!QFile::exists(dropIn(sb, 1)));
        QCOMPARE(sandboxSql(sb, 1, QStringLiteral("SELECT @@server_id")), QStringLiteral("1"));
    }

    void serverKilledBetweenStepsReleasesTheLockAndResumes()
    {
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        const PairProfile profile = sb.pairProfile();
        const SetupOutcome broken = runSetup(profile, SetupRunner::Mode::Setup, [&sb](SetupRunner& r) {
            r.setAfterStepHook([&sb](const QString& step) {
                if (step == QLatin1String("coordinates"))
                    sb.kill(1);
            });
        });
        dump(broken);
        QVERIFY(!broken.ok);
        QCOMPARE(broken.error.server, QStringLiteral("B"));
        // A holds no read lock: a write there goes through at once
        bool ok = false;
        sandboxSql(sb, 0,
            QStringLiteral(
                "SET SESSION lock_wait_timeout = 2; CREATE TABLE test.after_kill (id INT PRIMARY KEY);"),
            &ok);
        QVERIFY2(ok, "A is still locked");
        sandboxSql(sb, 0, QStringLiteral("DROP TABLE test.after_kill;"));

        QVERIFY(sb.start(1));
        const SetupOutcome resumed = runSetup(profile);
        dump(resumed);
        QVERIFY2(resumed.ok, qPrintable(resumed.error.toString()));
        QVERIFY(resumed.said(QStringLiteral("verified in both directions")));
        QVERIFY(!resumed.said(QStringLiteral("restarting the server"))); // the config was already in place
    }

    void quotesBackslashesAndUnicodeInPasswordAndDatabase()
    {
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        const QString password = QStringLiteral("p'a\"s\\s 密码%_");
        const QString database = QStringLiteral("te'st\"\\库");
        QString literal = password;
        literal.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('\''), QLatin1String("\\'"));
        QString ident = database;
        ident.replace(QLatin1Char('`'), QLatin1String("``"));
        for (int i = 0; i < 2; ++i) {
            bool ok = false;
            sandboxSql(sb, i,
                QStringLiteral("CREATE DATABASE `%1`; CREATE TABLE `%1`.`t` (id INT PRIMARY KEY);")
                    .arg(ident),
                &ok);
            QVERIFY(ok);
            const QString r = sandboxSql(
                sb, i, QStringLiteral("ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '%1';").arg(literal), &ok);
            QVERIFY2(ok, qPrintable(r));
        }
        QFile pw(sb.adminPasswordFile()); // the test's own client reads it from there
        QVERIFY(pw.open(QIODevice::WriteOnly | QIODevice::Truncate));
        pw.write(password.toUtf8());
        pw.close();
        PairProfile profile = sb.pairProfile({ database });
        profile.binlogFormat = QStringLiteral("ROW");
        for (ServerProfile& s : profile.servers) {
            s.adminPasswordFile.clear();
            s.adminPasswordOverride = password;
        }
        const SetupOutcome o = runSetup(profile);
        dump(o);
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        for (const QString& line : o.lines)
            QVERIFY2(!line.contains(QStringLiteral("密码")), qPrintable(line));
    }
    void refusedReplicationAccountNamesTheAddressSeenThenResumes()
    {
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        PairProfile profile = sb.pairProfile();
        profile.replicationUserHost = QStringLiteral("10.9.9.9"); // not where the peer connects from
        const SetupOutcome o = runSetup(
            profile, SetupRunner::Mode::Setup, [](SetupRunner& r) { r.setVerifyTimeoutMs(20000); });
        dump(o);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.code, 1045);
        QVERIFY2(o.error.text.contains(QStringLiteral("saw the connection come from 127.0.0.1")),
            qPrintable(o.error.text));
        QVERIFY(o.error.text.contains(QStringLiteral("'replication'@'10.9.9.9'")));
        QVERIFY(o.error.text.contains(QStringLiteral("\"replicationUserHost\"")));

        // fixed profile: both directions resume at their own position with fresh credentials
        profile.replicationUserHost = QStringLiteral("peer");
        const SetupOutcome fixed = runSetup(profile);
        dump(fixed);
        QVERIFY2(fixed.ok, qPrintable(fixed.error.toString()));
        QVERIFY(fixed.said(QStringLiteral("restarted with new credentials, at its own position")));
    }

    void filePositionWithoutGtid()
    {
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        PairProfile profile = sb.pairProfile();
        profile.gtid = GtidMode::Off;
        profile.rollingRestart = true;
        const SetupOutcome o = runSetup(profile);
        dump(o);
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        QVERIFY(o.said(QStringLiteral("from mysql-bin.000001:")));
        // rolling restart: B's configuration starts only once A is back and verified
        int aDone = -1, bStarted = -1;
        for (int i = 0; i < o.lines.size(); ++i) {
            if (o.lines[i].contains(QStringLiteral("ok [A] config: settings in place")))
                aDone = i;
            if (o.lines[i].contains(QStringLiteral(".. [B] config: started")))
                bStarted = i;
        }
        QVERIFY(aDone >= 0 && bStarted >= 0);
        QVERIFY2(aDone < bStarted, "B was restarted while A was still restarting");
        QFile pw(sb.adminPasswordFile());
        QVERIFY(pw.open(QIODevice::ReadOnly));
        const QString password = QString::fromUtf8(pw.readAll()).trimmed();
        for (int i = 0; i < 2; ++i) {
            SqlSession session(QStringLiteral("check-%1").arg(i));
            QVERIFY(session.open(SqlEndpoint { QStringLiteral("t"), QStringLiteral("127.0.0.1"),
                                     sb.servers()[i].port, QStringLiteral("root") },
                password));
            auto rows = session.query(QStringLiteral("SHOW SLAVE STATUS"));
            QVERIFY(rows && rows->size() == 1);
            QCOMPARE(rows->first().value(QStringLiteral("Using_Gtid")).toString(), QStringLiteral("No"));
            QVERIFY(ReplicaStatus::fromRow(rows->first()).healthy());
        }
    }
    void longStatementNeverMeetsAReadLock()
    {
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        const PairProfile profile = sb.pairProfile();
        QFile pw(sb.adminPasswordFile());
        QVERIFY(pw.open(QIODevice::ReadOnly));
        const QString password = QString::fromUtf8(pw.readAll()).trimmed();
        qint64 sleeper = 0;
        const SetupOutcome o = runSetup(profile, SetupRunner::Mode::Setup, [&](SetupRunner& r) {
            r.setAfterStepHook([&](const QString& step) {
                if (step != QLatin1String("replication-user"))
                    return;
                // a report that has been running for a while when the read lock would be taken
                QProcess client;
                QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
                env.insert(QStringLiteral("MYSQL_PWD"), password);
                client.setProcessEnvironment(env);
                client.setProgram(QStringLiteral("mariadb"));
                client.setArguments({ QStringLiteral("--no-defaults"), QStringLiteral("-h127.0.0.1"),
                    QStringLiteral("-P%1").arg(sb.servers()[0].port), QStringLiteral("-uroot"),
                    QStringLiteral("-e"), QStringLiteral("SELECT SLEEP(25)") });
                client.startDetached(&sleeper);
                // on until it has run for 5 s (the condition itself, on this machine's time, not a guess)
                const QString running = QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                                                       "WHERE INFO = 'SELECT SLEEP(25)' AND TIME >= 5");
                QDeadlineTimer deadline(30000);
                while (sandboxSql(sb, 0, running) != QLatin1String("1") && !deadline.hasExpired())
                    QThread::msleep(100);
            });
        });
        dump(o);
        // the start points come from the inspection and the restart that turned the binary logs on: no read
        // lock is needed, so a long report on A neither stops the setup nor queues the application's writes
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        QVERIFY2(!o.said(QStringLiteral("read lock held")), qPrintable(o.lines.join(QLatin1Char('\n'))));
        QVERIFY2(o.said(QStringLiteral("starting at")), qPrintable(o.lines.join(QLatin1Char('\n'))));
        bool ok = false;
        sandboxSql(sb, 0,
            QStringLiteral(
                "SET SESSION lock_wait_timeout = 2; CREATE TABLE test.during_report (id INT PRIMARY KEY);"),
            &ok);
        QVERIFY(ok);
        sandboxSql(sb, 0, QStringLiteral("DROP TABLE test.during_report;"));
        ::kill(pid_t(sleeper), SIGTERM);
        for (const QString& kill : sandboxSql(sb, 0,
                 QStringLiteral("SELECT CONCAT('KILL ', ID) FROM information_schema.PROCESSLIST WHERE INFO = "
                                "'SELECT SLEEP(25)'"))
                                       .split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            sandboxSql(sb, 0, kill);
        const SetupOutcome resumed = runSetup(profile);
        dump(resumed);
        QVERIFY2(resumed.ok, qPrintable(resumed.error.toString()));
    }

    void preflightRefusalIsJournaled()
    {
        // a real refusal: the binary log is off, and "restart": "never" forbids the restart it needs
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        PairProfile profile = sb.pairProfile();
        profile.restart = RestartPolicy::Never;
        profile = journaled(pair, profile);
        const QString cnfB = text(sb.servers()[1].configFile);
        const SetupOutcome o = runSetup(profile);
        dump(o);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.step, StepId::Preflight);
        QVERIFY2(o.error.text.contains(QStringLiteral("\"restart\": \"never\"")), qPrintable(o.error.text));
        QCOMPARE(text(sb.servers()[1].configFile), cnfB);
        QVERIFY(!QFile::exists(dropIn(sb, 1)));
        const QList<QJsonObject> records = journal(profile);
        QCOMPARE(records.size(), 1);
        const QJsonObject& r = records.last();
        QCOMPARE(r.value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(r.value(QStringLiteral("error")).toObject().value(QStringLiteral("step")).toString(),
            StepId::Preflight);
        QVERIFY(r.value(QStringLiteral("time")).toString().endsWith(QLatin1Char('Z')));
        QVERIFY(hasStep(r, StepId::Inspect));
        QVERIFY(!hasStep(r, StepId::Config));
    }

    void rerunAfterAFailedVerificationRepeatsTheRowTest()
    {
        // verification fails for real: B's IO thread is refused (1045) under a wrong replicationUserHost
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        PairProfile profile = journaled(pair, sb.pairProfile());
        profile.replicationUserHost = QStringLiteral("10.9.9.9");
        const SetupOutcome failed = runSetup(
            profile, SetupRunner::Mode::Setup, [](SetupRunner& r) { r.setVerifyTimeoutMs(15000); });
        dump(failed);
        QVERIFY(!failed.ok);
        QCOMPARE(failed.error.step, StepId::Verify);
        QCOMPARE(failed.error.code, 1045);
        QVERIFY(!failed.said(QStringLiteral("test rows arrived")));

        profile.replicationUserHost = QStringLiteral("peer");
        const SetupOutcome fixed = runSetup(profile);
        dump(fixed);
        QVERIFY2(fixed.ok, qPrintable(fixed.error.toString()));
        QVERIFY(fixed.said(QStringLiteral("test rows arrived")));
        const QList<QJsonObject> records = journal(profile);
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(0).value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(
            records.at(0).value(QStringLiteral("error")).toObject().value(QStringLiteral("step")).toString(),
            StepId::Verify);
        QVERIFY(!hasStep(records.at(0), StepId::Verify));
        QCOMPARE(records.at(1).value(QStringLiteral("ok")).toBool(false), true);
        QVERIFY(hasStep(records.at(1), StepId::Verify));

        // and a run that finds everything in place proves it again too: the row test, not just a look
        const SetupOutcome again = runSetup(profile);
        dump(again);
        QVERIFY2(again.ok, qPrintable(again.error.toString()));
        QVERIFY(again.said(QStringLiteral("nothing changed")));
        QVERIFY(again.said(QStringLiteral("test rows arrived")));
        QVERIFY(hasStep(journal(profile).last(), StepId::Verify));
    }

    void serverFrozenDuringVerificationIsSurvived()
    {
        // B stops answering for 4 s (SIGSTOP: no RST, no closed socket, as a network that drops packets)
        // right when verification starts; then it goes on (SIGCONT). The run waits it out and passes.
        SandboxPair pair;
        QVERIFY2(pair.up(), qPrintable(pair.error()));
        Sandbox& sb = pair.sandbox();
        std::atomic<qint64> frozen { 0 };
        std::atomic<bool> resumed { false };
        std::thread thaw;
        const SetupOutcome o = runSetup(sb.pairProfile(), SetupRunner::Mode::Setup, [&](SetupRunner& r) {
            r.setAfterStepHook([&](const QString& id) {
                if (id != StepId::ChangeSource || frozen)
                    return;
                frozen = pid(sb, 1).toLongLong();
                ::kill(pid_t(frozen.load()), SIGSTOP);
                thaw = std::thread([&] {
                    std::this_thread::sleep_for(std::chrono::seconds(4));
                    ::kill(pid_t(frozen.load()), SIGCONT);
                    resumed = true;
                });
            });
        });
        if (thaw.joinable())
            thaw.join();
        else if (frozen)
            ::kill(pid_t(frozen.load()), SIGCONT);
        dump(o);
        QVERIFY2(frozen > 0, "B was never frozen");
        QVERIFY(resumed);
        QVERIFY2(o.ok, qPrintable(o.error.toString()));
        QVERIFY(o.said(QStringLiteral("test rows arrived")));
        QVERIFY(o.said(QStringLiteral("verified in both directions")));
    }
};

QTEST_GUILESS_MAIN(TestSetupRunner)
#include "tst_setuprunner.moc"
