#pragma once

#include <QString>

enum class Flavor { MySQL, MariaDB };

/** Flavor and version of a server, parsed from @@version. */
struct ServerVersion
{
    Flavor flavor = Flavor::MySQL;
    int major = 0;
    int minor = 0;
    int patch = 0;

    static ServerVersion parse(const QString& version);
    bool atLeast(int ma, int mi, int pa = 0) const;
    bool isValid() const { return major > 0; }
    QString toString() const;
};
