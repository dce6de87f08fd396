#include "copy/physicalcopy.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "copy/backuptool.h"
#include "copy/physicalcopyparts.h"
#include "copy/physicalscript.h"
#include "host/remotejob.h"
#include "host/serverworker.h"
#include "operation/intentjournal.h"
#include "replication/replicationsteps.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFuture>

#include <optional>

PhysicalCopy::PhysicalCopy(
    const PairProfile& profile, int source, ServerWorker* const (&workers)[2], const std::atomic_bool* cancel)
    : m_profile(profile)
    , m_source(source)
    , m_workers { workers[0], workers[1] }
    , m_cancel(cancel)
{ }

int PhysicalCopy::intent(int server, const QString& action, const QJsonObject& undo, bool lasting)
{
    return on(server, [action, undo, lasting](ServerContext& ctx) {
        return ctx.intent(StepId::Copy, action, undo, lasting);
    });
}

void PhysicalCopy::release(int server, int& id, bool done)
{
    if (id <= 0)
        return;
    on(server, [id, done](ServerContext& ctx) {
        if (done)
            ctx.intentDone(id);
        else
            ctx.intentReleased(id);
        return 0;
    });
    if (!done)
        id = 0;
}

void PhysicalCopy::recordWorkFolder(
    int server, const QString& dir, int& folderIntent, int& jobIntent, std::optional<RemoteJob>& job)
{
    folderIntent = intent(server, IntentJournal::Action::WorkFolder, { { QStringLiteral("path"), dir } });
    jobIntent = intent(server, IntentJournal::Action::DetachedJob,
        { { QStringLiteral("folder"), dir }, { QStringLiteral("pidFile"), QStringLiteral("job.pid") } });
    job.emplace(m_profile.servers[server].name, StepId::Copy, dir);
}

Result<QMap<QString, QString>> PhysicalCopy::pollHost(int server, const QString& script)
{
    return onShell(server, [script](HostShell& shell) -> Result<QMap<QString, QString>> {
        auto r = shell.run(script, 60000);
        if (!r)
            return std::unexpected(r.error());
        return physicalKeyValues(r->out);
    });
}

Result<void> PhysicalCopy::failIfCancelled() const
{
    if (m_cancel && m_cancel->load())
        return stepFailure(
            m_profile.servers[1 - m_source].name, StepId::Copy, PhysicalCopy::tr("cancelled by the user"));
    return {};
}

void PhysicalCopy::inform(int server, const QString& text) const
{
    if (m_info)
        m_info(m_profile.servers[server].name, text);
}

Result<CopyResult> PhysicalCopy::run(
    const PhysicalCopyCheck& check, const ProgressFn& progress, const InfoFn& info)
{
    m_progress = progress;
    m_info = info;
    for (const Finding& f : check.findings)
        if (f.severity == Finding::Severity::Error)
            return stepFailure(f.server, StepId::Copy,
                f.text + (f.fix.isEmpty() ? QString() : QStringLiteral(": ") + f.fix));
    Undo undo;
    undo.params.backupTool = check.servers[m_source].backupTool;
    undo.params.streamTool = check.servers[1 - m_source].streamTool;
    const bool clone = check.way == PhysicalCopyCheck::Way::Clone;
    Result<CopyResult> result = clone ? cloneSteps(check, undo) : steps(check, undo);
    QStringList problems;
    if (!result && !clone)
        putBack(check, undo, problems);
    if (clone)
        cloneCleanUp(undo, problems);
    m_receiverDataLost = !result && undo.cloneStarted;
    cleanUp(undo, problems);
    if (!result) {
        StepError e = result.error();
        if (!problems.isEmpty())
            e.text += QLatin1Char('\n') + problems.join(QLatin1Char('\n'));
        return std::unexpected(e);
    }
    for (const QString& p : problems)
        inform(1 - m_source, p);
    return result;
}

Result<CopyResult> PhysicalCopy::steps(const PhysicalCopyCheck& check, Undo& undo)
{
    if (auto r = openSource(check, undo); !r)
        return std::unexpected(r.error());
    if (auto r = failIfCancelled(); !r)
        return std::unexpected(r.error());
    if (auto r = openTarget(check, undo); !r)
        return std::unexpected(r.error());
    QElapsedTimer t;
    t.start();
    auto bytes = relay(check, undo);
    if (!bytes)
        return std::unexpected(bytes.error());
    if (auto r = finishTarget(undo, *bytes); !r)
        return std::unexpected(r.error());
    const qint64 streamedMs = t.elapsed();
    auto coords = backupCoordinates(undo);
    if (!coords)
        return std::unexpected(coords.error());
    if (auto r = failIfCancelled(); !r)
        return std::unexpected(r.error());
    if (auto r = swapIn(check, undo); !r)
        return std::unexpected(r.error());
    // a cancel that came while the server was being swapped (the swap is not cut half-way: the server
    // must come back) is acted on now: run() swaps the old data folder back in
    if (auto r = failIfCancelled(); !r)
        return std::unexpected(r.error());
    // the receiver runs on the copy: the backup's account came with it, and goes (not replicated)
    auto own = receiverCoordinates(accountName(), QStringLiteral("localhost"));
    if (!own)
        return std::unexpected(own.error());
    CopyResult result;
    result.source = *coords;
    result.target = *own;
    result.bytes = *bytes;
    result.elapsedMs = streamedMs;
    result.savedCopy = undo.oldDir;
    return result;
}

