#include "setup/pairdatasteps.h"

#include "common/owntables.h"
#include "common/stepid.h"
#include "copy/copyaccount.h"
#include "copy/physicalcopy.h"
#include "copy/physicalplan.h"
#include "host/serverworker.h"
#include "replication/replicastartpoint.h"
#include "setup/preflightdata.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLocale>

namespace {
/** Whether @p s holds a table in the replicated databases (the probe and heartbeat tables aside). */
bool holdsData(const PairProfile& profile, const ServerInspection& s)
{
    for (auto it = s.tables.cbegin(); it != s.tables.cend(); ++it) {
        if ((!profile.databases.isEmpty() && !profile.databases.contains(it.key()))
            || profile.ignoreDatabases.contains(it.key()))
            continue;
        for (const QString& t : it.value())
            if (!OwnTables::All.contains(t))
                return true;
    }
    return false;
}

QString shown(const BinlogCoordinates& c)
{
    return c.gtid.isEmpty() ? QStringLiteral("%1:%2").arg(c.file).arg(c.position)
                            : QStringLiteral("%1:%2, GTID %3").arg(c.file).arg(c.position).arg(c.gtid);
}
} // namespace

PairDataSteps::PairDataSteps(const PairProfile& profile, ServerWorker* a, ServerWorker* b, EventSink onEvent)
    : m_profile(profile)
    , m_workers { a, b }
    , m_onEvent(std::move(onEvent))
{ }

void PairDataSteps::report(SetupEvent::Kind kind, const QString& server, const QString& text, qint64 ms,
    const QJsonObject& data, const QString& step)
{
    if (!m_onEvent)
        return;
    SetupEvent e;
    e.kind = kind;
    e.server = server;
    e.step = step;
    e.text = text;
    e.elapsedMs = ms;
    e.data = data;
    m_onEvent(e);
}

QList<Finding> PairDataSteps::preflight(
    const ServerInspection (&in)[2], const DirectionState (&directions)[2], const QList<Finding>& findings)
{
    for (int i = 0; i < 2; ++i) {
        if (!in[i].logBin)
            continue;
        auto c = m_workers[i]->run([](ServerContext& ctx) { return ReplicaStartPoint::now(ctx); });
        if (c) {
            m_start[i] = *c;
            m_startReason[i] = PairDataSteps::tr("where %1's binary log stood when the data was inspected")
                                   .arg(m_profile.servers[i].name);
        }
    }
    const int source = m_profile.initialCopy;
    if (source < 0) {
        // a re-run on a pair that already replicates both ways: the data is compared at the end, at one
        // point of a binary log (here, writes in flight would show as differences)
        const bool fresh = directions[0] == DirectionState::Fresh || directions[1] == DirectionState::Fresh;
        if (!fresh || !PreflightData::bothHoldData(m_profile, in))
            return findings;
        return findings + PreflightData::compare(m_profile, m_workers[0], m_workers[1]);
    }
    ServerWorker* const workers[2] = { m_workers[0], m_workers[1] };
    auto check = CopyCheck::gather(m_profile, source, workers, m_profile.replaceTarget);
    if (!check)
        return findings
            + QList<Finding> { Finding { Finding::Severity::Error, check.error().server,
                QStringLiteral("copy-check-failed"),
                PairDataSteps::tr("could not check the copy: %1").arg(check.error().text), {} } };
    QList<Finding> out = PreflightData::withCopy(findings, *check);
    if (directions[1 - source] != DirectionState::Fresh)
        out << Finding { Finding::Severity::Error, m_profile.servers[1 - source].name,
            QStringLiteral("copy-replica-configured"),
            PairDataSteps::tr("%1 already replicates from %2: a copy would replace data it is applying")
                .arg(m_profile.servers[1 - source].name, m_profile.servers[source].name),
            PairDataSteps::tr("leave \"initialCopy\" out, or remove that replication first (%1)")
                .arg(Dialect(in[1 - source].version).removeReplicaHint()) };
    m_copyCheck = *check;
    if (m_profile.copyMethod == CopyMethod::Logical)
        return out;
    const QString to = m_profile.servers[1 - source].name;
    // setup's physical copy keeps the receiver's old data folder: XtraBackup on MySQL, never CLONE
    auto physical = PhysicalCopyCheck::gather(m_profile, source, workers, false);
    if (!physical) {
        out << Finding { m_profile.copyMethod == CopyMethod::Physical ? Finding::Severity::Error
                                                                      : Finding::Severity::Warning,
            physical.error().server, QStringLiteral("physical-check-failed"),
            PairDataSteps::tr("could not check the physical copy: %1").arg(physical.error().text),
            m_profile.copyMethod == CopyMethod::Auto ? PairDataSteps::tr("the logical copy is made")
                                                     : QString() };
        return out;
    }
    m_physicalCheck = *physical;
    const QString size
        = QLocale::c().formattedDataSize(physical->sourceBytes, 1, QLocale::DataSizeTraditionalFormat);
    if (m_profile.copyMethod == CopyMethod::Physical) {
        m_physical = true;
        out += physical->findings;
    } else if (physical->hasErrors() || physical->sourceBytes <= PhysicalCopyCheck::AutoThresholdBytes) {
        out << Finding { Finding::Severity::Ok, to, QStringLiteral("copy-method"),
            physical->hasErrors()
                ? PairDataSteps::tr("copyMethod auto: the logical copy (the physical one cannot be made: %1)")
                      .arg(physical->findings.value(0).text)
                : PairDataSteps::tr(
                    "copyMethod auto: the logical copy (%1 of data, the physical copy is taken "
                    "above %2)")
                      .arg(size,
                          QLocale::c().formattedDataSize(
                              PhysicalCopyCheck::AutoThresholdBytes, 0, QLocale::DataSizeTraditionalFormat)),
            {} };
    } else {
        m_physical = true;
        out << Finding { Finding::Severity::Ok, to, QStringLiteral("copy-method"),
            PairDataSteps::tr("copyMethod auto: the physical copy (%1 of data)").arg(size), {} };
    }
    return out;
}

