#include "host/ssh/sshshell.h"

#include "common/shellquote.h"
#include "common/stepid.h"

#include <QCryptographicHash>

// SshShell's writes: the writability checks and the atomic replacement, copy and removal of files.

namespace {
QString trimmedText(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes).trimmed();
}

/** The shell functions that replace a file atomically. `same FILE KIND HASH` says whether FILE still is as
 *  read (KIND any, absent, or sha: its SHA-256 is HASH): 0 yes, 1 no, 2 it cannot tell. `wr FILE SIZE KIND
 *  HASH` fills a temporary file "$t" in the same folder with exactly SIZE bytes from stdin (@p readInto),
 *  copies the old file's mode, owner and SELinux label onto it, syncs it, checks `same` right before the
 *  rename and renames it over the target: 0 done, 23 the file changed since it was read (left as it is), 1
 *  anything else failed. Every command is checked on its own (no `set -e`, which `wr … || exit` would turn
 *  off); the temporary file is removed on every way out but success. */
QString replaceFunctions(const QString& readInto)
{
    return QStringLiteral(
        "same() {\n"
        "  case $2 in\n"
        "    any) return 0;;\n"
        "    absent) if [ -e \"$1\" ] || [ -L \"$1\" ]; then return 1; fi; return 0;;\n"
        "    sha) [ -f \"$1\" ] || return 1\n"
        "      h=$(sha256sum < \"$1\") || { echo \"cannot compute the SHA-256 of $1 (sha256sum)\" >&2; "
        "return 2; }\n"
        "      [ \"${h%% *}\" = \"$3\" ] || return 1; return 0;;\n"
        "  esac\n"
        "  return 2\n"
        "}\n"
        "wr() (\n"
        "  f=$1\n"
        "  if [ -e \"$f\" ]; then f=$(readlink -f -- \"$f\") || exit 1; fi\n"
        "  case $f in */*) d=${f%/*}; d=${d:-/};; *) d=.;; esac\n"
        "  t=$(mktemp \"$d/.replipair-XXXXXX\") || exit 1\n"
        "  bye() { rm -f -- \"$t\"; exit \"$1\"; }\n"
        "  %1 || bye 1\n"
        "  n=$(wc -c < \"$t\") || bye 1\n"
        "  [ \"$n\" -eq \"$2\" ] || { echo \"only $n of $2 bytes arrived\" >&2; bye 1; }\n"
        "  if [ -e \"$f\" ]; then\n"
        "    chmod --reference=\"$f\" -- \"$t\" || bye 1\n"
        "    chown --reference=\"$f\" -- \"$t\" || bye 1\n"
        // the SELinux label only where SELinux is on (one process less per file elsewhere)
        "    if [ -e /sys/fs/selinux/enforce ] && command -v chcon >/dev/null 2>&1; then\n"
        "      chcon --reference=\"$f\" -- \"$t\" 2>/dev/null\n"
        "    fi\n"
        "  else\n"
        "    chmod 0644 -- \"$t\" || bye 1\n"
        "  fi\n"
        "  sync -- \"$t\" 2>/dev/null\n"
        "  same \"$f\" \"$3\" \"$4\"; c=$?\n"
        "  [ \"$c\" -eq 0 ] || { [ \"$c\" -eq 1 ] && bye 23; bye 1; }\n"
        "  mv -f -- \"$t\" \"$f\" || bye 1\n"
        "  exit 0\n"
        ")\n")
        .arg(readInto);
}

/** The arguments KIND HASH of `same`/`wr` for @p w. */
QString expectation(const FileReplacement& w)
{
    switch (w.expect) {
    case FileReplacement::Expect::Content:
        return QStringLiteral("sha ")
            + QString::fromLatin1(QCryptographicHash::hash(w.expected, QCryptographicHash::Sha256).toHex());
    case FileReplacement::Expect::Absent:
        return QStringLiteral("absent -");
    case FileReplacement::Expect::Anything:
        break;
    }
    return QStringLiteral("any -");
}
} // namespace

Result<void> SshShell::checkWritable(const QString& path)
{
    return checkWritable(QStringList { path });
}

