#pragma once

#include "sandbox/sandbox.h"

#include <QString>
#include <QTemporaryDir>
#include <memory>

/** A sandbox pair in a temporary folder, always stopped when the fixture goes away (also on failure). */
class SandboxPair
{
public:
    SandboxPair();
    ~SandboxPair();
    /** Starts two servers; false (with the reason in error()) when that is impossible. */
    bool up();
    Sandbox& sandbox() { return *m_sandbox; }
    QString error() const { return m_error; }
    QString dir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Sandbox> m_sandbox;
    QString m_error;
};

/** Runs a SQL statement on sandbox server @p index through the mariadb client over its socket. */
QString sandboxSql(Sandbox& sandbox, int index, const QString& sql, bool* ok = nullptr);

/** Appends to the journal at @p path a switchover run killed after its first change (A set read-only, no end
 *  line, pid 0: a process that is gone), as `recover` and the next run's journal check see it. False when
 *  the file cannot be written. */
bool appendKilledSwitchover(const QString& path);