std::optional<PlanStep> PairDataSteps::planStep() const
{
    if (!m_copyCheck)
        return std::nullopt;
    const CopyCheck& c = *m_copyCheck;
    const ServerProfile &from = m_profile.servers[c.source], &to = m_profile.servers[1 - c.source];
    const QString size = QLocale::c().formattedDataSize(c.sourceBytes, 1, QLocale::DataSizeTraditionalFormat);
    PlanStep s;
    s.id = StepId::Copy;
    s.server = to.name;
    if (m_physical && m_physicalCheck) {
        const PhysicalPlan plan = PhysicalPlan::of(*m_physicalCheck, m_profile);
        s.title = plan.title;
        s.sql << plan.sql;
        s.check = plan.check;
        s.undo = plan.undo;
        return s;
    }
    s.title
        = PairDataSteps::tr("Copy %1 (%2, %n table(s)) from %3 to %4 online: %5 on %4's host, piped into %6 "
                            "with sql_log_bin=0; %4 read-only meanwhile",
            nullptr, c.sourceTables)
              .arg(c.databases.join(QStringLiteral(", ")), size, from.name, to.name,
                  QStringList { c.dumpTool, QStringLiteral("--single-transaction"),
                      c.dumpOptions.coordinatesOption(), c.dumpOptions.gtidPurgedOption() }
                      .join(QLatin1Char(' '))
                      .trimmed(),
                  c.clientTool);
    s.sql << QStringLiteral(
        "-- on %1: temporary account %2@'%3' (SELECT, SHOW VIEW, TRIGGER, EVENT, LOCK TABLES "
        "on the copied databases; RELOAD, binlog monitor), generated password in a 0600 "
        "option file on %4's host")
                 .arg(from.name, CopyAccount::userName(), m_profile.replicationHostFor(c.source), to.name)
          << QStringLiteral("-- on %1: SET GLOBAL read_only = 1 (back to %2 afterwards)")
                 .arg(to.name)
                 .arg(c.targetReadOnly ? 1 : 0);
    s.check
        = PairDataSteps::tr("before: %1's databases empty or replacing confirmed, free space (%2 free), the "
                            "tools on %1's host; after: both exit codes, the dump's coordinates")
              .arg(to.name,
                  c.targetFreeBytes < 0 ? PairDataSteps::tr("unknown")
                                        : QLocale::c().formattedDataSize(
                                            c.targetFreeBytes, 1, QLocale::DataSizeTraditionalFormat));
    // B's databases are listed again once it is read-only: only those holding something are saved (0600, in a
    // 0700 folder), empty ones are made again on undo
    s.undo = c.targetTables.isEmpty()
        ? PairDataSteps::tr("on failure or cancel the partial copy is dropped from %1; %2 is never written")
              .arg(to.name, from.name)
        : PairDataSteps::tr("%1's old %2 saved first in %3 (kept until you remove it) and loaded back on "
                            "failure or cancel; %4 is never written")
              .arg(to.name, c.existingOnTarget.join(QStringLiteral(", ")), c.saveFolder(), from.name);
    return s;
}

