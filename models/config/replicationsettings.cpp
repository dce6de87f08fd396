#include "config/replicationsettings.h"

#include <algorithm>

namespace {
QString normalise(const QString& value)
{
    const QString v = value.trimmed();
    if (v == QLatin1String("1") || v.compare(QLatin1String("ON"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("ON");
    if (v == QLatin1String("0") || v.compare(QLatin1String("OFF"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("OFF");
    return v.toUpper();
}

QString normaliseList(const QString& value)
{
    QStringList items = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString& i : items)
        i = i.trimmed();
    items.removeAll(QString());
    std::sort(items.begin(), items.end());
    items.removeDuplicates();
    return items.join(QLatin1Char(','));
}

DesiredSetting scalar(
    const Dialect& d, const QString& variable, const QString& value, const QString& cnfName = {})
{
    DesiredSetting s;
    s.variable = variable;
    s.value = value;
    QString name = cnfName.isEmpty() ? variable : cnfName;
    name.replace(QLatin1Char('_'), QLatin1Char('-'));
    s.cnfLines << QStringLiteral("%1 = %2").arg(name, value);
    s.dynamic = d.isDynamic(variable);
    return s;
}

DesiredSetting list(const Dialect& d, const QString& variable, const QStringList& values)
{
    DesiredSetting s;
    s.variable = variable;
    s.value = values.join(QLatin1Char(','));
    s.isList = true;
    QString name = variable;
    name.replace(QLatin1Char('_'), QLatin1Char('-'));
    for (const QString& v : values)
        s.cnfLines << QStringLiteral("%1 = %2").arg(name, v);
    s.dynamic = d.isDynamic(variable);
    return s;
}
} // namespace

QList<DesiredSetting> ReplicationSettings::filters(const Dialect& d, const PairProfile& pair)
{
    QList<DesiredSetting> out;
    if (pair.filterStyle == FilterStyle::DoDb) {
        out << list(d, QStringLiteral("binlog_do_db"), pair.databases);
        out << list(d, QStringLiteral("binlog_ignore_db"), pair.ignoreDatabases);
        out << list(d, QStringLiteral("replicate_do_db"), pair.databases);
        out << list(d, QStringLiteral("replicate_ignore_db"), pair.ignoreDatabases);
        return out;
    }
    // by the table's own database, whatever the default database (USE) was; the binary log keeps every
    // database (point-in-time recovery needs it). The do-db filters are emptied: they would still drop
    // statements made under another default database.
    // a wild pattern reads a backslash, % and _ in a database name as escape or wildcards: each is escaped,
    // so the pattern matches that one database only
    const auto tables = [](const QStringList& dbs) {
        QStringList patterns;
        for (QString db : dbs) {
            db.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
                .replace(QLatin1Char('%'), QLatin1String("\\%"))
                .replace(QLatin1Char('_'), QLatin1String("\\_"));
            patterns << db + QStringLiteral(".%");
        }
        return patterns;
    };
    // an option file reads "\\" as one backslash: the file needs each of the pattern's doubled
    const auto wild = [&](const QString& variable, const QStringList& patterns) {
        DesiredSetting s = list(d, variable, patterns);
        for (QString& line : s.cnfLines) {
            const qsizetype eq = line.indexOf(QLatin1String(" = "));
            line = line.left(eq + 3) + line.mid(eq + 3).replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        }
        return s;
    };
    out << list(d, QStringLiteral("binlog_do_db"), {});
    out << list(d, QStringLiteral("binlog_ignore_db"), {});
    out << list(d, QStringLiteral("replicate_do_db"), {});
    out << list(d, QStringLiteral("replicate_ignore_db"), {});
    out << wild(QStringLiteral("replicate_wild_do_table"), tables(pair.databases));
    out << wild(QStringLiteral("replicate_wild_ignore_table"), tables(pair.ignoreDatabases));
    return out;
}

std::pair<qint64, qint64> ReplicationSettings::serverIds(qint64 a, qint64 b)
{
    const qint64 idA = a > 0 ? a : (b == 1 ? 2 : 1);
    const qint64 idB = (b > 0 && b != idA) ? b : idA + 1;
    return { idA, idB };
}

bool ReplicationSettings::useGtid(
    const PairProfile& pair, const ServerInspection& a, const ServerInspection& b)
{
    if (pair.gtid == GtidMode::Off)
        return false;
    const Dialect da(a.version), db(b.version);
    const bool capable = da.supportsGtid() && db.supportsGtid() && a.version.flavor == b.version.flavor;
    if (pair.gtid == GtidMode::On)
        return capable;
    if (!capable)
        return false;
    // auto: MariaDB always has GTIDs; MySQL only when gtid_mode is already ON on both
    if (a.version.flavor == Flavor::MariaDB)
        return true;
    return a.gtidMode.compare(QLatin1String("ON"), Qt::CaseInsensitive) == 0
        && b.gtidMode.compare(QLatin1String("ON"), Qt::CaseInsensitive) == 0;
}

QList<DesiredSetting> ReplicationSettings::compute(
    const PairProfile& pair, int index, const ServerInspection& self, const ServerInspection& peer, bool gtid)
{
    const Dialect d(self.version);
    const auto ids
        = index == 0 ? serverIds(self.serverId, peer.serverId) : serverIds(peer.serverId, self.serverId);
    QList<DesiredSetting> out;
    out << scalar(d, QStringLiteral("server_id"), QString::number(index == 0 ? ids.first : ids.second));
    if (!self.logBin) {
        DesiredSetting s = scalar(d, QStringLiteral("log_bin"), QStringLiteral("ON"));
        s.cnfLines = { QStringLiteral("log-bin = mysql-bin") };
        out << s;
    }
    const QString logReplica = d.logReplicaUpdatesVariable();
    DesiredSetting lru = scalar(d, logReplica, QStringLiteral("ON"));
    out << lru;
    out << scalar(d, QStringLiteral("sync_binlog"), QString::number(pair.syncBinlog));
    if (pair.autoIncrement) {
        out << scalar(d, QStringLiteral("auto_increment_increment"), QStringLiteral("2"));
        out << scalar(d, QStringLiteral("auto_increment_offset"), QString::number(index + 1));
    }
    if (!pair.binlogFormat.isEmpty())
        out << scalar(d, QStringLiteral("binlog_format"), pair.binlogFormat);
    out << filters(d, pair);
    if (gtid) {
        if (d.isMariaDb()) {
            out << scalar(d, QStringLiteral("gtid_domain_id"), QString::number(index + 1));
        } else {
            out << scalar(d, QStringLiteral("gtid_mode"), QStringLiteral("ON"));
            out << scalar(d, QStringLiteral("enforce_gtid_consistency"), QStringLiteral("ON"));
        }
    }
    // two writers (the default): read_only is left as it is
    if (pair.writerIndex() >= 0)
        out << writerRole(d, pair.writerIndex() == index);
    return out;
}

QList<DesiredSetting> ReplicationSettings::writerRole(const Dialect& d, bool takesWrites)
{
    const QString value = takesWrites ? QStringLiteral("OFF") : QStringLiteral("ON");
    QList<DesiredSetting> out { scalar(d, QStringLiteral("read_only"), value) };
    if (d.hasSuperReadOnly())
        out << scalar(d, QStringLiteral("super_read_only"), value);
    for (DesiredSetting& s : out)
        s.writerRole = true;
    return out;
}

bool ReplicationSettings::isEffective(const DesiredSetting& setting, const QMap<QString, QString>& variables)
{
    // a setting that cannot be read is not known to hold: a replication filter MySQL 5.7 does not show
    // (no replica configured yet) is set again, which is harmless, rather than trusted blindly
    if (!variables.contains(setting.variable))
        return false;
    const QString current = variables.value(setting.variable);
    if (setting.isList)
        return normaliseList(current) == normaliseList(setting.value);
    return normalise(current) == normalise(setting.value);
}
