#include "operation/rebuildguards.h"

#include "host/serverworker.h"
#include "operation/pairstate.h"
#include "sql/replicastatus.h"

#include <QFileInfo>
#include <QLocale>

namespace {
QString size(qint64 bytes)
{
    return QLocale::c().formattedDataSize(qMax<qint64>(0, bytes), 1, QLocale::DataSizeTraditionalFormat);
}

/** Who the server is: server_id, server_uuid (MySQL), gtid_domain_id (MariaDB), and its replica status. */
struct Identity
{
    QString serverId;
    QString uuid;
    QString domain;
    bool logBin = false;
    ReplicaStatus replica;
};

Result<Identity> identify(ServerWorker* worker)
{
    return worker->run([](ServerContext& ctx) -> Result<Identity> {
        if (!ctx.sql || !ctx.sql->isOpen())
            if (auto c = ctx.connect(5); !c)
                return std::unexpected(c.error());
        Identity id;
        QString select = QStringLiteral("SELECT @@GLOBAL.server_id AS id, @@GLOBAL.log_bin AS log_bin");
        if (ctx.dialect.hasServerUuid())
            select += QStringLiteral(", @@GLOBAL.server_uuid AS uuid");
        if (ctx.dialect.isMariaDb())
            select += QStringLiteral(", @@GLOBAL.gtid_domain_id AS domain");
        auto rows = ctx.sql->query(select);
        if (!rows)
            return std::unexpected(rows.error());
        const SqlRow row = rows->value(0);
        id.serverId = row.value(QStringLiteral("id")).toString();
        id.uuid = row.value(QStringLiteral("uuid")).toString();
        id.domain = row.value(QStringLiteral("domain")).toString();
        id.logBin = row.value(QStringLiteral("log_bin")).toInt() == 1;
        auto status = ReplicaStatus::read(*ctx.sql, ctx.dialect);
        if (!status)
            return std::unexpected(status.error());
        id.replica = *status;
        return id;
    });
}
} // namespace

RebuildGuards::RebuildGuards(const PairProfile& profile, ServerWorker* const (&workers)[2], int target)
    : m_profile(profile)
    , m_workers { workers[0], workers[1] }
    , m_target(target)
    , m_source(1 - target)
{ }

Finding RebuildGuards::ok(const QString& code, const QString& server, const QString& text) const
{
    return Finding { Finding::Severity::Ok, server, code, text, {} };
}

Finding RebuildGuards::error(
    const QString& code, const QString& server, const QString& text, const QString& fix) const
{
    return Finding { Finding::Severity::Error, server, code, text, fix };
}

bool RebuildGuards::refused(const QList<Finding>& findings)
{
    for (const Finding& f : findings)
        if (f.severity == Finding::Severity::Error)
            return true;
    return false;
}

QList<Finding> RebuildGuards::identity()
{
    QList<Finding> out;
    const QString a = m_profile.servers[m_source].name, b = m_profile.servers[m_target].name;
    Result<Identity> id[2] = { identify(m_workers[0]), identify(m_workers[1]) };
    for (int i = 0; i < 2; ++i)
        if (!id[i]) {
            out << error(QStringLiteral("rebuild-unreachable"), m_profile.servers[i].name,
                tr("%1 does not answer: %2").arg(m_profile.servers[i].name, id[i].error().text),
                tr("start it, or fix the address or the login in the profile"));
            return out;
        }
    const Identity &src = *id[m_source], &dst = *id[m_target];
    m_gtid = src.replica.usingGtid || dst.replica.usingGtid;
    if (src.serverId == dst.serverId)
        out << error(QStringLiteral("rebuild-server-id-clash"), b,
            tr("%1 has server_id %2, like %3: replication skips every event it takes for its own")
                .arg(b, dst.serverId, a),
            tr("give %1 a server_id of its own in its option file (setup writes one) and restart it").arg(b));
    if (!src.uuid.isEmpty() && src.uuid == dst.uuid)
        out << error(QStringLiteral("rebuild-server-uuid-clash"), b,
            tr("%1 has server_uuid %2, like %3 (an auto.cnf copied with the data): the source refuses a "
               "replica with its own uuid")
                .arg(b, dst.uuid, a),
            tr("remove auto.cnf from %1's data directory and restart %1: it makes a new server_uuid").arg(b));
    if (m_gtid && !src.domain.isEmpty() && src.domain == dst.domain)
        out << error(QStringLiteral("rebuild-gtid-domain-clash"), b,
            tr("%1 has gtid_domain_id %2, like %3: the two writers' GTIDs would collide")
                .arg(b, dst.domain, a),
            tr("give %1 a gtid_domain_id of its own in its option file (setup writes one) and restart it")
                .arg(b));
    if (out.isEmpty())
        out << ok(QStringLiteral("rebuild-identity"), b,
            tr("%1 and %2 have their own server_id%3")
                .arg(a, b, src.uuid.isEmpty() ? QString() : tr(" and uuid")));
    return out;
}

