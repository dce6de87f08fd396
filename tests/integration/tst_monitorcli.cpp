#include "monitor/pairmonitor.h"
#include "support/replicatedsandbox.h"
#include "support/testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <optional>
#include <sys/stat.h>

#ifdef REPLIPAIR_CLI
namespace {

/** One sample line of the text exposition format, parsed. */
struct PromSample
{
    QString name;
    QMap<QString, QString> labels;
    double value = 0;
};

/** A whole exposition, parsed strictly (version 0.0.4 of the text format): every line a HELP, a TYPE or a
 *  sample; one HELP and one TYPE per metric family, both before its samples; a family's samples together
 *  after them; valid metric and label names, escaped label values, float values; no sample twice. */
struct Exposition
{
    QStringList families; ///< in order
    QHash<QString, QString> types;
    QList<PromSample> samples;
    QString error; ///< the first problem, with its line

    const PromSample* find(const QString& name, const QString& pair, const QString& server) const
    {
        for (const PromSample& s : samples)
            if (s.name == name && s.labels.value("pair") == pair && s.labels.value("server") == server)
                return &s;
        return nullptr;
    }
};

/** Go's strconv.ParseFloat as Prometheus reads values: decimal or exponent notation, NaN, [+-]Inf. */
std::optional<double> promFloat(const QString& text)
{
    static const QRegularExpression number("^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?$");
    if (text == "NaN")
        return std::numeric_limits<double>::quiet_NaN();
    if (text == "+Inf" || text == "Inf")
        return std::numeric_limits<double>::infinity();
    if (text == "-Inf")
        return -std::numeric_limits<double>::infinity();
    if (!number.match(text).hasMatch())
        return std::nullopt;
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

/** Parses "{a="x",b="y\"z"}" from @p at (the '{'); @p at ends after the '}'. Empty on a syntax error. */
std::optional<QMap<QString, QString>> promLabels(const QString& line, qsizetype& at)
{
    static const QRegularExpression labelName("\\G[a-zA-Z_][a-zA-Z0-9_]*");
    QMap<QString, QString> labels;
    ++at; // '{'
    while (at < line.size() && line[at] != '}') {
        const auto m = labelName.match(line, at);
        if (!m.hasMatch() || m.captured().startsWith("__"))
            return std::nullopt;
        const QString name = m.captured();
        at += m.capturedLength();
        if (at + 1 >= line.size() || line[at] != '=' || line[at + 1] != '"')
            return std::nullopt;
        at += 2;
        QString value;
        for (;;) {
            if (at >= line.size())
                return std::nullopt;
            const QChar c = line[at++];
            if (c == '"')
                break;
            if (c == '\\') {
                if (at >= line.size())
                    return std::nullopt;
                const QChar e = line[at++];
                if (e == 'n')
                    value += '\n';
                else if (e == '\\' || e == '"')
                    value += e;
                else
                    return std::nullopt;
            } else {
                value += c;
            }
        }
        if (labels.contains(name))
            return std::nullopt;
        labels.insert(name, value);
        if (at < line.size() && line[at] == ',')
            ++at;
        else if (at >= line.size() || line[at] != '}')
            return std::nullopt;
    }
    if (at >= line.size())
        return std::nullopt;
    ++at; // '}'
    return labels;
}

Exposition parseExposition(const QByteArray& bytes)
{
    static const QRegularExpression helpLine("^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$");
    static const QRegularExpression typeLine("^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (\\S+)$");
    static const QRegularExpression metricName("^[a-zA-Z_:][a-zA-Z0-9_:]*");
    static const QStringList knownTypes { "counter", "gauge", "histogram", "summary", "untyped" };
    Exposition x;
    const QString text = QString::fromUtf8(bytes);
    if (!text.isEmpty() && !text.endsWith('\n')) {
        x.error = "the text does not end with a newline (cut short?)";
        return x;
    }
    QSet<QString> helped;
    QSet<QString> closed; // families whose samples are over: another family began after them
    QSet<QString> seenSamples;
    QString current;
    auto fail = [&x](const QString& why, const QString& line) {
        x.error = why + ": " + line;
        return x;
    };
    auto enter = [&](const QString& family, const QString& line) -> bool {
        if (family == current)
            return true;
        if (closed.contains(family)) {
            fail("metric family " + family + " comes back after another family", line);
            return false;
        }
        if (!current.isEmpty())
            closed << current;
        current = family;
        return true;
    };
    for (const QString& line : text.split('\n', Qt::SkipEmptyParts)) {
        if (const auto m = helpLine.match(line); m.hasMatch()) {
            const QString family = m.captured(1);
            if (helped.contains(family))
                return fail("a second HELP", line);
            if (x.types.contains(family) && current != family)
                return fail("HELP apart from its TYPE", line);
            if (m.captured(2).trimmed().isEmpty())
                return fail("an empty HELP", line);
            if (!enter(family, line))
                return x;
            if (std::any_of(x.samples.cbegin(), x.samples.cend(),
                    [&](const PromSample& s) { return s.name == family; }))
                return fail("HELP after the family's samples", line);
            helped << family;
            continue;
        }
        if (const auto m = typeLine.match(line); m.hasMatch()) {
            const QString family = m.captured(1);
            if (x.types.contains(family))
                return fail("a second TYPE", line);
            if (!knownTypes.contains(m.captured(2)))
                return fail("an unknown TYPE", line);
            if (!enter(family, line))
                return x;
            if (std::any_of(x.samples.cbegin(), x.samples.cend(),
                    [&](const PromSample& s) { return s.name == family; }))
                return fail("TYPE after the family's samples", line);
            x.types.insert(family, m.captured(2));
            x.families << family;
            continue;
        }
        if (line.startsWith('#'))
            return fail("a comment that is neither HELP nor TYPE", line);
        PromSample s;
        const auto name = metricName.match(line);
        if (!name.hasMatch())
            return fail("no metric name", line);
        s.name = name.captured();
        qsizetype at = name.capturedLength();
        if (at < line.size() && line[at] == '{') {
            const auto labels = promLabels(line, at);
            if (!labels)
                return fail("bad labels", line);
            s.labels = *labels;
        }
        if (at >= line.size() || line[at] != ' ')
            return fail("no space before the value", line);
        const QStringList rest = line.mid(at + 1).split(' ');
        if (rest.isEmpty() || rest.size() > 2)
            return fail("not a value [timestamp]", line);
        const auto value = promFloat(rest.first());
        if (!value)
            return fail("not a float value", line);
        s.value = *value;
        if (rest.size() == 2 && !QRegularExpression("^-?[0-9]+$").match(rest.last()).hasMatch())
            return fail("not a timestamp", line);
        if (!helped.contains(s.name) || !x.types.contains(s.name))
            return fail("a sample without its family's HELP and TYPE before it", line);
        if (!enter(s.name, line))
            return x;
        QStringList key { s.name };
        for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it)
            key << it.key() + "=" + it.value();
        if (seenSamples.contains(key.join('\x1f')))
            return fail("the same sample twice", line);
        seenSamples << key.join('\x1f');
        x.samples << s;
    }
    for (const QString& family : std::as_const(x.families))
        if (!helped.contains(family))
            return fail("no HELP", family);
    for (const QString& family : std::as_const(helped))
        if (!x.types.contains(family))
            return fail("no TYPE", family);
    return x;
}

/** The CLI in English whatever the locale of the test's caller (its text output is translated). */
QProcessEnvironment cliEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("LANG", "C.UTF-8");
    env.insert("LC_ALL", "C.UTF-8");
    env.remove("LANGUAGE");
    return env;
}

