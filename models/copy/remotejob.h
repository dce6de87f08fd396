#pragma once

#include "common/steperror.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>

class HostShell;

/** A long shell job on a server's host that outlives the command starting it: its own session and
 *  process group (setsid), output in files of a private work folder, polled by short commands and
 *  stopped as a whole group. Works the same through a LocalShell and an SshShell. */
class RemoteJob
{
    Q_DECLARE_TR_FUNCTIONS(RemoteJob)
public:
    RemoteJob(QString server, QString workDir);

    /** mktemp -d under $TMPDIR (mode 0700) on the host. */
    static Result<QString> makeWorkDir(HostShell& shell, const QString& server);
    /** Removes the work folder and everything in it (option files included). */
    static Result<void> removeWorkDir(HostShell& shell, const QString& server, const QString& workDir);
    /** Writes an empty file of mode 0600, then its content (never through a command line). */
    static Result<void> writePrivateFile(
        HostShell& shell, const QString& server, const QString& path, const QByteArray& content);

    /** Clears the previous job's state files and starts @p script in the background. */
    Result<void> start(HostShell& shell, const QString& name, const QString& script);
    /** Runs @p pollScript and returns its key=value lines. */
    Result<QMap<QString, QString>> poll(HostShell& shell, const QString& pollScript);
    /** TERM to the whole group, KILL after 10 s; returns once no process of the group is left. */
    Result<void> stop(HostShell& shell);
    /** The last lines of a log file in the work folder, for an error message. */
    QString tail(HostShell& shell, const QString& file, int lines = 5);

    QString workDir() const { return m_workDir; }

private:
    QString m_server;
    QString m_workDir;
};
