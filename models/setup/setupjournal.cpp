#include "setup/setupjournal.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>

QString SetupJournal::defaultPath(const PairProfile& profile)
{
    // a profile read from a pipe or a descriptor (/dev/stdin -> /proc/self/fd/0, which may even be a
    // regular file) has no folder of its own to keep a journal in
    const QFileInfo info(profile.filePath);
    auto special = [](const QString& path) {
        return path.startsWith(QLatin1String("/dev/")) || path.startsWith(QLatin1String("/proc/"));
    };
    if (!profile.filePath.isEmpty() && info.isFile() && !special(info.absoluteFilePath())
        && !special(info.canonicalFilePath()))
        return profile.filePath + QStringLiteral(".journal");
    // the pair's name is validated (letters, digits, _ - .); anything else is replaced all the same
    QString name = profile.name;
    for (QChar& c : name)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    if (name.isEmpty())
        name = QStringLiteral("pair");
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/replipair/journals");
    // two pairs of one name (two sandboxes, a test beside the real one) are two pairs: the journal is named
    // after the name and the two servers it joins, so one never reads the other's runs
    QByteArray endpoints;
    for (const ServerProfile& s : profile.servers)
        endpoints += (s.hasSsh ? s.ssh.host : QString()).toUtf8() + '|' + s.endpoint().toUtf8() + ';';
    const QString id
        = QString::fromLatin1(QCryptographicHash::hash(endpoints, QCryptographicHash::Sha1).toHex().left(8));
    return dir + QLatin1Char('/') + name + QLatin1Char('-') + id + QStringLiteral(".journal");
}

void SetupJournal::add(const QJsonValue& entry)
{
    const QMutexLocker lock(&m_mutex);
    m_steps << entry;
}

QJsonObject SetupJournal::finish(bool ok, const StepError& error, const QString& path)
{
    const QMutexLocker lock(&m_mutex);
    QJsonObject journal { { QStringLiteral("time"),
                              QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
        { QStringLiteral("ok"), ok }, { QStringLiteral("steps"), m_steps } };
    if (!ok)
        journal.insert(QStringLiteral("error"),
            QJsonObject { { QStringLiteral("server"), error.server }, { QStringLiteral("step"), error.step },
                { QStringLiteral("code"), error.code }, { QStringLiteral("text"), error.text } });
    if (path.isEmpty())
        return journal;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::Append)) {
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        f.write(QJsonDocument(journal).toJson(QJsonDocument::Compact) + '\n');
        journal.insert(QStringLiteral("path"), path);
    }
    return journal;
}
