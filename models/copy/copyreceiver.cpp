#include "copy/copyreceiver.h"

#include "common/shellquote.h"
#include "common/sqlquote.h"
#include "common/stepid.h"
#include "host/remotejob.h"
#include "sql/replicastatus.h"

namespace {
Result<void> connected(ServerContext& ctx)
{
    if (ctx.sql && ctx.sql->isOpen())
        return {};
    return ctx.connect();
}

QString inList(const Dialect& d, const QStringList& dbs)
{
    QStringList quoted;
    for (const QString& db : dbs)
        quoted << d.literal(db);
    return quoted.isEmpty() ? QStringLiteral("''") : quoted.join(QLatin1Char(','));
}
} // namespace

CopyReceiver::CopyReceiver(ServerWorker* worker, QString name)
    : m_worker(worker)
    , m_name(std::move(name))
{ }

Result<QString> CopyReceiver::makeWorkDir()
{
    return on([name = m_name](ServerContext& ctx) -> Result<QString> {
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        return RemoteJob::makeWorkDir(**shell, name, StepId::Copy, QStringLiteral("copy"));
    });
}

Result<void> CopyReceiver::removeWorkDir(const QString& dir)
{
    return on([dir, name = m_name](ServerContext& ctx) -> Result<void> {
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        return RemoteJob::removeWorkDir(**shell, name, StepId::Copy, dir);
    });
}

Result<void> CopyReceiver::writePrivateFile(const QString& path, const QByteArray& content)
{
    return on([path, content, name = m_name](ServerContext& ctx) -> Result<void> {
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        return RemoteJob::writePrivateFile(**shell, name, StepId::Copy, path, content);
    });
}

Result<void> CopyReceiver::checkLogin(const QString& clientTool, const QString& cnf)
{
    return on([clientTool, cnf, name = m_name](ServerContext& ctx) -> Result<void> {
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        auto r = (*shell)->run(QStringLiteral("%1 --defaults-file=%2 --batch -N -e 'SELECT 1'")
                                   .arg(Shell::quote(clientTool), Shell::quote(cnf)),
            30000);
        if (!r)
            return std::unexpected(r.error());
        if (r->exitCode != 0 || r->out.trimmed() != "1")
            return stepFailure(name, StepId::Copy,
                CopyReceiver::tr(
                    "the admin account cannot log in to %1 from %1's own host, where the copy is "
                    "loaded: %2")
                    .arg(name, QString::fromUtf8(r->err).trimmed()));
        return {};
    });
}

Result<int> CopyReceiver::makeReadOnly()
{
    return on([](ServerContext& ctx) -> Result<int> {
        auto was = ctx.sql->scalar(QStringLiteral("SELECT @@GLOBAL.read_only"));
        if (!was)
            return std::unexpected(was.error());
        if (auto r = ctx.sql->exec(QStringLiteral("SET GLOBAL read_only = 1")); !r)
            return std::unexpected(r.error());
        return was->toInt();
    });
}

Result<void> CopyReceiver::setReadOnly(int value)
{
    return on([value](ServerContext& ctx) -> Result<void> {
        if (auto c = connected(ctx); !c)
            return c;
        return ctx.sql->exec(QStringLiteral("SET GLOBAL read_only = %1").arg(value));
    });
}

Result<QString> CopyReceiver::makeSaveDir(const QString& folder)
{
    return on([folder, name = m_name](ServerContext& ctx) -> Result<QString> {
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        auto r = (*shell)->run(
            QStringLiteral("mkdir -p -m 700 -- %1 && [ -w %1 ]").arg(Shell::quote(folder)), 15000);
        if (!r)
            return std::unexpected(r.error());
        if (r->exitCode != 0)
            return stepFailure(name, StepId::Copy,
                CopyReceiver::tr("cannot make %1 on %2's host to save the old copy in: %3")
                    .arg(folder, name, QString::fromUtf8(r->err).trimmed()));
        return folder;
    });
}

