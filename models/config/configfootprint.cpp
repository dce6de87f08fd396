#include "config/configfootprint.h"

#include "config/mycnf.h"
#include "config/optionfiles.h"
#include "host/serverworker.h"
#include "inspection/serverinspection.h"

#include <QFileInfo>

ConfigFootprint ConfigFootprint::fromFiles(
    const QString& mainFile, const QList<ConfigPlanner::SourceFile>& files)
{
    ConfigFootprint out;
    out.mainFile = mainFile;
    for (const ConfigPlanner::SourceFile& f : files) {
        const MyCnf cnf = MyCnf::parse(f.content);
        if (QFileInfo(f.path).fileName() == ConfigPlanner::dropInName()) {
            Part part { f.path, Kind::DropIn, {} };
            for (const MyCnf::Line& l : cnf.lines())
                part.lines << l.text;
            while (!part.lines.isEmpty() && part.lines.constLast().trimmed().isEmpty())
                part.lines.removeLast();
            out.parts << part;
            continue;
        }
        Part block { f.path, Kind::MarkedBlock, {} };
        Part disabled { f.path, Kind::DisabledLines, {} };
        for (int i = 0; i < cnf.lines().size(); ++i) {
            const QString& text = cnf.lines().at(i).text;
            if (cnf.isInMarkedBlock(i) || text == MyCnf::kBlockBegin)
                block.lines << text;
            else if (text.startsWith(MyCnf::kDisabledPrefix))
                disabled.lines << text;
        }
        if (!block.lines.isEmpty())
            out.parts << block;
        if (!disabled.lines.isEmpty())
            out.parts << disabled;
    }
    return out;
}

QString ConfigFootprint::toText(const QString& server) const
{
    if (parts.isEmpty())
        return tr("RepliPair has written nothing into the option files of %1 (main file: %2).")
            .arg(server, mainFile);
    QString text;
    for (const Part& p : parts) {
        switch (p.kind) {
        case Kind::DropIn:
            text += tr("# %1 — RepliPair's own file").arg(p.path);
            break;
        case Kind::MarkedBlock:
            text += tr("# %1 — the block RepliPair manages").arg(p.path);
            break;
        case Kind::DisabledLines:
            text += tr("# %1 — lines RepliPair disabled").arg(p.path);
            break;
        }
        text += QLatin1Char('\n') + p.lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n");
    }
    return text.trimmed() + QLatin1Char('\n');
}

Result<ConfigFootprint> ConfigFootprint::read(ServerContext& ctx)
{
    // finding the files mysqld reads (also to check a "configFile" of the profile against them) needs what
    // the server says about itself (pid file, datadir, port)
    if (!ctx.sql || !ctx.sql->isOpen())
        if (auto c = ctx.connect(); !c)
            return std::unexpected(c.error());
    auto inspection = ServerInspection::inspect(ctx);
    if (!inspection)
        return std::unexpected(inspection.error());
    auto main = OptionFiles::locateMain(ctx, *inspection);
    if (!main)
        return std::unexpected(main.error());
    auto files = OptionFiles::read(ctx, *main);
    if (!files)
        return std::unexpected(files.error());
    return fromFiles(*main, files->files);
}
