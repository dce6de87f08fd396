#include "copy/clonestatements.h"
#include "copy/physicalcopyparts.h"

#include "common/stepid.h"
#include "operation/intentjournal.h"
#include "replication/replicationsteps.h"

#include <QElapsedTimer>
#include <QThread>

// MySQL's CLONE: the receiver clones the donor into its own data directory, in place, and restarts.

namespace {
/** @p real one by one outside the binary log (@p shown in the log: no password). */
Result<void> execUnlogged(ServerContext& ctx, const QStringList& real, const QStringList& shown)
{
    if (!ctx.sql || !ctx.sql->isOpen())
        if (auto c = ctx.connect(); !c)
            return c;
    ctx.sql->setStep(StepId::Copy);
    if (auto r = ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 0")); !r)
        return r;
    Result<void> result;
    for (int i = 0; i < real.size() && result; ++i)
        result = ctx.sql->exec(real[i], shown.value(i));
    ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 1"));
    return result;
}
} // namespace

Result<CopyResult> PhysicalCopy::cloneSteps(const PhysicalCopyCheck& check, Undo& undo)
{
    const int target = 1 - m_source;
    const QString to = m_profile.servers[target].name;
    inform(target,
        PhysicalCopy::tr("CLONE replaces %1's data directory in place: its old data is not kept, and a clone "
                         "cut short leaves %1 in an unknown state until it is copied again")
            .arg(to));
    if (auto r = openClone(check, undo); !r)
        return std::unexpected(r.error());
    QElapsedTimer t;
    t.start();
    qint64 bytes = 0;
    auto output = awaitClone(check, undo, bytes);
    if (!output)
        return std::unexpected(output.error());
    auto status = cloneRestarted(check.servers[target], *output);
    if (!status)
        return std::unexpected(status.error());
    const qint64 clonedMs = t.elapsed();
    QString why;
    const auto coords = CloneStatements::coordinates(*status, &why);
    if (!coords)
        return stepFailure(to, StepId::Copy,
            PhysicalCopy::tr("the clone did not complete on %1: %2. Its data directory is in an unknown "
                             "state: copy it again")
                .arg(to, why));
    undo.swapped
        = true; // the receiver runs on the donor's data: its own CLONE account went with its old data
    undo.targetAccountMade = false;
    release(target, undo.targetAccountIntent);
    inform(m_source,
        PhysicalCopy::tr("the clone's point on %1: %2:%3%4")
            .arg(m_profile.servers[m_source].name, coords->file)
            .arg(coords->position)
            .arg(coords->gtid.isEmpty() ? QString() : PhysicalCopy::tr(", GTID %1").arg(coords->gtid)));
    // the donor's CLONE account came with the data
    auto own = receiverCoordinates(undo.accountUser, undo.accountHost);
    if (!own)
        return std::unexpected(own.error());
    CopyResult result;
    result.source = *coords;
    result.target = *own;
    result.bytes = bytes;
    result.elapsedMs = clonedMs;
    return result;
}

Result<void> PhysicalCopy::openClone(const PhysicalCopyCheck& check, Undo& undo)
{
    const int target = 1 - m_source;
    const ServerProfile &from = m_profile.servers[m_source], &to = m_profile.servers[target];
    // the donor's account, reachable from the receiver's address as the donor sees it
    const QString donorPassword = ReplicationSteps::generatePassword();
    undo.accountUser = CloneStatements::accountName();
    undo.accountHost = m_profile.replicationHostFor(m_source);
    undo.accountMade = true;
    undo.accountIntent = intent(m_source, IntentJournal::Action::CopyAccount,
        { { QStringLiteral("user"), undo.accountUser }, { QStringLiteral("host"), undo.accountHost } });
    auto made = on(m_source, [host = undo.accountHost, donorPassword](ServerContext& ctx) {
        return execUnlogged(ctx, CloneStatements::donorAccount(ctx.dialect, host, donorPassword, false),
            CloneStatements::donorAccount(ctx.dialect, host, donorPassword, true));
    });
    if (!made)
        return made;
    // the receiver's: on its socket, for its mysql client
    const QString password = ReplicationSteps::generatePassword();
    undo.targetAccountMade = true;
    undo.targetAccountIntent = intent(target, IntentJournal::Action::CopyAccount,
        { { QStringLiteral("user"), CloneStatements::accountName() },
            { QStringLiteral("host"), QStringLiteral("localhost") } });
    auto donors = on(target, [password](ServerContext& ctx) -> Result<QString> {
        if (auto r = execUnlogged(ctx, CloneStatements::recipientAccount(ctx.dialect, password, false),
                CloneStatements::recipientAccount(ctx.dialect, password, true));
            !r)
            return std::unexpected(r.error());
        auto list = ctx.sql->scalar(CloneStatements::donorListQuery());
        if (!list)
            return std::unexpected(list.error());
        return list->toString();
    });
    if (!donors)
        return std::unexpected(donors.error());
    undo.donorList = *donors;
    const QString donor = QStringLiteral("%1:%2").arg(from.effectivePeerHost()).arg(from.port);
    auto dir = on(target, [donor, name = to.name](ServerContext& ctx) -> Result<QString> {
        if (auto r = ctx.sql->exec(CloneStatements::setDonorList(ctx.dialect, donor)); !r)
            return std::unexpected(r.error());
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        return RemoteJob::makeWorkDir(**shell, name, StepId::Copy, QStringLiteral("clone"));
    });
    if (!dir)
        return std::unexpected(dir.error());
    undo.params.targetDir = *dir;
    recordWorkFolder(target, *dir, undo.targetFolderIntent, undo.targetJobIntent, undo.targetJob);
    RemoteJob* job = &*undo.targetJob;
    const QByteArray cnf = PhysicalScript::optionFile(check.servers[target].socket,
        CloneStatements::accountName(), password, QString(), QStringLiteral("mysql"));
    auto started = on(target,
        [job, cnf, d = *dir, name = to.name, host = from.effectivePeerHost(), port = from.port,
            donorPassword](ServerContext& ctx) -> Result<void> {
            auto shell = ctx.hostShell();
            if (!shell)
                return std::unexpected(shell.error());
            const QByteArray sql
                = (CloneStatements::cloneInstance(ctx.dialect, host, port, donorPassword, false)
                    + QStringLiteral(";\n"))
                      .toUtf8();
            for (const auto& [file, content] : { std::pair { QStringLiteral("/clone.cnf"), cnf },
                     std::pair { QStringLiteral("/clone.sql"), sql } })
                if (auto r = RemoteJob::writePrivateFile(**shell, name, StepId::Copy, d + file, content); !r)
                    return r;
            return job->start(**shell, QStringLiteral("clone"), CloneStatements::clientJob(d));
        });
    if (!started)
        return started;
    undo.targetJobRunning = true;
    undo.cloneStarted = true;
    inform(target,
        PhysicalCopy::tr("%1 on %2: %3")
            .arg(CloneStatements::cloneInstance(Dialect(ServerVersion::parse(check.servers[target].version)),
                     from.effectivePeerHost(), from.port, {}, true),
                to.name, donor));
    return {};
}

Result<QByteArray> PhysicalCopy::awaitClone(const PhysicalCopyCheck& check, Undo& undo, qint64& bytes)
{
    const int target = 1 - m_source;
    const QString to = m_profile.servers[target].name;
    RemoteJob* job = &*undo.targetJob;
    QElapsedTimer t;
    t.start();
    for (;;) {
        if (m_cancel && m_cancel->load()) {
            // cut short on the server too: the client's end alone may not stop it
            on(target, [](ServerContext& ctx) {
                if (auto pid = ctx.sql->scalar(CloneStatements::runningCloneQuery()); pid && !pid->isNull())
                    ctx.sql->exec(QStringLiteral("KILL QUERY %1").arg(pid->toLongLong()));
                return 0;
            });
            return stepFailure(to, StepId::Copy,
                PhysicalCopy::tr("cancelled by the user during the clone: %1's data directory is in an "
                                 "unknown state; copy it again")
                    .arg(to));
        }
        auto state
            = onShell(target, [job, ms = m_pollMs](HostShell& shell) { return job->state(shell, ms); });
        if (!state)
            return std::unexpected(state.error());
        auto rows
            = on(target, [](ServerContext& ctx) { return ctx.sql->query(CloneStatements::progressQuery()); });
        if (rows && !rows->isEmpty()) {
            CopyProgress p = CloneStatements::progress(*rows);
            if (p.estimatedBytes == 0)
                p.estimatedBytes = check.sourceBytes;
            p.elapsedMs = t.elapsed();
            bytes = qMax(bytes, p.bytes);
            if (m_progress)
                m_progress(p);
        }
        if (state->phase == RemoteJob::Phase::Running)
            continue;
        undo.targetJobRunning = false;
        return state->output;
    }
}

Result<SqlRow> PhysicalCopy::cloneRestarted(
    const PhysicalServerFacts& receiver, const QByteArray& clientOutput)
{
    const int target = 1 - m_source;
    const QString to = m_profile.servers[target].name;
    // the clone's end as the receiver records it (kept across its restart); none while it still answers
    // from before the restart, or is restarting
    const auto ended = [this, target]() -> std::optional<SqlRow> {
        auto rows = on(target, [](ServerContext& ctx) -> Result<QList<SqlRow>> {
            if (auto c = ctx.connect(5); !c)
                return std::unexpected(c.error());
            return ctx.sql->query(CloneStatements::statusQuery());
        });
        if (!rows || rows->isEmpty()
            || rows->value(0).value(QStringLiteral("STATE")).toString() == QLatin1String("In Progress"))
            return std::nullopt;
        return rows->value(0);
    };
    // no monitoring process restarts it (error 3707): the clone is complete, the server stopped
    if (CloneStatements::clientError(clientOutput) != CloneStatements::NoSupervisorError) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < m_profile.servers[target].restartTimeoutSeconds * 1000LL) {
            if (const auto row = ended())
                return *row;
            QThread::msleep(200);
        }
    }
    inform(target, PhysicalCopy::tr("%1 did not restart by itself after the clone: starting it").arg(to));
    if (auto r = restartWith(receiver, receiver.restartCommand, true); !r)
        return std::unexpected(r.error());
    if (const auto row = ended())
        return *row;
    return stepFailure(to, StepId::Copy,
        PhysicalCopy::tr("%1 answers again but its clone_status does not show the clone's end").arg(to));
}

void PhysicalCopy::cloneCleanUp(Undo& undo, QStringList& problems)
{
    const int target = 1 - m_source;
    const QString to = m_profile.servers[target].name;
    if (!undo.targetAccountMade && !undo.donorList)
        return;
    auto done = on(target, [&undo](ServerContext& ctx) -> Result<void> {
        if (undo.donorList)
            if (auto r
                = execUnlogged(ctx, { CloneStatements::setDonorList(ctx.dialect, *undo.donorList) }, {});
                !r)
                return r;
        if (!undo.targetAccountMade)
            return {};
        const QStringList drop = CloneStatements::dropAccount(ctx.dialect, QStringLiteral("localhost"));
        return execUnlogged(ctx, drop, drop);
    });
    if (!done) {
        problems << PhysicalCopy::tr(
            "could not put %1's clone settings back (clone_valid_donor_list, the account "
            "%2@localhost): %3")
                        .arg(to, CloneStatements::accountName(), done.error().text);
        return;
    }
    release(target, undo.targetAccountIntent);
    if (undo.cloneStarted && undo.swapped == false)
        problems << PhysicalCopy::tr(
            "%1's data directory is in an unknown state after the clone was cut short: "
            "copy it again (rebuild %1)")
                        .arg(to);
}
