#pragma once

#include "common/pairprofile.h"
#include "host/ssh/sshsession.h"

#include <QObject>
#include <QPointer>

struct ServerContext;

#include <optional>

/** Tests one server's SQL login (and SSH host key and login) on a ServerWorker of its own. The GUI thread
 *  only starts it and receives finished(); a test that hangs on the network is simply left to time out. */
class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    /** What a test found. */
    struct Outcome
    {
        bool sqlOk = false;
        QString sqlText; ///< version and server-id, or the server's own error text
        bool sshTried = false;
        bool sshOk = false;
        QString sshText;
        std::optional<SshHostKey> hostKey; ///< when the host key was probed
        QString configText; ///< "auto": the option file found and why, or why not
        QString restartText; ///< "auto": the restart command found and why, or why not
        bool configFailed = false; ///< "auto" could not find the option file: configText says why
        bool restartFailed = false; ///< "auto" could not find a restart command: restartText says why
        bool ok() const { return sqlOk && (!sshTried || sshOk); }
    };

    explicit ConnectionTester(QObject* parent = nullptr);
    ~ConnectionTester() override;

    /** Starts a test of @p profile (server @p index of the pair); a running test is abandoned. */
    void start(const ServerProfile& profile, int index);
    /** Adds a host key the user confirmed to known_hosts (on the worker), then tests again. */
    void trustHostKeyAndRetest(const ServerProfile& profile, int index, const QString& fingerprint);
    bool isRunning() const { return m_running; }
    void setTimeoutSec(int seconds) { m_timeoutSec = seconds; }

Q_SIGNALS:
    void finished(const ConnectionTester::Outcome& outcome);

private:
    void run(const ServerProfile& profile, int index, const QString& trustFingerprint);
    /** The test itself, on the worker thread. */
    static Outcome probe(ServerContext& ctx, int timeoutSec, const QString& trustFingerprint);

    bool m_running = false;
    int m_timeoutSec = 5;
    quint64 m_generation = 0;
};