void PairDataSteps::adjustPlan(QList<PlanStep>& steps) const
{
    if (const auto copy = planStep()) {
        qsizetype at = 0;
        while (
            at < steps.size() && steps[at].id != StepId::Coordinates && steps[at].id != StepId::ChangeSource)
            ++at;
        steps.removeIf([](const PlanStep& s) { return s.id == StepId::Coordinates; });
        steps.insert(qMin(at, steps.size()), *copy);
    }
    for (PlanStep& s : steps)
        if (s.id == StepId::Verify)
            s.title += PairDataSteps::tr(
                "; then the replicated tables compared at one exact point, also under writes (the replica's "
                "SQL thread stopped at the position of the source's consistent snapshot, a checksum of every "
                "row on both): setup fails naming any table that differs");
}

void PairDataSteps::decideStartPoints(const ServerInspection (&in)[2], const ConfigPlan (&configs)[2])
{
    for (int i = 0; i < 2; ++i) {
        const bool turnsOn = !in[i].logBin && configs[i].restartFor.contains(QStringLiteral("log_bin"));
        m_planned[i].rule = ReplicaStartPoint::rule(m_copyCheck.has_value(), m_start[i].has_value(), turnsOn);
        m_planned[i].known = m_planned[i].rule == PlannedStart::Rule::Inspection ? m_start[i] : std::nullopt;
    }
}

void PairDataSteps::afterConfig(const ServerInspection (&in)[2])
{
    for (int i = 0; i < 2; ++i) {
        if (in[i].logBin)
            continue;
        m_binlogTurnedOnWithData[i] = holdsData(m_profile, in[i]);
        if (m_planned[i].rule != PlannedStart::Rule::RestartedLog)
            continue;
        auto c = m_workers[i]->run(
            [](ServerContext& ctx) { return ReplicaStartPoint::startOfCurrentFile(ctx); });
        if (!c)
            continue;
        m_start[i] = *c;
        m_startReason[i] = PairDataSteps::tr("the start of the binary log %1 turned on at its restart")
                               .arg(m_profile.servers[i].name);
    }
}

bool PairDataSteps::copy(const std::atomic_bool* cancel, StepError* error)
{
    if (!m_copyCheck)
        return true;
    const int source = m_copyCheck->source;
    const QString to = m_profile.servers[1 - source].name;
    ServerWorker* const workers[2] = { m_workers[0], m_workers[1] };
    const auto progress = [this, to](const CopyProgress& p) {
        report(SetupEvent::Kind::Progress, to, p.toText(), p.elapsedMs, p.toJson());
    };
    const auto info = [this](const QString& server, const QString& text) {
        report(SetupEvent::Kind::Info, server, text);
    };
    Result<CopyResult> done = std::unexpected(StepError {});
    if (m_physical && m_physicalCheck) {
        report(SetupEvent::Kind::StepStarted, to,
            PairDataSteps::tr("copying all of %1 physically (%2)")
                .arg(m_profile.servers[source].name, m_physicalCheck->toolName()));
        PhysicalCopy copy(m_profile, source, workers, cancel);
        done = copy.run(*m_physicalCheck, progress, info);
        if (done)
            done->databases = m_copyCheck->databases;
    } else {
        report(SetupEvent::Kind::StepStarted, to,
            PairDataSteps::tr("copying %1 from %2")
                .arg(m_copyCheck->databases.join(QStringLiteral(", ")), m_profile.servers[source].name));
        DataCopy copy(m_profile, source, workers, cancel);
        done = copy.run(*m_copyCheck, progress, info);
    }
    if (!done) {
        report(SetupEvent::Kind::StepFailed, to, done.error().text);
        *error = done.error();
        error->step = StepId::Copy;
        return false;
    }
    m_copied = *done;
    m_start[source] = done->source;
    m_startReason[source] = PairDataSteps::tr("the point of the copy");
    m_start[1 - source] = done->target;
    m_startReason[1 - source]
        = PairDataSteps::tr("where %1 stood at the end of the copy, still read-only").arg(to);
    const double seconds = double(done->elapsedMs) / 1000.0;
    report(SetupEvent::Kind::StepFinished, to,
        PairDataSteps::tr(
            "%1 copied (%n table(s)) in %2 s; %3 replicates from %4 at %5", nullptr, done->tables)
            .arg(QLocale::c().formattedDataSize(done->bytes, 1, QLocale::DataSizeTraditionalFormat))
            .arg(seconds, 0, 'f', 1)
            .arg(to, m_profile.servers[source].name, shown(done->source)),
        done->elapsedMs);
    return true;
}

