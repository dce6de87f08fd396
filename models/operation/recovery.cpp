#include "operation/recovery.h"

#include "common/shellquote.h"
#include "common/sqlquote.h"
#include "common/stepid.h"
#include "copy/physicalscript.h"
#include "host/remotejob.h"
#include "host/serverworker.h"

#include <QRegularExpression>

namespace {

Result<void> connected(ServerContext& ctx)
{
    if (ctx.sql && ctx.sql->isOpen())
        return {};
    return ctx.connect();
}

/** Only folders RepliPair made itself (mktemp's replipair-copy.XXXXXX / replipair-run.XXXXXX) are removed. */
bool isOurFolder(const QString& path)
{
    static const QRegularExpression ours(QStringLiteral("^/[^\\0]*/replipair-(copy|run)\\.[A-Za-z0-9]{6,}$"));
    return ours.match(path).hasMatch() && !path.contains(QLatin1String("/../"));
}

Result<void> dropAccount(ServerContext& ctx, const QString& user, const QString& host)
{
    if (auto c = connected(ctx); !c)
        return c;
    // the account was this server's own (made with sql_log_bin = 0): dropping it must not replicate either
    if (auto r = ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 0")); !r)
        return r;
    auto dropped = ctx.sql->exec(ctx.dialect.dropUser(user, host));
    ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 1"));
    return dropped;
}
} // namespace

Recovery::Recovery(
    PairProfile profile, QString journalPath, SetupOptions::ShellFactory shells, EventSink onEvent)
    : m_profile(std::move(profile))
    , m_path(std::move(journalPath))
    , m_shells(std::move(shells))
    , m_onEvent(std::move(onEvent))
{ }

QString Recovery::describe(const JournalIntent& i)
{
    const QString& a = i.action;
    const QJsonObject& u = i.undo;
    using A = IntentJournal::Action;
    if (a == A::ReadOnly)
        return tr("set read_only back to %1 on %2").arg(u.value(QStringLiteral("was")).toInt()).arg(i.server);
    if (a == A::CopyAccount || a == A::ReplicationAccount)
        return tr("drop the account '%1'@'%2' on %3")
            .arg(u.value(QStringLiteral("user")).toString(), u.value(QStringLiteral("host")).toString(),
                i.server);
    if (a == A::WorkFolder)
        return tr("remove the folder %1 on %2's host")
            .arg(u.value(QStringLiteral("path")).toString(), i.server);
    if (a == A::DetachedJob)
        return tr("stop the processes of the job in %1 on %2's host")
            .arg(u.value(QStringLiteral("folder")).toString(), i.server);
    if (a == A::CopyReplicaSettings || a == A::ChangeSource)
        return tr("remove the replica settings this run made on %1 (STOP and RESET the replica)")
            .arg(i.server);
    if (a == A::OptionFile)
        return u.value(QStringLiteral("created")).toBool()
            ? tr("remove the option file %1 it created on %2's host")
                  .arg(u.value(QStringLiteral("path")).toString(), i.server)
            : tr("put back %1 on %2's host from %3")
                  .arg(u.value(QStringLiteral("path")).toString(), i.server,
                      u.value(QStringLiteral("backup")).toString());
    if (a == A::Restart)
        return tr("check that %1 runs again after its restart").arg(i.server);
    if (a == A::ReplicaStopped)
        return tr("start replication on %1 again").arg(i.server);
    if (a == A::ReplicaReset)
        return tr("set up %1's replication from %2 again")
            .arg(i.server, u.value(QStringLiteral("host")).toString());
    if (a == A::ProbeTable)
        return tr("drop the test table %1.%2 on %3")
            .arg(u.value(QStringLiteral("database")).toString(), u.value(QStringLiteral("table")).toString(),
                i.server);
    if (a == A::CopyLoad)
        return tr("check the databases the interrupted copy was loading into %1").arg(i.server);
    if (a == A::DataFolderSwap)
        return tr("put %1's old data folder %2 back in %3 (the copy's goes into %4) and start it")
            .arg(i.server, u.value(QStringLiteral("oldDir")).toString(),
                u.value(QStringLiteral("dataDir")).toString(), u.value(QStringLiteral("parkDir")).toString());
    return tr("unknown change \"%1\" on %2").arg(a, i.server);
}

Result<QList<JournalIntent>> Recovery::pending(JournalRun* which) const
{
    auto runs = JournalRun::readAll(m_path);
    if (!runs)
        return std::unexpected(runs.error());
    if (runs->isEmpty())
        return QList<JournalIntent>();
    // only the last run counts: a later run that ended well has put the pair in the state it wanted
    const JournalRun& last = runs->last();
    if (which)
        *which = last;
    if (last.mayStillRun())
        return stepFailure({}, StepId::Recover,
            tr("the %1 started at %2 (process %3 on %4) is still running: stop it (Ctrl-C) and let it clean "
               "up, then run recover if it says so")
                .arg(last.operation, last.started)
                .arg(last.pid)
                .arg(last.host));
    return last.toUndo();
}

Result<Recovery::Outcome> Recovery::run()
{
    JournalRun last;
    auto todo = pending(&last);
    if (!todo)
        return std::unexpected(todo.error());
    Outcome outcome;
    outcome.run = last.run;
    outcome.operation = last.operation;
    if (todo->isEmpty()) {
        outcome.nothingToDo = true;
        return outcome;
    }
    auto journal = IntentJournal::reopen(m_path, last.run);
    if (!journal)
        return std::unexpected(journal.error());
    std::unique_ptr<ServerWorker> workers[2];
    for (int i = 0; i < 2; ++i) {
        workers[i] = std::make_unique<ServerWorker>(i, m_profile.servers[i]);
        if (m_shells)
            workers[i]->setShellFactory(m_shells);
    }
    for (const JournalIntent& i : *todo) {
        const int index = m_profile.serverIndex(i.server);
        SetupEvent e;
        e.server = i.server;
        e.step = StepId::Recover;
        if (index < 0) {
            outcome.problems << tr("%1: the profile has no server called %2").arg(describe(i), i.server);
            continue;
        }
        auto done = undo(i, last.operation, workers[index].get());
        if (done) {
            (*journal)->undone(i.id);
            ++outcome.undone;
            e.kind = SetupEvent::Kind::Info;
            e.text = *done;
        } else {
            outcome.problems << tr("could not %1: %2").arg(describe(i), done.error().text);
            e.kind = SetupEvent::Kind::StepFailed;
            e.text = outcome.problems.last();
        }
        e.data = QJsonObject { { QStringLiteral("action"), i.action }, { QStringLiteral("id"), i.id },
            { QStringLiteral("run"), last.run } };
        if (m_onEvent)
            m_onEvent(e);
    }
    if (outcome.problems.isEmpty())
        (*journal)->end(QStringLiteral("recovered"));
    return outcome;
}

Result<QString> Recovery::undo(const JournalIntent& i, const QString& operation, ServerWorker* worker) const
{
    using A = IntentJournal::Action;
    // the run that loaded a copy is the one to run again: it replaces what the killed one half-loaded
    const QString again = operation == QLatin1String("rebuild")
        ? Recovery::tr("run the rebuild again (it replaces them)")
        : Recovery::tr("run the setup with the copy again (it replaces them)");
    auto f = worker->submit([i, again](ServerContext& ctx) -> Result<QString> {
        const QJsonObject& u = i.undo;
        const QString& a = i.action;
        if (a == A::ReadOnly) {
            if (auto c = connected(ctx); !c)
                return std::unexpected(c.error());
            const int was = u.value(QStringLiteral("was")).toInt() ? 1 : 0;
            if (auto r = ctx.sql->exec(QStringLiteral("SET GLOBAL read_only = %1").arg(was)); !r)
                return std::unexpected(r.error());
            return Recovery::tr("read_only is %1 again").arg(was);
        }
        if (a == A::CopyAccount || a == A::ReplicationAccount) {
            if (u.value(QStringLiteral("existed")).toBool())
                return Recovery::tr("the account existed before the run: kept");
            const QString user = u.value(QStringLiteral("user")).toString(),
                          host = u.value(QStringLiteral("host")).toString();
            if (auto r = dropAccount(ctx, user, host); !r)
                return std::unexpected(r.error());
            return Recovery::tr("account '%1'@'%2' dropped").arg(user, host);
        }
        if (a == A::CopyReplicaSettings || a == A::ChangeSource) {
            if (a == A::ChangeSource && !u.value(QStringLiteral("wasFresh")).toBool())
                return Recovery::tr("the replica was configured before the run: kept");
            if (auto c = connected(ctx); !c)
                return std::unexpected(c.error());
            ctx.sql->exec(ctx.dialect.stopReplica()); // may not run: the reset is what counts
            if (auto r = ctx.sql->exec(ctx.dialect.resetReplicaAll()); !r)
                return std::unexpected(r.error());
            return Recovery::tr("replica settings removed");
        }
        if (a == A::ReplicaStopped) {
            if (u.contains(QStringLiteral("wasRunning")) && !u.value(QStringLiteral("wasRunning")).toBool())
                return Recovery::tr("replication was stopped before the run: left stopped");
            if (auto c = connected(ctx); !c)
                return std::unexpected(c.error());
            if (auto r = ctx.sql->exec(ctx.dialect.startReplica()); !r)
                return std::unexpected(r.error());
            return Recovery::tr("replication started again");
        }
        if (a == A::ReplicaReset)
            return stepFailure(ctx.profile.name, StepId::Recover,
                Recovery::tr(
                    "an interrupted rebuild removed %1's replica settings (from %2:%3 at %4:%5): run "
                    "the rebuild again, it sets them up anew")
                    .arg(ctx.profile.name, u.value(QStringLiteral("host")).toString())
                    .arg(u.value(QStringLiteral("port")).toInt())
                    .arg(u.value(QStringLiteral("file")).toString())
                    .arg(u.value(QStringLiteral("position")).toInteger()));
        if (a == A::ProbeTable) {
            if (auto c = connected(ctx); !c)
                return std::unexpected(c.error());
            const QString table = SqlQuote::identifier(u.value(QStringLiteral("database")).toString())
                + QLatin1Char('.') + SqlQuote::identifier(u.value(QStringLiteral("table")).toString());
            if (auto r = ctx.sql->exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(table)); !r)
                return std::unexpected(r.error());
            return Recovery::tr("test table %1 dropped").arg(table);
        }
        if (a == A::Restart) {
            if (auto c = ctx.connect(5); !c)
                return stepFailure(ctx.profile.name, StepId::Recover,
                    Recovery::tr("the server does not answer (%1): start it with \"%2\" on its host and read "
                                 "its error log")
                        .arg(c.error().text, u.value(QStringLiteral("command")).toString()));
            return Recovery::tr("the server answers");
        }
        if (a == A::CopyLoad) {
            const QString saved = u.value(QStringLiteral("savedCopy")).toString();
            const QString dbs
                = u.value(QStringLiteral("databases")).toVariant().toStringList().join(QStringLiteral(", "));
            return stepFailure(ctx.profile.name, StepId::Recover,
                saved.isEmpty()
                    ? Recovery::tr("the copy into %1 was interrupted: %2 may hold a partial copy: %3")
                          .arg(ctx.profile.name, dbs, again)
                    : Recovery::tr(
                        "the copy into %1 was interrupted: %2 may hold a partial copy; %1's old "
                        "data is saved in %3 on its host: load it back with the mariadb client, or %4")
                          .arg(ctx.profile.name, dbs, saved, again));
        }
        // the rest happens on the host
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        HostShell& sh = **shell;
        if (a == A::WorkFolder || a == A::DetachedJob) {
            const QString dir
                = u.value(a == A::WorkFolder ? QStringLiteral("path") : QStringLiteral("folder")).toString();
            if (!isOurFolder(dir))
                return stepFailure(ctx.profile.name, StepId::Recover,
                    Recovery::tr("refusing to touch %1: not a folder RepliPair makes").arg(dir));
            if (a == A::DetachedJob) {
                auto started = sh.exists(dir + QStringLiteral("/job.pid"));
                if (!started)
                    return std::unexpected(started.error());
                if (!*started)
                    return Recovery::tr("no job was started in %1").arg(dir);
                // the job's whole process group, as the run itself would stop it (SIGKILL after the grace)
                if (auto stopped = RemoteJob(ctx.profile.name, StepId::Recover, dir).stop(sh); !stopped)
                    return std::unexpected(stopped.error());
                return Recovery::tr("no process of the job in %1 is left").arg(dir);
            }
            auto r = sh.run(QStringLiteral("rm -rf -- %1").arg(Shell::quote(dir)), 30000);
            if (!r)
                return std::unexpected(r.error());
            if (r->exitCode != 0)
                return stepFailure(ctx.profile.name, StepId::Recover, QString::fromUtf8(r->err).trimmed());
            return Recovery::tr("%1 removed").arg(dir);
        }
        if (a == A::DataFolderSwap) {
            const QString park = u.value(QStringLiteral("parkDir")).toString();
            if (!isOurFolder(park))
                return stepFailure(ctx.profile.name, StepId::Recover,
                    Recovery::tr("refusing to touch %1: not a folder RepliPair makes").arg(park));
            // the copy's data goes into the work folder (removed next, as the run's older intent), the old
            // data folder back, and the server is started with its restart command
            const QString script = PhysicalScript::swapBack(u.value(QStringLiteral("dataDir")).toString(),
                u.value(QStringLiteral("oldDir")).toString(), park,
                u.value(QStringLiteral("pidFile")).toString(), u.value(QStringLiteral("command")).toString());
            auto r = sh.run(script, 600000);
            if (!r)
                return std::unexpected(r.error());
            if (r->exitCode != 0)
                return stepFailure(
                    ctx.profile.name, StepId::Recover, QString::fromUtf8(r->err + r->out).trimmed());
            if (r->out.contains("unchanged"))
                return Recovery::tr("the data folder was never swapped");
            if (auto c = ctx.connect(30); !c)
                return stepFailure(ctx.profile.name, StepId::Recover,
                    Recovery::tr("the old data folder is back, but the server does not answer (%1): read its "
                                 "error log")
                        .arg(c.error().text));
            return Recovery::tr("the old data folder is back and the server answers");
        }
        if (a == A::OptionFile) {
            const QString path = u.value(QStringLiteral("path")).toString();
            if (u.value(QStringLiteral("created")).toBool()) {
                auto there = sh.exists(path);
                if (!there)
                    return std::unexpected(there.error());
                if (!*there)
                    return Recovery::tr("%1 was never written").arg(path);
                if (auto r = sh.removeFile(path); !r)
                    return std::unexpected(r.error());
                return Recovery::tr("%1 removed; the server reads it no more from its next restart")
                    .arg(path);
            }
            const QString backup = u.value(QStringLiteral("backup")).toString();
            auto there = sh.exists(backup);
            if (!there)
                return std::unexpected(there.error());
            if (!*there)
                return Recovery::tr("%1 was never changed (no backup %2 was made)").arg(path, backup);
            auto old = sh.readFile(backup);
            if (!old)
                return std::unexpected(old.error());
            if (auto w = sh.writeFileAtomic(path, *old); !w)
                return std::unexpected(w.error());
            return Recovery::tr("%1 put back from %2 (kept); in force from the server's next restart")
                .arg(path, backup);
        }
        return stepFailure(ctx.profile.name, StepId::Recover,
            Recovery::tr("this version does not know how to put back \"%1\"").arg(a));
    });
    f.waitForFinished();
    return f.result();
}
