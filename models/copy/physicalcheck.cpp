#include "copy/physicalcheck.h"

#include "common/shellquote.h"
#include "common/stepid.h"
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
    auto tools = (*shell)->run(
        QStringLiteral("b=$(command -v mariadb-backup || command -v mariabackup)\n"
                       "echo \"backup=$b\"\n"
                       "echo \"stream=$(command -v mbstream)\"\n"
                       "[ -n \"$b\" ] && echo \"version=$(\"$b\" --version 2>&1 | head -n 1)\"\n"
                       "exit 0\n"),
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
            f.toolVersion = PhysicalCopyCheck::toolServerVersion(value);
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
    // "mariadb-backup based on MariaDB server 10.11.19-MariaDB debian-linux-gnu (x86_64)"
    static const QRegularExpression re(QStringLiteral("server\\s+(\\d+\\.\\d+\\.\\d+)"));
    const auto m = re.match(versionOutput);
    return m.hasMatch() ? m.captured(1) : QString();
}

bool PhysicalCopyCheck::hasErrors() const
{
    for (const Finding& f : findings)
        if (f.severity == Finding::Severity::Error)
            return true;
    return false;
}

bool PhysicalCopyCheck::toolsPresent() const
{
    return !servers[0].backupTool.isEmpty() && !servers[0].streamTool.isEmpty()
        && !servers[1].backupTool.isEmpty() && !servers[1].streamTool.isEmpty();
}

Result<PhysicalCopyCheck> PhysicalCopyCheck::gather(
    const PairProfile& profile, int source, ServerWorker* const (&workers)[2])
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
    const ServerProfile &from = profile.servers[source], &to = profile.servers[target];
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

    for (int i = 0; i < 2; ++i) {
        const PhysicalServerFacts& f = c.servers[i];
        const QString name = profile.servers[i].name;
        if (!f.version.contains(QLatin1String("MariaDB"), Qt::CaseInsensitive)) {
            c.findings << error(name, QStringLiteral("physical-copy-mysql"),
                PhysicalCopyCheck::tr("%1 is a MySQL server (%2): the physical copy runs MariaDB's "
                                      "mariadb-backup only")
                    .arg(name, f.version),
                PhysicalCopyCheck::tr("use \"copyMethod\": \"logical\""));
            continue;
        }
        QStringList missing;
        if (f.backupTool.isEmpty())
            missing << QStringLiteral("mariadb-backup");
        if (f.streamTool.isEmpty())
            missing << QStringLiteral("mbstream");
        if (!missing.isEmpty()) {
            c.findings << error(name, QStringLiteral("backup-tool-missing"),
                PhysicalCopyCheck::tr("%1 not found on %2's host (in the PATH of the login RepliPair uses)")
                    .arg(missing.join(QStringLiteral(", ")), name),
                PhysicalCopyCheck::tr("install the package mariadb-backup on %1's host (Debian/Ubuntu: "
                                      "apt-get install mariadb-backup; RHEL: dnf install MariaDB-backup), "
                                      "the same version as the server (%2); or use \"copyMethod\": "
                                      "\"logical\"")
                    .arg(name, majorOf(f.version)));
            continue;
        }
        if (majorOf(f.toolVersion) != majorOf(f.version))
            c.findings << error(name, QStringLiteral("backup-tool-version"),
                PhysicalCopyCheck::tr("%1 on %2's host is built for MariaDB %3, the server is %4: a backup "
                                      "tool of another major version cannot copy it")
                    .arg(f.backupTool, name,
                        f.toolVersion.isEmpty() ? PhysicalCopyCheck::tr("unknown") : f.toolVersion,
                        f.version),
                PhysicalCopyCheck::tr("install the mariadb-backup package of the server's version (%1)")
                    .arg(majorOf(f.version)));
    }
    if (majorOf(c.servers[0].version) != majorOf(c.servers[1].version))
        c.findings << error(to.name, QStringLiteral("physical-copy-versions"),
            PhysicalCopyCheck::tr("%1 runs %2 and %3 runs %4: a physical copy needs the same major version")
                .arg(from.name, c.servers[source].version, to.name, t.version),
            PhysicalCopyCheck::tr("use \"copyMethod\": \"logical\""));
    if (sizes->second == 0)
        c.findings << error(from.name, QStringLiteral("physical-copy-admin"),
            PhysicalCopyCheck::tr("%1 has no account named %2: a physical copy gives %3 %1's accounts, and "
                                  "RepliPair could no longer log in to %3")
                .arg(from.name, to.adminUser, to.name),
            PhysicalCopyCheck::tr("create %1 on %2 with the same password as on %3, or use \"copyMethod\": "
                                  "\"logical\"")
                .arg(to.adminUser, from.name, to.name));
    if (c.targetFreeBytes == -2)
        c.findings << error(to.name, QStringLiteral("physical-copy-folder"),
            PhysicalCopyCheck::tr("%1 cannot be written on %2's host: the copy is put there, next to the "
                                  "data folder, to be swapped in")
                .arg(parent, to.name),
            PhysicalCopyCheck::tr("log in as the owner of %1, or set \"sudo\": true").arg(parent));
    else if (c.targetFreeBytes >= 0 && c.targetFreeBytes < c.sourceBytes + c.sourceBytes / 10)
        c.findings << error(to.name, QStringLiteral("physical-copy-space"),
            PhysicalCopyCheck::tr("%1 free next to %2's data folder, the copy needs about %3")
                .arg(QLocale::c().formattedDataSize(c.targetFreeBytes, 1, QLocale::DataSizeTraditionalFormat),
                    to.name,
                    QLocale::c().formattedDataSize(
                        c.sourceBytes + c.sourceBytes / 10, 1, QLocale::DataSizeTraditionalFormat)),
            PhysicalCopyCheck::tr("free space on %1's host").arg(to.name));
    if (t.restartCommand.isEmpty())
        c.findings << error(to.name, QStringLiteral("physical-copy-restart"),
            PhysicalCopyCheck::tr("no way to start %1 again is known: the physical copy stops it to swap "
                                  "its data folder")
                .arg(to.name),
            PhysicalCopyCheck::tr("set \"restartCommand\" for %1").arg(to.name));
    if (t.pidFile.isEmpty())
        c.findings << error(to.name, QStringLiteral("physical-copy-pid-file"),
            PhysicalCopyCheck::tr("%1 has no pid file: the copy cannot stop it to swap its data folder")
                .arg(to.name),
            {});
    return c;
}
