#pragma once

#include "host/hostshell.h"

#include <QCoreApplication>
/** HostShell on this machine (a sandbox, or a server on the same host). */
class LocalShell : public HostShell
{
    Q_DECLARE_TR_FUNCTIONS(LocalShell)
public:
    explicit LocalShell(QString serverName);

    QString describe() const override;
    Result<bool> exists(const QString& path) override;
    Result<QByteArray> readFile(const QString& path) override;
    Result<void> checkWritable(const QString& path) override;
    Result<void> writeFileAtomic(const QString& path, const QByteArray& content) override;
    Result<void> replaceFile(const FileReplacement& w) override;
    Result<void> copyFile(const QString& path, const QString& backupPath) override;
    Result<void> removeFile(const QString& path) override;
    Result<QStringList> listDir(const QString& dir, const QString& glob) override;
    Result<CommandResult> run(const QString& command, int timeoutMs) override;
    Result<CommandResult> stream(const QString& command, const CommandStream& ends) override;

private:
    QString m_server;
};