Result<void> SshShell::checkWritable(const QStringList& paths)
{
    // Tests only (test -w, -O): changes nothing. Mirrors writeFileAtomic: symlinks resolved, a new file
    // is created in the folder, an existing one keeps its owner (which only root or the owner can do).
    // Every path in one remote call: "<code> <resolved path in hex>" per line, in order.
    // Builtins only where all is well (the folder by parameter expansion, the owner test before id -u); the
    // resolved path is encoded (od) only for a path that fails.
    QString body = QStringLiteral("check() {\n"
                                  "f=$1\n"
                                  "if [ -e \"$f\" ]; then f=$(readlink -f -- \"$f\"); fi\n"
                                  "case $f in */*) d=${f%/*}; d=${d:-/};; *) d=.;; esac\n"
                                  "printf '%s' \"$f\"\n"
                                  "[ -d \"$d\" ] || return 3\n"
                                  "{ [ -w \"$d\" ] && [ -x \"$d\" ]; } || return 4\n"
                                  "if [ -e \"$f\" ]; then\n"
                                  "  [ -f \"$f\" ] || return 7\n"
                                  "  [ -w \"$f\" ] || return 5\n"
                                  "  [ -O \"$f\" ] || [ \"$(id -u)\" = 0 ] || return 6\n"
                                  "fi\n"
                                  "return 0\n"
                                  "}\n"
                                  "for p in");
    for (const QString& path : paths)
        body += QLatin1Char(' ') + Shell::quote(path);
    body += QStringLiteral(
        "; do\n"
        "r=$(check \"$p\"); c=$?\n"
        "if [ \"$c\" = 0 ]; then echo 0; continue; fi\n"
        "printf '%s %s\\n' \"$c\" \"$(printf '%s' \"$r\" | od -An -v -tx1 | tr -d ' \\n')\"\n"
        "done\n");
    auto r = script(StepId::CheckConfig, body, {}, m_fileTimeoutMs);
    if (!r)
        return std::unexpected(r.error());
    const QList<QByteArray> lines = r->out.split('\n');
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const QList<QByteArray> f = lines.value(i).trimmed().split(' ');
        bool ok = false;
        const int code = f.value(0).toInt(&ok);
        if (ok && code == 0)
            continue;
        const QString resolved = QString::fromUtf8(QByteArray::fromHex(f.value(1)));
        return std::unexpected(writableProblem(
            paths.at(i), resolved.isEmpty() ? paths.at(i) : resolved, ok ? code : -1, trimmedText(r->err)));
    }
    return {};
}

StepError SshShell::writableProblem(
    const QString& path, const QString& file, int code, const QString& said) const
{
    const QString named = file == path ? path : SshShell::tr("%1 (the target of %2)").arg(file, path);
    const QString user = m_endpoint.sudo ? QStringLiteral("root") : m_endpoint.user;
    const QString folder = file.section(QLatin1Char('/'), 0, -2);
    switch (code) {
    case 3:
        return failure(StepId::CheckConfig,
            SshShell::tr("the folder of %1 does not exist on %2").arg(named, describe()));
    case 4:
        return failure(StepId::CheckConfig,
            SshShell::tr("%1 cannot be replaced on %2: the folder %3 is not writable by %4")
                .arg(named, describe(), folder, user));
    case 5:
        return failure(
            StepId::CheckConfig, SshShell::tr("%1 is not writable by %2 on %3").arg(named, user, describe()));
    case 6:
        return failure(StepId::CheckConfig,
            SshShell::tr("%1 on %2 belongs to another user; %3 could write it but not keep its "
                         "owner. Use \"sudo\": true or log in as its owner.")
                .arg(named, describe(), user));
    case 7:
        return failure(
            StepId::CheckConfig, SshShell::tr("%1 on %2 is not a regular file").arg(named, describe()));
    default:
        return failure(StepId::CheckConfig,
            SshShell::tr("cannot check whether %1 is writable on %2: %3").arg(named, describe(), said));
    }
}

Result<void> SshShell::writeFileAtomic(const QString& path, const QByteArray& content)
{
    // the content travels on stdin, never on a command line
    const QString body = replaceFunctions(QStringLiteral("cat > \"$t\""))
        + QStringLiteral("wr %1 %2 any -\n").arg(Shell::quote(path), QString::number(content.size()));
    auto r = script(StepId::WriteFile, body, content, m_fileTimeoutMs);
    if (!r)
        return std::unexpected(r.error());
    if (r->exitCode != 0)
        return std::unexpected(failure(StepId::WriteFile,
            SshShell::tr("cannot write %1 on %2 (left unchanged): %3")
                .arg(path, describe(), trimmedText(r->err))));
    return {};
}

Result<void> SshShell::copyFile(const QString& path, const QString& backupPath)
{
    auto r = script(StepId::Backup,
        QStringLiteral("exec cp -p -- %1 %2").arg(Shell::quote(path), Shell::quote(backupPath)), {},
        m_fileTimeoutMs);
    if (!r)
        return std::unexpected(r.error());
    if (r->exitCode != 0)
        return std::unexpected(failure(StepId::Backup,
            SshShell::tr("cannot copy %1 to %2 on %3: %4")
                .arg(path, backupPath, describe(), trimmedText(r->err))));
    return {};
}

Result<void> SshShell::copyThenWrite(const QList<QPair<QString, QString>>& copies,
    const QList<FileReplacement>& writes, int& copied, int& written)
{
    std::optional<Result<CommandResult>> none;
    return copyWriteRun(copies, writes, copied, written, {}, 0, none);
}

Result<void> SshShell::copyThenWriteThenRun(const QList<QPair<QString, QString>>& copies,
    const QList<FileReplacement>& writes, int& copied, int& written, const QString& command, int timeoutMs,
    std::optional<Result<CommandResult>>& ran)
{
    return copyWriteRun(copies, writes, copied, written, command, timeoutMs, ran);
}

