#include "copy/copyscript.h"

#include "common/shellquote.h"

namespace {
QString dumpedDatabases(const QStringList& dbs)
{
    QStringList quoted;
    for (const QString& db : dbs)
        quoted << Shell::quote(db);
    return quoted.join(QLatin1Char(' '));
}

QString header(const QString& workDir)
{
    // job.pid is RemoteJob's: the id of the job's process group
    return QStringLiteral("d=%1\ncd \"$d\" || exit 90\n").arg(Shell::quote(workDir));
}

/** The end of every job: wakes a poll sleeping on it (its sleep's pid in poll.sleep), so that the end is
 *  seen at once rather than at the next poll. */
QString footer()
{
    return QStringLiteral(
        "echo done > \"$d/finished\"\n"
        "read -r s < \"$d/poll.sleep\" 2>/dev/null && [ -n \"$s\" ] && kill \"$s\" 2>/dev/null\n"
        "exit 0\n");
}

QString loader(const CopyScriptParams& p)
{
    // the copy is the receiver's own business: never written to its binary log, never sent back
    return QStringLiteral("%1 --defaults-file=\"$d/target.cnf\" --init-command='SET SESSION sql_log_bin=0' "
                          "--max-allowed-packet=1G --batch")
        .arg(Shell::quote(p.clientTool));
}

QString commonDumpOptions(const CopyScriptParams& p)
{
    return QStringLiteral(
               "--single-transaction --routines --events --triggers --hex-blob --add-drop-database "
               "--no-tablespaces --max-allowed-packet=1G")
        + (p.gtidPurgedOff ? QStringLiteral(" --set-gtid-purged=OFF") : QString());
}

/** Runs @p dump in the background of this (sub)shell and writes its exit code to dump.rc and the bytes it
 *  wrote to bytes.final. The dump's counters are added to this shell's own when it is reaped: the
 *  difference of this shell's wchar across the dump's life is exactly what the dump wrote, less the pid
 *  this shell itself writes to dump.pid (its reads are builtins). The first count is taken before the dump
 *  starts: a dump that ends at once may be reaped before any later reading. */
QString countedDump(const QString& dump)
{
    return QStringLiteral(
        "{ read -r me _ < /proc/self/stat\n"
        "  { read -r _; read -r w0; } < \"/proc/$me/io\"\n"
        "  %1 &\n"
        "  pid=$!; echo $pid > \"$d/dump.pid\"\n"
        "  wait $pid; rc=$?\n"
        "  { read -r _; read -r w1; } < \"/proc/$me/io\"\n"
        "  echo $rc > \"$d/dump.rc\"\n"
        "  w0=${w0#wchar: }; w1=${w1#wchar: }\n"
        "  [ -n \"$w0\" ] && [ -n \"$w1\" ] && echo $((w1 - w0 - ${#pid} - 1)) > \"$d/bytes.final\"; }")
        .arg(dump);
}
} // namespace

