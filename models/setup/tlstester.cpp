#include "setup/tlstester.h"

#include "host/localshell.h"
#include "host/serverworker.h"

#include <QFutureWatcher>
#include <QPointer>

TlsTester::TlsTester(QObject* parent)
    : QObject(parent)
{ }

TlsTester::~TlsTester() = default;

void TlsTester::start(const PairProfile& pair)
{
    const quint64 generation = ++m_generation;
    m_pending = 2;
    for (int i = 0; i < 2; ++i) {
        // a worker of its own, deleted from this thread once the test ends, even if the tester is gone
        auto* worker = new ServerWorker(i, pair.servers[i]);
        auto* watcher = new QFutureWatcher<Outcome>;
        QPointer<TlsTester> self(this);
        connect(watcher, &QFutureWatcher<Outcome>::finished, watcher, [self, watcher, worker, generation] {
            const Outcome outcome = watcher->result();
            watcher->deleteLater();
            worker->deleteLater();
            if (!self || generation != self->m_generation)
                return; // abandoned
            --self->m_pending;
            Q_EMIT self->finished(outcome);
            if (self->m_pending == 0)
                Q_EMIT self->allFinished();
        });
        watcher->setFuture(worker->submit([](ServerContext& ctx) { return probe(ctx); }));
    }
}

TlsTester::Outcome TlsTester::probe(ServerContext& ctx)
{
    Outcome out;
    out.index = ctx.index;
    out.server = ctx.profile.name;
    if (auto c = ctx.connect(); !c) {
        out.error = c.error().text;
    } else {
        out.connected = true;
        out.cipher = ctx.sql->cipher();
    }
    // the certificate as this machine sees it (the openssl tool here; nothing is sent but the handshake)
    LocalShell here(ctx.profile.name);
    const TlsSettings& tls = ctx.profile.tls;
    auto seen = TlsPeerCheck::run(here, ctx.profile.host, ctx.profile.port,
        tls.verifies() ? tls.files.ca : QString(), tls.mode == TlsMode::VerifyIdentity, 10);
    if (seen)
        out.certificate = *seen;
    return out;
}

QString TlsTester::Outcome::summary() const
{
    QString line;
    if (!connected)
        line = tr("%1: failed: %2").arg(server, error);
    else
        line = cipher.isEmpty() ? tr("%1: connected in clear text").arg(server)
                                : tr("%1: encrypted (%2)").arg(server, cipher);
    if (certificate.ran && !certificate.subject.isEmpty())
        line += tr("; certificate %1, issued by %2, expires %3")
                    .arg(certificate.subject, certificate.issuer,
                        certificate.notAfter.isValid() ? certificate.notAfter.toString(Qt::ISODate)
                                                       : tr("unknown"));
    else if (certificate.ran && !certificate.problem.isEmpty())
        line += tr("; certificate: %1").arg(certificate.problem);
    return line;
}
