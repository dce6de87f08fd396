#pragma once

#include "actions/datacomparison.h"
#include "actions/replicarepair.h"
#include "common/pairprofile.h"
#include "common/steperror.h"
#include "config/configfootprint.h"

#include <QFuture>
#include <QObject>

#include <memory>

class ServerWorker;

/** The safe actions on an open pair, each on the servers' workers (the canvas's context menu, the alert
 *  banner): start/stop replication, show and skip the event a halted SQL thread could not apply, compare the
 *  data. Answers with QFutures; the caller never waits on the network. */
class ReplicaControl : public QObject
{
    Q_OBJECT
public:
    explicit ReplicaControl(const PairProfile& profile, QObject* parent = nullptr);
    ~ReplicaControl() override;

    /** START or STOP the replica threads on server @p index in its dialect; the text says what was done. A
     *  START after which the threads do not run within a few seconds fails, with what they report. */
    QFuture<Result<QString>> setReplicaRunning(int index, bool running);
    /** Starts server @p index, which does not answer, with its restart command: detached on its host and
     *  verified as setup's restart is (ServerRestart); a failure quotes the server's error log. @p errorLog
     *  and @p dataDir are what an earlier inspection learnt (may be empty). A server that answers already is
     *  not touched, and the answer says so. */
    QFuture<Result<QString>> startServer(int index, const QString& errorLog, const QString& dataDir);
    /** The event that halted the SQL thread of server @p index, with the token that confirms skipping it. */
    QFuture<Result<FailingEvent>> failingEvent(int index);
    /** Skips that one event group if it is still the one in @p confirmedToken, then starts the threads. */
    QFuture<Result<QString>> skipConfirmedEvent(int index, const QString& confirmedToken);

    /** What compareData() found. */
    struct Comparison
    {
        QList<TableDifference> differences;
        int tablesCompared = 0;
    };
    /** Compares the replicated tables of both servers (the row checksum on both at once), off the caller's
     * thread. */
    QFuture<Result<Comparison>> compareData();

    /** What RepliPair wrote into server @p index's option files (its drop-in or block, the lines it
     *  disabled), read from the files on the server's worker. */
    QFuture<Result<ConfigFootprint>> configFootprint(int index);

    /** Deletes this once no job is under way (a job on a dead server may take until its timeout):
     *  the caller never waits for a worker thread. */
    void retire();

private:
    template<typename T> QFuture<T> track(QFuture<T> job);

    PairProfile m_profile;
    int m_pending = 0;
    bool m_retired = false;
    std::unique_ptr<ServerWorker> m_workers[2];
};
