#pragma once

#include "host/hostshell.h"
#include "host/serverprocess.h"
#include "sql/dialect.h"

#include <QCoreApplication>
#include <QMap>
#include <QStringList>

#include <optional>

/** What a "configFile" set in the profile must be before RepliPair reads, shows or writes it: one of the
 *  option files the server actually reads (as ConfigLocator finds them), or a new *.cnf file in one of
 *  their !includedir folders, and, when it exists, a file that looks like an option file. */
class ConfigFileRules
{
    Q_DECLARE_TR_FUNCTIONS(ConfigFileRules)
public:
    /** Why @p path is not a file the server reads (nothing when it is): it must be in @p readOrder, or a
     *  *.cnf file not there yet in one of @p includeDirs. @p realPath maps paths to their targets (symlinks
     *  resolved), for a path written as the link's target. */
    static std::optional<QString> placement(const QString& path, const QStringList& readOrder,
        const QStringList& includeDirs, const QMap<QString, QString>& realPath = {});
    /** Why @p content is not an option file (nothing when it is one): each line blank, a comment, a
     *  [group], an !include(dir) line or an option (name, or name = value) below a group. */
    static std::optional<QString> content(const QByteArray& content);
    /** Both rules for @p path on the server's host: finds what the server reads (one remote call, plus
     *  one to resolve links when the path is not found as written) and reads the file when it exists. */
    static Result<void> check(HostShell& shell, const QString& server, const QString& path,
        const ServerProcess::Hint& hint, Flavor flavor);
    /** The rules when the server is down (@p hint empty: nothing tells which files it reads): the file must
     *  be an option file that already holds what RepliPair wrote (its drop-in or its marked block), as
     *  setup wrote it after checking it against the running server. A fence writes read_only there. */
    static Result<void> checkForDownServer(HostShell& shell, const QString& server, const QString& path);
};
