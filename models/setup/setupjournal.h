#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QString>

/** What a setup run did (steps, backups, created files, accounts; never a secret), appended as one
 *  JSON line to `<profile>.journal` (mode 0600) so a failed run can be resumed or rolled back by hand. */
class SetupJournal
{
public:
    /** Safe from both worker threads at once. */
    void add(const QJsonValue& entry);
    /** The run's record; also appended to @p profilePath + ".journal" when a path is given. */
    QJsonObject finish(bool ok, const QString& error, const QString& profilePath);

private:
    QMutex m_mutex;
    QJsonArray m_steps; ///< guarded by m_mutex
};
