#include "setup/preflighttls.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "host/serverworker.h"
#include "sql/dialect.h"

void PreflightTls::readServer(ServerContext& ctx, TlsServerFacts& f)
{
    auto rows = ctx.sql->query(QStringLiteral("SELECT @@GLOBAL.have_ssl AS have_ssl"));
    if (!rows)
        return;
    f.read = true;
    f.haveSsl = rows->value(0).value(QStringLiteral("have_ssl")).toString();
    f.ownCipher = ctx.sql->cipher();
    auto status = ctx.sql->query(QStringLiteral("SHOW GLOBAL STATUS LIKE 'Ssl_server_not_after'"));
    if (status && !status->isEmpty())
        f.certificateNotAfter
            = TlsPeerCheck::parseDate(status->value(0).value(QStringLiteral("Value")).toString());
}

QString PreflightTls::caCheckCommand(const QString& caFile)
{
    return QStringLiteral("f=%1; if [ -e \"$f\" ] || [ -L \"$f\" ]; then exit 0; else exit 1; fi")
        .arg(Shell::quote(caFile));
}

QStringList PreflightTls::hostCommands(const PairProfile& pair, int index)
{
    if (!pair.tls.isOn())
        return {};
    const TlsFiles files = pair.servers[index].hostTlsFiles();
    const ServerProfile& peer = pair.servers[1 - index];
    QStringList commands;
    if (pair.tls.verifies() && !files.ca.isEmpty())
        commands << caCheckCommand(files.ca);
    commands << TlsPeerCheck::command(peer.effectivePeerHost(), peer.port,
        pair.tls.verifies() ? files.ca : QString(), pair.tls.mode == TlsMode::VerifyIdentity);
    return commands;
}

TlsServerFacts PreflightTls::gather(ServerContext& ctx, const PairProfile& pair, bool peerReachable)
{
    TlsServerFacts f;
    readServer(ctx, f);
    if (!pair.tls.isOn())
        return f;
    auto shell = ctx.hostShell();
    if (!shell) {
        f.hostError = shell.error();
        return f;
    }
    const TlsFiles files = ctx.profile.hostTlsFiles();
    if (pair.tls.verifies() && !files.ca.isEmpty()) {
        auto exists = (*shell)->run(caCheckCommand(files.ca), 30000);
        if (!exists || (exists->exitCode != 0 && exists->exitCode != 1)) {
            f.hostError = exists ? StepError { ctx.profile.name, StepId::FileExists, 0,
                // the words of SshShell::exists(), translated there
                QCoreApplication::translate("SshShell", "cannot check whether %1 exists on %2: %3")
                    .arg(files.ca, (*shell)->describe(), QString::fromUtf8(exists->err).trimmed()) }
                                 : exists.error();
            return f;
        }
        f.caOnHost = exists->exitCode == 0 ? 1 : 0;
        if (f.caOnHost == 0)
            return f;
    }
    if (!peerReachable)
        return f;
    const ServerProfile& peer = pair.servers[1 - ctx.index];
    auto seen = TlsPeerCheck::run(**shell, peer.effectivePeerHost(), peer.port,
        pair.tls.verifies() ? files.ca : QString(), pair.tls.mode == TlsMode::VerifyIdentity);
    if (!seen)
        f.hostError = seen.error();
    else
        f.peer = *seen;
    return f;
}

