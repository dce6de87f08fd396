#include "copy/datacopy.h"

#include "common/stepid.h"
#include "copy/copyaccount.h"
#include "copy/copyjobwatch.h"
#include "copy/copyreceiver.h"
#include "copy/copyscript.h"
#include "copy/datacopyundo.h"
#include "host/remotejob.h"
#include "host/serverworker.h"
#include "operation/intentjournal.h"
#include "replication/replicastartpoint.h"

#include <QDateTime>
#include <QFile>

template<typename F> auto DataCopy::onSource(F fn)
{
    return m_workers[m_source]->run(std::move(fn));
}

DataCopy::DataCopy(
    const PairProfile& profile, int source, ServerWorker* const (&workers)[2], const std::atomic_bool* cancel)
    : m_profile(profile)
    , m_source(source)
    , m_workers { workers[0], workers[1] }
    , m_cancel(cancel)
{ }

int DataCopy::intent(int server, const QString& action, const QJsonObject& undo)
{
    return m_workers[server]->run(
        [action, undo](ServerContext& ctx) { return ctx.intent(StepId::Copy, action, undo); });
}

void DataCopy::release(int server, int& id, bool done)
{
    if (id <= 0)
        return;
    m_workers[server]->run([id, done](ServerContext& ctx) {
        if (done)
            ctx.intentDone(id);
        else
            ctx.intentReleased(id);
        return 0;
    });
    if (!done)
        id = 0;
}

Result<void> DataCopy::failIfCancelled() const
{
    if (m_cancel && m_cancel->load())
        return stepFailure(
            m_profile.servers[1 - m_source].name, StepId::Copy, DataCopy::tr("cancelled by the user"));
    return {};
}

void DataCopy::inform(const QString& text) const
{
    if (m_info)
        m_info(m_profile.servers[1 - m_source].name, text);
}

Result<CopyResult> DataCopy::run(const CopyCheck& check, const ProgressFn& progress, const InfoFn& info)
{
    m_progress = progress;
    m_info = info;
    for (const Finding& f : check.findings)
        if (f.severity == Finding::Severity::Error)
            return stepFailure(f.server, StepId::Copy, f.text);
    Undo undo { CopyReceiver(m_workers[1 - m_source], m_profile.servers[1 - m_source].name), {}, {}, {} };
    Result<CopyResult> result = copySteps(check, undo);
    QStringList problems;
    if (!result)
        putBack(undo, problems);
    else
        release(1 - m_source, undo.loadIntent); // loaded in full: the receiver's data is the copy
    cleanUp(undo, problems);
    if (!result) {
        StepError e = result.error();
        if (!problems.isEmpty())
            e.text += QLatin1Char('\n') + problems.join(QLatin1Char('\n'));
        return std::unexpected(e);
    }
    for (const QString& p : problems)
        inform(p);
    return result;
}

Result<CopyResult> DataCopy::copySteps(const CopyCheck& check, Undo& undo)
{
    if (auto r = prepare(check, undo); !r)
        return std::unexpected(r.error());
    if (auto r = listDatabases(check, undo); !r)
        return std::unexpected(r.error());
    if (auto r = failIfCancelled(); !r)
        return std::unexpected(r.error());
    if (!undo.replaced.holdingData.isEmpty()) {
        if (auto r = saveOldCopy(check, undo); !r)
            return std::unexpected(r.error());
    } else if (!undo.replaced.existing.isEmpty()) {
        inform(DataCopy::tr("nothing saved: %1 held no table, view, routine or event")
                   .arg(undo.replaced.existing.join(QStringLiteral(", "))));
    }
    if (auto r = failIfCancelled(); !r)
        return std::unexpected(r.error());
    if (auto r = openSource(undo); !r)
        return std::unexpected(r.error());
    return dumpAndLoad(check, undo);
}

