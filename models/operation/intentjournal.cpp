#include "operation/intentjournal.h"

#include "common/stepid.h"
#include "platform/platform.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSysInfo>

#include <algorithm>

namespace {

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

/** The runs this process has begun and not ended: a run of this very process is "still running" only while
 *  it is here (a run whose journal object went away without an end was interrupted). */
QMutex activeMutex;
QSet<QString>& activeRuns()
{
    static QSet<QString> runs;
    return runs;
}

} // namespace

Result<std::shared_ptr<IntentJournal>> IntentJournal::beginIfFree(
    const QString& path, const QString& profilePath, const QString& operation)
{
    if (auto may = mayBegin(path, profilePath); !may)
        return std::unexpected(may.error());
    return begin(path, operation);
}

Result<void> IntentJournal::mayBegin(const QString& path, const QString& profilePath)
{
    auto runs = JournalRun::readAll(path);
    if (!runs)
        return std::unexpected(runs.error());
    if (runs->isEmpty())
        return {};
    const JournalRun& last = runs->last();
    if (last.mayStillRun())
        return stepFailure({}, StepId::Journal,
            tr("another %1 of this pair runs since %2 (process %3 on %4): wait for it or stop it; "
               "nothing was changed")
                .arg(last.operation, last.started)
                .arg(last.pid)
                .arg(last.host));
    if (last.interrupted() && !last.toUndo().isEmpty())
        return stepFailure({}, StepId::Journal,
            tr("the %1 started at %2 was interrupted before it ended and left %n change(s) on the "
               "servers (see %3). Run 'replipair-cli recover %4' first (add --dry-run to see what it "
               "puts back); nothing was changed",
                nullptr, int(last.toUndo().size()))
                .arg(last.operation, last.started, path, profilePath));
    return {};
}

Result<std::shared_ptr<IntentJournal>> IntentJournal::begin(const QString& path, const QString& operation)
{
    auto journal = std::make_shared<IntentJournal>();
    journal->m_path = path;
    journal->m_operation = operation;
    const qint64 pid = QCoreApplication::applicationPid();
    journal->m_run = QStringLiteral("%1-%2")
                         .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzzZ")))
                         .arg(pid);
    QDir().mkpath(QFileInfo(path).absolutePath());
    journal->m_file.setFileName(path);
    if (!journal->m_file.open(QIODevice::Append))
        return stepFailure({}, StepId::Journal,
            IntentJournal::tr("cannot write the journal %1: %2; nothing was changed")
                .arg(path, journal->m_file.errorString()));
    journal->m_file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    {
        const QMutexLocker lock(&activeMutex);
        activeRuns().insert(journal->m_run);
    }
    journal->append(QJsonObject { { QStringLiteral("kind"), QStringLiteral("begin") },
        { QStringLiteral("operation"), operation }, { QStringLiteral("pid"), pid },
        { QStringLiteral("pidStart"), Platform::processStartTicks(pid) },
        { QStringLiteral("host"), QSysInfo::machineHostName() } });
    if (!journal->writeError().isEmpty())
        return stepFailure({}, StepId::Journal,
            IntentJournal::tr("cannot write the journal %1: %2; nothing was changed")
                .arg(path, journal->writeError()));
    return journal;
}

Result<std::shared_ptr<IntentJournal>> IntentJournal::reopen(const QString& path, const QString& run)
{
    auto journal = std::make_shared<IntentJournal>();
    journal->m_path = path;
    journal->m_run = run;
    journal->m_operation = QStringLiteral("recover");
    journal->m_file.setFileName(path);
    if (!journal->m_file.open(QIODevice::Append))
        return stepFailure({}, StepId::Journal,
            IntentJournal::tr("cannot write the journal %1: %2").arg(path, journal->m_file.errorString()));
    return journal;
}

void IntentJournal::append(QJsonObject line)
{
    line.insert(QStringLiteral("time"), nowUtc());
    line.insert(QStringLiteral("run"), m_run);
    const QMutexLocker lock(&m_mutex);
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    if (m_file.write(bytes) != bytes.size() && m_writeError.isEmpty())
        m_writeError = m_file.errorString();
    Platform::syncToDisk(m_file); // an intent must survive a crash of the machine
}

int IntentJournal::intent(
    const QString& server, const QString& step, const QString& action, const QJsonObject& undo, bool lasting)
{
    int id = 0;
    {
        const QMutexLocker lock(&m_mutex);
        id = ++m_next;
    }
    append(QJsonObject { { QStringLiteral("kind"), QStringLiteral("intent") }, { QStringLiteral("id"), id },
        { QStringLiteral("server"), server }, { QStringLiteral("step"), step },
        { QStringLiteral("action"), action }, { QStringLiteral("undo"), undo },
        { QStringLiteral("lasting"), lasting } });
    return id;
}

void IntentJournal::done(int id)
{
    append(QJsonObject { { QStringLiteral("kind"), QStringLiteral("done") }, { QStringLiteral("id"), id } });
}

void IntentJournal::released(int id)
{
    append(
        QJsonObject { { QStringLiteral("kind"), QStringLiteral("released") }, { QStringLiteral("id"), id } });
}

void IntentJournal::undone(int id)
{
    append(
        QJsonObject { { QStringLiteral("kind"), QStringLiteral("undone") }, { QStringLiteral("id"), id } });
}

