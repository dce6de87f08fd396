#include "connectiontester.h"

#include "serverworker.h"
#include "sshshell.h"

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
        Outcome out;
        if (auto connected = ctx.connect(timeoutSec); !connected) {
            out.sqlText = connected.error().text;
        } else {
            auto rows = ctx.sql->query(QStringLiteral("SELECT @@server_id AS id, @@read_only AS ro"));
            out.sqlOk = true;
            const SqlRow row = rows ? rows->value(0) : SqlRow();
            out.sqlText
                = tr("%1, server-id %2%3")
                      .arg(ctx.dialect.version().toString(), row.value(QStringLiteral("id")).toString(),
                          row.value(QStringLiteral("ro")).toInt() != 0 ? tr(", read-only") : QString());
        }
        if (!ctx.profile.hasSsh)
            return out;
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
        auto shell = SshShell::open(ctx.profile.name, ctx.profile.ssh, timeoutMs);
        if (!shell) {
            out.sshText = shell.error().text;
            return out;
        }
        out.sshOk = true;
        out.sshText = (*shell)->describe();
        return out;
    }));
}
