#include "prometheusexposition.h"

#include <QDateTime>
#include <QSaveFile>

#include <functional>
#include <optional>

namespace {

/** A label value with \, " and newline escaped as the format requires. */
QByteArray labelValue(const QString& v)
{
    QByteArray out;
    for (const char c : v.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 15);
}

struct Metric
{
    const char* name;
    const char* help;
    std::function<std::optional<double>(const StatusSample&)> value;
};

std::optional<double> flag(bool on)
{
    return on ? 1.0 : 0.0;
}

/** Replica metrics only where the server answers and is a replica. */
std::function<std::optional<double>(const StatusSample&)> replica(
    std::function<std::optional<double>(const ReplicaStatus&)> f)
{
    return [f](const StatusSample& s) -> std::optional<double> {
        if (!s.reachable || !s.replica.configured)
            return std::nullopt;
        return f(s.replica);
    };
}
} // namespace

QByteArray PrometheusExposition::render(const QList<Entry>& entries)
{
    static const QList<Metric> metrics {
        { "mysql_up", "Whether the server answered the last poll.",
            [](const StatusSample& s) { return flag(s.reachable); } },
        { "mysql_slave_status_slave_io_running", "Whether the replica's IO thread runs (Slave_IO_Running).",
            replica([](const ReplicaStatus& r) { return flag(r.ioRunning); }) },
        { "mysql_slave_status_slave_sql_running",
            "Whether the replica's SQL thread runs (Slave_SQL_Running).",
            replica([](const ReplicaStatus& r) { return flag(r.sqlRunning); }) },
        { "mysql_slave_status_seconds_behind_master",
            "Seconds_Behind_Master; absent while the server says NULL.", replica([](const ReplicaStatus& r) {
                return r.secondsBehind ? std::optional<double>(double(*r.secondsBehind)) : std::nullopt;
            }) },
        { "mysql_slave_status_sql_delay", "SQL_Delay (MASTER_DELAY) in seconds.",
            replica([](const ReplicaStatus& r) {
                return r.sqlDelay ? std::optional<double>(double(*r.sqlDelay)) : std::nullopt;
            }) },
        { "mysql_slave_status_last_io_errno", "Last_IO_Errno.",
            replica([](const ReplicaStatus& r) { return std::optional<double>(r.lastIoErrno); }) },
        { "mysql_slave_status_last_sql_errno", "Last_SQL_Errno.",
            replica([](const ReplicaStatus& r) { return std::optional<double>(r.lastSqlErrno); }) },
        { "mysql_slave_status_read_master_log_pos", "Read_Master_Log_Pos.",
            replica(
                [](const ReplicaStatus& r) { return std::optional<double>(double(r.readSourceLogPos)); }) },
        { "mysql_slave_status_exec_master_log_pos", "Exec_Master_Log_Pos.",
            replica(
                [](const ReplicaStatus& r) { return std::optional<double>(double(r.execSourceLogPos)); }) },
        { "mysql_slave_status_relay_log_space", "Relay_Log_Space in bytes.",
            replica([](const ReplicaStatus& r) { return std::optional<double>(double(r.relayLogSpace)); }) },
        { "mysql_global_variables_read_only", "@@global.read_only: 1 when the application cannot write here.",
            [](const StatusSample& s) { return s.reachable ? flag(s.readOnly) : std::nullopt; } },
        { "replipair_writer",
            "1 for the server the profile names the writer (both in two-writer mode), 0 for the read-only "
            "one.",
            [](const StatusSample& s) {
                return s.role.isEmpty() ? std::nullopt : flag(s.role == QLatin1String("writer"));
            } },
        { "replipair_replication_tls_encrypted",
            "1 when this replica's link to its source is encrypted (Master_SSL_Allowed).",
            replica([](const ReplicaStatus& r) {
                return r.tlsEncrypted ? flag(*r.tlsEncrypted) : std::nullopt;
            }) },
        { "replipair_replication_tls_verified",
            "1 when this replica checks its source's certificate (Master_SSL_Verify_Server_Cert).",
            replica([](const ReplicaStatus& r) {
                return r.tlsVerified ? flag(r.tlsEncrypted.value_or(false) && *r.tlsVerified) : std::nullopt;
            }) },
        { "replipair_tls_certificate_expiry_seconds",
            "Seconds until this server's TLS certificate expires (Ssl_server_not_after); negative once "
            "expired.",
            [](const StatusSample& s) -> std::optional<double> {
                if (!s.reachable || !s.certificateNotAfter.isValid())
                    return std::nullopt;
                return double(QDateTime::currentDateTimeUtc().secsTo(s.certificateNotAfter));
            } },
        { "replipair_heartbeat_lag_seconds",
            "Delay of the monitor's own heartbeat from the peer to this server, measured at its apply.",
            [](const StatusSample& s) { return s.reachable ? s.heartbeatLag : std::nullopt; } },
    };
    QByteArray out;
    for (const Metric& m : metrics) {
        out += QByteArray("# HELP ") + m.name + ' ' + m.help + '\n';
        out += QByteArray("# TYPE ") + m.name + " gauge\n";
        for (const Entry& e : entries) {
            const std::optional<double> v = m.value(e.sample);
            if (!v)
                continue;
            out += QByteArray(m.name) + "{pair=\"" + labelValue(e.pair) + "\",server=\""
                + labelValue(e.sample.server) + "\"} " + number(*v) + '\n';
        }
    }
    return out;
}

std::optional<QString> PrometheusExposition::writeFile(const QString& path, const QByteArray& text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return file.errorString();
    return std::nullopt;
}
