#include "sandboxcommand.h"

#include "cli.h"
#include "platform/platform.h"
#include "sandbox/sandbox.h"

int SandboxCommand::run(const QStringList& args)
{
    if (args.size() != 2)
        return Cli::badInput(tr("sandbox needs an action (up, down, status) and a folder"));
    if (!Platform::hasSandbox())
        return Cli::badInput(Platform::noSandboxReason());
    Sandbox sandbox(args[1]);
    const QString action = args[0];
    if (action != QLatin1String("up") && sandbox.servers().isEmpty())
        return Cli::badInput(tr("%1 holds no sandbox").arg(args[1]));
    if (action == QLatin1String("up")) {
        auto r = sandbox.up(2);
        if (!r) {
            Cli::printFailure(r.error(), false);
            return Cli::Failed;
        }
        for (const SandboxServer& s : sandbox.servers())
            Cli::out() << tr("server %1: 127.0.0.1:%2, config %3").arg(s.name).arg(s.port).arg(s.configFile)
                       << Qt::endl;
        Cli::out() << tr("profile: %1").arg(sandbox.profilePath()) << Qt::endl;
        if (sandbox.tls())
            Cli::out() << tr("TLS: on, profile in verify-ca mode, CA %1").arg(sandbox.caFile()) << Qt::endl;
        return Cli::Success;
    }
    if (action == QLatin1String("down")) {
        auto r = sandbox.down();
        if (!r) {
            Cli::printFailure(r.error(), false);
            return Cli::Failed;
        }
        Cli::out() << tr("stopped") << Qt::endl;
        return Cli::Success;
    }
    if (action == QLatin1String("status")) {
        for (int i = 0; i < sandbox.servers().size(); ++i)
            Cli::out() << tr("server %1: 127.0.0.1:%2 %3")
                              .arg(sandbox.servers()[i].name)
                              .arg(sandbox.servers()[i].port)
                              .arg(sandbox.isRunning(i) ? tr("running") : tr("stopped"))
                       << Qt::endl;
        return Cli::Success;
    }
    return Cli::badInput(tr("unknown sandbox action \"%1\"").arg(action));
}
