#pragma once

#include "common/pairprofile.h"
#include "operation/intentjournal.h"
#include "setup/setupevent.h"
#include "setup/setupoptions.h"

#include <QCoreApplication>

#include <functional>

class ServerWorker;

/** `recover`: reads the pair's journal and puts back what its last run changed and did not put back
 *  itself — read_only, temporary accounts and folders, detached jobs, replica settings, option files — or
 *  says exactly what it could not. Newest change first. A run that may still be running is left alone.
 *  Runs on the calling thread and waits on the two servers' workers (call it off the GUI thread). */
class Recovery
{
    Q_DECLARE_TR_FUNCTIONS(Recovery)
public:
    using EventSink = std::function<void(const SetupEvent&)>;

    struct Outcome
    {
        bool nothingToDo = false;
        QString run; ///< the run recovered (its id in the journal)
        QString operation; ///< what that run was ("setup", …)
        int undone = 0;
        QStringList problems; ///< what could not be put back, each with the way to do it by hand
    };

    Recovery(PairProfile profile, QString journalPath, SetupOptions::ShellFactory shells, EventSink onEvent);

    /** What recover would do, changing nothing: the changes to put back, newest first. */
    Result<QList<JournalIntent>> pending(JournalRun* run = nullptr) const;
    /** Puts back every pending change; an error only when the journal cannot be read or a run still runs. */
    Result<Outcome> run();

    /** One line saying what putting back @p intent means, for the dry run and the log. */
    static QString describe(const JournalIntent& intent);

private:
    /** Puts back one change of the run @p operation ("setup", "rebuild", …) on its server; the text says
     *  what was done. */
    Result<QString> undo(const JournalIntent& intent, const QString& operation, ServerWorker* worker) const;

    PairProfile m_profile;
    QString m_path;
    SetupOptions::ShellFactory m_shells;
    EventSink m_onEvent;
};
