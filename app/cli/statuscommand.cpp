#include "statuscommand.h"

#include "cli.h"
#include "monitor/pairmonitor.h"
#include "monitor/writercheck.h"
#include "operation/intentjournal.h"
#include "operation/pairstate.h"
#include "operation/rebuild.h"
#include "setup/setupjournal.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

std::optional<std::array<StatusSample, 2>> StatusCommand::pollOnce(const PairProfile& profile)
{
    constexpr int timeoutSec = 5;
    PairMonitor monitor(profile);
    monitor.setHeartbeatDatabase(QString()); // a look, not a watch: nothing is written
    monitor.setTimeoutSec(timeoutSec);
    QEventLoop loop;
    // a server's GTIDs are judged against a look at its peer made after its own: up to two more rounds
    int rounds = 0;
    QObject::connect(&monitor, &PairMonitor::roundFinished, &loop, [&] {
        if (monitor.errantPending() && ++rounds < 3)
            monitor.pollNow();
        else
            loop.exit(0);
    });
    QTimer::singleShot(4 * timeoutSec * 1000, &loop, [&loop] { loop.exit(1); });
    monitor.pollNow();
    if (loop.exec() != 0)
        return std::nullopt;
    return std::array<StatusSample, 2> { monitor.latest(0), monitor.latest(1) };
}

