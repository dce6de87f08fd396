#pragma once

#include <QString>

/** The shell scripts that start, stop and restart one sandbox server (the restart command setup runs). */
namespace SandboxScripts {
/** Starts the server unless it runs, and waits until it accepts connections (60 s at most). */
QString start(const QString& name, const QString& quotedDir, const QString& quotedBinary);
/** Stops the server and waits until it is gone; fails loudly when it may not be signalled. */
QString stop(const QString& name, const QString& quotedDir);
/** stop.sh, then start.sh. */
QString restart(const QString& name);
} // namespace SandboxScripts
