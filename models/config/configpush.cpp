#include "config/configpush.h"

#include "common/shellquote.h"
#include "config/configlocator.h"
#include "config/mycnf.h"
#include "host/restartdetector.h"
#include "host/serverrestart.h"
#include "setup/serverinspection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace {
QString firstWord(const QString& command)
{
    QString c = command.trimmed();
    if (c.startsWith(QLatin1Char('\''))) {
        const int end = c.indexOf(QLatin1Char('\''), 1);
        return c.mid(1, end - 1);
    }
    return c.section(QLatin1Char(' '), 0, 0);
}

ServerProcess::Hint hintFor(const ServerInspection& inspection)
{
    ServerProcess::Hint hint;
    hint.pidFile = inspection.pidFile;
    hint.dataDir = inspection.datadir;
    hint.port = inspection.port;
    return hint;
}

/** Prints the main option file and every file it includes (up to 4 levels) in one go:
 *  "F <size> <path>\n<content>" per file, "D <path>\n" per !includedir folder. */
const char* const kReadTree = R"SH(export LC_ALL=C
emit() {
  [ "$2" -gt 4 ] && return
  [ -f "$1" ] && [ -r "$1" ] || return
  printf 'F %s %s\n' "$(wc -c < "$1")" "$1"
  cat -- "$1"
  b=$(dirname -- "$1")
  grep -E '^[[:space:]]*!include' -- "$1" 2>/dev/null | while IFS= read -r l; do
    l=${l#"${l%%[![:space:]]*}"}
    case $l in
      '!includedir'*) k=D; p=${l#!includedir};;
      *) k=F; p=${l#!include};;
    esac
    p=${p#"${p%%[![:space:]]*}"}; p=${p%"${p##*[![:space:]]}"}
    case $p in /*) ;; *) p="$b/$p";; esac
    if [ "$k" = D ]; then
      [ -d "$p" ] || continue
      printf 'D %s\n' "$p"
      for g in "$p"/*.cnf; do [ -f "$g" ] && emit "$g" $(($2 + 1)); done
    else
      emit "$p" $(($2 + 1))
    fi
  done
}
emit "$1" 0
)SH";

/** The files and folders kReadTree printed. */
void parseTree(const QByteArray& out, QMap<QString, QByteArray>& files, QSet<QString>& dirs)
{
    qsizetype pos = 0;
    while (pos < out.size()) {
        const qsizetype nl = out.indexOf('\n', pos);
        if (nl < 0)
            return;
        const QByteArray head = out.mid(pos, nl - pos);
        pos = nl + 1;
        if (head.startsWith("D ")) {
            dirs << QString::fromUtf8(head.mid(2));
        } else if (head.startsWith("F ")) {
            const qsizetype sp = head.indexOf(' ', 2);
            bool ok = false;
            const qsizetype size = head.mid(2, sp - 2).toLongLong(&ok);
            if (sp < 0 || !ok || pos + size > out.size())
                return;
            files.insert(QString::fromUtf8(head.mid(sp + 1)), out.mid(pos, size));
            pos += size;
        } else {
            return;
        }
    }
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
    // one remote call reads the whole tree; anything it missed is read on its own below
    QMap<QString, QByteArray> fetched;
    QSet<QString> fetchedDirs;
    if (auto tree = (*shell)->run(
            QStringLiteral("set -- %1\n").arg(Shell::quote(mainFile)) + QLatin1String(kReadTree), 30000))
        parseTree(tree->out, fetched, fetchedDirs);
    const auto readOne = [&](const QString& path) -> Result<QByteArray> {
        if (fetched.contains(path))
            return fetched.value(path);
        return (*shell)->readFile(path);
    };
    const auto listOne = [&](const QString& dir) -> Result<QStringList> {
        if (!fetchedDirs.contains(dir))
            return (*shell)->listDir(dir, QStringLiteral("*.cnf"));
        QStringList names;
        for (auto it = fetched.keyBegin(); it != fetched.keyEnd(); ++it)
            if (QFileInfo(*it).absolutePath() == dir && it->endsWith(QLatin1String(".cnf")))
                names << QFileInfo(*it).fileName();
        names.sort();
        return names;
    };

    Files files;
    files.mainFile = mainFile;
    QStringList seen;
    // depth-first in reading order, as mysqld reads them
    std::function<Result<void>(const QString&, int)> read
        = [&](const QString& path, int depth) -> Result<void> {
        if (seen.contains(path) || depth > 4)
            return {};
        seen << path;
        auto content = readOne(path);
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
                auto names = listOne(dir);
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
        auto found = (*shell)->run(QStringLiteral("command -v %1").arg(Shell::quote(program)), 10000);
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

QString ConfigPush::pendingMeaning(const QString& variable)
{
    if (variable == QLatin1String("log_slave_updates") || variable == QLatin1String("log_replica_updates"))
        return ConfigPush::tr(
            "until then, what this server applies from its peer is not written to its own "
            "binary log: the pair replicates both ways, but a third server replicating from "
            "this one (or a point-in-time recovery from its binary log) would miss those "
            "changes");
    if (variable.startsWith(QLatin1String("replicate_")))
        return ConfigPush::tr("until then, this server's replica applies every database its peer logs");
    if (variable.startsWith(QLatin1String("binlog_")))
        return ConfigPush::tr("until then, this server's binary log keeps its present filters");
    if (variable == QLatin1String("gtid_mode") || variable == QLatin1String("enforce_gtid_consistency"))
        return ConfigPush::tr("until then, replication uses file and position instead of GTIDs");
    return ConfigPush::tr("until then, the server keeps its present value");
}

ConfigPush::ConfigPush(ServerContext& ctx, const ConfigPlan& plan, Options options)
    : m_ctx(ctx)
    , m_plan(plan)
    , m_options(std::move(options))
{
    if (!m_options.progress)
        m_options.progress = [](const QString&) {};
}

StepError ConfigPush::failure(const QString& step, const QString& text, int code) const
{
    return StepError { m_ctx.profile.name, step, code, text };
}

Result<void> ConfigPush::apply()
{
    auto shell = m_ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    m_shell = *shell;
    if (auto ok = precheck(m_ctx, m_plan); !ok)
        return ok;
    for (auto piece : { &ConfigPush::backup, &ConfigPush::write, &ConfigPush::setDynamic,
             &ConfigPush::restartAndVerify, &ConfigPush::verify })
        if (auto ok = (this->*piece)(); !ok)
            return ok;
    return {};
}

Result<void> ConfigPush::backup()
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    for (const FileEdit& e : m_plan.edits) {
        if (!e.existed) {
            m_applied.created << e.path;
            continue;
        }
        const QString backup = QStringLiteral("%1.replipair-%2.bak").arg(e.path, stamp);
        if (auto b = m_shell->copyFile(e.path, backup); !b)
            return b;
        m_applied.backups << QStringLiteral("%1 -> %2").arg(e.path, backup);
        m_options.progress(ConfigPush::tr("backed up %1 to %2").arg(e.path, backup));
    }
    return {};
}

Result<void> ConfigPush::write()
{
    for (const FileEdit& e : m_plan.edits) {
        auto w = m_shell->writeFileAtomic(e.path, e.after);
        if (!w) {
            const QString restored = restore();
            return std::unexpected(
                failure(ConfigPush::tr("config"), ConfigPush::tr("%1 (%2)").arg(w.error().text, restored)));
        }
        m_applied.written << e.path;
        m_options.progress(ConfigPush::tr("wrote %1").arg(e.path));
    }
    return {};
}

Result<void> ConfigPush::setDynamic()
{
    // with a restart coming, the files carry every setting; SET GLOBAL now could only leave the server
    // with values its files no longer say, should the restart fail and the files be restored
    if (m_plan.restartNeeded())
        return {};
    m_ctx.sql->setStep(ConfigPush::tr("config"));
    for (const DesiredSetting& s : m_plan.setGlobal) {
        const QString sql = setGlobalStatement(m_ctx.dialect, s);
        auto r = m_ctx.sql->exec(sql);
        if (!r && r.error().code == 1198) { // a running replica: stop it around the change
            m_ctx.sql->exec(m_ctx.dialect.stopReplica());
            r = m_ctx.sql->exec(sql);
            m_ctx.sql->exec(m_ctx.dialect.startReplica());
        }
        if (!r) {
            const QString restored = restore();
            return std::unexpected(failure(ConfigPush::tr("config"),
                ConfigPush::tr("%1 (%2)").arg(r.error().text, restored), r.error().code));
        }
        m_applied.setGlobal << sql;
        m_options.progress(sql);
        if (s.variable.startsWith(QLatin1String("auto_increment"))
            || s.variable == QLatin1String("binlog_format"))
            m_options.progress(ConfigPush::tr("%1 applies to new connections only: reconnect application "
                                              "connection pools before they write on both servers")
                                   .arg(s.variable));
    }
    for (const QString& v : m_plan.pendingRestart) {
        m_applied.pendingRestart << v;
        m_options.progress(ConfigPush::tr("%1 is written to the option file and takes effect at the next "
                                          "restart, which is left to you (the server keeps running): %2")
                               .arg(v, pendingMeaning(v)));
    }
    return {};
}

Result<void> ConfigPush::restartAndVerify()
{
    if (!m_plan.restartNeeded()) {
        if (!m_plan.edits.isEmpty() && m_plan.pendingRestart.isEmpty())
            m_options.progress(ConfigPush::tr("no restart needed: every changed setting is dynamic"));
        return {};
    }
    const QString& cmd = m_plan.restartCommand;
    m_options.progress(ConfigPush::tr("restarting the server (%1 changed): %2")
                           .arg(m_plan.restartFor.join(QStringLiteral(", ")), cmd));
    ServerRestart::Options restart { cmd, m_options.errorLog, m_options.restartTimeoutMs,
        m_options.progress };
    auto back = ServerRestart(m_ctx, restart).run();
    if (back) {
        m_applied.restarted = true;
        m_options.progress(ConfigPush::tr("the server is back"));
        return {};
    }
    // the server did not come back with the new configuration: put the old one back and restart again
    m_options.progress(ConfigPush::tr("the server did not come back with the new configuration: restoring "
                                      "the old one and restarting again"));
    const QString restored = restore();
    auto again = ServerRestart(m_ctx, restart).run();
    return std::unexpected(failure(ConfigPush::tr("restart"),
        ConfigPush::tr("the server did not come back with the new configuration: %1\n%2; restarted with the "
                       "old configuration: %3")
            .arg(back.error().text, restored,
                again ? ConfigPush::tr("server is back up")
                      : ConfigPush::tr("server is STILL DOWN: %1. Next step: look at the output above on the "
                                       "host, start the server by hand and run setup again")
                            .arg(again.error().text))));
}

QString ConfigPush::restore()
{
    QStringList notes;
    bool all = true;
    for (const FileEdit& e : m_plan.edits) {
        if (e.existed) {
            auto w = m_shell->writeFileAtomic(e.path, e.before);
            all = all && w.has_value();
            notes << (w ? ConfigPush::tr("restored %1").arg(e.path)
                        : ConfigPush::tr("could NOT restore %1: %2").arg(e.path, w.error().text));
        } else {
            auto r = m_shell->removeFile(e.path);
            all = all && r.has_value();
            notes << (r ? ConfigPush::tr("removed %1").arg(e.path)
                        : ConfigPush::tr("could NOT remove %1").arg(e.path));
        }
    }
    m_applied.restored = all;
    return notes.join(QStringLiteral("; "));
}

Result<void> ConfigPush::verify()
{
    if (!m_ctx.sql->isOpen())
        if (auto c = m_ctx.connect(); !c)
            return c;
    auto inspected = ServerInspection::inspect(m_ctx);
    if (!inspected)
        return std::unexpected(inspected.error());
    QStringList wrong;
    for (const DesiredSetting& s : m_plan.settings)
        if (!m_plan.pendingRestart.contains(s.variable)
            && !ReplicationSettings::isEffective(s, inspected->variables))
            wrong << QStringLiteral("%1 is %2, expected %3")
                         .arg(s.variable, inspected->variables.value(s.variable), s.value);
    if (!wrong.isEmpty())
        return std::unexpected(failure(ConfigPush::tr("verify config"),
            ConfigPush::tr("after the change: %1. Another option file may override ours.")
                .arg(wrong.join(QStringLiteral("; ")))));
    return {};
}