/** Runs replipair-cli with @p args; its exit code (-1 when it crashed or hung) into @p exitCode. */
QString runCli(const QStringList& args, int* exitCode, bool withStderr = false)
{
    QProcess p;
    p.setProcessEnvironment(cliEnvironment());
    p.start(REPLIPAIR_CLI, args);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
    }
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    QString out = QString::fromUtf8(p.readAllStandardOutput());
    if (withStderr)
        out += QString::fromUtf8(p.readAllStandardError());
    return out;
}
} // namespace
#endif

/** replipair-cli's monitoring faces against real sandbox pairs: monitor --once (one pair, then two at
 *  once, also from a folder), --format prometheus (stdout and the atomically rewritten --output file),
 *  status --nagios and its exit codes 0/1/2/3. The CLI runs in the C locale whatever the caller's. */
class tst_MonitorCli : public QObject
{
    Q_OBJECT

private:
    static QString errorText(const Result<void>& r) { return r ? QString() : r.error().toString(); }

    SandboxPair m_pair;
    SandboxPair m_second;
    QTemporaryDir m_dir;
    QString m_east; ///< m_pair's profile, named east
    QString m_west; ///< m_second's profile, named west

    /** What setup leaves on a pair: the heartbeat table. */
    static bool createHeartbeat(SandboxPair& pair)
    {
        PairMonitor setupsPart(pair.sandbox().pairProfile());
        QFuture<Result<void>> created = setupsPart.createHeartbeatTable(0);
        if (!QTest::qWaitFor([&] { return created.isFinished(); }, 10000))
            return false;
        if (!created.result()) {
            qWarning().noquote() << errorText(created.result());
            return false;
        }
        return true;
    }