QList<Finding> PreflightTls::check(const PairProfile& pair, const ServerInspection (&in)[2],
    const TlsServerFacts (&facts)[2], const QDateTime& now)
{
    QList<Finding> out;
    auto add = [&out](Finding::Severity s, const QString& server, const QString& code, const QString& text,
                   const QString& fix) {
        out << Finding { s, server, code, text, fix };
    };
    for (const QString& note : pair.notes)
        add(Finding::Severity::Warning, {}, QStringLiteral("profile-note"), note,
            tr("save the profile again"));
    const bool bothTls = facts[0].hasTls() && facts[1].hasTls();
    if (!pair.tls.isOn()) {
        add(Finding::Severity::Warning, {}, QStringLiteral("tls-off"),
            tr("TLS is off: the replication password's exchange, every replicated row and RepliPair's own "
               "statements travel in clear text between the servers"),
            bothTls
                ? tr("both servers have TLS on: set \"tls\": {\"mode\": \"verify-ca\", \"ca\": …}")
                : tr(
                    "turn TLS on in the servers (ssl-ca, ssl-cert, ssl-key) and set \"tls\" in the profile"));
    }
    for (int j = 0; j < 2; ++j) {
        const int i = 1 - j; // j replicates from i
        const QString replica = pair.servers[j].name, source = pair.servers[i].name;
        const TlsServerFacts& f = facts[j];
        if (!f.read)
            continue;
        if (pair.tls.isOn() && !f.hasTls())
            add(Finding::Severity::Error, replica, QStringLiteral("tls-server-off"),
                tr("%1 has TLS off (have_ssl = %2) but the profile asks for \"%3\"")
                    .arg(replica, f.haveSsl.isEmpty() ? tr("unknown") : f.haveSsl,
                        TlsSettings::modeToString(pair.tls.mode)),
                tr("set ssl-ca, ssl-cert and ssl-key in %1's option file and restart it, or set \"tls\" to "
                   "\"off\"")
                    .arg(replica));
        if (f.certificateNotAfter.isValid()) {
            const qint64 days = now.secsTo(f.certificateNotAfter) / 86400;
            if (now >= f.certificateNotAfter)
                add(Finding::Severity::Error, replica, QStringLiteral("tls-certificate-expired"),
                    tr("%1's certificate expired on %2")
                        .arg(replica, f.certificateNotAfter.toString(Qt::ISODate)),
                    tr("install a new certificate on %1 (FLUSH SSL or ALTER INSTANCE RELOAD TLS)")
                        .arg(replica));
            else if (days < ExpiryWarningDays)
                add(Finding::Severity::Warning, replica, QStringLiteral("tls-certificate-expiring"),
                    tr("%1's certificate expires in %n day(s), on %2", nullptr, int(days))
                        .arg(replica, f.certificateNotAfter.toString(Qt::ISODate)),
                    tr("renew it before then; replicas that verify it stop on the day it expires"));
        }
        // the direction into j: j's host must reach i's certificate
        if (pair.tls.isOn()) {
            const QString ca = pair.servers[j].hostTlsFiles().ca;
            if (f.hostError)
                add(Finding::Severity::Warning, replica, QStringLiteral("tls-host-unchecked"),
                    tr("cannot check %1's certificate from %2's host: %3")
                        .arg(source, replica, f.hostError->text),
                    tr("the replica thread will check it when replication starts"));
            else if (f.caOnHost == 0)
                add(Finding::Severity::Error, replica, QStringLiteral("tls-ca-missing"),
                    tr("the CA file %1 is not on %2's host (or not readable); %2's replica thread needs it "
                       "to check %3's certificate")
                        .arg(ca, replica, source),
                    tr("copy the CA to %1 on %2's host, or give the path there in servers[].tls.ca")
                        .arg(ca, replica));
            else if (f.peer && !f.peer->ran)
                add(Finding::Severity::Warning, replica, QStringLiteral("tls-host-unchecked"),
                    tr("%1's host has no openssl tool: %2's certificate was not checked from there")
                        .arg(replica, source),
                    tr("install openssl on %1's host to have it checked before setup").arg(replica));
            else if (f.peer && !f.peer->offersTls)
                add(Finding::Severity::Error, replica, QStringLiteral("tls-source-off"),
                    tr("%1 offers no TLS to %2's host: replication in \"%3\" mode would be refused")
                        .arg(source, replica, TlsSettings::modeToString(pair.tls.mode)),
                    tr("turn TLS on in %1 or set \"tls\" to \"off\"").arg(source));
            else if (f.peer && pair.tls.verifies() && !f.peer->verified)
                add(Finding::Severity::Error, replica, QStringLiteral("tls-certificate-unverified"),
                    tr("%1's certificate does not verify from %2's host against %3: %4")
                        .arg(source, replica, ca, f.peer->problem),
                    pair.tls.mode == TlsMode::VerifyIdentity
                        ? tr("give the CA that signed %1's certificate, and a certificate that names %2")
                              .arg(source, pair.servers[i].effectivePeerHost())
                        : tr("give the CA that signed %1's certificate").arg(source));
        }
        // MySQL 8's caching_sha2_password over clear text needs the source's RSA key
        const Dialect sourceDialect(in[i].version);
        if (!pair.tls.isOn()
            && sourceDialect.replicationAuthPlugin(in[j].version) == QLatin1String("caching_sha2_password"))
            add(Finding::Severity::Warning, replica, QStringLiteral("tls-public-key"),
                tr("%1 logs in to %2 with caching_sha2_password without TLS: it asks for %2's RSA public key "
                   "(GET_SOURCE_PUBLIC_KEY = 1), which a machine in the middle could replace")
                    .arg(replica, source),
                tr("turn TLS on (\"tls\": \"verify-ca\") so the password travels encrypted"));
        // MariaDB 11.3+ checks the source's certificate unless told not to
        const Dialect replicaDialect(in[j].version);
        if (replicaDialect.verifiesSourceByDefault() && !pair.tls.isOn())
            add(Finding::Severity::Warning, replica, QStringLiteral("tls-replica-verifies-by-default"),
                tr("%1 (MariaDB %2) verifies its source's certificate by default; %3 %4: the link is set up "
                   "with "
                   "MASTER_SSL = 0 and MASTER_SSL_VERIFY_SERVER_CERT = 0 as the profile says \"off\"")
                    .arg(replica, in[j].version.toString(), source,
                        facts[i].hasTls() ? tr("has TLS on") : tr("has no TLS (errno 2026 otherwise)")),
                facts[i].hasTls() ? tr("set \"tls\" to \"verify-ca\" to keep the check")
                                  : tr("turn TLS on in %1, then set \"tls\" to \"verify-ca\"").arg(source));
    }
    return out;
}
