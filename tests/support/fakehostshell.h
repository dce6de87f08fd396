#pragma once

#include "host/hostshell.h"

#include <QList>
#include <QMap>
#include <QPair>

/** A HostShell over an in-memory host: files by path, canned answers to commands (first rule whose
 *  key the command contains). For testing what only talks to a HostShell. */
class FakeHostShell : public HostShell
{
public:
    QMap<QString, QByteArray> files;
    QList<QPair<QString, CommandResult>> commands;
    QStringList ran; ///< every command run, in order

    void addCommand(const QString& contains, const QByteArray& out, int exitCode = 0);

    QString describe() const override { return QStringLiteral("fake host"); }
    Result<bool> exists(const QString& path) override;
    Result<QByteArray> readFile(const QString& path) override;
    Result<void> checkWritable(const QString& path) override;
    Result<void> writeFileAtomic(const QString& path, const QByteArray& content) override;
    Result<void> copyFile(const QString& path, const QString& backupPath) override;
    Result<void> removeFile(const QString& path) override;
    Result<QStringList> listDir(const QString& dir, const QString& glob) override;
    Result<CommandResult> run(const QString& command, int timeoutMs) override;
    /** run()'s canned answer; the input is read to its end first, the output handed over in one piece. */
    Result<CommandResult> stream(const QString& command, const CommandStream& ends) override;
};
