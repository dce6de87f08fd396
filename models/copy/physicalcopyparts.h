#pragma once

// The physical copy's parts shared by its .cpp files (physicalcopy, physicalcopyswap, physicalcopyundo):
// what it changed so far, and how it runs work on a server's worker.

#include "copy/physicalcopy.h"
#include "copy/physicalscript.h"
#include "host/remotejob.h"
#include "host/serverworker.h"

#include <QMap>
#include <QString>

#include <optional>

/** What the copy changed so far, so that it can be put back. */
struct PhysicalCopy::Undo
{
    PhysicalScriptParams params;
    std::optional<RemoteJob> sourceJob, targetJob;
    bool sourceJobRunning = false, targetJobRunning = false;
    bool accountMade = false;
    /** The source's temporary account (the backup's on the socket; CLONE's from the receiver's address). */
    QString accountUser = PhysicalCopy::accountName(), accountHost = QStringLiteral("localhost");
    // CLONE: its account on the receiver, the receiver's clone_valid_donor_list as it was, the clone begun
    bool targetAccountMade = false;
    int targetAccountIntent = 0;
    std::optional<QString> donorList;
    bool cloneStarted = false;
    QString oldDir; ///< where the receiver's data folder is moved aside
    bool swapStarted = false;
    bool swapped = false; ///< the receiver runs on the copy
    // the intents written to the journal before each change (0: none kept)
    int sourceFolderIntent = 0, sourceJobIntent = 0, accountIntent = 0, targetFolderIntent = 0,
        targetJobIntent = 0, swapIntent = 0;
};

/** "key=value" lines of a remote script's output. */
inline QMap<QString, QString> physicalKeyValues(const QByteArray& out)
{
    QMap<QString, QString> m;
    for (const QString& line : QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        m.insert(line.section(QLatin1Char('='), 0, 0), line.section(QLatin1Char('='), 1));
    return m;
}

template<typename F> auto PhysicalCopy::on(int server, F fn)
{
    return m_workers[server]->run(std::move(fn));
}

template<typename F> auto PhysicalCopy::onShell(int server, F fn)
{
    return on(server, [fn = std::move(fn)](ServerContext& ctx) -> std::invoke_result_t<F, HostShell&> {
        auto shell = ctx.hostShell();
        if (!shell)
            return std::unexpected(shell.error());
        return fn(**shell);
    });
}