QString CopyScript::optionValue(const QString& value)
{
    // the client library's option file reader: a value between quotes keeps its spaces, '#' and ';'; inside,
    // \\ \" \' \n \r \t \b and \s stand for the character (a raw line break would end the line)
    QString out;
    out.reserve(value.size() + 8);
    out += QLatin1Char('"');
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\b':
            out += QLatin1String("\\b");
            break;
        default:
            out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QByteArray CopyScript::optionFile(const QString& host, int port, const QString& user, const QString& password,
    const TlsSettings& tls, const TlsFiles& files, bool sslMode)
{
    QString cnf = QStringLiteral("[client]\nhost=%1\nport=%2\nuser=%3\npassword=%4\n")
                      .arg(optionValue(host))
                      .arg(port)
                      .arg(optionValue(user), optionValue(password));
    if (!tls.isOn())
        return cnf.toUtf8();
    // in the dialect of the tool that reads it: an option a client does not know stops it (no "loose-":
    // a TLS option skipped would be a connection in clear text)
    if (sslMode) {
        // MySQL's clients 5.7.11+: REQUIRED refuses clear text, VERIFY_CA checks the chain, VERIFY_IDENTITY
        // the host name as well
        static const char* const modes[] = { "DISABLED", "REQUIRED", "VERIFY_CA", "VERIFY_IDENTITY" };
        cnf += QStringLiteral("ssl-mode=%1\n").arg(QLatin1String(modes[int(tls.mode)]));
    } else {
        // MariaDB's clients (and MySQL's before 5.7.11): ssl alone is encrypted when the server offers it
        // and clear text when it does not (CopyReceiver::checkLogin refuses that session); only
        // ssl-verify-server-cert refuses clear text, and it checks the chain and the host name both, so
        // both verify modes use it. MariaDB 11.4+ verifies by default: "required" turns that off
        cnf += QStringLiteral("ssl\n");
        cnf += tls.verifies() ? QStringLiteral("ssl-verify-server-cert\n")
                              : QStringLiteral("skip-ssl-verify-server-cert\n");
    }
    if (tls.verifies() && !files.ca.isEmpty())
        cnf += QStringLiteral("ssl-ca=%1\n").arg(optionValue(files.ca));
    if (!files.cert.isEmpty())
        cnf += QStringLiteral("ssl-cert=%1\nssl-key=%2\n")
                   .arg(optionValue(files.cert), optionValue(files.key));
    return cnf.toUtf8();
}

QString CopyScript::copy(const CopyScriptParams& p)
{
    // --master-data=1: the dump's CHANGE MASTER is executed by the receiver, whose replica settings
    // then hold the snapshot's coordinates (read back with SHOW SLAVE STATUS)
    const QString coords
        = p.sourceData ? QStringLiteral("--source-data=1") : QStringLiteral("--master-data=1");
    const QString dump
        = QStringLiteral("%1 --defaults-file=\"$d/source.cnf\" %2 %3 --databases %4 2>\"$d/dump.err\"")
              .arg(Shell::quote(p.dumpTool), commonDumpOptions(p), coords, dumpedDatabases(p.databases));
    return header(p.workDir) + countedDump(dump)
        + QStringLiteral(" |\n{ %1 2>\"$d/load.err\"; echo $? > \"$d/load.rc\"; }\n").arg(loader(p))
        + footer();
}

QString CopyScript::save(const CopyScriptParams& p, const QString& savedFile)
{
    const QString dump
        = QStringLiteral("%1 --defaults-file=\"$d/target.cnf\" %2 --databases %3 2>\"$d/dump.err\"")
              .arg(Shell::quote(p.dumpTool), commonDumpOptions(p), dumpedDatabases(p.databases));
    // the saved copy is readable by this user alone (0600, whatever the login's umask), and never replaces
    // an earlier one of the same name
    return header(p.workDir) + QStringLiteral("umask 077\nset -C\n") + countedDump(dump)
        + QStringLiteral(" > %1\nchmod 600 %1\necho 0 > \"$d/load.rc\"\n").arg(Shell::quote(savedFile))
        + footer();
}

QString CopyScript::restore(const CopyScriptParams& p, const QString& savedFile)
{
    return header(p.workDir)
        + QStringLiteral("echo 0 > \"$d/dump.rc\"\n"
                         "%1 < %2 2>\"$d/load.err\"; echo $? > \"$d/load.rc\"\n")
              .arg(loader(p), Shell::quote(savedFile))
        + footer();
}

QString CopyScript::poll(const QString& workDir, int waitMs)
{
    // builtins only (read, printf, [ ]), apart from the one sleep the job's end cuts short
    const QString wait = waitMs <= 0 ? QString()
                                     : QStringLiteral("if [ ! -e \"$d/finished\" ]; then\n"
                                                      "  sleep %1 & echo $! > \"$d/poll.sleep\"\n"
                                                      "  [ -e \"$d/finished\" ] || wait $! 2>/dev/null\n"
                                                      "  : > \"$d/poll.sleep\"\n"
                                                      "fi\n")
                                           .arg(QString::number(waitMs / 1000.0, 'f', 3));
    return QStringLiteral("d=%1\n").arg(Shell::quote(workDir)) + wait
        + QStringLiteral("if read -r b < \"$d/bytes.final\" 2>/dev/null; then printf 'bytes=%s\\n' \"$b\"\n"
                         "elif read -r p < \"$d/dump.pid\" 2>/dev/null; then\n"
                         "  while read -r k v; do [ \"$k\" = wchar: ] && printf 'bytes=%s\\n' \"$v\"; done < "
                         "\"/proc/$p/io\" "
                         "2>/dev/null\n"
                         "fi\n"
                         "for f in dump.rc load.rc finished; do\n"
                         "  read -r v < \"$d/$f\" 2>/dev/null && printf '%s=%s\\n' \"$f\" \"$v\"\n"
                         "done\n"
                         "exit 0\n");
}
