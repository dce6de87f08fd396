#pragma once

#include <QProcess>
#include <QString>

/** A real HAProxy on 127.0.0.1 in front of a pair (TCP, backend "pair" with servers named as the pair's,
 *  the writer "ready", the other in maintenance), with an admin socket; always stopped when it goes away.
 *  routeHook() is the afterSwitch hook that moves new connections to REPLIPAIR_NEW_WRITER through the
 *  runtime API and cuts the sessions still open on the old writer. */
class HaproxyFixture
{
public:
    explicit HaproxyFixture(QString dir);
    ~HaproxyFixture();

    /** Starts haproxy with servers @p names at @p ports; @p writer is the one that gets connections. */
    bool start(const QString names[2], const int ports[2], int writer);
    void stop();
    QString error() const { return m_error; }
    int port() const { return m_port; }
    QString adminSocket() const { return m_dir + QStringLiteral("/admin.sock"); }

    /** Sends one runtime API command over the admin socket (socat) and returns the answer. */
    QString command(const QString& line) const;
    /** "ready"/"maint"/… of server @p name as `show servers state` says (its srv_admin_state: 0 ready). */
    bool isReady(const QString& name) const;
    /** The shell command of the afterSwitch hook: ready for the new writer, maint for the old one, and
     *  its open sessions shut. */
    QString routeHook() const;

private:
    QString m_dir;
    int m_port = 0;
    QProcess m_process;
    QString m_error;
};
