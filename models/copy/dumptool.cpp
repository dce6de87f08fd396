#include "copy/dumptool.h"

#include <QRegularExpression>

DumpTool DumpTool::fromHelp(const QString& program, const QString& help)
{
    DumpTool t;
    t.program = program;
    t.mariaDb = help.section(QLatin1Char('\n'), 0, 0).contains(QLatin1String("MariaDB"), Qt::CaseInsensitive);
    // an option is known when it begins a line of the option list, indented by two spaces
    // ("  --source-data[=#]   This ..."); descriptions are indented further and may name other options
    auto has = [&help](const char* option) {
        const QRegularExpression re(
            QStringLiteral("^  (-\\w, )?--%1(\\[?=|\\s|$)").arg(QLatin1String(option)),
            QRegularExpression::MultilineOption);
        return re.match(help).hasMatch();
    };
    t.sourceData = has("source-data");
    t.masterData = has("master-data");
    t.setGtidPurged = has("set-gtid-purged");
    t.sslMode = has("ssl-mode");
    return t;
}

QString DumpTool::helpCommand(const QString& quotedProgram)
{
    return QStringLiteral("%1 --no-defaults --help 2>&1").arg(quotedProgram);
}

QString DumpTool::coordinatesOption() const
{
    return sourceData ? QStringLiteral("--source-data=1") : QStringLiteral("--master-data=1");
}

QString DumpTool::gtidPurgedOption() const
{
    return setGtidPurged ? QStringLiteral("--set-gtid-purged=OFF") : QString();
}
