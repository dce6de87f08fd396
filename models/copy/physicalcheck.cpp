#include "copy/physicalcheck.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "copy/backuptool.h"
#include "copy/clonestatements.h"
#include "host/restartdetector.h"
#include "host/serverprocess.h"
#include "host/serverworker.h"

#include <QDir>
#include <QLocale>
#include <QRegularExpression>

namespace {
Finding error(const QString& server, const QString& code, const QString& text, const QString& fix)
{
    return Finding { Finding::Severity::Error, server, code, text, fix };
}

QString absoluteIn(const QString& dir, const QString& path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')))
        return path;
    return QDir::cleanPath(dir + QLatin1Char('/') + path);
}

/** The server's facts and its host's tools, on its worker. */
Result<PhysicalServerFacts> readFacts(ServerContext& ctx, bool target)
{
    if (!ctx.sql || !ctx.sql->isOpen())
        if (auto c = ctx.connect(); !c)
            return std::unexpected(c.error());
    auto rows = ctx.sql->query(QStringLiteral(
        "SELECT @@version AS version, @@datadir AS datadir, @@socket AS socket, @@pid_file AS pid_file, "
        "@@log_error AS log_error, @@port AS port, @@server_id AS server_id, "
        "@@innodb_data_home_dir AS data_home, @@innodb_data_file_path AS data_file_path, "
        "@@innodb_log_group_home_dir AS log_home, @@innodb_undo_directory AS undo_dir, "
        "@@innodb_page_size AS page_size"));
    if (!rows)
        return std::unexpected(rows.error());
    const SqlRow r = rows->value(0);
    PhysicalServerFacts f;
    const auto v = [&r](const char* k) { return r.value(QString::fromLatin1(k)).toString(); };
    f.version = v("version");
    f.dataDir = QDir::cleanPath(v("datadir"));
    f.socket = v("socket");
    f.pidFile = absoluteIn(f.dataDir, v("pid_file"));
    const QString log = v("log_error");
    f.errorLog = log.isEmpty() || log == QLatin1String("stderr") ? QString() : absoluteIn(f.dataDir, log);
    f.port = v("port").toInt();
    f.serverId = v("server_id").toLongLong();
    QStringList layout { QStringLiteral("datadir=%1").arg(f.dataDir) };
    const auto opt = [&](const char* name, const QString& value) {
        if (!value.isEmpty())
            layout << QStringLiteral("%1=%2").arg(QString::fromLatin1(name), value);
    };
    opt("innodb_data_home_dir", absoluteIn(f.dataDir, v("data_home")));
    opt("innodb_data_file_path", v("data_file_path"));
    opt("innodb_log_group_home_dir", absoluteIn(f.dataDir, v("log_home")));
    opt("innodb_undo_directory", absoluteIn(f.dataDir, v("undo_dir")));
    opt("innodb_page_size", v("page_size"));
    f.layout = layout.join(QLatin1Char('\n')) + QLatin1Char('\n');

    auto shell = ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    const BackupTool tool(ServerVersion::parse(f.version));
    QStringList lookups;
    for (const QString& name : tool.backupNames())
        lookups << QStringLiteral("command -v %1").arg(name);
    // the line that names the version: xtrabackup may print the options it read first
    auto tools = (*shell)->run(QStringLiteral("b=$(%1)\n"
                                              "echo \"backup=$b\"\n"
                                              "echo \"stream=$(command -v %2)\"\n"
                                              "[ -n \"$b\" ] && echo \"version=$(\"$b\" --version 2>&1 | "
                                              "grep -m 1 -E 'version|based on' || \"$b\" --version 2>&1 | "
                                              "head -n 1)\"\n"
                                              "exit 0\n")
                                   .arg(lookups.join(QStringLiteral(" || ")), tool.streamName()),
        30000);
    if (!tools)
        return std::unexpected(tools.error());
    for (const QString& line : QString::fromUtf8(tools->out).split(QLatin1Char('\n'))) {
        const QString value = line.section(QLatin1Char('='), 1);
        if (line.startsWith(QLatin1String("backup=")))
            f.backupTool = value;
        else if (line.startsWith(QLatin1String("stream=")))
            f.streamTool = value;
        else if (line.startsWith(QLatin1String("version=")))
            f.toolVersion = BackupTool::versionIn(value);
    }
    // MySQL's clone plugin and the platform CLONE requires the same on both sides (none on MariaDB)
    if (auto clone
        = tool.isXtraBackup() ? ctx.sql->query(CloneStatements::factsQuery()) : Result<QList<SqlRow>>();
        clone && !clone->isEmpty()) {
        const SqlRow row = clone->value(0);
        f.cloneActive = row.value(QStringLiteral("clone_status")).toString() == QLatin1String("ACTIVE");
        f.platform = row.value(QStringLiteral("platform")).toString();
    }
    if (target) {
        if (ctx.profile.restartCommand != QLatin1String("auto")) {
            f.restartCommand = ctx.profile.restartCommand;
        } else {
            ServerProcess::Hint hint;
            hint.pidFile = f.pidFile;
            hint.dataDir = f.dataDir;
            hint.port = f.port;
            if (auto m = RestartDetector(**shell, ctx.profile.name).detect(hint); m)
                f.restartCommand = m->command;
        }
    }
    return f;
}
} // namespace

