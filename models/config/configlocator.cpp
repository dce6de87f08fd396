#include "config/configlocator.h"

#include "common/shellquote.h"
#include "common/stepid.h"

#include <QCoreApplication>
#include <QDir>

ConfigLocator::ConfigLocator(HostShell& shell, QString serverName)
    : m_shell(shell)
    , m_server(std::move(serverName))
{ }

ConfigLocator::CommandLineFiles ConfigLocator::commandLineFiles(const QStringList& args)
{
    CommandLineFiles f;
    f.defaultsFile = ServerProcess::optionValue(args, QStringLiteral("defaults-file"));
    f.extraFile = ServerProcess::optionValue(args, QStringLiteral("defaults-extra-file"));
    f.groupSuffix = ServerProcess::optionValue(args, QStringLiteral("defaults-group-suffix"));
    ServerProcess::optionValue(args, QStringLiteral("no-defaults"), &f.noDefaults);
    return f;
}

QStringList ConfigLocator::parseDefaultFilesHelp(const QString& helpText)
{
    const QStringList lines = helpText.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i + 1 < lines.size(); ++i)
        if (lines.at(i).startsWith(QLatin1String("Default options are read from the following files")))
            return lines.at(i + 1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return {};
}

QStringList ConfigLocator::defaultSearchOrder(Flavor flavor)
{
    if (flavor == Flavor::MariaDB)
        return { QStringLiteral("/etc/my.cnf"), QStringLiteral("/etc/mysql/my.cnf"),
            QStringLiteral("~/.my.cnf") };
    return { QStringLiteral("/etc/my.cnf"), QStringLiteral("/etc/mysql/my.cnf"),
        QStringLiteral("/usr/etc/my.cnf"), QStringLiteral("~/.my.cnf") };
}

QList<ConfigLocator::Include> ConfigLocator::includes(const QByteArray& content, const QString& fileDir)
{
    QList<Include> out;
    for (const QByteArray& raw : content.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        Include inc;
        QString rest;
        if (line.startsWith(QLatin1String("!includedir"))) {
            inc.directory = true;
            rest = line.mid(11);
        } else if (line.startsWith(QLatin1String("!include"))) {
            rest = line.mid(8);
        } else {
            continue;
        }
        if (rest.isEmpty() || !rest.at(0).isSpace())
            continue; // "!includedirs" or similar: not a directive
        inc.path = rest.trimmed();
        if (inc.path.isEmpty())
            continue;
        if (!QDir::isAbsolutePath(inc.path))
            inc.path = QDir(fileDir).filePath(inc.path);
        inc.path = QDir::cleanPath(inc.path);
        out << inc;
    }
    return out;
}

void ConfigLocator::follow(const QString& file, QStringList& order, int depth)
{
    if (depth > 10 || order.contains(file))
        return;
    // the tree read in one call has it; only what it missed costs a remote call of its own
    auto content = m_tree.file(file) ? Result<QByteArray>(*m_tree.file(file)) : m_shell.readFile(file);
    if (!content)
        return;
    order << file;
    for (const Include& inc : includes(*content, file.section(QLatin1Char('/'), 0, -2))) {
        if (!inc.directory) {
            follow(inc.path, order, depth + 1);
            continue;
        }
        auto names = m_tree.cnfNames(inc.path) ? Result<QStringList>(*m_tree.cnfNames(inc.path))
                                               : m_shell.listDir(inc.path, QStringLiteral("*.cnf"));
        if (!names)
            continue;
        if (!m_includeDirs.contains(inc.path))
            m_includeDirs << inc.path;
        for (const QString& n : *names)
            follow(QDir(inc.path).filePath(n), order, depth + 1);
    }
}

Result<bool> ConfigLocator::exists(const QString& file)
{
    if (const auto known = m_tree.exists(file))
        return *known;
    return m_shell.exists(file);
}

Result<QStringList> ConfigLocator::searchOrder(const ServerProcess& process, Flavor flavor)
{
    // the binary itself knows its compiled-in order best
    if (!process.program().isEmpty()) {
        auto help = m_shell.run(
            QStringLiteral("b=$(readlink /proc/%1/exe 2>/dev/null) || b=%2; "
                           "\"$b\" --no-defaults --help --verbose 2>/dev/null | grep -A1 '^Default options'")
                .arg(QString::number(process.pid()), Shell::quote(process.program())),
            30000);
        if (help && help->exitCode == 0) {
            const QStringList files = parseDefaultFilesHelp(QString::fromLocal8Bit(help->out));
            if (!files.isEmpty())
                return files;
        }
    }
    return defaultSearchOrder(flavor);
}

QString ConfigLocator::lookupCommand(const ServerProcess::Hint& hint)
{
    const QString find = ServerProcess::pidFileScript(hint);
    if (find.isEmpty())
        return {};
    // the option files on the process's command line become the read script's arguments
    return find
        + QStringLiteral(
            "\n[ -n \"$p\" ] || exit 0\n"
            "echo T\n"
            "set --\n"
            "while IFS= read -r a; do\n"
            "  case $a in --defaults-file=*|--defaults-extra-file=*) set -- \"$@\" \"${a#*=}\";; esac\n"
            "done <<EOF\n"
            "$(tr '\\000' '\\n' < \"/proc/$p/cmdline\" 2>/dev/null)\n"
            "EOF\n")
        + OptionFileTree::readScript();
}

