#include "common/profilerules.h"

#include "common/pairprofile.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace {
bool matches(const QString& pattern, const QString& value)
{
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    return re.match(value).hasMatch();
}

bool breaks(QChar c)
{
    return c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line
        || c.category() == QChar::Separator_Paragraph;
}
} // namespace

bool ProfileRules::breaksLine(const QString& value)
{
    for (const QChar c : value)
        if (breaks(c))
            return true;
    return false;
}

QString ProfileRules::printable(const QString& value)
{
    QString out;
    for (const QChar c : value) {
        if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\r'))
            out += QStringLiteral("\\r");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else if (breaks(c))
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

std::optional<QString> ProfileRules::name(const QString& value)
{
    if (matches(QStringLiteral("[A-Za-z0-9_.-]{1,%1}").arg(MaxNameLength), value))
        return std::nullopt;
    return tr("\"%1\" is not a valid name: use 1 to %2 of the letters a-z, A-Z, the digits 0-9 and _ - .")
        .arg(printable(value))
        .arg(MaxNameLength);
}

std::optional<QString> ProfileRules::host(const QString& value)
{
    if (value.isEmpty())
        return tr("the host must not be empty");
    QHostAddress address;
    if (!value.contains(QLatin1Char('[')) && address.setAddress(value)
        && (address.protocol() == QAbstractSocket::IPv4Protocol
            || address.protocol() == QAbstractSocket::IPv6Protocol)
        && !value.contains(QLatin1Char('%')))
        return std::nullopt;
    const QString label = QStringLiteral("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    // a name, not something that looks like a broken address (all-numeric labels are refused)
    if (value.size() <= 253 && matches(QStringLiteral("%1(\\.%1)*\\.?").arg(label), value)
        && !matches(QStringLiteral("[0-9.]+"), value))
        return std::nullopt;
    return tr("\"%1\" is not a host name (RFC 1123: letters, digits, '-' and dots, at most 253 characters), "
              "an IPv4 address or an IPv6 address without brackets")
        .arg(printable(value));
}

std::optional<QString> ProfileRules::accountHost(const QString& value)
{
    if (value == QLatin1String("peer") || !host(value))
        return std::nullopt;
    if (matches(QStringLiteral("[A-Za-z0-9._%:/-]{1,255}"), value))
        return std::nullopt;
    return tr("\"%1\" is not an account host: use \"peer\", a host name, an address or a pattern of letters, "
              "digits and . - _ % : /")
        .arg(printable(value));
}

std::optional<QString> ProfileRules::account(const QString& value)
{
    if (matches(QStringLiteral("[A-Za-z0-9_.@-]{1,80}"), value))
        return std::nullopt;
    return tr("\"%1\" is not an account name: use 1 to 80 letters, digits and _ - . @").arg(printable(value));
}

std::optional<QString> ProfileRules::environmentName(const QString& value)
{
    if (matches(QStringLiteral("[A-Za-z_][A-Za-z0-9_]{0,127}"), value))
        return std::nullopt;
    return tr("\"%1\" is not an environment variable name: a letter or _, then letters, digits or _")
        .arg(printable(value));
}

std::optional<QString> ProfileRules::singleLine(const QString& value)
{
    if (!breaksLine(value))
        return std::nullopt;
    return tr("\"%1\" holds a control character (such as a line break)").arg(printable(value));
}

std::optional<QString> ProfileRules::optionFilePath(const QString& value)
{
    if (value == QLatin1String("auto"))
        return std::nullopt;
    if (const auto line = singleLine(value))
        return line;
    if (!value.startsWith(QLatin1Char('/')))
        return tr("\"%1\" is not an absolute path (or \"auto\"): the option file must be named from /")
            .arg(value);
    for (const QString& part : value.split(QLatin1Char('/')))
        if (part == QLatin1String("..") || part == QLatin1String("."))
            return tr("\"%1\" holds a \"%2\" component: name the option file by its own path")
                .arg(value, part);
    if (value.endsWith(QLatin1Char('/')))
        return tr("\"%1\" names a folder, not an option file").arg(value);
    return std::nullopt;
}

std::optional<QString> ProfileRules::keychainEntry(const QString& value)
{
    if (matches(QStringLiteral("[A-Za-z0-9_.@:/-]{1,%1}").arg(MaxKeychainEntryLength), value))
        return std::nullopt;
    return tr("\"%1\" is not a keychain entry name: use 1 to %2 of the letters a-z, A-Z, the digits 0-9 and "
              "_ . @ : / - (like \"sql:root@db1:3306\")")
        .arg(printable(value.left(MaxKeychainEntryLength + 1)))
        .arg(MaxKeychainEntryLength);
}

std::optional<QString> ProfileRules::restartTimeout(int seconds)
{
    if (seconds >= MinRestartTimeoutSeconds && seconds <= MaxRestartTimeoutSeconds)
        return std::nullopt;
    return tr("%1 is not a restart timeout: give %2 to %3 seconds")
        .arg(seconds)
        .arg(MinRestartTimeoutSeconds)
        .arg(MaxRestartTimeoutSeconds);
}

std::optional<QString> ProfileRules::tlsFile(const QString& value)
{
    if (breaksLine(value) || value.contains(QLatin1Char(';')) || value.contains(QLatin1Char('\''))
        || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\\')))
        return tr("must be a path on one line without ; quotes or backslashes");
    return std::nullopt;
}

QList<QPair<QString, QString>> ProfileRules::check(const PairProfile& p)
{
    QList<QPair<QString, QString>> out;
    auto rule = [&out](const QString& where, const QString& key, const std::optional<QString>& problem) {
        if (problem)
            out << qMakePair(where, QStringLiteral("\"%1\": %2").arg(key, *problem));
    };
    auto optional = [&rule](const QString& where, const QString& key, const QString& value,
                        std::optional<QString> (*check)(const QString&)) {
        if (!value.isEmpty())
            rule(where, key, check(value));
    };
    const QString top = tr("profile");
    optional(top, QStringLiteral("name"), p.name, &ProfileRules::name);
    rule(top, QStringLiteral("replicationUser"), account(p.replicationUser));
    rule(top, QStringLiteral("replicationUserHost"), accountHost(p.replicationUserHost));
    // hook commands are run as they are written, but one command is one line
    const QString hooks = QStringLiteral("hooks");
    optional(hooks, QStringLiteral("beforeSwitch"), p.hooks.beforeSwitch, &ProfileRules::singleLine);
    optional(hooks, QStringLiteral("afterSwitch"), p.hooks.afterSwitch, &ProfileRules::singleLine);
    optional(hooks, QStringLiteral("rollback"), p.hooks.rollback, &ProfileRules::singleLine);
    for (const auto& [key, value] : { qMakePair(QStringLiteral("ca"), p.tls.files.ca),
             qMakePair(QStringLiteral("cert"), p.tls.files.cert),
             qMakePair(QStringLiteral("key"), p.tls.files.key) })
        optional(QStringLiteral("tls"), key, value, &ProfileRules::tlsFile);
    for (int i = 0; i < 2; ++i) {
        const ServerProfile& s = p.servers[i];
        const QString where = QStringLiteral("servers[%1]").arg(i);
        for (const auto& [key, value] : { qMakePair(QStringLiteral("ca"), s.hostTls.ca),
                 qMakePair(QStringLiteral("cert"), s.hostTls.cert),
                 qMakePair(QStringLiteral("key"), s.hostTls.key) })
            optional(where + QStringLiteral(".tls"), key, value, &ProfileRules::tlsFile);
        optional(where, QStringLiteral("name"), s.name, &ProfileRules::name);
        optional(where, QStringLiteral("host"), s.host, &ProfileRules::host);
        optional(where, QStringLiteral("peerHost"), s.peerHost, &ProfileRules::host);
        rule(where, QStringLiteral("adminUser"), account(s.adminUser));
        optional(
            where, QStringLiteral("adminPasswordEnv"), s.adminPasswordEnv, &ProfileRules::environmentName);
        optional(where, QStringLiteral("adminPasswordFile"), s.adminPasswordFile, &ProfileRules::singleLine);
        optional(where, QStringLiteral("adminPasswordKeychain"), s.adminPasswordKeychain,
            &ProfileRules::keychainEntry);
        optional(where, QStringLiteral("configFile"), s.configFile, &ProfileRules::optionFilePath);
        optional(where, QStringLiteral("restartCommand"), s.restartCommand, &ProfileRules::singleLine);
        rule(where, QStringLiteral("restartTimeoutSeconds"), restartTimeout(s.restartTimeoutSeconds));
        if (!s.hasSsh)
            continue;
        const QString ssh = where + QStringLiteral(".ssh");
        optional(ssh, QStringLiteral("host"), s.ssh.host, &ProfileRules::host);
        optional(ssh, QStringLiteral("user"), s.ssh.user, &ProfileRules::account);
        optional(ssh, QStringLiteral("keyFile"), s.ssh.keyFile, &ProfileRules::singleLine);
        optional(ssh, QStringLiteral("knownHostsFile"), s.ssh.knownHostsFile, &ProfileRules::singleLine);
        optional(ssh, QStringLiteral("passwordEnv"), s.ssh.passwordEnv, &ProfileRules::environmentName);
        optional(
            ssh, QStringLiteral("passwordKeychain"), s.ssh.passwordKeychain, &ProfileRules::keychainEntry);
        optional(
            ssh, QStringLiteral("keyPassphraseEnv"), s.ssh.keyPassphraseEnv, &ProfileRules::environmentName);
    }
    return out;
}

QString ProfileRules::describe(const QList<QPair<QString, QString>>& problems)
{
    QStringList lines;
    for (const auto& [where, what] : problems)
        lines << QStringLiteral("%1: %2").arg(where, what);
    return lines.join(QLatin1Char('\n'));
}
