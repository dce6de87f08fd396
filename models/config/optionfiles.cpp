#include "config/optionfiles.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "config/configfilerules.h"
#include "config/configlocator.h"
#include "config/mycnf.h"
#include "inspection/serverinspection.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

Result<QString> OptionFiles::locateMain(ServerContext& ctx, const ServerInspection& inspection, QString* how)
{
    auto shell = ctx.hostShell();
    if (!shell)
        return std::unexpected(shell.error());
    if (ctx.profile.configFile != QLatin1String("auto")) {
        // a file named in the profile is one the server reads, and an option file, or it is not touched
        if (auto ok = ConfigFileRules::check(**shell, ctx.profile.name, ctx.profile.configFile,
                inspection.processHint(), inspection.version.flavor);
            !ok)
            return std::unexpected(ok.error());
        return ctx.profile.configFile;
    }
    auto location = ConfigLocator(**shell, ctx.profile.name)
                        .locate(inspection.processHint(), inspection.version.flavor);
    if (!location)
        return std::unexpected(location.error());
    ctx.optionFilesRead = location->files; // read once: OptionFiles::read takes them over
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
    // the whole tree in one remote call (or none, when the lookup of the main file just read it);
    // anything it missed is read on its own below
    OptionFileTree tree = std::exchange(ctx.optionFilesRead, {});
    if (!tree.file(mainFile))
        if (auto read = OptionFileTree::read(**shell, { mainFile }))
            tree = *read;
    const auto readOne = [&](const QString& path) -> Result<QByteArray> {
        if (const auto content = tree.file(path))
            return *content;
        return (*shell)->readFile(path);
    };
    const auto listOne = [&](const QString& dir) -> Result<QStringList> {
        if (const auto names = tree.cnfNames(dir))
            return *names;
        return (*shell)->listDir(dir, QStringLiteral("*.cnf"));
    };

    // a "configFile" of the profile that is not there yet (ConfigFileRules allow a new *.cnf file in an
    // !includedir folder of the server): it is made, with our block in it
    bool mainIsNew = false;
    if (ctx.profile.configFile == mainFile && !tree.file(mainFile)) {
        auto present = (*shell)->exists(mainFile);
        mainIsNew = present && !*present;
    }
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
        if (!content && depth == 0 && mainIsNew) {
            files.files << ConfigPlanner::SourceFile { path, {}, false }; // a new drop-in ("configFile")
            return {};
        }
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
