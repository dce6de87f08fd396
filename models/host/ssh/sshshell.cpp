#include "host/ssh/sshshell.h"

#include "common/shellquote.h"
#include "common/stepid.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
QString trimmedText(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes).trimmed();
}

/** A glob for sh: '*' and '?' stay wildcards, everything else is taken literally. */
std::optional<QString> shellGlob(const QString& glob)
{
    QString out;
    for (QChar c : glob) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('/'))
            return std::nullopt;
        if (c.isLetterOrNumber() || c == QLatin1Char('*') || c == QLatin1Char('?'))
            out += c;
        else
            out += QLatin1Char('\\') + c;
    }
    return out;
}
} // namespace

SshShell::SshShell(QString serverName, const SshEndpoint& endpoint)
    : m_server(std::move(serverName))
    , m_endpoint(endpoint)
    , m_session(std::make_unique<SshSession>(m_server, endpoint))
{ }

Result<std::unique_ptr<SshShell>> SshShell::open(
    const QString& serverName, const SshEndpoint& endpoint, int connectTimeoutMs)
{
    std::unique_ptr<SshShell> shell(new SshShell(serverName, endpoint));
    shell->m_connectTimeoutMs = connectTimeoutMs;
    if (auto opened = shell->openSession(); !opened)
        return std::unexpected(opened.error());
    // sudo -n is asked now too: while the shell is opened in the background, not on the first command
    if (endpoint.sudo)
        if (auto sudo = shell->checkSudo(); !sudo)
            return std::unexpected(sudo.error());
    return shell;
}

Result<SshHostKey> SshShell::probeHostKey(const SshEndpoint& endpoint, int timeoutMs)
{
    return SshSession::probeHostKey(endpoint, timeoutMs);
}

QString SshShell::describe() const
{
    return m_endpoint.sudo ? SshShell::tr("%1 (sudo)").arg(m_session->describe()) : m_session->describe();
}

StepError SshShell::failure(const QString& step, const QString& text) const
{
    return StepError { m_server, step, 0, text };
}

Result<void> SshShell::openSession()
{
    if (auto opened = m_session->open(m_connectTimeoutMs); !opened)
        return opened;
    if (const auto& key = m_session->addedHostKey())
        m_notices << HostNotice { QStringLiteral("host-key-added"),
            SshShell::tr("%1 was not a known host: its key %2 (%3) was added to %4 (\"acceptNewHostKey\")")
                .arg(m_session->describe(), key->fingerprint, key->type,
                    KnownHosts(m_endpoint, m_server).path()) };
    return {};
}

QList<HostNotice> SshShell::takeNotices()
{
    return std::exchange(m_notices, {});
}

Result<void> SshShell::checkSudo()
{
    if (m_sudoChecked)
        return {};
    auto r = m_session->exec(QStringLiteral("sudo -n true"), {}, m_fileTimeoutMs, StepId::Sudo);
    if (!r)
        return std::unexpected(r.error());
    const QString said = trimmedText(r->err);
    if (r->exitCode == 127 || said.contains(QLatin1String("not found")))
        return std::unexpected(failure(StepId::Sudo,
            SshShell::tr("the profile asks for \"sudo\": true, but sudo is not installed on %1")
                .arg(m_session->describe())));
    if (r->exitCode != 0)
        return std::unexpected(failure(StepId::Sudo,
            SshShell::tr("sudo on %1 would ask %2 for a password, and RepliPair never types one (sudo -n "
                         "said: \"%3\"). "
                         "Give %2 a NOPASSWD sudo rule for the commands RepliPair runs, or log in as a user "
                         "that needs no sudo.")
                .arg(m_session->describe(), m_endpoint.user, said)));
    m_sudoChecked = true;
    return {};
}

Result<QString> SshShell::shellCommand(const QString& body)
{
    if (!m_session->isOpen()) {
        // the host dropped the session between two steps (sshd restart, network): one fresh attempt
        if (auto reopened = openSession(); !reopened)
            return std::unexpected(reopened.error());
    }
    if (m_endpoint.sudo) {
        if (auto sudo = checkSudo(); !sudo)
            return std::unexpected(sudo.error());
    }
    return (m_endpoint.sudo ? QStringLiteral("sudo -n /bin/sh -c ") : QStringLiteral("/bin/sh -c "))
        + Shell::quote(body);
}

Result<CommandResult> SshShell::script(
    const QString& step, const QString& body, const QByteArray& stdinData, int timeoutMs)
{
    auto command = shellCommand(body);
    if (!command)
        return std::unexpected(command.error());
    return m_session->exec(*command, stdinData, timeoutMs, step);
}

Result<CommandResult> SshShell::stream(const QString& command, const CommandStream& ends)
{
    auto line = shellCommand(command);
    if (!line)
        return std::unexpected(line.error());
    return m_session->stream(*line, ends, StepId::RunCommand);
}

Result<bool> SshShell::exists(const QString& path)
{
    auto r = script(StepId::FileExists,
        QStringLiteral("f=%1; if [ -e \"$f\" ] || [ -L \"$f\" ]; then exit 0; else exit 1; fi")
            .arg(Shell::quote(path)),
        {}, m_fileTimeoutMs);
    if (!r)
        return std::unexpected(r.error());
    if (r->exitCode != 0 && r->exitCode != 1)
        return std::unexpected(failure(StepId::FileExists,
            SshShell::tr("cannot check whether %1 exists on %2: %3")
                .arg(path, describe(), trimmedText(r->err))));
    return r->exitCode == 0;
}