QList<Finding> RebuildGuards::before(CopyMethod method, bool saveOld)
{
    const QString a = m_profile.servers[m_source].name, b = m_profile.servers[m_target].name;
    QList<Finding> out = identity();
    if (refused(out) && out.first().code == QLatin1String("rebuild-unreachable"))
        return out;
    if (m_profile.writerIndex() == m_target)
        out << error(QStringLiteral("rebuild-target-is-writer"), b,
            tr("%1 takes the application's writes: rebuilding it would replace what they wrote").arg(b),
            tr("move the writes to %1 first (switchover --to %1), then rebuild %2").arg(a, b));
    if (auto state = PairState::load(m_profile); state && state->isFenced(m_source))
        out << error(QStringLiteral("rebuild-source-fenced"), a,
            tr("%1 is fenced: its data is the one left behind, not the one to copy").arg(a),
            tr("rebuild %1 from %2 instead").arg(a, b));
    auto logBin = m_workers[m_source]->run([](ServerContext& ctx) -> Result<QVariant> {
        return ctx.sql->scalar(QStringLiteral("SELECT @@GLOBAL.log_bin"));
    });
    if (logBin && logBin->toInt() != 1)
        out << error(QStringLiteral("rebuild-source-binlog-off"), a,
            tr("%1's binary log is off: there is no point for %2 to replicate from after the copy").arg(a, b),
            tr("turn the binary log on (setup does it), then rebuild"));
    if (const QString why = RebuildCopy::unavailable(method); !why.isEmpty())
        out << error(QStringLiteral("rebuild-method-unavailable"), b, why,
            tr("use the logical copy (--method logical)"));
    auto check = CopyCheck::gather(m_profile, m_source, m_workers, true);
    if (!check) {
        out << error(QStringLiteral("copy-check-failed"), check.error().server,
            tr("could not check the copy: %1").arg(check.error().text), {});
        return out;
    }
    m_check = *check;
    m_method = method;
    if (method != CopyMethod::Logical)
        out += physical(method, saveOld);
    // the logical copy's own findings (its tools on B's host, its saved dump) only when it is the one made
    if (m_method == CopyMethod::Logical)
        for (Finding f : check->findings) {
            // the copy's own words say B's old copy is saved first: with --no-save the rebuild drops it
            if (!saveOld && f.code == QLatin1String("copy-replaces-target"))
                f.fix
                    = tr("not saved (--no-save): they are dropped before the copy; if the rebuild fails, %1 "
                         "stays read-only and fenced without them until it is rebuilt")
                          .arg(b);
            out << f;
        }
    if (m_method == CopyMethod::Logical && saveOld && !check->targetTables.isEmpty()
        && check->saveFreeBytes >= 0) {
        // a dump is about the size of the data; a margin for the file system
        const qint64 needed = check->targetBytes + check->targetBytes / 5 + (64LL << 20);
        if (check->saveFreeBytes < needed)
            out << error(QStringLiteral("rebuild-no-room-to-save"), b,
                tr("saving %1's old data (%2) needs about %3 in %4, where %5 is free")
                    .arg(b, size(check->targetBytes), size(needed), check->saveFolder(),
                        size(check->saveFreeBytes)),
                tr("free space there, or rebuild without saving %1's old data (--no-save): a failed rebuild "
                   "then leaves %1 stopped and fenced until it is rebuilt")
                    .arg(b));
        else
            out << ok(QStringLiteral("rebuild-room-to-save"), b,
                tr("room to save %1's old data: %2 free in %3")
                    .arg(b, size(check->saveFreeBytes), check->saveFolder()));
    }
    return out;
}