QJsonObject PairDataSteps::journalEntry() const
{
    if (!m_copied || !m_copyCheck)
        return {};
    const BinlogCoordinates& c = m_copied->source;
    return QJsonObject { { QStringLiteral("copy"),
        QJsonObject { { QStringLiteral("from"), m_profile.servers[m_copyCheck->source].name },
            { QStringLiteral("to"), m_profile.servers[1 - m_copyCheck->source].name },
            { QStringLiteral("databases"), QJsonArray::fromStringList(m_copied->databases) },
            { QStringLiteral("bytes"), m_copied->bytes }, { QStringLiteral("tables"), m_copied->tables },
            { QStringLiteral("coordinates"), QStringLiteral("%1:%2").arg(c.file).arg(c.position) },
            { QStringLiteral("gtid"), c.gtid }, { QStringLiteral("savedCopy"), m_copied->savedCopy } } } };
}

std::optional<BinlogCoordinates> PairDataSteps::startPoint(int source) const
{
    if (m_planned[source].rule == PlannedStart::Rule::ReadLock)
        return std::nullopt;
    return m_start[source];
}

bool PairDataSteps::plannedStartMissing(int source) const
{
    return m_planned[source].rule != PlannedStart::Rule::ReadLock && !m_start[source];
}

QString PairDataSteps::startPointReason(int source) const
{
    return m_startReason[source];
}

Result<FinalDataCheck::Outcome> PairDataSteps::compareAtEnd(int timeoutMs, const std::atomic_bool* cancel)
{
    const QString step = StepId::VerifyData;
    QElapsedTimer t;
    t.start();
    report(SetupEvent::Kind::StepStarted, {},
        PairDataSteps::tr("comparing the replicated tables at one point of a binary log, in each direction "
                          "until one counts"),
        -1, {}, step);
    FinalDataCheck check(m_profile, m_workers[0], m_workers[1], cancel);
    const FinalDataCheck::Outcome o = check.run(timeoutMs);
    static const QString verdicts[]
        = { QStringLiteral("equal"), QStringLiteral("differs"), QStringLiteral("not-compared") };
    QJsonObject data { { QStringLiteral("verdict"), verdicts[int(o.verdict)] },
        { QStringLiteral("tables"), QJsonArray::fromStringList(o.tables) },
        { QStringLiteral("compared"), o.compared } };
    if (o.source >= 0 && o.verdict != FinalDataCheck::Verdict::Inconclusive)
        data.insert(QStringLiteral("source"), m_profile.servers[o.source].name);
    if (o.restartFailed) {
        report(SetupEvent::Kind::StepFailed, o.restartFailed->server, o.text, t.elapsed(), data, step);
        return std::unexpected(*o.restartFailed);
    }
    switch (o.verdict) {
    case FinalDataCheck::Verdict::Equal:
        report(SetupEvent::Kind::StepFinished, {}, o.text, t.elapsed(), data, step);
        return o;
    case FinalDataCheck::Verdict::Inconclusive:
        report(SetupEvent::Kind::Warning, {}, o.text, t.elapsed(), data, step);
        return o;
    case FinalDataCheck::Verdict::Differs:
        break;
    }
    QString hint;
    // the server with the extra rows, when the counts tell it
    for (int i = 0; i < 2; ++i)
        if (m_binlogTurnedOnWithData[i] && (o.moreRows < 0 || o.moreRows == i))
            hint += PairDataSteps::tr(
                " %1's binary log was off until this setup restarted it, and %1 held data: rows written on "
                "%1 before that restart are in no binary log and never reached %2. Copy the data instead: "
                "setup --copy-from %1 --replace-target (profile \"initialCopy\": \"%1\").")
                        .arg(m_profile.servers[i].name, m_profile.servers[1 - i].name);
    report(SetupEvent::Kind::StepFailed, {}, o.text + hint, t.elapsed(), data, step);
    return stepFailure(
        {}, step, PairDataSteps::tr("replication runs both ways, but %1: not verified.%2").arg(o.text, hint));
}
