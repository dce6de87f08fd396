#include "host/childenvironment.h"

#include "common/pairprofile.h"

#include <QMutex>
#include <QMutexLocker>
#include <QSet>

namespace {
QMutex& lock()
{
    static QMutex m;
    return m;
}

QSet<QString>& names()
{
    static QSet<QString> s;
    return s;
}
} // namespace

void ChildEnvironment::withhold(const ServerProfile& server)
{
    for (const QString& v : { server.adminPasswordEnv, server.ssh.passwordEnv, server.ssh.keyPassphraseEnv })
        withhold(v);
}

void ChildEnvironment::withhold(const QString& variable)
{
    if (variable.isEmpty())
        return;
    const QMutexLocker locked(&lock());
    names().insert(variable);
}

QProcessEnvironment ChildEnvironment::make()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QMutexLocker locked(&lock());
    for (const QString& v : std::as_const(names()))
        env.remove(v);
    return env;
}

QStringList ChildEnvironment::withheld()
{
    const QMutexLocker locked(&lock());
    QStringList out(names().cbegin(), names().cend());
    out.sort();
    return out;
}
