#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QString>

/** What a setup run did (step ids, backups, created files, accounts; never a secret), appended as one
 *  JSON line to the pair's journal file (mode 0600) so a failed run can be resumed or rolled back by
 *  hand. Every setup run appends a line, also one that changed nothing or stopped at pre-flight. */
class SetupJournal
{
    Q_DECLARE_TR_FUNCTIONS(SetupJournal)
public:
    /** Where the journal of @p profile lives: next to a profile that is a regular file
     *  (`<profile>.journal`); else (a pipe such as /dev/stdin, or a profile never saved) in the state
     *  folder, `$XDG_DATA_HOME/replipair/journals/<pair name>-<id of its two servers>.journal`
     * (~/.local/share/... by default). */
    static QString defaultPath(const PairProfile& profile);

    /** Safe from both worker threads at once. */
    void add(const QJsonValue& entry);
    /** The run's record (time in UTC with zone, ok, steps, error with its step id); also appended to
     *  @p path when one is given. */
    QJsonObject finish(bool ok, const StepError& error, const QString& path);

private:
    QMutex m_mutex;
    QJsonArray m_steps; ///< guarded by m_mutex
};
