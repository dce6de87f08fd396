// The copy step of a rebuild (logical or physical, through RebuildCopy) and the steps after it: both
// directions started from the copy's point, verified, the data compared, B's identity checked, its mark
// cleared. None is undone: past the copy B holds A's data and a re-run rebuilds it again.
#include "operation/rebuild.h"

#include "common/sqlquote.h"
#include "host/serverworker.h"
#include "operation/intentjournal.h"
#include "operation/operationrun.h"
#include "operation/rebuildguards.h"
#include "operation/rebuildids.h"
#include "operation/rebuildtext.h"
#include "replication/replicationsteps.h"
#include "setup/finaldatacheck.h"
#include "setup/pairverifier.h"

#include <QJsonArray>

using RebuildText::shown;
using RebuildText::size;

OperationStep Rebuild::copyStep(OperationRun& run, const RebuildGuards& guards)
{
    const QString a = m_profile.servers[m_source].name, b = m_profile.servers[m_target].name;
    const CopyCheck& check = *guards.copyCheck();
    const CopyMethod method = guards.method();
    const std::optional<PhysicalCopyCheck> physical = guards.physicalCheck();
    const bool clone = physical && physical->way == PhysicalCopyCheck::Way::Clone;
    const QString what = method == CopyMethod::Physical
        ? (clone ? tr(
               "copy all of %1 (%2, its whole data folder) to %3 with MySQL's CLONE (physical copy); %3's "
               "old data is replaced in place, not kept")
                       .arg(a, size(physical->sourceBytes), b)
                 : tr("copy all of %1 (%2, its whole data folder) to %3 with %4 (physical copy); %3's old "
                      "data folder kept beside it")
                       .arg(a, size(physical ? physical->sourceBytes : check.sourceBytes), b,
                           physical ? physical->toolName() : QStringLiteral("mariadb-backup")))
        : tr("copy %1 (%2) from %3 to %4 online (%5 copy)")
              .arg(check.databases.join(QStringLiteral(", ")), size(check.sourceBytes), a, b,
                  RebuildCopy::id(method));
    return OperationStep { StepId::Copy, m_target, what,
        [&run, this, check, b, method, physical]() -> Result<QString> {
            if (method == CopyMethod::Logical && !m_options.saveOld && !check.existingOnTarget.isEmpty()) {
                // the admin said not to save them: gone before the copy, which then has nothing to save
                const QStringList dbs = check.existingOnTarget;
                auto dropped = run.onServer(m_target, [dbs](ServerContext& ctx) -> Result<QString> {
                    const int id = ctx.intent(StepId::Copy, IntentJournal::Action::CopyLoad,
                        { { QStringLiteral("databases"), QJsonArray::fromStringList(dbs) },
                            { QStringLiteral("savedCopy"), QString() } });
                    if (auto r = ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 0")); !r)
                        return std::unexpected(r.error());
                    for (const QString& db : dbs)
                        if (auto r = ctx.sql->exec(
                                QStringLiteral("DROP DATABASE IF EXISTS %1").arg(SqlQuote::identifier(db)));
                            !r)
                            return std::unexpected(r.error());
                    ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 1"));
                    ctx.intentDone(id);
                    return QString();
                });
                if (!dropped)
                    return std::unexpected(dropped.error());
                SetupEvent e;
                e.kind = SetupEvent::Kind::Warning;
                e.server = b;
                e.step = StepId::Copy;
                e.text = tr("%1's old %2 removed without saving them (--no-save)")
                             .arg(b, dbs.join(QStringLiteral(", ")));
                emitEvent(e);
            }
            ServerWorker* const workers[2] = { run.worker(0), run.worker(1) };
            auto done = RebuildCopy::run(
                method, m_profile, m_source, workers, check, physical ? &*physical : nullptr,
                m_options.cancel.get(),
                [this, b](const CopyProgress& p) {
                    SetupEvent e;
                    e.kind = SetupEvent::Kind::Progress;
                    e.server = b;
                    e.step = StepId::Copy;
                    e.text = p.toText();
                    e.elapsedMs = p.elapsedMs;
                    e.data = p.toJson();
                    emitEvent(e);
                },
                [this](const QString& server, const QString& text) {
                    SetupEvent e;
                    e.kind = SetupEvent::Kind::Info;
                    e.server = server;
                    e.step = StepId::Copy;
                    e.text = text;
                    emitEvent(e);
                },
                &m_receiverDataLost);
            if (!done)
                return std::unexpected(done.error());
            m_copied = *done;
            if (method == CopyMethod::Physical && done->savedCopy.isEmpty())
                return tr(
                    "%1 cloned in %2 s; %3 restarted on it (its old data is not kept); the copy's point "
                    "on %4: %5")
                    .arg(size(done->bytes))
                    .arg(double(done->elapsedMs) / 1000.0, 0, 'f', 1)
                    .arg(b, m_profile.servers[m_source].name, shown(done->source));
            if (method == CopyMethod::Physical)
                return tr("%1 streamed and prepared in %2 s, swapped in as %3's data folder (the old one is "
                          "kept: %4); the copy's point on %5: %6")
                    .arg(size(done->bytes))
                    .arg(double(done->elapsedMs) / 1000.0, 0, 'f', 1)
                    .arg(b, done->savedCopy, m_profile.servers[m_source].name, shown(done->source));
            return tr("%1 copied (%n table(s)) in %2 s; the copy's point on %3: %4", nullptr, done->tables)
                .arg(size(done->bytes))
                .arg(double(done->elapsedMs) / 1000.0, 0, 'f', 1)
                .arg(m_profile.servers[m_source].name, shown(done->source));
        },
        {} };
}

QList<OperationStep> Rebuild::afterCopy(OperationRun& run, RebuildGuards& guards)
{
    const QString a = m_profile.servers[m_source].name, b = m_profile.servers[m_target].name;
    QList<OperationStep> steps;
    steps << replicationUserStep(run, m_target);
    // B from A at the copy's exact point, then A from B at B's own position read at the end of the copy
    for (const int replica : { m_target, m_source }) {
        const int source = 1 - replica;
        steps << OperationStep { StepId::ChangeSource, replica,
            replica == m_target ? tr("start %1 from %2 at the copy's exact point").arg(b, a)
                                : tr("start %1 from %2 at %2's position after the copy").arg(a, b),
            [&run, this, replica, source]() -> Result<QString> {
                const BinlogCoordinates at = source == m_source ? m_copied->source : m_copied->target;
                const ServerProfile& from = m_profile.servers[source];
                const ChangeSourceParams p
                    = ReplicationSteps::sourceParams(m_profile, replica, m_password[source], m_gtid, at);
                return run.onServer(
                    replica, [p, at, name = from.name](ServerContext& ctx) -> Result<QString> {
                        const int id = ctx.intent(StepId::ChangeSource, IntentJournal::Action::ChangeSource,
                            { { QStringLiteral("wasFresh"), false } }, true);
                        if (auto r = ReplicationSteps::changeSource(ctx, p, at.gtid); !r)
                            return std::unexpected(r.error());
                        ctx.intentDone(id);
                        return p.gtid
                            ? tr("replicating from %1 by GTID from %2").arg(name, at.gtid)
                            : tr("replicating from %1 from %2:%3").arg(name, at.file).arg(at.position);
                    });
            },
            {} };
    }
    steps << OperationStep { StepId::Verify, -1,
        tr("verify: both threads run on both servers, and a test row crosses each way"),
        [&run, this]() -> Result<QString> {
            PairVerifier verifier(m_profile, run.worker(0), run.worker(1));
            if (auto r = verifier.verify(m_options.verifyTimeoutMs,
                    [this](const SetupEvent& e) {
                        if (e.kind != SetupEvent::Kind::StepStarted
                            && e.kind != SetupEvent::Kind::StepFinished)
                            emitEvent(e);
                    });
                !r)
                return std::unexpected(r.error());
            return tr("both directions replicate");
        },
        {} };
    steps << OperationStep { StepId::VerifyData, -1,
        tr("compare the replicated tables of both servers at one exact point of a binary log"),
        [&run, this]() -> Result<QString> {
            FinalDataCheck check(m_profile, run.worker(0), run.worker(1), nullptr);
            check.setFirstSource(m_source);
            const FinalDataCheck::Outcome o = check.run(m_options.verifyTimeoutMs);
            if (o.restartFailed)
                return std::unexpected(*o.restartFailed);
            if (o.verdict == FinalDataCheck::Verdict::Differs)
                return stepFailure({}, StepId::VerifyData,
                    tr("the tables differ after the copy: %1").arg(o.tables.join(QStringLiteral(", "))));
            m_out.dataEqual = o.verdict == FinalDataCheck::Verdict::Equal;
            if (!m_out.dataEqual) {
                SetupEvent e;
                e.kind = SetupEvent::Kind::Warning;
                e.step = StepId::VerifyData;
                e.text = tr("%1 — run compare when writes pause").arg(o.text);
                emitEvent(e);
            }
            return o.text;
        },
        {} };
    steps << OperationStep { RebuildIds::CheckRebuilt, m_target,
        tr("check %1: its own server_id, server_uuid and gtid_domain_id, a relay log from the copy's point")
            .arg(b),
        [this, &guards, b]() -> Result<QString> {
            const QList<Finding> found = guards.after(m_copied->source.file);
            m_out.checks += found;
            QStringList wrong, right;
            for (const Finding& f : found)
                (f.severity == Finding::Severity::Error ? wrong : right)
                    << (f.fix.isEmpty() ? f.text : QStringLiteral("%1 → %2").arg(f.text, f.fix));
            if (!wrong.isEmpty())
                return stepFailure(b, RebuildIds::CheckRebuilt, wrong.join(QStringLiteral("; ")));
            return right.join(QStringLiteral("; "));
        },
        {} };
    const int writer = m_profile.writerIndex();
    steps << OperationStep { StepId::Fence, m_target,
        writer == m_source ? tr("clear %1's mark; %1 stays read-only (%2 takes the writes)").arg(b, a)
                           : tr("clear %1's mark; %1 takes writes again (both servers do)").arg(b),
        [&run, this, writer, b]() -> Result<QString> {
            const bool readOnly = writer == m_source;
            auto set = run.onServer(m_target, [readOnly](ServerContext& ctx) -> Result<QString> {
                if (auto r = ctx.sql->exec(QStringLiteral("SET GLOBAL read_only = %1").arg(readOnly ? 1 : 0));
                    !r)
                    return std::unexpected(r.error());
                return QString();
            });
            if (!set)
                return std::unexpected(set.error());
            auto state = PairState::load(m_profile);
            if (!state)
                return std::unexpected(state.error());
            state->unfence(m_target);
            if (auto saved = state->save(m_profile); !saved)
                return std::unexpected(saved.error());
            return tr("%1 is rebuilt: not fenced, read_only = %2").arg(b).arg(readOnly ? 1 : 0);
        },
        {} };
    return steps;
}