    /** The checks every exposition of the two healthy pairs passes; the first problem, or empty. Before
     *  a monitor's first beat is measured, its heartbeat lag may be absent (@p lagKnown false). */
    static QString checkTwoPairs(const Exposition& x, bool lagKnown = true)
    {
        if (!x.error.isEmpty())
            return x.error;
        static const QStringList families { "mysql_up", "mysql_slave_status_slave_io_running",
            "mysql_slave_status_slave_sql_running", "mysql_slave_status_seconds_behind_master",
            "mysql_slave_status_sql_delay", "mysql_slave_status_last_io_errno",
            "mysql_slave_status_last_sql_errno", "mysql_slave_status_read_master_log_pos",
            "mysql_slave_status_exec_master_log_pos", "mysql_slave_status_relay_log_space",
            "mysql_global_variables_read_only", "replipair_writer", "replipair_replication_tls_encrypted",
            "replipair_replication_tls_verified", "replipair_tls_certificate_expiry_seconds",
            "replipair_heartbeat_lag_seconds" };
        if (x.families != families)
            return "families: " + x.families.join(' ');
        for (const QString& f : families)
            if (x.types.value(f) != "gauge")
                return f + " is a " + x.types.value(f);
        QSet<QString> pairs;
        for (const PromSample& s : x.samples) {
            if (QSet<QString>(s.labels.keyBegin(), s.labels.keyEnd()) != QSet<QString>({ "pair", "server" }))
                return s.name + " has labels " + QStringList(s.labels.keys()).join(',');
            if (!QStringList({ "A", "B" }).contains(s.labels.value("server")))
                return s.name + " of server " + s.labels.value("server");
            if (!std::isfinite(s.value))
                return s.name + " is not finite";
            pairs << s.labels.value("pair");
        }
        if (pairs != QSet<QString>({ "east", "west" }))
            return "pairs: " + QStringList(pairs.cbegin(), pairs.cend()).join(',');
        for (const char* pair : { "east", "west" })
            for (const char* server : { "A", "B" }) {
                const QString where = QString("%1/%2").arg(pair, server);
                // two writers (the profiles name none): both writable, both writers
                for (const char* one : { "mysql_up", "mysql_slave_status_slave_io_running",
                         "mysql_slave_status_slave_sql_running", "replipair_writer" }) {
                    const PromSample* s = x.find(one, pair, server);
                    if (!s || s->value != 1)
                        return QString("%1 of %2 is %3")
                            .arg(one, where, s ? QString::number(s->value) : "absent");
                }
                for (const char* zero : { "mysql_slave_status_seconds_behind_master",
                         "mysql_slave_status_sql_delay", "mysql_slave_status_last_io_errno",
                         "mysql_slave_status_last_sql_errno", "mysql_global_variables_read_only" }) {
                    const PromSample* s = x.find(zero, pair, server);
                    if (!s || s->value != 0)
                        return QString("%1 of %2 is %3")
                            .arg(zero, where, s ? QString::number(s->value) : "absent");
                }
                for (const char* position : { "mysql_slave_status_read_master_log_pos",
                         "mysql_slave_status_exec_master_log_pos", "mysql_slave_status_relay_log_space" }) {
                    const PromSample* s = x.find(position, pair, server);
                    if (!s || s->value <= 0)
                        return QString("%1 of %2 is %3")
                            .arg(position, where, s ? QString::number(s->value) : "absent");
                }
                const PromSample* lag = x.find("replipair_heartbeat_lag_seconds", pair, server);
                if ((!lag && lagKnown) || (lag && (lag->value < 0 || lag->value >= 1.0)))
                    return "heartbeat lag of " + where + " is "
                        + (lag ? QString::number(lag->value) : "absent");
            }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (Sandbox::serverBinary().isEmpty())
            QSKIP("no mariadbd/mysqld on this machine");
        QVERIFY(m_dir.isValid());
        for (SandboxPair* pair : { &m_pair, &m_second }) {
            QVERIFY2(pair->up(), qPrintable(pair->error()));
            QString error;
            QVERIFY2(startSandboxReplication(pair->sandbox(), &error), qPrintable(error));
            QVERIFY(createHeartbeat(*pair));
        }
        PairProfile p1 = m_pair.sandbox().pairProfile();
        p1.name = "east";
        PairProfile p2 = m_second.sandbox().pairProfile();
        p2.name = "west";
        m_east = m_dir.filePath("east.replipair.json");
        m_west = m_dir.filePath("west.replipair.json");
        QVERIFY(p1.save(m_east).has_value());
        QVERIFY(p2.save(m_west).has_value());
    }

