#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

/** What the runner reports as it goes: one line of the live log, one JSON object for automation.
 *  Machines read the ids (kindName(), step, code); people read stepTitle() and text. */
struct SetupEvent
{
    Q_DECLARE_TR_FUNCTIONS(SetupEvent)
public:
    enum class Kind { StepStarted, StepFinished, StepFailed, Info, Warning, Progress };
    Kind kind = Kind::Info;
    QDateTime time = QDateTime::currentDateTimeUtc();
    QString server; ///< profile name, empty for the pair
    QString step; ///< stable id (StepId), never translated
    QString code; ///< a finding's stable code ("server-id-clash") where the event reports one
    QString text; ///< translated; never contains a password
    qint64 elapsedMs = -1;
    QJsonObject data; ///< machine-readable detail, e.g. a copy's progress (stable keys)

    /** Stable id of the kind: started, finished, failed, info, warning. */
    QString kindName() const;
    /** The step's translated title. */
    QString stepTitle() const;
    /** time in UTC with zone (ISO 8601, "Z"), step and code as ids, text and stepTitle translated. */
    QJsonObject toJson() const;
    QString toLine() const;
};
Q_DECLARE_METATYPE(SetupEvent)
