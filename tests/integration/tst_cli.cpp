#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

/** replipair-cli as a user runs it: exit codes, messages, JSON lines; a sandbox run as an ordinary user. */
class TestCli : public QObject
{
    Q_OBJECT

    struct Ran
    {
        int code = -1;
        QString out;
        QString err;
    };
    /** Runs the CLI; as root, @p asUser runs it as the unprivileged user nobody. */
    static Ran cli(const QStringList& args, bool asUser = false, int timeoutMs = 300000)
    {
        QProcess p;
        if (asUser && ::geteuid() == 0)
            p.start(QStringLiteral("setpriv"),
                QStringList { QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                    QStringLiteral("--clear-groups"), QStringLiteral(REPLIPAIR_CLI) }
                    + args);
        else
            p.start(QStringLiteral(REPLIPAIR_CLI), args);
        p.waitForFinished(timeoutMs);
        return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
    }
    /** Runs the CLI with extra environment variables and, when given, a file as its standard input. */
    static Ran cliWith(
        const QStringList& args, const QMap<QString, QString>& env, const QString& stdinFile = {})
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (auto it = env.begin(); it != env.end(); ++it)
            if (it.value().isNull())
                e.remove(it.key()); // a null value: the variable is not set at all
            else
                e.insert(it.key(), it.value());
        p.setProcessEnvironment(e);
        if (!stdinFile.isEmpty())
            p.setStandardInputFile(stdinFile);
        p.start(QStringLiteral(REPLIPAIR_CLI), args);
        p.waitForFinished(300000);
        return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
    }
    /** Runs @p statement on sandbox server @p server ("a", "b") as root; its tab-separated output. */
    static QString sandboxSql(const QString& sb, const QString& server, const QString& statement)
    {
        QFile pwFile(sb + QStringLiteral("/admin-password"));
        if (!pwFile.open(QIODevice::ReadOnly))
            return {};
        QProcess client;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MYSQL_PWD"), QString::fromUtf8(pwFile.readAll().trimmed()));
        client.setProcessEnvironment(env);
        client.start(QStringLiteral("mariadb"),
            { QStringLiteral("--no-defaults"), QStringLiteral("--socket=%1/%2/mysqld.sock").arg(sb, server),
                QStringLiteral("-uroot"), QStringLiteral("-N"), QStringLiteral("-B"), QStringLiteral("-e"),
                statement });
        client.waitForFinished(30000);
        return QString::fromUtf8(client.readAllStandardOutput()).trimmed();
    }
    /** Every option file of a sandbox, with its content: what a refused run must leave as it was. */
    static QMap<QString, QByteArray> optionFiles(const QString& sb)
    {
        QMap<QString, QByteArray> files;
        for (const QString& server : { QStringLiteral("a"), QStringLiteral("b") }) {
            QDir dir(sb + QLatin1Char('/') + server);
            QStringList names = dir.entryList({ QStringLiteral("*.cnf*") }, QDir::Files);
            for (const QString& n : QDir(dir.filePath(QStringLiteral("conf.d"))).entryList(QDir::Files))
                names << QStringLiteral("conf.d/") + n;
            for (const QString& n : names) {
                QFile f(dir.filePath(n));
                if (f.open(QIODevice::ReadOnly))
                    files.insert(server + QLatin1Char('/') + n, f.readAll());
            }
        }
        return files;
    }
    static QJsonObject withServerValue(
        QJsonObject profile, int index, const QString& key, const QJsonValue& value)
    {
        QJsonArray servers = profile.value(QStringLiteral("servers")).toArray();
        QJsonObject s = servers.at(index).toObject();
        if (value.isUndefined())
            s.remove(key);
        else
            s.insert(key, value);
        servers[index] = s;
        profile.insert(QStringLiteral("servers"), servers);
        return profile;
    }
    static QString write(const QString& path, const QJsonObject& o)
    {
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(QJsonDocument(o).toJson());
        return path;
    }
    static QList<QJsonObject> jsonLines(const QString& out)
    {
        QList<QJsonObject> lines;
        for (const QString& line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            lines << QJsonDocument::fromJson(line.toUtf8()).object();
        return lines;
    }
    QTemporaryDir m_dir { QStringLiteral("/tmp/rpc-XXXXXX") };

private Q_SLOTS:
    void initTestCase() { QFile::setPermissions(m_dir.path(), QFileDevice::Permissions(0x7777)); }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList {} << "no command given";
        QTest::newRow("unknown command") << QStringList { "frobnicate" } << "unknown command \"frobnicate\"";
        QTest::newRow("unknown option") << QStringList { "status", "x.json", "--colour" } << "colour";
        // issue 13 item 4: not silently turned into 0.2 s polling
        for (const char* bad : { "nan", "inf", "-inf", "0", "-1", "0.05", "2200000", "1e300", "abc" })
            QTest::newRow(qPrintable(QString("interval %1").arg(bad))) << QStringList { "monitor", "x.json",
                "--interval", bad } << "--interval needs a number of seconds";
        QTest::newRow("timeout nan") << QStringList { "monitor", "x.json", "--timeout", "nan" }
                                     << "--timeout";
        QTest::newRow("bad format") << QStringList { "monitor", "x.json", "--format", "xml" } << "--format";
        QTest::newRow("output without prometheus")
            << QStringList { "monitor", "x.json", "--output", "/tmp/x.prom" } << "--output";
        QTest::newRow("missing profile") << QStringList { "inspect", "/nonexistent/p.replipair.json" }
                                         << "cannot read /nonexistent/p.replipair.json";
        QTest::newRow("setup without yes") << QStringList { "setup", "PROFILE" } << "add --yes";
        QTest::newRow("bad field") << QStringList { "plan", "BADPROFILE" }
                                   << "\"gtid\" must be \"auto\", \"on\" or \"off\"";
        QTest::newRow("missing field") << QStringList { "plan", "NOHOST" } << "servers[1]: missing \"host\"";
        QTest::newRow("config file outside") << QStringList { "setup", "RELCONFIG",
            "--yes" } << "\"configFile\": \"../../etc/passwd\" is not an absolute path";
        QTest::newRow("copy from no such server") << QStringList { "setup", "PROFILE", "--copy-from", "C",
            "--yes" } << "--copy-from must name A or B";
        QTest::newRow("replace without a copy") << QStringList { "plan", "PROFILE", "--replace-target" }
                                                << "--replace-target only goes with a copy";
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QString good = m_dir.filePath(QStringLiteral("good.replipair.json"));
        QFile g(good);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write(
            R"({"name":"p","servers":[{"name":"A","host":"127.0.0.1"},{"name":"B","host":"127.0.0.2"}]})");
        g.close();
        const QString bad = m_dir.filePath(QStringLiteral("bad.replipair.json"));
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write(
            R"({"name":"p","gtid":"sometimes","servers":[{"name":"A","host":"127.0.0.1"},{"name":"B","host":"127.0.0.2"}]})");
        b.close();
        const QString nohost = m_dir.filePath(QStringLiteral("nohost.replipair.json"));
        QFile n(nohost);
        QVERIFY(n.open(QIODevice::WriteOnly));
        n.write(R"({"name":"p","servers":[{"name":"A","host":"127.0.0.1"},{"name":"B"}]})");
        n.close();
        const QString relConfig = write(m_dir.filePath(QStringLiteral("relconfig.replipair.json")),
            withServerValue(
                QJsonDocument::fromJson(
                    R"({"name":"p","servers":[{"name":"A","host":"127.0.0.1"},{"name":"B","host":"127.0.0.2"}]})")
                    .object(),
                1, QStringLiteral("configFile"), QStringLiteral("../../etc/passwd")));
        for (QString& a : args)
            a.replace(QStringLiteral("BADPROFILE"), bad)
                .replace(QStringLiteral("RELCONFIG"), relConfig)
                .replace(QStringLiteral("NOHOST"), nohost)
                .replace(QStringLiteral("PROFILE"), good);
        const Ran r = cli(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));

        // with --json: the same exit code and text, and one JSON error line on stdout with a UTC time
        const Ran j = cli(args + QStringList { QStringLiteral("--json") });
        QCOMPARE(j.code, 2);
        QVERIFY2(j.err.contains(message), qPrintable(j.err));
        const QList<QJsonObject> lines = jsonLines(j.out);
        QCOMPARE(lines.size(), 1);
        const QJsonObject e = lines.first();
        QCOMPARE(e.value(QStringLiteral("event")).toString(), QStringLiteral("error"));
        QCOMPARE(e.value(QStringLiteral("step")).toString(), QStringLiteral("profile"));
        QVERIFY2(e.value(QStringLiteral("text")).toString().contains(message), qPrintable(j.out));
        const QString time = e.value(QStringLiteral("time")).toString();
        QVERIFY2(time.endsWith(QLatin1Char('Z')), qPrintable(j.out));
        QVERIFY2(QDateTime::fromString(time, Qt::ISODateWithMs).isValid(), qPrintable(j.out));
    }

    /** recover reads only the journal for --dry-run: a cancelled rebuild that left an account which existed
     *  before it has nothing to put back (it said "drop the account" and exited 1); --json prints JSON (it
     *  printed text); status names the killed run and the way back. */
    void recoverDryRunJsonAndWhatIsNotLeft()
    {
        const QString profile = m_dir.filePath(QStringLiteral("journalled.replipair.json"));
        QFile g(profile);
        QVERIFY(g.open(QIODevice::WriteOnly));
        // nothing listens on these ports: the dry run must not need the servers
        g.write(R"({"name":"j","servers":[{"name":"A","host":"127.0.0.1","port":1},)"
                R"({"name":"B","host":"127.0.0.1","port":2}]})");
        g.close();
        const QString journal = profile + QStringLiteral(".journal");
        auto writeJournal = [&](const QList<QJsonObject>& lines) {
            QFile j(journal);
            QVERIFY(j.open(QIODevice::WriteOnly | QIODevice::Truncate));
            for (const QJsonObject& line : lines)
                j.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
        };
        auto line = [](const QString& kind, int id, const QString& time) {
            QJsonObject o { { QStringLiteral("kind"), kind }, { QStringLiteral("run"), QStringLiteral("r1") },
                { QStringLiteral("time"), time } };
            if (id > 0)
                o.insert(QStringLiteral("id"), id);
            return o;
        };
        QJsonObject begin = line(QStringLiteral("begin"), 0, QStringLiteral("2026-12-05T12:18:31.440Z"));
        begin.insert(QStringLiteral("operation"), QStringLiteral("rebuild"));
        begin.insert(QStringLiteral("pid"), 0);
        begin.insert(QStringLiteral("host"), QSysInfo::machineHostName());
        auto intent = [&](int id, const QString& server, const QString& step, const QString& action,
                          const QJsonObject& undo, bool lasting) {
            QJsonObject o = line(QStringLiteral("intent"), id, QStringLiteral("2026-12-05T12:18:31.500Z"));
            o.insert(QStringLiteral("server"), server);
            o.insert(QStringLiteral("step"), step);
            o.insert(QStringLiteral("action"), action);
            o.insert(QStringLiteral("undo"), undo);
            o.insert(QStringLiteral("lasting"), lasting);
            return o;
        };
        // the replication account on A existed before the rebuild (only its password changed)
        const QJsonObject account = intent(3, QStringLiteral("A"), QStringLiteral("replication-user"),
            QStringLiteral("replication-account"),
            QJsonObject { { QStringLiteral("existed"), true },
                { QStringLiteral("host"), QStringLiteral("127.0.0.1") },
                { QStringLiteral("user"), QStringLiteral("replication") } },
            true);
        QJsonObject end = line(QStringLiteral("end"), 0, QStringLiteral("2026-12-05T12:18:37.163Z"));
        end.insert(QStringLiteral("operation"), QStringLiteral("rebuild"));
        end.insert(QStringLiteral("outcome"), QStringLiteral("cancelled"));
        // cancelled, everything else put back by the run itself
        writeJournal({ begin, account,
            line(QStringLiteral("done"), 3, QStringLiteral("2026-12-05T12:18:31.663Z")), end });
        const Ran nothing = cli({ QStringLiteral("recover"), profile, QStringLiteral("--dry-run") });
        QVERIFY2(nothing.code == 0, qPrintable(nothing.out + nothing.err));
        QVERIFY2(nothing.out.contains(QStringLiteral("nothing to recover")), qPrintable(nothing.out));
        QVERIFY2(!nothing.out.contains(QStringLiteral("drop the account")), qPrintable(nothing.out));

        // killed: B's read_only change left, and the account that existed
        writeJournal({ begin,
            intent(1, QStringLiteral("B"), QStringLiteral("set-read-only"), QStringLiteral("read-only"),
                QJsonObject { { QStringLiteral("was"), 0 } }, false),
            line(QStringLiteral("done"), 1, QStringLiteral("2026-12-05T12:18:31.492Z")), account });
        const Ran json = cli(
            { QStringLiteral("recover"), profile, QStringLiteral("--dry-run"), QStringLiteral("--json") });
        QCOMPARE(json.code, 1);
        const QList<QJsonObject> lines = jsonLines(json.out);
        QVERIFY2(lines.size() == 1 && !lines.first().isEmpty(), qPrintable(json.out));
        const QJsonObject o = lines.first();
        QCOMPARE(o.value(QStringLiteral("event")).toString(), QStringLiteral("dry-run"));
        QCOMPARE(o.value(QStringLiteral("operation")).toString(), QStringLiteral("rebuild"));
        QCOMPARE(o.value(QStringLiteral("run")).toString(), QStringLiteral("r1"));
        QVERIFY(o.value(QStringLiteral("time")).toString().endsWith(QLatin1Char('Z')));
        const QJsonArray changes = o.value(QStringLiteral("changes")).toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(
            changes[0].toObject().value(QStringLiteral("action")).toString(), QStringLiteral("read-only"));
        QCOMPARE(changes[0].toObject().value(QStringLiteral("server")).toString(), QStringLiteral("B"));
        QCOMPARE(changes[0].toObject().value(QStringLiteral("id")).toInt(), 1);

        // status, with both servers unreachable, names the killed run and recover
        const Ran status = cli({ QStringLiteral("status"), profile }, false, 60000);
        QCOMPARE(status.code, 1);
        QVERIFY2(
            status.out.contains(QStringLiteral("NEXT: the rebuild started at 2026-12-05T12:18:31.440Z was "
                                               "interrupted"))
                && status.out.contains(QStringLiteral("replipair-cli recover ") + profile),
            qPrintable(status.out));
        const Ran statusJson
            = cli({ QStringLiteral("status"), profile, QStringLiteral("--json") }, false, 60000);
        bool named = false;
        for (const QJsonObject& line : jsonLines(statusJson.out))
            named = named
                || (line.value(QStringLiteral("type")).toString() == QLatin1String("interruptedRun")
                    && line.value(QStringLiteral("operation")).toString() == QLatin1String("rebuild")
                    && line.value(QStringLiteral("left")).toInt() == 1);
        QVERIFY2(named, qPrintable(statusJson.out));

        // recover has put back what it could of a rebuild of B killed during its copy: what is left only a
        // rebuild does, and status says that rather than recover again
        writeJournal({ begin,
            intent(4, QStringLiteral("B"), QStringLiteral("reset-replica"), QStringLiteral("replica-reset"),
                QJsonObject { { QStringLiteral("host"), QStringLiteral("127.0.0.1") } }, false),
            line(QStringLiteral("done"), 4, QStringLiteral("2026-12-05T12:18:31.911Z")),
            intent(10, QStringLiteral("B"), QStringLiteral("copy"), QStringLiteral("copy-load"),
                QJsonObject { { QStringLiteral("databases"), QJsonArray { QStringLiteral("test") } } },
                false) });
        const Ran left = cli({ QStringLiteral("status"), profile }, false, 60000);
        QVERIFY2(left.out.contains(QStringLiteral("replipair-cli rebuild %1 --server B --yes").arg(profile)),
            qPrintable(left.out));
        QFile::remove(journal);
    }

    /** --help names every command each option goes with (it said "--yes: confirm that setup may change
     *  both servers", and left rejoin out of --server and --dry-run). */
    void helpNamesTheCommandsOfEachOption()
    {
        const Ran help = cli({ QStringLiteral("--help") });
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.contains(QStringLiteral("setup, switchover, rejoin, rebuild or repair may change")),
            qPrintable(help.out));
        QVERIFY2(help.out.contains(QStringLiteral("rejoin: the fenced server")), qPrintable(help.out));
        QVERIFY2(help.out.contains(QStringLiteral("--dry-run                 switchover, rejoin, rebuild:")),
            qPrintable(help.out));
    }

    void failureLineUnderJsonHasATime()
    {
        // nothing listens on these ports: the plan fails at the inspection, exit 1
        const QString dead = write(m_dir.filePath(QStringLiteral("dead.replipair.json")),
            QJsonDocument::fromJson(
                R"({"name":"p","servers":[{"name":"A","host":"127.0.0.1","port":1},{"name":"B","host":"127.0.0.1","port":2}]})")
                .object());
        const Ran r = cli({ QStringLiteral("plan"), dead, QStringLiteral("--json") });
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("FAILED")), qPrintable(r.err));
        const QList<QJsonObject> lines = jsonLines(r.out);
        QVERIFY2(!lines.isEmpty(), qPrintable(r.out));
        const QJsonObject e = lines.last();
        QCOMPARE(e.value(QStringLiteral("event")).toString(), QStringLiteral("error"));
        const QString time = e.value(QStringLiteral("time")).toString();
        QVERIFY2(time.endsWith(QLatin1Char('Z')), qPrintable(r.out));
        QVERIFY2(QDateTime::fromString(time, Qt::ISODateWithMs).isValid(), qPrintable(r.out));
    }

    void sandboxAsOrdinaryUserThroughSetupAndStatus()
    {
        const QString sb = m_dir.filePath(QStringLiteral("sb"));
        const Ran up = cli({ QStringLiteral("sandbox"), QStringLiteral("up"), sb }, true);
        const auto down = qScopeGuard([&] {
            cli({ QStringLiteral("sandbox"), QStringLiteral("down"), sb }, true);
        });
        QVERIFY2(up.code == 0, qPrintable(up.err + up.out));
        const QString profile = sb + QStringLiteral("/pair.replipair.json");
        QVERIFY(up.out.contains(profile));
        if (::geteuid() == 0)
            QCOMPARE(QFileInfo(sb + QStringLiteral("/a/data")).ownerId(), uint(65534));

        const Ran inspect = cli({ QStringLiteral("inspect"), profile, QStringLiteral("--json") }, true);
        QCOMPARE(inspect.code, 0);
        const QJsonObject in = QJsonDocument::fromJson(inspect.out.toUtf8()).object();
        QCOMPARE(in.value(QStringLiteral("servers")).toArray().size(), 2);
        QVERIFY(!in.value(QStringLiteral("findings")).toArray().isEmpty()); // server-id clash, binlog off

        const QString planFile = m_dir.filePath(QStringLiteral("plan.txt"));
        const Ran plan = cli({ QStringLiteral("plan"), profile, QStringLiteral("--output"), planFile });
        QCOMPARE(plan.code, 0);
        QVERIFY(plan.out.contains(QStringLiteral("MASTER_PASSWORD = '***'")));
        QVERIFY(QFile::exists(planFile));

        const Ran setup = cli(
            { QStringLiteral("setup"), profile, QStringLiteral("--yes"), QStringLiteral("--json") }, true);
        QVERIFY2(setup.code == 0, qPrintable(setup.err + setup.out));
        int lines = 0;
        bool sawChange = false;
        for (const QString& line : setup.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            QJsonParseError e;
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8(), &e).object();
            QVERIFY2(e.error == QJsonParseError::NoError, qPrintable(line));
            QVERIFY(o.contains(QStringLiteral("event")) && o.contains(QStringLiteral("server"))
                && o.contains(QStringLiteral("step")));
            sawChange = sawChange
                || (o.value(QStringLiteral("step")).toString() == QLatin1String("change-source")
                    && o.value(QStringLiteral("event")).toString() == QLatin1String("finished")
                    && o.contains(QStringLiteral("elapsedMs")));
            ++lines;
        }
        QVERIFY(lines > 10);
        QVERIFY(sawChange);
        // the run's journal: beside the profile, private, no secret in it
        QFile journal(profile + QStringLiteral(".journal"));
        QVERIFY(journal.open(QIODevice::ReadOnly));
        QCOMPARE(journal.permissions() & (QFile::ReadOther | QFile::ReadGroup), QFileDevice::Permissions());
        const QByteArray record = journal.readAll();
        QVERIFY(record.contains("\"ok\":true"));
        QVERIFY(record.contains(".bak"));
        QFile pwf(sb + QStringLiteral("/admin-password"));
        QVERIFY(pwf.open(QIODevice::ReadOnly));
        QVERIFY(!record.contains(pwf.readAll().trimmed()));

        const Ran status = cli({ QStringLiteral("status"), profile, QStringLiteral("--json") }, true);
        QCOMPARE(status.code, 0);
        for (const QString& line : status.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            if (o.value(QStringLiteral("type")).toString() == QStringLiteral("dataAgreement")) {
                // just set up: nothing has put the data in doubt
                QVERIFY(o.value(QStringLiteral("agreement")).toString() != QStringLiteral("unverified"));
                continue;
            }
            QVERIFY(o.value(QStringLiteral("ioRunning")).toBool());
            QVERIFY(o.value(QStringLiteral("sqlRunning")).toBool());
        }
        // a stopped thread makes status exit 1
        QVERIFY(QFile::exists(sb + QStringLiteral("/a/mysqld.sock")));
        QProcess client;
        QFile pwFile(sb + QStringLiteral("/admin-password"));
        QVERIFY(pwFile.open(QIODevice::ReadOnly));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MYSQL_PWD"),
            QString::fromUtf8(pwFile.readAll().trimmed())); // not on the command line
        client.setProcessEnvironment(env);
        client.start(QStringLiteral("mariadb"),
            { QStringLiteral("--no-defaults"),
                QStringLiteral("--socket=") + sb + QStringLiteral("/a/mysqld.sock"), QStringLiteral("-uroot"),
                QStringLiteral("-e"), QStringLiteral("STOP SLAVE SQL_THREAD") });
        client.waitForFinished();
        QCOMPARE(client.exitCode(), 0);
        const Ran broken = cli({ QStringLiteral("status"), profile });
        QCOMPARE(broken.code, 1);
        QVERIFY(broken.out.contains(QStringLiteral("SQL No")));
    }
    /** Issue 16, defect 5: setup --plan runs the plan that was approved, and only while the servers and
     *  their option files are as they were when it was made; else it names what changed and changes
     *  nothing. */
    void approvedPlanRunsOnlyWhileItHolds()
    {
        const QString sb = m_dir.filePath(QStringLiteral("approved"));
        QVERIFY(cli({ QStringLiteral("sandbox"), QStringLiteral("up"), sb }).code == 0);
        const auto down = qScopeGuard([&] {
            cli({ QStringLiteral("sandbox"), QStringLiteral("down"), sb });
        });
        const QString profile = sb + QStringLiteral("/pair.replipair.json");
        const QString planFile = m_dir.filePath(QStringLiteral("approved-plan.json"));
        const Ran plan = cli({ QStringLiteral("plan"), profile, QStringLiteral("--output"), planFile });
        QVERIFY2(plan.code == 0, qPrintable(plan.err));
        QFile pf(planFile);
        QVERIFY(pf.open(QIODevice::ReadOnly));
        const QJsonObject written = QJsonDocument::fromJson(pf.readAll()).object();
        pf.close();
        QVERIFY(!written.value(QStringLiteral("steps")).toArray().isEmpty());
        const QJsonObject fingerprint = written.value(QStringLiteral("fingerprint")).toObject();
        QCOMPARE(fingerprint.value(QStringLiteral("sha256")).toString().size(), 64);
        const QMap<QString, QByteArray> files = optionFiles(sb);
        const auto untouched = [&] {
            QCOMPARE(optionFiles(sb), files);
            for (const QString& server : { QStringLiteral("a"), QStringLiteral("b") }) {
                QCOMPARE(sandboxSql(sb, server, QStringLiteral("SELECT @@log_bin")), QStringLiteral("0"));
                QCOMPARE(sandboxSql(sb, server, QStringLiteral("SHOW SLAVE STATUS")), QString());
            }
        };
        const QStringList setup { QStringLiteral("setup"), profile, QStringLiteral("--plan"), planFile,
            QStringLiteral("--yes") };

        // a setting the plan depends on changed on B
        QCOMPARE(sandboxSql(sb, QStringLiteral("b"),
                     QStringLiteral("SET GLOBAL auto_increment_increment = 7; SELECT 'set'")),
            QStringLiteral("set"));
        const Ran setting = cli(setup);
        QCOMPARE(setting.code, 1);
        QVERIFY2(setting.err.contains(QStringLiteral("[B] setting auto_increment_increment was 1, is now 7")),
            qPrintable(setting.err));
        QVERIFY2(setting.err.contains(QStringLiteral("nothing was changed")), qPrintable(setting.err));
        untouched();
        QCOMPARE(sandboxSql(sb, QStringLiteral("b"),
                     QStringLiteral("SET GLOBAL auto_increment_increment = 1; SELECT 'back'")),
            QStringLiteral("back"));

        // an option file of A edited by hand
        const QString cnfA = sb + QStringLiteral("/a/my.cnf");
        QFile a(cnfA);
        QVERIFY(a.open(QIODevice::Append));
        a.write("# max_connections = 500, one day\n");
        a.close();
        const Ran file = cli(setup + QStringList { QStringLiteral("--json") });
        QCOMPARE(file.code, 1);
        QVERIFY2(
            file.err.contains(QStringLiteral("[A] option file %1 changed").arg(cnfA)), qPrintable(file.err));
        const QJsonObject error = jsonLines(file.out).last();
        QCOMPARE(error.value(QStringLiteral("step")).toString(), QStringLiteral("plan-changed"));
        QVERIFY(a.open(QIODevice::WriteOnly));
        a.write(files.value(QStringLiteral("a/my.cnf")));
        a.close();
        untouched();

        // a plan file that is not one, or of another pair: bad input
        QCOMPARE(cli({ QStringLiteral("setup"), profile, QStringLiteral("--plan"), profile,
                         QStringLiteral("--yes") })
                     .code,
            2);
        QCOMPARE(cli({ QStringLiteral("plan"), profile, QStringLiteral("--plan"), planFile }).code, 2);

        // as it was: the approved plan runs
        const Ran ran = cli(setup);
        QVERIFY2(ran.code == 0, qPrintable(ran.err + ran.out));
        QVERIFY2(ran.out.contains(QStringLiteral("the approved plan was made")), qPrintable(ran.out));
        QCOMPARE(
            sandboxSql(sb, QStringLiteral("b"), QStringLiteral("SELECT @@log_bin")), QStringLiteral("1"));
    }

    void conflictIsShownSkippedOnlyWhenConfirmedThenCompared()
    {
        const QString sb = m_dir.filePath(QStringLiteral("conflict"));
        QVERIFY(cli({ QStringLiteral("sandbox"), QStringLiteral("up"), sb }).code == 0);
        const auto down = qScopeGuard([&] {
            cli({ QStringLiteral("sandbox"), QStringLiteral("down"), sb });
        });
        const QString profile = sb + QStringLiteral("/pair.replipair.json");
        // A takes the writes (its read_only is OFF already): the setup's log names both servers' parts, as
        // docs/writer-role.md shows (A's line was left out with its setting, which had nothing to change)
        {
            QFile pf(profile);
            QVERIFY(pf.open(QIODevice::ReadOnly));
            QJsonObject o = QJsonDocument::fromJson(pf.readAll()).object();
            pf.close();
            o.insert(QStringLiteral("writer"), QStringLiteral("A"));
            write(profile, o);
        }
        const Ran setup = cli({ QStringLiteral("setup"), profile, QStringLiteral("--yes") });
        QVERIFY2(setup.code == 0, qPrintable(setup.out + setup.err));
        QVERIFY2(setup.out.contains(QStringLiteral("[A] writer role: A takes the application's writes")),
            qPrintable(setup.out));
        QVERIFY2(
            setup.out.contains(QStringLiteral("[B] writer role: B is read-only")), qPrintable(setup.out));
        QFile pwFile(sb + QStringLiteral("/admin-password"));
        QVERIFY(pwFile.open(QIODevice::ReadOnly));
        const QString pw = QString::fromUtf8(pwFile.readAll().trimmed());
        auto sql = [&](const QString& server, const QString& statement) {
            QProcess client;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("MYSQL_PWD"), pw);
            client.setProcessEnvironment(env);
            client.start(QStringLiteral("mariadb"),
                { QStringLiteral("--no-defaults"),
                    QStringLiteral("--socket=%1/%2/mysqld.sock").arg(sb, server), QStringLiteral("-uroot"),
                    QStringLiteral("-e"), statement });
            client.waitForFinished();
            return client.exitCode() == 0;
        };
        QCOMPARE(cli({ QStringLiteral("compare"), profile }).code, 0);
        QVERIFY(sql(
            QStringLiteral("a"), QStringLiteral("USE test; CREATE TABLE k (id INT PRIMARY KEY, v CHAR(1))")));
        QTRY_VERIFY_WITH_TIMEOUT(sql(QStringLiteral("b"), QStringLiteral("SELECT 1 FROM test.k")), 20000);
        // the same key written on both sides: B's own row is not replicated, A's then collides on B
        QVERIFY(sql(
            QStringLiteral("b"), QStringLiteral("SET sql_log_bin = 0; INSERT INTO test.k VALUES (1, 'B')")));
        QVERIFY(sql(QStringLiteral("a"), QStringLiteral("USE test; INSERT INTO k VALUES (1, 'A')")));
        QTRY_COMPARE_WITH_TIMEOUT((cli({ QStringLiteral("status"), profile }).code), 1, 20000); // B halted
        // status gives the server's words and the next step: the event to look at, or the rebuild
        const Ran halted = cli({ QStringLiteral("status"), profile });
        QVERIFY2(halted.out.contains(QStringLiteral("SQL error 1062"))
                && halted.out.contains(
                    QStringLiteral("NEXT: replipair-cli skip %1 --server B shows the event").arg(profile))
                && halted.out.contains(
                    QStringLiteral("replipair-cli rebuild %1 --server B --dry-run").arg(profile)),
            qPrintable(halted.out));

        const Ran shown
            = cli({ QStringLiteral("skip"), profile, QStringLiteral("--server"), QStringLiteral("B") });
        QCOMPARE(shown.code, 1); // shown, not skipped
        QVERIFY2(shown.out.contains(QStringLiteral("Duplicate entry '1'")), qPrintable(shown.out));
        QVERIFY(shown.out.contains(QStringLiteral("INSERT INTO k VALUES (1, 'A')")));
        const QRegularExpression tokenRe(QStringLiteral("--confirm (\\S+)"));
        const QString token = tokenRe.match(shown.out).captured(1);
        QVERIFY(!token.isEmpty());
        // --json gives the same by its parts: the token to confirm, the server's errno, a UTC time
        const Ran shownJson = cli({ QStringLiteral("skip"), profile, QStringLiteral("--server"),
            QStringLiteral("B"), QStringLiteral("--json") });
        QCOMPARE(shownJson.code, 1);
        const QJsonObject event = QJsonDocument::fromJson(shownJson.out.toUtf8()).object();
        QCOMPARE(event.value(QStringLiteral("token")).toString(), token);
        QCOMPARE(event.value(QStringLiteral("errno")).toInt(), 1062);
        QCOMPARE(event.value(QStringLiteral("skipped")).toBool(true), false);
        QVERIFY2(!event.value(QStringLiteral("events")).toArray().isEmpty(), qPrintable(shownJson.out));
        QVERIFY2(event.value(QStringLiteral("time")).toString().endsWith(QLatin1Char('Z')),
            qPrintable(shownJson.out));

        const Ran wrong = cli({ QStringLiteral("skip"), profile, QStringLiteral("--server"),
            QStringLiteral("B"), QStringLiteral("--confirm"), token + QStringLiteral("0") });
        QCOMPARE(wrong.code, 1);
        QVERIFY(wrong.err.contains(QStringLiteral("not the")));
        QCOMPARE(cli({ QStringLiteral("status"), profile }).code, 1); // still halted

        const Ran skipped = cli({ QStringLiteral("skip"), profile, QStringLiteral("--server"),
            QStringLiteral("B"), QStringLiteral("--confirm"), token });
        QVERIFY2(skipped.code == 0, qPrintable(skipped.err));
        QTRY_COMPARE_WITH_TIMEOUT((cli({ QStringLiteral("status"), profile }).code), 0, 20000);
        // replication runs again, but the data are unverified until a comparison: said by status, its JSON
        // and Nagios (WARNING)
        const Ran after = cli({ QStringLiteral("status"), profile });
        QVERIFY2(after.out.contains(QStringLiteral("WARNING: data unverified")), qPrintable(after.out));
        const Ran afterJson = cli({ QStringLiteral("status"), profile, QStringLiteral("--json") });
        QVERIFY2(afterJson.out.contains(QStringLiteral("\"type\":\"dataAgreement\""))
                && afterJson.out.contains(QStringLiteral("\"agreement\":\"unverified\""))
                && afterJson.out.contains(QStringLiteral("\"cause\":\"skip\"")),
            qPrintable(afterJson.out));
        const Ran nagiosAfter = cli({ QStringLiteral("status"), profile, QStringLiteral("--nagios") });
        QCOMPARE(nagiosAfter.code, 1);
        QVERIFY2(
            nagiosAfter.out.startsWith(QStringLiteral("REPLIPAIR WARNING - ")), qPrintable(nagiosAfter.out));
        const Ran compared = cli({ QStringLiteral("compare"), profile, QStringLiteral("--json") });
        QCOMPARE(compared.code, 1);
        // the comparison found the skipped row: the data differ now
        const Ran differs = cli({ QStringLiteral("status"), profile, QStringLiteral("--json") });
        QVERIFY2(differs.out.contains(QStringLiteral("\"agreement\":\"differs\"")), qPrintable(differs.out));
        const QJsonArray diffs = QJsonDocument::fromJson(compared.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("differences"))
                                     .toArray();
        QCOMPARE(diffs.size(), 1);
        // the live compare names the table as db.table, with the key range that differs
        QVERIFY(diffs[0].toObject().value(QStringLiteral("table")).toString().endsWith(QStringLiteral(".k")));
        // the line says when in UTC, with its Z, as the other status lines
        const Ran differsText = cli({ QStringLiteral("status"), profile });
        static const QRegularExpression utc(
            QStringLiteral("data differs \\(\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\\)"));
        QVERIFY2(utc.match(differsText.out).hasMatch(), qPrintable(differsText.out));

        // replication halted on B: the repair cannot read the rows; it says so and why first, without the
        // counts of a comparison that did not happen ("0 row(s)")
        QVERIFY(sql(QStringLiteral("b"), QStringLiteral("STOP SLAVE SQL_THREAD")));
        const Ran noPoint = cli({ QStringLiteral("repair"), profile, QStringLiteral("--table"),
            QStringLiteral("test.k"), QStringLiteral("--from"), QStringLiteral("A") });
        QVERIFY2(noPoint.code == 1, qPrintable(noPoint.out + noPoint.err));
        QVERIFY2(noPoint.out.startsWith(
                     QStringLiteral("test.k: 1 range(s) differ, not all of their rows compared:")),
            qPrintable(noPoint.out));
        QVERIFY2(noPoint.out.contains(QStringLiteral("  not compared: test.k"))
                && noPoint.out.contains(QStringLiteral("not running")),
            qPrintable(noPoint.out));
        QVERIFY2(!noPoint.out.contains(QStringLiteral("0 row(s)"))
                && !noPoint.out.contains(QStringLiteral("0 range(s)")),
            qPrintable(noPoint.out));
        QVERIFY(sql(QStringLiteral("b"), QStringLiteral("START SLAVE SQL_THREAD")));
        QTRY_COMPARE_WITH_TIMEOUT((cli({ QStringLiteral("status"), profile }).code), 0, 20000);

        // the repair of the only table found differing: the pair's data are equal again (it said "differs")
        const Ran repaired
            = cli({ QStringLiteral("repair"), profile, QStringLiteral("--table"), QStringLiteral("test.k"),
                QStringLiteral("--from"), QStringLiteral("A"), QStringLiteral("--yes") });
        QVERIFY2(repaired.code == 0, qPrintable(repaired.out + repaired.err));
        QVERIFY2(repaired.out.contains(QStringLiteral("repaired: test.k is now the same on both")),
            qPrintable(repaired.out));
        const Ran equal = cli({ QStringLiteral("status"), profile, QStringLiteral("--json") });
        QVERIFY2(equal.out.contains(QStringLiteral("\"agreement\":\"equal\""))
                && equal.out.contains(QStringLiteral("\"cause\":\"compare\"")),
            qPrintable(equal.out));
        QVERIFY2(!cli({ QStringLiteral("status"), profile }).out.contains(QStringLiteral("WARNING: data")),
            qPrintable(equal.out));
    }

    /** Commands outside setup under a Chinese locale, as an admin account short of privileges: compare's
     *  failure names its step by id, its title and text in Chinese beside it; status says why it could not
     *  read the replica status instead of calling the server "not a replica". */
    void idsAndStatusErrorsOutsideSetup()
    {
        const QString sb = m_dir.filePath(QStringLiteral("limited"));
        QVERIFY(cli({ QStringLiteral("sandbox"), QStringLiteral("up"), sb }).code == 0);
        const auto down = qScopeGuard([&] {
            cli({ QStringLiteral("sandbox"), QStringLiteral("down"), sb });
        });
        // an account that sees the table (INSERT on it) but may neither read it nor the replica status
        for (const QString& server : { QStringLiteral("a"), QStringLiteral("b") })
            QCOMPARE(
                sandboxSql(sb, server,
                    QStringLiteral("SET sql_log_bin = 0; CREATE TABLE IF NOT EXISTS test.t (id INT PRIMARY "
                                   "KEY); CREATE USER 'rp_limited'@'%' IDENTIFIED BY 'limited-pw-1'; "
                                   "GRANT INSERT ON test.* TO 'rp_limited'@'%'; SELECT 'made'")),
                QStringLiteral("made"));
        QFile pf(sb + QStringLiteral("/pair.replipair.json"));
        QVERIFY(pf.open(QIODevice::ReadOnly));
        QJsonObject profile = QJsonDocument::fromJson(pf.readAll()).object();
        profile.insert(QStringLiteral("databases"), QJsonArray { QStringLiteral("test") });
        for (int i = 0; i < 2; ++i)
            profile = withServerValue(
                withServerValue(
                    withServerValue(profile, i, QStringLiteral("adminPasswordFile"), QJsonValue::Undefined),
                    i, QStringLiteral("adminPasswordEnv"), QStringLiteral("RP_LIMITED_PW")),
                i, QStringLiteral("adminUser"), QStringLiteral("rp_limited"));
        const QString limited = write(m_dir.filePath(QStringLiteral("limited.replipair.json")), profile);
        const QMap<QString, QString> zh { { QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8") },
            { QStringLiteral("LC_ALL"), QStringLiteral("zh_CN.UTF-8") },
            { QStringLiteral("RP_LIMITED_PW"), QStringLiteral("limited-pw-1") } };

        const Ran compare = cliWith({ QStringLiteral("compare"), limited, QStringLiteral("--json") }, zh);
        QCOMPARE(compare.code, 1);
        const QList<QJsonObject> lines = jsonLines(compare.out);
        QCOMPARE(lines.size(), 1);
        const QJsonObject error = lines.first();
        QCOMPARE(error.value(QStringLiteral("event")).toString(), QStringLiteral("error"));
        QCOMPARE(error.value(QStringLiteral("step")).toString(), QStringLiteral("compare-data"));
        // the live compare first reads where each binary log ends (BINLOG MONITOR): access denied
        QCOMPARE(error.value(QStringLiteral("code")).toInt(), 1227);
        QCOMPARE(error.value(QStringLiteral("stepTitle")).toString(), QStringLiteral("比较数据"));
        static const QRegularExpression cjk(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
        QVERIFY2(cjk.match(compare.err).hasMatch(), qPrintable(compare.err)); // people read Chinese

        // the replica status cannot be read (no REPLICA MONITOR / REPLICATION CLIENT): said, with why
        const QMap<QString, QString> c { { QStringLiteral("RP_LIMITED_PW"),
            QStringLiteral("limited-pw-1") } };
        const Ran status = cliWith({ QStringLiteral("status"), limited }, c);
        QCOMPARE(status.code, 1);
        QVERIFY2(!status.out.contains(QStringLiteral("not a replica")), qPrintable(status.out));
        QVERIFY2(status.out.contains(QStringLiteral("replica status unknown")), qPrintable(status.out));
        QVERIFY2(status.out.contains(QStringLiteral("1227")), qPrintable(status.out)); // access denied
        // for Nagios that is UNKNOWN (3): nothing is known about replication, which is not CRITICAL
        const Ran nagios = cliWith({ QStringLiteral("status"), limited, QStringLiteral("--nagios") }, c);
        QCOMPARE(nagios.code, 3);
        QVERIFY2(nagios.out.startsWith(QStringLiteral("REPLIPAIR UNKNOWN - ")), qPrintable(nagios.out));
        QVERIFY2(nagios.out.contains(QStringLiteral("1227")), qPrintable(nagios.out));
    }

    /** One sandbox pair: a name that would write into the option file is refused with nothing written;
     *  an unset password variable is named; under a Chinese locale the JSON carries ids and UTC times;
     *  a profile on standard input keeps its journal in the state folder; every run journals; a re-run
     *  repeats the row test and survives a killed admin connection. */
    void idsJournalAndNamesOnOneSandbox()
    {
        const QString sb = m_dir.filePath(QStringLiteral("ids"));
        QVERIFY(cli({ QStringLiteral("sandbox"), QStringLiteral("up"), sb }).code == 0);
        const auto down = qScopeGuard([&] {
            cli({ QStringLiteral("sandbox"), QStringLiteral("down"), sb });
        });
        const QString profilePath = sb + QStringLiteral("/pair.replipair.json");
        QFile pf(profilePath);
        QVERIFY(pf.open(QIODevice::ReadOnly));
        const QJsonObject profile = QJsonDocument::fromJson(pf.readAll()).object();

        // 1. the fault battery's injection, through the binary: bad input, the field named, nothing written
        const QMap<QString, QByteArray> before = optionFiles(sb);
        QVERIFY(before.size() >= 2);
        const QString injected = QStringLiteral("B\n[mysqld]\nmax-connections = 7\n#");
        const QString bad = write(m_dir.filePath(QStringLiteral("injected.replipair.json")),
            withServerValue(profile, 1, QStringLiteral("name"), injected));
        const Ran refused = cli({ QStringLiteral("setup"), bad, QStringLiteral("--yes") });
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("servers[1]: \"name\"")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("_ - .")), qPrintable(refused.err));
        for (const QString& line : (refused.out + refused.err).split(QLatin1Char('\n')))
            QVERIFY2(
                !line.startsWith(QLatin1String("[mysqld]")) && !line.startsWith(QLatin1String("max-conn")),
                qPrintable(refused.err)); // no forged line
        QCOMPARE(optionFiles(sb), before);
        QVERIFY(!QFile::exists(bad + QStringLiteral(".journal")));
        QJsonObject badPair = profile;
        badPair.insert(QStringLiteral("name"), injected);
        const Ran refusedPair = cli({ QStringLiteral("plan"),
            write(m_dir.filePath(QStringLiteral("injected-pair.replipair.json")), badPair) });
        QCOMPARE(refusedPair.code, 2);
        QVERIFY2(refusedPair.err.contains(QStringLiteral("profile: \"name\"")), qPrintable(refusedPair.err));

        // 2. an unset password variable says so by name; the run stops at pre-flight and still journals
        const QString noEnv = write(m_dir.filePath(QStringLiteral("noenv.replipair.json")),
            withServerValue(
                withServerValue(profile, 0, QStringLiteral("adminPasswordFile"), QJsonValue::Undefined), 0,
                QStringLiteral("adminPasswordEnv"), QStringLiteral("RP_TEST_UNSET_PW")));
        const Ran unset = cliWith({ QStringLiteral("setup"), noEnv, QStringLiteral("--yes") },
            { { QStringLiteral("RP_TEST_UNSET_PW"), QString() } });
        QCOMPARE(unset.code, 1);
        QVERIFY2(unset.err.contains(QStringLiteral("environment variable RP_TEST_UNSET_PW")),
            qPrintable(unset.err));
        QVERIFY2(!(unset.out + unset.err).contains(QStringLiteral("check that the server runs")),
            qPrintable(unset.out));
        QFile noEnvJournal(noEnv + QStringLiteral(".journal"));
        QVERIFY(noEnvJournal.open(QIODevice::ReadOnly));
        // one run record, beside the run's begin and end lines of the intent journal (no intent between)
        QList<QByteArray> noEnvLines, intentLines;
        for (const QByteArray& line : noEnvJournal.readAll().trimmed().split('\n'))
            (QJsonDocument::fromJson(line).object().contains(QStringLiteral("kind")) ? intentLines
                                                                                     : noEnvLines)
                << line;
        QCOMPARE(noEnvLines.size(), 1);
        QCOMPARE(intentLines.size(), 2);
        QVERIFY(intentLines.last().contains("\"outcome\":\"failed\""));
        const QJsonObject stopped = QJsonDocument::fromJson(noEnvLines.first()).object();
        QCOMPARE(stopped.value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(stopped.value(QStringLiteral("error")).toObject().value(QStringLiteral("step")).toString(),
            QStringLiteral("credentials"));

        // 3. Simplified Chinese: the text is translated, the ids and times are not
        const QMap<QString, QString> zh { { QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8") },
            { QStringLiteral("LC_ALL"), QStringLiteral("zh_CN.UTF-8") },
            { QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg")) } };
        static const QRegularExpression id(QStringLiteral("^[a-z][a-z0-9-]*$"));
        static const QRegularExpression cjk(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
        const Ran inspect = cliWith({ QStringLiteral("inspect"), profilePath, QStringLiteral("--json") }, zh);
        QCOMPARE(inspect.code, 0);
        const QJsonArray findings = QJsonDocument::fromJson(inspect.out.toUtf8())
                                        .object()
                                        .value(QStringLiteral("findings"))
                                        .toArray();
        QVERIFY(!findings.isEmpty());
        bool translated = false;
        for (const QJsonValue& f : findings) {
            const QString code = f.toObject().value(QStringLiteral("code")).toString();
            QVERIFY2(id.match(code).hasMatch(), qPrintable(code));
            translated
                = translated || cjk.match(f.toObject().value(QStringLiteral("text")).toString()).hasMatch();
        }
        QVERIFY2(translated, qPrintable(inspect.out)); // the Chinese catalogue was loaded

        const QStringList knownSteps { QStringLiteral("inspect"), QStringLiteral("reach-peer"),
            QStringLiteral("check-tls"), QStringLiteral("preflight"), QStringLiteral("read-config"),
            QStringLiteral("check-config"), QStringLiteral("config"), QStringLiteral("replication-user"),
            QStringLiteral("coordinates"), QStringLiteral("change-source"), QStringLiteral("verify"),
            QStringLiteral("heartbeat"), QStringLiteral("copy"), QStringLiteral("verify-data"),
            QStringLiteral("setup") };
        const Ran setup = cliWith({ QStringLiteral("setup"), QStringLiteral("/dev/stdin"),
                                      QStringLiteral("--yes"), QStringLiteral("--json") },
            zh, profilePath);
        QVERIFY2(setup.code == 0, qPrintable(setup.err + setup.out));
        QSet<QString> seen;
        bool chineseText = false;
        for (const QJsonObject& o : jsonLines(setup.out)) {
            const QString step = o.value(QStringLiteral("step")).toString();
            QVERIFY2(knownSteps.contains(step), qPrintable(QJsonDocument(o).toJson()));
            QVERIFY(id.match(o.value(QStringLiteral("event")).toString()).hasMatch());
            if (o.contains(QStringLiteral("code")))
                QVERIFY(id.match(o.value(QStringLiteral("code")).toString()).hasMatch());
            const QString time = o.value(QStringLiteral("time")).toString();
            QVERIFY2(time.endsWith(QLatin1Char('Z')), qPrintable(time));
            const QDateTime t = QDateTime::fromString(time, Qt::ISODateWithMs);
            QVERIFY(t.isValid() && t.timeSpec() == Qt::UTC);
            QVERIFY(qAbs(t.secsTo(QDateTime::currentDateTimeUtc())) < 600);
            chineseText = chineseText || cjk.match(o.value(QStringLiteral("text")).toString()).hasMatch();
            seen << step;
        }
        QVERIFY(chineseText);
        for (const QString& step : { QStringLiteral("inspect"), QStringLiteral("preflight"),
                 QStringLiteral("config"), QStringLiteral("change-source"), QStringLiteral("verify") })
            QVERIFY2(seen.contains(step), qPrintable(step));
        // the profile came from a pipe: its journal is in the state folder, not /dev/stdin.journal
        QVERIFY(!QFile::exists(QStringLiteral("/dev/stdin.journal")));
        // named after the pair and its two servers: "sandbox-<8 hex digits>.journal"
        const QStringList stateJournals
            = QDir(m_dir.filePath(QStringLiteral("xdg/replipair/journals")))
                  .entryList({ QStringLiteral("sandbox-????????.journal") }, QDir::Files);
        QCOMPARE(stateJournals.size(), 1);
        const QString stateJournal
            = m_dir.filePath(QStringLiteral("xdg/replipair/journals/") + stateJournals.first());
        QFile sj(stateJournal);
        QVERIFY2(sj.open(QIODevice::ReadOnly), qPrintable(stateJournal));
        // the run's record is its last line (after the intent lines)
        const QJsonObject record
            = QJsonDocument::fromJson(sj.readAll().trimmed().split('\n').last()).object();
        QVERIFY(record.value(QStringLiteral("ok")).toBool());
        QVERIFY(record.value(QStringLiteral("time")).toString().endsWith(QLatin1Char('Z')));
        QVERIFY(record.value(QStringLiteral("steps")).toArray().contains(QStringLiteral("change-source")));

        // 4. a re-run that changes nothing still journals and repeats the row test; the verifier's admin
        //    connection on A is killed while it waits, and the run reconnects and finishes. (USE test: with
        //    replicate-do-db the table's creation replicates only from within its database.)
        QVERIFY(sandboxSql(sb, QStringLiteral("a"),
                    QStringLiteral("USE test; CREATE TABLE IF NOT EXISTS replipair_probe (token VARCHAR(64) "
                                   "NOT NULL PRIMARY "
                                   "KEY, origin VARCHAR(64) NOT NULL) ENGINE=InnoDB; SELECT 'made'"))
            == QLatin1String("made"));
        QFile pwFile(sb + QStringLiteral("/admin-password"));
        QVERIFY(pwFile.open(QIODevice::ReadOnly));
        QProcess holder; // holds the probe table so that the verifier waits on A
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MYSQL_PWD"), QString::fromUtf8(pwFile.readAll().trimmed()));
        holder.setProcessEnvironment(env);
        holder.start(QStringLiteral("mariadb"),
            { QStringLiteral("--no-defaults"), QStringLiteral("--socket=%1/a/mysqld.sock").arg(sb),
                QStringLiteral("-uroot"), QStringLiteral("-e"),
                QStringLiteral("LOCK TABLES test.replipair_probe WRITE; SELECT SLEEP(120)") });
        const auto stopHolder = qScopeGuard([&] {
            holder.kill();
            holder.waitForFinished();
        });
        const QString holderId = QStringLiteral(
            "SELECT ID FROM information_schema.PROCESSLIST WHERE INFO = 'SELECT SLEEP(120)'");
        QTRY_VERIFY_WITH_TIMEOUT(!sandboxSql(sb, QStringLiteral("a"), holderId).isEmpty(), 20000);
        QProcess rerun;
        rerun.setProcessEnvironment(env);
        rerun.start(
            QStringLiteral(REPLIPAIR_CLI), { QStringLiteral("setup"), profilePath, QStringLiteral("--yes") });
        const QString waiting
            = QStringLiteral("SELECT ID FROM information_schema.PROCESSLIST WHERE STATE LIKE "
                             "'Waiting for%metadata lock' AND ID <> CONNECTION_ID()");
        QString victim;
        QTRY_VERIFY_WITH_TIMEOUT(!(victim = sandboxSql(sb, QStringLiteral("a"), waiting)).isEmpty(), 60000);
        sandboxSql(
            sb, QStringLiteral("a"), QStringLiteral("KILL %1").arg(victim.section(QLatin1Char('\n'), 0, 0)));
        // the verifier reconnects and waits again; then the table is let go
        QTRY_VERIFY_WITH_TIMEOUT(!sandboxSql(sb, QStringLiteral("a"), waiting).isEmpty(), 20000);
        sandboxSql(sb, QStringLiteral("a"),
            QStringLiteral("KILL %1").arg(sandboxSql(sb, QStringLiteral("a"), holderId)));
        QVERIFY(rerun.waitForFinished(120000));
        const QString out = QString::fromUtf8(rerun.readAllStandardOutput());
        const QString err = QString::fromUtf8(rerun.readAllStandardError());
        QVERIFY2(rerun.exitCode() == 0, qPrintable(out + err));
        QVERIFY2(out.contains(QStringLiteral("nothing changed")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("test rows arrived")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("lost and reopened")), qPrintable(out));
        QFile beside(profilePath + QStringLiteral(".journal"));
        QVERIFY(beside.open(QIODevice::ReadOnly));
        QList<QByteArray> besideLines; // the run records; the intent lines ("kind") aside
        for (const QByteArray& line : beside.readAll().trimmed().split('\n'))
            if (!QJsonDocument::fromJson(line).object().contains(QStringLiteral("kind")))
                besideLines << line;
        QCOMPARE(besideLines.size(), 1); // the first setup's line went to the state folder
        const QJsonObject again = QJsonDocument::fromJson(besideLines.last()).object();
        QVERIFY(again.value(QStringLiteral("ok")).toBool());
        QVERIFY(again.value(QStringLiteral("steps")).toArray().contains(QStringLiteral("verify")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
