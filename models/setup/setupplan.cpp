#include "setup/setupplan.h"

#include <QCoreApplication>
#include <QJsonArray>

QJsonObject PlanStep::toJson() const
{
    QJsonObject o { { QStringLiteral("id"), id }, { QStringLiteral("server"), server },
        { QStringLiteral("title"), title }, { QStringLiteral("sql"), QJsonArray::fromStringList(sql) } };
    if (!diff.isEmpty())
        o.insert(QStringLiteral("diff"), diff);
    if (!check.isEmpty())
        o.insert(QStringLiteral("check"), check);
    if (!undo.isEmpty())
        o.insert(QStringLiteral("undo"), undo);
    return o;
}

bool SetupPlan::hasErrors() const
{
    return !errorLines().isEmpty();
}

QStringList SetupPlan::errorLines() const
{
    QStringList errors;
    for (const Finding& f : findings)
        if (f.severity == Finding::Severity::Error)
            errors << (f.server.isEmpty() ? f.text : QStringLiteral("[%1] %2").arg(f.server, f.text));
    return errors;
}

QString SetupPlan::toText() const
{
    QString out;
    out += SetupPlan::tr("Pre-flight checks:\n");
    if (findings.isEmpty())
        out += SetupPlan::tr("  all checks passed\n");
    for (const Finding& f : findings) {
        out += QStringLiteral("  %1 %2%3\n")
                   .arg(f.severityName().toUpper(),
                       f.server.isEmpty() ? QString() : QStringLiteral("[%1] ").arg(f.server), f.text);
        if (!f.fix.isEmpty())
            out += QStringLiteral("      → %1\n").arg(f.fix);
    }
    if (nothingToDo) {
        out += SetupPlan::tr("\nBoth directions already replicate as the profile says: nothing to change.\n");
        return out;
    }
    out += SetupPlan::tr("\nPlan:\n");
    int n = 0;
    for (const PlanStep& s : steps) {
        out += QStringLiteral("\n%1. %2%3\n")
                   .arg(++n)
                   .arg(s.server.isEmpty() ? QString() : QStringLiteral("[%1] ").arg(s.server), s.title);
        for (const QString& q : s.sql)
            out += QStringLiteral("     %1;\n").arg(q);
        if (!s.diff.isEmpty()) {
            for (const QString& line : s.diff.split(QLatin1Char('\n')))
                if (!line.isEmpty())
                    out += QStringLiteral("     %1\n").arg(line);
        }
        if (!s.check.isEmpty())
            out += SetupPlan::tr("     check: %1\n").arg(s.check);
        if (!s.undo.isEmpty())
            out += SetupPlan::tr("     undo: %1\n").arg(s.undo);
    }
    return out;
}

QJsonObject SetupPlan::toJson() const
{
    QJsonArray f, s;
    for (const Finding& x : findings)
        f << x.toJson();
    for (const PlanStep& x : steps)
        s << x.toJson();
    QJsonObject o { { QStringLiteral("findings"), f }, { QStringLiteral("steps"), s },
        { QStringLiteral("nothingToDo"), nothingToDo } };
    if (!fingerprint.isEmpty())
        o.insert(QStringLiteral("fingerprint"), fingerprint);
    return o;
}
