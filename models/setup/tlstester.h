#pragma once

#include "common/pairprofile.h"
#include "host/tlspeercheck.h"

#include <QObject>

struct ServerContext;

/** The wizard's "Test TLS": for each server, RepliPair's own connection in the chosen mode (it fails rather
 *  than fall back to clear text) and the certificate the server shows — subject, issuer, expiry — each on a
 *  ServerWorker of its own. The GUI thread only starts it and receives finished(). */
class TlsTester : public QObject
{
    Q_OBJECT
public:
    /** What one server showed. */
    struct Outcome
    {
        int index = 0;
        QString server;
        bool connected = false; ///< the admin login worked in this mode
        QString cipher; ///< the session's cipher (empty: clear text)
        QString error; ///< the client library's or TLS library's own words
        TlsPeerFacts certificate; ///< as seen from this machine
        /** One line for people: "encrypted (cipher), CN=… issued by CN=…, expires …" or the error. */
        QString summary() const;
    };

    explicit TlsTester(QObject* parent = nullptr);
    ~TlsTester() override;

    /** Tests both servers of @p pair with its "tls"; a running test is abandoned. */
    void start(const PairProfile& pair);
    bool isRunning() const { return m_pending > 0; }

    /** The test of one server, on its worker's thread. */
    static Outcome probe(ServerContext& ctx);

Q_SIGNALS:
    void finished(const TlsTester::Outcome& outcome);
    void allFinished();

private:
    int m_pending = 0;
    quint64 m_generation = 0;
};
