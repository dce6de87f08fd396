#include "common/steperror.h"

#include "common/stepid.h"

#include <QCoreApplication>

QString StepError::toString() const
{
    const QString step = StepId::title(this->step);
    QString where;
    if (!server.isEmpty() && !step.isEmpty())
        where = StepError::tr("[%1] %2: ").arg(server, step);
    else if (!step.isEmpty())
        where = StepError::tr("%1: ").arg(step);
    else if (!server.isEmpty())
        where = StepError::tr("[%1] ").arg(server);
    if (code != 0)
        return where + StepError::tr("%1 (error %2)").arg(text).arg(code);
    return where + text;
}
