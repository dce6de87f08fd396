#include "setup/setupevent.h"

#include "common/stepid.h"

#include <QCoreApplication>

QString SetupEvent::kindName() const
{
    static const char* names[] = { "started", "finished", "failed", "info", "warning", "progress" };
    return QLatin1String(names[int(kind)]);
}

QString SetupEvent::stepTitle() const
{
    return StepId::title(step);
}

QJsonObject SetupEvent::toJson() const
{
    QJsonObject o { { QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("event"), kindName() }, { QStringLiteral("server"), server },
        { QStringLiteral("step"), step }, { QStringLiteral("stepTitle"), stepTitle() },
        { QStringLiteral("text"), text } };
    if (!code.isEmpty())
        o.insert(QStringLiteral("code"), code);
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
    QString line
        = QStringLiteral("%1 %2 [%3] %4: %5")
              .arg(time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")), mark, who, stepTitle(), text);
    if (elapsedMs >= 0)
        line += SetupEvent::tr(" (%1 ms)").arg(elapsedMs);
    return line;
}
