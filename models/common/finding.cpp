#include "common/finding.h"

#include <QCoreApplication>

QString Finding::severityName() const
{
    switch (severity) {
    case Severity::Error:
        return Finding::tr("error");
    case Severity::Warning:
        return Finding::tr("warning");
    case Severity::Ok:
        break;
    }
    return Finding::tr("ok");
}

QJsonObject Finding::toJson() const
{
    static const char* names[] = { "ok", "warning", "error" };
    return { { QStringLiteral("severity"), QLatin1String(names[int(severity)]) },
        { QStringLiteral("server"), server }, { QStringLiteral("code"), code },
        { QStringLiteral("text"), text }, { QStringLiteral("fix"), fix } };
}
