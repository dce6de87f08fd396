#include "config/configplan.h"

#include "common/textdiff.h"
#include "config/mycnf.h"

#include <QDir>

QString FileEdit::diff() const
{
    return TextDiff::unified(QString::fromUtf8(before), QString::fromUtf8(after),
        existed ? path : QStringLiteral("/dev/null"), path);
}

QString ConfigPlan::diff() const
{
    QString out;
    for (const FileEdit& e : edits)
        out += e.diff();
    return out;
}

QStringList ConfigPlanner::aliases(const QString& variable)
{
    if (variable == QLatin1String("log_slave_updates") || variable == QLatin1String("log_replica_updates"))
        return { QStringLiteral("log_slave_updates"), QStringLiteral("log_replica_updates") };
    return { variable };
}

void ConfigPlanner::carryOverLogBin(QStringList& body, const QList<DesiredSetting>& settings,
    const QList<SourceFile>& files, const QString& dropIn)
{
    for (const DesiredSetting& s : settings)
        if (s.variable == QLatin1String("log_bin"))
            return; // we set it ourselves
    // log_bin is already on. If the only file that turns it on is ours (we did, on an earlier run), keep
    // that line, or the next restart would silently switch the binary log off.
    QStringList ours;
    for (const SourceFile& file : files) {
        const MyCnf cnf = MyCnf::parse(file.content);
        for (int i = 0; i < cnf.lines().size(); ++i) {
            const MyCnf::Line& l = cnf.lines()[i];
            if (l.key != QLatin1String("log_bin") || !MyCnf::isServerSection(l.section))
                continue;
            if (file.path != dropIn && !cnf.isInMarkedBlock(i))
                return; // someone else's log-bin line stays in charge
            ours << l.text.trimmed();
        }
    }
    if (!ours.isEmpty())
        body.insert(qMin<qsizetype>(1, body.size()), ours.last());
}

ConfigPlan ConfigPlanner::plan(const QString& server, const QString& pairName,
    const QList<DesiredSetting>& settings, const QMap<QString, QString>& effective,
    const QList<SourceFile>& files, const QStringList& includeDirs, bool restartAllowed)
{
    ConfigPlan plan;
    plan.server = server;
    plan.settings = settings;
    for (const DesiredSetting& s : settings) {
        if (ReplicationSettings::isEffective(s, effective))
            continue;
        if (s.writerRole)
            plan.writerRole << s;
        else if (s.dynamic)
            plan.setGlobal << s;
        else if (restartAllowed || s.variable == QLatin1String("log_bin"))
            plan.restartFor << s.variable;
        else
            plan.pendingRestart << s.variable;
    }
    if (plan.restartNeeded()) { // a restart happens anyway: it applies everything
        plan.restartFor << plan.pendingRestart;
        plan.pendingRestart.clear();
    }
    if (files.isEmpty())
        return plan;

    QStringList body;
    for (const DesiredSetting& s : settings)
        body << s.cnfLines;

    // the last !includedir is read last among the folders: a drop-in there wins over them
    const QString dropIn
        = includeDirs.isEmpty() ? QString() : QDir(includeDirs.last()).filePath(dropInName());
    carryOverLogBin(body, settings, files, dropIn);

    plan.target = dropIn.isEmpty() ? files.first().path : dropIn;

    for (int f = 0; f < files.size(); ++f) {
        const SourceFile& file = files[f];
        if (file.path == dropIn)
            continue;
        MyCnf cnf = MyCnf::parse(file.content);
        for (const DesiredSetting& s : settings)
            for (const QString& alias : aliases(s.variable))
                for (int line : cnf.findOption(alias))
                    cnf.disableLine(line);
        if (f == 0 && dropIn.isEmpty())
            cnf.setMarkedBlock(body);
        const QByteArray after = cnf.render();
        if (after != file.content || !file.exists)
            plan.edits << FileEdit { file.path, file.content, after, file.exists };
    }
    if (!dropIn.isEmpty()) {
        QByteArray before;
        bool existed = false;
        for (const SourceFile& file : files)
            if (file.path == dropIn) {
                before = file.content;
                existed = true;
            }
        QString text = QStringLiteral(
            "# Written by RepliPair: replication settings of server %1 in pair \"%2\".\n"
            "# RepliPair rewrites this file on each setup; the files it changed have backups beside them.\n"
            "[mysqld]\n")
                           .arg(server, pairName);
        text += body.join(QLatin1Char('\n')) + QLatin1Char('\n');
        const QByteArray after = text.toUtf8();
        if (after != before || !existed)
            plan.edits << FileEdit { dropIn, before, after, existed };
    }
    return plan;
}
