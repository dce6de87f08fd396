#include "operation/writeroptionfile.h"

#include "common/stepid.h"
#include "config/configpush.h"
#include "config/mycnf.h"
#include "config/optionfiles.h"
#include "host/serverworker.h"
#include "inspection/serverinspection.h"
#include "operation/writercontrol.h"

#include <QDir>
#include <QFileInfo>

namespace {
const QStringList kKeys { QStringLiteral("read_only"), QStringLiteral("super_read_only") };

bool isOurKey(const MyCnf::Line& l)
{
    return kKeys.contains(l.key) && MyCnf::isServerSection(l.section);
}
} // namespace

ConfigPlan WriterOptionFile::plan(const QString& server, const QString& pairName, bool readOnly,
    bool superReadOnly, const QList<ConfigPlanner::SourceFile>& files, const QStringList& includeDirs)
{
    const QString value = readOnly ? QStringLiteral("ON") : QStringLiteral("OFF");
    QStringList ours { QStringLiteral("read_only = ") + value };
    if (superReadOnly)
        ours << QStringLiteral("super_read_only = ") + value;

    ConfigPlan plan;
    plan.server = server;
    DesiredSetting setting;
    setting.variable = QStringLiteral("read_only");
    setting.value = value;
    setting.cnfLines = ours;
    setting.dynamic = true;
    plan.settings << setting;
    if (files.isEmpty())
        return plan;

    // our file: the drop-in setup wrote, else a new drop-in in the last folder read, else our block in the
    // main file
    QString dropIn;
    for (const ConfigPlanner::SourceFile& f : files)
        if (QFileInfo(f.path).fileName() == ConfigPlanner::dropInName())
            dropIn = f.path;
    if (dropIn.isEmpty() && !includeDirs.isEmpty())
        dropIn = QDir(includeDirs.last()).filePath(ConfigPlanner::dropInName());
    plan.target = dropIn.isEmpty() ? files.first().path : dropIn;

    bool dropInExists = false;
    for (int i = 0; i < files.size(); ++i) {
        const ConfigPlanner::SourceFile& file = files[i];
        MyCnf cnf = MyCnf::parse(file.content);
        QByteArray after;
        if (file.path == dropIn) {
            dropInExists = true;
            QStringList keep;
            for (const MyCnf::Line& l : cnf.lines())
                if (!isOurKey(l))
                    keep << l.text;
            while (!keep.isEmpty() && keep.last().trimmed().isEmpty())
                keep.removeLast();
            if (!std::any_of(keep.begin(), keep.end(),
                    [](const QString& l) { return l.trimmed().startsWith(QLatin1Char('[')); }))
                keep << QStringLiteral("[mysqld]");
            after = (keep + ours).join(QLatin1Char('\n')).toUtf8() + '\n';
        } else {
            for (const QString& key : kKeys)
                for (int line : cnf.findOption(key))
                    cnf.disableLine(line);
            if (i == 0 && dropIn.isEmpty()) {
                QStringList body;
                for (int l = 0; l < cnf.lines().size(); ++l) {
                    const MyCnf::Line& line = cnf.lines()[l];
                    const QString t = line.text.trimmed();
                    if (cnf.isInMarkedBlock(l) && !isOurKey(line) && t != MyCnf::kBlockBegin
                        && t != MyCnf::kBlockEnd && !t.startsWith(QLatin1Char('[')))
                        body << line.text;
                }
                cnf.setMarkedBlock(body + ours);
            }
            after = cnf.render();
        }
        if (after != file.content)
            plan.edits << FileEdit { file.path, file.content, after, true };
    }
    if (!dropIn.isEmpty() && !dropInExists) {
        const QString text
            = QStringLiteral("# Written by RepliPair: replication settings of server %1 in pair \"%2\".\n"
                             "[mysqld]\n%3\n")
                  .arg(server, pairName, ours.join(QLatin1Char('\n')));
        plan.edits << FileEdit { dropIn, {}, text.toUtf8(), false };
    }
    return plan;
}

Result<QString> WriterOptionFile::apply(
    ServerContext& ctx, const PairProfile& profile, bool readOnly, bool serverRunning)
{
    ServerInspection inspection;
    if (serverRunning) {
        auto inspected = ServerInspection::inspect(ctx);
        if (!inspected)
            return std::unexpected(inspected.error());
        inspection = *inspected;
    }
    auto main = OptionFiles::locateMain(ctx, inspection);
    if (!main)
        return std::unexpected(main.error());
    auto files = OptionFiles::read(ctx, *main);
    if (!files)
        return std::unexpected(files.error());
    const bool super = serverRunning
        ? WriterControl::hasSuperReadOnly(ctx)
        : inspection.version.flavor == Flavor::MySQL && inspection.version.atLeast(5, 7, 8);
    const ConfigPlan plan = WriterOptionFile::plan(
        ctx.profile.name, profile.name, readOnly, super, files->files, files->includeDirs);
    if (plan.edits.isEmpty())
        return tr("%1 already says read_only = %2")
            .arg(plan.target, readOnly ? QStringLiteral("ON") : QStringLiteral("OFF"));
    ConfigPush::Options options;
    options.filesOnly = !serverRunning;
    ConfigPush push(ctx, plan, options);
    if (auto done = push.apply(); !done)
        return std::unexpected(done.error());
    return tr("%1 says read_only = %2 (backups: %3)")
        .arg(plan.target, readOnly ? QStringLiteral("ON") : QStringLiteral("OFF"),
            push.applied().backups.isEmpty() ? tr("none, new file")
                                             : push.applied().backups.join(QStringLiteral(", ")));
}