Result<void> SshShell::copyWriteRun(const QList<QPair<QString, QString>>& copies,
    const QList<FileReplacement>& writes, int& copied, int& written, const QString& then, int thenTimeoutMs,
    std::optional<Result<CommandResult>>& ran)
{
    // One remote call: "K" per file found as it was read, then "C" per copy made, "W" per file written. The
    // contents travel one after the other on stdin (never on a command line), each read with dd to its
    // exact size; each write checks again, right before its rename, that its file is still as read. Then,
    // with @p then, a line "R" and that command's output; its exit status is the call's.
    copied = written = 0;
    ran.reset();
    // each content read to its exact size in one block (never past it: the next file's bytes follow)
    QString body = replaceFunctions(QStringLiteral(
        "{ [ \"$2\" -eq 0 ] || dd bs=\"$2\" count=1 iflag=fullblock of=\"$t\" 2>/dev/null; }"));
    QByteArray input;
    for (const FileReplacement& w : writes)
        body += QStringLiteral("same %1 %2 || { [ $? -eq 1 ] && exit 23; exit 1; }\necho K\n")
                    .arg(Shell::quote(w.path), expectation(w));
    for (const auto& c : copies)
        body += QStringLiteral("cp -p -- %1 %2 || exit 21\necho C\n")
                    .arg(Shell::quote(c.first), Shell::quote(c.second));
    for (const FileReplacement& w : writes) {
        body += QStringLiteral("wr %1 %2 %3 || exit $?\necho W\n")
                    .arg(Shell::quote(w.path), QString::number(w.content.size()), expectation(w));
        input += w.content;
    }
    if (!then.isEmpty())
        body += QStringLiteral("echo R\n( %1\n) </dev/null\n").arg(then);
    auto r = script(StepId::WriteFile, body, input, m_fileTimeoutMs + thenTimeoutMs);
    if (!r)
        return std::unexpected(r.error());
    // the marks are lines K, C, W only: the first line R ends them, the command's output follows
    QByteArray marks = r->out;
    qsizetype thenAt = -1;
    if (!then.isEmpty()) {
        const qsizetype at = r->out.startsWith("R\n") ? 0 : r->out.indexOf("\nR\n");
        if (at >= 0) {
            marks = r->out.left(at);
            thenAt = at == 0 ? 2 : at + 3;
        }
    }
    const int checked = int(marks.count('K'));
    copied = int(marks.count('C'));
    written = int(marks.count('W'));
    const bool allDone = checked == writes.size() && copied == copies.size() && written == writes.size();
    if (thenAt >= 0 && allDone) {
        ran = CommandResult { r->exitCode, r->out.mid(thenAt), r->err, r->signal };
        return {};
    }
    if (allDone && !then.isEmpty()) { // written, but the line R never came: the command did not run
        ran = std::unexpected(failure(StepId::RunCommand,
            SshShell::tr("the files were written on %1, but what was to follow did not run: %2")
                .arg(describe(), trimmedText(r->err))));
        return {};
    }
    if (r->exitCode == 0 && allDone)
        return {};
    if (r->exitCode == 23) {
        const bool before = checked < writes.size();
        const FileReplacement& w = writes.at(before ? checked : written);
        StepError e = failure(StepId::WriteFile,
            (w.expect == FileReplacement::Expect::Absent
                    ? SshShell::tr("%1 on %2 did not exist when the option files were read, but it does now "
                                   "(someone made it meanwhile): it was left as it is")
                    : SshShell::tr("%1 on %2 changed since it was read (someone edited it meanwhile): it was "
                                   "left as it is"))
                    .arg(w.path, describe())
                + (before ? SshShell::tr(", and nothing was written") : QString()));
        e.code = FileReplacement::ChangedSinceRead;
        return std::unexpected(e);
    }
    if (checked < writes.size())
        return std::unexpected(failure(StepId::WriteFile,
            SshShell::tr("cannot check %1 on %2 (nothing was written): %3")
                .arg(writes.at(checked).path, describe(), trimmedText(r->err))));
    if (copied < copies.size()) {
        const auto& c = copies.at(copied);
        return std::unexpected(failure(StepId::Backup,
            SshShell::tr("cannot copy %1 to %2 on %3: %4")
                .arg(c.first, c.second, describe(), trimmedText(r->err))));
    }
    const QString path = writes.value(written).path;
    return std::unexpected(failure(StepId::WriteFile,
        SshShell::tr("cannot write %1 on %2 (left unchanged): %3")
            .arg(path, describe(), trimmedText(r->err))));
}

Result<void> SshShell::removeFile(const QString& path)
{
    auto r = script(
        StepId::RemoveFile, QStringLiteral("exec rm -f -- %1").arg(Shell::quote(path)), {}, m_fileTimeoutMs);
    if (!r)
        return std::unexpected(r.error());
    if (r->exitCode != 0)
        return std::unexpected(failure(StepId::RemoveFile,
            SshShell::tr("cannot remove %1 on %2: %3").arg(path, describe(), trimmedText(r->err))));
    return {};
}
