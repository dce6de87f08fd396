#include "inspectcommand.h"

#include "cli.h"
#include "setupcommand.h"

#include "monitor/writercheck.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
void printJson(const SetupRunner& runner, int writer)
{
    QJsonArray servers, findings;
    for (int i = 0; i < 2; ++i) {
        const ServerInspection& in = runner.inspection(i);
        QJsonObject o = in.toJson();
        o.insert(QStringLiteral("role"), WriterCheck::roleId(writer, i));
        o.insert(QStringLiteral("writable"), in.reachable ? QJsonValue(!in.readOnly) : QJsonValue());
        servers << o;
    }
    for (const Finding& f : runner.plan().findings)
        findings << f.toJson();
    Cli::out() << QJsonDocument(
        QJsonObject { { QStringLiteral("servers"), servers }, { QStringLiteral("findings"), findings } })
                      .toJson(QJsonDocument::Compact)
               << Qt::endl;
}
} // namespace

int InspectCommand::run(const PairProfile& profile, const CliOptions& options)
{
    SetupRunner runner(profile);
    SetupCommand::runAndWait(runner, SetupRunner::Mode::Inspect, options.json, false);
    if (options.json) {
        printJson(runner, profile.writerIndex());
        return runner.succeeded() ? Cli::Success : Cli::Failed;
    }
    QTextStream& out = Cli::out();
    for (int i = 0; i < 2; ++i) {
        const ServerInspection& in = runner.inspection(i);
        if (!in.reachable) {
            out << tr("%1: unreachable: %2").arg(in.server, in.error.text) << Qt::endl;
            continue;
        }
        // the role the profile gives it, beside whether the server takes writes now
        out << tr("%1 (%2): %3 on %4, server_id %5, binary log %6, binlog_format %7, read_only %8")
                   .arg(in.server, WriterCheck::roleTitle(profile.writerIndex(), i), in.versionString,
                       in.hostname)
                   .arg(in.serverId)
                   .arg(in.logBin ? tr("on") : tr("off"), in.binlogFormat, in.readOnly ? tr("on") : tr("off"))
            << Qt::endl;
        if (in.replica.configured)
            out << tr("   replica %1").arg(in.replica.summary()) << Qt::endl;
    }
    if (runner.plan().findings.isEmpty())
        out << tr("pre-flight: all checks passed") << Qt::endl;
    for (const Finding& f : runner.plan().findings) {
        out << QStringLiteral("%1 %2%3").arg(f.severityName().toUpper(),
            f.server.isEmpty() ? QString() : QStringLiteral("[%1] ").arg(f.server), f.text)
            << Qt::endl;
        if (!f.fix.isEmpty())
            out << QStringLiteral("    → %1").arg(f.fix) << Qt::endl;
    }
    return runner.succeeded() ? Cli::Success : Cli::Failed;
}
