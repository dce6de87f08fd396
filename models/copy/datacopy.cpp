#include "copy/datacopy.h"

#include "common/sqlquote.h"
#include "common/stepid.h"
#include "copy/copyaccount.h"
#include "copy/copyscript.h"
#include "copy/remotejob.h"
#include "host/serverworker.h"

#include <QDateTime>
#include <QElapsedTimer>

/** What the copy changed so far, so that it can be put back. */
struct DataCopy::Undo
{
    CopyScriptParams params;
    std::unique_ptr<RemoteJob> job;
    bool jobRunning = false;
    bool accountMade = false;
    QString accountHost;
    int readOnlyWas = -1; ///< the receiver's read_only before the copy; -1 untouched
    bool loadStarted = false;
    QString savedCopy;
};

namespace {
QString cancelledText()
{
    return DataCopy::tr("cancelled by the user");
}
} // namespace

template<typename F> auto DataCopy::onTarget(F fn)
{
    auto f = m_workers[1 - m_source]->submit(std::move(fn));
    f.waitForFinished();
    return f.result();
}

template<typename F> auto DataCopy::onSource(F fn)
{
    auto f = m_workers[m_source]->submit(std::move(fn));
    f.waitForFinished();
    return f.result();
}

DataCopy::DataCopy(
    const PairProfile& profile, int source, ServerWorker* const (&workers)[2], const std::atomic_bool* cancel)
    : m_profile(profile)
    , m_source(source)
    , m_workers { workers[0], workers[1] }
    , m_cancel(cancel)
{ }

Result<CopyResult> DataCopy::run(const CopyCheck& check, const ProgressFn& progress, const InfoFn& info)
{
    m_progress = progress;
    m_info = info;
    const QString target = m_profile.servers[1 - m_source].name;
    for (const Finding& f : check.findings)
        if (f.severity == Finding::Severity::Error)
            return stepFailure(f.server, StepId::Copy, f.text);
    Undo undo;
    Result<CopyResult> result = copySteps(check, undo);
    QStringList problems;
    if (!result)
        putBack(check, undo, problems);
    cleanUp(undo, problems);
    if (!result) {
        StepError e = result.error();
        if (!problems.isEmpty())
            e.text += QLatin1Char('\n') + problems.join(QLatin1Char('\n'));
        return std::unexpected(e);
    }
    if (!problems.isEmpty() && m_info)
        for (const QString& p : problems)
            m_info(target, p);
    return result;
}

Result<QMap<QString, QString>> DataCopy::runJob(
    Undo& undo, const QString& name, const QString& script, CopyProgress progress, bool cancellable)
{
    const QString server = m_profile.servers[1 - m_source].name;
    RemoteJob* job = undo.job.get();
    auto started = onTarget([job, name, script](ServerContext& ctx) -> Result<void> {
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        return job->start(**shell, name, script);
    });
    if (!started)
        return std::unexpected(started.error());
    undo.jobRunning = true;
    // the poll itself waits on the host (up to one interval) and returns as soon as the job ends
    const QString pollScript = CopyScript::poll(job->workDir(), m_pollMs);
    QElapsedTimer t;
    t.start();
    for (;;) {
        if (cancellable && cancelled())
            return stepFailure(server, StepId::Copy, cancelledText());
        auto polled = onTarget([job, pollScript](ServerContext& ctx) -> Result<QMap<QString, QString>> {
            auto shell = ctx.hostShell();
            if (!shell)
                return std::unexpected(shell.error());
            return job->poll(**shell, pollScript);
        });
        if (!polled)
            return std::unexpected(polled.error());
        // the final count comes from the pipe's own counter; the live one never goes backwards
        progress.bytes = qMax(progress.bytes, polled->value(QStringLiteral("bytes")).toLongLong());
        const int started = polled->value(QStringLiteral("tables")).toInt();
        const bool finished = polled->contains(QStringLiteral("finished"));
        progress.tables = finished ? started : qMax(0, started - 1);
        progress.elapsedMs = t.elapsed();
        progress.finished = finished;
        if (m_progress)
            m_progress(progress);
        if (finished) {
            undo.jobRunning = false;
            polled->insert(QStringLiteral("elapsedMs"), QString::number(t.elapsed()));
            polled->insert(QStringLiteral("bytes"), QString::number(progress.bytes));
            return *polled;
        }
    }
}

