#include "operation/rebuild.h"

#include "common/stepid.h"
#include "host/serverworker.h"
#include "operation/intentjournal.h"
#include "operation/operationrun.h"
#include "operation/rebuildguards.h"
#include "operation/rebuildids.h"
#include "operation/rebuildtext.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QScopeGuard>

using RebuildText::size;

bool Rebuild::leftOnlyWhatARebuildRedoes(const QString& path, const QString& target)
{
    auto runs = JournalRun::readAll(path);
    if (!runs || runs->isEmpty())
        return false;
    const JournalRun& last = runs->last();
    if (last.operation != RebuildIds::Rebuild || !last.interrupted() || last.toUndo().isEmpty())
        return false;
    for (const JournalIntent& i : last.toUndo())
        if ((i.action != RebuildIds::ReplicaReset && i.action != IntentJournal::Action::CopyLoad)
            || i.server != target)
            return false;
    return true;
}

QJsonObject Rebuild::Preview::toJson() const
{
    return QJsonObject { { QStringLiteral("source"), source }, { QStringLiteral("target"), target },
        { QStringLiteral("method"), method },
        { QStringLiteral("databases"), QJsonArray::fromStringList(databases) },
        { QStringLiteral("sourceBytes"), sourceBytes }, { QStringLiteral("targetBytes"), targetBytes },
        { QStringLiteral("saveOld"), saveOld }, { QStringLiteral("saveFolder"), saveFolder },
        { QStringLiteral("saveFreeBytes"), saveFreeBytes } };
}

Rebuild::Rebuild(PairProfile profile, Options options, EventSink onEvent)
    : m_profile(std::move(profile))
    , m_options(std::move(options))
    , m_onEvent(std::move(onEvent))
    , m_source(1 - m_options.target)
    , m_target(m_options.target)
{ }

Rebuild::~Rebuild() = default;

void Rebuild::emitEvent(const SetupEvent& e) const
{
    if (m_onEvent)
        m_onEvent(e);
}

Rebuild::Preview Rebuild::preview(const RebuildGuards& guards) const
{
    Preview p;
    p.source = m_profile.servers[m_source].name;
    p.target = m_profile.servers[m_target].name;
    p.saveOld = m_options.saveOld;
    if (!guards.copyCheck())
        return p;
    const CopyCheck& c = *guards.copyCheck();
    const CopyMethod method = guards.method();
    p.method = RebuildCopy::id(method);
    p.databases = c.databases;
    p.sourceBytes = c.sourceBytes;
    p.targetBytes = c.targetBytes;
    p.saveFolder = c.saveFolder();
    p.saveFreeBytes = c.saveFreeBytes;
    p.lines << tr("%1 is rebuilt from %2: %3.")
                   .arg(p.target, p.source, RebuildCopy::replaces(method, c, p.target));
    if (method == CopyMethod::Physical && guards.physicalCheck()) {
        // the data folder swap keeps the old folder whatever --no-save says: it is the way back
        const PhysicalCopyCheck& pc = *guards.physicalCheck();
        const QString dir = pc.servers[m_target].dataDir;
        p.sourceBytes = pc.sourceBytes;
        p.targetBytes = pc.targetDataBytes;
        p.saveOld = true;
        p.saveFolder = dir + QStringLiteral("-before-copy-<time>");
        p.saveFreeBytes = pc.targetFreeBytes;
        if (pc.way == PhysicalCopyCheck::Way::Clone) {
            // MySQL's CLONE replaces the data directory in place: taken only after --no-save
            p.saveOld = false;
            p.saveFolder.clear();
            p.lines << tr(
                "MySQL's CLONE INSTANCE runs on %2 and copies all of %1 into %2's data directory %3, "
                "in place: %2's old data (%4) is NOT kept, and a clone that fails or is cancelled "
                "leaves %2 in an unknown state, stopped or fenced, until it is rebuilt again. %2 "
                "restarts on the copy (with its own option file: its server_id stays).")
                           .arg(p.source, p.target, dir, size(pc.targetDataBytes));
        } else
            p.lines << tr("%7 streams all of %1 from its host to %2's, next to %3 (%4 free there); "
                          "%2 is then stopped, %3 (%5) renamed %6 and kept, the copy moved in and %2 started "
                          "with its own option file (its server_id and gtid_domain_id stay). On failure or "
                          "cancel before the copy ends, %2 is put back on its old data folder and started.")
                           .arg(p.source, p.target, dir,
                               pc.targetFreeBytes < 0 ? tr("unknown") : size(pc.targetFreeBytes),
                               size(pc.targetDataBytes), p.saveFolder, pc.toolName());
    } else if (c.targetTables.isEmpty())
        p.lines << tr("%1 holds nothing in them: there is nothing to save.").arg(p.target);
    else if (m_options.saveOld)
        p.lines << tr("%1's old data (%2, %n table(s)) is saved first in %3 on its host (%4 free there) and "
                      "loaded back if the rebuild fails or is cancelled before the copy ends.",
            nullptr, int(c.targetTables.size()))
                       .arg(p.target, size(c.targetBytes), p.saveFolder,
                           c.saveFreeBytes < 0 ? tr("unknown") : size(c.saveFreeBytes));
    else
        p.lines << tr("%1's old data (%2) is NOT saved: if the rebuild fails, %1 stays read-only, fenced and "
                      "without it until it is rebuilt.")
                       .arg(p.target, size(c.targetBytes));
    p.lines << (method == CopyMethod::Physical
            ? tr("Replication stops both ways for the time of the copy (%1 from %2, physical copy); %2 keeps "
                 "serving reads and writes, %3 stays read-only and is stopped only for the swap.")
                  .arg(size(p.sourceBytes), p.source, p.target)
            : tr("Replication stops both ways for the time of the copy (%1 from %2, %3 copy); %2 keeps "
                 "serving reads and writes, %4 stays read-only throughout.")
                  .arg(size(p.sourceBytes), p.source, p.method, p.target));
    p.lines << tr("Then %1 replicates from %2 at the copy's exact point, %2 from %1 at %1's position after "
                  "the copy; both directions and the data are verified.")
                   .arg(p.target, p.source);
    return p;
}

