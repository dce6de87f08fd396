#include "config/configfilerules.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "config/configlocator.h"
#include "config/configplan.h"
#include "config/mycnf.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

std::optional<QString> ConfigFileRules::placement(const QString& path, const QStringList& readOrder,
    const QStringList& includeDirs, const QMap<QString, QString>& realPath)
{
    const auto real = [&realPath](const QString& p) { return realPath.value(p, QDir::cleanPath(p)); };
    const QString file = real(path);
    for (const QString& read : readOrder)
        if (QDir::cleanPath(read) == QDir::cleanPath(path) || real(read) == file)
            return std::nullopt;
    const QString folder = QFileInfo(file).path();
    for (const QString& dir : includeDirs) {
        if (real(dir) != folder && QDir::cleanPath(dir) != QFileInfo(QDir::cleanPath(path)).path())
            continue;
        if (!path.endsWith(QLatin1String(".cnf")))
            return ConfigFileRules::tr(
                "%1 is in the !includedir folder %2, but the server reads only the *.cnf "
                "files there")
                .arg(path, dir);
        return std::nullopt; // a new drop-in: the server reads it from its next start
    }
    return ConfigFileRules::tr("%1 is not one of the option files the server reads (%2), nor a new *.cnf "
                               "file in one of its !includedir folders (%3)")
        .arg(path, readOrder.isEmpty() ? ConfigFileRules::tr("none") : readOrder.join(QStringLiteral(", ")),
            includeDirs.isEmpty() ? ConfigFileRules::tr("none") : includeDirs.join(QStringLiteral(", ")));
}

std::optional<QString> ConfigFileRules::content(const QByteArray& content)
{
    if (content.contains('\0'))
        return ConfigFileRules::tr("it holds binary data, not the text of an option file");
    static const QRegularExpression group(QStringLiteral("^\\[\\s*[A-Za-z0-9_.-]+\\s*\\]\\s*([#;].*)?$"));
    static const QRegularExpression option(
        QStringLiteral("^[A-Za-z0-9_.-]+\\s*(=.*|\\s+[#;].*)?$")); // name, name = value, name # comment
    bool inGroup = false;
    int number = 0;
    for (const QByteArray& raw : content.split('\n')) {
        ++number;
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1String("!include ")) || line.startsWith(QLatin1String("!includedir ")))
            continue;
        if (group.match(line).hasMatch()) {
            inGroup = true;
            continue;
        }
        const QString shown = line.left(60);
        if (!option.match(line).hasMatch())
            return ConfigFileRules::tr("line %1 (\"%2\") is neither a [group], an option (name = value), a "
                                       "comment nor an !include line")
                .arg(number)
                .arg(shown);
        if (!inGroup)
            return ConfigFileRules::tr("line %1 (\"%2\") is an option outside any [group]")
                .arg(number)
                .arg(shown);
    }
    return std::nullopt;
}

Result<void> ConfigFileRules::check(HostShell& shell, const QString& server, const QString& path,
    const ServerProcess::Hint& hint, Flavor flavor)
{
    const auto refuse = [&](const QString& why) {
        return stepFailure(server, StepId::ReadConfig,
            ConfigFileRules::tr("\"configFile\" %1 is refused: %2 — nothing was changed").arg(path, why));
    };
    if (hint.pid == 0 && hint.pidFile.isEmpty() && hint.dataDir.isEmpty() && hint.port == 0)
        return checkForDownServer(shell, server, path);
    auto location = ConfigLocator(shell, server).locate(hint, flavor);
    if (!location)
        return refuse(
            ConfigFileRules::tr("the files the server reads could not be found out, so it cannot be checked "
                                "against them (%1)")
                .arg(location.error().text));
    auto problem = placement(path, location->readOrder, location->includeDirs);
    if (problem) {
        // written as a link's target (or through a link)? Resolve every path in one call
        QStringList all = QStringList { path } + location->readOrder + location->includeDirs;
        QStringList quoted;
        for (const QString& p : all)
            quoted << Shell::quote(p);
        auto r = shell.run(QStringLiteral("for p in %1; do r=$(readlink -f -- \"$p\" 2>/dev/null) || r=; "
                                          "printf '%s\\n' \"$r\"; done")
                               .arg(quoted.join(QLatin1Char(' '))),
            30000);
        if (r && r->exitCode == 0) {
            const QList<QByteArray> lines = r->out.split('\n');
            QMap<QString, QString> real;
            for (qsizetype i = 0; i < all.size() && i < lines.size(); ++i)
                if (!lines.at(i).isEmpty())
                    real.insert(all.at(i), QDir::cleanPath(QString::fromUtf8(lines.at(i))));
            problem = placement(path, location->readOrder, location->includeDirs, real);
        }
    }
    if (problem)
        return refuse(*problem);
    auto present
        = location->files.exists(path) ? Result<bool>(*location->files.exists(path)) : shell.exists(path);
    if (!present)
        return std::unexpected(present.error());
    if (!*present)
        return {};
    auto bytes
        = location->files.file(path) ? Result<QByteArray>(*location->files.file(path)) : shell.readFile(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    if (const auto foreign = content(*bytes))
        return refuse(ConfigFileRules::tr("it does not look like an option file: %1").arg(*foreign));
    return {};
}

Result<void> ConfigFileRules::checkForDownServer(HostShell& shell, const QString& server, const QString& path)
{
    const auto refuse = [&](const QString& why) {
        return stepFailure(server, StepId::ReadConfig,
            ConfigFileRules::tr("\"configFile\" %1 is refused: %2 — nothing was changed").arg(path, why));
    };
    auto bytes = shell.readFile(path);
    if (!bytes)
        return refuse(
            ConfigFileRules::tr("the server is down, so the files it reads cannot be found out, and "
                                "the file cannot be read either (%1)")
                .arg(bytes.error().text));
    if (const auto foreign = content(*bytes))
        return refuse(ConfigFileRules::tr("it does not look like an option file: %1").arg(*foreign));
    // with no server to ask which files it reads, only a file RepliPair already wrote while the server ran
    // (and the checks above passed) is one it is known to read
    bool ours = bytes->startsWith("# Written by RepliPair") || bytes->contains(MyCnf::kBlockBegin.toUtf8())
        || bytes->contains(MyCnf::kDisabledPrefix.toUtf8());
    // or it includes the folder of RepliPair's drop-in
    for (const QByteArray& raw : bytes->split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (ours || !line.startsWith(QLatin1String("!includedir")))
            continue;
        const QString dir = line.mid(int(qstrlen("!includedir"))).trimmed();
        if (auto there = shell.exists(QDir(dir).filePath(ConfigPlanner::dropInName())); there && *there)
            ours = true;
    }
    if (!ours)
        return refuse(
            ConfigFileRules::tr("the server is down, so the files it reads cannot be found out, and "
                                "this file holds no settings RepliPair wrote while it ran; start "
                                "the server, or name the file setup wrote"));
    return {};
}
