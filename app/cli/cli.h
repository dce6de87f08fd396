#pragma once

#include "common/finding.h"

#include "common/steperror.h"
#include "platform/quitsignalwatcher.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QStringList>
#include <QTextStream>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>

class ServerWorker;

/** replipair-cli: sandbox, inspect, plan, setup, status, monitor, compare, skip. What every command
 *  shares: the output streams, bad-input and failure reports, the usage text and the dispatch.
 *  Exit codes: 0 success, 1 the operation failed, 2 bad input (unreadable profile, missing field,
 *  unknown option). */
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
public:
    enum ExitCode { Success = 0, Failed = 1, BadInput = 2 };

    /** Parses @p arguments (argv, program name first) and runs the command they name. */
    static int run(const QStringList& arguments);

    static QTextStream& out();
    static QTextStream& err();
    /** Prints "replipair-cli: MESSAGE" and a hint to stderr (and, with --json, an "error" line with step
     *  "profile" on stdout); returns BadInput. */
    static int badInput(const QString& message);
    /** With --json on the command line: the bad input as one "error" line (step "profile") on stdout. */
    static void printBadInputJson(const QString& message);
    /** A failed step: a JSON "error" line on stdout with --json, always a FAILED line on stderr. */
    static void printFailure(const StepError& error, bool json);
    static QString usage();
    /** Connects both servers' admin sessions on their workers; prints the first failure and returns false. */
    static bool connectBoth(ServerWorker& a, ServerWorker& b, bool json);
    /** An operation's --dry-run: its checks (REFUSED or ok, with the fix) and the steps it would take, as
     *  text or one JSON line {"event":"dry-run","refused","checks","steps"}. */
    static void printDryRun(const QList<Finding>& checks, const QStringList& steps, bool refused, bool json);
    /** The checks of a dry run, one a line: "  [ok] …" or "  [REFUSED] … → the fix". */
    static void printChecks(const QList<Finding>& checks);
    /** A dry run's stable outcome id: "refused" (no step would run) or "would-run". */
    static QString dryRunOutcome(bool refused);

    /** Runs @p operation (a callable returning the operation's outcome) on a worker thread and waits for it
     *  in an event loop, so that @p quitSignals is served meanwhile: the first Ctrl-C or SIGTERM prints
     *  @p stopping (given the signal's name) to stderr and sets @p cancel; the operation stops before its
     * next step. Returns the operation's outcome. */
    template<typename Operation>
    static std::invoke_result_t<Operation> runCancellable(Operation operation, QuitSignalWatcher& quitSignals,
        const std::shared_ptr<std::atomic_bool>& cancel, std::function<QString(const QString&)> stopping)
    {
        using Outcome = std::invoke_result_t<Operation>;
        QObject::connect(&quitSignals, &QuitSignalWatcher::quitRequested, &quitSignals,
            [&quitSignals, cancel, stopping = std::move(stopping)] {
                err() << stopping(quitSignals.signalName()) << Qt::endl;
                cancel->store(true);
            });
        QFutureWatcher<Outcome> watcher;
        QEventLoop loop;
        QObject::connect(&watcher, &QFutureWatcher<Outcome>::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(QtConcurrent::run(std::move(operation)));
        if (!watcher.isFinished())
            loop.exec();
        return watcher.result();
    }
    /** A run stopped by a quit signal: prints @p error with its text put into @p interrupted ("interrupted by
     *  %1: %2", translated by the command) and returns the signal's exit code (130 SIGINT, 143 SIGTERM). */
    static int printInterrupted(
        StepError error, const QuitSignalWatcher& quitSignals, const QString& interrupted, bool json);
};
