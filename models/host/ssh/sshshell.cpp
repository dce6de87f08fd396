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
    const QString& serverName, const SshEndpoint& endpoint, int connectTimeoutMs, bool checkSudoNow)
{
    std::unique_ptr<SshShell> shell(new SshShell(serverName, endpoint));
    shell->m_connectTimeoutMs = connectTimeoutMs;
    if (auto opened = shell->openSession(); !opened)
        return std::unexpected(opened.error());
    // sudo -n is asked now too: while the shell is opened in the background, not on the first command
    if (endpoint.sudo && checkSudoNow)
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

Result<QString> SshShell::shellCommand(const QString& body, bool checkSudoFirst)
{
    if (!m_session->isOpen()) {
        // the host dropped the session between two steps (sshd restart, network): one fresh attempt
        if (auto reopened = openSession(); !reopened)
            return std::unexpected(reopened.error());
    }
    if (m_endpoint.sudo && checkSudoFirst) {
        if (auto sudo = checkSudo(); !sudo)
            return std::unexpected(sudo.error());
    }
    return (m_endpoint.sudo ? QStringLiteral("sudo -n /bin/sh -c ") : QStringLiteral("/bin/sh -c "))
        + Shell::quote(body);
}

Result<CommandResult> SshShell::script(
    const QString& step, const QString& body, const QByteArray& stdinData, int timeoutMs, bool checkSudoFirst)
{
    auto command = shellCommand(body, checkSudoFirst);
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
    // each one's exit status (builtins only), the sizes of all outputs in one wc and all of them in one cat:
    // a fixed two processes after the commands (a loop of cat and wc per command cost four each, one after
    // the other, on the host's busiest moment of setup)
    QString body = QStringLiteral("d=$(mktemp -d \"${TMPDIR:-/tmp}/replipair-batch.XXXXXX\") || exit 1\n"
                                  "trap 'rm -rf \"$d\"' EXIT\n");
    QStringList files;
    for (qsizetype i = 0; i < commands.size(); ++i) {
        body += QStringLiteral("( ( %1\n) </dev/null >\"$d/o%2\" 2>\"$d/e%2\"; echo $? >\"$d/s%2\" ) &\n")
                    .arg(commands.at(i), QString::number(i));
        files << QStringLiteral("o%1 e%1").arg(i);
    }
    body += QStringLiteral(
        "wait\n"
        "cd \"$d\" || exit 1\n"
        "i=0; while [ $i -lt %1 ]; do\n"
        "  s=-1; { read -r s < \"s$i\"; } 2>/dev/null; printf 'S %s %s\\n' $i \"$s\"; i=$((i+1))\n"
        "done\n"
        "wc -c %2 || exit 1\n"
        "echo B\n"
        "cat %2 || exit 1\n"
        // the folder goes on its own: the answer does not wait for rm
        "cd / && trap - EXIT && { rm -rf \"$d\" </dev/null >/dev/null 2>&1 & }\n")
                .arg(commands.size())
                .arg(files.join(QLatin1Char(' ')));
    return body;
}

QMap<int, CommandResult> SshShell::parseBatch(const QByteArray& out)
{
    // all or nothing: a batch cut short or garbled keeps no result (each command then runs on its own)
    QMap<int, CommandResult> results;
    QMap<int, int> status;
    QList<std::pair<QByteArray, qsizetype>> sizes; // "o3" → bytes, in the order cat prints them
    qsizetype pos = 0;
    bool sized = false;
    while (pos < out.size()) {
        const qsizetype nl = out.indexOf('\n', pos);
        if (nl < 0)
            return {};
        const QList<QByteArray> f = out.mid(pos, nl - pos).simplified().split(' ');
        pos = nl + 1;
        if (f.size() == 1 && f.at(0) == "B") {
            sized = true;
            break;
        }
        bool okA = false, okB = false;
        if (f.size() == 3 && f.at(0) == "S") {
            const int index = f.at(1).toInt(&okA);
            const int code = f.at(2).toInt(&okB);
            if (!okA || !okB)
                return {};
            status.insert(index, code);
        } else if (f.size() == 2) {
            const qsizetype n = f.at(0).toLongLong(&okA);
            if (!okA || n < 0)
                return {};
            if (f.at(1) != "total")
                sizes.append({ f.at(1), n });
        } else {
            return {};
        }
    }
    if (!sized)
        return {};
    QMap<QByteArray, QByteArray> content;
    for (const auto& [name, n] : sizes) {
        if (pos + n > out.size())
            return {};
        content.insert(name, out.mid(pos, n));
        pos += n;
    }
    for (auto it = status.cbegin(); it != status.cend(); ++it) {
        const QByteArray o = "o" + QByteArray::number(it.key());
        const QByteArray e = "e" + QByteArray::number(it.key());
        if (it.value() < 0 || !content.contains(o) || !content.contains(e))
            continue; // did not run to its end: it runs on its own when asked
        results.insert(it.key(), CommandResult { it.value(), content.value(o), content.value(e) });
    }
    return results;
}

void SshShell::prefetch(const QStringList& commands, int timeoutMs)
{
    if (commands.isEmpty())
        return;
    // a batch that fails keeps nothing: each command then runs on its own when asked, as without it. sudo -n
    // not asked yet (a shell opened in the background): the batch runs through it anyway, so a batch that
    // ran proves it; a refusal is left to the next call, which asks sudo on its own and says why
    auto r = script(StepId::RunCommand, batchScript(commands), {}, timeoutMs, false);
    if (!r || r->exitCode != 0)
        return;
    const QMap<int, CommandResult> results = parseBatch(r->out);
    if (!results.isEmpty())
        m_sudoChecked = true;
    for (auto it = results.cbegin(); it != results.cend(); ++it)
        if (it.key() >= 0 && it.key() < commands.size())
            m_prefetched.insert(commands.at(it.key()), it.value());
}
