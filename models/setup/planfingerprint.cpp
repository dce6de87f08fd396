#include "setup/planfingerprint.h"

#include "common/stepid.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace {
QString sha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/** Settings that change on their own on a live server: not what a plan depends on. */
bool moves(const QString& variable)
{
    return variable == QLatin1String("gtid_binlog_pos") || variable == QLatin1String("gtid_executed")
        || variable == QLatin1String("gtid_current_pos");
}

/** What of a step is its substance: steps that carry binary log coordinates are compared by what and
 *  where only, since the run reads the coordinates again. */
QByteArray stepBytes(const PlanStep& s)
{
    QByteArray out = s.id.toUtf8() + '\0' + s.server.toUtf8() + '\0';
    if (s.id == StepId::Coordinates || s.id == StepId::ChangeSource || s.id == StepId::Copy)
        return out;
    out += s.title.toUtf8() + '\0' + s.sql.join(QLatin1Char('\n')).toUtf8() + '\0' + s.diff.toUtf8();
    return out;
}

QString shown(const QJsonValue& v)
{
    if (v.isUndefined() || v.isNull())
        return PlanFingerprint::tr("(none)");
    const QString s = v.isString() ? v.toString() : QString::number(v.toDouble(), 'g', 17);
    return s.isEmpty() ? PlanFingerprint::tr("(empty)") : s;
}
} // namespace

QJsonObject PlanFingerprint::make(const PairProfile& profile, const ServerInspection (&in)[2],
    const QMap<QString, QByteArray> (&files)[2], const QList<PlanStep>& steps)
{
    QJsonArray servers;
    for (int i = 0; i < 2; ++i) {
        const ServerInspection& s = in[i];
        QJsonObject settings;
        for (auto it = s.variables.cbegin(); it != s.variables.cend(); ++it)
            if (!moves(it.key()))
                settings.insert(it.key(), it.value());
        settings.insert(QStringLiteral("databases"), s.databases.join(QLatin1Char(',')));
        settings.insert(QStringLiteral("replica"),
            s.replica.configured ? QStringLiteral("%1:%2").arg(s.replica.sourceHost).arg(s.replica.sourcePort)
                                 : QString());
        QJsonObject hashes;
        for (auto it = files[i].cbegin(); it != files[i].cend(); ++it)
            hashes.insert(it.key(), sha256(it.value()));
        servers << QJsonObject { { QStringLiteral("name"), profile.servers[i].name },
            { QStringLiteral("serverUuid"), s.serverUuid },
            { QStringLiteral("serverId"), QString::number(s.serverId) },
            { QStringLiteral("version"), s.versionString }, { QStringLiteral("datadir"), s.datadir },
            { QStringLiteral("settings"), settings }, { QStringLiteral("files"), hashes } };
    }
    QJsonArray stepList;
    for (const PlanStep& s : steps)
        stepList << QJsonObject { { QStringLiteral("id"), s.id }, { QStringLiteral("server"), s.server },
            { QStringLiteral("sha256"), sha256(stepBytes(s)) } };
    QJsonObject fp { { QStringLiteral("format"), Format },
        { QStringLiteral("profile"), sha256(QJsonDocument(profile.toJson()).toJson(QJsonDocument::Compact)) },
        { QStringLiteral("servers"), servers }, { QStringLiteral("steps"), stepList } };
    fp.insert(QStringLiteral("sha256"), sha256(QJsonDocument(fp).toJson(QJsonDocument::Compact)));
    return fp;
}

QString PlanFingerprint::digest(const QJsonObject& fingerprint)
{
    return fingerprint.value(QStringLiteral("sha256")).toString();
}

