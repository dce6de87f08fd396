#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
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
        QTest::newRow("missing profile") << QStringList { "inspect", "/nonexistent/p.replipair.json" }
                                         << "cannot read /nonexistent/p.replipair.json";
        QTest::newRow("setup without yes") << QStringList { "setup", "PROFILE" } << "add --yes";
        QTest::newRow("bad field") << QStringList { "plan", "BADPROFILE" }
                                   << "\"gtid\" must be \"auto\", \"on\" or \"off\"";
        QTest::newRow("missing field") << QStringList { "plan", "NOHOST" } << "servers[1]: missing \"host\"";
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
        for (QString& a : args)
            a.replace(QStringLiteral("BADPROFILE"), bad)
                .replace(QStringLiteral("NOHOST"), nohost)
                .replace(QStringLiteral("PROFILE"), good);
        const Ran r = cli(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
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
                || (o.value(QStringLiteral("step")).toString() == QLatin1String("change source")
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
    void conflictIsShownSkippedOnlyWhenConfirmedThenCompared()
    {
        const QString sb = m_dir.filePath(QStringLiteral("conflict"));
        QVERIFY(cli({ QStringLiteral("sandbox"), QStringLiteral("up"), sb }).code == 0);
        const auto down = qScopeGuard([&] {
            cli({ QStringLiteral("sandbox"), QStringLiteral("down"), sb });
        });
        const QString profile = sb + QStringLiteral("/pair.replipair.json");
        QCOMPARE(cli({ QStringLiteral("setup"), profile, QStringLiteral("--yes") }).code, 0);
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
        QTest::qWait(1000);
        // the same key written on both sides: B's own row is not replicated, A's then collides on B
        QVERIFY(sql(
            QStringLiteral("b"), QStringLiteral("SET sql_log_bin = 0; INSERT INTO test.k VALUES (1, 'B')")));
        QVERIFY(sql(QStringLiteral("a"), QStringLiteral("USE test; INSERT INTO k VALUES (1, 'A')")));
        QTest::qWait(1500);

        const Ran shown
            = cli({ QStringLiteral("skip"), profile, QStringLiteral("--server"), QStringLiteral("B") });
        QCOMPARE(shown.code, 1); // shown, not skipped
        QVERIFY2(shown.out.contains(QStringLiteral("Duplicate entry '1'")), qPrintable(shown.out));
        QVERIFY(shown.out.contains(QStringLiteral("INSERT INTO k VALUES (1, 'A')")));
        const QRegularExpression tokenRe(QStringLiteral("--confirm (\\S+)"));
        const QString token = tokenRe.match(shown.out).captured(1);
        QVERIFY(!token.isEmpty());

        const Ran wrong = cli({ QStringLiteral("skip"), profile, QStringLiteral("--server"),
            QStringLiteral("B"), QStringLiteral("--confirm"), token + QStringLiteral("0") });
        QCOMPARE(wrong.code, 1);
        QVERIFY(wrong.err.contains(QStringLiteral("not the")));
        QCOMPARE(cli({ QStringLiteral("status"), profile }).code, 1); // still halted

        const Ran skipped = cli({ QStringLiteral("skip"), profile, QStringLiteral("--server"),
            QStringLiteral("B"), QStringLiteral("--confirm"), token });
        QVERIFY2(skipped.code == 0, qPrintable(skipped.err));
        QTest::qWait(1000);
        QCOMPARE(cli({ QStringLiteral("status"), profile }).code, 0);
        const Ran compared = cli({ QStringLiteral("compare"), profile, QStringLiteral("--json") });
        QCOMPARE(compared.code, 1);
        const QJsonArray diffs = QJsonDocument::fromJson(compared.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("differences"))
                                     .toArray();
        QCOMPARE(diffs.size(), 1);
        QCOMPARE(diffs[0].toObject().value(QStringLiteral("table")).toString(), QStringLiteral("k"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
