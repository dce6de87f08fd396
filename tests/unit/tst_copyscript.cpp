#include "copy/copyprogress.h"
#include "copy/copyscript.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

/** The copy's scripts, run for real by /bin/sh with stand-in tools, and the progress arithmetic. */
class TestCopyScript : public QObject
{
    Q_OBJECT

    static QString readText(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
    }
    static void writeScript(const QString& path, const QByteArray& body)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\n" + body);
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    static int runSh(const QString& script, int timeoutMs = 30000)
    {
        QProcess p;
        p.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), script });
        if (!p.waitForFinished(timeoutMs))
            return -1;
        return p.exitCode();
    }

private Q_SLOTS:
    void optionValueIsReadBackAsWritten_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("written");
        QTest::newRow("plain") << QStringLiteral("s3cret") << QStringLiteral("\"s3cret\"");
        QTest::newRow("quote") << QStringLiteral("a\"b") << QStringLiteral("\"a\\\"b\"");
        QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("\"a\\\\b\"");
        QTest::newRow("backslash-n stays two characters")
            << QStringLiteral("a\\nb") << QStringLiteral("\"a\\\\nb\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\\nb\"");
        QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("\"a\\rb\"");
        QTest::newRow("tab") << QStringLiteral("a\tb") << QStringLiteral("\"a\\tb\"");
        QTest::newRow("backspace") << QStringLiteral("a\bb") << QStringLiteral("\"a\\bb\"");
        QTest::newRow("comment signs") << QStringLiteral("a#b;c") << QStringLiteral("\"a#b;c\"");
        QTest::newRow("single quote") << QStringLiteral("it's") << QStringLiteral("\"it's\"");
        QTest::newRow("spaces at both ends") << QStringLiteral(" a b ") << QStringLiteral("\" a b \"");
        QTest::newRow("ends in a backslash") << QStringLiteral("ab\\") << QStringLiteral("\"ab\\\\\"");
        QTest::newRow("quotes at both ends") << QStringLiteral("'x'") << QStringLiteral("\"'x'\"");
        QTest::newRow("not ascii") << QStringLiteral("pässwörd") << QStringLiteral("\"pässwörd\"");
        QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
    }

    void optionValueIsReadBackAsWritten()
    {
        QFETCH(QString, value);
        QFETCH(QString, written);
        QCOMPARE(CopyScript::optionValue(value), written);
        // and the client library's own reader gives the value back
        const QString reader = QStandardPaths::findExecutable(QStringLiteral("my_print_defaults"));
        if (reader.isEmpty())
            QSKIP("my_print_defaults is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile cnf(dir.filePath(QStringLiteral("client.cnf")));
        QVERIFY(cnf.open(QIODevice::WriteOnly));
        cnf.write(CopyScript::optionFile(QStringLiteral("127.0.0.1"), 3306, QStringLiteral("u"), value));
        cnf.close();
        QProcess p;
        p.start(reader, { QStringLiteral("--defaults-file=") + cnf.fileName(), QStringLiteral("client") });
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const qsizetype at = out.indexOf(QStringLiteral("--password="));
        QVERIFY2(at >= 0, qPrintable(out));
        QString read = out.mid(at + 11);
        QVERIFY(read.endsWith(QLatin1Char('\n')));
        read.chop(1);
        QCOMPARE(read, value);
        QVERIFY2(
            out.startsWith(QStringLiteral("--host=127.0.0.1\n--port=3306\n--user=u\n")), qPrintable(out));
    }

    void savedCopyIsPrivateAndNeverReplacesAnother()
    {
        // a stand-in dump, run under a permissive umask: the saved file is 0600 all the same
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString d = dir.path();
        writeScript(d + QStringLiteral("/dump"), "printf 'CREATE TABLE t (id INT);\\n'\n");
        CopyScriptParams p;
        p.workDir = d;
        p.dumpTool = d + QStringLiteral("/dump");
        p.databases = { QStringLiteral("shop") };
        const QString saved = d + QStringLiteral("/B-before-copy.sql");
        QCOMPARE(runSh(QStringLiteral("umask 022\n") + CopyScript::save(p, saved)), 0);
        QCOMPARE(readText(d + QStringLiteral("/dump.rc")), QStringLiteral("0"));
        QCOMPARE(readText(saved), QStringLiteral("CREATE TABLE t (id INT);"));
        QCOMPARE(QFileInfo(saved).permissions() & ~(QFile::ReadUser | QFile::WriteUser),
            QFile::ReadOwner | QFile::WriteOwner);
        // a second save to the same name fails and leaves the first one as it was
        QFile::remove(d + QStringLiteral("/dump.rc"));
        writeScript(d + QStringLiteral("/dump"), "printf 'other\\n'\n");
        runSh(CopyScript::save(p, saved));
        QVERIFY(readText(d + QStringLiteral("/dump.rc")) != QLatin1String("0"));
        QCOMPARE(readText(saved), QStringLiteral("CREATE TABLE t (id INT);"));
    }

    /** TLS in the option file in the dialect of the client that reads it, never a "loose-" option. */
    void optionFileSaysTlsInTheToolsDialect()
    {
        auto cnf = [](TlsMode mode, bool sslMode) {
            TlsSettings tls;
            tls.mode = mode;
            TlsFiles files { QStringLiteral("/w/ca.pem"), QStringLiteral("/etc/c.pem"),
                QStringLiteral("/etc/k.pem") };
            return QString::fromUtf8(CopyScript::optionFile(
                QStringLiteral("h"), 3306, QStringLiteral("u"), QStringLiteral("p"), tls, files, sslMode));
        };
        const QString off = cnf(TlsMode::Off, false);
        QVERIFY(!off.contains(QStringLiteral("ssl")));
        // MariaDB's clients: the one switch that refuses clear text in both verify modes
        const QString mariaRequired = cnf(TlsMode::Required, false);
        QVERIFY(mariaRequired.contains(QStringLiteral("\nssl\nskip-ssl-verify-server-cert\n")));
        QVERIFY(!mariaRequired.contains(QStringLiteral("ssl-ca")));
        for (TlsMode m : { TlsMode::VerifyCa, TlsMode::VerifyIdentity }) {
            const QString maria = cnf(m, false);
            QVERIFY2(maria.contains(QStringLiteral("\nssl\nssl-verify-server-cert\n")), qPrintable(maria));
            QVERIFY(maria.contains(QStringLiteral("ssl-ca=\"/w/ca.pem\"\n")));
            QVERIFY(maria.contains(QStringLiteral("ssl-cert=\"/etc/c.pem\"\nssl-key=\"/etc/k.pem\"\n")));
            QVERIFY(!maria.contains(QStringLiteral("ssl-mode")));
        }
        // MySQL's: ssl-mode
        QVERIFY(cnf(TlsMode::Required, true).contains(QStringLiteral("ssl-mode=REQUIRED\n")));
        QVERIFY(cnf(TlsMode::VerifyCa, true)
                    .contains(QStringLiteral("ssl-mode=VERIFY_CA\nssl-ca=\"/w/ca.pem\"\n")));
        QVERIFY(cnf(TlsMode::VerifyIdentity, true).contains(QStringLiteral("ssl-mode=VERIFY_IDENTITY\n")));
        for (bool sslMode : { false, true })
            for (TlsMode m : { TlsMode::Required, TlsMode::VerifyCa, TlsMode::VerifyIdentity }) {
                QVERIFY(!cnf(m, sslMode).contains(QStringLiteral("loose")));
                QCOMPARE(cnf(m, sslMode).contains(QStringLiteral("\nssl\n")), !sslMode);
            }
    }

    void optionFileEscapesAndKeepsThePasswordOffTheCommandLine()
    {
        const QByteArray cnf = CopyScript::optionFile(
            QStringLiteral("10.0.0.1"), 3307, QStringLiteral("u"), QStringLiteral("p\"w\\d"));
        QVERIFY(cnf.contains("password=\"p\\\"w\\\\d\"\n"));
        QVERIFY(cnf.contains("port=3307\n"));
        CopyScriptParams p;
        p.workDir = QStringLiteral("/tmp/replipair-copy.x");
        p.dumpTool = QStringLiteral("mariadb-dump");
        p.clientTool = QStringLiteral("mariadb");
        p.databases = { QStringLiteral("shop"), QStringLiteral("it's") };
        const QString script = CopyScript::copy(p);
        QVERIFY(script.contains(QStringLiteral("--defaults-file=\"$d/source.cnf\"")));
        QVERIFY(script.contains(QStringLiteral("--single-transaction")));
        QVERIFY(script.contains(QStringLiteral("--master-data=1")));
        QVERIFY(!script.contains(QStringLiteral("--verbose")));
        QVERIFY(script.contains(QStringLiteral("SET SESSION sql_log_bin=0")));
        QVERIFY(script.contains(QStringLiteral("'shop' 'it'\\''s'")));
        QVERIFY(!script.contains(QStringLiteral("password")));
        p.sourceData = true;
        QVERIFY(CopyScript::copy(p).contains(QStringLiteral("--source-data=1")));
    }

    /** MySQL's mysqldump writes SET @@GLOBAL.GTID_PURGED unless told not to: neither the copy nor the
     *  saved old copy carries it (ERROR 1840 / 3546 on a receiver with GTID history of its own). */
    void gtidPurgedIsDecidedForCopyAndSave_data()
    {
        QTest::addColumn<bool>("off");
        QTest::newRow("mysqldump") << true;
        QTest::newRow("mariadb-dump") << false;
    }
    void gtidPurgedIsDecidedForCopyAndSave()
    {
        QFETCH(bool, off);
        CopyScriptParams p;
        p.workDir = QStringLiteral("/tmp/replipair-copy.x");
        p.dumpTool = QStringLiteral("mysqldump");
        p.clientTool = QStringLiteral("mysql");
        p.databases = { QStringLiteral("shop") };
        p.gtidPurgedOff = off;
        for (const QString& script :
            { CopyScript::copy(p), CopyScript::save(p, QStringLiteral("/var/lib/replipair-saved/b.sql")) })
            QCOMPARE(script.contains(QStringLiteral(" --set-gtid-purged=OFF ")), off);
    }

    void copyPipesTheDumpStraightIntoTheClientAndCountsItsBytes()
    {
        // stand-ins for the tools: a "dump" writing 3 MB and some text, a "client" counting what it read;
        // each notes the pipe it writes to / reads from
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString d = dir.path();
        const QByteArray at = d.toUtf8();
        writeScript(d + QStringLiteral("/dump"),
            "exec 3>&1\nreadlink /proc/$$/fd/3 > " + at
                + "/dump.out\n"
                  "head -c 3000000 /dev/zero\nprintf 'CHANGE MASTER TO x;\\n'\n"
                  "printf '%s\\n' \"$@\" > "
                + at + "/dump.args\n");
        writeScript(d + QStringLiteral("/client"),
            "exec 3<&0\nreadlink /proc/$$/fd/3 > " + at
                + "/client.in\n"
                  "wc -c > "
                + at + "/received\n");
        CopyScriptParams p;
        p.workDir = d;
        p.dumpTool = d + QStringLiteral("/dump");
        p.clientTool = d + QStringLiteral("/client");
        p.databases = { QStringLiteral("shop") };
        QCOMPARE(runSh(CopyScript::copy(p)), 0);
        QCOMPARE(readText(d + QStringLiteral("/dump.rc")), QStringLiteral("0"));
        QCOMPARE(readText(d + QStringLiteral("/load.rc")), QStringLiteral("0"));
        QCOMPARE(readText(d + QStringLiteral("/finished")), QStringLiteral("done"));
        const qint64 sent = 3000000 + qstrlen("CHANGE MASTER TO x;\n");
        QCOMPARE(readText(d + QStringLiteral("/received")).toLongLong(), sent);
        // the count is exactly what the dump wrote: its stream, and (this stand-in being a script) the two
        // notes it wrote beside it
        QCOMPARE(readText(d + QStringLiteral("/bytes.final")).toLongLong(),
            sent + QFileInfo(d + QStringLiteral("/dump.out")).size()
                + QFileInfo(d + QStringLiteral("/dump.args")).size());
        QVERIFY(readText(d + QStringLiteral("/dump.args")).contains(QStringLiteral("--master-data=1")));
        // nothing passes the data on in between: the dump writes into the very pipe the client reads
        const QString out = readText(d + QStringLiteral("/dump.out"));
        QVERIFY2(out.startsWith(QStringLiteral("pipe:")), qPrintable(out));
        QCOMPARE(readText(d + QStringLiteral("/client.in")), out);

        // a failing dump: its exit code kept, the client still ends
        writeScript(d + QStringLiteral("/dump"), "printf 'x'\nexit 3\n");
        QCOMPARE(runSh(CopyScript::copy(p)), 0);
        QCOMPARE(readText(d + QStringLiteral("/dump.rc")), QStringLiteral("3"));
        QCOMPARE(readText(d + QStringLiteral("/bytes.final")), QStringLiteral("1"));
    }

    void pollWakesWhenTheJobEndsAndForksOnlyItsSleep()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString d = dir.path();
        CopyScriptParams p;
        p.workDir = d;
        writeScript(d + QStringLiteral("/client"), "cat > /dev/null\n");
        p.clientTool = d + QStringLiteral("/client");
        QFile saved(d + QStringLiteral("/saved.sql"));
        QVERIFY(saved.open(QIODevice::WriteOnly));
        saved.write("SELECT 1;\n");
        saved.close();
        // a job that ends after 1 s, polled with a 20 s wait: the poll answers when the job ends
        const QString job = QStringLiteral("sleep 1\n") + CopyScript::restore(p, saved.fileName());
        QProcess bg;
        bg.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), job });
        QVERIFY(bg.waitForStarted());
        QElapsedTimer t;
        t.start();
        QProcess poll;
        poll.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), CopyScript::poll(d, 20000) });
        QVERIFY(poll.waitForFinished(30000));
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        const QString out = QString::fromUtf8(poll.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("finished=done")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("load.rc=0")));
        QVERIFY(bg.waitForFinished(10000));
        // the script itself calls nothing but sleep and the shell's builtins
        const QString script = CopyScript::poll(d, 1000);
        for (const char* tool : { "cat ", "sed ", "grep ", "awk " })
            QVERIFY2(!script.contains(QLatin1String(tool)), tool);
        QVERIFY(script.contains(QStringLiteral("sleep 1.000")));
    }

    void progressRateAndRemainingTimeInRows()
    {
        CopyProgress p;
        p.bytes = 50 * 1000 * 1000;
        p.estimatedBytes = 200 * 1000 * 1000;
        p.rows = 100000;
        p.estimatedRows = 400000;
        p.elapsedMs = 10000;
        p.tables = 3;
        p.totalTables = 7;
        QCOMPARE(qint64(p.bytesPerSecond()), qint64(5 * 1000 * 1000));
        // the rows still to load at the rows' own rate, whatever the dump's bytes say
        QCOMPARE(p.remainingMs(), qint64(30000));
        p.bytes = 10;
        QCOMPARE(p.remainingMs(), qint64(30000));
        QCOMPARE(p.toJson().value(QStringLiteral("phase")).toString(), QStringLiteral("copy"));
        QCOMPARE(p.toJson().value(QStringLiteral("remainingMs")).toInteger(), qint64(30000));
        QCOMPARE(p.toJson().value(QStringLiteral("rows")).toInteger(), qint64(100000));
        p.rows = p.estimatedRows + 1; // past the estimate: unknown, never negative
        QCOMPARE(p.remainingMs(), qint64(-1));
        p.rows = 0;
        QCOMPARE(p.remainingMs(), qint64(-1));
    }
};

QTEST_GUILESS_MAIN(TestCopyScript)
#include "tst_copyscript.moc"
