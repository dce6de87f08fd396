#pragma once

#include <QProcessEnvironment>
#include <QStringList>

struct ServerProfile;

/** The environment of every process RepliPair starts on this machine (the local shell's commands: a
 *  restart, the copy's tools; a sandbox's servers): this process's own, less every variable a profile in
 *  use names for a secret (admin password, SSH password, key passphrase). A server restarted by a local
 *  init script would otherwise keep the admin password in its environment. Thread-safe. */
class ChildEnvironment
{
public:
    /** From now on, the variables @p server names for secrets are withheld from child processes. */
    static void withhold(const ServerProfile& server);
    static void withhold(const QString& variable);
    /** This process's environment less the withheld variables. */
    static QProcessEnvironment make();
    static QStringList withheld();
};
