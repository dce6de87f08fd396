#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

/** What the runner reports as it goes: one line of the live log, one JSON object for automation. */
struct SetupEvent
{
    Q_DECLARE_TR_FUNCTIONS(SetupEvent)
public:
    enum class Kind { StepStarted, StepFinished, StepFailed, Info, Warning, Progress };
    Kind kind = Kind::Info;
    QDateTime time = QDateTime::currentDateTime();
    QString server; ///< profile name, empty for the pair
    QString step;
    QString text; ///< never contains a password
    qint64 elapsedMs = -1;
    QJsonObject data; ///< machine-readable detail, e.g. a copy's progress (stable keys)

    QString kindName() const;
    QJsonObject toJson() const;
    QString toLine() const;
};
Q_DECLARE_METATYPE(SetupEvent)
