#include "sandbox/sandboxtools.h"

#include "common/stepid.h"
#include "host/childenvironment.h"
#include "sandbox/sandbox.h"

#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>

namespace SandboxTools {

QString firstExecutable(const QStringList& names)
{
    const QStringList extra { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"),
        QStringLiteral("/usr/local/mysql/bin") };
    for (const QString& n : names) {
        QString p = QStandardPaths::findExecutable(n);
        if (p.isEmpty())
            p = QStandardPaths::findExecutable(n, extra);
        if (!p.isEmpty())
            return p;
    }
    return {};
}

Result<QByteArray> run(const QString& program, const QStringList& args, const QByteArray& stdinData,
    int timeoutMs, const QString& server)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setProcessEnvironment(ChildEnvironment::make());
    p.start(program, args);
    if (!p.waitForStarted(5000))
        return stepFailure(
            server, StepId::Sandbox, Sandbox::tr("cannot start %1: %2").arg(program, p.errorString()));
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        return stepFailure(server, StepId::Sandbox, Sandbox::tr("%1 did not finish in time").arg(program));
    }
    const QByteArray out = p.readAll();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return stepFailure(server, StepId::Sandbox,
            Sandbox::tr("%1 failed (exit %2): %3")
                .arg(program)
                .arg(p.exitCode())
                .arg(QString::fromLocal8Bit(out.right(2000))));
    return out;
}

bool writeFile(const QString& path, const QByteArray& content, QFile::Permissions perms)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(content);
    if (!f.commit())
        return false;
    if (perms)
        QFile::setPermissions(path, perms);
    return true;
}

} // namespace SandboxTools