int StatusCommand::run(const PairProfile& profile, const CliOptions& options)
{
    const auto samples = pollOnce(profile);
    QTextStream& out = Cli::out();
    if (!samples) {
        Cli::err() << tr("no answer from %1 within the timeout").arg(profile.name) << Qt::endl;
        return Cli::Failed;
    }
    bool allHealthy = true;
    const int writer = profile.writerIndex();
    const PairState state = PairState::load(profile).value_or(PairState());
    for (const StatusSample& s : *samples) {
        allHealthy = allHealthy && s.healthy();
        const ReplicaStatus& r = s.replica;
        const bool fenced = state.isFenced(s.serverIndex);
        // "A (writer, writable)": the role the profile gives, and what the server says
        const QString who = !s.reachable
            ? tr("%1 (%2)").arg(s.server, WriterCheck::roleTitle(writer, s.serverIndex))
            : tr("%1 (%2, %3)")
                  .arg(s.server, WriterCheck::roleTitle(writer, s.serverIndex),
                      s.readOnly ? tr("read-only") : tr("writable"));
        if (options.json) {
            QJsonObject o = s.toJson();
            o.insert(QStringLiteral("fenced"), fenced);
            out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
        } else if (!s.reachable || !r.configured) {
            out << tr("%1: %2").arg(who, s.summary()) << Qt::endl;
        } else {
            out << tr("%1: %2  exec %3:%4")
                       .arg(who, s.summary(), r.relaySourceLogFile)
                       .arg(r.execSourceLogPos)
                << Qt::endl;
            if (r.lastIoErrno)
                out << tr("   IO error %1: %2").arg(r.lastIoErrno).arg(r.lastIoError) << Qt::endl;
            if (r.lastSqlErrno)
                out << tr("   SQL error %1: %2").arg(r.lastSqlErrno).arg(r.lastSqlError) << Qt::endl;
            if (!r.tlsText().isEmpty()) {
                // the source's view of the same link: the replication session's cipher there
                const StatusSample& source = (*samples)[1 - s.serverIndex];
                out << (source.replicationCipher.isEmpty()
                        ? tr("   link from %1: %2").arg(source.server, r.tlsText())
                        : tr("   link from %1: %2 (cipher %3 on %1)")
                              .arg(source.server, r.tlsText(), source.replicationCipher))
                    << Qt::endl;
            }
        }
        if (!options.json && s.reachable && !s.certificateText().isEmpty())
            out << QStringLiteral("   ") << s.certificateText() << Qt::endl;
        if (fenced && !options.json)
            out << tr("   FENCED since %1 (kept read-only): %2")
                       .arg(state.since.toString(Qt::ISODate), state.reason)
                << Qt::endl;
        const QString peer = profile.servers[1 - s.serverIndex].name;
        if (!s.errantGtids.isEmpty() && !options.json)
            out << tr("   ERRANT: holds transactions that started on %1 and that %1 lacks: %2")
                       .arg(peer, s.errantGtids.join(QStringLiteral(", ")))
                << Qt::endl;
        if (fenced && !s.notOnPeer.isEmpty() && !options.json)
            out << tr("   holds transactions of its own that %1 lacks: %2")
                       .arg(peer, s.notOnPeer.join(QStringLiteral(", ")))
                << Qt::endl;
    }
    // the next step for what broke: a halted SQL thread has its event to look at; a run that was killed
    // (its server still fenced, its changes on the servers) is put back by recover
    if (!options.json)
        for (const StatusSample& s : *samples)
            if (s.reachable && s.replica.configured && s.replica.lastSqlErrno)
                out << tr(
                    "NEXT: replipair-cli skip %1 --server %2 shows the event %2 could not apply and what "
                    "skipping it means; when the data are already apart, replipair-cli rebuild %1 "
                    "--server %2 --dry-run")
                           .arg(profile.filePath, s.server)
                    << Qt::endl;
    if (const QString journal = SetupJournal::defaultPath(profile); !journal.isEmpty()) {
        const auto runs = JournalRun::readAll(journal);
        if (runs && !runs->isEmpty() && runs->last().interrupted() && !runs->last().toUndo().isEmpty()) {
            const JournalRun& last = runs->last();
            // what only a new rebuild of that server does (recover has put back the rest): say that
            QString rebuildOf;
            for (const ServerProfile& server : profile.servers)
                if (Rebuild::leftOnlyWhatARebuildRedoes(journal, server.name))
                    rebuildOf = server.name;
            const QString text = !rebuildOf.isEmpty()
                ? tr("the rebuild of %1 started at %2 was interrupted and left %1 without replica settings "
                     "(and perhaps with a partial copy); recover cannot put that back, a rebuild does it "
                     "anew: replipair-cli rebuild %3 --server %1 --yes")
                      .arg(rebuildOf, last.started, profile.filePath)
                : tr("the %1 started at %2 was interrupted before it ended and left %n change(s) "
                     "on the servers: replipair-cli recover %3 puts back what it can and "
                     "names the rest (--dry-run shows them)",
                    nullptr, int(last.toUndo().size()))
                      .arg(last.operation, last.started, profile.filePath);
            if (options.json)
                out << QJsonDocument(
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("interruptedRun") },
                        { QStringLiteral("operation"), last.operation }, { QStringLiteral("run"), last.run },
                        { QStringLiteral("started"), last.started },
                        { QStringLiteral("left"), int(last.toUndo().size()) },
                        { QStringLiteral("text"), text } })
                           .toJson(QJsonDocument::Compact)
                    << Qt::endl;
            else
                out << tr("NEXT: %1").arg(text) << Qt::endl;
        }
    }
    const WriterCheck::Verdict verdict = WriterCheck::judge(writer, (*samples)[0], (*samples)[1]);
    if (verdict != WriterCheck::Verdict::Fine) {
        const QString problem
            = WriterCheck::problem(verdict, profile.servers[writer].name, profile.servers[1 - writer].name);
        if (options.json)
            out << QJsonDocument(
                QJsonObject { { QStringLiteral("type"), QStringLiteral("writerRole") },
                    { QStringLiteral("kind"),
                        verdict == WriterCheck::Verdict::BothWritable ? QStringLiteral("twoWriters")
                                                                      : QStringLiteral("noWriter") },
                    { QStringLiteral("writer"), profile.servers[writer].name },
                    { QStringLiteral("text"), problem } })
                       .toJson(QJsonDocument::Compact)
                << Qt::endl;
        else
            out << tr("WARNING: %1").arg(problem) << Qt::endl;
    }
    // the data's agreement: a skip (or a failover) since the last comparison leaves them unverified
    if (options.json) {
        QJsonObject o { { QStringLiteral("type"), QStringLiteral("dataAgreement") },
            { QStringLiteral("agreement"), PairState::agreementName(state.agreement) } };
        if (state.agreementSince.isValid())
            o.insert(QStringLiteral("since"), state.agreementSince.toUTC().toString(Qt::ISODate));
        if (!state.agreementCause.isEmpty())
            o.insert(QStringLiteral("cause"), state.agreementCause);
        if (!state.agreementText.isEmpty())
            o.insert(QStringLiteral("text"), state.agreementText);
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    } else if (state.dataInDoubt()) {
        out << tr("WARNING: %1").arg(state.agreementLine()) << Qt::endl;
    } else if (state.agreement == PairState::Agreement::Equal) {
        out << state.agreementLine() << Qt::endl;
    }
    // the exit code says whether replication runs; the data's doubt is a warning above (Nagios: WARNING)
    return allHealthy && verdict == WriterCheck::Verdict::Fine ? Cli::Success : Cli::Failed;
}

int StatusCommand::nagiosUnknown(const QString& why)
{
    Cli::out() << QStringLiteral("REPLIPAIR UNKNOWN - %1")
                      .arg(QString(why).replace(QLatin1Char('\n'), QLatin1Char(' ')))
               << Qt::endl;
    return NagiosUnknown;
}

