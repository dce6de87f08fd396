#include "recovercommand.h"

#include "cli.h"
#include "common/stepid.h"
#include "operation/recovery.h"
#include "setup/setupjournal.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace {
/** With --json, recover's own lines (the dry run, the end) are one object each, with a UTC time. */
void printJson(QJsonObject o)
{
    o.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    Cli::out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
}
} // namespace

int RecoverCommand::run(const PairProfile& profile, const CliOptions& options)
{
    const QString path = options.journal.isEmpty() ? SetupJournal::defaultPath(profile) : options.journal;
    auto print = [&options](const SetupEvent& e) {
        if (options.json)
            Cli::out() << QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) << Qt::endl;
        else
            Cli::out() << e.toLine() << Qt::endl;
    };
    Recovery recovery(profile, path, {}, print);

    if (options.dryRun) {
        JournalRun last;
        auto todo = recovery.pending(&last);
        if (!todo) {
            Cli::printFailure(todo.error(), options.json);
            return Cli::Failed;
        }
        if (options.json) {
            QJsonArray changes;
            for (const JournalIntent& i : *todo)
                changes << QJsonObject { { QStringLiteral("id"), i.id },
                    { QStringLiteral("server"), i.server }, { QStringLiteral("step"), i.step },
                    { QStringLiteral("action"), i.action }, { QStringLiteral("done"), i.done },
                    { QStringLiteral("text"), Recovery::describe(i) } };
            printJson({ { QStringLiteral("event"), QStringLiteral("dry-run") },
                { QStringLiteral("journal"), path }, { QStringLiteral("run"), last.run },
                { QStringLiteral("operation"), last.operation }, { QStringLiteral("changes"), changes } });
            return todo->isEmpty() ? Cli::Success : Cli::Failed;
        }
        if (todo->isEmpty()) {
            Cli::out() << tr("nothing to recover: the last run in %1 left nothing to put back").arg(path)
                       << Qt::endl;
            return Cli::Success;
        }
        Cli::out() << tr("the %1 started at %2 left %n change(s); recover would, newest first:", nullptr,
            int(todo->size()))
                          .arg(last.operation, last.started)
                   << Qt::endl;
        for (const JournalIntent& i : *todo)
            Cli::out() << QStringLiteral("  - ") << Recovery::describe(i)
                       << (i.done ? QString() : tr(" (it may not have been made)")) << Qt::endl;
        return Cli::Failed; // nothing put back yet
    }

    // the network work runs on a thread of its own (and the servers' workers): this loop only waits
    Result<Recovery::Outcome> outcome = std::unexpected(StepError {});
    QEventLoop loop;
    std::unique_ptr<QThread> thread(QThread::create([&] { outcome = recovery.run(); }));
    QObject::connect(thread.get(), &QThread::finished, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    thread->start();
    loop.exec();
    thread->wait();
    if (!outcome) {
        Cli::printFailure(outcome.error(), options.json);
        return Cli::Failed;
    }
    if (options.json && outcome->problems.isEmpty()) {
        printJson(
            { { QStringLiteral("event"), QStringLiteral("recovered") }, { QStringLiteral("journal"), path },
                { QStringLiteral("run"), outcome->run }, { QStringLiteral("operation"), outcome->operation },
                { QStringLiteral("undone"), outcome->undone } });
        return Cli::Success;
    }
    if (outcome->nothingToDo) {
        Cli::out() << tr("nothing to recover: the last run in %1 left nothing to put back").arg(path)
                   << Qt::endl;
        return Cli::Success;
    }
    if (!outcome->problems.isEmpty()) {
        Cli::printFailure(
            StepError { {}, StepId::Recover, 0,
                tr("%n change(s) of the %1 could not be put back:\n", nullptr, int(outcome->problems.size()))
                        .arg(outcome->operation)
                    + outcome->problems.join(QLatin1Char('\n'))
                    + tr("\nput them back by hand as said, or run recover again") },
            options.json);
        return Cli::Failed;
    }
    Cli::out() << tr("recovered: %n change(s) of the interrupted %1 put back; both servers are as before it",
        nullptr, outcome->undone)
                      .arg(outcome->operation)
               << Qt::endl;
    return Cli::Success;
}