QStringList PlanFingerprint::differences(const QJsonObject& approved, const QJsonObject& now)
{
    QStringList out;
    if (approved.value(QStringLiteral("format")).toInt() != Format)
        return { tr("the plan was made by another version of RepliPair (fingerprint format %1, this one "
                    "makes %2)")
                     .arg(approved.value(QStringLiteral("format")).toInt())
                     .arg(Format) };
    if (approved.value(QStringLiteral("profile")) != now.value(QStringLiteral("profile")))
        out << tr("the profile changed since the plan was made");
    const QJsonArray was = approved.value(QStringLiteral("servers")).toArray();
    const QJsonArray is = now.value(QStringLiteral("servers")).toArray();
    for (qsizetype i = 0; i < qMax(was.size(), is.size()); ++i) {
        const QJsonObject a = was.at(i).toObject(), b = is.at(i).toObject();
        const QString name
            = b.value(QStringLiteral("name")).toString(a.value(QStringLiteral("name")).toString());
        const QString tag = QStringLiteral("[%1] ").arg(name);
        static const QList<QPair<const char*, const char*>> identity { { "serverUuid", "server_uuid" },
            { "serverId", "server_id" }, { "version", "version" }, { "datadir", "datadir" } };
        bool otherServer = false;
        for (const auto& [key, variable] : identity) {
            const QJsonValue x = a.value(QLatin1String(key)), y = b.value(QLatin1String(key));
            if (x != y) {
                out << tag + tr("%1 was %2, is now %3").arg(QLatin1String(variable), shown(x), shown(y));
                otherServer = true;
            }
        }
        if (otherServer)
            out << tag + tr("this is not the server the plan was made for");
        const QJsonObject sa = a.value(QStringLiteral("settings")).toObject();
        const QJsonObject sb = b.value(QStringLiteral("settings")).toObject();
        QStringList keys = sa.keys() + sb.keys();
        keys.removeDuplicates();
        keys.sort();
        for (const QString& k : keys) {
            if (sa.value(k) == sb.value(k))
                continue;
            if (otherServer
                && (k == QLatin1String("server_id") || k == QLatin1String("version")
                    || k == QLatin1String("datadir") || k == QLatin1String("server_uuid")))
                continue; // said above
            out << tag + tr("setting %1 was %2, is now %3").arg(k, shown(sa.value(k)), shown(sb.value(k)));
        }
        const QJsonObject fa = a.value(QStringLiteral("files")).toObject();
        const QJsonObject fb = b.value(QStringLiteral("files")).toObject();
        QStringList paths = fa.keys() + fb.keys();
        paths.removeDuplicates();
        paths.sort();
        for (const QString& p : paths) {
            if (!fa.contains(p))
                out << tag + tr("option file %1 is new (it was not there when the plan was made)").arg(p);
            else if (!fb.contains(p))
                out << tag + tr("option file %1 is gone, or is no longer read").arg(p);
            else if (fa.value(p) != fb.value(p))
                out << tag + tr("option file %1 changed since the plan was made").arg(p);
        }
    }
    const QJsonArray ta = approved.value(QStringLiteral("steps")).toArray();
    const QJsonArray tb = now.value(QStringLiteral("steps")).toArray();
    const auto describe = [](const QJsonArray& steps) {
        QStringList names;
        for (const QJsonValue& v : steps) {
            const QJsonObject s = v.toObject();
            const QString server = s.value(QStringLiteral("server")).toString();
            names << (server.isEmpty() ? StepId::title(s.value(QStringLiteral("id")).toString())
                                       : QStringLiteral("[%1] %2").arg(
                                           server, StepId::title(s.value(QStringLiteral("id")).toString())));
        }
        return names.join(QStringLiteral(", "));
    };
    if (ta.size() != tb.size()) {
        out << tr("the plan's steps are now: %1; the approved plan had: %2")
                   .arg(tb.isEmpty() ? tr("none") : describe(tb), ta.isEmpty() ? tr("none") : describe(ta));
    } else {
        for (qsizetype i = 0; i < ta.size(); ++i) {
            const QJsonObject x = ta.at(i).toObject(), y = tb.at(i).toObject();
            if (x == y)
                continue;
            const QString server = y.value(QStringLiteral("server")).toString();
            out << (server.isEmpty() ? QString() : QStringLiteral("[%1] ").arg(server))
                    + tr("step %1 (%2) would now do something else than in the approved plan")
                          .arg(i + 1)
                          .arg(StepId::title(y.value(QStringLiteral("id")).toString()));
        }
    }
    return out;
}
