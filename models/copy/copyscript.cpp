#include "copy/copyscript.h"

#include <QRegularExpression>

namespace {
QString dumpedDatabases(const QStringList& dbs)
{
    QStringList quoted;
    for (const QString& db : dbs)
        quoted << CopyScript::quote(db);
    return quoted.join(QLatin1Char(' '));
}

/** Runs a client or dump with its exit code kept in a file: "<cmd>; echo $? > rc". */
QString header(const QString& workDir)
{
    return QStringLiteral("d=%1\ncd \"$d\" || exit 90\necho $$ > \"$d/job.pid\"\n")
        .arg(CopyScript::quote(workDir));
}

QString loader(const CopyScriptParams& p)
{
    // the copy is the receiver's own business: never written to its binary log, never sent back
    return QStringLiteral("%1 --defaults-file=\"$d/target.cnf\" --init-command='SET SESSION sql_log_bin=0' "
                          "--max-allowed-packet=1G --batch")
        .arg(CopyScript::quote(p.clientTool));
}

QString commonDumpOptions()
{
    return QStringLiteral(
        "--single-transaction --routines --events --triggers --hex-blob --add-drop-database --no-tablespaces "
        "--max-allowed-packet=1G");
}
} // namespace

QString CopyScript::quote(const QString& s)
{
    QString out = s;
    out.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QByteArray CopyScript::optionFile(const QString& host, int port, const QString& user, const QString& password)
{
    auto escaped = [](QString v) {
        v.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
        return QLatin1Char('"') + v + QLatin1Char('"');
    };
    return QStringLiteral("[client]\nhost=%1\nport=%2\nuser=%3\npassword=%4\n")
        .arg(escaped(host))
        .arg(port)
        .arg(escaped(user), escaped(password))
        .toUtf8();
}

QString CopyScript::copy(const CopyScriptParams& p)
{
    const QString coords
        = p.sourceData ? QStringLiteral("--source-data=2") : QStringLiteral("--master-data=2");
    // The head of the stream is read line by line by the shell (a few dozen lines, up to the coordinates),
    // kept in head.sql, and then dd passes the rest on untouched and counts it.
    return header(p.workDir)
        + QStringLiteral(
            "{ %1 --defaults-file=\"$d/source.cnf\" %2 %3 --verbose --databases %4 2>\"$d/dump.err\" &\n"
            "  echo $! > \"$d/dump.pid\"; wait $!; echo $? > \"$d/dump.rc\"; } |\n"
            "{ n=0\n"
            "  while [ $n -lt 300 ] && IFS= read -r line; do\n"
            "    printf '%s\\n' \"$line\"; printf '%s\\n' \"$line\" >> \"$d/head.sql\"; n=$((n+1))\n"
            "    case \"$line\" in\n"
            "      '-- CHANGE MASTER TO MASTER_LOG_FILE'*|'-- CHANGE REPLICATION SOURCE TO "
            "SOURCE_LOG_FILE'*)\n"
            "        printf '%s\\n' \"$line\" > \"$d/coordinates\"; break;;\n"
            "    esac\n"
            "  done\n"
            "  LC_ALL=C exec dd bs=1048576 2>\"$d/dd.err\"; } |\n"
            "{ %5 2>\"$d/load.err\"; echo $? > \"$d/load.rc\"; }\n"
            "b=$(sed -n 's/^\\([0-9][0-9]*\\) bytes.*/\\1/p' \"$d/dd.err\"); h=$(wc -c < \"$d/head.sql\")\n"
            "echo $(( ${b:-0} + ${h:-0} )) > \"$d/bytes.final\"\n"
            "echo done > \"$d/finished\"\n")
              .arg(quote(p.dumpTool), commonDumpOptions(), coords, dumpedDatabases(p.databases), loader(p));
}

QString CopyScript::save(const CopyScriptParams& p, const QString& savedFile)
{
    return header(p.workDir)
        + QStringLiteral(
            "{ %1 --defaults-file=\"$d/target.cnf\" %2 --verbose --databases %3 2>\"$d/dump.err\" &\n"
            "  echo $! > \"$d/dump.pid\"; wait $!; echo $? > \"$d/dump.rc\"; } > %4\n"
            "echo 0 > \"$d/load.rc\"\n"
            "wc -c < %4 > \"$d/bytes.final\"\n"
            "echo done > \"$d/finished\"\n")
              .arg(quote(p.dumpTool), commonDumpOptions(), dumpedDatabases(p.databases), quote(savedFile));
}

QString CopyScript::restore(const CopyScriptParams& p, const QString& savedFile)
{
    return header(p.workDir)
        + QStringLiteral("echo 0 > \"$d/dump.rc\"\n"
                         "%1 < %2 2>\"$d/load.err\"; echo $? > \"$d/load.rc\"\n"
                         "echo done > \"$d/finished\"\n")
              .arg(loader(p), quote(savedFile));
}

QString CopyScript::poll(const QString& workDir, int waitMs)
{
    // the dump's own write counter (Linux /proc): no extra process in the pipe
    return QStringLiteral(
        "d=%1\n"
        "i=0; while [ $i -lt %2 ] && [ ! -e \"$d/finished\" ]; do sleep 0.1; i=$((i+1)); done\n"
        "p=$(cat \"$d/dump.pid\" 2>/dev/null)\n"
        "if [ -e \"$d/bytes.final\" ]; then printf 'bytes=%s\\n' \"$(cat \"$d/bytes.final\")\"\n"
        "elif [ -n \"$p\" ]; then sed -n 's/^wchar: /bytes=/p' \"/proc/$p/io\" 2>/dev/null; fi\n"
        "printf 'tables=%s\\n' \"$(grep -c 'Retrieving rows' \"$d/dump.err\" 2>/dev/null)\"\n"
        "for f in dump.rc load.rc finished; do\n"
        "  [ -e \"$d/$f\" ] && printf '%s=%s\\n' \"$f\" \"$(cat \"$d/$f\")\"\n"
        "done\n"
        "exit 0\n")
        .arg(quote(workDir))
        .arg(waitMs / 100);
}

std::optional<DumpCoordinates> CopyScript::parseCoordinates(const QByteArray& head)
{
    static const QRegularExpression line(
        QStringLiteral("^-- CHANGE (?:MASTER|REPLICATION SOURCE) TO (?:MASTER|SOURCE)_LOG_FILE='([^']+)', "
                       "(?:MASTER|SOURCE)_LOG_POS=(\\d+);"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression purged(
        QStringLiteral("^SET @@GLOBAL\\.GTID_PURGED=(?:/\\*!80000 '\\+'\\*/ )?'([^']*)';"),
        QRegularExpression::MultilineOption);
    const QString text = QString::fromUtf8(head);
    const auto m = line.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    DumpCoordinates c;
    c.file = m.captured(1);
    c.position = m.captured(2).toLongLong();
    if (const auto g = purged.match(text); g.hasMatch())
        c.gtidPurged = g.captured(1).simplified().remove(QLatin1Char(' '));
    return c;
}
