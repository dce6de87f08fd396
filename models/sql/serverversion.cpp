#include "sql/serverversion.h"

#include <QRegularExpression>

ServerVersion ServerVersion::parse(const QString& version)
{
    ServerVersion v;
    v.flavor
        = version.contains(QLatin1String("mariadb"), Qt::CaseInsensitive) ? Flavor::MariaDB : Flavor::MySQL;
    QString text = version;
    // MariaDB's replication handshake prefixes "5.5.5-" to its real version
    if (v.flavor == Flavor::MariaDB && text.startsWith(QLatin1String("5.5.5-")))
        text = text.mid(6);
    static const QRegularExpression re(QStringLiteral("^(\\d+)\\.(\\d+)\\.(\\d+)"));
    const auto m = re.match(text);
    if (m.hasMatch()) {
        v.major = m.captured(1).toInt();
        v.minor = m.captured(2).toInt();
        v.patch = m.captured(3).toInt();
    }
    return v;
}

bool ServerVersion::atLeast(int ma, int mi, int pa) const
{
    if (major != ma)
        return major > ma;
    if (minor != mi)
        return minor > mi;
    return patch >= pa;
}

QString ServerVersion::toString() const
{
    return QStringLiteral("%1 %2.%3.%4")
        .arg(flavor == Flavor::MariaDB ? QStringLiteral("MariaDB") : QStringLiteral("MySQL"))
        .arg(major)
        .arg(minor)
        .arg(patch);
}
