#include "operation/pairstate.h"

#include "common/stepid.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

void PairState::fence(int index, const QString& why)
{
    if (!isFenced(index))
        fenced << serverId(index);
    fenced.sort();
    since = QDateTime::currentDateTimeUtc();
    reason = why;
}

void PairState::unfence(int index)
{
    fenced.removeAll(serverId(index));
    if (fenced.isEmpty()) {
        since = {};
        reason.clear();
    }
}

QString PairState::pathFor(const PairProfile& profile)
{
    const QFileInfo info(profile.filePath);
    const QString absolute = info.absoluteFilePath();
    if (!profile.filePath.isEmpty() && info.isFile() && !absolute.startsWith(QLatin1String("/dev/"))
        && !absolute.startsWith(QLatin1String("/proc/")))
        return profile.filePath + QStringLiteral(".state.json");
    QString name = profile.name;
    for (QChar& c : name)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    if (name.isEmpty())
        name = QStringLiteral("pair");
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/replipair/state/") + name + QStringLiteral(".state.json");
}

QJsonObject PairState::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("fenced"), QJsonArray::fromStringList(fenced));
    if (since.isValid())
        o.insert(QStringLiteral("since"), since.toUTC().toString(Qt::ISODate));
    if (!reason.isEmpty())
        o.insert(QStringLiteral("reason"), reason);
    return o;
}

PairState PairState::fromJson(const QJsonObject& json)
{
    PairState s;
    for (const QJsonValue& v : json.value(QStringLiteral("fenced")).toArray())
        if (v.toString() == QLatin1String("A") || v.toString() == QLatin1String("B"))
            s.fenced << v.toString();
    s.since = QDateTime::fromString(json.value(QStringLiteral("since")).toString(), Qt::ISODate).toUTC();
    s.reason = json.value(QStringLiteral("reason")).toString();
    return s;
}

Result<PairState> PairState::load(const PairProfile& profile)
{
    const QString path = pathFor(profile);
    QFile f(path);
    if (!f.exists())
        return PairState();
    if (!f.open(QIODevice::ReadOnly))
        return stepFailure({}, StepId::Profile, tr("cannot read %1: %2").arg(path, f.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject())
        return stepFailure({}, StepId::Profile,
            tr("%1 is not a pair state (JSON object): %2").arg(path, error.errorString()));
    return fromJson(doc.object());
}

Result<void> PairState::save(const PairProfile& profile) const
{
    const QString path = pathFor(profile);
    if (isEmpty()) {
        if (QFile::exists(path) && !QFile::remove(path))
            return stepFailure({}, StepId::Fence, tr("cannot remove %1").arg(path));
        return {};
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return stepFailure({}, StepId::Fence, tr("cannot write %1: %2").arg(path, f.errorString()));
    f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return stepFailure({}, StepId::Fence, tr("cannot write %1: %2").arg(path, f.errorString()));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}
