#include "copy/copycheck.h"

#include "common/shellquote.h"
#include "common/sqlquote.h"
#include "common/stepid.h"
#include "host/serverworker.h"

#include <QLocale>

namespace {
using Sev = Finding::Severity;

QString size(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

struct SourceFacts
{
    QStringList databases;
    QStringList missing;
    qint64 bytes = 0, dataBytes = 0, rows = 0;
    int tables = 0;
};

/** InnoDB's statistics lag behind a table loaded moments ago (a 2.4 MB table shown as 48 kB), and the
 *  size and free-space checks stand on them: recount them first, from a few sampled pages, written to no
 *  binary log (nothing of it reaches a replica). A refused ANALYZE only leaves the old figures. */
Result<void> analyze(SqlSession& sql, const Dialect& d, const QStringList& databases)
{
    auto innodb = sql.query(QStringLiteral("SELECT TABLE_SCHEMA AS db, TABLE_NAME AS name FROM "
                                           "information_schema.TABLES WHERE TABLE_SCHEMA IN (%1) AND "
                                           "TABLE_TYPE = 'BASE TABLE' AND ENGINE = 'InnoDB'")
                                .arg(d.literalList(databases)));
    if (!innodb)
        return std::unexpected(innodb.error());
    QStringList names;
    for (qsizetype i = 0; i < innodb->size(); ++i) {
        const SqlRow& r = innodb->at(i);
        names << SqlQuote::identifier(r.value(QStringLiteral("db")).toString()) + QLatin1Char('.')
                + SqlQuote::identifier(r.value(QStringLiteral("name")).toString());
        if (names.size() == 100 || i + 1 == innodb->size()) {
            (void)sql.query(
                QStringLiteral("ANALYZE NO_WRITE_TO_BINLOG TABLE %1").arg(names.join(QStringLiteral(", "))));
            names.clear();
        }
    }
    return {};
}

Result<SourceFacts> readSource(ServerContext& ctx, const PairProfile& profile)
{
    if (!ctx.sql || !ctx.sql->isOpen())
        if (auto c = ctx.connect(); !c)
            return std::unexpected(c.error());
    SqlSession& sql = *ctx.sql;
    sql.setStep(StepId::Copy);
    auto listed = CopyCheck::sourceDatabases(ctx, profile);
    if (!listed)
        return std::unexpected(listed.error());
    SourceFacts f;
    f.databases = listed->first;
    f.missing = listed->second;
    if (auto a = analyze(sql, ctx.dialect, f.databases); !a)
        return std::unexpected(a.error());
    auto sizes = sql.query(QStringLiteral(
        "SELECT COUNT(*) AS tables, COALESCE(SUM(DATA_LENGTH + INDEX_LENGTH), 0) "
        "AS bytes, COALESCE(SUM(DATA_LENGTH), 0) AS data, COALESCE(SUM(TABLE_ROWS), 0) AS `rows` FROM "
        "information_schema.TABLES WHERE TABLE_SCHEMA IN (%1) AND TABLE_TYPE = "
        "'BASE TABLE'")
                               .arg(ctx.dialect.literalList(f.databases)));
    if (!sizes)
        return std::unexpected(sizes.error());
    if (!sizes->isEmpty()) {
        f.tables = sizes->first().value(QStringLiteral("tables")).toInt();
        f.bytes = sizes->first().value(QStringLiteral("bytes")).toLongLong();
        f.dataBytes = sizes->first().value(QStringLiteral("data")).toLongLong();
        f.rows = sizes->first().value(QStringLiteral("rows")).toLongLong();
    }
    return f;
}

Result<void> readTarget(ServerContext& ctx, CopyCheck& c)
{
    if (!ctx.sql || !ctx.sql->isOpen())
        if (auto c2 = ctx.connect(); !c2)
            return c2;
    SqlSession& sql = *ctx.sql;
    sql.setStep(StepId::Copy);
    auto dbs = sql.query(QStringLiteral("SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE "
                                        "SCHEMA_NAME IN (%1) ORDER BY SCHEMA_NAME")
                             .arg(ctx.dialect.literalList(c.databases)));
    if (!dbs)
        return std::unexpected(dbs.error());
    for (const SqlRow& r : *dbs)
        c.existingOnTarget << r.value(QStringLiteral("name")).toString();
    if (auto a = analyze(sql, ctx.dialect, c.databases); !a)
        return std::unexpected(a.error());
    auto tables
        = sql.query(QStringLiteral("SELECT TABLE_SCHEMA AS db, TABLE_NAME AS name, "
                                   "COALESCE(DATA_LENGTH + INDEX_LENGTH, 0) AS bytes FROM "
                                   "information_schema.TABLES WHERE TABLE_SCHEMA IN (%1) ORDER BY 1, 2")
                        .arg(ctx.dialect.literalList(c.databases)));
    if (!tables)
        return std::unexpected(tables.error());
    for (const SqlRow& r : *tables) {
        c.targetTables << r.value(QStringLiteral("db")).toString() + QLatin1Char('.')
                + r.value(QStringLiteral("name")).toString();
        c.targetBytes += r.value(QStringLiteral("bytes")).toLongLong();
    }
    auto vars = sql.query(QStringLiteral("SELECT @@GLOBAL.datadir AS datadir, @@GLOBAL.read_only AS ro"));
    if (!vars)
        return std::unexpected(vars.error());
    c.targetDatadir = vars->value(0).value(QStringLiteral("datadir")).toString();
    c.targetReadOnly = vars->value(0).value(QStringLiteral("ro")).toInt() != 0;

    auto shell = ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    // the tools; the free space of the data folder and of the folder the old copy would be saved in
    // (the first of them that exists, and whether it is on the data folder's filesystem)
    const QString beside = CopyCheck::saveFolderBeside(c.targetDatadir);
    auto tools = (*shell)->run(
        QStringLiteral("for t in mariadb-dump mysqldump mariadb mysql setsid; do "
                       "command -v $t >/dev/null 2>&1 && echo $t; done\n"
                       "df -Pk -- %1 2>/dev/null | awk 'NR==2 {print \"free=\" $4}'\n"
                       "stat -c 'dev=%d' -- %1 2>/dev/null\n"
                       "p=%2; u=$p; while [ ! -e \"$u\" ]; do u=$(dirname -- \"$u\"); done\n"
                       "[ -d \"$u\" ] && [ -w \"$u\" ] || { p=\"$HOME/replipair-saved\"; u=$p; "
                       "while [ ! -e \"$u\" ]; do u=$(dirname -- \"$u\"); done; }\n"
                       "printf 'save=%s\\n' \"$p\"\n"
                       "df -Pk -- \"$u\" 2>/dev/null | awk 'NR==2 {print \"savefree=\" $4}'\n"
                       "stat -c 'savedev=%d' -- \"$u\" 2>/dev/null\n")
            .arg(Shell::quote(c.targetDatadir), Shell::quote(beside)),
        15000);
    if (!tools)
        return std::unexpected(tools.error());
    const QStringList lines = QString::fromUtf8(tools->out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    auto has = [&](const QString& t) { return lines.contains(t); };
    if (!has(QStringLiteral("setsid")))
        c.dumpTool.clear();
    else if (ctx.dialect.isMariaDb() || !has(QStringLiteral("mysqldump")))
        c.dumpTool = has(QStringLiteral("mariadb-dump")) ? QStringLiteral("mariadb-dump")
            : has(QStringLiteral("mysqldump"))           ? QStringLiteral("mysqldump")
                                                         : QString();
    else
        c.dumpTool = QStringLiteral("mysqldump");
    if (!c.dumpTool.isEmpty()) {
        auto help = (*shell)->run(DumpTool::helpCommand(Shell::quote(c.dumpTool)), 15000);
        if (!help)
            return std::unexpected(help.error());
        c.dumpOptions = DumpTool::fromHelp(c.dumpTool, QString::fromUtf8(help->out));
    }
    c.clientTool
        = has(QStringLiteral("mariadb")) && (ctx.dialect.isMariaDb() || !has(QStringLiteral("mysql")))
        ? QStringLiteral("mariadb")
        : has(QStringLiteral("mysql")) ? QStringLiteral("mysql")
                                       : QString();
    QString dev, saveDev;
    for (const QString& l : lines) {
        const QString key = l.section(QLatin1Char('='), 0, 0), value = l.section(QLatin1Char('='), 1);
        if (key == QLatin1String("free"))
            c.targetFreeBytes = value.toLongLong() * 1024;
        else if (key == QLatin1String("savefree"))
            c.saveFreeBytes = value.toLongLong() * 1024;
        else if (key == QLatin1String("save"))
            c.saveDir = value;
        else if (key == QLatin1String("dev"))
            dev = value;
        else if (key == QLatin1String("savedev"))
            saveDev = value;
    }
    c.saveOnDataFilesystem = dev.isEmpty() || dev == saveDev;
    return {};
}
/** The copy needs A's data and indexes plus a tenth in B's data folder; a replace also needs room for
 *  the saved old copy (about B's data size) where it is saved: on the same filesystem both count
 *  against one free space. */
void spaceFindings(CopyCheck& c, bool saving, const QString& from, const QString& to)
{
    const qint64 data = c.sourceBytes + c.sourceBytes / 10, saved = saving ? c.targetBytes : 0;
    const bool shared = c.saveOnDataFilesystem;
    const qint64 needed = data + (shared ? saved : 0);
    if (c.targetFreeBytes >= 0 && c.targetFreeBytes < needed)
        c.findings << Finding { Sev::Error, to, QStringLiteral("copy-no-space"),
            CopyCheck::tr(
                "%1's data folder %2 has %3 free; the copy needs about %4 (%5's data and indexes%6)")
                .arg(to, c.targetDatadir, size(c.targetFreeBytes), size(needed), from,
                    saving && shared ? CopyCheck::tr(", plus the saved old copy") : QString()),
            CopyCheck::tr("free space on %1's host first").arg(to) };
    else if (c.targetFreeBytes < 0)
        c.findings << Finding { Sev::Warning, to, QStringLiteral("copy-space-unknown"),
            CopyCheck::tr("could not read the free space of %1 on %2's host").arg(c.targetDatadir, to), {} };
    if (!saving || shared)
        return;
    if (c.saveFreeBytes >= 0 && c.saveFreeBytes < saved)
        c.findings << Finding { Sev::Error, to, QStringLiteral("copy-no-space"),
            CopyCheck::tr("%1 on %2's host, where the old copy is saved before it is replaced, has %3 free; "
                          "the old copy needs about %4")
                .arg(c.saveFolder(), to, size(c.saveFreeBytes), size(saved)),
            CopyCheck::tr("free space in %1 first").arg(c.saveFolder()) };
    else if (c.saveFreeBytes < 0)
        c.findings << Finding { Sev::Warning, to, QStringLiteral("copy-space-unknown"),
            CopyCheck::tr("could not read the free space of %1 on %2's host").arg(c.saveFolder(), to), {} };
}
} // namespace

bool CopyCheck::hasErrors() const
{
    for (const Finding& f : findings)
        if (f.severity == Sev::Error)
            return true;
    return false;
}

QString CopyCheck::saveFolder() const
{
    return saveDir.isEmpty() ? saveFolderBeside(targetDatadir) : saveDir;
}

Result<QPair<QStringList, QStringList>> CopyCheck::sourceDatabases(
    ServerContext& ctx, const PairProfile& profile)
{
    if (!ctx.sql || !ctx.sql->isOpen())
        if (auto c = ctx.connect(); !c)
            return std::unexpected(c.error());
    auto all = ctx.sql->query(QStringLiteral(
        "SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN (%1)")
                                  .arg(ctx.dialect.literalList(Dialect::systemSchemas())));
    if (!all)
        return std::unexpected(all.error());
    QStringList present;
    for (const SqlRow& r : *all)
        present << r.value(QStringLiteral("name")).toString();
    QStringList databases, missing;
    if (profile.databases.isEmpty()) {
        for (const QString& db : present)
            if (!profile.ignoreDatabases.contains(db))
                databases << db;
    } else {
        for (const QString& db : profile.databases)
            (present.contains(db) ? databases : missing) << db;
    }
    databases.sort();
    return qMakePair(databases, missing);
}

QString CopyCheck::saveFolderBeside(const QString& datadir)
{
    QString d = datadir;
    while (d.endsWith(QLatin1Char('/')) && d.size() > 1)
        d.chop(1);
    return d.section(QLatin1Char('/'), 0, -2) + QStringLiteral("/replipair-saved");
}

Result<CopyCheck> CopyCheck::gather(
    const PairProfile& profile, int source, ServerWorker* const (&workers)[2], bool replace)
{
    CopyCheck c;
    c.source = source;
    c.replace = replace;
    const int target = 1 - source;
    const QString from = profile.servers[source].name, to = profile.servers[target].name;
    auto facts = workers[source]->run([profile](ServerContext& ctx) { return readSource(ctx, profile); });
    if (!facts)
        return std::unexpected(facts.error());
    c.databases = facts->databases;
    c.sourceBytes = facts->bytes;
    c.sourceDataBytes = facts->dataBytes;
    c.sourceTables = facts->tables;
    c.sourceRows = facts->rows;
    auto read = workers[target]->run([c](ServerContext& ctx) mutable -> Result<CopyCheck> {
        if (auto r = readTarget(ctx, c); !r)
            return std::unexpected(r.error());
        return c;
    });
    if (!read)
        return std::unexpected(read.error());
    c = *read;

    for (const QString& db : facts->missing)
        c.findings << Finding { Sev::Error, from, QStringLiteral("copy-source-missing"),
            CopyCheck::tr("database %1 is to be copied from %2, which does not have it").arg(db, from),
            CopyCheck::tr("create it on %1 or remove it from the profile's databases").arg(from) };
    if (c.databases.isEmpty())
        c.findings << Finding { Sev::Error, from, QStringLiteral("copy-nothing"),
            CopyCheck::tr("%1 has none of the replicated databases: nothing to copy").arg(from), {} };
    if (!c.targetTables.isEmpty()) {
        const QString shown = c.targetTables.mid(0, 8).join(QStringLiteral(", "))
            + (c.targetTables.size() > 8
                    ? CopyCheck::tr(" and %n more", nullptr, int(c.targetTables.size() - 8))
                    : QString());
        if (replace)
            c.findings << Finding { Sev::Warning, to, QStringLiteral("copy-replaces-target"),
                CopyCheck::tr("%1 already holds %2 (%3): they will be replaced by %4's copy")
                    .arg(to, shown, size(c.targetBytes), from),
                CopyCheck::tr(
                    "the old copy is saved first as a dump in %1 on %2's host, and loaded back if the "
                    "copy fails or is cancelled")
                    .arg(c.saveFolder(), to) };
        else
            c.findings << Finding { Sev::Error, to, QStringLiteral("copy-target-not-empty"),
                CopyCheck::tr("%1 already holds %2: a copy from %3 would replace them").arg(to, shown, from),
                CopyCheck::tr(
                    "confirm replacing them (--replace-target, profile \"replaceTarget\": true); their "
                    "old copy is saved as a dump first") };
    }
    if (c.dumpTool.isEmpty() || c.clientTool.isEmpty())
        c.findings << Finding { Sev::Error, to, QStringLiteral("copy-no-tools"),
            CopyCheck::tr("%1's host lacks mariadb-dump/mysqldump, the mariadb/mysql client or setsid")
                .arg(to),
            CopyCheck::tr("install the database client package on %1's host").arg(to) };
    if (!c.dumpTool.isEmpty() && !c.dumpOptions.knowsCoordinates())
        c.findings << Finding { Sev::Error, to, QStringLiteral("copy-dump-tool-options"),
            CopyCheck::tr("%1 on %2's host knows neither --source-data nor --master-data: the copy could not "
                          "carry its binary log coordinates")
                .arg(c.dumpTool, to),
            CopyCheck::tr("install the client package of %1's server version on %2's host").arg(from, to) };
    const Dialect sourceDialect = workers[source]->run([](ServerContext& ctx) { return ctx.dialect; });
    const Dialect targetDialect = workers[target]->run([](ServerContext& ctx) { return ctx.dialect; });
    // the dump's coordinates are executed by the receiver: MySQL 8.4 took CHANGE MASTER away, and only a
    // tool with --source-data writes CHANGE REPLICATION SOURCE
    if (!c.dumpTool.isEmpty() && c.dumpOptions.knowsCoordinates() && !targetDialect.isMariaDb()
        && targetDialect.version().atLeast(8, 4, 0) && !c.dumpOptions.sourceData)
        c.findings << Finding { Sev::Error, to, QStringLiteral("copy-dump-tool-too-old"),
            CopyCheck::tr(
                "%1 on %2's host has no --source-data: its dump would carry CHANGE MASTER TO, which "
                "%3 no longer accepts")
                .arg(c.dumpTool, to, targetDialect.version().toString()),
            CopyCheck::tr("install MySQL's own client (mysqldump %1 or later) on %2's host")
                .arg(QStringLiteral("8.0.26"), to) };
    else if (!sourceDialect.isMariaDb() && sourceDialect.version().atLeast(8, 4, 0) && c.dumpOptions.mariaDb)
        c.findings << Finding { Sev::Warning, to, QStringLiteral("copy-dump-tool-flavor"),
            CopyCheck::tr("%1 on %2's host is MariaDB's; %3 runs %4, which no longer answers the "
                          "SHOW MASTER STATUS such a tool may ask for its coordinates")
                .arg(c.dumpTool, to, from, sourceDialect.version().toString()),
            CopyCheck::tr("install MySQL's own client (mysqldump %1 or later) on %2's host")
                .arg(QStringLiteral("8.0.26"), to) };
    spaceFindings(c, replace && !c.existingOnTarget.isEmpty(), from, to);
    c.findings << Finding { Sev::Warning, to, QStringLiteral("copy-read-only"),
        CopyCheck::tr(
            "%1 is read-only (read_only=1) while %2 (%3 in %n table(s)) is copied from %4; %4 keeps "
            "serving reads and writes",
            nullptr, c.sourceTables)
            .arg(to, c.databases.join(QStringLiteral(", ")), size(c.sourceBytes), from),
        CopyCheck::tr("read_only goes back to %1 when the copy ends").arg(c.targetReadOnly ? 1 : 0) };
    return c;
}