Result<BinlogCoordinates> PhysicalCopy::receiverCoordinates(
    const QString& copiedUser, const QString& copiedHost)
{
    return on(1 - m_source, [copiedUser, copiedHost](ServerContext& ctx) -> Result<BinlogCoordinates> {
        if (!ctx.sql || !ctx.sql->isOpen())
            if (auto c = ctx.connect(); !c)
                return std::unexpected(c.error());
        if (auto r = ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 0")); !r)
            return std::unexpected(r.error());
        ctx.sql->exec(ctx.dialect.dropUser(copiedUser, copiedHost));
        ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 1"));
        return ReplicationSteps::readCoordinates(ctx);
    });
}

Result<void> PhysicalCopy::openSource(const PhysicalCopyCheck& check, Undo& undo)
{
    const QString name = m_profile.servers[m_source].name;
    auto dir = onShell(m_source, [name](HostShell& shell) -> Result<QString> {
        return RemoteJob::makeWorkDir(shell, name, StepId::Copy, QStringLiteral("copy"));
    });
    if (!dir)
        return std::unexpected(dir.error());
    undo.params.sourceDir = *dir;
    recordWorkFolder(m_source, *dir, undo.sourceFolderIntent, undo.sourceJobIntent, undo.sourceJob);
    // the backup's own account, on the source's socket alone, made outside the binary log
    const QString password = ReplicationSteps::generatePassword();
    undo.accountMade = true;
    undo.accountIntent = intent(m_source, IntentJournal::Action::CopyAccount,
        { { QStringLiteral("user"), accountName() },
            { QStringLiteral("host"), QStringLiteral("localhost") } });
    const QString cnf = *dir + QStringLiteral("/backup.cnf");
    const BackupTool tool(ServerVersion::parse(check.servers[m_source].version));
    const QByteArray options = PhysicalScript::optionFile(check.servers[m_source].socket, accountName(),
        password, check.servers[m_source].layout, tool.optionGroup());
    return on(m_source, [password, cnf, options, name, tool](ServerContext& ctx) -> Result<void> {
        const Dialect& d = ctx.dialect;
        const QString account = d.account(accountName(), QStringLiteral("localhost"));
        ctx.sql->setStep(StepId::Copy);
        if (auto r = ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 0")); !r)
            return r;
        Result<void> made = ctx.sql->exec(d.dropUser(accountName(), QStringLiteral("localhost")));
        if (made)
            made = ctx.sql->exec(
                QStringLiteral("CREATE USER %1 IDENTIFIED BY %2").arg(account, d.literal(password)),
                QStringLiteral("CREATE USER %1 IDENTIFIED BY '***'").arg(account));
        for (const QString& grant : tool.grants(d, account))
            if (made)
                made = ctx.sql->exec(grant);
        ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 1"));
        if (!made)
            return made;
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        return RemoteJob::writePrivateFile(**shell, name, StepId::Copy, cnf, options);
    });
}

Result<void> PhysicalCopy::openTarget(const PhysicalCopyCheck& check, Undo& undo)
{
    const int target = 1 - m_source;
    const QString name = m_profile.servers[target].name;
    const QString parent = QFileInfo(check.servers[target].dataDir).absolutePath();
    // next to the data folder, on its filesystem: the swap is two renames
    auto dir = on(target, [name, parent](ServerContext& ctx) -> Result<QString> {
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        auto r
            = (*shell)->run(QStringLiteral("umask 077; d=$(mktemp -d %1/replipair-copy.XXXXXX) && chmod 700 "
                                           "\"$d\" && echo \"$d\"")
                                .arg(Shell::quote(parent)),
                15000);
        if (!r)
            return std::unexpected(r.error());
        const QString d = QString::fromUtf8(r->out).trimmed();
        if (r->exitCode != 0 || !d.startsWith(QLatin1Char('/')))
            return stepFailure(name, StepId::Copy,
                PhysicalCopy::tr("cannot make a work folder in %1 on %2's host: %3")
                    .arg(parent, name, QString::fromUtf8(r->err).trimmed()));
        return d;
    });
    if (!dir)
        return std::unexpected(dir.error());
    undo.params.targetDir = *dir;
    recordWorkFolder(target, *dir, undo.targetFolderIntent, undo.targetJobIntent, undo.targetJob);
    RemoteJob* tj = &*undo.targetJob;
    RemoteJob* sj = &*undo.sourceJob;
    const QString receive = PhysicalScript::receive(undo.params),
                  backup = PhysicalScript::backup(undo.params);
    auto started = onShell(target, [tj, receive](HostShell& shell) -> Result<void> {
        return tj->start(shell, QStringLiteral("receive"), receive);
    });
    if (!started)
        return started;
    undo.targetJobRunning = true;
    started = onShell(m_source, [sj, backup](HostShell& shell) -> Result<void> {
        return sj->start(shell, QStringLiteral("backup"), backup);
    });
    if (!started)
        return started;
    undo.sourceJobRunning = true;
    inform(m_source,
        PhysicalCopy::tr("%1 --backup --stream=xbstream started on %2's host")
            .arg(undo.params.backupTool, m_profile.servers[m_source].name));
    return {};
}
