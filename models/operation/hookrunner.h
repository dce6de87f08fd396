#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>

/** Runs a switch hook of the profile (beforeSwitch, afterSwitch, rollback) on this machine: `/bin/sh -c`
 *  in a process group of its own, with the REPLIPAIR_* variables naming the old and the new writer, its
 *  output kept, stopped (the whole group) after the hook timeout. Blocks: run it off the GUI thread. */
class HookRunner
{
    Q_DECLARE_TR_FUNCTIONS(HookRunner)
public:
    /** Stable names of the hooks, as in the profile. */
    static inline const QString BeforeSwitch = QStringLiteral("beforeSwitch");
    static inline const QString AfterSwitch = QStringLiteral("afterSwitch");
    static inline const QString Rollback = QStringLiteral("rollback");

    struct Outcome
    {
        QString hook; ///< beforeSwitch, afterSwitch or rollback
        QString command;
        int exitCode = 0; ///< -1 when it crashed or was stopped
        bool timedOut = false;
        QString output; ///< stdout and stderr together, trimmed
        qint64 elapsedMs = 0;

        bool ok() const { return !timedOut && exitCode == 0; }
        /** "beforeSwitch exited with 3: …output…" for people. */
        QString summary() const;
    };

    /** @p oldWriter and @p newWriter are indexes into @p profile's servers. */
    HookRunner(const PairProfile& profile, int oldWriter, int newWriter);

    /** The command of hook @p name, empty when the profile has none. */
    QString command(const QString& name) const;
    /** The step that runs hook @p name, for the plan and the log: "run the beforeSwitch hook: COMMAND", or
     *  that the profile has none. */
    QString intent(const QString& name) const;
    /** The variables a hook gets, on top of this process's environment (no password among them). */
    QProcessEnvironment environment() const;
    /** Runs hook @p name; an empty command is a success with nothing run. An error only when it could not
     *  be started; a non-zero exit or a timeout is an Outcome with ok() false. */
    Result<Outcome> run(const QString& name) const;

private:
    const PairProfile& m_profile;
    const int m_old;
    const int m_new;
};
