#pragma once

#include <QStringList>

#include <QCoreApplication>

/** `replipair-cli sandbox up|down|status DIR`: two local MariaDB servers in DIR. */
class SandboxCommand
{
    Q_DECLARE_TR_FUNCTIONS(SandboxCommand)
public:
    static int run(const QStringList& args);
};