Rebuild::Outcome Rebuild::run()
{
    m_out = Outcome();
    // the generated passwords live no longer than the run
    const auto wipe = qScopeGuard([this] {
        for (QString& pw : m_password)
            pw.fill(QLatin1Char('0')), pw.clear();
    });
    const QString a = m_profile.servers[m_source].name, b = m_profile.servers[m_target].name;
    OperationRun run(m_profile, m_options.shellFactory, m_onEvent);
    ServerWorker* const workers[2] = { run.worker(0), run.worker(1) };
    RebuildGuards guards(m_profile, workers, m_target);
    run.report(SetupEvent::Kind::StepStarted, -1, RebuildIds::Guards,
        tr("check that %1 can be rebuilt from %2").arg(b, a));
    m_out.checks = guards.before(m_options.method, m_options.saveOld);
    m_gtid = guards.usesGtid();
    for (const Finding& f : m_out.checks)
        run.report(
            f.severity == Finding::Severity::Error ? SetupEvent::Kind::Warning : SetupEvent::Kind::Info,
            m_profile.serverIndex(f.server), RebuildIds::Guards,
            f.fix.isEmpty() ? f.text : QStringLiteral("%1 → %2").arg(f.text, f.fix), f.code);
    m_out.preview = preview(guards);
    for (const QString& line : m_out.preview.lines)
        run.report(SetupEvent::Kind::Info, m_target, RebuildIds::Guards, line);
    // what the run itself would refuse first: a run of the pair not ended (but for what a rebuild of B
    // redoes)
    if (m_options.dryRun && !leftOnlyWhatARebuildRedoes(m_options.journalPath, b))
        run.addJournalCheck(m_options.journalPath, RebuildIds::Guards, m_out.checks);
    if (RebuildGuards::refused(m_out.checks) || !guards.copyCheck()) {
        m_out.refused = true;
        m_out.error = StepError { {}, RebuildIds::Guards, 0, tr("refused: nothing was changed") };
        run.report(SetupEvent::Kind::StepFailed, -1, RebuildIds::Guards, m_out.error.text);
        return m_out;
    }
    run.report(SetupEvent::Kind::StepFinished, -1, RebuildIds::Guards, tr("every check passed"));
    const QList<OperationStep> before = beforeCopy(run);
    const OperationStep copy = copyStep(run, guards);
    const QList<OperationStep> after = afterCopy(run, guards);
    for (const OperationStep& s : before + QList<OperationStep> { copy } + after)
        m_out.steps << s.intent;
    if (m_options.dryRun) {
        m_out.ok = true;
        return m_out;
    }
    if (!m_options.journalPath.isEmpty()) {
        auto journal
            = IntentJournal::beginIfFree(m_options.journalPath, m_profile.filePath, RebuildIds::Rebuild);
        // what recover cannot put back after a killed rebuild of B (B's removed replica settings: their
        // password was in memory only; the databases a killed logical copy was loading) is what this run
        // does anew: it may begin
        if (!journal && leftOnlyWhatARebuildRedoes(m_options.journalPath, b)) {
            run.report(SetupEvent::Kind::Info, m_target, StepId::Journal,
                tr("the interrupted rebuild left %1 without replica settings (and perhaps a partial copy of "
                   "its replicated databases): this rebuild sets them up anew and copies them again")
                    .arg(b));
            journal = IntentJournal::begin(m_options.journalPath, RebuildIds::Rebuild);
        }
        if (!journal) {
            m_out.error = journal.error();
            m_out.refused = true;
            run.report(SetupEvent::Kind::StepFailed, -1, StepId::Journal, m_out.error.text);
            return m_out;
        }
        m_journal = *journal;
        for (ServerWorker* w : workers)
            w->run([j = m_journal](ServerContext& ctx) {
                ctx.journal = j;
                return 0;
            });
    }
    const auto ended = [this, &run](const QString& outcome) {
        if (!m_journal)
            return;
        m_journal->end(outcome);
        if (!m_journal->writeError().isEmpty())
            run.report(SetupEvent::Kind::Warning, -1, StepId::Journal,
                tr("the journal %1 could not be written in full: %2")
                    .arg(m_journal->path(), m_journal->writeError()));
        for (ServerWorker* w : { run.worker(0), run.worker(1) })
            w->run([](ServerContext& ctx) {
                ctx.journal.reset();
                return 0;
            });
    };
    QElapsedTimer t;
    t.start();
    // until the copy has ended, every step is undone on failure or cancel: B as it was, A replicating again
    for (const OperationStep& s : before + QList<OperationStep> { copy }) {
        if (!cancelled() && run.take(s))
            continue;
        m_out.cancelled = cancelled();
        m_out.error = m_out.cancelled ? StepError { b, StepId::Cancel, 0, tr("cancelled: %1").arg(s.intent) }
                                      : run.error();
        const bool undone = run.undoTaken();
        m_out.putBack = undone;
        m_out.error.text = undone
            ? tr("%1 — put back: %2 has its old data and replica settings, %3 replicates as before")
                  .arg(m_out.error.text, b, a)
            : tr("%1 — putting back failed: %2 may be left read-only and fenced; see the lines above, then "
                 "run recover or rebuild again")
                  .arg(m_out.error.text, b);
        run.report(SetupEvent::Kind::StepFailed, -1, RebuildIds::Rebuild, m_out.error.text);
        ended(m_out.cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed"));
        m_out.elapsedMs = t.elapsed();
        return m_out;
    }
    // the copy is in: B's old settings and read_only are not to be put back any more (recover leaves them)
    m_out.copied = true;
    m_out.savedCopy = m_copied->savedCopy;
    run.commitTaken();
    if (m_journal) {
        for (const auto& [server, ids] : m_releaseAfterCopy)
            run.worker(server)->run([id = ids->second](ServerContext& ctx) {
                ctx.intentReleased(id);
                return 0;
            });
        run.worker(m_target)->run([id = m_resetIntent ? m_resetIntent->second : 0](ServerContext& ctx) {
            ctx.intentReleased(id);
            return 0;
        });
    }
    for (const OperationStep& s : after) {
        if (run.take(s))
            continue;
        m_out.error = run.error();
        m_out.error.text
            = tr("%1 — %2 holds %3's data but the rebuild did not finish: it stays read-only and "
                 "fenced; run rebuild again")
                  .arg(m_out.error.text, b, a);
        if (auto state = PairState::load(m_profile)) {
            state->fence(m_target, tr("the rebuild from %1 did not finish: rebuild again").arg(a));
            state->save(m_profile);
        }
        run.report(SetupEvent::Kind::StepFailed, -1, RebuildIds::Rebuild, m_out.error.text);
        ended(QStringLiteral("failed"));
        m_out.elapsedMs = t.elapsed();
        return m_out;
    }
    m_out.ok = true;
    m_out.elapsedMs = t.elapsed();
    ended(QStringLiteral("ok"));
    run.report(SetupEvent::Kind::StepFinished, -1, RebuildIds::Rebuild,
        tr("%1 rebuilt from %2 and verified in %3 s%4")
            .arg(b, a)
            .arg(double(m_out.elapsedMs) / 1000.0, 0, 'f', 1)
            .arg(m_out.savedCopy.isEmpty()
                    ? QString()
                    : tr("; its old data is kept in %1 on its host").arg(m_out.savedCopy)));
    return m_out;
}
