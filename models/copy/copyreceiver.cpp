#include "copy/copyreceiver.h"

#include "operation/intentjournal.h"

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

Result<void> CopyReceiver::checkLogin(
    const QString& clientTool, const QString& cnf, const TlsSettings& tls, const QString& sourceName)
{
    return on([clientTool, cnf, tls, sourceName, name = m_name](ServerContext& ctx) -> Result<void> {
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        // the session's cipher: empty when the client fell back to clear text
        auto r = (*shell)->run(
            QStringLiteral("%1 --defaults-file=%2 --batch -N -e \"SHOW SESSION STATUS LIKE 'Ssl_cipher'\"")
                .arg(Shell::quote(clientTool), Shell::quote(cnf)),
            30000);
        if (!r)
            return std::unexpected(r.error());
        const QString server = sourceName.isEmpty() ? name : sourceName;
        const QString out = QString::fromUtf8(r->out).trimmed();
        if (r->exitCode != 0 || !out.startsWith(QLatin1String("Ssl_cipher"), Qt::CaseInsensitive)) {
            const QString err = QString::fromUtf8(r->err).trimmed();
            if (sourceName.isEmpty())
                return stepFailure(name, StepId::Copy,
                    CopyReceiver::tr("the admin account cannot log in to %1 from %1's own host, where the "
                                     "copy is loaded: %2")
                        .arg(name, err));
            return stepFailure(server, StepId::Copy,
                CopyReceiver::tr("the copy's account cannot log in to %1 from %2's host, where the dump "
                                 "runs: %3")
                    .arg(server, name, err));
        }
        const QString cipher = out.section(QLatin1Char('\t'), 1).trimmed();
        if (tls.isOn() && cipher.isEmpty())
            return stepFailure(server, StepId::Copy,
                CopyReceiver::tr("%1 (%2) answered %3's client tools in clear text although \"tls\" is "
                                 "\"%4\": nothing was copied; RepliPair does not fall back to clear text")
                    .arg(server, clientTool, name, TlsSettings::modeToString(tls.mode)),
                2026);
        return {};
    });
}

Result<int> CopyReceiver::makeReadOnly(int* intent)
{
    return on([intent](ServerContext& ctx) -> Result<int> {
        auto was = ctx.sql->scalar(QStringLiteral("SELECT @@GLOBAL.read_only"));
        if (!was)
            return std::unexpected(was.error());
        // written down before it is changed: a run killed now leaves recover what to put back
        const int id = ctx.intent(
            StepId::Copy, IntentJournal::Action::ReadOnly, { { QStringLiteral("was"), was->toInt() } });
        if (intent)
            *intent = id;
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
        // mkdir -m sets the mode only of a folder it makes: an existing one is set to 0700 too, and must be
        // a real folder (not a link) of this user
        auto r = (*shell)->run(QStringLiteral("f=%1\n"
                                              "mkdir -p -m 700 -- \"$f\" || exit 1\n"
                                              "[ -d \"$f\" ] && [ ! -L \"$f\" ] && [ -O \"$f\" ] || "
                                              "{ echo 'not a folder of this user' >&2; exit 1; }\n"
                                              "chmod 700 -- \"$f\" && [ -w \"$f\" ]\n")
                                   .arg(Shell::quote(folder)),
            15000);
        if (!r)
            return std::unexpected(r.error());
        if (r->exitCode != 0)
            return stepFailure(name, StepId::Copy,
                CopyReceiver::tr("cannot make %1 on %2's host to save the old copy in: %3")
                    .arg(folder, name, QString::fromUtf8(r->err).trimmed()));
        return folder;
    });
}

Result<ReceiverDatabases> CopyReceiver::databases(const QStringList& databases)
{
    return on([databases](ServerContext& ctx) -> Result<ReceiverDatabases> {
        if (auto c = connected(ctx); !c)
            return std::unexpected(c.error());
        const QString in = ctx.dialect.literalList(databases);
        // every object a dump of the database carries: tables and views, routines, events (triggers belong
        // to tables)
        auto rows = ctx.sql->query(QStringLiteral(
            "SELECT s.SCHEMA_NAME AS db, s.DEFAULT_CHARACTER_SET_NAME AS cs, s.DEFAULT_COLLATION_NAME AS co, "
            "(SELECT COUNT(*) FROM information_schema.ROUTINES r WHERE r.ROUTINE_SCHEMA = s.SCHEMA_NAME) + "
            "(SELECT COUNT(*) FROM information_schema.EVENTS e WHERE e.EVENT_SCHEMA = s.SCHEMA_NAME) "
            "AS others FROM information_schema.SCHEMATA s WHERE s.SCHEMA_NAME IN (%1) ORDER BY 1")
                                       .arg(in));
        if (!rows)
            return std::unexpected(rows.error());
        auto tables = ctx.sql->query(QStringLiteral("SELECT TABLE_SCHEMA AS db, TABLE_NAME AS name FROM "
                                                    "information_schema.TABLES WHERE TABLE_SCHEMA IN (%1) "
                                                    "ORDER BY 1, 2")
                                         .arg(in));
        if (!tables)
            return std::unexpected(tables.error());
        ReceiverDatabases out;
        QStringList withTables;
        for (const SqlRow& r : *tables) {
            const QString db = r.value(QStringLiteral("db")).toString();
            out.tables << db + QLatin1Char('.') + r.value(QStringLiteral("name")).toString();
            withTables << db;
        }
        for (const SqlRow& r : *rows) {
            const QString db = r.value(QStringLiteral("db")).toString();
            out.existing << db;
            if (withTables.contains(db) || r.value(QStringLiteral("others")).toLongLong() > 0)
                out.holdingData << db;
            else
                out.emptyDefinitions << QStringLiteral(
                    "CREATE DATABASE IF NOT EXISTS %1 CHARACTER SET %2 COLLATE %3")
                                            .arg(SqlQuote::identifier(db),
                                                r.value(QStringLiteral("cs")).toString(),
                                                r.value(QStringLiteral("co")).toString());
        }
        return out;
    });
}

Result<void> CopyReceiver::createDatabases(const QStringList& definitions)
{
    return on([definitions](ServerContext& ctx) -> Result<void> {
        if (auto c = connected(ctx); !c)
            return c;
        if (auto r = ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 0")); !r)
            return r;
        Result<void> result;
        for (const QString& d : definitions)
            if (result)
                result = ctx.sql->exec(d);
        ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 1"));
        return result;
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
                                 "may be applying; remove them first (%3)")
                    .arg(name, status->sourceHost, ctx.dialect.removeReplicaHint()));
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
                                       .arg(ctx.dialect.literalList(databases), ctx.dialect.literal(since)));
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