    void cleanupTestCase()
    {
        m_second.sandbox().down();
        m_pair.sandbox().down();
    }

    void parserRejectsWhatIsNotExposition()
    {
#ifndef REPLIPAIR_CLI
        QSKIP("built without the path of replipair-cli");
#else
        // the checks below can fail: each of these is refused
        const QByteArray good = "# HELP m_a The a.\n# TYPE m_a gauge\nm_a{pair=\"p\",server=\"A\"} 1\n";
        QVERIFY2(parseExposition(good).error.isEmpty(), qPrintable(parseExposition(good).error));
        QCOMPARE(parseExposition("# TYPE m_a gauge\n# HELP m_a The a.\nm_a{server=\"A\",pair=\"p\"} 1e-3\n")
                     .samples.value(0)
                     .labels.value("pair"),
            QString("p"));
        for (const QByteArray& bad : {
                 QByteArray("m_a{pair=\"p\"} 1\n"), // no HELP/TYPE
                 good + "# HELP m_a Again.\n", // a second HELP
                 good + "# TYPE m_a counter\n", // a second TYPE
                 good + "# HELP m_b B.\n# TYPE m_b gauge\nm_b 1\nm_a{pair=\"q\",server=\"A\"} 1\n", // apart
                 good + "m_a{pair=\"p\",server=\"A\"} 2\n", // twice
                 QByteArray("# HELP m_a A.\n# TYPE m_a gauge\nm_a{pair=\"p\",server=\"A\"} one\n"),
                 QByteArray("# HELP m_a A.\n# TYPE m_a gauge\nm_a{pair=\"p,server=\"A\"} 1\n"),
                 QByteArray("# HELP m_a A.\n# TYPE m_a gauge\nm_a{1pair=\"p\"} 1\n"),
                 QByteArray("# HELP m-a A.\n# TYPE m-a gauge\nm-a 1\n"),
                 QByteArray("# HELP m_a A.\n# TYPE m_a gauge\nm_a{pair=\"p\"} 1"), // cut short
             })
            QVERIFY2(!parseExposition(bad).error.isEmpty(), bad.constData());
#endif
    }

    void cliPrintsOneRound()
    {
#ifndef REPLIPAIR_CLI
        QSKIP("built without the path of replipair-cli");
#else
        const QString profile = m_pair.sandbox().profilePath();
        int code = -1;
        const QString json
            = runCli({ "monitor", profile, "--interval", "0.5", "--json", "--once" }, &code, true);
        QVERIFY2(code == 0, qPrintable(json));
        const QStringList lines = json.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QStringList servers;
        for (const QString& line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            for (const char* key :
                { "time", "server", "ioRunning", "sqlRunning", "secondsBehind", "heartbeatLag", "lastError" })
                QVERIFY2(o.contains(key), qPrintable(line));
            QVERIFY(o.value("ioRunning").toBool());
            QVERIFY(o.value("sqlRunning").toBool());
            QVERIFY2(o.value("heartbeatLag").isDouble() && o.value("heartbeatLag").toDouble() < 1.0,
                qPrintable(line));
            servers << o.value("server").toString();
        }
        servers.sort();
        QCOMPARE(servers, QStringList({ "A", "B" }));

        const QString text = runCli({ "monitor", profile, "--once" }, &code, true);
        QVERIFY2(code == 0, qPrintable(text));
        QCOMPARE(text.trimmed().split('\n').size(), 2);
        QVERIFY2(text.contains("IO Yes") && text.contains("SQL Yes"), qPrintable(text));

        runCli({ "monitor", profile, "--interval", "0.05", "--once" }, &code);
        QCOMPARE(code, 2); // below the 200 ms floor
#endif
    }

