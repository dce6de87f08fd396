#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

struct PairProfile;

/** What a profile's values may hold, so that none of them can write into an option file, a shell
 *  command, an SQL statement or a line of output: names, host names and addresses, account names,
 *  environment variable names, paths and commands. Each check returns the problem, or nothing. */
class ProfileRules
{
    Q_DECLARE_TR_FUNCTIONS(ProfileRules)
public:
    static constexpr int MaxNameLength = 32;
    static constexpr int MaxKeychainEntryLength = 400;

    /** Pair and server names: 1 to 32 of the letters a–z, A–Z, the digits 0–9 and _ - . */
    static std::optional<QString> name(const QString& value);
    /** A host name (RFC 1123: labels of letters, digits and '-', at most 63 each, 253 in all), an IPv4
     *  address or an IPv6 address without brackets. */
    static std::optional<QString> host(const QString& value);
    /** The replication account's host: "peer", a host name or address, or a pattern of letters,
     *  digits and . - _ % : / (e.g. 10.0.0.%). */
    static std::optional<QString> accountHost(const QString& value);
    /** An account name (admin, replication, SSH user): 1 to 80 letters, digits and _ - . @ */
    static std::optional<QString> account(const QString& value);
    /** An environment variable's name: a letter or _, then letters, digits or _. */
    static std::optional<QString> environmentName(const QString& value);
    /** A path or a command: no control characters (a newline would start a new line). */
    static std::optional<QString> singleLine(const QString& value);
    /** "configFile": "auto", or an absolute path without "." or ".." components or control characters. */
    static std::optional<QString> optionFilePath(const QString& value);
    /** The name of an OS keychain entry ("sql:root@db1:3306"): 1 to 400 letters, digits and _ . @ : / - */
    static std::optional<QString> keychainEntry(const QString& value);
    /** A certificate, key or CA file: one line without ';' (it goes into the driver's option list)
     *  and without quotes (it goes into option files and commands). */
    static std::optional<QString> tlsFile(const QString& value);
    /** "restartTimeoutSeconds": 10 to 3600. */
    static std::optional<QString> restartTimeout(int seconds);
    static constexpr int MinRestartTimeoutSeconds = 10;
    static constexpr int MaxRestartTimeoutSeconds = 3600;
    /** Whether @p value holds a control character or a Unicode line or paragraph separator (U+2028,
     *  U+2029): anything that could start a new line where it is written. */
    static bool breaksLine(const QString& value);

    /** Every problem of @p profile's values, each as (where, what). */
    static QList<QPair<QString, QString>> check(const PairProfile& profile);
    /** The problems as lines "where: what"; empty when there are none. */
    static QString describe(const QList<QPair<QString, QString>>& problems);
    /** @p value with control characters shown as escapes (\n, \t, \u001b), safe to print in a line. */
    static QString printable(const QString& value);
};