Result<void> DataCopy::prepare(const CopyCheck& check, Undo& undo)
{
    const ServerProfile& to = m_profile.servers[1 - m_source];
    auto adminPassword = to.adminPassword();
    if (!adminPassword)
        return std::unexpected(adminPassword.error());
    // a private work folder on the receiver's host, and its admin login in an option file there
    auto dir = undo.receiver.makeWorkDir();
    if (!dir)
        return std::unexpected(dir.error());
    undo.params.workDir = *dir;
    const int target = 1 - m_source;
    undo.folderIntent
        = intent(target, IntentJournal::Action::WorkFolder, { { QStringLiteral("path"), *dir } });
    // the copy's shell jobs run in this folder's process group: recover stops what a kill left running
    undo.jobIntent = intent(target, IntentJournal::Action::DetachedJob,
        { { QStringLiteral("folder"), *dir }, { QStringLiteral("pidFile"), QStringLiteral("job.pid") } });
    undo.params.dumpTool = check.dumpTool;
    undo.params.clientTool = check.clientTool;
    m_sslMode = check.dumpOptions.sslMode;
    // by the receiver's tool, not by the servers: its own --help said what it understands
    undo.params.sourceData = check.dumpOptions.sourceData;
    undo.params.gtidPurgedOff = check.dumpOptions.setGtidPurged;
    undo.params.databases = check.databases;
    undo.job = std::make_unique<RemoteJob>(to.name, StepId::Copy, *dir);
    undo.watch = std::make_unique<CopyJobWatch>(undo.receiver, *undo.job, m_cancel, m_progress);
    undo.watch->setPollIntervalMs(m_pollMs);
    if (auto t = placeCa(undo); !t)
        return t;
    const QString cnf = *dir + QStringLiteral("/target.cnf");
    if (auto w = undo.receiver.writePrivateFile(cnf,
            CopyScript::optionFile(to.host, to.port, to.adminUser, *adminPassword, m_profile.tls,
                undo.tlsFiles, check.dumpOptions.sslMode));
        !w)
        return w;
    if (auto l = undo.receiver.checkLogin(check.clientTool, cnf, m_profile.tls); !l)
        return l;
    if (auto r = failIfCancelled(); !r)
        return r;
    // nothing else writes the receiver while it is copied into
    auto ro = undo.receiver.makeReadOnly(&undo.readOnlyIntent);
    if (!ro)
        return std::unexpected(ro.error());
    undo.readOnlyWas = *ro;
    inform(DataCopy::tr("read_only=1 for the time of the copy"));
    return {};
}

Result<void> DataCopy::listDatabases(const CopyCheck& check, Undo& undo)
{
    // listed again now that the receiver is read-only: a database made or written since the pre-flight is
    // in the list the dump drops, and is saved (or refused) like the others
    const QString to = m_profile.servers[1 - m_source].name;
    auto source = onSource(
        [profile = m_profile](ServerContext& ctx) { return CopyCheck::sourceDatabases(ctx, profile); });
    if (!source)
        return std::unexpected(source.error());
    if (source->first.isEmpty())
        return stepFailure(m_profile.servers[m_source].name, StepId::Copy,
            DataCopy::tr("%1 has none of the replicated databases any more: nothing to copy")
                .arg(m_profile.servers[m_source].name));
    undo.params.databases = source->first;
    auto held = undo.receiver.databases(undo.params.databases);
    if (!held)
        return std::unexpected(held.error());
    undo.replaced = *held;
    QStringList since;
    for (const QString& t : held->tables)
        if (!check.targetTables.contains(t))
            since << t;
    if (!held->holdingData.isEmpty() && !check.replace)
        return stepFailure(to, StepId::Copy,
            DataCopy::tr(
                "%1 holds %2 (listed again once it was read-only): a copy from %3 would replace "
                "them; nothing was replaced. Confirm replacing them (--replace-target) or remove them")
                .arg(to, (since.isEmpty() ? held->holdingData : since).join(QStringLiteral(", ")),
                    m_profile.servers[m_source].name));
    if (!since.isEmpty())
        inform(DataCopy::tr("%1 made since the pre-flight: saved with the rest")
                   .arg(since.join(QStringLiteral(", "))));
    return {};
}