    /** Issue 16: each `monitor --once` run (from cron, say) leaves a heartbeat row per server; the rows of
     *  monitors gone for an hour are removed by the next beat on the server they belong to, a bounded batch
     *  at a time, and the deletion replicates. */
    void heartbeatRowsOfGoneMonitorsExpire()
    {
#ifndef REPLIPAIR_CLI
        QSKIP("built without the path of replipair-cli");
#else
        Sandbox& sb = m_pair.sandbox();
        const QString idA = sandboxSql(sb, 0, "SELECT @@server_id"),
                      idB = sandboxSql(sb, 1, "SELECT @@server_id");
        const QString now = "TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP())";
        // on A: 1200 rows of monitors gone two hours ago, one of a monitor last seen half an hour ago; on B:
        // one gone row of its own
        bool ok = false;
        sandboxSql(sb, 0,
            QString("INSERT INTO test.replipair_heartbeat (server_id, written_by, ts_us) SELECT %1, "
                    "CONCAT('gone:', "
                    "seq), %2 - 7200000000 FROM test.seq_1_to_1200; INSERT INTO test.replipair_heartbeat "
                    "(server_id, written_by, ts_us) VALUES (%1, 'recent', %2 - 1800000000);")
                .arg(idA, now),
            &ok);
        QVERIFY(ok);
        sandboxSql(sb, 1,
            QString("INSERT INTO test.replipair_heartbeat (server_id, written_by, ts_us) VALUES (%1, "
                    "'goneB', %2 - "
                    "7200000000)")
                .arg(idB, now),
            &ok);
        QVERIFY(ok);
        auto count = [&](int i, const QString& where) {
            return sandboxSql(sb, i, "SELECT COUNT(*) FROM test.replipair_heartbeat WHERE " + where).toInt();
        };
        const QString goneA = QString("server_id = %1 AND written_by LIKE 'gone:%'").arg(idA);
        QTRY_COMPARE_WITH_TIMEOUT(count(1, goneA), 1200, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(count(0, "written_by = 'goneB'"), 1, 20000);
        int code = -1;
        const QString profile = m_pair.sandbox().profilePath();
        QString out = runCli({ "monitor", profile, "--once" }, &code, true);
        QVERIFY2(code == 0, qPrintable(out));
        // a bounded batch per beat (--once beats once or twice): some of A's left, B's own one gone, the
        // recent row kept
        const int left = count(0, goneA);
        QVERIFY2(left == 1200 - 500 || left == 1200 - 1000, qPrintable(QString::number(left)));
        QCOMPARE(count(1, "written_by = 'goneB'"), 0);
        QCOMPARE(count(0, "written_by = 'recent'"), 1);
        for (int run = 0; run < 2 && count(0, goneA) > 0; ++run) {
            out = runCli({ "monitor", profile, "--once" }, &code, true);
            QVERIFY2(code == 0, qPrintable(out));
        }
        QCOMPARE(count(0, goneA), 0);
        QCOMPARE(count(0, "written_by = 'recent'"), 1);
        // replicated to the peers
        QTRY_COMPARE_WITH_TIMEOUT(count(1, goneA), 0, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(count(0, "written_by = 'goneB'"), 0, 20000);
        sandboxSql(sb, 0, "DELETE FROM test.replipair_heartbeat WHERE written_by = 'recent'");
#endif
    }

    /** Issue 16: a password that cannot be read makes the check UNKNOWN (3), not CRITICAL "unreachable". */
    void nagiosUnknownWhenThePasswordCannotBeRead()
    {
#ifndef REPLIPAIR_CLI
        QSKIP("built without the path of replipair-cli");
#else
        PairProfile p = m_second.sandbox().pairProfile();
        p.name = "nopassword";
        p.servers[1].adminPasswordFile.clear();
        p.servers[1].adminPasswordEnv = "RP_TEST_PASSWORD_NOT_SET";
        const QString file = m_dir.filePath("nopassword.json");
        QVERIFY(p.save(file).has_value());
        const auto remove = qScopeGuard([&] { QFile::remove(file); });
        int code = -1;
        const QString line = runCli({ "status", file, "--nagios" }, &code);
        QVERIFY2(code == 3, qPrintable(QString::number(code) + " " + line));
        QVERIFY2(line.startsWith("REPLIPAIR UNKNOWN - ") && line.count('\n') == 1, qPrintable(line));
        QVERIFY2(line.contains("RP_TEST_PASSWORD_NOT_SET"), qPrintable(line));
#endif
    }

    /** Issue 12: every saved pair at once: two profiles, or the folder holding them. */
    void cliWatchesEveryPair()
    {
#ifndef REPLIPAIR_CLI
        QSKIP("built without the path of replipair-cli");
#else
        int code = -1;
        const QString json
            = runCli({ "monitor", m_east, m_west, "--interval", "0.5", "--once", "--json" }, &code);
        QVERIFY2(code == 0, qPrintable(json));
        const QStringList lines = json.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QStringList seen;
        for (const QString& line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            QVERIFY2(o.value("ioRunning").toBool() && o.value("sqlRunning").toBool(), qPrintable(line));
            seen << o.value("pair").toString() + "/" + o.value("server").toString();
        }
        seen.sort();
        QCOMPARE(seen, QStringList({ "east/A", "east/B", "west/A", "west/B" }));
        const QString folder
            = runCli({ "monitor", m_dir.path(), "--interval", "0.5", "--once", "--json" }, &code);
        QCOMPARE(code, 0);
        QStringList fromFolder;
        for (const QString& line : folder.trimmed().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            fromFolder << o.value("pair").toString() + "/" + o.value("server").toString();
        }
        fromFolder.sort();
        QCOMPARE(fromFolder, seen);
#endif
    }

    /** Prometheus text to stdout: parses strictly, carries both pairs, their values. */
    void prometheusExposition()
    {
#ifndef REPLIPAIR_CLI
        QSKIP("built without the path of replipair-cli");
#else
        int code = -1;
        const QString prom = runCli(
            { "monitor", m_east, m_west, "--interval", "0.5", "--once", "--format", "prometheus" }, &code);
        QVERIFY2(code == 0, qPrintable(prom));
        const Exposition x = parseExposition(prom.toUtf8());
        const QString problem = checkTwoPairs(x);
        QVERIFY2(problem.isEmpty(), qPrintable(problem + "\n" + prom));
        QCOMPARE(x.samples.size(), 16 * 4); // every metric of every server, once (TLS ones included)
#endif
    }

    /** --output for node_exporter's textfile collector: rewritten every round by a rename, so that a reader
     *  never sees a partial file; the file parses in full every time. */
    void prometheusFileIsRewrittenAtomically()
    {
#ifndef REPLIPAIR_CLI
        QSKIP("built without the path of replipair-cli");
#else
        QTemporaryDir textfiles;
        QVERIFY(textfiles.isValid());
        const QString promFile = textfiles.filePath("replipair.prom");
        QProcess cli;
        cli.setProcessEnvironment(cliEnvironment());
        cli.start(REPLIPAIR_CLI,
            { "monitor", m_east, m_west, "--interval", "0.2", "--format", "prometheus", "--output",
                promFile });
        QVERIFY(cli.waitForStarted());
        auto stopCli = qScopeGuard([&] {
            cli.terminate();
            if (!cli.waitForFinished(10000))
                cli.kill();
        });
        QSet<ino_t> inodes;
        int reads = 0;
        QElapsedTimer timer;
        timer.start();
        while (inodes.size() < 6 && timer.elapsed() < 20000) {
            struct stat st
            {
            };
            if (::stat(QFile::encodeName(promFile).constData(), &st) != 0) {
                QTest::qWait(2);
                continue;
            }
            QFile f(promFile);
            if (!f.open(QIODevice::ReadOnly))
                continue; // renamed away between the stat and the open
            struct stat opened
            {
            };
            QVERIFY(::fstat(f.handle(), &opened) == 0);
            const QByteArray text = f.readAll();
            ++reads;
            inodes << opened.st_ino;
            const QString problem = checkTwoPairs(parseExposition(text), false);
            QVERIFY2(problem.isEmpty(),
                qPrintable(QString("read %1 of the file: %2\n%3").arg(reads).arg(problem, text)));
            // what the collector reads (*.prom) is only ever the finished file
            for (const QString& name : QDir(textfiles.path()).entryList(QDir::Files))
                QVERIFY2(name == "replipair.prom" || !name.endsWith(".prom"), qPrintable(name));
            QTest::qWait(1);
        }
        qInfo() << reads << "reads of the file," << inodes.size() << "versions (inodes)";
        QVERIFY2(inodes.size() >= 6,
            qPrintable(QString("%1 versions of the file in 20 s: not rewritten every round, or in place")
                           .arg(inodes.size())));
        QCOMPARE(cli.state(), QProcess::Running);
        stopCli.dismiss();
        cli.terminate();
        QVERIFY(cli.waitForFinished(10000));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 0);
        QFile last(promFile);
        QVERIFY(last.open(QIODevice::ReadOnly));
        const QString problem = checkTwoPairs(parseExposition(last.readAll()));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(QDir(textfiles.path()).entryList(QDir::Files), QStringList({ "replipair.prom" }));
#endif
    }

    /** status --nagios through the binary: every exit code of the plugin API and what makes it. */
    void nagiosExitCodes()
    {
#ifndef REPLIPAIR_CLI
        QSKIP("built without the path of replipair-cli");
#else
        // one line, "REPLIPAIR <STATE> - west: ... | perfdata" with perfdata
        // 'label'=value[UOM];warn;crit;min;max
        static const QRegularExpression perf(
            "^'[^'=]+'=(?:U|-?[0-9]+(?:\\.[0-9]+)?(?:s|%|B|c)?);[0-9.]*;[0-9.]*;[0-9.]*;[0-9.]*$"); // "U": no
                                                                                                    // unit
        auto nagios = [](const QStringList& extra, int* code) {
            const QString out = runCli(QStringList { "status" } + extra + QStringList { "--nagios" }, code);
            return out;
        };
        auto wellFormed = [](const QString& out, const char* state) -> QString {
            if (out.count('\n') != 1 || !out.endsWith('\n'))
                return "not one line: " + out;
            if (!out.startsWith(QString("REPLIPAIR %1 - ").arg(state)))
                return QString("not %1: %2").arg(state, out);
            if (QString(state) == "UNKNOWN")
                return {};
            const qsizetype bar = out.indexOf(" | ");
            if (bar < 0)
                return "no perfdata: " + out;
            for (const QString& item : out.mid(bar + 3).trimmed().split(' '))
                if (!perf.match(item).hasMatch())
                    return "bad perfdata " + item + ": " + out;
            return {};
        };
        int code = -1;
        QString line = nagios({ m_west }, &code);
        QCOMPARE(code, 0);
        QVERIFY2(wellFormed(line, "OK").isEmpty(), qPrintable(wellFormed(line, "OK")));
        QVERIFY2(line.startsWith("REPLIPAIR OK - west:"), qPrintable(line));
        QVERIFY2(line.contains("'A_lag'=") && line.contains("'B_sql_running'=1"), qPrintable(line));
        line = nagios({ m_west, "--warning", "0" }, &code);
        QCOMPARE(code, 1);
        QVERIFY2(wellFormed(line, "WARNING").isEmpty(), qPrintable(line));

        // a real lag: B applies A's events 30 s late; a write on A makes B fall behind by the second
        {
            auto undelay = qScopeGuard([this] {
                sandboxSql(
                    m_second.sandbox(), 1, "STOP SLAVE; CHANGE MASTER TO MASTER_DELAY = 0; START SLAVE");
            });
            sandboxSql(m_second.sandbox(), 1, "STOP SLAVE; CHANGE MASTER TO MASTER_DELAY = 30; START SLAVE");
            sandboxSql(m_second.sandbox(), 0, "CREATE TABLE test.lagging (id INT PRIMARY KEY)");
            // until B is 3 s behind (Seconds_Behind_Master counts whole seconds of the event's time): past
            // the warning below, and the critical one after it
            QVERIFY(QTest::qWaitFor(
                [&] {
                    nagios({ m_west, "--warning", "3", "--critical", "25" }, &code);
                    return code != 0;
                },
                20000));
            line = nagios({ m_west, "--warning", "2", "--critical", "25" }, &code);
            qInfo().noquote() << line.trimmed();
            QVERIFY2(code == 1 && wellFormed(line, "WARNING").isEmpty(), qPrintable(line));
            QVERIFY2(line.contains("B ") && line.contains(" s behind") && line.contains("'B_sql_running'=1"),
                qPrintable(line));
            static const QRegularExpression bLag("'B_lag'=([0-9.]+)s;2;25;0;");
            const auto m = bLag.match(line);
            QVERIFY2(m.hasMatch() && m.captured(1).toDouble() >= 2 && m.captured(1).toDouble() < 25,
                qPrintable(line));
            line = nagios({ m_west, "--warning", "1", "--critical", "3" }, &code);
            QVERIFY2(code == 2 && wellFormed(line, "CRITICAL").isEmpty(), qPrintable(line));
            QVERIFY2(line.contains(" s behind"), qPrintable(line));
            // the default exit codes stay: a lagging pair that replicates is not a failure
            runCli({ "status", m_west }, &code);
            QCOMPARE(code, 0);
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                return sandboxSql(m_second.sandbox(), 1, "SHOW TABLES FROM test LIKE 'lagging'") == "lagging";
            },
            10000));
        sandboxSql(m_second.sandbox(), 0, "DROP TABLE test.lagging");