Result<CopyResult> DataCopy::copySteps(const CopyCheck& check, Undo& undo)
{
    const int s = m_source, t = 1 - s;
    const ServerProfile &from = m_profile.servers[s], &to = m_profile.servers[t];
    const QString step = StepId::Copy;
    auto adminPassword = to.adminPassword();
    if (!adminPassword)
        return std::unexpected(adminPassword.error());

    // 1. a private work folder on the receiver's host, and its admin login in an option file there
    auto dir = onTarget([name = to.name](ServerContext& ctx) -> Result<QString> {
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        return RemoteJob::makeWorkDir(**shell, name);
    });
    if (!dir)
        return std::unexpected(dir.error());
    undo.params.workDir = *dir;
    undo.params.dumpTool = check.dumpTool;
    undo.params.clientTool = check.clientTool;
    undo.params.databases = check.databases;
    undo.job = std::make_unique<RemoteJob>(to.name, *dir);
    const QByteArray targetCnf = CopyScript::optionFile(to.host, to.port, to.adminUser, *adminPassword);
    const CopyScriptParams params = undo.params;
    auto login = onTarget([params, targetCnf, name = to.name](ServerContext& ctx) -> Result<bool> {
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        const QString cnf = params.workDir + QStringLiteral("/target.cnf");
        if (auto w = RemoteJob::writePrivateFile(**shell, name, cnf, targetCnf); !w)
            return std::unexpected(w.error());
        auto r = (*shell)->run(QStringLiteral("%1 --defaults-file=%2 --batch -N -e 'SELECT 1'")
                                   .arg(CopyScript::quote(params.clientTool), CopyScript::quote(cnf)),
            30000);
        if (!r)
            return std::unexpected(r.error());
        if (r->exitCode != 0 || r->out.trimmed() != "1")
            return stepFailure(name, StepId::Copy,
                DataCopy::tr("the admin account cannot log in to %1 from %1's own host, where the copy is "
                             "loaded: %2")
                    .arg(name, QString::fromUtf8(r->err).trimmed()));
        return true;
    });
    if (!login)
        return std::unexpected(login.error());
    if (cancelled())
        return stepFailure(to.name, step, cancelledText());

    // 2. nothing else writes the receiver while it is copied into
    auto ro = onTarget([](ServerContext& ctx) -> Result<int> {
        auto was = ctx.sql->scalar(QStringLiteral("SELECT @@GLOBAL.read_only"));
        if (!was)
            return std::unexpected(was.error());
        if (auto r = ctx.sql->exec(QStringLiteral("SET GLOBAL read_only = 1")); !r)
            return std::unexpected(r.error());
        return was->toInt();
    });
    if (!ro)
        return std::unexpected(ro.error());
    undo.readOnlyWas = *ro;
    if (m_info)
        m_info(to.name, DataCopy::tr("read_only=1 for the time of the copy"));

    // 3. the receiver's old copy, saved as a dump on its host
    if (!check.existingOnTarget.isEmpty()) {
        const QString folder = check.saveFolder();
        auto saveDir = onTarget([folder](ServerContext& ctx) -> Result<QString> {
            auto shell = ctx.hostShell();
            if (!shell)
                return std::unexpected(shell.error());
            auto r = (*shell)->run(
                QStringLiteral("p=%1; { mkdir -p -m 700 -- \"$p\" && [ -w \"$p\" ]; } "
                               "2>/dev/null || { p=\"$HOME/replipair-saved\"; mkdir -p -m 700 "
                               "-- \"$p\"; }; printf '%s' \"$p\"")
                    .arg(CopyScript::quote(folder)),
                15000);
            if (!r)
                return std::unexpected(r.error());
            return QString::fromUtf8(r->out);
        });
        if (!saveDir)
            return std::unexpected(saveDir.error());
        CopyScriptParams saveParams = undo.params;
        saveParams.databases = check.existingOnTarget;
        const QString file
            = QStringLiteral("%1/%2-before-copy-%3.sql")
                  .arg(*saveDir, to.name,
                      QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        CopyProgress p;
        p.phase = CopyProgress::Phase::Save;
        p.estimatedBytes = check.targetBytes;
        auto saved = runJob(undo, QStringLiteral("save"), CopyScript::save(saveParams, file), p, true);
        if (!saved)
            return std::unexpected(saved.error());
        if (saved->value(QStringLiteral("dump.rc")) != QLatin1String("0"))
            return stepFailure(to.name, step,
                DataCopy::tr("saving the old copy failed, nothing was replaced: %1")
                    .arg(onTarget([job = undo.job.get()](ServerContext& ctx) {
                        auto shell = ctx.hostShell();
                        return shell ? job->tail(**shell, QStringLiteral("dump.err")) : QString();
                    })));
        undo.savedCopy = file;
        if (m_info)
            m_info(to.name,
                DataCopy::tr("old copy of %1 saved as %2")
                    .arg(check.existingOnTarget.join(QStringLiteral(", ")), file));
    }
    if (cancelled())
        return stepFailure(to.name, step, cancelledText());

    // 4. the temporary account on the source, limited to the receiver's address
    const QString password = ReplicationSteps::generatePassword();
    undo.accountHost = m_profile.replicationHostFor(s);
    undo.accountMade = true; // from here on it is dropped whatever happens
    auto account = onSource([host = undo.accountHost, password, dbs = check.databases](ServerContext& ctx) {
        return CopyAccount::create(ctx, host, password, dbs);
    });
    if (!account)
        return std::unexpected(account.error());
    const QByteArray sourceCnf
        = CopyScript::optionFile(from.effectivePeerHost(), from.port, CopyAccount::userName(), password);
    auto written = onTarget([cnf = params.workDir + QStringLiteral("/source.cnf"), sourceCnf, name = to.name](
                                ServerContext& ctx) -> Result<void> {
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        return RemoteJob::writePrivateFile(**shell, name, cnf, sourceCnf);
    });
    if (!written)
        return std::unexpected(written.error());

    // 5. dump | head reader | client, on the receiver's host
    auto flavor = onSource([](ServerContext& ctx) { return ctx.dialect; });
    undo.params.sourceIsMariaDb = flavor.isMariaDb();
    undo.params.sourceData = !flavor.isMariaDb() && flavor.version().atLeast(8, 0, 26);
    CopyProgress p;
    p.phase = CopyProgress::Phase::Copy;
    p.estimatedBytes = check.sourceDataBytes;
    p.totalTables = check.sourceTables;
    undo.loadStarted = true;
    auto copied = runJob(undo, QStringLiteral("copy"), CopyScript::copy(undo.params), p, true);
    if (!copied)
        return std::unexpected(copied.error());
    auto tailOf = [this, &undo](const QString& file) {
        return onTarget([job = undo.job.get(), file](ServerContext& ctx) {
            auto shell = ctx.hostShell();
            return shell ? job->tail(**shell, file) : QString();
        });
    };
    if (copied->value(QStringLiteral("dump.rc")) != QLatin1String("0"))
        return stepFailure(from.name, step,
            DataCopy::tr("the dump of %1 failed (exit %2): %3")
                .arg(
                    from.name, copied->value(QStringLiteral("dump.rc")), tailOf(QStringLiteral("dump.err"))));
    if (copied->value(QStringLiteral("load.rc")) != QLatin1String("0"))
        return stepFailure(to.name, step,
            DataCopy::tr("loading the copy into %1 failed (exit %2): %3")
                .arg(to.name, copied->value(QStringLiteral("load.rc")), tailOf(QStringLiteral("load.err"))));

    // 6. the coordinates the dump recorded: the receiver replicates from exactly there
    auto head = onTarget(
        [cnf = params.workDir + QStringLiteral("/head.sql")](ServerContext& ctx) -> Result<QByteArray> {
            auto shell = ctx.hostShell();
            if (!shell)
                return std::unexpected(shell.error());
            return (*shell)->readFile(cnf);
        });
    if (!head)
        return std::unexpected(head.error());
    const auto coords = CopyScript::parseCoordinates(*head);
    if (!coords)
        return stepFailure(from.name, step,
            DataCopy::tr("the dump carries no binary log coordinates (is the binary log of %1 on?)")
                .arg(from.name));
    CopyResult result;
    result.source.file = coords->file;
    result.source.position = coords->position;
    result.source.gtid = coords->gtidPurged;
    result.bytes = copied->value(QStringLiteral("bytes")).toLongLong();
    result.tables = copied->value(QStringLiteral("tables")).toInt();
    result.elapsedMs = copied->value(QStringLiteral("elapsedMs")).toLongLong();
    result.savedCopy = undo.savedCopy;
    if (flavor.isMariaDb()) {
        auto gtid = onSource([c = *coords](ServerContext& ctx) {
            return ctx.sql->scalar(QStringLiteral("SELECT BINLOG_GTID_POS(%1, %2)")
                                       .arg(ctx.dialect.literal(c.file))
                                       .arg(c.position));
        });
        if (!gtid)
            return std::unexpected(gtid.error());
        result.source.gtid = gtid->toString();
    }
    // the receiver's own position, read while it is still read-only: nothing written to it is skipped
    auto own = onTarget([](ServerContext& ctx) { return ReplicationSteps::readCoordinates(ctx); });
    if (!own)
        return std::unexpected(own.error());
    result.target = *own;
    return result;
}

void DataCopy::putBack(const CopyCheck& check, Undo& undo, QStringList& problems)
{
    const QString to = m_profile.servers[1 - m_source].name;
    if (undo.jobRunning && undo.job) {
        auto stopped = onTarget([job = undo.job.get()](ServerContext& ctx) -> Result<void> {
            auto shell = ctx.hostShell();
            if (!shell)
                return std::unexpected(shell.error());
            return job->stop(**shell);
        });
        if (!stopped)
            problems << stopped.error().text;
        undo.jobRunning = false;
    }
    if (!undo.loadStarted)
        return;
    // databases the receiver did not have go again; the ones it had come back from the saved copy
    QStringList created;
    for (const QString& db : check.databases)
        if (!check.existingOnTarget.contains(db))
            created << db;
    if (!created.isEmpty()) {
        auto dropped = onTarget([created](ServerContext& ctx) -> Result<void> {
            if (!ctx.sql->isOpen())
                if (auto c = ctx.connect(); !c)
                    return c;
            if (auto r = ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 0")); !r)
                return r;
            for (const QString& db : created)
                if (auto r = ctx.sql->exec(
                        QStringLiteral("DROP DATABASE IF EXISTS %1").arg(SqlQuote::identifier(db)));
                    !r)
                    return r;
            return ctx.sql->exec(QStringLiteral("SET SESSION sql_log_bin = 1"));
        });
        if (!dropped)
            problems << DataCopy::tr("could not remove the partial copy of %1: %2")
                            .arg(created.join(QStringLiteral(", ")), dropped.error().text);
        else if (m_info)
            m_info(to, DataCopy::tr("partial copy removed: %1").arg(created.join(QStringLiteral(", "))));
    }
    if (!undo.savedCopy.isEmpty()) {
        CopyProgress p;
        p.phase = CopyProgress::Phase::Restore;
        auto restored = runJob(
            undo, QStringLiteral("restore"), CopyScript::restore(undo.params, undo.savedCopy), p, false);
        if (!restored || restored->value(QStringLiteral("load.rc")) != QLatin1String("0"))
            problems
                << DataCopy::tr("could not load the old copy back; it is kept in %1").arg(undo.savedCopy);
        else if (m_info)
            m_info(to, DataCopy::tr("old copy loaded back from %1").arg(undo.savedCopy));
    }
}

void DataCopy::cleanUp(Undo& undo, QStringList& problems)
{
    const QString from = m_profile.servers[m_source].name, to = m_profile.servers[1 - m_source].name;
    if (undo.accountMade) {
        auto dropped = onSource(
            [host = undo.accountHost](ServerContext& ctx) { return CopyAccount::drop(ctx, host); });
        if (!dropped)
            problems << DataCopy::tr("could not drop the temporary account %1 on %2: %3")
                            .arg(CopyAccount::userName(), from, dropped.error().text);
    }
    if (!undo.params.workDir.isEmpty()) {
        auto removed = onTarget([dir = undo.params.workDir, to](ServerContext& ctx) -> Result<void> {
            auto shell = ctx.hostShell();
            if (!shell)
                return std::unexpected(shell.error());
            return RemoteJob::removeWorkDir(**shell, to, dir);
        });
        if (!removed)
            problems << removed.error().text;
    }
    if (undo.readOnlyWas >= 0) {
        auto back = onTarget([was = undo.readOnlyWas](ServerContext& ctx) -> Result<void> {
            if (!ctx.sql->isOpen())
                if (auto c = ctx.connect(); !c)
                    return c;
            return ctx.sql->exec(QStringLiteral("SET GLOBAL read_only = %1").arg(was));
        });
        if (!back)
            problems << DataCopy::tr("could not set read_only back to %1 on %2: %3")
                            .arg(undo.readOnlyWas)
                            .arg(to, back.error().text);
        else if (m_info)
            m_info(to, DataCopy::tr("read_only back to %1").arg(undo.readOnlyWas));
    }
}
