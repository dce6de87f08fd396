#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

/** Reads the typed fields of a profile's JSON and collects every problem on the way, so the user sees
 *  them all at once. */
class ProfileFields
{
    Q_DECLARE_TR_FUNCTIONS(ProfileFields)
public:
    void add(const QString& where, const QString& what);
    bool isEmpty() const { return m_list.isEmpty(); }
    QString text() const { return m_list.join(QLatin1Char('\n')); }

    void unknownKeys(const QJsonObject& obj, const QSet<QString>& known, const QString& where);
    QString string(const QJsonObject& obj, const QString& key, const QString& where, const QString& def,
        bool required = false);
    int port(const QJsonObject& obj, const QString& key, const QString& where, int def);
    bool boolean(const QJsonObject& obj, const QString& key, const QString& where, bool def);
    /** A whole number (its range is ProfileRules'). */
    int integer(const QJsonObject& obj, const QString& key, const QString& where, int def);
    /** Database names that option files and the server's filter lists can hold. */
    QStringList names(const QJsonObject& obj, const QString& key, const QString& where);

private:
    QStringList m_list;
};