QList<Finding> RebuildGuards::physical(CopyMethod method, bool saveOld)
{
    const QString b = m_profile.servers[m_target].name;
    QList<Finding> out;
    // the backup tools keep the old data folder beside the new one; MySQL's CLONE replaces it in place:
    // taken only when the admin agreed not to keep the old data (--no-save)
    auto check = PhysicalCopyCheck::gather(m_profile, m_source, m_workers, !saveOld);
    if (!check) {
        m_method = CopyMethod::Logical;
        if (method == CopyMethod::Physical)
            out << error(QStringLiteral("physical-check-failed"), check.error().server,
                tr("could not check the physical copy: %1").arg(check.error().text),
                tr("use the logical copy (--method logical)"));
        else
            out << ok(QStringLiteral("copy-method"), b,
                tr("method auto: the logical copy (the physical one could not be checked: %1)")
                    .arg(check.error().text));
        return out;
    }
    m_physical = *check;
    m_method = RebuildCopy::resolve(method, &*m_physical);
    if (method == CopyMethod::Auto) {
        const QString why = check->hasErrors()
            ? tr("the physical one cannot be made: %1").arg(check->findings.value(0).text)
            : tr("%1 of data; the physical copy is taken above %2")
                  .arg(size(check->sourceBytes), size(PhysicalCopyCheck::AutoThresholdBytes));
        out << ok(QStringLiteral("copy-method"), b,
            m_method == CopyMethod::Physical
                ? tr("method auto: the physical copy (%1 of data)").arg(size(check->sourceBytes))
                : tr("method auto: the logical copy (%1)").arg(why));
        if (m_method == CopyMethod::Logical)
            return out;
    }
    out += check->findings;
    if (check->hasErrors())
        return out;
    if (check->way == PhysicalCopyCheck::Way::Clone)
        out << ok(QStringLiteral("physical-copy-ready"), b,
            tr("MySQL's CLONE on both servers (the clone plugin active, MySQL %1): %2's data directory is "
               "replaced in place, its old data (%3) is not kept")
                .arg(check->servers[m_target].version, b, size(check->targetDataBytes)));
    else
        out << ok(QStringLiteral("physical-copy-ready"), b,
            tr("%1 and %6 of %7 on both hosts; %2 free beside %3's data folder "
               "for the copy (about %4); its old data folder (%5) is renamed, kept beside it and put back on "
               "failure or cancel")
                .arg(check->toolName(),
                    check->targetFreeBytes < 0 ? tr("unknown") : size(check->targetFreeBytes), b,
                    size(check->sourceBytes), size(check->targetDataBytes),
                    QFileInfo(check->servers[m_target].streamTool).fileName(),
                    ServerVersion::parse(check->servers[m_target].version).toString()));
    return out;
}

QList<Finding> RebuildGuards::after(const QString& copyFile)
{
    QList<Finding> out = identity();
    const QString a = m_profile.servers[m_source].name, b = m_profile.servers[m_target].name;
    auto status = m_workers[m_target]->run(
        [](ServerContext& ctx) { return ReplicaStatus::read(*ctx.sql, ctx.dialect); });
    if (!status) {
        out << error(QStringLiteral("rebuild-unreachable"), b, status.error().text, {});
        return out;
    }
    const ServerProfile& src = m_profile.servers[m_source];
    // the relay log the SQL thread reads comes from the new start point: never a file older than the copy's
    if (!status->configured || status->sourcePort != src.port
        || (!status->relaySourceLogFile.isEmpty() && status->relaySourceLogFile < copyFile))
        out << error(QStringLiteral("rebuild-old-relay-log"), b,
            tr("%1's replica reads %2:%3 from %4:%5, older than the copy's point in %6")
                .arg(b, status->relaySourceLogFile)
                .arg(status->execSourceLogPos)
                .arg(status->sourceHost)
                .arg(status->sourcePort)
                .arg(copyFile),
            tr("rebuild %1 again").arg(b));
    else
        out << ok(QStringLiteral("rebuild-relay-log"), b,
            tr("%1 replicates from %2 from the copy's point on (%3:%4)")
                .arg(b, a, status->relaySourceLogFile)
                .arg(status->execSourceLogPos));
    return out;
}
