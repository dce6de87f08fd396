#include "setup/connectiontester.h"

#include "config/configlocator.h"
#include "host/localshell.h"
#include "host/restartdetector.h"
#include "host/serverworker.h"
#include "host/ssh/sshshell.h"

#include <QFutureWatcher>

ConnectionTester::ConnectionTester(QObject* parent)
    : QObject(parent)
{ }

ConnectionTester::~ConnectionTester() = default;

void ConnectionTester::start(const ServerProfile& profile, int index)
{
    run(profile, index, {});
}

void ConnectionTester::trustHostKeyAndRetest(
    const ServerProfile& profile, int index, const QString& fingerprint)
{
    run(profile, index, fingerprint);
}

void ConnectionTester::run(const ServerProfile& profile, int index, const QString& trustFingerprint)
{
    m_running = true;
    const quint64 generation = ++m_generation;
    const int timeoutSec = m_timeoutSec;
    // A worker of its own: its thread owns the QSqlDatabase and the SSH session. It is deleted (from the
    // GUI thread, once idle) when the test ends, even if this tester is gone by then.
    auto* worker = new ServerWorker(index, profile);
    auto* watcher = new QFutureWatcher<Outcome>;
    QPointer<ConnectionTester> self(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, watcher, [self, watcher, worker, generation] {
        const Outcome outcome = watcher->result();
        watcher->deleteLater();
        worker->deleteLater();
        if (!self || generation != self->m_generation)
            return; // abandoned
        self->m_running = false;
        Q_EMIT self->finished(outcome);
    });
    watcher->setFuture(worker->submit([timeoutSec, trustFingerprint](ServerContext& ctx) {
        return probe(ctx, timeoutSec, trustFingerprint);
    }));
}

namespace {
bool isLoopback(const QString& host)
{
    return host == QLatin1String("localhost") || host.startsWith(QLatin1String("127."))
        || host == QLatin1String("::1");
}
} // namespace

ConnectionTester::Outcome ConnectionTester::probe(
    ServerContext& ctx, int timeoutSec, const QString& trustFingerprint)
{
    Outcome out;
    SqlRow row;
    if (auto connected = ctx.connect(timeoutSec); !connected) {
        out.sqlText = connected.error().text;
    } else {
        auto rows = ctx.sql->query(
            QStringLiteral("SELECT @@server_id AS id, @@read_only AS ro, @@pid_file AS pid_file, "
                           "@@datadir AS datadir, @@port AS port"));
        out.sqlOk = true;
        row = rows ? rows->value(0) : SqlRow();
        out.sqlText = tr("%1, server-id %2%3")
                          .arg(ctx.dialect.version().toString(), row.value(QStringLiteral("id")).toString(),
                              row.value(QStringLiteral("ro")).toInt() != 0 ? tr(", read-only") : QString());
    }

    std::unique_ptr<HostShell> shell;
    if (!ctx.profile.hasSsh) {
        if (isLoopback(ctx.profile.host))
            shell = std::make_unique<LocalShell>(ctx.profile.name);
    } else {
        out.sshTried = true;
        const int timeoutMs = timeoutSec * 1000;
        if (!trustFingerprint.isEmpty()) {
            if (auto trusted
                = SshSession::trustHostKey(ctx.profile.ssh, trustFingerprint, timeoutMs, ctx.profile.name);
                !trusted) {
                out.sshText = trusted.error().text;
                return out;
            }
        }
        auto key = SshShell::probeHostKey(ctx.profile.ssh, timeoutMs);
        if (!key) {
            out.sshText = key.error().text;
            return out;
        }
        out.hostKey = *key;
        if (key->status != SshHostKey::Status::Known) {
            out.sshText = key->status == SshHostKey::Status::Changed
                ? tr("the host key has CHANGED since it was trusted")
                : tr("the host key is not known yet");
            return out;
        }
        auto opened = SshShell::open(ctx.profile.name, ctx.profile.ssh, timeoutMs);
        if (!opened) {
            out.sshText = opened.error().text;
            return out;
        }
        out.sshOk = true;
        out.sshText = (*opened)->describe();
        shell = std::move(*opened);
    }

    // "auto": show now what setup would detect, so that a wrong guess is seen before anything runs
    const bool configAuto = ctx.profile.configFile == QLatin1String("auto");
    const bool restartAuto = ctx.profile.restartCommand == QLatin1String("auto");
    if (!out.sqlOk || !(configAuto || restartAuto))
        return out;
    if (!shell) {
        const QString why
            = tr("not detected: %1 is another machine; tick SSH to reach it").arg(ctx.profile.host);
        out.configText = configAuto ? why : QString();
        out.restartText = restartAuto ? why : QString();
        out.configFailed = configAuto;
        out.restartFailed = restartAuto;
        return out;
    }
    ServerProcess::Hint hint;
    hint.pidFile = row.value(QStringLiteral("pid_file")).toString();
    hint.dataDir = row.value(QStringLiteral("datadir")).toString();
    hint.port = row.value(QStringLiteral("port")).toInt();
    if (configAuto) {
        auto found = ConfigLocator(*shell, ctx.profile.name).locate(hint, ctx.dialect.version().flavor);
        out.configText = found ? tr("%1 (%2)").arg(found->mainFile, found->reason) : found.error().text;
        out.configFailed = !found;
    }
    if (restartAuto) {
        auto found = RestartDetector(*shell, ctx.profile.name).detect(hint);
        out.restartText = found ? tr("%1 (%2)").arg(found->command, found->description) : found.error().text;
        out.restartFailed = !found;
    }
    return out;
}