Result<QByteArray> SshShell::readFile(const QString& path)
{
    auto r = script(
        StepId::ReadFile, QStringLiteral("exec cat -- %1").arg(Shell::quote(path)), {}, m_fileTimeoutMs);
    if (!r)
        return std::unexpected(r.error());
    if (r->exitCode != 0)
        return std::unexpected(failure(StepId::ReadFile,
            SshShell::tr("cannot read %1 on %2: %3").arg(path, describe(), trimmedText(r->err))));
    return r->out;
}

Result<QStringList> SshShell::listDir(const QString& dir, const QString& glob)
{
    const auto pattern = shellGlob(glob);
    if (!pattern)
        return std::unexpected(
            failure(StepId::ListFolder, SshShell::tr("unusable file name pattern \"%1\"").arg(glob)));
    auto r = script(StepId::ListFolder,
        QStringLiteral("cd -- %1 2>/dev/null || exit 3\n"
                       "for f in %2; do if [ -f \"$f\" ]; then printf '%s\\0' \"$f\"; fi; done\n"
                       "exit 0\n")
            .arg(Shell::quote(dir), *pattern),
        {}, m_fileTimeoutMs);
    if (!r)
        return std::unexpected(r.error());
    if (r->exitCode == 3)
        return std::unexpected(failure(StepId::ListFolder,
            SshShell::tr("folder %1 does not exist on %2 (or cannot be entered)").arg(dir, describe())));
    if (r->exitCode != 0)
        return std::unexpected(failure(StepId::ListFolder,
            SshShell::tr("cannot list %1 on %2: %3").arg(dir, describe(), trimmedText(r->err))));
    QStringList names;
    for (const QByteArray& name : r->out.split('\0'))
        if (!name.isEmpty())
            names << QString::fromUtf8(name);
    std::sort(names.begin(), names.end());
    return names;
}

Result<CommandResult> SshShell::run(const QString& command, int timeoutMs)
{
    if (const auto it = m_prefetched.constFind(command); it != m_prefetched.cend()) {
        const CommandResult done = *it;
        m_prefetched.erase(it);
        return done;
    }
    return script(StepId::RunCommand, command, {}, timeoutMs);
}

QString SshShell::batchScript(const QStringList& commands)
{
    // each command in a subshell of its own, all at the same time, their output in a private folder; then
    // each one's exit status and byte counts, followed by its output and its errors
    QString body = QStringLiteral("d=$(mktemp -d \"${TMPDIR:-/tmp}/replipair-batch.XXXXXX\") || exit 1\n"
                                  "trap 'rm -rf \"$d\"' EXIT\n");
    for (qsizetype i = 0; i < commands.size(); ++i)
        body += QStringLiteral("( ( %1\n) </dev/null >\"$d/o%2\" 2>\"$d/e%2\"; echo $? >\"$d/s%2\" ) &\n")
                    .arg(commands.at(i), QString::number(i));
    body += QStringLiteral("wait\n"
                           "i=0; while [ $i -lt %1 ]; do\n"
                           "  printf 'R %s %s %s %s\\n' $i \"$(cat \"$d/s$i\" 2>/dev/null || echo -1)\" "
                           "$(wc -c < \"$d/o$i\") $(wc -c < \"$d/e$i\")\n"
                           "  cat \"$d/o$i\" \"$d/e$i\"; i=$((i+1))\n"
                           "done\n")
                .arg(commands.size());
    return body;
}

QMap<int, CommandResult> SshShell::parseBatch(const QByteArray& out)
{
    QMap<int, CommandResult> results;
    qsizetype pos = 0;
    while (pos < out.size()) {
        const qsizetype nl = out.indexOf('\n', pos);
        if (nl < 0)
            break;
        const QList<QByteArray> head = out.mid(pos, nl - pos).split(' ');
        pos = nl + 1;
        if (head.size() != 5 || head.at(0) != "R")
            break;
        bool okIndex = false, okOut = false, okErr = false;
        const int index = head.at(1).toInt(&okIndex);
        const qsizetype outSize = head.at(3).toLongLong(&okOut);
        const qsizetype errSize = head.at(4).toLongLong(&okErr);
        if (!okIndex || !okOut || !okErr || outSize < 0 || errSize < 0
            || pos + outSize + errSize > out.size())
            break; // cut short: what came before stands, the rest runs on its own when asked
        CommandResult r;
        r.exitCode = head.at(2).toInt();
        r.out = out.mid(pos, outSize);
        r.err = out.mid(pos + outSize, errSize);
        pos += outSize + errSize;
        if (r.exitCode >= 0)
            results.insert(index, r);
    }
    return results;
}

void SshShell::prefetch(const QStringList& commands, int timeoutMs)
{
    if (commands.isEmpty())
        return;
    // a batch that fails keeps nothing: each command then runs on its own when asked, as without it
    auto r = script(StepId::RunCommand, batchScript(commands), {}, timeoutMs);
    if (!r || r->exitCode != 0)
        return;
    const QMap<int, CommandResult> results = parseBatch(r->out);
    for (auto it = results.cbegin(); it != results.cend(); ++it)
        if (it.key() >= 0 && it.key() < commands.size())
            m_prefetched.insert(commands.at(it.key()), it.value());
}
