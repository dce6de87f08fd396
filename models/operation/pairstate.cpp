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

void PairState::markUnverified(const QString& cause, const QString& text)
{
    // a known difference stays a difference: an event since then does not make it less so, and the line
    // keeps saying what differs and since when (it said "data differs: <the event>")
    if (agreement == Agreement::Differs) {
        agreementText = tr("%1; since then: %2").arg(agreementText, text);
        differencesComplete = false; // the tables not listed may differ too now
        return;
    }
    agreement = Agreement::Unverified;
    agreementSince = QDateTime::currentDateTimeUtc();
    agreementCause = cause;
    agreementText = text;
}

bool PairState::flagErrant(int index, const QStringList& gtids, const QString& text)
{
    if (gtids.isEmpty() || errantGtids.value(serverId(index)) == gtids)
        return false;
    errantGtids.insert(serverId(index), gtids);
    markUnverified(QStringLiteral("errant-gtid"), text);
    return true;
}

void PairState::markCompared(int differences, const QString& text)
{
    markCompared(differences, text, {}, true);
}

void PairState::markCompared(int differences, const QString& text, const QStringList& tables, bool whole)
{
    if (whole) {
        differingTables = tables;
        differencesComplete = true;
    } else {
        // some tables only: the rest is known only when it was known before (equal, or differing as listed)
        differencesComplete
            = agreement == Agreement::Equal || (agreement == Agreement::Differs && differencesComplete);
        if (agreement != Agreement::Differs)
            differingTables.clear();
        for (const QString& t : tables)
            if (!differingTables.contains(t))
                differingTables << t;
    }
    if (differences == 0) {
        differingTables.clear();
        differencesComplete = false;
    }
    agreement = differences > 0 ? Agreement::Differs : Agreement::Equal;
    agreementSince = QDateTime::currentDateTimeUtc();
    agreementCause = QStringLiteral("compare");
    agreementText = text;
    lastCompared = agreementSince;
    lastComparison = text;
}

bool PairState::markTableEqual(const QString& table, const QString& cause)
{
    // only a table recorded as differing: one equal table says nothing of unverified data
    if (agreement != Agreement::Differs || !differingTables.contains(table))
        return false;
    differingTables.removeAll(table);
    agreementCause = cause;
    if (!differingTables.isEmpty()) {
        agreementText = tr("%1 is the same on both now; still differing: %2")
                            .arg(table, differingTables.join(QStringLiteral(", ")));
        return true; // still differs, since when it was found
    }
    agreementSince = QDateTime::currentDateTimeUtc();
    if (differencesComplete) {
        agreement = Agreement::Equal;
        agreementText = tr("%1 is the same on both now, the only table found differing").arg(table);
    } else {
        agreement = Agreement::Unverified;
        agreementText
            = tr("%1 is the same on both now; the other tables were not compared since the difference was "
                 "found")
                  .arg(table);
    }
    differencesComplete = false;
    return true;
}

QString PairState::agreementName(Agreement agreement)
{
    switch (agreement) {
    case Agreement::Equal:
        return QStringLiteral("equal");
    case Agreement::Differs:
        return QStringLiteral("differs");
    case Agreement::Unverified:
        return QStringLiteral("unverified");
    case Agreement::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString PairState::agreementTitle(Agreement agreement)
{
    switch (agreement) {
    case Agreement::Equal:
        return tr("data equal");
    case Agreement::Differs:
        return tr("data differs");
    case Agreement::Unverified:
        return tr("data unverified");
    case Agreement::Unknown:
        break;
    }
    return {};
}

QString PairState::agreementLine() const
{
    // UTC with its Z, as every other status line (a fence's "since", the JSON's times)
    const QString when = agreementSince.toUTC().toString(Qt::ISODate);
    switch (agreement) {
    case Agreement::Equal:
        return tr("data equal when last compared (%1)").arg(when);
    case Agreement::Differs:
        return tr("data differs (%1): %2; repair the tables or rebuild a server, then compare again")
            .arg(when, agreementText);
    case Agreement::Unverified:
        return tr("data unverified since %1: %2; compare the data to know whether they differ")
            .arg(when, agreementText);
    case Agreement::Unknown:
        break;
    }
    return {};
}

Result<void> PairState::update(const PairProfile& profile, const std::function<void(PairState&)>& change)
{
    auto state = load(profile);
    if (!state)
        return std::unexpected(state.error());
    change(*state);
    return state->save(profile);
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
    if (agreement != Agreement::Unknown) {
        QJsonObject data { { QStringLiteral("agreement"), agreementName(agreement) },
            { QStringLiteral("cause"), agreementCause }, { QStringLiteral("text"), agreementText } };
        if (agreementSince.isValid())
            data.insert(QStringLiteral("since"), agreementSince.toUTC().toString(Qt::ISODate));
        if (lastCompared.isValid()) {
            data.insert(QStringLiteral("lastCompared"), lastCompared.toUTC().toString(Qt::ISODate));
            data.insert(QStringLiteral("lastComparison"), lastComparison);
        }
        if (agreement == Agreement::Differs && !differingTables.isEmpty()) {
            data.insert(QStringLiteral("differingTables"), QJsonArray::fromStringList(differingTables));
            data.insert(QStringLiteral("differencesComplete"), differencesComplete);
        }
        o.insert(QStringLiteral("data"), data);
    }
    if (!errantGtids.isEmpty()) {
        QJsonObject errant;
        for (auto it = errantGtids.cbegin(); it != errantGtids.cend(); ++it)
            errant.insert(it.key(), QJsonArray::fromStringList(it.value()));
        o.insert(QStringLiteral("errantGtids"), errant);
    }
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
    const QJsonObject data = json.value(QStringLiteral("data")).toObject();
    for (Agreement a : { Agreement::Equal, Agreement::Differs, Agreement::Unverified })
        if (data.value(QStringLiteral("agreement")).toString() == agreementName(a))
            s.agreement = a;
    s.agreementSince
        = QDateTime::fromString(data.value(QStringLiteral("since")).toString(), Qt::ISODate).toUTC();
    s.agreementCause = data.value(QStringLiteral("cause")).toString();
    s.agreementText = data.value(QStringLiteral("text")).toString();
    s.lastCompared
        = QDateTime::fromString(data.value(QStringLiteral("lastCompared")).toString(), Qt::ISODate).toUTC();
    s.lastComparison = data.value(QStringLiteral("lastComparison")).toString();
    for (const QJsonValue& v : data.value(QStringLiteral("differingTables")).toArray())
        s.differingTables << v.toString();
    s.differencesComplete = data.value(QStringLiteral("differencesComplete")).toBool();
    const QJsonObject errant = json.value(QStringLiteral("errantGtids")).toObject();
    for (const QString& id : { QStringLiteral("A"), QStringLiteral("B") }) {
        QStringList gtids;
        for (const QJsonValue& v : errant.value(id).toArray())
            gtids << v.toString();
        if (!gtids.isEmpty())
            s.errantGtids.insert(id, gtids);
    }
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
