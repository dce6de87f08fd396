#include "host/hostshell.h"

#include "common/stepid.h"

Result<void> HostShell::stillAsRead(const FileReplacement& w)
{
    if (w.expect == FileReplacement::Expect::Anything)
        return {};
    auto present = exists(w.path);
    if (!present)
        return std::unexpected(present.error());
    QString problem;
    if (w.expect == FileReplacement::Expect::Absent) {
        if (*present)
            problem = HostShell::tr("%1 on %2 did not exist when the option files were read, but it does now "
                                    "(someone made it meanwhile): it was left as it is")
                          .arg(w.path, describe());
    } else {
        auto now = *present ? readFile(w.path) : Result<QByteArray>(QByteArray());
        if (!now)
            return std::unexpected(now.error());
        if (!*present || *now != w.expected)
            problem
                = HostShell::tr("%1 on %2 changed since it was read (someone edited it meanwhile): it was "
                                "left as it is")
                      .arg(w.path, describe());
    }
    if (problem.isEmpty())
        return {};
    return std::unexpected(StepError { {}, StepId::WriteFile, FileReplacement::ChangedSinceRead, problem });
}

Result<void> HostShell::replaceFile(const FileReplacement& w)
{
    if (auto same = stillAsRead(w); !same)
        return same;
    return writeFileAtomic(w.path, w.content);
}

Result<void> HostShell::copyThenWrite(const QList<QPair<QString, QString>>& copies,
    const QList<FileReplacement>& writes, int& copied, int& written)
{
    copied = written = 0;
    for (const FileReplacement& w : writes)
        if (auto same = stillAsRead(w); !same) {
            StepError e = same.error();
            if (e.code == FileReplacement::ChangedSinceRead)
                e.text += HostShell::tr(", and nothing was written");
            return std::unexpected(e);
        }
    for (const auto& c : copies) {
        if (auto r = copyFile(c.first, c.second); !r)
            return r;
        ++copied;
    }
    for (const FileReplacement& w : writes) {
        if (auto r = replaceFile(w); !r)
            return r;
        ++written;
    }
    return {};
}

Result<void> HostShell::copyThenWriteThenRun(const QList<QPair<QString, QString>>& copies,
    const QList<FileReplacement>& writes, int& copied, int& written, const QString& command, int timeoutMs,
    std::optional<Result<CommandResult>>& ran)
{
    ran.reset();
    if (auto done = copyThenWrite(copies, writes, copied, written); !done)
        return done;
    ran = run(command, timeoutMs);
    return {};
}
