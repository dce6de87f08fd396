#pragma once

#include "host/hostshell.h"

#include <QByteArray>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

/** Option files as read from a host in ONE remote call: each start file (whether it exists) and every
 *  file it includes (!include, !includedir *.cnf, up to 4 levels deep), with the folders listed. The
 *  locator and the reader of option files share it instead of reading the tree file by file. */
class OptionFileTree
{
public:
    /** Reads @p startFiles and what they include through @p shell, in one call. A file it could not read
     *  is simply absent (callers read it on their own, which then says why). */
    static Result<OptionFileTree> read(
        HostShell& shell, const QStringList& startFiles, int timeoutMs = 30000);
    /** The read script: reads the files given as its arguments ("$@"), then exits 0. A caller may run it
     *  after a script of its own that sets them (one remote call). */
    static QString readScript();
    /** Parses what the read script printed (exposed for tests). */
    static OptionFileTree parse(const QByteArray& printed);

    /** Whether @p path exists on the host, when the read was asked about it (a start file). */
    std::optional<bool> exists(const QString& path) const;
    /** The content of @p path, when it was read. */
    std::optional<QByteArray> file(const QString& path) const;
    /** The *.cnf files (names, sorted) in @p dir, when that folder was listed as an !includedir. */
    std::optional<QStringList> cnfNames(const QString& dir) const;
    bool isEmpty() const { return m_files.isEmpty() && m_checked.isEmpty(); }

private:
    QMap<QString, QByteArray> m_files;
    QSet<QString> m_dirs;
    QMap<QString, bool> m_checked; ///< start file → exists
};