Result<void> CopyReceiver::expectCoordinates(const QString& sourceHost, int sourcePort)
{
    auto made = on([sourceHost, sourcePort, name = m_name](ServerContext& ctx) -> Result<void> {
        auto status = ReplicaStatus::read(*ctx.sql, ctx.dialect);
        if (!status)
            return std::unexpected(status.error());
        if (status->configured)
            return stepFailure(name, StepId::Copy,
                CopyReceiver::tr("%1 already has replica settings (source %2): a copy would replace data it "
                                 "may be applying; remove them first (STOP SLAVE; RESET SLAVE ALL)")
                    .arg(name, status->sourceHost));
        ChangeSourceParams p;
        p.host = sourceHost;
        p.port = sourcePort;
        p.user = QStringLiteral("replipair_copy");
        p.logPos = 4;
        return ctx.sql->exec(ctx.dialect.changeSource(p, false));
    });
    if (made)
        m_replicaMade = true;
    return made;
}

Result<BinlogCoordinates> CopyReceiver::coordinatesReceived()
{
    return on([](ServerContext& ctx) -> Result<BinlogCoordinates> {
        auto status = ReplicaStatus::read(*ctx.sql, ctx.dialect);
        if (!status)
            return std::unexpected(status.error());
        BinlogCoordinates c;
        c.file = status->relaySourceLogFile;
        c.position = status->execSourceLogPos;
        if (!ctx.dialect.isMariaDb()) {
            // mysqldump sets GTID_PURGED on the receiver when the source has GTIDs on
            auto purged = ctx.sql->scalar(QStringLiteral("SELECT @@GLOBAL.gtid_purged"));
            if (purged)
                c.gtid = purged->toString().simplified().remove(QLatin1Char(' '));
        }
        return c;
    });
}

Result<void> CopyReceiver::forgetReplica()
{
    if (!m_replicaMade)
        return {};
    auto reset = on([](ServerContext& ctx) -> Result<void> {
        if (auto c = connected(ctx); !c)
            return c;
        return ctx.sql->exec(ctx.dialect.resetReplicaAll());
    });
    if (reset)
        m_replicaMade = false;
    return reset;
}

Result<void> CopyReceiver::dropDatabases(const QStringList& databases)
{
    return on([databases](ServerContext& ctx) -> Result<void> {
        if (auto c = connected(ctx); !c)
            return c;
        if (auto r = ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 0")); !r)
            return r;
        for (const QString& db : databases)
            if (auto r
                = ctx.sql->exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(SqlQuote::identifier(db)));
                !r)
                return r;
        return ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 1"));
    });
}

Result<QString> CopyReceiver::clock()
{
    return on([](ServerContext& ctx) -> Result<QString> {
        auto now = ctx.sql->scalar(QStringLiteral("SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s')"));
        if (!now)
            return std::unexpected(now.error());
        return now->toString();
    });
}

Result<CopyReceiver::Loaded> CopyReceiver::loaded(const QStringList& databases, const QString& since)
{
    return on([databases, since](ServerContext& ctx) -> Result<Loaded> {
        if (auto c = connected(ctx); !c)
            return std::unexpected(c.error());
        auto rows = ctx.sql->query(QStringLiteral(
            "SELECT COUNT(*) AS tables, COALESCE(SUM(TABLE_ROWS), 0) AS `rows` FROM "
            "information_schema.TABLES WHERE TABLE_SCHEMA IN (%1) AND TABLE_TYPE = 'BASE TABLE' "
            "AND CREATE_TIME >= %2")
                                       .arg(inList(ctx.dialect, databases), ctx.dialect.literal(since)));
        if (!rows)
            return std::unexpected(rows.error());
        Loaded l;
        if (!rows->isEmpty()) {
            l.tables = rows->first().value(QStringLiteral("tables")).toInt();
            l.rows = rows->first().value(QStringLiteral("rows")).toLongLong();
        }
        return l;
    });
}

QString CopyReceiver::tail(RemoteJob* job, const QString& file)
{
    return on([job, file](ServerContext& ctx) {
        auto shell = ctx.hostShell();
        return shell ? job->tail(**shell, file) : QString();
    });
}
