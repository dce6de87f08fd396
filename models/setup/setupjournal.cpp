#include "setup/setupjournal.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>

void SetupJournal::add(const QJsonValue& entry)
{
    const QMutexLocker lock(&m_mutex);
    m_steps << entry;
}

QJsonObject SetupJournal::finish(bool ok, const QString& error, const QString& profilePath)
{
    const QMutexLocker lock(&m_mutex);
    QJsonObject journal { { QStringLiteral("time"), QDateTime::currentDateTime().toString(Qt::ISODate) },
        { QStringLiteral("ok"), ok }, { QStringLiteral("steps"), m_steps } };
    if (!ok)
        journal.insert(QStringLiteral("error"), error);
    if (profilePath.isEmpty())
        return journal;
    QFile f(profilePath + QStringLiteral(".journal"));
    if (f.open(QIODevice::Append)) {
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        f.write(QJsonDocument(journal).toJson(QJsonDocument::Compact) + '\n');
    }
    return journal;
}
