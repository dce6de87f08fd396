#pragma once

#include "common/steperror.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>

/** The local work a sandbox is made with: finding the server's own tools (mariadb-install-db, the
 *  client, the server binary), running them with a time limit, writing its files atomically. */
namespace SandboxTools {
/** The first of @p names found on PATH or in the usual sbin folders, or empty. */
QString firstExecutable(const QStringList& names);
/** Runs @p program with @p stdinData on its standard input; its output, or a failure of @p server's
 *  sandbox step when it cannot start, exits non-zero or outlasts @p timeoutMs. */
Result<QByteArray> run(const QString& program, const QStringList& args, const QByteArray& stdinData,
    int timeoutMs, const QString& server);
/** Writes @p content to @p path through QSaveFile, then sets @p perms (when given). */
bool writeFile(const QString& path, const QByteArray& content, QFile::Permissions perms = {});
} // namespace SandboxTools
