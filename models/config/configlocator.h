#pragma once

#include "host/hostshell.h"
#include "host/optionfiletree.h"
#include "host/serverprocess.h"
#include "sql/dialect.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/** `configFile: "auto"`: finds the option file a running mysqld/mariadbd really reads — its command line
 *  first (--defaults-file, --defaults-extra-file), else the server binary's default search order. */
class ConfigLocator
{
    Q_DECLARE_TR_FUNCTIONS(ConfigLocator)
public:
    struct Location
    {
        QString mainFile; ///< the file to edit, or whose !includedir to put a drop-in into
        QString reason; ///< how it was found, in words, for the plan and the log
        QStringList readOrder; ///< every existing option file the server reads, includes followed, in order
        QString groupSuffix; ///< --defaults-group-suffix: settings then also go to [mysqld<suffix>]
        QStringList warnings; ///< e.g. other servers on the host read the same files
        OptionFileTree files; ///< every option file read on the way (one remote call), for OptionFiles::read
        QStringList includeDirs; ///< every !includedir folder of those files that exists
    };
    /** What the server's command line says about option files. */
    struct CommandLineFiles
    {
        QString defaultsFile;
        QString extraFile;
        QString groupSuffix;
        bool noDefaults = false;
    };
    /** An `!include file` or `!includedir dir` line. */
    struct Include
    {
        bool directory = false;
        QString path;
    };

    ConfigLocator(HostShell& shell, QString serverName);

    Result<Location> locate(const ServerProcess::Hint& hint, Flavor flavor);
    Result<Location> locate(const ServerProcess& process, Flavor flavor);

    /** The one remote call locate() starts with for a hint with a pid file: the server process it names
     *  and, when its command line names option files (--defaults-file, --defaults-extra-file), those files
     *  with all they include. Empty without a pid file. */
    static QString lookupCommand(const ServerProcess::Hint& hint);
    /** What lookupCommand() printed: the process (when found) and the option files read. */
    static std::optional<ServerProcess> parseLookup(const QByteArray& printed, OptionFileTree* tree);
    static CommandLineFiles commandLineFiles(const QStringList& args);
    /** The list after "Default options are read from the following files in the given order:" of
     *  `mysqld --help --verbose`; empty when absent. */
    static QStringList parseDefaultFilesHelp(const QString& helpText);
    /** The usual order when the binary cannot tell: /etc/my.cnf, /etc/mysql/my.cnf (+ MySQL's SYSCONFDIR). */
    static QStringList defaultSearchOrder(Flavor flavor);
    /** !include / !includedir lines of an option file; relative paths resolved against @p fileDir. */
    static QList<Include> includes(const QByteArray& content, const QString& fileDir);

private:
    Result<QStringList> searchOrder(const ServerProcess& process, Flavor flavor);
    void follow(const QString& file, QStringList& order, int depth);
    Result<bool> exists(const QString& file);

    OptionFileTree m_tree; ///< read in one call before following the includes
    bool m_treeRead = false; ///< m_tree came with the process lookup
    QStringList m_includeDirs; ///< the !includedir folders follow() listed

    HostShell& m_shell;
    QString m_server;
};
