#include "setup/setupevent.h"

#include <QCoreApplication>

QString SetupEvent::kindName() const
{
    static const char* names[] = { "started", "finished", "failed", "info", "warning", "progress" };
    return QLatin1String(names[int(kind)]);
}

QJsonObject SetupEvent::toJson() const
{
    QJsonObject o { { QStringLiteral("time"), time.toString(Qt::ISODateWithMs) },
        { QStringLiteral("event"), kindName() }, { QStringLiteral("server"), server },
        { QStringLiteral("step"), step }, { QStringLiteral("text"), text } };
    if (elapsedMs >= 0)
        o.insert(QStringLiteral("elapsedMs"), elapsedMs);
    if (!data.isEmpty())
        o.insert(QStringLiteral("data"), data);
    return o;
}

QString SetupEvent::toLine() const
{
    const QString who = server.isEmpty() ? QStringLiteral("A+B") : server;
    QString mark;
    switch (kind) {
    case Kind::StepStarted:
        mark = QStringLiteral("..");
        break;
    case Kind::StepFinished:
        mark = QStringLiteral("ok");
        break;
    case Kind::StepFailed:
        mark = QStringLiteral("!!");
        break;
    case Kind::Warning:
        mark = QStringLiteral("w ");
        break;
    case Kind::Info:
        mark = QStringLiteral("  ");
        break;
    case Kind::Progress:
        mark = QStringLiteral(">>");
        break;
    }
    QString line = QStringLiteral("%1 %2 [%3] %4: %5")
                       .arg(time.toString(QStringLiteral("HH:mm:ss.zzz")), mark, who, step, text);
    if (elapsedMs >= 0)
        line += SetupEvent::tr(" (%1 ms)").arg(elapsedMs);
    return line;
}