IntentJournal::~IntentJournal()
{
    const QMutexLocker lock(&activeMutex);
    activeRuns().remove(m_run);
}

void IntentJournal::end(const QString& outcome)
{
    {
        const QMutexLocker lock(&activeMutex);
        activeRuns().remove(m_run);
    }
    append(QJsonObject { { QStringLiteral("kind"), QStringLiteral("end") },
        { QStringLiteral("operation"), m_operation }, { QStringLiteral("outcome"), outcome } });
}

bool IntentJournal::hasIntents() const
{
    const QMutexLocker lock(&m_mutex);
    return m_next > 0;
}

QString IntentJournal::writeError() const
{
    const QMutexLocker lock(&m_mutex);
    return m_writeError;
}

Result<QList<JournalRun>> JournalRun::readAll(const QString& path)
{
    QList<JournalRun> runs;
    QFile f(path);
    if (!f.exists())
        return runs;
    if (!f.open(QIODevice::ReadOnly))
        return stepFailure(
            {}, StepId::Journal, JournalRun::tr("cannot read the journal %1: %2").arg(path, f.errorString()));
    QHash<QString, qsizetype> byId;
    QHash<QString, qint64> pidStart;
    auto intentOf = [&](const QJsonObject& o) -> JournalIntent* {
        const auto it = byId.constFind(o.value(QStringLiteral("run")).toString());
        if (it == byId.constEnd())
            return nullptr;
        for (JournalIntent& i : runs[*it].intents)
            if (i.id == o.value(QStringLiteral("id")).toInt())
                return &i;
        return nullptr;
    };
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        // a line cut short by a crash is no record; a run's summary line has no "kind"
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString kind = o.value(QStringLiteral("kind")).toString();
        const QString run = o.value(QStringLiteral("run")).toString();
        if (kind.isEmpty() || run.isEmpty())
            continue;
        if (kind == QLatin1String("begin")) {
            JournalRun r;
            r.run = run;
            r.operation = o.value(QStringLiteral("operation")).toString();
            r.started = o.value(QStringLiteral("time")).toString();
            r.pid = o.value(QStringLiteral("pid")).toInteger();
            r.host = o.value(QStringLiteral("host")).toString();
            pidStart.insert(run, o.value(QStringLiteral("pidStart")).toInteger());
            byId.insert(run, runs.size());
            runs << r;
        } else if (kind == QLatin1String("intent")) {
            const auto it = byId.constFind(run);
            if (it == byId.constEnd())
                continue;
            JournalIntent i;
            i.id = o.value(QStringLiteral("id")).toInt();
            i.time = o.value(QStringLiteral("time")).toString();
            i.server = o.value(QStringLiteral("server")).toString();
            i.step = o.value(QStringLiteral("step")).toString();
            i.action = o.value(QStringLiteral("action")).toString();
            i.undo = o.value(QStringLiteral("undo")).toObject();
            i.lasting = o.value(QStringLiteral("lasting")).toBool();
            runs[*it].intents << i;
        } else if (kind == QLatin1String("end")) {
            if (const auto it = byId.constFind(run); it != byId.constEnd())
                runs[*it].outcome = o.value(QStringLiteral("outcome")).toString();
        } else if (JournalIntent* i = intentOf(o)) {
            if (kind == QLatin1String("done"))
                i->done = true;
            else if (kind == QLatin1String("released"))
                i->released = true;
            else if (kind == QLatin1String("undone"))
                i->undone = true;
        }
    }
    // a pid only counts as the run's while the process has the start time the run wrote down
    for (JournalRun& r : runs)
        if (const qint64 start = pidStart.value(r.run);
            start != 0 && Platform::processStartTicks(r.pid) != start)
            r.pid = -r.pid; // recorded as gone: mayStillRun() is false
    return runs;
}

bool JournalIntent::leavesNothing() const
{
    using A = IntentJournal::Action;
    if (action == A::CopyAccount || action == A::ReplicationAccount)
        return undo.value(QStringLiteral("existed")).toBool(); // an account that was there before is kept
    if (action == A::ChangeSource)
        return undo.contains(QStringLiteral("wasFresh")) && !undo.value(QStringLiteral("wasFresh")).toBool();
    if (action == A::ReplicaStopped)
        return undo.contains(QStringLiteral("wasRunning"))
            && !undo.value(QStringLiteral("wasRunning")).toBool();
    return false;
}

QList<JournalIntent> JournalRun::toUndo() const
{
    const bool succeeded = outcome == QLatin1String("ok") || outcome == QLatin1String("recovered");
    QList<JournalIntent> out;
    for (const JournalIntent& i : intents)
        if (!i.released && !i.undone && (!i.lasting || !succeeded) && !i.leavesNothing())
            out << i;
    std::reverse(out.begin(), out.end());
    return out;
}

bool JournalRun::mayStillRun() const
{
    if (!outcome.isEmpty() || pid <= 0)
        return false;
    if (host != QSysInfo::machineHostName())
        return true; // another machine's run: it cannot be seen from here, so it may
    if (pid == QCoreApplication::applicationPid()) {
        const QMutexLocker lock(&activeMutex);
        return activeRuns().contains(run);
    }
    return Platform::processAlive(pid);
}
