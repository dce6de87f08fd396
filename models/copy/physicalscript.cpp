#include "copy/physicalscript.h"

#include "common/shellquote.h"
#include "copy/copyscript.h"

#include <QRegularExpression>

namespace {
/** Stops the server whose pid file is $pf: TERM, then waits until it is gone (a zombie with no thread left
 *  counts as gone); 300 s at most. */
QString stopServer()
{
    return QStringLiteral(
        "pid=\n"
        "[ -f \"$pf\" ] && read -r pid < \"$pf\"\n"
        "if [ -n \"$pid\" ] && kill -0 \"$pid\" 2>/dev/null; then\n"
        "  kill \"$pid\" || { echo \"cannot stop the server (pid $pid)\" >&2; exit 1; }\n"
        "  i=0\n"
        "  while kill -0 \"$pid\" 2>/dev/null; do\n"
        "    [ \"$(cut -d' ' -f3 /proc/$pid/stat 2>/dev/null)\" = Z ] && "
        "[ \"$(ls /proc/$pid/task 2>/dev/null | wc -l)\" -le 1 ] && break\n"
        "    i=$((i+1)); [ $i -gt 3000 ] && { echo \"the server (pid $pid) did not stop within 300 s\" >&2; "
        "exit 1; }\n"
        "    sleep 0.1\n"
        "  done\n"
        "fi\n");
}

/** Gives $1 the owner, mode and (where SELinux is on) label of $2. */
QString sameOwner()
{
    return QStringLiteral("same_owner() {\n"
                          "  chown -R --reference=\"$2\" -- \"$1\" || return 1\n"
                          "  chmod --reference=\"$2\" -- \"$1\" || return 1\n"
                          "  if command -v selinuxenabled >/dev/null 2>&1 && selinuxenabled; then\n"
                          "    chcon -R --reference=\"$2\" -- \"$1\" || return 1\n"
                          "  fi\n"
                          "}\n");
}
} // namespace

QByteArray PhysicalScript::optionFile(const QString& socket, const QString& user, const QString& password,
    const QString& layout, const QString& group)
{
    return QStringLiteral("[client]\nsocket=%1\nuser=%2\npassword=%3\n[%5]\n%4")
        .arg(CopyScript::optionValue(socket), CopyScript::optionValue(user),
            CopyScript::optionValue(password), layout, group)
        .toUtf8();
}

QString PhysicalScript::backup(const PhysicalScriptParams& p)
{
    // the braces' output is the FIFO: opened before the backup starts (waiting for streamOut() to open it
    // too), closed when it ends, so that streamOut() reads the end there; a reader gone makes it fail
    return QStringLiteral("d=%1\ncd \"$d\" || exit 90\n"
                          "mkdir -p tmp || exit 91\n"
                          "mkfifo -m 600 %3 || exit 92\n"
                          "{ %2 --defaults-file=\"$d/backup.cnf\" --backup --stream=xbstream "
                          "--target-dir=\"$d/tmp\" --tmpdir=\"$d/tmp\" 2>\"$d/backup.err\"; "
                          "echo $? > \"$d/backup.rc\"; } > \"$d/%3\"\n"
                          "echo done > \"$d/finished\"\n"
                          "exit 0\n")
        .arg(Shell::quote(p.sourceDir), Shell::quote(p.backupTool), fifoName());
}

QString PhysicalScript::receive(const PhysicalScriptParams& p)
{
    // a stream cut short can look complete to the extraction tool: nothing is prepared before RepliPair,
    // having counted the bytes at both ends, writes "end" (else the job waits until it is stopped)
    return QStringLiteral("d=%1\ncd \"$d\" || exit 90\n"
                          "mkdir -m 700 data || exit 91\n"
                          "mkfifo -m 600 %5 || exit 92\n"
                          "%2 -x -C \"$d/data\" < \"$d/%5\" 2>\"$d/extract.err\"\n"
                          "rc=$?; echo $rc > \"$d/extract.rc\"\n"
                          "while [ ! -e \"$d/end\" ]; do sleep 0.05; done\n"
                          "if [ $rc -eq 0 ]; then\n"
                          "  %3 --prepare --target-dir=\"$d/data\" --use-memory=%4M 2>\"$d/prepare.err\"\n"
                          "  echo $? > \"$d/prepare.rc\"\n"
                          "fi\n"
                          "echo done > \"$d/finished\"\n"
                          "exit 0\n")
        .arg(Shell::quote(p.targetDir), Shell::quote(p.streamTool), Shell::quote(p.backupTool))
        .arg(p.prepareMemoryMb)
        .arg(fifoName());
}

