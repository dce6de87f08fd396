#include "actions/comparestate.h"

#include "common/stepid.h"
#include "setup/setupjournal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace {
QJsonObject optionsJson(const CompareOptions& o)
{
    return QJsonObject { { QStringLiteral("tables"), QJsonArray::fromStringList(o.tables) },
        { QStringLiteral("sinceColumn"), o.sinceColumn }, { QStringLiteral("sinceValue"), o.sinceValue } };
}
} // namespace

QString CompareState::path(const PairProfile& profile)
{
    QString journal = SetupJournal::defaultPath(profile);
    if (journal.endsWith(QLatin1String(".journal")))
        journal.chop(8);
    return journal + QStringLiteral(".compare-state");
}

Result<std::optional<CompareReport>> CompareState::load(
    const PairProfile& profile, const CompareOptions& options)
{
    QFile f(path(profile));
    if (!f.exists())
        return std::optional<CompareReport>();
    if (!f.open(QIODevice::ReadOnly))
        return stepFailure(
            profile.name, StepId::CompareData, tr("cannot read %1: %2").arg(f.fileName(), f.errorString()));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    if (o.value(QStringLiteral("options")).toObject() != optionsJson(options))
        return std::optional<CompareReport>();
    return std::optional<CompareReport>(CompareReport::fromJson(
        o.value(QStringLiteral("report")).toObject(), profile.servers[0].name, profile.servers[1].name));
}

Result<void> CompareState::save(
    const PairProfile& profile, const CompareOptions& options, const CompareReport& report)
{
    const QString p = path(profile);
    QDir().mkpath(QFileInfo(p).absolutePath());
    QSaveFile f(p);
    if (!f.open(QIODevice::WriteOnly))
        return stepFailure(
            profile.name, StepId::CompareData, tr("cannot write %1: %2").arg(p, f.errorString()));
    // key values are the tables' data: readable by the owner only, from the first byte
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(
        QJsonObject { { QStringLiteral("options"), optionsJson(options) },
            { QStringLiteral("report"), report.toJson(profile.servers[0].name, profile.servers[1].name) } })
                .toJson(QJsonDocument::Compact));
    if (!f.commit())
        return stepFailure(
            profile.name, StepId::CompareData, tr("cannot write %1: %2").arg(p, f.errorString()));
    return {};
}

void CompareState::remove(const PairProfile& profile)
{
    QFile::remove(path(profile));
}
