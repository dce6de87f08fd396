#include "config/optionfiles.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "config/configlocator.h"
#include "config/mycnf.h"
#include "setup/serverinspection.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace {

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

Result<QString> OptionFiles::locateMain(ServerContext& ctx, const ServerInspection& inspection, QString* how)
{
    if (ctx.profile.configFile != QLatin1String("auto"))
        return ctx.profile.configFile;
    auto shell = ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    auto location = ConfigLocator(**shell, ctx.profile.name)
                        .locate(inspection.processHint(), inspection.version.flavor);
    if (!location)
        return std::unexpected(location.error());
    if (how) {
        *how = location->reason;
        if (!location->warnings.isEmpty())
            *how += QStringLiteral(" (") + location->warnings.join(QStringLiteral("; ")) + QLatin1Char(')');
    }
    return location->mainFile;
}

Result<OptionFiles::Files> OptionFiles::read(ServerContext& ctx, const QString& mainFile)
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
                return stepFailure(ctx.profile.name, StepId::ReadConfig,
                    OptionFiles::tr("cannot read the option file %1: %2").arg(path, content.error().text));
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