std::pair<int, QString> StatusCommand::nagiosReport(const QString& pair,
    const std::array<StatusSample, 2>& samples, const NagiosThresholds& t, int writerIndex,
    const PairState& agreement)
{
    int code = NagiosOk;
    QStringList parts;
    QStringList perf;
    for (const StatusSample& s : samples) {
        const ReplicaStatus& r = s.replica;
        const std::optional<double> lag = s.effectiveLag();
        int mine = NagiosOk;
        QString what;
        if (s.reachable && !s.statusError.isEmpty()) {
            // the server answers, but its replica status cannot be read (a missing privilege): not known
            mine = NagiosUnknown;
            what = s.summary();
        } else if (!s.reachable || !r.configured) {
            mine = NagiosCritical;
            what = s.summary();
        } else if (!r.healthy()) {
            mine = NagiosCritical;
            const QString error = r.lastError();
            what = error.isEmpty()
                ? tr("IO thread %1, SQL thread %2").arg(r.ioThreadText(), r.sqlThreadText())
                : error;
        } else if (lag && *lag >= t.criticalSec) {
            mine = NagiosCritical;
            what = tr("%1 s behind").arg(*lag, 0, 'f', 1);
        } else if (lag && *lag >= t.warningSec) {
            mine = NagiosWarning;
            what = tr("%1 s behind").arg(*lag, 0, 'f', 1);
        } else {
            what = lag ? tr("replicating, %1 s behind").arg(*lag, 0, 'f', 1) : tr("replicating");
        }
        // the server's certificate: ending within 30 days is a warning, ended critical
        const QString certificate = s.reachable ? s.certificateState() : QString();
        if (certificate == QLatin1String("error") && mine != NagiosCritical) {
            mine = NagiosCritical;
            what += QStringLiteral(", ") + s.certificateText();
        } else if (certificate == QLatin1String("warning") && mine == NagiosOk) {
            mine = NagiosWarning;
            what += QStringLiteral(", ") + s.certificateText();
        }
        // the worse of the two: CRITICAL, WARNING, UNKNOWN, OK (a critical server outweighs an unknown one)
        auto rank = [](int c) { return c == NagiosUnknown ? 1 : c == NagiosOk ? 0 : c + 1; };
        if (rank(mine) > rank(code))
            code = mine;
        parts << QStringLiteral("%1 %2").arg(s.server, what);
        // perfdata: 'label'=value[UOM];warn;crit;min;max, "U" (with no unit) when unknown; labels are stable,
        // never translated
        const QString name = QString(s.server).replace(QLatin1Char('\''), QLatin1Char('_'));
        perf << QStringLiteral("'%1_lag'=%2;%3;%4;0;")
                    .arg(name, lag ? QString::number(*lag, 'f', 3) + QLatin1Char('s') : QStringLiteral("U"))
                    .arg(t.warningSec)
                    .arg(t.criticalSec);
        perf << QStringLiteral("'%1_io_running'=%2;;;0;1").arg(name).arg(r.ioRunning ? 1 : 0);
        perf << QStringLiteral("'%1_sql_running'=%2;;;0;1").arg(name).arg(r.sqlRunning ? 1 : 0);
        if (s.reachable)
            perf << QStringLiteral("'%1_writable'=%2;;;0;1").arg(name).arg(s.readOnly ? 0 : 1);
    }
    // single-writer mode: both writable (rows may clash) or none (the application cannot write) is a WARNING
    const WriterCheck::Verdict verdict = WriterCheck::judge(writerIndex, samples[0], samples[1]);
    if (verdict != WriterCheck::Verdict::Fine) {
        if (code == NagiosOk || code == NagiosUnknown)
            code = NagiosWarning;
        parts << WriterCheck::problem(
            verdict, samples[size_t(writerIndex)].server, samples[size_t(1 - writerIndex)].server);
    }
    // data that differ, or unverified since a skip, are a WARNING until a comparison says equal
    if (agreement.dataInDoubt()) {
        if (code == NagiosOk || code == NagiosUnknown)
            code = NagiosWarning;
        parts << agreement.agreementLine();
    }
    static const char* const names[] = { "OK", "WARNING", "CRITICAL", "UNKNOWN" };
    QString text = QStringLiteral("REPLIPAIR %1 - %2: %3 | %4")
                       .arg(QLatin1String(names[code]), pair, parts.join(QStringLiteral("; ")),
                           perf.join(QLatin1Char(' ')));
    text.replace(QLatin1Char('\n'), QLatin1Char(' ')); // one line, whatever the server's error text holds
    return { code, text };
}

int StatusCommand::runNagios(const PairProfile& profile, const NagiosThresholds& thresholds)
{
    // a password that cannot be read (its variable unset, its file unreadable) says nothing about the
    // servers: the check itself cannot run, which the plugin guidelines call UNKNOWN, not CRITICAL
    for (const ServerProfile& s : profile.servers)
        if (auto password = s.adminPassword(); !password)
            return nagiosUnknown(tr("%1: %2").arg(s.name, password.error().text));
    const auto samples = pollOnce(profile);
    if (!samples)
        return nagiosUnknown(tr("no answer from %1 within the timeout").arg(profile.name));
    const auto [code, line] = nagiosReport(profile.name, *samples, thresholds, profile.writerIndex(),
        PairState::load(profile).value_or(PairState()));
    Cli::out() << line << Qt::endl;
    return code;
}
