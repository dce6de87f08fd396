#include "copy/physicalscript.h"

#include "common/shellquote.h"
#include "copy/copyscript.h"

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

QByteArray PhysicalScript::optionFile(
    const QString& socket, const QString& user, const QString& password, const QString& layout)
{
    return QStringLiteral("[client]\nsocket=%1\nuser=%2\npassword=%3\n[mariadb-backup]\n%4")
        .arg(CopyScript::optionValue(socket), CopyScript::optionValue(user),
            CopyScript::optionValue(password), layout)
        .toUtf8();
}

QString PhysicalScript::chunkName(qint64 n)
{
    return QStringLiteral("chunk.%1").arg(n, 6, 10, QLatin1Char('0'));
}

QString PhysicalScript::backup(const PhysicalScriptParams& p)
{
    // split hands each chunk to chunk.sh ($FILE set): it waits while two chunks are still waiting to be
    // carried, then writes the chunk under a temporary name and renames it, so a chunk seen is complete
    const QString chunk = QStringLiteral(
        "n=0; for f in chunk.[0-9][0-9][0-9][0-9][0-9][0-9]; do [ -e \"$f\" ] && n=$((n+1)); done\n"
        "while [ $n -ge 2 ]; do\n"
        "  sleep 0.02\n"
        "  n=0; for f in chunk.[0-9][0-9][0-9][0-9][0-9][0-9]; do [ -e \"$f\" ] && n=$((n+1)); done\n"
        "done\n"
        "cat > \"$FILE.part\" && mv -- \"$FILE.part\" \"$FILE\"\n");
    return QStringLiteral("d=%1\ncd \"$d\" || exit 90\n"
                          "cat > chunk.sh <<'CHUNK'\n%2CHUNK\n"
                          "mkdir -p tmp\n"
                          "{ %3 --defaults-file=\"$d/backup.cnf\" --backup --stream=xbstream "
                          "--target-dir=\"$d/tmp\" --tmpdir=\"$d/tmp\" 2>\"$d/backup.err\"; "
                          "echo $? > \"$d/backup.rc\"; } |\n"
                          "split -b %4 -d -a 6 --filter='sh ./chunk.sh' - chunk.\n"
                          "echo $? > \"$d/split.rc\"\n"
                          "n=0; for f in chunk.*.part; do [ -e \"$f\" ] && rm -f -- \"$f\"; done\n"
                          "echo done > \"$d/finished\"\n"
                          "exit 0\n")
        .arg(Shell::quote(p.sourceDir), chunk, Shell::quote(p.backupTool))
        .arg(p.chunkBytes);
}

QString PhysicalScript::receive(const PhysicalScriptParams& p)
{
    // printed apart: QString::arg() would read the format's "%06" as a place marker
    const QString name = QStringLiteral("    f=$(printf 'chunk.%06d' $i)\n");
    return QStringLiteral("d=%1\ncd \"$d\" || exit 90\n"
                          "mkdir -m 700 data || exit 91\n"
                          "{ i=0\n"
                          "  while :; do\n"
                          "%5"
                          "    while [ ! -e \"$f\" ]; do\n"
                          "      if [ -e end ]; then read -r n < end; [ $i -ge \"$n\" ] && exit 0; fi\n"
                          "      sleep 0.02\n"
                          "    done\n"
                          "    cat -- \"$f\" || exit 1\n"
                          "    rm -f -- \"$f\"; i=$((i+1))\n"
                          "  done; } | %2 -x -C \"$d/data\" 2>\"$d/extract.err\"\n"
                          "rc=$?; echo $rc > \"$d/extract.rc\"\n"
                          "if [ $rc -eq 0 ]; then\n"
                          "  %3 --prepare --target-dir=\"$d/data\" --use-memory=%4M 2>\"$d/prepare.err\"\n"
                          "  echo $? > \"$d/prepare.rc\"\n"
                          "fi\n"
                          "echo done > \"$d/finished\"\n"
                          "exit 0\n")
        .arg(Shell::quote(p.targetDir), Shell::quote(p.streamTool), Shell::quote(p.backupTool))
        .arg(p.prepareMemoryMb)
        .arg(name);
}

QString PhysicalScript::poll(const QString& dir, qint64 next, int waitMs)
{
    const QString name = chunkName(next);
    return QStringLiteral(
        "d=%1; f=\"$d/%2\"\n"
        "i=0\n"
        "while [ ! -e \"$f\" ] && [ ! -e \"$d/finished\" ] && [ $i -lt %3 ]; do sleep 0.02; "
        "i=$((i+1)); done\n"
        "[ -e \"$f\" ] && echo ready=1\n"
        "for k in backup.rc split.rc extract.rc prepare.rc finished; do\n"
        "  read -r v < \"$d/$k\" 2>/dev/null && printf '%s=%s\\n' \"$k\" \"$v\"\n"
        "done\n"
        "exit 0\n")
        .arg(Shell::quote(dir), name)
        .arg(qMax(1, waitMs / 20));
}

QString PhysicalScript::swap(const QString& dataDir, const QString& oldDir, const QString& newDir,
    const QString& pidFile, const QString& restartCommand)
{
    return QStringLiteral("dd=%1; old=%2; new=%3; pf=%4\n"
                          "[ -d \"$new\" ] || { echo \"the copy is not in $new\" >&2; exit 1; }\n"
                          "[ -e \"$old\" ] && { echo \"$old exists already\" >&2; exit 1; }\n")
               .arg(Shell::quote(dataDir), Shell::quote(oldDir), Shell::quote(newDir), Shell::quote(pidFile))
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
