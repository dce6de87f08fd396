#pragma once

// What the copy benchmarks (bench_copy, bench_physicalcopy) share: a sandbox pair with binary logs, a
// test.big table on A of the size asked for, the client without the test helper's time limit, the load.
#include "sandbox/sandbox.h"
#include "support/rowwriter.h"
#include "support/testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTextStream>

#include <functional>
#include <optional>

namespace CopyBench {

/** Stops the sandbox's servers when the benchmark ends, whichever way. */
struct SandboxDown
{
    Sandbox& sb;
    ~SandboxDown() { sb.down(); }
};

inline QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

/** The client on the server @p cnfFile names, without the test helper's 60 s limit: a doubling step can
 *  take minutes. */
inline bool longSql(const QString& cnfFile, const QString& sql)
{
    QProcess p;
    p.start(QStringLiteral("mariadb"),
        { QStringLiteral("--defaults-file=") + cnfFile, QStringLiteral("-N"), QStringLiteral("-B") });
    p.write(sql.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(-1);
    if (p.exitCode() != 0)
        out() << "SQL failed: " << p.readAllStandardError() << Qt::endl;
    return p.exitCode() == 0;
}

inline double mb(qint64 bytes)
{
    return double(bytes) / 1e6;
}

/** The machine's load averages (1, 5, 15 minutes), printed with every figure. */
inline QString load()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).section(QLatin1Char(' '), 0, 2)
                                       : QStringLiteral("?");
}

/** Both servers with a binary log (row format), a 256 MB buffer pool and @p extra(server) lines more,
 *  restarted. */
inline void enableBinlog(Sandbox& sb, const std::function<QString(int)>& extra)
{
    for (int i = 0; i < 2; ++i) {
        QFile f(sb.servers()[i].dir + QStringLiteral("/conf.d/10-binlog.cnf"));
        f.open(QIODevice::WriteOnly);
        f.write((QStringLiteral("[mysqld]\nlog-bin = mysql-bin\nserver-id = %1\nbinlog_format = ROW\n"
                                "innodb_buffer_pool_size = 256M\ninnodb_flush_log_at_trx_commit = 2\n")
                     .arg(i + 1)
            + extra(i))
                    .toUtf8());
        f.close();
        sb.stop(i);
        sb.start(i);
    }
}

inline QString adminPassword(const Sandbox& sb)
{
    QFile pwf(sb.adminPasswordFile());
    pwf.open(QIODevice::ReadOnly);
    return QString::fromUtf8(pwf.readAll()).trimmed();
}

/** test.big on A as it was made. */
struct BigTable
{
    qint64 rows = 0;
    qint64 bytes = 0; ///< data + indexes of the schema test
    qint64 elapsedMs = 0;
};

/** Makes the writer's test.orders and test.big on A (~250 bytes a row, doubled until the data reaches
 *  @p megabytes), through the client file @p cnfA; nothing when a doubling step fails. */
inline std::optional<BigTable> makeBigTable(Sandbox& sb, const QString& cnfA, int megabytes)
{
    QElapsedTimer gen;
    gen.start();
    sandboxSql(sb, 0,
        RowWriter::createTableSql(QStringLiteral("test.orders"))
            + QStringLiteral(
                ";CREATE TABLE test.big (id BIGINT PRIMARY KEY, n INT, pad CHAR(230)) ENGINE=InnoDB;"
                "INSERT INTO test.big VALUES (1, 1, REPEAT('b', 230));"));
    BigTable big;
    big.rows = 1;
    while (big.rows * 250 < qint64(megabytes) * 1000 * 1000) {
        if (!longSql(cnfA,
                QStringLiteral("INSERT INTO test.big SELECT id + %1, n, pad FROM test.big;").arg(big.rows)))
            return std::nullopt;
        big.rows *= 2;
    }
    big.bytes = sandboxSql(sb, 0,
        QStringLiteral("ANALYZE TABLE test.big; SELECT SUM(DATA_LENGTH + INDEX_LENGTH) FROM "
                       "information_schema.TABLES WHERE TABLE_SCHEMA='test'"))
                    .section(QLatin1Char('\n'), -1)
                    .toLongLong();
    big.elapsedMs = gen.elapsed();
    return big;
}

} // namespace CopyBench