Result<void> DataCopy::saveOldCopy(const CopyCheck& check, Undo& undo)
{
    const QString to = m_profile.servers[1 - m_source].name;
    auto saveDir = undo.receiver.makeSaveDir(check.saveFolder());
    if (!saveDir)
        return std::unexpected(saveDir.error());
    CopyScriptParams saveParams = undo.params;
    saveParams.databases = undo.replaced.holdingData;
    const QString file
        = QStringLiteral("%1/%2-before-copy-%3.sql")
              .arg(*saveDir, to, QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    CopyProgress p;
    p.phase = CopyProgress::Phase::Save;
    p.estimatedBytes = check.targetBytes;
    auto saved = undo.watch->run(QStringLiteral("save"), CopyScript::save(saveParams, file), p, true);
    if (!saved)
        return std::unexpected(saved.error());
    if (saved->values.value(QStringLiteral("dump.rc")) != QLatin1String("0"))
        return stepFailure(to, StepId::Copy,
            DataCopy::tr("saving the old copy failed, nothing was replaced: %1")
                .arg(undo.receiver.tail(undo.job.get(), QStringLiteral("dump.err"))));
    undo.savedCopy = file;
    inform(DataCopy::tr("old copy of %1 saved as %2 (mode 0600)")
               .arg(undo.replaced.holdingData.join(QStringLiteral(", ")), file));
    return {};
}

Result<void> DataCopy::openSource(Undo& undo)
{
    const ServerProfile& from = m_profile.servers[m_source];
    // the temporary account on the source, limited to the receiver's address
    const QString password = ReplicationSteps::generatePassword();
    undo.accountHost = m_profile.replicationHostFor(m_source);
    undo.accountMade = true; // from here on it is dropped whatever happens
    undo.accountIntent = intent(m_source, IntentJournal::Action::CopyAccount,
        { { QStringLiteral("user"), CopyAccount::userName() },
            { QStringLiteral("host"), undo.accountHost } });
    // with "tls" on, the source itself refuses the account in clear text
    auto account = onSource(
        [host = undo.accountHost, password, dbs = undo.params.databases, tls = m_profile.tls.isOn()](
            ServerContext& ctx) { return CopyAccount::create(ctx, host, password, dbs, tls); });
    if (!account)
        return account;
    const QString cnf = undo.params.workDir + QStringLiteral("/source.cnf");
    if (auto w = undo.receiver.writePrivateFile(cnf,
            CopyScript::optionFile(from.effectivePeerHost(), from.port, CopyAccount::userName(), password,
                m_profile.tls, undo.tlsFiles, m_sslMode));
        !w)
        return w;
    // the dump's login as it will be made, from the receiver's host: encrypted (and verified) or refused
    if (!m_profile.tls.isOn())
        return {};
    return undo.receiver.checkLogin(undo.params.clientTool, cnf, m_profile.tls, from.name);
}

Result<void> DataCopy::placeCa(Undo& undo)
{
    if (!m_profile.tls.isOn())
        return {};
    const ServerProfile& to = m_profile.servers[1 - m_source];
    undo.tlsFiles = to.hostTlsFiles();
    if (!m_profile.tls.verifies())
        return {};
    // the CA RepliPair checks both servers with, put in the copy's private folder: the account the
    // receiver's host is reached with may not read the CA where the server keeps it (a CA is no secret)
    QFile ca(m_profile.tls.files.ca);
    if (m_profile.tls.files.ca.isEmpty() || !ca.open(QIODevice::ReadOnly))
        return {}; // the file on the receiver's host, as the profile names it
    const QByteArray pem = ca.readAll();
    if (!pem.contains("-----BEGIN CERTIFICATE-----"))
        return stepFailure(to.name, StepId::Copy,
            DataCopy::tr("%1 holds no PEM certificate: the copy cannot check the servers' certificates")
                .arg(m_profile.tls.files.ca));
    const QString placed = undo.params.workDir + QStringLiteral("/ca.pem");
    if (auto w = undo.receiver.writePrivateFile(placed, pem); !w)
        return w;
    undo.tlsFiles.ca = placed;
    return {};
}

Result<CopyResult> DataCopy::dumpAndLoad(const CopyCheck& check, Undo& undo)
{
    const ServerProfile &from = m_profile.servers[m_source], &to = m_profile.servers[1 - m_source];
    auto flavor = onSource([](ServerContext& ctx) { return ctx.dialect; });
    // the dump's CHANGE MASTER lands in replica settings made for it (never started)
    undo.replicaIntent = intent(1 - m_source, IntentJournal::Action::CopyReplicaSettings, {});
    if (auto e = undo.receiver.expectCoordinates(from.effectivePeerHost(), from.port); !e)
        return std::unexpected(e.error());
    auto since = undo.receiver.clock();
    if (!since)
        return std::unexpected(since.error());
    undo.watch->countLoaded(undo.params.databases, *since);
    CopyProgress p;
    p.phase = CopyProgress::Phase::Copy;
    p.estimatedBytes = check.sourceBytes;
    p.estimatedRows = check.sourceRows;
    p.totalTables = check.sourceTables;
    undo.loadIntent = intent(1 - m_source, IntentJournal::Action::CopyLoad,
        { { QStringLiteral("databases"), QJsonArray::fromStringList(undo.params.databases) },
            { QStringLiteral("savedCopy"), undo.savedCopy } });
    undo.loadStarted = true;
    auto copied = undo.watch->run(QStringLiteral("copy"), CopyScript::copy(undo.params), p, true);
    if (!copied)
        return std::unexpected(copied.error());
    const QString dumpRc = copied->values.value(QStringLiteral("dump.rc")),
                  loadRc = copied->values.value(QStringLiteral("load.rc"));
    if (dumpRc != QLatin1String("0"))
        return stepFailure(from.name, StepId::Copy,
            DataCopy::tr("the dump of %1 failed (exit %2): %3")
                .arg(from.name, dumpRc.isEmpty() ? DataCopy::tr("none") : dumpRc,
                    undo.receiver.tail(undo.job.get(), QStringLiteral("dump.err"))));
    if (loadRc != QLatin1String("0"))
        return stepFailure(to.name, StepId::Copy,
            DataCopy::tr("loading the copy into %1 failed (exit %2): %3")
                .arg(to.name, loadRc.isEmpty() ? DataCopy::tr("none") : loadRc,
                    undo.receiver.tail(undo.job.get(), QStringLiteral("load.err"))));

    // the coordinates the dump recorded: the receiver replicates from exactly there
    auto coords = undo.receiver.coordinatesReceived();
    if (!coords)
        return std::unexpected(coords.error());
    if (coords->file.isEmpty())
        return stepFailure(from.name, StepId::Copy,
            DataCopy::tr("the dump carries no binary log coordinates (is the binary log of %1 on?)")
                .arg(from.name));
    CopyResult result;
    result.source = *coords;
    result.bytes = copied->bytes;
    result.tables = copied->tables;
    result.elapsedMs = copied->elapsedMs;
    result.savedCopy = undo.savedCopy;
    result.databases = undo.params.databases;
    if (flavor.isMariaDb()) {
        auto gtid = onSource([c = *coords](ServerContext& ctx) {
            return ctx.sql->scalar(ctx.dialect.gtidPositionAt(c.file, c.position));
        });
        if (!gtid)
            return std::unexpected(gtid.error());
        result.source.gtid = gtid->toString();
    } else {
        // no SET @@GLOBAL.GTID_PURGED came with the dump: the GTIDs the snapshot holds are read from the
        // source's binary log, and the replication step marks the ones the receiver lacks as applied
        auto gtid
            = onSource([c = *coords](ServerContext& ctx) { return ReplicaStartPoint::gtidSetAt(ctx, c); });
        if (!gtid)
            return std::unexpected(gtid.error());
        result.source.gtid = *gtid;
    }
    // the receiver's own position, read while it is still read-only: nothing written to it is skipped
    auto own = undo.receiver.on([](ServerContext& ctx) { return ReplicationSteps::readCoordinates(ctx); });
    if (!own)
        return std::unexpected(own.error());
    result.target = *own;
    return result;
}
