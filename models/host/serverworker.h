#pragma once

#include "common/pairprofile.h"
#include "host/hostshell.h"
#include "host/optionfiletree.h"
#include "sql/dialect.h"
#include "sql/sqlsession.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <functional>
#include <future>
#include <memory>

class IntentJournal;

/** Everything that belongs to one server and lives on its worker thread. */
struct ServerContext
{
    int index = 0; ///< 0 or 1 in the pair
    ServerProfile profile;
    std::unique_ptr<SqlSession> sql;
    std::unique_ptr<HostShell> shell; ///< created lazily by the worker's shell factory
    Dialect dialect;
    /** The option files the last "auto" lookup read on the host (in one call); OptionFiles::read takes
     *  them instead of reading them again. */
    OptionFileTree optionFilesRead;
    /** When this session last read information_schema.innodb_trx: InnoDB fills that table from a cache it
     *  refreshes only once the table was not read for 100 ms, so a read sooner after the last one shows the
     *  transactions as they were then (WriterControl::writeTransactions spaces its reads). */
    QElapsedTimer innodbTrxRead;

    /** Connects (or reconnects) the admin session and learns the dialect. */
    Result<void> connect(int connectTimeoutSec = 5);
    /** The host shell, created on first use (an SSH session is opened once and reused). */
    Result<HostShell*> hostShell();
    /** Starts opening the host shell in the background (the SSH handshake while SQL work goes on);
     *  hostShell() takes it over. No-op when it is open or local. */
    void prepareHostShell();
    /** Runs @p commands on the host in one remote call (HostShell::prefetch): right after the SSH
     *  handshake when the shell is still being opened in the background, else now. Later steps that run
     *  one of them get its result without a round trip. No-op for a local shell. */
    void prefetchOnHost(const QStringList& commands, int timeoutMs);
    /** Runs @p work on the host shell on a thread of its own (a clean-up nobody waits for); the next
     *  hostShell() waits for it first, so the shell is never used by two threads at once. */
    void onHostShellInBackground(std::function<void(HostShell&)> work);
    /** What the host shell has to tell since the last call (see HostShell::takeNotices); while work
     *  started by onHostShellInBackground() still runs, nothing yet (not waiting for it: the next call
     *  takes what it had to tell). */
    QList<HostNotice> takeNotices();

    std::function<Result<std::unique_ptr<HostShell>>(const ServerProfile&)> shellFactory;

    /** The running operation's intent journal (none outside an operation that changes the servers). */
    std::shared_ptr<IntentJournal> journal;
    /** Writes the intent to make a change on this server (see IntentJournal::intent) before it is made;
     *  0 when no journal is kept. */
    int intent(const QString& step, const QString& action, const QJsonObject& undo, bool lasting = false);
    /** The change of intent @p id was made / was put back by the run itself; no-op for 0. */
    void intentDone(int id);
    void intentReleased(int id);

private:
    /** Waits for the work onHostShellInBackground() started. */
    void joinBackground();

    std::future<Result<std::unique_ptr<HostShell>>> m_pendingShell;
    std::future<void> m_background; ///< declared after shell: joined before the shell is destroyed
};

/** A QObject in a QThread of its own that owns one server's SQL connection and host shell.
 *  Work is posted to it and answered with a QFuture; nothing here blocks the caller. */
class ServerWorker : public QObject
{
    Q_OBJECT
public:
    ServerWorker(int index, const ServerProfile& profile, QObject* parent = nullptr);
    ~ServerWorker() override;

    QString serverName() const { return m_name; }

    /** Runs @p fn(ServerContext&) on the worker thread. */
    template<typename F> auto submit(F fn) -> QFuture<std::invoke_result_t<F, ServerContext&>>
    {
        using R = std::invoke_result_t<F, ServerContext&>;
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(
            m_object,
            [this, promise, fn]() mutable {
                promise->addResult(fn(*m_context));
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

    /** Runs @p fn(ServerContext&) on the worker thread, with no future: for work that posts its own answer
     *  (the monitor's heartbeat waits, once a second per server). */
    template<typename F> void post(F fn)
    {
        QMetaObject::invokeMethod(
            m_object, [this, fn = std::move(fn)]() mutable { fn(*m_context); }, Qt::QueuedConnection);
    }

    /** Runs @p fn(ServerContext&) on the worker thread and waits for its result: for a caller that is
     *  not the GUI thread (a run's own thread, the CLI). */
    template<typename F> auto run(F fn) -> std::invoke_result_t<F, ServerContext&>
    {
        auto future = submit(std::move(fn));
        future.waitForFinished();
        return future.result();
    }

    /** Replaces how the host shell is made (SSH or local); call before the first use. */
    void setShellFactory(std::function<Result<std::unique_ptr<HostShell>>(const ServerProfile&)> factory);

private:
    QString m_name;
    QThread m_thread;
    QObject* m_object = nullptr; ///< lives in m_thread; the target of queued calls
    std::unique_ptr<ServerContext> m_context;
};

/** The default host shell: local when the profile has no SSH endpoint. @p checkSudoNow: see SshShell::open.
 */
Result<std::unique_ptr<HostShell>> makeHostShell(const ServerProfile& profile, bool checkSudoNow = true);
