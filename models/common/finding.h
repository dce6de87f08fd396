#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

/** One verdict of the pre-flight checks. */
struct Finding
{
    Q_DECLARE_TR_FUNCTIONS(Finding)
public:
    enum class Severity { Ok, Warning, Error };
    Severity severity = Severity::Ok;
    QString server; ///< profile name, empty for the pair
    QString code; ///< stable identifier, e.g. "server-id-clash"
    QString text; ///< what is wrong, in the DBA's words
    QString fix; ///< what the plan does about it, or what the user should do

    QString severityName() const;
    QJsonObject toJson() const;
};
