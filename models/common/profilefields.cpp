#include "common/profilefields.h"

#include "common/profilerules.h"

#include <QJsonArray>

void ProfileFields::add(const QString& where, const QString& what)
{
    m_list << QStringLiteral("%1: %2").arg(where, what);
}

void ProfileFields::unknownKeys(const QJsonObject& obj, const QSet<QString>& known, const QString& where)
{
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (!known.contains(it.key()) && !it.key().startsWith(QLatin1Char('_')))
            add(where, ProfileFields::tr("unknown key \"%1\"").arg(ProfileRules::printable(it.key())));
}

QString ProfileFields::string(
    const QJsonObject& obj, const QString& key, const QString& where, const QString& def, bool required)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            add(where, ProfileFields::tr("missing \"%1\"").arg(key));
        return def;
    }
    if (!v.isString()) {
        add(where, ProfileFields::tr("\"%1\" must be a string").arg(key));
        return def;
    }
    if (required && v.toString().trimmed().isEmpty())
        add(where, ProfileFields::tr("\"%1\" must not be empty").arg(key));
    return v.toString();
}

int ProfileFields::port(const QJsonObject& obj, const QString& key, const QString& where, int def)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined() || v.isNull())
        return def;
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != int(d) || d < 1 || d > 65535) {
        add(where, ProfileFields::tr("\"%1\" must be a port number between 1 and 65535").arg(key));
        return def;
    }
    return int(d);
}

int ProfileFields::integer(const QJsonObject& obj, const QString& key, const QString& where, int def)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined() || v.isNull())
        return def;
    const double d = v.toDouble();
    if (!v.isDouble() || d != double(qint64(d)) || d < -1e9 || d > 1e9) {
        add(where, ProfileFields::tr("\"%1\" must be a whole number").arg(key));
        return def;
    }
    return int(d);
}

bool ProfileFields::boolean(const QJsonObject& obj, const QString& key, const QString& where, bool def)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined() || v.isNull())
        return def;
    if (!v.isBool()) {
        add(where, ProfileFields::tr("\"%1\" must be true or false").arg(key));
        return def;
    }
    return v.toBool();
}

QStringList ProfileFields::names(const QJsonObject& obj, const QString& key, const QString& where)
{
    const QJsonValue v = obj.value(key);
    QStringList out;
    if (v.isUndefined() || v.isNull())
        return out;
    if (!v.isArray()) {
        add(where, ProfileFields::tr("\"%1\" must be an array of names").arg(key));
        return out;
    }
    for (const QJsonValue& item : v.toArray()) {
        const QString name = item.toString();
        if (!item.isString() || name.isEmpty() || name.size() > 64)
            add(where, ProfileFields::tr("\"%1\" holds a value that is not a database name").arg(key));
        else if (name.contains(QLatin1Char('#')) || name.contains(QLatin1Char(','))
            || ProfileRules::breaksLine(name) || name.trimmed() != name)
            // '#' starts a comment in an option file, ',' separates names in the server's filter lists
            add(where,
                ProfileFields::tr(
                    "database name \"%1\" in \"%2\" cannot be replicated by name filters (it "
                    "holds '#', ',', "
                    "a control character, a line or paragraph separator, or leading/trailing blanks)")
                    .arg(ProfileRules::printable(name), key));
        else
            out << name;
    }
    return out;
}