        // CRITICAL: a stopped SQL thread; a server that cannot be reached
        sandboxSql(m_second.sandbox(), 1, "STOP SLAVE SQL_THREAD");
        line = nagios({ m_west }, &code);
        QVERIFY2(code == 2 && wellFormed(line, "CRITICAL").isEmpty() && line.contains("'B_sql_running'=0"),
            qPrintable(line));
        QVERIFY2(line.contains("'B_lag'=U;"), qPrintable(line)); // a stopped SQL thread has no lag
        runCli({ "status", m_west }, &code);
        QCOMPARE(code, 1); // the default exit codes stay
        runCli({ "monitor", m_east, m_west, "--interval", "0.5", "--once", "--json" }, &code);
        QCOMPARE(code, 1); // one pair broken: not every pair replicates
        sandboxSql(m_second.sandbox(), 1, "START SLAVE SQL_THREAD");

        PairProfile gone = m_second.sandbox().pairProfile();
        gone.name = "gone";
        {
            QTcpServer closed; // a port nothing listens on once this is closed
            QVERIFY(closed.listen(QHostAddress::LocalHost));
            gone.servers[1].port = closed.serverPort();
        }
        const QString goneFile = m_dir.filePath("gone.json");
        QVERIFY(gone.save(goneFile).has_value());
        line = nagios({ goneFile }, &code);
        QVERIFY2(code == 2 && wellFormed(line, "CRITICAL").isEmpty() && line.contains("unreachable"),
            qPrintable(line));
        QFile::remove(goneFile);

        // UNKNOWN: what cannot be checked at all
        for (const QStringList& args : { QStringList { m_dir.filePath("missing.replipair.json") },
                 QStringList { m_west, "--warning", "ten" }, QStringList { m_west, "--critical", "-1" },
                 QStringList { m_west, "--no-such-option" }, QStringList { m_east, m_west } }) {
            line = nagios(args, &code);
            QVERIFY2(code == 3 && wellFormed(line, "UNKNOWN").isEmpty(),
                qPrintable(args.join(' ') + ": " + QString::number(code) + " " + line));
        }
        // and OK again once the thread runs
        QVERIFY(QTest::qWaitFor(
            [&] {
                nagios({ m_west }, &code);
                return code == 0;
            },
            10000));
#endif
    }
};

QTEST_GUILESS_MAIN(tst_MonitorCli)
#include "tst_monitorcli.moc"
