#include "copy/physicalcopyparts.h"

#include "common/stepid.h"
#include "operation/intentjournal.h"

// Putting the receiver back on its old data folder, and removing what the copy left on both hosts.

void PhysicalCopy::putBack(const PhysicalCopyCheck& check, Undo& undo, QStringList& problems)
{
    const int target = 1 - m_source;
    const QString to = m_profile.servers[target].name;
    if (!undo.swapStarted)
        return;
    const PhysicalServerFacts& t = check.servers[target];
    auto moved = onShell(
        target, [old = undo.oldDir](HostShell& shell) -> Result<bool> { return shell.exists(old); });
    if (!moved) {
        problems << moved.error().text;
        return;
    }
    if (!*moved) {
        // the data folder was never moved: the server runs on its old data, or is started again
        auto answers = on(target, [](ServerContext& ctx) { return ctx.connect(5); });
        if (answers) {
            release(target, undo.swapIntent);
            return;
        }
    }
    const QString script = undo.params.targetDir + QStringLiteral("/swap-back.sh");
    auto written = onShell(target,
        [script, to,
            body = PhysicalScript::swapBack(t.dataDir, undo.oldDir, undo.params.targetDir, t.pidFile,
                t.restartCommand)](HostShell& shell) -> Result<void> {
            return RemoteJob::writePrivateFile(shell, to, StepId::Copy, script, body.toUtf8());
        });
    if (!written) {
        problems << written.error().text;
        return;
    }
    auto back = restartWithScript(t, script, false);
    if (!back) {
        problems << PhysicalCopy::tr(
            "could not put %1's old data folder back (%2): it is in %3; stop %1, move "
            "%4 away and %3 back to %4, and start it")
                        .arg(to, back.error().text, undo.oldDir, t.dataDir);
        return;
    }
    release(target, undo.swapIntent);
    inform(target, PhysicalCopy::tr("%1 runs on its old data again").arg(to));
}

void PhysicalCopy::cleanUp(Undo& undo, QStringList& problems)
{
    const int target = 1 - m_source;
    const auto stopJob = [&](int server, std::optional<RemoteJob>& job, bool& running, int& jobIntent) {
        if (!job)
            return;
        RemoteJob* j = &*job;
        // stopped in every case: a finished job's group is empty and stop() returns at once
        auto stopped = onShell(server, [j](HostShell& shell) -> Result<void> { return j->stop(shell); });
        if (!stopped)
            problems << stopped.error().text;
        else {
            running = false;
            release(server, jobIntent);
        }
    };
    stopJob(m_source, undo.sourceJob, undo.sourceJobRunning, undo.sourceJobIntent);
    stopJob(target, undo.targetJob, undo.targetJobRunning, undo.targetJobIntent);
    if (undo.accountMade) {
        auto dropped = on(
            m_source, [user = undo.accountUser, host = undo.accountHost](ServerContext& ctx) -> Result<void> {
                if (!ctx.sql || !ctx.sql->isOpen())
                    if (auto c = ctx.connect(); !c)
                        return c;
                if (auto r = ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 0")); !r)
                    return r;
                auto r = ctx.sql->exec(ctx.dialect.dropUser(user, host));
                ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 1"));
                return r;
            });
        if (!dropped)
            problems << PhysicalCopy::tr("could not drop the temporary account %1 on %2: %3")
                            .arg(undo.accountUser, m_profile.servers[m_source].name, dropped.error().text);
        else
            release(m_source, undo.accountIntent);
    }
    const auto removeDir = [&](int server, const QString& dir, int& folderIntent) {
        if (dir.isEmpty())
            return;
        auto removed
            = onShell(server, [dir, name = m_profile.servers[server].name](HostShell& shell) -> Result<void> {
                  return RemoteJob::removeWorkDir(shell, name, StepId::Copy, dir);
              });
        if (!removed)
            problems << removed.error().text;
        else
            release(server, folderIntent);
    };
    removeDir(m_source, undo.params.sourceDir, undo.sourceFolderIntent);
    removeDir(target, undo.params.targetDir, undo.targetFolderIntent);
}
