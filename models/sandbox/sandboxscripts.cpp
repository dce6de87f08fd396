#include "sandbox/sandboxscripts.h"

namespace SandboxScripts {

QString start(const QString& name, const QString& quotedDir, const QString& quotedBinary)
{
    return QStringLiteral("#!/bin/sh\n"
                          "# starts sandbox server %1 and waits until it accepts connections\n"
                          "DIR=%2\n"
                          "if [ -f \"$DIR/mysqld.pid\" ] && kill -0 \"$(cat \"$DIR/mysqld.pid\")\" "
                          "2>/dev/null; then exit 0; fi\n"
                          "rm -f \"$DIR/mysqld.pid\"\n"
                          "nohup %3 --defaults-file=\"$DIR/my.cnf\" </dev/null >>\"$DIR/error.log\" 2>&1 &\n"
                          "i=0\n"
                          "while [ $i -lt 600 ]; do\n"
                          "  [ -S \"$DIR/mysqld.sock\" ] && [ -f \"$DIR/mysqld.pid\" ] && exit 0\n"
                          "  kill -0 $! 2>/dev/null || { echo \"server %1 exited during start-up; see "
                          "$DIR/error.log\" >&2; tail -n 20 \"$DIR/error.log\" >&2; exit 1; }\n"
                          "  sleep 0.1; i=$((i+1))\n"
                          "done\n"
                          "echo \"server %1 did not start within 60 s\" >&2; exit 1\n")
        .arg(name, quotedDir, quotedBinary);
}

QString stop(const QString& name, const QString& quotedDir)
{
    return QStringLiteral(
        "#!/bin/sh\n"
        "# stops sandbox server %1 and waits until it is gone\n"
        "DIR=%2\n"
        "[ -f \"$DIR/mysqld.pid\" ] || exit 0\n"
        "PID=$(cat \"$DIR/mysqld.pid\")\n"
        "if ! kill \"$PID\" 2>/dev/null; then\n"
        "  [ -d \"/proc/$PID\" ] && { echo \"cannot stop server %1 (pid $PID): not "
        "permitted\" >&2; exit 1; }\n"
        "  rm -f \"$DIR/mysqld.pid\"; exit 0\n"
        "fi\n"
        "i=0\n"
        "while kill -0 \"$PID\" 2>/dev/null; do\n"
        // a server that has exited but is not reaped yet (a slow init) is gone: a zombie with
        // no thread left (a zombie main thread with others still running is still stopping)
        "  [ \"$(cut -d' ' -f3 /proc/$PID/stat 2>/dev/null)\" = Z ] && "
        "[ \"$(ls /proc/$PID/task 2>/dev/null | wc -l)\" -le 1 ] && break\n"
        "  i=$((i+1)); [ $i -gt 600 ] && kill -9 \"$PID\" 2>/dev/null; sleep 0.1\n"
        "done\n"
        "rm -f \"$DIR/mysqld.pid\"\n")
        .arg(name, quotedDir);
}

QString restart(const QString& name)
{
    return QStringLiteral("#!/bin/sh\n# restarts sandbox server %1\n\"$(dirname \"$0\")/stop.sh\" && exec "
                          "\"$(dirname \"$0\")/start.sh\"\n")
        .arg(name);
}

} // namespace SandboxScripts
