#include "support/fakehostshell.h"

#include "common/stepid.h"

#include <QRegularExpression>

void FakeHostShell::addCommand(const QString& contains, const QByteArray& out, int exitCode)
{
    CommandResult r;
    r.exitCode = exitCode;
    r.out = out;
    commands << qMakePair(contains, r);
}

Result<bool> FakeHostShell::exists(const QString& path)
{
    if (files.contains(path))
        return true;
    const QString dir = path.endsWith(QLatin1Char('/')) ? path : path + QLatin1Char('/');
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        if (it.key().startsWith(dir))
            return true;
    return false;
}

Result<QByteArray> FakeHostShell::readFile(const QString& path)
{
    if (!files.contains(path))
        return stepFailure(
            QStringLiteral("fake"), QStringLiteral("read file"), QStringLiteral("no such file %1").arg(path));
    return files.value(path);
}

Result<void> FakeHostShell::checkWritable(const QString&)
{
    return {};
}

Result<void> FakeHostShell::writeFileAtomic(const QString& path, const QByteArray& content)
{
    files.insert(path, content);
    return {};
}

Result<void> FakeHostShell::copyFile(const QString& path, const QString& backupPath)
{
    files.insert(backupPath, files.value(path));
    return {};
}

Result<void> FakeHostShell::removeFile(const QString& path)
{
    files.remove(path);
    return {};
}

Result<QStringList> FakeHostShell::listDir(const QString& dir, const QString& glob)
{
    const QString prefix = dir.endsWith(QLatin1Char('/')) ? dir : dir + QLatin1Char('/');
    const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(glob));
    QStringList names;
    bool any = false;
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        any = true;
        const QString name = it.key().mid(prefix.size());
        if (!name.contains(QLatin1Char('/')) && re.match(name).hasMatch())
            names << name;
    }
    if (!any)
        return stepFailure(
            QStringLiteral("fake"), QStringLiteral("list folder"), QStringLiteral("no folder %1").arg(dir));
    names.sort();
    return names;
}

Result<CommandResult> FakeHostShell::run(const QString& command, int)
{
    ran << command;
    for (const auto& rule : commands)
        if (command.contains(rule.first))
            return rule.second;
    CommandResult none;
    none.exitCode = 127;
    none.err = "not found";
    return none;
}

Result<CommandResult> FakeHostShell::stream(const QString& command, const CommandStream& ends)
{
    if (ends.input) {
        QByteArray piece;
        for (CommandStream::Next n; (n = ends.input(piece)) != CommandStream::Next::End; piece.clear())
            if (ends.stopped && ends.stopped())
                return stepFailure(QString(), StepId::RunCommand, QStringLiteral("stopped"));
    }
    auto r = run(command, 0);
    if (r && ends.output && !r->out.isEmpty()) {
        if (!ends.output(r->out))
            return stepFailure(QString(), StepId::RunCommand, QStringLiteral("stopped"));
        r->out.clear();
    }
    return r;
}
