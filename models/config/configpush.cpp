#include "config/configpush.h"

#include "config/configlocator.h"
#include "config/mycnf.h"
#include "host/restartdetector.h"
#include "setup/serverinspection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

namespace {
QString shellQuote(const QString& s)
{
    QString out = s;
    out.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString firstWord(const QString& command)
{
    QString c = command.trimmed();
    if (c.startsWith(QLatin1Char('\''))) {
        const int end = c.indexOf(QLatin1Char('\''), 1);
        return c.mid(1, end - 1);
    }
    return c.section(QLatin1Char(' '), 0, 0);
}
} // namespace

namespace {
ServerProcess::Hint hintFor(const ServerInspection& inspection)
{
    ServerProcess::Hint hint;
    hint.pidFile = inspection.pidFile;
    hint.dataDir = inspection.datadir;
    hint.port = inspection.port;
    return hint;
}
} // namespace

Result<QString> ConfigPush::locateMainFile(
    ServerContext& ctx, const ServerInspection& inspection, QString* how)
{
    if (ctx.profile.configFile != QLatin1String("auto"))
        return ctx.profile.configFile;
    auto shell = ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    auto location
        = ConfigLocator(**shell, ctx.profile.name).locate(hintFor(inspection), inspection.version.flavor);
    if (!location)
        return std::unexpected(location.error());
    if (how) {
        *how = location->reason;
        if (!location->warnings.isEmpty())
            *how += QStringLiteral(" (") + location->warnings.join(QStringLiteral("; ")) + QLatin1Char(')');
    }
    return location->mainFile;
}

Result<ConfigPush::Files> ConfigPush::readFiles(ServerContext& ctx, const QString& mainFile)
{
    auto shell = ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    Files files;
    files.mainFile = mainFile;
    QStringList seen;
    // depth-first in reading order, as mysqld reads them
    std::function<Result<void>(const QString&, int)> read
        = [&](const QString& path, int depth) -> Result<void> {
        if (seen.contains(path) || depth > 4)
            return {};
        seen << path;
        auto content = (*shell)->readFile(path);
        if (!content) {
            if (depth == 0)
                return stepFailure(ctx.profile.name, ConfigPush::tr("config"),
                    ConfigPush::tr("cannot read the option file %1: %2").arg(path, content.error().text));
            return {}; // an include that is not there is not our problem
        }
        files.files << ConfigPlanner::SourceFile { path, *content };
        const MyCnf cnf = MyCnf::parse(*content);
        const QString base = QFileInfo(path).absolutePath();
        for (const MyCnf::Line& l : cnf.lines()) {
            if (!l.include.isEmpty()) {
                if (auto r = read(QDir(base).absoluteFilePath(l.include), depth + 1); !r)
                    return r;
            } else if (!l.includeDir.isEmpty()) {
                const QString dir = QDir(base).absoluteFilePath(l.includeDir);
                auto names = (*shell)->listDir(dir, QStringLiteral("*.cnf"));
                if (!names)
                    continue;
                if (depth == 0)
                    files.includeDirs << dir;
                for (const QString& n : *names)
                    if (auto r = read(QDir(dir).filePath(n), depth + 1); !r)
                        return r;
            }
        }
        return {};
    };
    if (auto r = read(mainFile, 0); !r)
        return std::unexpected(r.error());
    return files;
}

Result<QString> ConfigPush::restartCommand(
    ServerContext& ctx, const ServerInspection& inspection, QString* how)
{
    if (ctx.profile.restartCommand != QLatin1String("auto"))
        return ctx.profile.restartCommand;
    auto shell = ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    auto method = RestartDetector(**shell, ctx.profile.name).detect(hintFor(inspection));
    if (!method)
        return std::unexpected(method.error());
    if (how) {
        *how = method->description;
        if (!method->warnings.isEmpty())
            *how += QStringLiteral(" (") + method->warnings.join(QStringLiteral("; ")) + QLatin1Char(')');
    }
    return method->command;
}

Result<void> ConfigPush::precheck(ServerContext& ctx, const ConfigPlan& plan)
{
    auto shell = ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    for (const FileEdit& e : plan.edits) {
        auto w = (*shell)->checkWritable(e.path);
        if (!w)
            return stepFailure(ctx.profile.name, ConfigPush::tr("check config"),
                ConfigPush::tr("%1 — nothing was changed").arg(w.error().text));
    }
    if (plan.restartNeeded()) {
        if (plan.restartCommand.isEmpty())
            return stepFailure(ctx.profile.name, ConfigPush::tr("check config"),
                ConfigPush::tr("a restart is needed but no restart command is known; set \"restartCommand\" "
                               "— nothing was changed"));
        const QString program = firstWord(plan.restartCommand);
        auto found = (*shell)->run(QStringLiteral("command -v %1").arg(shellQuote(program)), 10000);
        if (!found || found->exitCode != 0)
            return stepFailure(ctx.profile.name, ConfigPush::tr("check config"),
                ConfigPush::tr(
                    "the restart command \"%1\" cannot be run here (%2 not found) — nothing was changed")
                    .arg(plan.restartCommand, program));
    }
    return {};
}

QString ConfigPush::setGlobalStatement(const Dialect& dialect, const DesiredSetting& setting)
{
    bool numeric = false;
    setting.value.toLongLong(&numeric);
    return QStringLiteral("SET GLOBAL %1 = %2")
        .arg(setting.variable, numeric ? setting.value : dialect.literal(setting.value));
}

Result<void> ConfigPush::waitForServer(ServerContext& ctx, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    StepError last;
    while (t.elapsed() < timeoutMs) {
        auto c = ctx.connect(2);
        if (c)
            return {};
        last = c.error();
        if (last.code == 1045) // wrong password will not get better by waiting
            return std::unexpected(last);
        QThread::msleep(200);
    }
    return stepFailure(ctx.profile.name, ConfigPush::tr("restart"),
        ConfigPush::tr("the server did not accept connections within %1 s: %2")
            .arg(timeoutMs / 1000)
            .arg(last.text));
}

Result<ConfigPush::Applied> ConfigPush::apply(ServerContext& ctx, const ConfigPlan& plan,
    int restartTimeoutMs, const std::function<void(const QString&)>& progress)
{
    const QString server = ctx.profile.name;
    auto shell = ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    if (auto ok = precheck(ctx, plan); !ok)
        return std::unexpected(ok.error());
    Applied applied;
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));

    // restore every file we touched, as it was
    auto restore = [&]() -> QString {
        QStringList notes;
        for (const FileEdit& e : plan.edits) {
            if (e.existed) {
                auto w = (*shell)->writeFileAtomic(e.path, e.before);
                notes << (w ? ConfigPush::tr("restored %1").arg(e.path)
                            : ConfigPush::tr("could NOT restore %1: %2").arg(e.path, w.error().text));
            } else {
                auto r = (*shell)->removeFile(e.path);
                notes << (r ? ConfigPush::tr("removed %1").arg(e.path)
                            : ConfigPush::tr("could NOT remove %1").arg(e.path));
            }
        }
        return notes.join(QStringLiteral("; "));
    };

    for (const FileEdit& e : plan.edits) {
        if (e.existed) {
            const QString backup = QStringLiteral("%1.replipair-%2.bak").arg(e.path, stamp);
            auto b = (*shell)->copyFile(e.path, backup);
            if (!b)
                return std::unexpected(b.error());
            applied.backups << QStringLiteral("%1 -> %2").arg(e.path, backup);
            progress(ConfigPush::tr("backed up %1 to %2").arg(e.path, backup));
        } else {
            applied.created << e.path;
        }
    }
    for (const FileEdit& e : plan.edits) {
        auto w = (*shell)->writeFileAtomic(e.path, e.after);
        if (!w) {
            const QString restored = restore();
            return stepFailure(
                server, ConfigPush::tr("config"), ConfigPush::tr("%1 (%2)").arg(w.error().text, restored));
        }
        progress(ConfigPush::tr("wrote %1").arg(e.path));
    }

    ctx.sql->setStep(ConfigPush::tr("config"));
    // with a restart coming, the files carry every setting; SET GLOBAL now could only leave the
    // server with values its files no longer say, should the restart fail and the files be restored
    const QList<DesiredSetting> dynamic = plan.restartNeeded() ? QList<DesiredSetting>() : plan.setGlobal;
    for (const DesiredSetting& s : dynamic) {
        const QString sql = setGlobalStatement(ctx.dialect, s);
        auto r = ctx.sql->exec(sql);
        if (!r && r.error().code == 1198) { // a running replica: stop it around the change
            ctx.sql->exec(ctx.dialect.stopReplica());
            r = ctx.sql->exec(sql);
            ctx.sql->exec(ctx.dialect.startReplica());
        }
        if (!r) {
            const QString restored = restore();
            return stepFailure(server, ConfigPush::tr("config"),
                ConfigPush::tr("%1 (%2)").arg(r.error().text, restored), r.error().code);
        }
        applied.setGlobal << sql;
        progress(sql);
        if (s.variable.startsWith(QLatin1String("auto_increment"))
            || s.variable == QLatin1String("binlog_format"))
            progress(ConfigPush::tr("%1 applies to new connections only: reconnect application connection "
                                    "pools before they write on both servers")
                         .arg(s.variable));
    }

    if (plan.restartNeeded()) {
        const QString* cmd = &plan.restartCommand;
        progress(ConfigPush::tr("restarting the server (%1 changed): %2")
                     .arg(plan.restartFor.join(QStringLiteral(", ")), *cmd));
        ctx.sql->close();
        QElapsedTimer restartTime;
        restartTime.start();
        auto ran = (*shell)->run(*cmd, restartTimeoutMs);
        Result<void> back
            = ran ? waitForServer(ctx, restartTimeoutMs) : Result<void>(std::unexpected(ran.error()));
        if (back) {
            // a command that returns 0 without restarting anything must not pass for a restart
            auto uptime = ctx.sql->query(QStringLiteral("SHOW GLOBAL STATUS LIKE 'Uptime'"));
            const qint64 up = uptime && !uptime->isEmpty()
                ? uptime->first().value(QStringLiteral("Value")).toLongLong()
                : 0;
            if (up > restartTime.elapsed() / 1000 + 2)
                back = stepFailure(server, ConfigPush::tr("restart"),
                    ConfigPush::tr(
                        "\"%1\" returned, but the server has been up for %2 s: it did not restart%3")
                        .arg(*cmd)
                        .arg(up)
                        .arg(ran->err.isEmpty() ? QString()
                                                : QStringLiteral(" (%1)").arg(
                                                    QString::fromLocal8Bit(ran->err.trimmed().right(500)))));
        }
        if (ran && ran->exitCode != 0 && !back)
            back = stepFailure(server, ConfigPush::tr("restart"),
                ConfigPush::tr("\"%1\" exited with %2: %3")
                    .arg(*cmd)
                    .arg(ran->exitCode)
                    .arg(QString::fromLocal8Bit(ran->err.right(1500))));
        if (!back) {
            // the server did not come back with the new configuration: put the old one back and restart again
            const QString restored = restore();
            auto again = (*shell)->run(*cmd, restartTimeoutMs);
            auto up
                = again ? waitForServer(ctx, restartTimeoutMs) : Result<void>(std::unexpected(again.error()));
            return stepFailure(server, ConfigPush::tr("restart"),
                ConfigPush::tr(
                    "the server did not come back with the new configuration (%1). %2; restarted with the "
                    "old configuration: %3")
                    .arg(back.error().text, restored,
                        up ? ConfigPush::tr("server is back up")
                           : ConfigPush::tr("server is STILL DOWN: %1").arg(up.error().text)));
        }
        applied.restarted = true;
        progress(ConfigPush::tr("the server is back"));
    } else if (!plan.edits.isEmpty()) {
        progress(ConfigPush::tr("no restart needed: every changed setting is dynamic"));
    }

    // verify the effective values
    auto inspected = ServerInspection::inspect(ctx);
    if (!inspected)
        return std::unexpected(inspected.error());
    QStringList wrong;
    for (const DesiredSetting& s : plan.settings)
        if (!ReplicationSettings::isEffective(s, inspected->variables))
            wrong << QStringLiteral("%1 is %2, expected %3")
                         .arg(s.variable, inspected->variables.value(s.variable), s.value);
    if (!wrong.isEmpty())
        return stepFailure(server, ConfigPush::tr("verify config"),
            ConfigPush::tr("after the change: %1. Another option file may override ours.")
                .arg(wrong.join(QStringLiteral("; "))));
    return applied;
}
