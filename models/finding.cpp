#include "finding.h"

#include <QCoreApplication>

QString Finding::severityName() const
{
    switch (severity) {
    case Severity::Error:
        return QCoreApplication::translate("Finding", "error");
    case Severity::Warning:
        return QCoreApplication::translate("Finding", "warning");
    case Severity::Ok:
        break;
    }
    return QCoreApplication::translate("Finding", "ok");
}

QJsonObject Finding::toJson() const
{
    static const char *names[] = { "ok", "warning", "error" };
    return { { QStringLiteral("severity"), QLatin1String(names[int(severity)]) },
             { QStringLiteral("server"), server },
             { QStringLiteral("code"), code },
             { QStringLiteral("text"), text },
             { QStringLiteral("fix"), fix } };
}