std::optional<ServerProcess> ConfigLocator::parseLookup(const QByteArray& printed, OptionFileTree* tree)
{
    auto process = ServerProcess::fromPidFileScript(printed);
    const qsizetype marker = printed.indexOf("\nT\n");
    if (process && tree && marker >= 0)
        *tree = OptionFileTree::parse(printed.mid(marker + 3));
    return process;
}

Result<ConfigLocator::Location> ConfigLocator::locate(const ServerProcess::Hint& hint, Flavor flavor)
{
    // the process and its option files in one remote call (served without one when setup's inspection
    // already had it run, see ServerContext::prefetchOnHost)
    m_treeRead = false;
    if (const QString lookup = lookupCommand(hint); !lookup.isEmpty())
        if (auto r = m_shell.run(lookup, 30000); r && r->exitCode == 0)
            if (auto found = parseLookup(r->out, &m_tree)) {
                m_treeRead = !m_tree.isEmpty();
                return locate(*found, flavor);
            }
    auto process = ServerProcess::find(m_shell, hint, m_server);
    if (!process)
        return std::unexpected(process.error());
    return locate(*process, flavor);
}

Result<ConfigLocator::Location> ConfigLocator::locate(const ServerProcess& process, Flavor flavor)
{
    const CommandLineFiles cmd = commandLineFiles(process.arguments());
    Location loc;
    loc.groupSuffix = cmd.groupSuffix;
    if (cmd.noDefaults)
        return stepFailure(m_server, StepId::Config,
            ConfigLocator::tr(
                "the server (%1) was started with --no-defaults: it reads no option file, so its settings "
                "can only change on its command line. Set \"configFile\" in the profile if you know better.")
                .arg(process.describe()));
    if (!cmd.defaultsFile.isEmpty()) {
        // --defaults-file: that file and nothing else
        loc.mainFile = cmd.defaultsFile;
        loc.reason = ConfigLocator::tr("--defaults-file on the command line of %1").arg(process.describe());
        if (!m_treeRead || !m_tree.exists(loc.mainFile))
            if (auto tree = OptionFileTree::read(m_shell, { loc.mainFile }))
                m_tree = *tree;
        follow(loc.mainFile, loc.readOrder, 0);
        loc.files = m_tree;
        loc.includeDirs = m_includeDirs;
        if (loc.readOrder.isEmpty())
            return stepFailure(m_server, StepId::Config,
                ConfigLocator::tr("the server reads %1 (%2), but it cannot be read on %3")
                    .arg(loc.mainFile, loc.reason, m_shell.describe()));
        return loc;
    }

    auto order = searchOrder(process, flavor);
    if (!order)
        return std::unexpected(order.error());
    QStringList candidates;
    for (const QString& f : *order)
        if (!f.startsWith(QLatin1Char('~'))) // the home of the account mysqld runs as: not where a
            candidates << f; // server's settings belong
    // every candidate and all it includes in one remote call
    if (auto tree = OptionFileTree::read(
            m_shell, cmd.extraFile.isEmpty() ? candidates : candidates + QStringList { cmd.extraFile }))
        m_tree = *tree;
    QStringList globals;
    for (const QString& f : std::as_const(candidates)) {
        const auto present = exists(f);
        if (present && *present) {
            globals << f;
            follow(f, loc.readOrder, 0);
        }
    }
    if (!cmd.extraFile.isEmpty()) {
        // read after the global files, so its values win; and it belongs to this server alone
        loc.mainFile = cmd.extraFile;
        loc.reason
            = ConfigLocator::tr("--defaults-extra-file on the command line of %1").arg(process.describe());
        follow(cmd.extraFile, loc.readOrder, 0);
        loc.files = m_tree;
        loc.includeDirs = m_includeDirs;
        return loc;
    }
    if (globals.isEmpty())
        return stepFailure(m_server, StepId::Config,
            ConfigLocator::tr(
                "the server (%1) has no --defaults-file and none of its default option files exists on %2 "
                "(%3). Set \"configFile\" in the profile.")
                .arg(process.describe(), m_shell.describe(), order->join(QLatin1String(", "))));
    loc.files = m_tree;
    loc.includeDirs = m_includeDirs;
    loc.mainFile = globals.last(); // read last, so its values (and its !includedir drop-ins) win
    loc.reason = globals.size() == 1
        ? ConfigLocator::tr("the default option file of %1 (it has no --defaults-file)")
              .arg(process.describe())
        : ConfigLocator::tr("the last of the default option files %1 of %2 (it has no --defaults-file)")
              .arg(globals.join(QLatin1String(", ")), process.describe());

    // other servers on this host without a file of their own read the very same files
    if (auto others = ServerProcess::all(m_shell, m_server)) {
        for (const ServerProcess& other : *others) {
            if (other.pid() == process.pid())
                continue;
            const CommandLineFiles o = commandLineFiles(other.arguments());
            if (o.defaultsFile.isEmpty() && o.extraFile.isEmpty() && !o.noDefaults)
                loc.warnings << ConfigLocator::tr("%1 also reads %2: a change there changes that server too")
                                    .arg(other.describe(), loc.mainFile);
        }
    }
    return loc;
}