QString PhysicalCopyCheck::majorOf(const QString& version)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)\\.(\\d+)"));
    const auto m = re.match(version);
    return m.hasMatch() ? m.captured(1) + QLatin1Char('.') + m.captured(2) : QString();
}

QString PhysicalCopyCheck::toolServerVersion(const QString& versionOutput)
{
    return BackupTool::versionIn(versionOutput);
}

bool PhysicalCopyCheck::hasErrors() const
{
    for (const Finding& f : findings)
        if (f.severity == Finding::Severity::Error)
            return true;
    return false;
}

QString PhysicalCopyCheck::toolName() const
{
    if (way == Way::Clone)
        return QStringLiteral("CLONE INSTANCE");
    const BackupTool tool(ServerVersion::parse(servers[source].version));
    return tool.isXtraBackup() ? QStringLiteral("xtrabackup %1").arg(tool.series())
                               : tool.backupNames().value(0);
}

bool PhysicalCopyCheck::toolsPresent() const
{
    if (way == Way::Clone)
        return true;
    return !servers[0].backupTool.isEmpty() && !servers[0].streamTool.isEmpty()
        && !servers[1].backupTool.isEmpty() && !servers[1].streamTool.isEmpty();
}

Result<PhysicalCopyCheck> PhysicalCopyCheck::gather(
    const PairProfile& profile, int source, ServerWorker* const (&workers)[2], bool oldDataMayGo)
{
    PhysicalCopyCheck c;
    c.source = source;
    const int target = 1 - source;
    for (int i = 0; i < 2; ++i) {
        auto facts
            = workers[i]->run([target = i == target](ServerContext& ctx) { return readFacts(ctx, target); });
        if (!facts)
            return std::unexpected(facts.error());
        c.servers[i] = *facts;
    }
    const ServerProfile& to = profile.servers[target];
    auto sizes = workers[source]->run([user = to.adminUser](
                                          ServerContext& ctx) -> Result<QPair<qint64, int>> {
        auto bytes = ctx.sql->scalar(QStringLiteral(
            "SELECT COALESCE(SUM(DATA_LENGTH + INDEX_LENGTH), 0) FROM information_schema.TABLES WHERE "
            "TABLE_TYPE = 'BASE TABLE'"));
        if (!bytes)
            return std::unexpected(bytes.error());
        auto admin = ctx.sql->scalar(
            QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE User = %1").arg(ctx.dialect.literal(user)));
        if (!admin)
            return std::unexpected(admin.error());
        return qMakePair(bytes->toLongLong(), admin->toInt());
    });
    if (!sizes)
        return std::unexpected(sizes.error());
    c.sourceBytes = sizes->first;
    const PhysicalServerFacts& t = c.servers[target];
    const QString parent = QFileInfo(t.dataDir).absolutePath();
    auto space = workers[target]->run(
        [parent, dd = t.dataDir](ServerContext& ctx) -> Result<QPair<qint64, qint64>> {
            auto shell = ctx.hostShell();
            if (!shell)
                return std::unexpected(shell.error());
            auto r = (*shell)->run(QStringLiteral("p=%1\n[ -w \"$p\" ] || { echo notwritable; exit 0; }\n"
                                                  "df -Pk -- \"$p\" | awk 'NR==2 { print $4 * 1024 }'\n"
                                                  "du -sk -- %2 2>/dev/null | awk '{ print $1 * 1024 }'\n")
                                       .arg(Shell::quote(parent), Shell::quote(dd)),
                60000);
            if (!r)
                return std::unexpected(r.error());
            const QStringList lines = QString::fromUtf8(r->out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            if (lines.value(0) == QLatin1String("notwritable"))
                return qMakePair(qint64(-2), qint64(0));
            return qMakePair(lines.value(0, QStringLiteral("-1")).toLongLong(), lines.value(1).toLongLong());
        });
    if (!space)
        return std::unexpected(space.error());
    c.targetFreeBytes = space->first;
    c.targetDataBytes = space->second;

    c.targetAdminOnSource = sizes->second > 0;
    c.judge(profile, oldDataMayGo);
    return c;
}

void PhysicalCopyCheck::judge(const PairProfile& profile, bool oldDataMayGo)
{
    findings.clear();
    const int target = 1 - source;
    const ServerProfile &from = profile.servers[source], &to = profile.servers[target];
    const PhysicalServerFacts& t = servers[target];
    const QString parent = QFileInfo(t.dataDir).absolutePath();
    // MySQL: CLONE where it can copy this pair and B's old data may go (CLONE keeps nothing of it), else
    // XtraBackup; MariaDB: mariadb-backup. Never the one flavor's tool for the other's server.
    cloneProblem = CloneStatements::problem(servers[source], t, from.name, to.name);
    way = cloneProblem.isEmpty() && oldDataMayGo ? Way::Clone : Way::BackupTool;
    QList<Finding> toolFindings;
    for (int i = 0; way == Way::BackupTool && i < 2; ++i) {
        const PhysicalServerFacts& f = servers[i];
        const QString name = profile.servers[i].name;
        const BackupTool tool(ServerVersion::parse(f.version));
        QStringList missing;
        if (f.backupTool.isEmpty())
            missing << tool.backupNames().value(0);
        if (f.streamTool.isEmpty())
            missing << tool.streamName();
        if (!missing.isEmpty()) {
            toolFindings << error(name, QStringLiteral("backup-tool-missing"),
                PhysicalCopyCheck::tr("%1 not found on %2's host (in the PATH of the login RepliPair uses)")
                    .arg(missing.join(QStringLiteral(", ")), name),
                PhysicalCopyCheck::tr("on %1's host, %2; or use \"copyMethod\": \"logical\"")
                    .arg(name, tool.installHint()));
            continue;
        }
        if (const QString why = tool.versionProblem(f.toolVersion); !why.isEmpty())
            toolFindings << error(name, QStringLiteral("backup-tool-version"),
                PhysicalCopyCheck::tr("%1 on %2's host: %3").arg(f.backupTool, name, why),
                tool.installHint());
    }
    if (!cloneProblem.isEmpty() || way == Way::Clone)
        findings += toolFindings;
    else if (!toolFindings.isEmpty())
        // only CLONE could copy, and the admin asked to keep B's old data
        findings << error(to.name, QStringLiteral("clone-keeps-no-old-data"),
            PhysicalCopyCheck::tr("XtraBackup cannot copy here (%1) and MySQL's CLONE replaces %2's data "
                                  "directory in place: %2's old data would not be kept")
                .arg(toolFindings.value(0).text, to.name),
            PhysicalCopyCheck::tr("rebuild without keeping the old data (--no-save), or %1")
                .arg(toolFindings.value(0).fix));
    if (majorOf(servers[0].version) != majorOf(servers[1].version)
        || ServerVersion::parse(servers[0].version).flavor != ServerVersion::parse(servers[1].version).flavor)
        findings << error(to.name, QStringLiteral("physical-copy-versions"),
            PhysicalCopyCheck::tr("%1 runs %2 and %3 runs %4: a physical copy needs the same major version")
                .arg(from.name, servers[source].version, to.name, t.version),
            PhysicalCopyCheck::tr("use \"copyMethod\": \"logical\""));
    if (!targetAdminOnSource)
        findings << error(from.name, QStringLiteral("physical-copy-admin"),
            PhysicalCopyCheck::tr("%1 has no account named %2: a physical copy gives %3 %1's accounts, and "
                                  "RepliPair could no longer log in to %3")
                .arg(from.name, to.adminUser, to.name),
            PhysicalCopyCheck::tr("create %1 on %2 with the same password as on %3, or use \"copyMethod\": "
                                  "\"logical\"")
                .arg(to.adminUser, from.name, to.name));
    if (targetFreeBytes == -2)
        findings << error(to.name, QStringLiteral("physical-copy-folder"),
            PhysicalCopyCheck::tr("%1 cannot be written on %2's host: the copy is put there, next to the "
                                  "data folder, to be swapped in")
                .arg(parent, to.name),
            PhysicalCopyCheck::tr("log in as the owner of %1, or set \"sudo\": true").arg(parent));
    else if (targetFreeBytes >= 0 && targetFreeBytes < sourceBytes + sourceBytes / 10)
        findings << error(to.name, QStringLiteral("physical-copy-space"),
            PhysicalCopyCheck::tr("%1 free next to %2's data folder, the copy needs about %3")
                .arg(QLocale::c().formattedDataSize(targetFreeBytes, 1, QLocale::DataSizeTraditionalFormat),
                    to.name,
                    QLocale::c().formattedDataSize(
                        sourceBytes + sourceBytes / 10, 1, QLocale::DataSizeTraditionalFormat)),
            PhysicalCopyCheck::tr("free space on %1's host").arg(to.name));
    if (t.restartCommand.isEmpty())
        findings << error(to.name, QStringLiteral("physical-copy-restart"),
            PhysicalCopyCheck::tr("no way to start %1 again is known: the physical copy stops it to swap "
                                  "its data folder")
                .arg(to.name),
            PhysicalCopyCheck::tr("set \"restartCommand\" for %1").arg(to.name));
    if (t.pidFile.isEmpty())
        findings << error(to.name, QStringLiteral("physical-copy-pid-file"),
            PhysicalCopyCheck::tr("%1 has no pid file: the copy cannot stop it to swap its data folder")
                .arg(to.name),
            {});
}