namespace {
/** Waits (60 s at most) until the job in $d has made its FIFO; exit 3 when it ended without one. */
QString awaitFifo(const QString& dir)
{
    return QStringLiteral(
        "d=%1; f=\"$d/%2\"; i=0\n"
        "while [ ! -p \"$f\" ]; do\n"
        "  [ -e \"$d/finished\" ] || [ ! -d \"$d\" ] && { echo \"the job in $d ended\" >&2; "
        "exit 3; }\n"
        "  i=$((i+1)); [ $i -gt 3000 ] && { echo \"no $f after 60 s\" >&2; exit 3; }\n"
        "  sleep 0.02\n"
        "done\n"
        "export LC_ALL=C\n")
        .arg(Shell::quote(dir), PhysicalScript::fifoName());
}
} // namespace

QString PhysicalScript::streamOut(const QString& sourceDir)
{
    return awaitFifo(sourceDir) + QStringLiteral("exec dd if=\"$f\" bs=1M\n");
}

QString PhysicalScript::streamIn(const QString& targetDir)
{
    return awaitFifo(targetDir) + QStringLiteral("exec dd of=\"$f\" bs=1M conv=notrunc\n");
}

qint64 PhysicalScript::ddBytes(const QByteArray& err)
{
    // "12345 bytes (12 kB, 12 KiB) copied, …" (GNU and busybox alike, in the C locale)
    static const QRegularExpression bytes(QStringLiteral("(?:^|\\n)(\\d+) bytes"));
    const auto m = bytes.match(QString::fromUtf8(err));
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

QString PhysicalScript::poll(const QString& dir, int waitMs)
{
    return QStringLiteral("d=%1\n"
                          "i=0\n"
                          "while [ ! -e \"$d/finished\" ] && [ $i -lt %2 ]; do sleep 0.02; i=$((i+1)); done\n"
                          "for k in backup.rc extract.rc prepare.rc finished; do\n"
                          "  read -r v < \"$d/$k\" 2>/dev/null && printf '%s=%s\\n' \"$k\" \"$v\"\n"
                          "done\n"
                          "exit 0\n")
        .arg(Shell::quote(dir))
        .arg(qMax(0, waitMs / 20));
}

QString PhysicalScript::swap(const QString& dataDir, const QString& oldDir, const QString& newDir,
    const QString& pidFile, const QString& restartCommand)
{
    return QStringLiteral("dd=%1; old=%2; new=%3; pf=%4\n"
                          "[ -d \"$new\" ] || { echo \"the copy is not in $new\" >&2; exit 1; }\n"
                          "[ -e \"$old\" ] && { echo \"$old exists already\" >&2; exit 1; }\n")
               .arg(Shell::quote(dataDir), Shell::quote(oldDir), Shell::quote(newDir), Shell::quote(pidFile))
        // MySQL: the receiver keeps its own server_uuid (auto.cnf), not the source's that came with the copy
        + QStringLiteral(
            "if [ -f \"$dd/auto.cnf\" ]; then cp -p -- \"$dd/auto.cnf\" \"$new/auto.cnf\" || exit 1; fi\n")
        + sameOwner() + QStringLiteral("same_owner \"$new\" \"$dd\" || exit 1\n") + stopServer()
        + QStringLiteral("mv -T -- \"$dd\" \"$old\" || exit 1\n"
                         "mv -T -- \"$new\" \"$dd\" || { mv -T -- \"$old\" \"$dd\"; exit 1; }\n"
                         "%1\n")
              .arg(restartCommand);
}

QString PhysicalScript::swapBack(const QString& dataDir, const QString& oldDir, const QString& parkDir,
    const QString& pidFile, const QString& restartCommand)
{
    return QStringLiteral("dd=%1; old=%2; park=%3; pf=%4\n"
                          "[ -d \"$old\" ] || { echo unchanged; exit 0; }\n")
               .arg(Shell::quote(dataDir), Shell::quote(oldDir), Shell::quote(parkDir), Shell::quote(pidFile))
        + stopServer()
        + QStringLiteral("if [ -e \"$dd\" ]; then\n"
                         "  mkdir -p -- \"$park\" && mv -T -- \"$dd\" \"$park/copied-data\" || exit 1\n"
                         "fi\n"
                         "mv -T -- \"$old\" \"$dd\" || exit 1\n"
                         "%1\n")
              .arg(restartCommand);
}
