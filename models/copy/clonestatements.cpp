#include "copy/clonestatements.h"

#include "common/shellquote.h"
#include "copy/physicalcheck.h"
#include "sql/dialect.h"

#include <QRegularExpression>

QString CloneStatements::factsQuery()
{
    return QStringLiteral("SELECT (SELECT PLUGIN_STATUS FROM information_schema.PLUGINS WHERE PLUGIN_NAME = "
                          "'clone') AS clone_status, CONCAT(@@version_compile_os, '/', "
                          "@@version_compile_machine) AS platform");
}

QString CloneStatements::problem(const PhysicalServerFacts& source, const PhysicalServerFacts& target,
    const QString& from, const QString& to)
{
    const ServerVersion s = ServerVersion::parse(source.version), t = ServerVersion::parse(target.version);
    if (s.flavor == Flavor::MariaDB || t.flavor == Flavor::MariaDB)
        return tr("CLONE is MySQL's");
    if (!s.atLeast(8, 0, 17) || !t.atLeast(8, 0, 17))
        return tr("CLONE needs MySQL 8.0.17 or newer on both servers (%1 runs %2, %3 runs %4)")
            .arg(from, source.version, to, target.version);
    if (s.major != t.major || s.minor != t.minor || s.patch != t.patch)
        return tr("CLONE needs the same server version on both (%1 runs %2, %3 runs %4)")
            .arg(from, source.version, to, target.version);
    if (source.platform != target.platform)
        return tr("CLONE needs the same platform on both (%1 is %2, %3 is %4)")
            .arg(from, source.platform, to, target.platform);
    for (const auto& [facts, name] : { std::pair { &source, from }, std::pair { &target, to } })
        if (!facts->cloneActive)
            return tr("the clone plugin is not active on %1 (INSTALL PLUGIN clone SONAME 'mysql_clone.so')")
                .arg(name);
    return {};
}

QStringList CloneStatements::donorAccount(
    const Dialect& d, const QString& host, const QString& password, bool redact)
{
    const QString account = d.account(accountName(), host);
    return dropAccount(d, host) << QStringLiteral("CREATE USER %1 IDENTIFIED BY %2")
                                       .arg(account, redact ? QStringLiteral("'***'") : d.literal(password))
                                << QStringLiteral("GRANT BACKUP_ADMIN ON *.* TO %1").arg(account);
}

QStringList CloneStatements::recipientAccount(const Dialect& d, const QString& password, bool redact)
{
    const QString account = d.account(accountName(), QStringLiteral("localhost"));
    return dropAccount(d, QStringLiteral("localhost"))
        << QStringLiteral("CREATE USER %1 IDENTIFIED BY %2")
               .arg(account, redact ? QStringLiteral("'***'") : d.literal(password))
        << QStringLiteral("GRANT CLONE_ADMIN ON *.* TO %1").arg(account);
}

QStringList CloneStatements::dropAccount(const Dialect& d, const QString& host)
{
    return { d.dropUser(accountName(), host) };
}

QString CloneStatements::donorListQuery()
{
    return QStringLiteral("SELECT @@GLOBAL.clone_valid_donor_list AS donors");
}

QString CloneStatements::setDonorList(const Dialect& d, const QString& list)
{
    return QStringLiteral("SET GLOBAL clone_valid_donor_list = %1")
        .arg(list.isEmpty() ? QStringLiteral("NULL") : d.literal(list));
}

QString CloneStatements::cloneInstance(
    const Dialect& d, const QString& donorHost, int donorPort, const QString& password, bool redact)
{
    // the donor's address as 'host':port (no IPv6 literal: the manual asks for a name then)
    return QStringLiteral("CLONE INSTANCE FROM %1:%2 IDENTIFIED BY %3")
        .arg(d.account(accountName(), donorHost))
        .arg(donorPort)
        .arg(redact ? QStringLiteral("'***'") : d.literal(password));
}

QString CloneStatements::clientJob(const QString& dir)
{
    return QStringLiteral(
        "d=%1\n"
        "c=$(command -v mysql || command -v mariadb) || { echo \"no mysql client in the PATH\" >&2; "
        "exit 127; }\n"
        "exec \"$c\" --defaults-file=\"$d/clone.cnf\" --batch < \"$d/clone.sql\"\n")
        .arg(Shell::quote(dir));
}

int CloneStatements::clientError(const QByteArray& output)
{
    static const QRegularExpression re(QStringLiteral("ERROR (\\d+) \\("));
    QRegularExpressionMatch last;
    for (auto it = re.globalMatch(QString::fromUtf8(output)); it.hasNext();)
        last = it.next();
    return last.hasMatch() ? last.captured(1).toInt() : 0;
}

QString CloneStatements::runningCloneQuery()
{
    return QStringLiteral(
        "SELECT PID AS pid FROM performance_schema.clone_status WHERE STATE = 'In Progress'");
}

QString CloneStatements::statusQuery()
{
    return QStringLiteral(
        "SELECT STATE, ERROR_NO, ERROR_MESSAGE, BINLOG_FILE, BINLOG_POSITION, GTID_EXECUTED "
        "FROM performance_schema.clone_status");
}

std::optional<BinlogCoordinates> CloneStatements::coordinates(const SqlRow& status, QString* why)
{
    const QString state = status.value(QStringLiteral("STATE")).toString();
    if (state != QLatin1String("Completed")) {
        if (why)
            *why = status.isEmpty() ? tr("no clone was run")
                                    : tr("the clone is %1 (error %2: %3)")
                                          .arg(state, status.value(QStringLiteral("ERROR_NO")).toString(),
                                              status.value(QStringLiteral("ERROR_MESSAGE")).toString());
        return std::nullopt;
    }
    BinlogCoordinates c;
    c.file = status.value(QStringLiteral("BINLOG_FILE")).toString();
    c.position = status.value(QStringLiteral("BINLOG_POSITION")).toLongLong();
    // the donor's gtid_executed as the server prints it: "uuid:1-5,\nuuid2:1-7"
    c.gtid = status.value(QStringLiteral("GTID_EXECUTED"))
                 .toString()
                 .remove(QRegularExpression(QStringLiteral("\\s")));
    if (c.file.isEmpty()) {
        if (why)
            *why = tr("the clone carries no binary log coordinates (is the donor's binary log on?)");
        return std::nullopt;
    }
    return c;
}

QString CloneStatements::progressQuery()
{
    return QStringLiteral("SELECT STAGE, STATE, ESTIMATE, DATA FROM performance_schema.clone_progress");
}

CopyProgress CloneStatements::progress(const QList<SqlRow>& rows)
{
    CopyProgress p;
    p.phase = CopyProgress::Phase::Copy;
    p.byBytes = true;
    bool all = !rows.isEmpty();
    for (const SqlRow& r : rows) {
        p.bytes += r.value(QStringLiteral("DATA")).toLongLong();
        p.estimatedBytes += r.value(QStringLiteral("ESTIMATE")).toLongLong();
        all = all && r.value(QStringLiteral("STATE")).toString() == QLatin1String("Completed");
    }
    p.finished = all;
    return p;
}
