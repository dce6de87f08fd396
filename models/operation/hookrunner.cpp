#include "operation/hookrunner.h"

#include "common/stepid.h"
#include "platform/platform.h"

#include <QElapsedTimer>
#include <QProcess>

QString HookRunner::Outcome::summary() const
{
    if (command.isEmpty())
        return HookRunner::tr("no %1 hook in the profile: nothing run").arg(hook);
    QString head;
    if (timedOut)
        head = HookRunner::tr("%1 was stopped after %2 s (its timeout)").arg(hook).arg(elapsedMs / 1000);
    else if (exitCode != 0)
        head = HookRunner::tr("%1 exited with %2").arg(hook).arg(exitCode);
    else
        head = HookRunner::tr("%1 succeeded in %2 ms").arg(hook).arg(elapsedMs);
    return output.isEmpty() ? head : HookRunner::tr("%1: %2").arg(head, output);
}

HookRunner::HookRunner(const PairProfile& profile, int oldWriter, int newWriter)
    : m_profile(profile)
    , m_old(oldWriter)
    , m_new(newWriter)
{ }

QString HookRunner::command(const QString& name) const
{
    if (name == BeforeSwitch)
        return m_profile.hooks.beforeSwitch;
    if (name == AfterSwitch)
        return m_profile.hooks.afterSwitch;
    if (name == Rollback)
        return m_profile.hooks.rollback;
    return {};
}

QString HookRunner::intent(const QString& name) const
{
    const QString c = command(name);
    return c.isEmpty() ? tr("the %1 hook: none in the profile").arg(name)
                       : tr("run the %1 hook: %2").arg(name, c);
}

QProcessEnvironment HookRunner::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // the admin password may live in an environment variable of ours: a hook does not get it
    for (const ServerProfile& s : m_profile.servers) {
        for (const QString& secret : { s.adminPasswordEnv, s.ssh.passwordEnv, s.ssh.keyPassphraseEnv })
            if (!secret.isEmpty())
                env.remove(secret);
    }
    const ServerProfile& from = m_profile.servers[m_old];
    const ServerProfile& to = m_profile.servers[m_new];
    env.insert(QStringLiteral("REPLIPAIR_PAIR"), m_profile.name);
    env.insert(QStringLiteral("REPLIPAIR_OLD_WRITER"), from.name);
    env.insert(QStringLiteral("REPLIPAIR_OLD_WRITER_HOST"), from.host);
    env.insert(QStringLiteral("REPLIPAIR_OLD_WRITER_PORT"), QString::number(from.port));
    env.insert(QStringLiteral("REPLIPAIR_NEW_WRITER"), to.name);
    env.insert(QStringLiteral("REPLIPAIR_NEW_WRITER_HOST"), to.host);
    env.insert(QStringLiteral("REPLIPAIR_NEW_WRITER_PORT"), QString::number(to.port));
    return env;
}

Result<HookRunner::Outcome> HookRunner::run(const QString& name) const
{
    Outcome out;
    out.hook = name;
    out.command = command(name);
    if (out.command.isEmpty())
        return out;
    if (!Platform::hasPosixShell())
        return stepFailure(
            {}, StepId::RunHook, tr("the %1 hook cannot run: %2").arg(name, Platform::noPosixShellReason()));
    QProcess p;
    p.setProcessEnvironment(environment());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setStandardInputFile(QProcess::nullDevice());
    Platform::startInOwnGroup(p); // a group of its own: a timeout stops all of it
    QElapsedTimer t;
    t.start();
    p.start(Platform::posixShell(), { QStringLiteral("-c"), out.command });
    if (!p.waitForStarted(10000))
        return stepFailure(
            {}, StepId::RunHook, tr("the %1 hook could not be started: %2").arg(name, p.errorString()));
    const qint64 pid = p.processId();
    const int timeoutMs = std::max(1, m_profile.hooks.timeoutSeconds) * 1000;
    if (!p.waitForFinished(timeoutMs)) {
        out.timedOut = true;
        Platform::stopProcessGroup(pid, false);
        if (!p.waitForFinished(2000)) {
            Platform::stopProcessGroup(pid, true);
            p.waitForFinished(5000);
        }
    }
    out.elapsedMs = t.elapsed();
    out.output = QString::fromLocal8Bit(p.readAll()).trimmed();
    out.exitCode = (out.timedOut || p.exitStatus() != QProcess::NormalExit) ? -1 : p.exitCode();
    return out;
}
