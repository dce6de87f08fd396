#include "support/replicatedsandbox.h"

#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

namespace {
bool run(Sandbox& sb, int index, const QString& sql, QString* error, QString* out = nullptr)
{
    bool ok = false;
    const QString result = sandboxSql(sb, index, sql, &ok);
    if (!ok && error)
        *error = QString("[%1] %2 — while running: %3").arg(sb.servers().at(index).name, result, sql);
    if (out)
        *out = result;
    return ok;
}
} // namespace

QString sandboxReplicaField(Sandbox& sandbox, int index, const QString& column)
{
    // sandboxSql() leaves out column names; the vertical format with names is needed here
    const SandboxServer& server = sandbox.servers().at(index);
    QFile pw(sandbox.adminPasswordFile());
    pw.open(QIODevice::ReadOnly);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("MYSQL_PWD", QString::fromUtf8(pw.readAll()).trimmed());
    p.setProcessEnvironment(env);
    p.start(QStandardPaths::findExecutable("mariadb"),
        { "--no-defaults", "-h127.0.0.1", QString("-P%1").arg(server.port), "-uroot", "-E", "-e",
            "SHOW SLAVE STATUS" });
    p.waitForFinished(30000);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    for (const QString& line : out.split('\n')) {
        const QString t = line.trimmed();
        if (t.startsWith(column + ":"))
            return t.mid(column.size() + 1).trimmed();
    }
    return {};
}

bool waitForSandboxReplication(Sandbox& sandbox, int timeoutMs, QString* error)
{
    const bool running = QTest::qWaitFor(
        [&] {
            bool all = true;
            for (int i = 0; i < 2; ++i)
                all = all && sandboxReplicaField(sandbox, i, "Slave_IO_Running") == "Yes"
                    && sandboxReplicaField(sandbox, i, "Slave_SQL_Running") == "Yes";
            return all;
        },
        timeoutMs);
    if (running)
        return true;
    if (error)
        *error = QString("replication did not start: A io=%1 sql=%2 err=%3; B io=%4 sql=%5 err=%6")
                     .arg(sandboxReplicaField(sandbox, 0, "Slave_IO_Running"),
                         sandboxReplicaField(sandbox, 0, "Slave_SQL_Running"),
                         sandboxReplicaField(sandbox, 0, "Last_Error")
                             + sandboxReplicaField(sandbox, 0, "Last_IO_Error"),
                         sandboxReplicaField(sandbox, 1, "Slave_IO_Running"),
                         sandboxReplicaField(sandbox, 1, "Slave_SQL_Running"),
                         sandboxReplicaField(sandbox, 1, "Last_Error")
                             + sandboxReplicaField(sandbox, 1, "Last_IO_Error"));
    return false;
}

bool startSandboxReplication(Sandbox& sb, QString* error)
{
    for (int i = 0; i < 2; ++i) {
        const SandboxServer& s = sb.servers().at(i);
        QFile cnf(QDir(s.dir).filePath("conf.d/replication-test.cnf"));
        if (!cnf.open(QIODevice::WriteOnly)) {
            *error = "cannot write " + cnf.fileName();
            return false;
        }
        cnf.write(QString("[mysqld]\n"
                          "server-id = %1\n"
                          "log-bin = mysql-bin\n"
                          "relay-log = relay-bin\n"
                          "log-slave-updates = ON\n"
                          "binlog_format = ROW\n"
                          "relay-log-recovery = ON\n")
                      .arg(11 + i)
                      .toUtf8());
        cnf.close();
        if (auto r = sb.stop(i); !r) {
            *error = r.error().toString();
            return false;
        }
        if (auto r = sb.start(i); !r) {
            *error = r.error().toString();
            return false;
        }
    }
    for (int i = 0; i < 2; ++i) {
        if (!run(sb, i,
                "SET sql_log_bin = 0;"
                "CREATE USER IF NOT EXISTS 'repl'@'127.0.0.1' IDENTIFIED BY 'repl-pw';"
                "GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1';",
                error))
            return false;
    }
    for (int i = 0; i < 2; ++i) {
        const int peer = 1 - i;
        QString status;
        if (!run(sb, peer, "SHOW MASTER STATUS", error, &status))
            return false;
        const QStringList f = status.split('\t');
        if (f.size() < 2) {
            *error = "no binary log on the peer: " + status;
            return false;
        }
        const QString sql
            = QString("STOP SLAVE; RESET SLAVE ALL;"
                      "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=%1, MASTER_USER='repl', "
                      "MASTER_PASSWORD='repl-pw', MASTER_LOG_FILE='%2', MASTER_LOG_POS=%3, "
                      "MASTER_CONNECT_RETRY=1; START SLAVE;")
                  .arg(sb.servers().at(peer).port)
                  .arg(f.at(0), f.at(1));
        if (!run(sb, i, sql, error))
            return false;
    }
    return waitForSandboxReplication(sb, 30000, error);
}
